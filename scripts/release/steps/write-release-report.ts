// Steps 5–6: assembles the release report (go/no-go, blockers, proofs, platform), then publishes marketing/release/release.json and its manifest entry together, staged, under the checkout lock.
import { writeFile } from 'node:fs/promises';
import {
  RELEASE_REPORT_PATH,
  ReleaseReportSchema,
  type ReleaseBlocker,
  type ReleaseEvidence,
  type ReleaseReport,
} from '../../../core/schemas/release-report.ts';
import { withCheckoutLock, type LockOwner } from '../../lib/checkout-lock.ts';
import { hashBytes, hashJson } from '../../../core/hash.ts';
import { MANIFEST_PATH, readManifest, serializeManifest } from '../../../core/manifest.ts';
import { openFileStage } from '../../lib/staged-output.ts';
import type { GatheredEvidence } from './gather-evidence.ts';

/** The doctest report's platform when there is one, else the demo recording's, else PLATFORM_URL's. */
export function describePlatform(evidence: GatheredEvidence, env: NodeJS.ProcessEnv): ReleaseReport['platform'] {
  const doctest = evidence.values.doctest;
  if (doctest) return doctest.platform;
  const demo = evidence.values['demo-run'];
  if (demo?.recorded && demo.provider)
    return demo.provider === 'stand-in'
      ? { kind: 'stand-in', url: null }
      : { kind: 'platform', url: env.PLATFORM_URL ?? null };
  return env.PLATFORM_URL ? { kind: 'platform', url: env.PLATFORM_URL } : { kind: 'stand-in', url: null };
}

/** Ready only when every blocker was accepted on purpose. */
export function assembleReport(inputs: {
  evidence: GatheredEvidence;
  blockers: ReleaseBlocker[];
  proofs: ReleaseEvidence[];
  generatedAt: string;
  env: NodeJS.ProcessEnv;
}): ReleaseReport {
  return {
    schema: 1,
    commit: inputs.evidence.commit,
    generatedAt: inputs.generatedAt,
    platform: describePlatform(inputs.evidence, inputs.env),
    ready: inputs.blockers.every((blocker) => blocker.accepted),
    blockers: inputs.blockers,
    evidence: inputs.proofs,
  };
}

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
  await withCheckoutLock(
    root,
    { command: 'npm run release', noWait: options.noWait, signal: options.signal, onWait: options.onWait },
    async () => {
      const stage = await openFileStage(root);
      try {
        const bytes = serializeReport(report);
        await writeFile(await stage.pathFor(RELEASE_REPORT_PATH), bytes);
        const manifest = await readManifest(root);
        manifest.entries[RELEASE_REPORT_PATH] = {
          generator: 'release',
          command: 'npm run release',
          inputsHash: hashJson({
            ready: report.ready,
            blockers: report.blockers,
            evidence: report.evidence.map(({ item, ok, detail }) => ({ item, ok, detail })),
          }),
          bytesHash: hashBytes(bytes),
          size: Buffer.byteLength(bytes),
          provider: report.platform.kind,
          draft: false,
          sources: [],
          createdAt: report.generatedAt,
          details: {
            ready: report.ready,
            blockers: report.blockers.filter((blocker) => !blocker.accepted).length,
            commit: report.commit,
          },
        };
        await writeFile(await stage.pathFor(MANIFEST_PATH), serializeManifest(manifest));
        await stage.commit({ last: [MANIFEST_PATH] });
      } finally {
        await stage.discard();
      }
    },
  );
}
