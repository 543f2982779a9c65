// The fingerprint of everything the two Astro builds read, recorded beside the site, so a build with nothing changed reuses the last good one.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashJson } from '../../../core/hash.ts';
import { listFiles } from '../../../core/list-files.ts';
import { explainUnpublishable, type PublishableFields } from '../../../core/publishable.ts';
import type { Sources } from './collect.ts';

/** The record's name inside dist/ (beside dist/public and dist/internal, so neither site serves it). */
export const BUILD_INPUTS_FILE = 'build-inputs.json';
/** Bump when what goes into the fingerprint changes meaning. */
const VERSION = 1;
/**
 * What Astro reads: its config, the code (src/ imports core/ and scripts/lib/), the content, and
 * the files pages show or copy. Dependencies count through package-lock.json. Small files count by
 * their bytes; the films and recordings in marketing/ by size and modification time.
 */
const INPUTS = [
  'astro.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  'src',
  'core',
  'scripts',
  'content',
  'public',
  'marketing',
];
const HASHED_UP_TO_BYTES = 1024 * 1024;

function describe(root: string, path: string): Array<[string, string]> {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  const info = statSync(full);
  const files = info.isDirectory() ? listFiles(full).map((file) => `${path}/${file}`) : [path];
  return files.map((file) => {
    const stat = file === path ? info : statSync(join(root, file));
    const what =
      stat.size <= HASHED_UP_TO_BYTES
        ? createHash('sha256')
            .update(readFileSync(join(root, file)))
            .digest('hex')
        : `${stat.size}:${Math.round(stat.mtimeMs)}`;
    return [file, what];
  });
}

/**
 * The fingerprint of one build: every input file, the Node version, and each entry's publishing
 * state at the build clock (an embargo that lifts changes what both sites show without a file
 * changing). The launch room's "built at" stamp is not an input: a reused launch room says when
 * it was rendered.
 */
export function fingerprintBuild(sources: Sources): string {
  return hashJson({
    version: VERSION,
    node: process.version,
    files: INPUTS.flatMap((path) => describe(sources.root, path)),
    states: sources.content.map((file) => [
      file.id,
      file.data ? (explainUnpublishable(file.data as unknown as PublishableFields, sources.now) ?? null) : 'invalid',
    ]),
  });
}

/** The fingerprint the site in `dist` was built from, if it says. */
export function readRecordedFingerprint(dist: string): string | undefined {
  try {
    const record = JSON.parse(readFileSync(join(dist, BUILD_INPUTS_FILE), 'utf8')) as { fingerprint?: unknown };
    return typeof record.fingerprint === 'string' ? record.fingerprint : undefined;
  } catch {
    return undefined;
  }
}

/** Records the fingerprint in the staged tree, so it is published together with the site it describes. */
export async function recordFingerprint(temp: string, fingerprint: string): Promise<void> {
  await writeFile(join(temp, BUILD_INPUTS_FILE), `${JSON.stringify({ version: VERSION, fingerprint }, null, 2)}\n`);
}
