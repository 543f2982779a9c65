// Checks, before any step runs, that a command will be able to write its outputs where it means to.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Why `target` (a file or folder to be written, created if missing) cannot be written, or
 * undefined when it can: the nearest existing ancestor must be a writable folder, and an existing
 * target must itself be writable.
 */
export function describeUnwritable(target: string): string | undefined {
  let path = resolve(target);
  let existing = true;
  for (;;) {
    const info = statSync(path, { throwIfNoEntry: false });
    if (info) {
      if (!existing && !info.isDirectory()) return `${path} is a file, so nothing can be created under it`;
      try {
        accessSync(path, constants.W_OK);
      } catch {
        return `${path} is not writable`;
      }
      return undefined;
    }
    const parent = dirname(path);
    if (parent === path) return `no folder of ${target} exists`;
    path = parent;
    existing = false;
  }
}
