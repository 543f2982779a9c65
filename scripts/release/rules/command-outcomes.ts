// What every blocker rule sees, and the rules over command outcomes: build-check errors, unverified sources, the live site.
import type { GatheredEvidence } from '../steps/gather-evidence.ts';
import type { LocatedProbe } from '../steps/probe-live-site.ts';
import { findingAt, type BlockerKindId, type Finding } from '../lib/blocker-kinds.ts';

/** Inputs of one rule. */
export interface RuleContext {
  evidence: GatheredEvidence;
  now: Date;
  /** What the live site answered, when `--site` was given. */
  site?: LocatedProbe[];
}

/** One blocker rule: evidence in, findings out. */
export type BlockerRule = (context: RuleContext) => Finding[];

// Rules whose findings another release rule reports already, with better detail.
const COVERED = new Set(['placeholder', 'draft-asset']);
const KIND_OF_RULE: Record<string, BlockerKindId> = {
  len: 'channel-limit',
  fact: 'fact',
  claim: 'claim',
  external: 'external-link',
  manifest: 'stale-output',
};

/** Build-check errors (warnings never block), at the location the check gave. */
export function findCheckErrors({ evidence }: RuleContext): Finding[] {
  const checks = evidence.values.checks;
  if (!checks) return [];
  return checks.issues
    .filter((issue) => issue.severity === 'error' && !COVERED.has(issue.rule))
    .map((issue) => ({ issue, kind: KIND_OF_RULE[issue.rule] ?? 'check-error' }))
    .map(({ issue, kind }) => ({
      kind,
      file: issue.file,
      line: issue.line,
      column: issue.column,
      message: kind === issue.rule ? issue.message : `[${issue.rule}] ${issue.message}`,
      fix: issue.hint ?? 'fix it, then npm run build',
    }));
}

/** One blocker per unverified source, located at its command. */
export function findUnverifiedSources({ evidence }: RuleContext): Finding[] {
  return evidence.outcomes
    .filter((outcome) => outcome.unverified)
    .map((outcome) => {
      const command = outcome.command ?? outcome.kind;
      const fix = outcome.unverified!.includes('is not available')
        ? `add the script to package.json (it lands with its issue), then npm run release`
        : `run ${command} by hand, fix what stops it, then npm run release`;
      return findingAt('unverified', command, outcome.unverified!, fix);
    });
}

/** One blocker per failing URL, at the line of the checklist that lists it. */
export function findLiveSiteBlockers({ site }: RuleContext): Finding[] {
  return (site ?? [])
    .filter((probe) => !probe.ok)
    .map((probe) => ({
      kind: 'site-url' as const,
      file: probe.file,
      line: probe.line,
      column: probe.column,
      message: `${probe.url} ${probe.problem}`,
      fix: `deploy dist/public again (npm run build) and check ${probe.path} is served as ${probe.expected}`,
    }));
}
