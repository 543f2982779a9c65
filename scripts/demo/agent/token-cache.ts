// The agent's cached workspace token at ~/.molecule/<id>/.auth_token (0700 folder, 0600 file).
import { readSecretFile, writeSecretFile } from '../../lib/secret-file.ts';

/** The cached workspace token, if the file exists. */
export async function readCachedToken(path: string): Promise<string | undefined> {
  return readSecretFile(path);
}

/** Caches a token: folder 0700, file 0600, written atomically. */
export async function cacheToken(path: string, token: string): Promise<void> {
  await writeSecretFile(path, token);
}
