// Atomic file writes: write a temporary sibling, then rename, so a reader never sees half a file.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * Writes a file so that readers see either the old bytes or the new ones, never half a file:
 * the data goes to a temp file in the same folder (same filesystem, so rename is atomic), then
 * replaces the target. A failed write leaves the previous file untouched.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Moves an already written temp file into place (for tools that write files themselves). */
export async function replaceAtomic(tempPath: string, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await rename(tempPath, path);
}

/** A temp path beside `path`, for tools that must write a file themselves before {@link replaceAtomic}. */
export function tempPathFor(path: string, extension = ''): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp${extension}`);
}
