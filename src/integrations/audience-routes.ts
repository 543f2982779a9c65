// Injects the pages of one audience (src/routes/public or src/routes/internal) as Astro routes.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listFiles } from '../../core/list-files.ts';
import { patternFor } from '../../core/site-urls.ts';

const ROUTES_DIR = 'src/routes';

function listRouteFiles(dir: string): string[] {
  return listFiles(dir, { patterns: ['**/*.{astro,ts}'] }).map((file) => join(dir, file));
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
        // The project is the folder around src/ (the launch room builds from a root of its own).
        const root = fileURLToPath(new URL('..', config.srcDir));
        const audienceDir = join(root, ROUTES_DIR, audience);
        for (const file of listRouteFiles(audienceDir)) {
          injectRoute({ pattern: patternFor(file, audienceDir), entrypoint: file, prerender: true });
        }
      },
    },
  };
}
