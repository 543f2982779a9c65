// Every error the build checks reported (channel limits, facts, claims, links, schema, …), mapped to a blocker kind.
import type { BlockerKindId } from '../lib/blocker-kinds.ts';
import type { Finding } from '../lib/blocker.ts';
import type { RuleContext } from './rule.ts';

// Rules whose findings another release rule reports already, with better detail.
const COVERED = new Set(['placeholder', 'draft-asset']);
const KIND_OF_RULE: Record<string, BlockerKindId> = { len: 'channel-limit', fact: 'fact', claim: 'claim', external: 'external-link', manifest: 'stale-output' };

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
