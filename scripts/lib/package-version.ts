// Reads an installed package's version, for the tool versions in inputs hashes.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed version of an npm package, read from its package.json next to its entry point
 * (works for packages whose `exports` hide package.json). For cache keys: a tool upgrade must
 * change the hash of everything it renders.
 */
export function readPackageVersion(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.resolve(name)));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // No package.json at this level; keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the version of ${name} — is it installed? run \`npm run setup\``);
    dir = parent;
  }
}
