// The Markdown report for a pull request or a CI job summary ($GITHUB_STEP_SUMMARY): the same blockers as the terminal.
import type { ReleaseReport } from '../../../src/schemas/release-report.ts';
import { formatHeadline, formatProvenance, formatWhere, sectionBlockers } from './headline.ts';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A heading with the verdict, then one table per group, then the checklist evidence. */
export function renderMarkdownReport(report: ReleaseReport, notes: readonly string[]): string {
  const out = [`## Release: ${formatHeadline(report)}`, '', formatProvenance(report), ...notes.map((note) => `\n> ${note}`)];
  for (const section of sectionBlockers(report)) {
    out.push('', `### ${section.title} (${section.blockers.length})`, '', '| Where | Kind | Blocker | Fix |', '|---|---|---|---|');
    for (const blocker of section.blockers) out.push(`| \`${cell(formatWhere(blocker))}\` | ${blocker.kind}${blocker.accepted ? ' (accepted)' : ''} | ${cell(blocker.message)} | \`${cell(blocker.fix)}\` |`);
  }
  out.push('', '### Checklist evidence', '', '| Item | Proved | Detail |', '|---|---|---|');
  for (const proof of report.evidence) out.push(`| ${proof.item} | ${proof.ok ? 'yes' : 'no'} | ${cell(proof.detail)} |`);
  return `${out.join('\n')}\n`;
}
