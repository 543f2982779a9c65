// Writes and reads secret files with owner-only modes (0700 folders, 0600 files).
import { chmod, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';
import { randomBytes } from 'node:crypto';

/** Mode of a folder that holds secrets: owner only. */
export const SECRET_DIR_MODE = 0o700;
/** Mode of a file that holds a secret: owner read/write only. */
export const SECRET_FILE_MODE = 0o600;

/**
 * Writes a secret (a token) to a file that only its owner can read: the folder is created
 * (or tightened) to 0700, the value goes to a 0600 temp file first and is renamed into place,
 * so the secret is never readable by others, even for a moment, and never half-written.
 */
export async function writeSecretFile(path: string, value: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: SECRET_DIR_MODE });
  await chmod(dirname(path), SECRET_DIR_MODE);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, value, { mode: SECRET_FILE_MODE });
    await chmod(temp, SECRET_FILE_MODE);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Reads a secret file written by {@link writeSecretFile}; undefined when it does not exist. */
export async function readSecretFile(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, 'utf8')).trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
