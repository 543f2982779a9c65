// The exit codes every program uses, and the rule that picks one from a run's issues.
import type { Issue } from '../../../core/issue.ts';
import { isUsageIssue } from './usage-issue.ts';

/** 0 ok, 1 problems found, 2 bad usage (flag, argument or env var), 130 interrupted (Ctrl-C). */
export const EXIT = { ok: 0, problems: 1, usage: 2, interrupted: 130 } as const;

/** 2 when an error sits at a flag or env var, 1 when any other issue is an error, else 0: warnings never fail a run. */
export function exitCodeFor(issues: readonly Issue[]): number {
  const errors = issues.filter((issue) => issue.severity === 'error');
  if (errors.some(isUsageIssue)) return EXIT.usage;
  return errors.length ? EXIT.problems : EXIT.ok;
}
