// Remembers what was read from a file until its size or modification time changes: one read per build, live in `astro dev`.
import { statSync } from 'node:fs';

const remembered = new Map<string, { stamp: string; value: unknown }>();

/**
 * `read()` the first time `path` is asked for, then the same value while the file's size and
 * modification time stay the same (a missing file is a stamp too). Every page of a build asks for
 * the facts and the doctest report; `astro dev` still sees an edit at once. Treat the value as
 * read-only: callers share it.
 */
export function readWhileUnchanged<Value>(path: string, read: (exists: boolean) => Value): Value {
  const info = statSync(path, { throwIfNoEntry: false });
  const stamp = info ? `${info.mtimeMs}:${info.size}` : 'missing';
  const known = remembered.get(path);
  if (known?.stamp === stamp) return known.value as Value;
  const value = read(info !== undefined);
  remembered.set(path, { stamp, value });
  return value;
}
