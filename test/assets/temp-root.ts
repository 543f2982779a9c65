// Test helper: a temporary copy of the repo's asset inputs to render into.
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository this test suite runs in. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A throwaway project root holding the repo's facts file plus the given files, copied as
 * `[from, to]` pairs (from is repo-relative, to is relative to the new root).
 */
export async function makeTempRoot(
  files: Array<[string, string]> = [],
): Promise<{ root: string; cleanup: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'assets-test-'));
  await mkdir(join(root, 'content'), { recursive: true });
  await cp(join(REPO_ROOT, 'content/facts.yaml'), join(root, 'content/facts.yaml'));
  for (const [from, to] of files) await cp(join(REPO_ROOT, from), join(root, to), { recursive: true });
  return { root, cleanup: () => rm(root, { recursive: true, force: true }) };
}
