// Stage 3: publishes doctest.json, doctest.txt and doctest.junit.xml together (checkout lock, staged files, manifest last).
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { withCheckoutLock } from '../../lib/checkout-lock.ts';
import { hashBytes } from '../../../core/hash.ts';
import type { Issue } from '../../../core/issue.ts';
import { readManifest, updateManifest, type ManifestEntry } from '../../../core/manifest.ts';
import { openFileStage } from '../../lib/staged-output.ts';
import { writeFileAtomic } from '../../../core/write-atomic.ts';

/** The report files by name. */
export const REPORT_FILES = { json: 'doctest.json', text: 'doctest.txt', junit: 'doctest.junit.xml' } as const;
/** Default output folder (repo-relative). */
export const DEFAULT_OUT_DIR = 'marketing/doctest';

/** What the manifest records about the run. */
export interface ReportMeta {
  provider: 'stand-in' | 'platform';
  sources: string[];
  inputsHash: string;
  details: Record<string, unknown>;
}

export interface WriteOptions {
  noWait: boolean;
  signal: AbortSignal;
  /** Let a stand-in (draft) report replace one verified on a real platform. */
  replaceFinal: boolean;
  onWait?: (message: string) => void;
}

/**
 * Writes the reports into `outDir`. Under marketing/ they go through the checkout lock and a
 * file stage and get manifest entries (`draft: true` on the stand-in); a draft never replaces a
 * platform-verified report unless `replaceFinal`. Elsewhere (`--out /tmp/x`) they are written directly.
 */
export async function writeReports(
  root: string,
  outDir: string,
  files: Record<keyof typeof REPORT_FILES, string>,
  meta: ReportMeta,
  options: WriteOptions,
): Promise<Issue[]> {
  const rel = relative(root, resolve(root, outDir));
  const named = Object.entries(REPORT_FILES).map(([key, name]) => ({
    path: join(rel, name),
    text: files[key as keyof typeof REPORT_FILES],
  }));
  if (rel.startsWith('..') || !rel.startsWith('marketing')) {
    await mkdir(resolve(root, outDir), { recursive: true });
    for (const file of named) await writeFileAtomic(resolve(root, file.path), file.text);
    return [];
  }
  const draft = meta.provider === 'stand-in';
  return withCheckoutLock(
    root,
    {
      command: 'npm run doctest',
      noWait: options.noWait,
      signal: options.signal,
      onWait: (owner) => options.onWait?.(`waiting for the checkout lock held by ${owner?.command ?? 'another run'}`),
    },
    async () => {
      const manifest = await readManifest(root);
      const existing = manifest.entries[named[0]!.path];
      if (draft && existing && !existing.draft && !options.replaceFinal) {
        return [
          {
            file: named[0]!.path,
            line: 0,
            column: 0,
            rule: 'doctest-final',
            severity: 'warning' as const,
            message: 'kept the report verified on a real platform; this stand-in run was not published',
            hint: 'pass --replace-final to overwrite it with a stand-in (draft) report',
          },
        ];
      }
      const stage = await openFileStage(root);
      try {
        const createdAt = new Date().toISOString();
        const entries: Record<string, ManifestEntry> = {};
        for (const file of named) {
          await writeFile(await stage.pathFor(file.path), file.text);
          entries[file.path] = {
            generator: 'doctest',
            command: 'npm run doctest',
            inputsHash: meta.inputsHash,
            bytesHash: hashBytes(file.text),
            size: Buffer.byteLength(file.text),
            provider: meta.provider,
            draft,
            sources: meta.sources,
            createdAt,
            details: meta.details,
          };
        }
        await stage.commit();
        await updateManifest(root, entries);
        return [];
      } finally {
        await stage.discard();
      }
    },
  );
}
