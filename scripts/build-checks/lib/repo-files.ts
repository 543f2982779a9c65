// The files under marketing/ and public/ that references may point at, listed once per run.
import { join } from 'node:path';
import { listFiles as listFilesUnder } from '../../../core/list-files.ts';

/** Files on disk that references may point at, repo-relative. */
export interface RepoFiles {
  /** Everything under marketing/ except dotfiles and temp files. */
  marketing: Set<string>;
  /** Everything under public/ except dotfiles. */
  public: Set<string>;
}

/** Lists files under `dir` (repo-relative paths), skipping dotfiles and dot-folders. */
export function listFiles(root: string, dir: string): string[] {
  return listFilesUnder(join(root, dir)).map((file) => `${dir}/${file}`);
}

/** Reads the two asset folders of the asset rule (core/asset-path.ts). */
export function listRepoFiles(root: string): RepoFiles {
  return { marketing: new Set(listFiles(root, 'marketing')), public: new Set(listFiles(root, 'public')) };
}
