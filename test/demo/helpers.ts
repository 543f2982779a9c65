// Test helpers for the demo: temporary roots, clean environments, child processes and their output.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { execa, type ResultPromise } from 'execa';

/** The repo this test suite belongs to. */
export const REPO = join(import.meta.dirname, '..', '..');
/** The project's pinned Node (24): it runs the TypeScript entry points directly. */
export const NODE = join(REPO, 'node_modules', '.bin', 'node');
export const DEMO_CLI = join(REPO, 'scripts', 'demo', 'cli.ts');
export const SANDBOX_CLI = join(REPO, 'scripts', 'demo', 'sandbox', 'cli.ts');
export const AGENT_MAIN = join(REPO, 'scripts', 'demo', 'agent', 'cli.ts');

/** A throwaway project root: the fixture storyboard, the real facts file, and a token folder. */
export function makeDemoRoot(storyboardFixture = 'demo-storyboard'): {
  root: string;
  tokens: string;
  cleanup: () => void;
} {
  const root = mkdtempSync(join(tmpdir(), 'demo-root-'));
  cpSync(join(REPO, 'test', 'fixtures', storyboardFixture, 'content'), join(root, 'content'), { recursive: true });
  cpSync(join(REPO, 'content', 'facts.yaml'), join(root, 'content', 'facts.yaml'));
  const tokens = join(root, 'tokens');
  mkdirSync(tokens);
  return { root, tokens, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A minimal environment: no PLATFORM_URL/ADMIN_TOKEN from the developer's shell leaks into a test. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...extra };
}

/** Starts `npm run demo`'s entry point as a real child process. */
export function startDemo(
  root: string,
  args: string[],
  env: Record<string, string>,
): ResultPromise<{ cwd: string; env: Record<string, string>; extendEnv: false; reject: false; all: true }> {
  return execa(NODE, [DEMO_CLI, ...args], { cwd: root, env, extendEnv: false, reject: false, all: true });
}

/** Runs the demo to the end. */
export async function runDemo(root: string, args: string[], env: Record<string, string>) {
  const result = await startDemo(root, args, env);
  return {
    exitCode: result.exitCode,
    stdout: String(result.stdout),
    stderr: String(result.stderr),
    all: String(result.all),
  };
}

interface LineLog {
  lines: string[];
  listeners: Set<() => void>;
}
const logs = new WeakMap<ResultPromise, LineLog>();

/** Every stdout line of a child so far (one reader per child, so no line is ever missed). */
function lineLog(child: ResultPromise): LineLog {
  let log = logs.get(child);
  if (!log) {
    const created: LineLog = { lines: [], listeners: new Set() };
    createInterface({ input: child.stdout! }).on('line', (line) => {
      created.lines.push(line);
      for (const listener of created.listeners) listener();
    });
    logs.set(child, created);
    log = created;
  }
  return log;
}

/** Resolves with the first stdout line (seen so far or still to come) matching `pattern`. */
export function waitForLine(child: ResultPromise, pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
  const log = lineLog(child);
  return new Promise((resolve, reject) => {
    const check = () => {
      for (const line of log.lines) {
        const match = pattern.exec(line);
        if (match) {
          clearTimeout(timer);
          log.listeners.delete(check);
          resolve(match);
          return;
        }
      }
    };
    const timer = setTimeout(() => {
      log.listeners.delete(check);
      reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms; got:\n${log.lines.join('\n')}`));
    }, timeoutMs);
    log.listeners.add(check);
    check();
  });
}

/** A stand-in started as its own process with `npm run sandbox`'s entry point. */
export async function startSandboxProcess(
  args: string[],
  env: Record<string, string>,
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const child = execa(NODE, [SANDBOX_CLI, '--port', '0', ...args], { env, extendEnv: false, reject: false });
  const [, url] = await waitForLine(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
  return {
    url: url!,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await child;
    },
  };
}

/** True while a process exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Every file under a folder with its text. */
export function readTree(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? readTree(full) : [{ file: full, text: readFileSync(full, 'utf8') }];
  });
}

/** A 43-character base64url run: the shape of a platform token. */
export const TOKEN_SHAPE = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/;
