// Stage: runs the rules of one phase and collects their located findings.
import type { Issue } from '../../../core/issue.ts';
import type { Check, CheckContext, CheckOptions, CheckRun, Finding, Phase } from '../check.ts';
import type { Sources } from './collect.ts';
import type { BuiltSite } from './built-site.ts';

/** Shared state for one run: memoised values survive from the source phase into the output phase. */
export interface RunState {
  memo: Map<string, unknown>;
}

/** Creates the state a whole `check` or `build` run shares. */
export function createRunState(): RunState {
  return { memo: new Map() };
}

function toIssue(finding: Finding, check: Check, sources: Sources): Issue {
  const where =
    finding.offset !== undefined
      ? sources.locate(finding.file, finding.offset)
      : { line: finding.line ?? 1, column: finding.column ?? 1 };
  return {
    file: finding.file,
    line: where.line,
    column: where.column,
    rule: finding.rule ?? check.id,
    severity: finding.severity ?? 'error',
    message: finding.message,
    ...(finding.hint ? { hint: finding.hint } : {}),
  };
}

/**
 * Runs every check of one phase and collects all their findings. A check that throws does not
 * stop the others: its crash becomes an `internal` error naming the check.
 */
export async function runChecks(
  checks: readonly Check[],
  phase: Phase,
  sources: Sources,
  options: CheckOptions,
  state: RunState,
  site?: BuiltSite,
): Promise<CheckRun> {
  const run: CheckRun = { issues: [], notes: [] };
  for (const check of checks.filter((candidate) => candidate.phase === phase)) {
    const ctx: CheckContext = {
      sources,
      site,
      options,
      report: (finding) => run.issues.push(toIssue(finding, check, sources)),
      note: (text) => run.notes.push(text),
      memo: <Value>(key: string, compute: () => Value): Value => {
        if (!state.memo.has(key)) state.memo.set(key, compute());
        return state.memo.get(key) as Value;
      },
    };
    try {
      await check.run(ctx);
    } catch (error) {
      const message = (error as Error).stack?.split('\n').slice(0, 2).join(' ') ?? String(error);
      run.issues.push({
        file: `scripts/build-checks/checks/${check.id}.ts`,
        line: 1,
        column: 1,
        rule: 'internal',
        severity: 'error',
        message: `the ${check.id} check crashed: ${message}`,
      });
    }
  }
  return run;
}
