// The release report for people: verdict and provenance, the terminal text, and Markdown for a PR or CI job summary — the same blockers in both.
import type { ReleaseBlocker, ReleaseReport } from '../../../core/schemas/release-report.ts';

/** Blockers not accepted. */
export function openBlockers(report: ReleaseReport): ReleaseBlocker[] {
  return report.blockers.filter((blocker) => !blocker.accepted);
}

/** `NOT READY — 7 blockers in 4 groups` or `READY — nothing blocks the launch (2 accepted)`. */
export function formatHeadline(report: ReleaseReport): string {
  const open = openBlockers(report);
  const accepted = report.blockers.length - open.length;
  const tail = accepted ? ` (${accepted} accepted)` : '';
  if (open.length === 0) return `READY — nothing blocks the launch${tail}`;
  const groups = new Set(open.map((blocker) => blocker.group)).size;
  return `NOT READY — ${open.length} blocker${open.length === 1 ? '' : 's'} in ${groups} group${groups === 1 ? '' : 's'}${tail}`;
}

/** `commit 1a2b3c4 · 2026-12-03 09:12 UTC · evidence from the stand-in platform`. */
export function formatProvenance(report: ReleaseReport): string {
  const commit = report.commit ? `commit ${report.commit.slice(0, 12)}` : 'no commit (not a git checkout)';
  const platform =
    report.platform.kind === 'platform'
      ? `a real platform${report.platform.url ? ` (${report.platform.url})` : ''}`
      : 'the stand-in platform';
  return `${commit} · ${report.generatedAt.slice(0, 16).replace('T', ' ')} UTC · platform evidence from ${platform}`;
}

/** `path:line:col`, or the bare command/flag for line 0. */
export function formatWhere(blocker: ReleaseBlocker): string {
  return blocker.line > 0 ? `${blocker.file}:${blocker.line}:${blocker.column}` : blocker.file;
}

/** Open blockers by group, in report order, then the accepted ones. */
export function sectionBlockers(report: ReleaseReport): Array<{ title: string; blockers: ReleaseBlocker[] }> {
  const sections = new Map<string, ReleaseBlocker[]>();
  for (const blocker of openBlockers(report))
    sections.set(blocker.group, [...(sections.get(blocker.group) ?? []), blocker]);
  const accepted = report.blockers.filter((blocker) => blocker.accepted);
  if (accepted.length) sections.set('Accepted on purpose (--accept)', accepted);
  return [...sections].map(([title, blockers]) => ({ title, blockers }));
}

/** Plain text, one blocker per line: `path:line:col [kind] message — fix: command`. */
export function renderTextReport(report: ReleaseReport, notes: readonly string[]): string {
  const lines = [formatHeadline(report), formatProvenance(report), ...notes.map((note) => `note: ${note}`)];
  for (const section of sectionBlockers(report)) {
    lines.push('', `${section.title} (${section.blockers.length})`);
    for (const blocker of section.blockers)
      lines.push(
        `  ${formatWhere(blocker)} [${blocker.kind}]${blocker.accepted ? ' accepted:' : ''} ${blocker.message} — fix: ${blocker.fix}`,
      );
  }
  lines.push('', 'Checklist evidence');
  for (const proof of report.evidence) lines.push(`  ${proof.ok ? '☑' : '☐'} ${proof.item}: ${proof.detail}`);
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A heading with the verdict, then one table per group, then the checklist evidence. */
export function renderMarkdownReport(report: ReleaseReport, notes: readonly string[]): string {
  const out = [
    `## Release: ${formatHeadline(report)}`,
    '',
    formatProvenance(report),
    ...notes.map((note) => `\n> ${note}`),
  ];
  for (const section of sectionBlockers(report)) {
    out.push(
      '',
      `### ${section.title} (${section.blockers.length})`,
      '',
      '| Where | Kind | Blocker | Fix |',
      '|---|---|---|---|',
    );
    for (const blocker of section.blockers)
      out.push(
        `| \`${cell(formatWhere(blocker))}\` | ${blocker.kind}${blocker.accepted ? ' (accepted)' : ''} | ${cell(blocker.message)} | \`${cell(blocker.fix)}\` |`,
      );
  }
  out.push('', '### Checklist evidence', '', '| Item | Proved | Detail |', '|---|---|---|');
  for (const proof of report.evidence)
    out.push(`| ${proof.item} | ${proof.ok ? 'yes' : 'no'} | ${cell(proof.detail)} |`);
  return `${out.join('\n')}\n`;
}
