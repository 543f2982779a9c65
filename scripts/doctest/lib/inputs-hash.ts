// The doctest reports' inputs hash: the pages' text and the runner's own code, so the manifest can tell a stale report.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { hashBytes, hashJson } from '../../../core/hash.ts';

function listCode(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listCode(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Hash of every .ts under scripts/doctest. */
export function runnerCodeVersion(): string {
  const dir = join(import.meta.dirname, '..');
  return hashJson(
    Object.fromEntries(
      listCode(dir)
        .sort()
        .map((file) => [relative(dir, file), hashBytes(readFileSync(file))]),
    ),
  );
}

/** Inputs hash of a run over `files` (repo-relative). */
export function doctestInputsHash(root: string, files: readonly string[]): string {
  return hashJson({
    pages: Object.fromEntries([...files].sort().map((file) => [file, hashBytes(readFileSync(join(root, file)))])),
    runner: runnerCodeVersion(),
  });
}
