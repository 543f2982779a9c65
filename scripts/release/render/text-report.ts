// The terminal report: verdict, provenance, notes, then each group's blockers with location and fix.
import type { ReleaseReport } from '../../../src/schemas/release-report.ts';
import { formatHeadline, formatProvenance, formatWhere, sectionBlockers } from './headline.ts';

/** Plain text, one blocker per line: `path:line:col [kind] message — fix: command`. */
export function renderTextReport(report: ReleaseReport, notes: readonly string[]): string {
  const lines = [formatHeadline(report), formatProvenance(report), ...notes.map((note) => `note: ${note}`)];
  for (const section of sectionBlockers(report)) {
    lines.push('', `${section.title} (${section.blockers.length})`);
    for (const blocker of section.blockers) lines.push(`  ${formatWhere(blocker)} [${blocker.kind}]${blocker.accepted ? ' accepted:' : ''} ${blocker.message} — fix: ${blocker.fix}`);
  }
  lines.push('', 'Checklist evidence');
  for (const proof of report.evidence) lines.push(`  ${proof.ok ? '☑' : '☐'} ${proof.item}: ${proof.detail}`);
  return `${lines.join('\n')}\n`;
}
