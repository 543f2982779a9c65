// Step 6: publishes marketing/release/release.json and its manifest entry together, staged, under the checkout lock.
import { writeFile } from 'node:fs/promises';
import { RELEASE_REPORT_PATH, ReleaseReportSchema, type ReleaseReport } from '../../../src/schemas/release-report.ts';
import { withCheckoutLock, type LockOwner } from '../../lib/checkout-lock.ts';
import { hashBytes, hashJson } from '../../lib/hash.ts';
import { MANIFEST_PATH, readManifest, serializeManifest } from '../../lib/manifest.ts';
import { openFileStage } from '../../lib/staged-output.ts';

export interface WriteOptions {
  noWait: boolean;
  signal: AbortSignal;
  onWait(owner: LockOwner | undefined): void;
}

/** The report's bytes: validated against the schema first, so the launch room never reads a malformed one. */
export function serializeReport(report: ReleaseReport): string {
  return `${JSON.stringify(ReleaseReportSchema.parse(report), null, 2)}\n`;
}

/**
 * Writes the report like any generated file: an ordinary manifest entry (generator `release`, its
 * inputs hash over blockers and proofs), the manifest moved in last.
 */
export async function writeReleaseReport(root: string, report: ReleaseReport, options: WriteOptions): Promise<void> {
  await withCheckoutLock(root, { command: 'npm run release', noWait: options.noWait, signal: options.signal, onWait: options.onWait }, async () => {
    const stage = await openFileStage(root);
    try {
      const bytes = serializeReport(report);
      await writeFile(await stage.pathFor(RELEASE_REPORT_PATH), bytes);
      const manifest = await readManifest(root);
      manifest.entries[RELEASE_REPORT_PATH] = {
        generator: 'release',
        command: 'npm run release',
        inputsHash: hashJson({ ready: report.ready, blockers: report.blockers, evidence: report.evidence.map(({ item, ok, detail }) => ({ item, ok, detail })) }),
        bytesHash: hashBytes(bytes),
        size: Buffer.byteLength(bytes),
        provider: report.platform.kind,
        draft: false,
        sources: [],
        createdAt: report.generatedAt,
        details: { ready: report.ready, blockers: report.blockers.filter((blocker) => !blocker.accepted).length, commit: report.commit },
      };
      await writeFile(await stage.pathFor(MANIFEST_PATH), serializeManifest(manifest));
      await stage.commit({ last: [MANIFEST_PATH] });
    } finally {
      await stage.discard();
    }
  });
}
