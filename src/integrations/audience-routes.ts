import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const ROUTES_DIR = 'src/routes';

function listRouteFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return listRouteFiles(full);
    return /\.(astro|ts)$/.test(name) ? [full] : [];
  });
}

/** Maps `src/routes/<audience>/blog/[slug].astro` to the pattern `/blog/[slug]`. */
export function patternFor(file: string, audienceDir: string): string {
  const path = relative(audienceDir, file).replace(/\\/g, '/').replace(/\.(astro|ts)$/, '');
  const pattern = `/${path}`.replace(/\/index$/, '') || '/';
  return pattern === '' ? '/' : pattern;
}

/**
 * Injects the pages of one audience only: `src/routes/public/**` or `src/routes/internal/**`.
 * Pages of the other audience are not routed at all, so they cannot leak into its build.
 */
export function audienceRoutes(audience: 'public' | 'internal'): AstroIntegration {
  return {
    name: 'audience-routes',
    hooks: {
      'astro:config:setup': ({ injectRoute, config }) => {
        const root = fileURLToPath(new URL('.', config.root));
        const audienceDir = join(root, ROUTES_DIR, audience);
        for (const file of listRouteFiles(audienceDir)) {
          injectRoute({ pattern: patternFor(file, audienceDir), entrypoint: file, prerender: true });
        }
      },
    },
  };
}
