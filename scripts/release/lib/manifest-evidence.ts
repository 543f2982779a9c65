// marketing/manifest.json as release evidence: its entries plus the line each entry starts on.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { MANIFEST_PATH, ManifestSchema, type Manifest } from '../../lib/manifest.ts';
import { offsetOfYamlPath } from '../../lib/yaml-path.ts';
import { createLocator, type SourceLocation } from '../../lib/source-location.ts';

/** The manifest and a way to point at an entry (`marketing/manifest.json:289:5`). */
export interface ManifestEvidence {
  manifest: Manifest;
  locate(path: string): SourceLocation;
}

/** Reads the manifest under `root` (missing: empty); a malformed one throws naming the file. */
export async function readManifestEvidence(root: string): Promise<ManifestEvidence> {
  const text = await readFile(join(root, MANIFEST_PATH), 'utf8').catch(() => '{"version":1,"entries":{}}');
  const parsed = ManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`${MANIFEST_PATH}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  const doc = parseDocument(text);
  const locator = createLocator(text);
  return { manifest: parsed.data, locate: (path) => locator(offsetOfYamlPath(doc, ['entries', path], true)) };
}
