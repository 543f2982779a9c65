// The steps of one block in the session: save it as a file, or run hidden setup → the block → hidden teardown; then its captures.
import { execa } from 'execa';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BlockProblem } from './block-verdict.ts';
import type { PageBlock } from './parse-page.ts';
import type { Exchange } from './recording-proxy.ts';
import type { ShellOutcome, ShellSession } from './shell-session.ts';

/** What running a block gave: its session outcome (none for a saved file) and the problems so far. */
export interface BlockStep {
  script?: string;
  outcome?: ShellOutcome;
  output: string;
  problems: BlockProblem[];
}

const error = (line: number, message: string, hint?: string): BlockProblem => ({
  line,
  severity: 'error',
  rule: 'doctest',
  message,
  ...(hint ? { hint } : {}),
});

async function checkPythonSyntax(path: string): Promise<{ line: number; message: string } | undefined> {
  const code = 'import ast, sys\nsrc = open(sys.argv[1]).read()\nast.parse(src, sys.argv[1])';
  const result = await execa('python3', ['-c', code, path], { reject: false });
  if (result.exitCode === 0) return undefined;
  const stderr = String(result.stderr);
  return {
    line: Number(/line (\d+)/.exec(stderr)?.[1] ?? 0),
    message: stderr.trim().split('\n').at(-1) ?? 'syntax error',
  };
}

// The ERR trap also sees the runner's own `source` line and the Python wrapper; keep the reader's commands.
function readerFailures(outcome: ShellOutcome, block: PageBlock, pyFile: string): ShellOutcome['failures'] {
  const own = outcome.failures.filter((failure) => !failure.command.startsWith('source "$1"'));
  if (block.runner !== 'python') return own;
  const line = [
    ...outcome.output.matchAll(new RegExp(`File "[^"]*${pyFile.replace('.', '\\.')}", line (\\d+)`, 'g')),
  ].at(-1)?.[1];
  return own.length
    ? [{ line: Number(line ?? 0), command: `python3 (${outcome.output.trim().split('\n').at(-1) ?? 'error'})` }]
    : [];
}

/** Runs one block (and its hidden steps) with PLATFORM_URL set to `url`. */
export async function runBlockScript(input: {
  block: PageBlock;
  text: string;
  session: ShellSession;
  workDir: string;
  url: string;
  show: (text: string) => string;
  signal: AbortSignal;
}): Promise<BlockStep> {
  const { block, text, session, workDir, url, show, signal } = input;
  const { annotation, line } = block;
  const timeoutMs = annotation.timeoutMs;
  if (annotation.file) {
    await writeFile(join(workDir, annotation.file), `${text}\n`);
    const bad = block.runner === 'python' ? await checkPythonSyntax(join(workDir, annotation.file)) : undefined;
    return {
      output: '',
      problems: bad ? [error(line + bad.line, `${annotation.file} (this block) does not compile: ${bad.message}`)] : [],
    };
  }
  const hidden = async (kind: 'setup' | 'teardown', body: string) => {
    const script = `.doctest/block-${line}.${kind}.sh`;
    await writeFile(join(workDir, script), `${body}\n`);
    const outcome = await session.run(script, { env: { PLATFORM_URL: url }, timeoutMs, signal });
    const ok =
      outcome.exitCode === 0 &&
      outcome.failures.filter((failure) => !failure.command.startsWith('source "$1"')).length === 0;
    return ok
      ? []
      : [
          error(
            line,
            `hidden ${kind} step failed (exit ${outcome.exitCode ?? 'none'}) — output: ${show(outcome.output) || '(none)'}`,
          ),
        ];
  };
  if (annotation.setup) {
    const problems = await hidden('setup', annotation.setup);
    if (problems.length) return { output: '', problems };
  }
  const pyFile = `block-${line}.py`;
  const script = `.doctest/block-${line}.sh`;
  if (block.runner === 'python') await writeFile(join(workDir, '.doctest', pyFile), `${text}\n`);
  await writeFile(join(workDir, script), block.runner === 'python' ? `python3 .doctest/${pyFile}\n` : `${text}\n`);
  const raw = await session.run(script, {
    env: { PLATFORM_URL: url },
    timeoutMs,
    background: annotation.background,
    signal,
  });
  const outcome = { ...raw, failures: readerFailures(raw, block, pyFile) };
  const problems: BlockProblem[] = [];
  if (outcome.timedOut)
    problems.push(
      error(
        line,
        `timed out after ${timeoutMs / 1000} s running the block (timeout: ${timeoutMs / 1000}) — last output: ${show(outcome.output) || '(none)'}`,
        'a command that never returns belongs in a block marked background: true',
      ),
    );
  if (annotation.teardown && !outcome.timedOut) problems.push(...(await hidden('teardown', annotation.teardown)));
  return { script, outcome: outcome.timedOut ? undefined : outcome, output: outcome.output, problems };
}

/** Sets each `capture` variable in the session from the block's last answer; a path that finds nothing is a problem. */
export async function captureBlock(
  block: PageBlock,
  exchanges: readonly Exchange[],
  session: ShellSession,
  show: (text: string) => string,
): Promise<BlockProblem[]> {
  const problems: BlockProblem[] = [];
  const last = exchanges.at(-1);
  for (const [name, path] of Object.entries(block.annotation.capture)) {
    const result = last ? await execa('jq', ['-r', path], { input: last.body, reject: false }) : undefined;
    const value = String(result?.stdout ?? '').trim();
    if (!last || result?.exitCode !== 0 || value === '' || value === 'null') {
      problems.push(
        error(
          block.line,
          `capture ${name}: ${path} finds nothing in ${last ? `${last.method} ${last.path} → ${last.status} — body: ${show(last.body)}` : "the block's answers (it made no platform call)"}`,
        ),
      );
      continue;
    }
    session.setVariable(name, value);
  }
  return problems;
}
