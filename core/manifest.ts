// marketing/manifest.json: its schema, reading and writing, and the plan type generators give the build.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { writeFileAtomic } from './write-atomic.ts';

/** Repo-relative path of the asset manifest. */
export const MANIFEST_PATH = 'marketing/manifest.json';

/** One generated file. Written only by generators (`npm run assets`, `tts`, `demo`, …). */
export const ManifestEntrySchema = z
  .object({
    /** Generator id, e.g. `assets:mermaid`, `tts`, `demo`. */
    generator: z.string(),
    /** Command that regenerates the file, shown when it is stale. */
    command: z.string(),
    /** Hash of everything the output depends on (source, settings, tool versions). */
    inputsHash: z.string(),
    /** Hash of the file's bytes when it was written. */
    bytesHash: z.string(),
    size: z.number().int().nonnegative(),
    width: z.number().int().positive().optional(),
    height: z.number().int().positive().optional(),
    durationSeconds: z.number().nonnegative().optional(),
    /** Which engine made it, e.g. `edge`, `espeak`, `chromium`, `stand-in`. */
    provider: z.string().optional(),
    /** A fallback or stand-in product that must not ship as final. */
    draft: z.boolean().default(false),
    /** Repo-relative source files it was made from. */
    sources: z.array(z.string()).default([]),
    createdAt: z.string(),
    /** Generator-specific details (loudness, chunk count, label checks, …). */
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type ManifestEntry = z.output<typeof ManifestEntrySchema>;

export const ManifestSchema = z
  .object({ version: z.literal(1), entries: z.record(z.string(), ManifestEntrySchema) })
  .strict();
export type Manifest = z.output<typeof ManifestSchema>;

/** Reads the manifest; a missing file is an empty manifest, a malformed one is an error naming the file. */
export async function readManifest(root: string): Promise<Manifest> {
  const path = join(root, MANIFEST_PATH);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, entries: {} };
    throw error;
  }
  const parsed = ManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw new Error(`${MANIFEST_PATH}: ${first.path.join('.')}: ${first.message}`);
  }
  return parsed.data;
}

/**
 * Records entries (keyed by repo-relative path) and writes the manifest atomically.
 * Re-reads the file first so generators that run one after another keep each other's entries.
 */
export async function updateManifest(root: string, entries: Record<string, ManifestEntry>): Promise<void> {
  const manifest = await readManifest(root);
  Object.assign(manifest.entries, entries);
  await writeManifest(root, manifest);
}

/** Drops entries (e.g. files a generator no longer produces). */
export async function removeManifestEntries(root: string, paths: readonly string[]): Promise<void> {
  const manifest = await readManifest(root);
  for (const path of paths) delete manifest.entries[path];
  await writeManifest(root, manifest);
}

// Entries are re-parsed so their keys come out in schema order and paths sorted: whichever
// generator writes last, an unchanged entry serialises to the same bytes (no noise in diffs).
async function writeManifest(root: string, manifest: Manifest): Promise<void> {
  await writeFileAtomic(join(root, MANIFEST_PATH), serializeManifest(manifest));
}

/** The manifest's exact bytes (for a command that stages it with `openFileStage` instead of writing it in place). */
export function serializeManifest(manifest: Manifest): string {
  const entries = Object.fromEntries(
    Object.entries(manifest.entries)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([path, entry]) => [path, ManifestEntrySchema.parse(entry)]),
  );
  return `${JSON.stringify({ version: 1, entries }, null, 2)}\n`;
}

/**
 * What a generator would produce now, for the staleness check: each output path with the
 * inputs hash it would carry. Each generator exports one `plan…` function of this type.
 */
export type GeneratorPlan = (root: string) => Promise<Array<{ path: string; inputsHash: string; command: string }>>;
