// Stage: the run's report as text, JSON or a CI step summary, with its counts.
import { formatIssue, sortIssues, summarizeIssues, type Issue } from '../../../core/issue.ts';

/** How the report is printed. */
export type ReportFormat = 'text' | 'json';

/** The printable outcome of a run. */
export interface Report {
  issues: Issue[];
  notes: string[];
  /** Measured phases, e.g. `{ sourceChecks: 812 }` in milliseconds. */
  timings?: Record<string, number>;
}

/** Counts errors. */
export function countErrors(issues: readonly Issue[]): number {
  return issues.filter((issue) => issue.severity === 'error').length;
}

/** Text report: notes, every issue sorted by file (one per line), then the count line. */
export function formatTextReport(report: Report): string {
  const sorted = sortIssues(report.issues);
  const lines = [...report.notes.map((note) => `note: ${note}`), ...sorted.map(formatIssue), summarizeIssues(sorted)];
  return `${lines.join('\n')}\n`;
}

/** JSON report for machines: `{ ok, errors, warnings, summary, issues, notes }`. */
export function formatJsonReport(report: Report): string {
  const errors = countErrors(report.issues);
  return `${JSON.stringify(
    {
      ok: errors === 0,
      errors,
      warnings: report.issues.length - errors,
      summary: summarizeIssues(sortIssues(report.issues)),
      issues: sortIssues(report.issues),
      notes: report.notes,
      ...(report.timings ? { timingsMs: report.timings } : {}),
    },
    null,
    2,
  )}\n`;
}

/** Markdown table for the GitHub job summary (`GITHUB_STEP_SUMMARY`). */
export function formatStepSummary(report: Report): string {
  const rows = sortIssues(report.issues).map(
    (issue) => `| \`${issue.file}:${issue.line}:${issue.column}\` | ${issue.severity} | ${issue.rule} | ${(issue.hint ? `${issue.message} — ${issue.hint}` : issue.message).replace(/\|/g, '\\|')} |`,
  );
  const head = `### Build checks: ${summarizeIssues(sortIssues(report.issues))}\n`;
  return rows.length ? `${head}\n| Location | Level | Rule | Message |\n|---|---|---|---|\n${rows.join('\n')}\n` : head;
}
