// Runs one evidence command as a child process (execa) and records what it printed, on which commit; never throws on a failing exit.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { redact } from '../../lib/redact.ts';
import type { Capture } from './capture.ts';

/** An evidence command: an npm script (with arguments after `--`) or a Node program of this repo. */
export type EvidenceCommand =
  { npmScript: string; args: readonly string[] } | { node: string; args: readonly string[] };

/** How long a stopped command gets to clean up before its process group is killed outright. */
const KILL_AFTER_MS = 5_000;

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** How the command is shown to people: `npm run tts -- --check`. */
export function describeCommand(command: EvidenceCommand): string {
  if ('npmScript' in command)
    return `npm run ${command.npmScript}${command.args.length ? ` -- ${command.args.join(' ')}` : ''}`;
  return `node ${[command.node, ...command.args].join(' ')}`;
}

/** The npm scripts package.json defines under `root`. */
export async function readNpmScripts(root: string): Promise<Set<string>> {
  try {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    return new Set(Object.keys(pkg.scripts ?? {}));
  } catch {
    return new Set();
  }
}

export interface RunEvidenceOptions {
  root: string;
  kind: string;
  commit: string | null;
  scripts: Set<string>;
  env: NodeJS.ProcessEnv;
  signal: AbortSignal;
}

/** Runs the command (or records that it does not exist); output is redacted before it is kept. */
export async function runEvidenceCommand(command: EvidenceCommand, options: RunEvidenceOptions): Promise<Capture> {
  const shown = describeCommand(command);
  const base = { kind: options.kind, command: shown, commit: options.commit };
  if ('npmScript' in command && !options.scripts.has(command.npmScript)) {
    return { ...base, available: false, exitCode: null, stdout: '', stderr: '', at: new Date().toISOString() };
  }
  const [file, args] =
    'npmScript' in command
      ? ['npm', ['run', '--silent', command.npmScript, ...(command.args.length ? ['--', ...command.args] : [])]]
      : [join(options.root, 'node_modules/.bin/node'), [command.node, ...command.args]];
  // Its own process group, so Ctrl-C stops npm and everything npm started (a shell does not always pass signals on).
  const subprocess = execa(file, args, {
    cwd: options.root,
    env: { ...options.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    reject: false,
    stdin: 'ignore',
    detached: true,
    maxBuffer: 64 * 1024 * 1024,
  });
  const stop = () => {
    killGroup(subprocess.pid, 'SIGTERM');
    setTimeout(() => killGroup(subprocess.pid, 'SIGKILL'), KILL_AFTER_MS).unref();
  };
  options.signal.addEventListener('abort', stop, { once: true });
  const result = await subprocess.finally(() => options.signal.removeEventListener('abort', stop));
  const secrets = [options.env.ADMIN_TOKEN, options.env.DEMO_API_KEY].filter((value): value is string =>
    Boolean(value),
  );
  const clean = (text: unknown) => redact(String(text ?? ''), secrets);
  return {
    ...base,
    available: true,
    exitCode: result.exitCode ?? null,
    stdout: clean(result.stdout),
    stderr: clean(result.stderr),
    at: new Date().toISOString(),
  };
}

/** Full hash of HEAD under `root`, with `-dirty` when tracked files have uncommitted changes. */
export async function readCommit(root: string): Promise<string | null> {
  const head = await execa('git', ['rev-parse', 'HEAD'], { cwd: root, reject: false });
  if (head.exitCode !== 0) return null;
  const status = await execa('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, reject: false });
  return `${String(head.stdout).trim()}${String(status.stdout).trim() ? '-dirty' : ''}`;
}
