// Atomic publishing: a command writes into a temporary sibling and swaps it in only when the whole run passed.
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';

/** Where staged files wait, relative to the checkout root (git-ignored, same filesystem as the outputs). */
export const STAGE_DIR = '.cache/stage';

/**
 * Builds a whole folder (e.g. `dist/`) into a fresh sibling and, only if `build` resolves true, swaps
 * it in for the old one. On failure or a throw the previous folder stays byte for byte and the
 * sibling is removed. Returns whether the new folder was published.
 */
export async function publishDirectory(target: string, build: (tempDir: string) => Promise<boolean>): Promise<boolean> {
  const parent = dirname(resolve(target));
  await mkdir(parent, { recursive: true });
  const temp = await mkdtemp(join(parent, `.${basename(target)}.next-`));
  try {
    if (!(await build(temp))) return false;
    await swapIn(temp, target);
    return true;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

// Two renames: the old folder steps aside, the new one takes its name, then the old one goes.
// A crash between the renames leaves both on disk under recognisable names, never a half folder.
async function swapIn(temp: string, target: string): Promise<void> {
  const old = `${join(dirname(resolve(target)), `.${basename(target)}.old-`)}${process.pid}`;
  const hadOld = await exists(target);
  if (hadOld) await rename(target, old);
  try {
    await rename(temp, target);
  } catch (error) {
    if (hadOld) await rename(old, target);
    throw error;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}

/** A set of files written into a staging folder and moved into place together by {@link FileStage.commit}. */
export interface FileStage {
  /** The temp path to write for the repo-relative output `path`; the folder exists. */
  pathFor(path: string): Promise<string>;
  /** Repo-relative outputs staged so far, in the order they were first asked for. */
  readonly staged: readonly string[];
  /** Moves every staged file into place, `last` (e.g. the manifest) after all others; then removes the stage. */
  commit(options?: { last?: readonly string[] }): Promise<string[]>;
  /** Removes the stage and everything in it; the outputs are untouched. Safe to call twice. */
  discard(): Promise<void>;
}

/** Opens a stage under `<root>/.cache/stage/`; always `discard()` it in a `finally`. */
export async function openFileStage(root: string): Promise<FileStage> {
  await mkdir(join(root, STAGE_DIR), { recursive: true });
  const dir = await mkdtemp(join(root, STAGE_DIR, 'run-'));
  const staged: string[] = [];
  const discard = () => rm(dir, { recursive: true, force: true });
  return {
    staged,
    async pathFor(path) {
      const rel = relative(root, resolve(root, path));
      if (rel.startsWith('..')) throw new Error(`staged output ${path} is outside the checkout`);
      const temp = join(dir, rel);
      await mkdir(dirname(temp), { recursive: true });
      if (!staged.includes(rel)) staged.push(rel);
      return temp;
    },
    async commit(options = {}) {
      const last = new Set(options.last ?? []);
      const ordered = [...staged.filter((path) => !last.has(path)), ...staged.filter((path) => last.has(path))];
      const moved: string[] = [];
      for (const path of ordered) {
        if (!(await exists(join(dir, path)))) continue;
        await mkdir(dirname(join(root, path)), { recursive: true });
        await rename(join(dir, path), join(root, path));
        moved.push(path);
      }
      await discard();
      return moved;
    },
    discard,
  };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
