// The fingerprint of everything each Astro build reads, recorded beside the site, so a site whose inputs did not change is reused.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { hashJson } from '../../../core/hash.ts';
import { listFiles } from '../../../core/list-files.ts';
import { explainUnpublishable, type PublishableFields } from '../../../core/publishable.ts';
import type { Sources } from './collect.ts';

/** The record's name inside dist/ (beside dist/public and dist/internal, so neither site serves it). */
export const BUILD_INPUTS_FILE = 'build-inputs.json';
/** Bump when what goes into the fingerprint changes meaning. */
const VERSION = 2;

/** One fingerprint per site: the launch room reads everything, the public site all but held-back entries. */
export type BuildFingerprints = Record<'public' | 'internal', string>;
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
 * The fingerprints of one build: every input file, the Node version, and each entry's publishing
 * state at the build clock (an embargo that lifts changes what both sites show without a file
 * changing). The public site's leaves out the entries it does not publish (their files, ids and
 * states) unless a published file imports them: its loaders never read them, so editing or adding
 * a draft rebuilds only the launch room. The launch room's "built at" stamp is not an input: a
 * reused launch room says when it was rendered.
 */
export function fingerprintBuild(sources: Sources): BuildFingerprints {
  const state = (file: Sources['content'][number]) =>
    file.data ? (explainUnpublishable(file.data as unknown as PublishableFields, sources.now) ?? null) : 'invalid';
  const files = INPUTS.flatMap((path) => describe(sources.root, path));
  const published = sources.content.filter((file) => state(file) === null);
  const imported = importedFiles(published);
  const heldBack = new Set(
    sources.content.filter((file) => state(file) !== null && !imported.has(file.file)).map((file) => file.file),
  );
  const fingerprint = (audience: 'public' | 'internal') =>
    hashJson({
      version: VERSION,
      audience,
      node: process.version,
      files: audience === 'public' ? files.filter(([file]) => !heldBack.has(file)) : files,
      states: (audience === 'public' ? published : sources.content).map((file) => [file.id, state(file)]),
    });
  return { public: fingerprint('public'), internal: fingerprint('internal') };
}

const IMPORT = /^\s*import\s[^'"]*['"](\.{1,2}\/[^'"]+)['"]/gm;

/** Repo-relative files the given entries import by relative path (an MDX post can import another post). */
function importedFiles(entries: Sources['content']): Set<string> {
  const found = new Set<string>();
  for (const entry of entries)
    for (const match of entry.body.matchAll(IMPORT)) found.add(join(dirname(entry.file), match[1]!));
  return found;
}

/** The fingerprints the sites in `dist` were built from, as far as it says. */
export function readRecordedFingerprints(dist: string): Partial<BuildFingerprints> {
  try {
    const record = JSON.parse(readFileSync(join(dist, BUILD_INPUTS_FILE), 'utf8')) as {
      version?: unknown;
      fingerprints?: Partial<Record<string, unknown>>;
    };
    if (record.version !== VERSION) return {};
    const { public: pub, internal } = record.fingerprints ?? {};
    return {
      ...(typeof pub === 'string' ? { public: pub } : {}),
      ...(typeof internal === 'string' ? { internal } : {}),
    };
  } catch {
    return {};
  }
}

/** Records the fingerprints in the staged tree, so they are published together with the sites they describe. */
export async function recordFingerprints(temp: string, fingerprints: BuildFingerprints): Promise<void> {
  await writeFile(join(temp, BUILD_INPUTS_FILE), `${JSON.stringify({ version: VERSION, fingerprints }, null, 2)}\n`);
}
