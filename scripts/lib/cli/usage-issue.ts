// Issues located at a flag or an environment variable instead of a file: `--out …`, `PLATFORM_URL …`.
import type { Issue } from '../../../core/issue.ts';

/**
 * A usage problem at `--flag` (or `argv` for a stray positional): printed as
 * `--out [usage] not writable: … — hint`, with no invented file path or position.
 */
export function usageIssue(flag: string, message: string, hint?: string): Issue {
  return { file: flag, line: 0, column: 0, rule: 'usage', severity: 'error', message, ...(hint ? { hint } : {}) };
}

/** A problem with an environment variable, located at its name: `ADMIN_TOKEN [env] is required with PLATFORM_URL`. */
export function envIssue(name: string, message: string, hint?: string): Issue {
  return { file: name, line: 0, column: 0, rule: 'env', severity: 'error', message, ...(hint ? { hint } : {}) };
}

/**
 * A run-time problem located at a flag, an env var or the program itself (`--port [agent] port 4000 is in use`):
 * an error that exits 1, not a usage error.
 */
export function locatedIssue(location: string, rule: string, message: string, hint?: string): Issue {
  return { file: location, line: 0, column: 0, rule, severity: 'error', message, ...(hint ? { hint } : {}) };
}

/** True for issues that mean "the command was called wrongly" (exit 2) rather than "the content has problems" (exit 1). */
export function isUsageIssue(issue: Issue): boolean {
  return issue.line === 0 && (issue.rule === 'usage' || issue.rule === 'env');
}
