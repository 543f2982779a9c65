import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Files on disk that references may point at, repo-relative. */
export interface RepoFiles {
  /** Everything under marketing/ except dotfiles and temp files. */
  marketing: Set<string>;
  /** Everything under public/ except dotfiles. */
  public: Set<string>;
}

/** Lists files under `dir` (repo-relative paths), skipping dotfiles and dot-folders. */
export function listFiles(root: string, dir: string): string[] {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((name) => {
    if (name.startsWith('.')) return [];
    const rel = `${dir}/${name}`;
    return statSync(join(root, rel)).isDirectory() ? listFiles(root, rel) : [rel];
  });
}

/** Reads the two asset folders of the asset rule (core/asset-path.ts). */
export function listRepoFiles(root: string): RepoFiles {
  return { marketing: new Set(listFiles(root, 'marketing')), public: new Set(listFiles(root, 'public')) };
}
