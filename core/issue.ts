/** How bad a problem is: errors fail the command, warnings are printed only. */
export type Severity = 'error' | 'warning';

/** One problem found in one place. */
export interface Issue {
  /** Repo-relative path (or a built file under dist/); a flag, env var or HTTP step when `line` is 0. */
  file: string;
  /** 1-based; 0 when the location is not a file position (see `file`). */
  line: number;
  column: number;
  /** Short rule id, e.g. `asset`, `len`, `fact`; documented in README. */
  rule: string;
  severity: Severity;
  message: string;
  /** What to do about it. */
  hint?: string;
}

/** Sorts by file, then position, then rule, so output is stable run to run. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

/**
 * `path:line:col [rule] message` (warnings marked), with the hint after an em dash. An issue at
 * line 0 is located at a flag, an env var or an HTTP step (`--out`, `PLATFORM_URL`), printed bare.
 */
export function formatIssue(issue: Issue): string {
  const level = issue.severity === 'warning' ? 'warning ' : '';
  const hint = issue.hint ? ` — ${issue.hint}` : '';
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  return `${where} ${level}[${issue.rule}] ${issue.message}${hint}`;
}

/** `3 problems: 2 asset, 1 fact (1 warning)` or `no problems`. */
export function summarizeIssues(issues: readonly Issue[]): string {
  const errors = issues.filter((issue) => issue.severity === 'error');
  const warnings = issues.length - errors.length;
  if (issues.length === 0) return 'no problems';
  const byRule = new Map<string, number>();
  for (const issue of errors) byRule.set(issue.rule, (byRule.get(issue.rule) ?? 0) + 1);
  const parts = [...byRule].map(([rule, count]) => `${count} ${rule}`).join(', ');
  const head = `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}${parts ? `: ${parts}` : ''}`;
  return warnings ? `${head} (${warnings} ${warnings === 1 ? 'warning' : 'warnings'})` : head;
}
