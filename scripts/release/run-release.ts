// The release run, stage by stage: gather evidence → probe the live site → blockers → checklist proofs → report → write.
import type { ReleaseReport } from '../../core/schemas/release-report.ts';
import type { LockOwner } from '../lib/checkout-lock.ts';
import type { BlockerKindId } from './lib/blocker-kinds.ts';
import { findBlockers } from './steps/find-blockers.ts';
import { gatherEvidence } from './steps/gather-evidence.ts';
import { probeLiveSite, type LocatedProbe } from './steps/probe-live-site.ts';
import { proveChecklist } from './steps/prove-checklist.ts';
import { assembleReport, writeReleaseReport } from './steps/write-release-report.ts';

/** Everything one run was asked for. */
export interface ReleaseOptions {
  root: string;
  accept: ReadonlySet<BlockerKindId>;
  offline: boolean;
  /** Re-read captures from here instead of running the commands. */
  evidenceDir?: string;
  /** Deployed site to check the checklist's URLs against. */
  site?: string;
  /** Write marketing/release/release.json (off with --no-write). */
  write: boolean;
  noWait: boolean;
  now: Date;
}

export interface ReleaseRunContext {
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
  progress(line: string): void;
  onWait(owner: LockOwner | undefined): void;
}

/** Runs the release and returns its report plus the notes every format prints. */
export async function runRelease(
  options: ReleaseOptions,
  context: ReleaseRunContext,
): Promise<{ report: ReleaseReport; notes: string[] }> {
  const evidence = await gatherEvidence({
    root: options.root,
    evidenceDir: options.evidenceDir,
    offline: options.offline,
    env: context.env,
    signal: context.signal,
    progress: context.progress,
  });
  let site: LocatedProbe[] | undefined;
  if (options.site && evidence.values.content && !context.signal.aborted) {
    context.progress(`release: checking ${options.site}`);
    site = await probeLiveSite(options.site, evidence.values.content, context.signal);
  }
  const notes = [
    ...evidence.notes,
    ...(options.site ? [] : ['live-site URLs not checked: give --site <url> after deploy']),
  ];
  const generatedAt = options.now.toISOString();
  const blockers = findBlockers({ evidence, now: options.now, site }, options.accept);
  const proofs = proveChecklist({ evidence, blockers, generatedAt, site });
  const report = assembleReport({ evidence, blockers, proofs, generatedAt, env: context.env });
  if (options.write && !context.signal.aborted)
    await writeReleaseReport(options.root, report, {
      noWait: options.noWait,
      signal: context.signal,
      onWait: context.onWait,
    });
  return { report, notes };
}
