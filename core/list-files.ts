// The one recursive file listing: repo-relative or folder-relative paths, sorted, via tinyglobby.
import { existsSync } from 'node:fs';
import { globSync } from 'tinyglobby';

/** Options for {@link listFiles}. */
export interface ListFilesOptions {
  /** Glob patterns relative to `dir` (default: every file). */
  patterns?: string[];
  /** Include dotfiles and files under dot-folders (default false). */
  dot?: boolean;
  /** Patterns to leave out. */
  ignore?: string[];
}

/** Every file under `dir` matching `patterns`, as `/`-separated paths relative to `dir`, sorted; [] when `dir` is missing. */
export function listFiles(dir: string, options: ListFilesOptions = {}): string[] {
  if (!existsSync(dir)) return [];
  const found = globSync(options.patterns ?? ['**/*'], {
    cwd: dir,
    dot: options.dot ?? false,
    ignore: options.ignore,
    onlyFiles: true,
    expandDirectories: false,
  });
  return found.sort();
}
