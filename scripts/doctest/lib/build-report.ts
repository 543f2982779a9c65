// Builds the JSON evidence (schema in core/schemas/doctest-report.ts) and the issue list from the page results.
import type { DoctestReport } from '../../../core/schemas/doctest-report.ts';
import type { Issue } from '../../../core/issue.ts';
import { countBlocks, type PageResult } from './block-result.ts';

/** Rule of the "nothing ran" warning. */
export const NOTHING_RAN_RULE = 'doctest-none';

/** Every problem of the run as issues at `path:line`, plus the warning when no block ran at all. */
export function collectIssues(results: readonly PageResult[]): Issue[] {
  const issues: Issue[] = results.flatMap((page) =>
    [
      ...page.blocks.flatMap((block) =>
        block.problems.map((problem) => ({
          ...problem,
          message: block.pass ? `[${block.pass}] ${problem.message}` : problem.message,
        })),
      ),
      ...page.problems,
    ].map((problem) => ({
      file: page.file,
      line: problem.line,
      column: 1,
      rule: problem.rule,
      severity: problem.severity,
      message: problem.message,
      ...(problem.hint ? { hint: problem.hint } : {}),
    })),
  );
  for (const page of results) {
    if (page.blocks.length && !page.blocks.some((block) => block.status === 'passed')) {
      const reasons = [...new Set(page.blocks.map((block) => block.reason).filter(Boolean))].join('; ');
      issues.push({
        file: page.file,
        line: page.blocks[0]!.line,
        column: 1,
        rule: NOTHING_RAN_RULE,
        severity: 'warning',
        message: `no block of this page ran${reasons ? ` (${reasons})` : ''}: nothing here is verified`,
        hint: 'make at least one block runnable, or accept that the page is unverified',
      });
    }
  }
  if (!results.some((page) => page.blocks.some((block) => block.status === 'passed'))) {
    issues.push({
      file: 'doctest',
      line: 0,
      column: 0,
      rule: NOTHING_RAN_RULE,
      severity: 'warning',
      message: 'no block ran: this run verifies nothing',
    });
  }
  return issues;
}

/** The report object; `ok` only when some block passed and none failed. */
export function buildReport(input: {
  results: readonly PageResult[];
  issues: readonly Issue[];
  platform: DoctestReport['platform'];
  commit: string | null;
  startedAt: Date;
  finishedAt: Date;
}): DoctestReport {
  const pages = input.results.map((page) => ({
    file: page.file,
    ...countBlocks(page.blocks),
    blocks: page.blocks.map((block) => ({
      line: block.line,
      pass: block.pass,
      status: block.status,
      ...(block.reason ? { reason: block.reason } : {}),
      command: block.command,
    })),
  }));
  const totals = {
    passed: pages.reduce((sum, page) => sum + page.passed, 0),
    failed:
      pages.reduce((sum, page) => sum + page.failed, 0) +
      input.results.reduce(
        (sum, page) => sum + page.problems.filter((problem) => problem.severity === 'error').length,
        0,
      ),
    notRun: pages.reduce((sum, page) => sum + page.notRun, 0),
    warnings: input.issues.filter((issue) => issue.severity === 'warning').length,
  };
  return {
    schema: 1,
    commit: input.commit,
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    platform: input.platform,
    ok: totals.failed === 0 && totals.passed > 0,
    totals,
    pages,
  };
}
