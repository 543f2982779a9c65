// Reading a built file that may still be being written: whole or not at all, with a stamp to tell later whether it changed.
import type { Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { describeTruncation } from '../checks/truncated.ts';

/** A file as it was on disk when read: the same inode, size and mtime later mean the same file. */
export interface FileStamp {
  ino: number;
  size: number;
  mtimeMs: number;
}

/**
 * The text of `path` and its stamp; `'missing'`, or `'partial'` while it is not whole yet: shorter
 * than its size when read, or (a page or feed) not yet ending in its closing tag.
 */
export async function readWholeFile(path: string): Promise<{ text: string; stamp: FileStamp } | 'missing' | 'partial'> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (handle === undefined) return 'missing';
  let bytes: Buffer;
  let info: Stats;
  try {
    info = await handle.stat();
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  const text = bytes.toString('utf8');
  if (bytes.length !== info.size || describeTruncation(path, info.size, text.slice(-4096)) !== undefined)
    return 'partial';
  return { text, stamp: { ino: info.ino, size: info.size, mtimeMs: info.mtimeMs } };
}

/** Whether `now` is the file `stamp` was taken of, unchanged. */
export function sameFile(stamp: FileStamp, now: Pick<Stats, 'ino' | 'size' | 'mtimeMs'>): boolean {
  return now.ino === stamp.ino && now.size === stamp.size && now.mtimeMs === stamp.mtimeMs;
}
