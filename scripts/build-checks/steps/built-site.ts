// Stage: reads the built dist/ folders of both audiences for the output rules.
import { existsSync } from 'node:fs';
import { listFiles } from '../lib/repo-files.ts';

/** One build's output folder. */
export interface BuiltAudience {
  audience: 'public' | 'internal';
  /** Repo-relative folder, e.g. `dist/public`. */
  dir: string;
  /** Repo-relative paths of every file in it. */
  files: Set<string>;
}

/** The built sites the output checks read. */
export interface BuiltSite {
  audiences: BuiltAudience[];
}

/** Default output folders of the two builds (astro.config.mjs writes `dist/<audience>`). */
export const DIST_DIRS = { public: 'dist/public', internal: 'dist/internal' } as const;

/** Lists what the builds wrote; a missing folder is simply absent (the caller says why). */
export function readBuiltSite(
  root: string,
  dirs: Partial<Record<'public' | 'internal', string>> = DIST_DIRS,
): BuiltSite {
  const audiences: BuiltAudience[] = [];
  for (const audience of ['public', 'internal'] as const) {
    const dir = dirs[audience];
    if (!dir || !existsSync(`${root}/${dir}`)) continue;
    audiences.push({ audience, dir, files: new Set(listFiles(root, dir)) });
  }
  return { audiences };
}
