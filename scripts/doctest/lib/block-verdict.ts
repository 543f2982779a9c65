// Judges one finished block: exit status, failed commands, platform answers (2xx unless `expect status`), jq tests and drift.
import { execa } from 'execa';
import type { Expectation } from './expectation.ts';
import type { Exchange } from './recording-proxy.ts';
import { findDrift, readSampleOutputs } from './sample-output.ts';
import type { ShellOutcome } from './shell-session.ts';

/** A problem found in a block, at a line of the page. */
export interface BlockProblem {
  line: number;
  severity: 'error' | 'warning';
  rule: 'doctest' | 'doctest-drift';
  message: string;
  hint?: string;
}

/** What the verdict needs to know about the block. */
export interface VerdictInput {
  line: number;
  code: string;
  lines: readonly number[];
  expect: readonly Expectation[];
  outcome: ShellOutcome;
  exchanges: readonly Exchange[];
  /** Turns a body or output into its redacted one-line excerpt. */
  show: (text: string) => string;
}

const describe = (exchange: Exchange) => `${exchange.method} ${exchange.path} → ${exchange.status ?? 'no answer'}`;

/** Runs `jq -e filter` on a body: true when the test holds. */
export async function jqHolds(filter: string, body: string): Promise<boolean> {
  const result = await execa('jq', ['-e', filter], { input: body, reject: false });
  return result.exitCode === 0;
}

/** Every problem of the block; none means it passed. */
export async function judgeBlock(input: VerdictInput): Promise<BlockProblem[]> {
  const { line, outcome, exchanges, show } = input;
  const problems: BlockProblem[] = [];
  const fail = (at: number, message: string, hint?: string) =>
    problems.push({ line: at, severity: 'error', rule: 'doctest', message, ...(hint ? { hint } : {}) });
  const expectedExit = input.expect.find((item) => item.kind === 'exit');
  const expectedStatus = input.expect.find((item) => item.kind === 'status');
  const last = exchanges.at(-1);
  if (outcome.shellEnded)
    fail(line, `the block ended the shell session (exit?) — last output: ${show(outcome.output) || '(none)'}`);
  const exitCode = outcome.exitCode ?? 0;
  if (expectedExit ? exitCode !== expectedExit.code : exitCode !== 0 || outcome.failures.length > 0) {
    const failure = outcome.failures[0];
    const where = failure ? line + failure.line : line;
    const what = failure ? `\`${failure.command}\` failed` : `the block exited ${exitCode}`;
    fail(
      where,
      `${what}${expectedExit ? ` (expected exit ${expectedExit.code}, got ${exitCode})` : ''} — output: ${show(outcome.output) || '(none)'}`,
    );
  }
  exchanges.forEach((exchange, index) => {
    const isLast = index === exchanges.length - 1;
    if (expectedStatus?.kind === 'status' && isLast) {
      if (exchange.status !== expectedStatus.status)
        fail(line, `expect status ${expectedStatus.status}: ${describe(exchange)} — body: ${show(exchange.body)}`);
    } else if (exchange.status === null || exchange.status < 200 || exchange.status >= 300) {
      fail(
        line,
        `${describe(exchange)} — body: ${show(exchange.body)}`,
        exchange.status === 404
          ? 'no such route on the platform: check the path against content/facts.yaml routes'
          : undefined,
      );
    }
  });
  // A wrong answer already says why the block failed; the jq tests on it would only repeat it.
  const answeredWrong = problems.length > 0;
  for (const expectation of input.expect) {
    if (expectation.kind === 'output' && !outcome.output.includes(expectation.contains))
      fail(line, `expect ${expectation.text}: the output was ${show(outcome.output) || '(empty)'}`);
    if ((expectation.kind === 'status' || expectation.kind === 'jq') && !last)
      fail(line, `expect ${expectation.text}: the block made no platform call`);
    if (expectation.kind === 'jq' && last && !answeredWrong && !(await jqHolds(expectation.filter, last.body)))
      fail(line, `expect ${expectation.text} does not hold for ${describe(last)} — body: ${show(last.body)}`);
  }
  if (problems.length === 0) {
    for (const { sample, closest } of findDrift(readSampleOutputs(input.code, input.lines), exchanges)) {
      problems.push({
        line: line + sample.offsetLine,
        severity: 'warning',
        rule: 'doctest-drift',
        message:
          `the doc shows ${sample.status ?? ''} ${show(sample.text)} but the platform answered ${closest ? `${closest.status} ${show(closest.body)}` : 'nothing'}`.replace(
            '  ',
            ' ',
          ),
        hint: 'the command works; update the sample answer in the doc',
      });
    }
  }
  return problems;
}
