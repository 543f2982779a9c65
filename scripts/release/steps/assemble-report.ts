// Step 5: the release report itself — go/no-go, blockers, proofs, and which platform the evidence came from.
import type { ReleaseBlocker, ReleaseEvidence, ReleaseReport } from '../../../src/schemas/release-report.ts';
import type { GatheredEvidence } from './gather-evidence.ts';

/** The doctest report's platform when there is one, else the demo recording's, else PLATFORM_URL's. */
export function describePlatform(evidence: GatheredEvidence, env: NodeJS.ProcessEnv): ReleaseReport['platform'] {
  const doctest = evidence.values.doctest;
  if (doctest) return doctest.platform;
  const demo = evidence.values['demo-run'];
  if (demo?.recorded && demo.provider) return demo.provider === 'stand-in' ? { kind: 'stand-in', url: null } : { kind: 'platform', url: env.PLATFORM_URL ?? null };
  return env.PLATFORM_URL ? { kind: 'platform', url: env.PLATFORM_URL } : { kind: 'stand-in', url: null };
}

/** Ready only when every blocker was accepted on purpose. */
export function assembleReport(inputs: { evidence: GatheredEvidence; blockers: ReleaseBlocker[]; proofs: ReleaseEvidence[]; generatedAt: string; env: NodeJS.ProcessEnv }): ReleaseReport {
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
