// The one CLI harness every program runs through: parse argv and env into issues first, then run, then print and set the exit code.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatIssue, sortIssues, summarizeIssues, type Issue } from '../../../core/issue.ts';
import { formatAnnotations } from './annotations.ts';
import { EXIT, exitCodeFor } from './exit-codes.ts';
import { usageIssue } from './usage-issue.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** What a command's `parse` sees: argv already split by `node:util` parseArgs, and the environment. */
export interface ParsedArgs {
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  positionals: string[];
  env: NodeJS.ProcessEnv;
}

/** What `parse` gives back: the command's own options, or the usage issues that stop it (exit 2). */
export type ParseResult<O> = { options: O; issues?: Issue[] } | { options?: undefined; issues: Issue[] };

/** Handed to `run`: where to print, and a signal that aborts on Ctrl-C (SIGINT/SIGTERM). */
export interface CommandContext {
  signal: AbortSignal;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

/** What `run` gives back: every problem found; the harness prints them and picks the exit code. */
export interface CommandResult {
  issues: Issue[];
  /** Set when the command printed its own report (e.g. `--format json`): the harness then prints no issue lines. */
  printed?: boolean;
}

/** One program: its name, usage text, option table, argv/env parser and body. */
export interface CommandSpec<O> {
  name: string;
  usage: string;
  options: Options;
  allowPositionals?: boolean;
  parse(args: ParsedArgs): ParseResult<O>;
  run(options: O, context: CommandContext): Promise<CommandResult>;
}

/**
 * Runs a program: parses everything before anything runs, prints all issues at once (sorted, one
 * per line, a count line, CI annotations), sets `process.exitCode` (0 ok, 1 problems, 2 usage,
 * 130 interrupted) and never calls `process.exit`, so `finally` blocks and cleanups still run.
 */
export async function runCommand<O>(spec: CommandSpec<O>, argv = process.argv.slice(2)): Promise<number> {
  const { stdout, stderr, env } = process;
  let parsed: ParsedArgs;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...spec.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: spec.allowPositionals ?? false,
      strict: true,
    });
    parsed = { values, positionals, env };
  } catch (error) {
    return finish(spec, [usageIssue(flagOf(error), (error as Error).message)], true);
  }
  if (parsed.values.help) {
    stdout.write(`${spec.usage}\n`);
    return (process.exitCode = EXIT.ok);
  }
  const result = spec.parse(parsed);
  if (!result.options) return finish(spec, result.issues ?? [], true);

  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    stderr.write(`\n${spec.name}: ${signal === 'SIGINT' ? 'interrupted' : 'terminated'}; stopping and cleaning up\n`);
    controller.abort(new InterruptedError(signal));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const outcome = await spec.run(result.options, { signal: controller.signal, stdout, stderr, env });
    const issues = [...(result.issues ?? []), ...outcome.issues];
    if (controller.signal.aborted) {
      if (!outcome.printed) printIssues(spec.name, issues);
      return (process.exitCode = EXIT.interrupted);
    }
    return outcome.printed ? (process.exitCode = exitCodeFor(issues)) : finish(spec, issues, false);
  } catch (error) {
    if (controller.signal.aborted) return (process.exitCode = EXIT.interrupted);
    const issue: Issue = {
      file: spec.name,
      line: 0,
      column: 0,
      rule: 'internal',
      severity: 'error',
      message: `crashed: ${(error as Error).stack ?? String(error)}`,
    };
    return finish(spec, [issue], false);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** Raised into `context.signal.reason` when the user interrupts the run. */
export class InterruptedError extends Error {
  readonly signalName: NodeJS.Signals;
  constructor(signalName: NodeJS.Signals) {
    super(`interrupted by ${signalName}`);
    this.signalName = signalName;
  }
}

function finish<O>(spec: CommandSpec<O>, issues: Issue[], usage: boolean): number {
  printIssues(spec.name, issues);
  if (usage) process.stderr.write(`\n${spec.usage}\n`);
  return (process.exitCode = usage ? EXIT.usage : exitCodeFor(issues));
}

/** Sorted issue lines on stderr, a count line, and `::error` annotations under CI. */
export function printIssues(name: string, issues: readonly Issue[]): void {
  if (issues.length === 0) return;
  const sorted = sortIssues(issues);
  process.stderr.write(`${sorted.map(formatIssue).join('\n')}\n${name}: ${summarizeIssues(sorted)}\n`);
  if (process.env.CI || process.env.GITHUB_ACTIONS) process.stderr.write(`${formatAnnotations(sorted).join('\n')}\n`);
}

// node:util names the offending option in its message ("Unknown option '--fsat'"); keep it as the location.
function flagOf(error: unknown): string {
  const match = /'(-{1,2}[\w-]+)/.exec((error as Error).message);
  return match?.[1] ?? 'argv';
}
