// The text report (doctest.txt and what the terminal shows): one line per block with path:line, then each problem below it.
import type { DoctestReport } from '../../../core/schemas/doctest-report.ts';
import { formatIssue, type Issue } from '../../../core/issue.ts';
import type { PageResult } from './block-result.ts';

const MARK = { passed: 'pass', failed: 'FAIL', 'not-run': 'skip' } as const;

function firstLine(command: string): string {
  const line =
    command.split('\n').find((text) => text.trim() && !text.trim().startsWith('#')) ?? command.split('\n')[0] ?? '';
  return line.length > 72 ? `${line.slice(0, 71)}…` : line;
}

/** Renders the run: platform, each block (`pass content/guides/x.mdx:138 [Path A] curl …`), problems, totals. */
export function renderText(report: DoctestReport, results: readonly PageResult[], issues: readonly Issue[]): string {
  const where =
    report.platform.kind === 'stand-in'
      ? 'the embedded stand-in (a fresh one per page and pass; contract-faithful, not a Molecule deployment)'
      : report.platform.url;
  const out = [
    `npm run doctest · ${where} · ${report.finishedAt}${report.commit ? ` · commit ${report.commit.slice(0, 12)}` : ''}`,
    '',
  ];
  for (const page of results) {
    out.push(page.file);
    for (const block of page.blocks) {
      const pass = block.pass ? ` [${block.pass}]` : '';
      const tail =
        block.status === 'not-run'
          ? `not run: ${block.reason}`
          : `${firstLine(block.command)}${block.calls.length ? `  (${block.calls.length} call${block.calls.length === 1 ? '' : 's'})` : ''}`;
      out.push(`  ${MARK[block.status]}  ${page.file}:${block.line}${pass}  ${tail}`);
      for (const problem of block.problems)
        out.push(
          `        ${problem.severity === 'warning' ? 'warning ' : ''}${page.file}:${problem.line} [${problem.rule}] ${problem.message}${problem.hint ? ` — ${problem.hint}` : ''}`,
        );
    }
    for (const problem of page.problems)
      out.push(`        ${page.file}:${problem.line} [${problem.rule}] ${problem.message}`);
    out.push('');
  }
  for (const issue of issues.filter((item) => item.rule === 'doctest-none')) out.push(formatIssue(issue));
  const { passed, failed, notRun, warnings } = report.totals;
  out.push(
    `${passed} passed, ${failed} failed, ${notRun} not run, ${warnings} warning${warnings === 1 ? '' : 's'}${report.ok ? '' : passed === 0 ? ' — nothing verified' : ''}`,
  );
  return `${out.join('\n')}\n`;
}
