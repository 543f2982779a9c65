// Tests of linkTree: the same tree at the new place, every file a hard link of the old one.
import { mkdtemp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { linkTree } from '../../scripts/lib/link-tree.ts';

let dir: string | undefined;
afterEach(() => (dir ? rm(dir, { recursive: true, force: true }) : undefined));

describe('linkTree', () => {
  test('recreates nested folders with every file linked, not copied', async () => {
    dir = await mkdtemp(join(tmpdir(), 'link-tree-'));
    const from = join(dir, 'site');
    await mkdir(join(from, 'blog/post a'), { recursive: true });
    await mkdir(join(from, 'empty'), { recursive: true });
    await writeFile(join(from, 'index.html'), '<html></html>\n');
    await writeFile(join(from, 'blog/post a/index.html'), 'post\n');
    const placed = await linkTree(from, join(dir, 'copy'));
    expect(placed).toBe(2);
    expect(await readFile(join(dir, 'copy/blog/post a/index.html'), 'utf8')).toBe('post\n');
    expect((await stat(join(dir, 'copy/empty'))).isDirectory()).toBe(true);
    const [original, linked] = await Promise.all([stat(join(from, 'index.html')), stat(join(dir, 'copy/index.html'))]);
    expect(linked.ino).toBe(original.ino);
    expect(linked.nlink).toBe(2);
    // The old tree can go: the new one keeps the bytes.
    await rm(from, { recursive: true });
    expect(await readFile(join(dir, 'copy/index.html'), 'utf8')).toBe('<html></html>\n');
  });
});
