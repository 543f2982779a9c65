// Serves and copies the generated marketing/ files each audience may see (the public site: only those it references).
import { cpSync, createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { SERVED_MARKETING_DIRS } from '../../core/asset-path.ts';
import { listFiles } from '../../core/list-files.ts';

function listAllFiles(dir: string): string[] {
  return listFiles(dir, { dot: true }).map((file) => join(dir, file));
}

const MARKETING_URL = /\/marketing\/[\w./-]+/g;

/** Every /marketing/… path that the built pages, feeds and sitemaps of `outDir` mention. */
function referencedMarketingPaths(outDir: string): Set<string> {
  const found = new Set<string>();
  for (const file of listAllFiles(outDir)) {
    if (!/\.(html|xml|json|css|js)$/.test(file) || file.includes('/pagefind/')) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(MARKETING_URL)) found.add(match[0].slice(1));
  }
  return found;
}

/**
 * Serves generated deliverables under /marketing/<dir> (temp files and dotfiles skipped). The
 * launch room gets every file of its folders; the public site only the files its own pages
 * reference, so audio and cards made for internal pieces never ship publicly.
 */
export function marketingFiles(audience: 'public' | 'internal'): AstroIntegration {
  let root = '';
  return {
    name: 'marketing-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        // The project is the folder around src/ (the launch room builds from a root of its own).
        root = fileURLToPath(new URL('..', config.srcDir));
      },
      // `astro dev` serves the same files live, so previews show current audio and diagrams.
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const path = decodeURIComponent((request.url ?? '').split('?')[0]!);
          const folder = path.split('/')[2] ?? '';
          const file = join(root, path);
          const allowed =
            path.startsWith('/marketing/') &&
            !path.includes('..') &&
            (SERVED_MARKETING_DIRS[audience] as readonly string[]).includes(folder);
          if (!allowed || !existsSync(file) || !statSync(file).isFile()) return next();
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': ({ dir }) => {
        const outDir = fileURLToPath(dir);
        const wanted = audience === 'public' ? referencedMarketingPaths(outDir) : undefined;
        for (const folder of SERVED_MARKETING_DIRS[audience]) {
          const source = join(root, 'marketing', folder);
          if (!existsSync(source)) continue;
          for (const file of listAllFiles(source)) {
            const rel = relative(join(root, 'marketing'), file);
            if (rel.split('/').some((part) => part.startsWith('.'))) continue;
            if (wanted && !wanted.has(`marketing/${rel}`)) continue;
            cpSync(file, join(outDir, 'marketing', rel));
          }
        }
      },
    },
  };
}
