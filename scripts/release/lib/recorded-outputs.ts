// Recorded outputs as evidence: marketing/manifest.json with each entry's line, and the last demo recording's platform and result.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { MANIFEST_PATH, ManifestSchema, type Manifest } from '../../../core/manifest.ts';
import { offsetOfYamlPath } from '../../../core/yaml-path.ts';
import { createLocator, type SourceLocation } from '../../../core/source-location.ts';
import { statSync } from 'node:fs';

/** The manifest and a way to point at an entry (`marketing/manifest.json:289:5`). */
export interface ManifestEvidence {
  manifest: Manifest;
  locate(path: string): SourceLocation;
}

/** Reads the manifest under `root` (missing: empty); a malformed one throws naming the file. */
export async function readManifestEvidence(root: string): Promise<ManifestEvidence> {
  const text = await readFile(join(root, MANIFEST_PATH), 'utf8').catch(() => '{"version":1,"entries":{}}');
  const parsed = ManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(`${MANIFEST_PATH}: ${parsed.error.issues[0]!.path.join('.')}: ${parsed.error.issues[0]!.message}`);
  const doc = parseDocument(text);
  const locator = createLocator(text);
  return { manifest: parsed.data, locate: (path) => locator(offsetOfYamlPath(doc, ['entries', path], true)) };
}

/** The JUnit file of the walkthrough recording; its manifest entry says which platform made it. */
export const DEMO_JUNIT_PATH = 'marketing/demo/phase30-walkthrough.junit.xml';
/** Where a failed run leaves its partial recording. */
export const DEMO_FAILED_DIR = 'marketing/demo/.failed';

/** What the recording says about the last run. */
export interface DemoRun {
  /** Undefined when there is no recording at all. */
  recorded: boolean;
  provider?: string;
  draft: boolean;
  passed: boolean;
  failures: number;
  /** When the recorded run happened. */
  at?: string;
  /** A failed run newer than the recording left its partial recording in marketing/demo/.failed/. */
  failedRunLeft: boolean;
}

// The root <testsuites …> element's counts; the demo writes them in this fixed form.
function readCount(xml: string, name: string): number {
  const match = new RegExp(`<testsuites\\b[^>]*\\b${name}="(\\d+)"`).exec(xml);
  return match ? Number(match[1]) : 0;
}

/** Reads the recording's JUnit and manifest entry under `root`. */
export async function readDemoRun(root: string, manifest: ManifestEvidence): Promise<DemoRun> {
  const mtime = (path: string) => statSync(join(root, path), { throwIfNoEntry: false })?.mtimeMs;
  const failedAt = mtime(DEMO_FAILED_DIR);
  const failedRunLeft = failedAt !== undefined && failedAt > (mtime(DEMO_JUNIT_PATH) ?? 0);
  const entry = manifest.manifest.entries[DEMO_JUNIT_PATH];
  const xml = await readFile(join(root, DEMO_JUNIT_PATH), 'utf8').catch(() => undefined);
  if (!xml) return { recorded: false, draft: false, passed: false, failures: 0, failedRunLeft };
  const failures = readCount(xml, 'failures') + readCount(xml, 'errors');
  const at = /\btimestamp="([^"]+)"/.exec(xml)?.[1] ?? entry?.createdAt;
  return {
    recorded: true,
    provider: entry?.provider,
    draft: entry?.draft ?? false,
    passed: failures === 0,
    failures,
    ...(at ? { at } : {}),
    failedRunLeft,
  };
}
