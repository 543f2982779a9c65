// How a build-check run is printed: grouped text for people, JSON for machines, Markdown for the CI job summary.
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

/** How the text report prints warnings: grouped (default) or every line (`--verbose`). */
export interface TextReportOptions {
  verbose?: boolean;
}

/**
 * Text report: notes, every error sorted by file (one per line), the warnings — one line per kind
 * with its count and the command that lists them, or every line with `verbose` — then the count line.
 */
export function formatTextReport(report: Report, options: TextReportOptions = {}): string {
  const sorted = sortIssues(report.issues);
  const shown = options.verbose ? sorted : sorted.filter((issue) => issue.severity === 'error');
  const grouped = options.verbose
    ? []
    : groupWarnings(sorted).map((group) => `warning: ${group.count} ${group.label} — ${group.command}`);
  const lines = [
    ...report.notes.map((note) => `note: ${note}`),
    ...shown.map(formatIssue),
    ...grouped,
    summarizeIssues(sorted),
  ];
  return `${lines.join('\n')}\n`;
}

/** One kind of warning and how many there are. */
export interface WarningGroup {
  label: string;
  count: number;
  /** The command that lists them all. */
  command: string;
}

const WARNING_LABELS: Record<string, string> = { unused: 'files in marketing/ nothing references (unused)' };

// A draft-asset warning names its file first and "(made by <provider>)": audio and captions are one kind.
function warningKind(issue: Issue): { key: string; label: string; command: string } {
  if (issue.rule !== 'draft-asset')
    return {
      key: issue.rule,
      label: WARNING_LABELS[issue.rule] ?? `${issue.rule} warnings`,
      command: 'npm run build -- --verbose',
    };
  const provider = /\(made by ([^)]+)\)/.exec(issue.message)?.[1] ?? 'a fallback';
  const path = issue.message.split(' ')[0] ?? '';
  const what = /\.(mp3|ogg|wav|m4a|vtt)$/.test(path)
    ? 'draft audio files'
    : /^marketing\/(demo|video)\//.test(path)
      ? 'draft recording files'
      : 'draft files';
  return { key: `draft-asset:${what}:${provider}`, label: `${what} (${provider})`, command: 'npm run release' };
}

/** Warnings by kind, in order of first appearance: `14 draft audio files (espeak) — npm run release`. */
export function groupWarnings(issues: readonly Issue[]): WarningGroup[] {
  const groups = new Map<string, WarningGroup>();
  for (const issue of issues) {
    if (issue.severity !== 'warning') continue;
    const kind = warningKind(issue);
    const group = groups.get(kind.key) ?? { label: kind.label, count: 0, command: kind.command };
    group.count++;
    groups.set(kind.key, group);
  }
  return [...groups.values()];
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
    (issue) =>
      `| \`${issue.file}:${issue.line}:${issue.column}\` | ${issue.severity} | ${issue.rule} | ${(issue.hint ? `${issue.message} — ${issue.hint}` : issue.message).replace(/\|/g, '\\|')} |`,
  );
  const head = `### Build checks: ${summarizeIssues(sortIssues(report.issues))}\n`;
  return rows.length ? `${head}\n| Location | Level | Rule | Message |\n|---|---|---|---|\n${rows.join('\n')}\n` : head;
}
