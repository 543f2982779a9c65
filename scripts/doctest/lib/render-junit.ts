// JUnit XML of a doctest run: a suite per page, a testcase per block and pass (skipped = not run, with the reason).
import { escapeXml as xml, junitSeconds as seconds } from '../../lib/junit-xml.ts';
import type { DoctestReport } from '../../../core/schemas/doctest-report.ts';
import type { PageResult } from './block-result.ts';

/** Renders the run as JUnit (already redacted: block text and problems come redacted). */
export function renderJunit(report: DoctestReport, results: readonly PageResult[]): string {
  const suites = results.map((page) => {
    const failures = page.blocks.filter((block) => block.status === 'failed').length;
    const skipped = page.blocks.filter((block) => block.status === 'not-run').length;
    const time = page.blocks.reduce((sum, block) => sum + block.durationMs, 0);
    const cases = page.blocks.map((block) => {
      const name = `${page.file}:${block.line}${block.pass ? ` [${block.pass}]` : ''}`;
      const head = `    <testcase classname="${xml(page.file)}" name="${xml(name)}" time="${seconds(block.durationMs)}"`;
      const out = `      <system-out>${xml([block.command, ...block.calls].join('\n'))}</system-out>`;
      if (block.status === 'not-run')
        return `${head}>\n      <skipped message="${xml(`not run: ${block.reason ?? ''}`)}"/>\n    </testcase>`;
      const errors = block.problems.filter((problem) => problem.severity === 'error');
      if (errors.length) {
        const detail = errors
          .map(
            (problem) => `${page.file}:${problem.line} ${problem.message}${problem.hint ? ` — ${problem.hint}` : ''}`,
          )
          .join('\n');
        return `${head}>\n      <failure message="${xml(errors[0]!.message)}" type="DoctestFailure">${xml(detail)}</failure>\n${out}\n    </testcase>`;
      }
      return `${head}>\n${out}\n    </testcase>`;
    });
    return [
      `  <testsuite name="${xml(page.file)}" tests="${page.blocks.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(time)}" timestamp="${report.startedAt}">`,
      ...cases,
      '  </testsuite>',
    ].join('\n');
  });
  const { passed, failed, notRun } = report.totals;
  return `${['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="npm run doctest" tests="${passed + failed + notRun}" failures="${failed}" errors="0" skipped="${notRun}">`, ...suites, '</testsuites>'].join('\n')}\n`;
}
