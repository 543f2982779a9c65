// Finds the checkout a command was started in, so `cli.ts check` works from any subfolder.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** What marks the top of a launch-kit checkout. */
const MARKERS = ['astro.config.mjs', 'package.json'];

/**
 * The nearest folder at or above `start` holding both markers; `start` itself when none does
 * (the caller's checks then say what is missing there).
 */
export function findRepoRoot(start: string): string {
  let dir = resolve(start);
  for (;;) {
    if (MARKERS.every((name) => existsSync(join(dir, name)))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start);
    dir = parent;
  }
}
