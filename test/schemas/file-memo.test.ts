// A value read from a file is kept while the file is unchanged and read again once it changes or goes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { readWhileUnchanged } from '../../core/file-memo.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'file-memo-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('reading a file while it is unchanged', () => {
  test('reads once, again after an edit, and again when the file is gone', async () => {
    const path = join(dir, 'report.json');
    let reads = 0;
    const read = (exists: boolean) => {
      reads++;
      return exists ? readFileSync(path, 'utf8') : 'missing';
    };
    await writeFile(path, 'first');
    expect([readWhileUnchanged(path, read), readWhileUnchanged(path, read)]).toEqual(['first', 'first']);
    expect(reads).toBe(1);
    await writeFile(path, 'second, longer');
    expect(readWhileUnchanged(path, read)).toBe('second, longer');
    await rm(path);
    expect(readWhileUnchanged(path, read)).toBe('missing');
    expect(readWhileUnchanged(path, read)).toBe('missing');
    expect(reads).toBe(3);
  });
});
