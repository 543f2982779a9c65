// Step 3: every blocker rule over the evidence; `--accept <kind>` turns that kind's blockers into accepted items.
import type { ReleaseBlocker } from '../../../core/schemas/release-report.ts';
import { BLOCKER_GROUPS, BLOCKER_KINDS, type BlockerKindId, type Finding } from '../lib/blocker-kinds.ts';
import {
  findCheckErrors,
  findLiveSiteBlockers,
  findUnverifiedSources,
  type BlockerRule,
  type RuleContext,
} from '../rules/command-outcomes.ts';
import { findEmbargoes, findPlaceholderBlockers, findUnapprovedPieces } from '../rules/content-readiness.ts';
import { findDraftOutputs, findStaleOutputs } from '../rules/draft-outputs.ts';
import { findDemoBlockers, findDoctestBlockers } from '../rules/platform-runs.ts';

/** Every rule, in report order. */
export const BLOCKER_RULES: readonly BlockerRule[] = [
  findDraftOutputs,
  findStaleOutputs,
  findPlaceholderBlockers,
  findUnapprovedPieces,
  findEmbargoes,
  findDemoBlockers,
  findDoctestBlockers,
  findCheckErrors,
  findLiveSiteBlockers,
  findUnverifiedSources,
];

function key(finding: Finding): string {
  return `${finding.kind}|${finding.file}|${finding.line}|${finding.column}|${finding.message}`;
}

/** Runs the rules; findings come out deduplicated, sorted by group, then file and position. */
export function findBlockers(context: RuleContext, accepted: ReadonlySet<BlockerKindId>): ReleaseBlocker[] {
  const seen = new Map<string, Finding>();
  for (const rule of BLOCKER_RULES)
    for (const finding of rule(context)) if (!seen.has(key(finding))) seen.set(key(finding), finding);
  const order = (finding: Finding) => BLOCKER_GROUPS.indexOf(BLOCKER_KINDS[finding.kind].group);
  return [...seen.values()]
    .sort(
      (a, b) =>
        order(a) - order(b) ||
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        a.kind.localeCompare(b.kind),
    )
    .map((finding) => ({ group: BLOCKER_KINDS[finding.kind].group, ...finding, accepted: accepted.has(finding.kind) }));
}
