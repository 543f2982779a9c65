import { cpSync, createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/** Folders of marketing/ each audience serves at /marketing/<folder>/. */
export const SERVED_MARKETING_DIRS = {
  public: ['assets', 'audio'],
  internal: ['assets', 'audio', 'demo'],
} as const;

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}

/**
 * Serves generated deliverables: copies marketing/<dir> into the build under /marketing/<dir>
 * (temp files and dotfiles skipped). The public site gets assets and audio only.
 */
export function marketingFiles(audience: 'public' | 'internal'): AstroIntegration {
  let root = '';
  return {
    name: 'marketing-files',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      // `astro dev` serves the same files live, so previews show current audio and diagrams.
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const path = decodeURIComponent((request.url ?? '').split('?')[0]!);
          const folder = path.split('/')[2] ?? '';
          const file = join(root, path);
          const allowed = path.startsWith('/marketing/') && !path.includes('..') && (SERVED_MARKETING_DIRS[audience] as readonly string[]).includes(folder);
          if (!allowed || !existsSync(file) || !statSync(file).isFile()) return next();
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': ({ dir }) => {
        const outDir = fileURLToPath(dir);
        for (const folder of SERVED_MARKETING_DIRS[audience]) {
          const source = join(root, 'marketing', folder);
          if (!existsSync(source)) continue;
          for (const file of listFiles(source)) {
            const rel = relative(join(root, 'marketing'), file);
            if (rel.split('/').some((part) => part.startsWith('.'))) continue;
            cpSync(file, join(outDir, 'marketing', rel));
          }
        }
      },
    },
  };
}
