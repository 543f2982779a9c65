// Runs `npm run doctest`'s entry point as a real child process over the real content or a temp tree of fixture pages.
import { execa } from 'execa';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO = join(import.meta.dirname, '../..');
const NODE = join(REPO, 'node_modules/.bin/node');
const CLI = join(REPO, 'scripts/doctest/cli.ts');

/** A temp checkout holding only the given pages under content/guides/. */
export function makeRoot(pages: Record<string, string>): { root: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'doctest-test-'));
  mkdirSync(join(root, 'content/guides'), { recursive: true });
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(root, 'content/guides', name), text);
  return { root, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** A fixture page's text from test/fixtures/doctest/. */
export const fixture = (name: string) => readFileSync(join(REPO, 'test/fixtures/doctest', name), 'utf8');

/** Starts the CLI as a child process. */
export function startDoctest(args: string[], env: Record<string, string> = {}) {
  return execa(NODE, [CLI, ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...env },
    extendEnv: false,
    reject: false,
    all: true,
  });
}

/** Runs the CLI to the end. */
export async function runDoctest(args: string[], env: Record<string, string> = {}) {
  const result = await startDoctest(args, env);
  return {
    exitCode: result.exitCode,
    stdout: String(result.stdout),
    stderr: String(result.stderr),
    all: String(result.all),
  };
}

/** Pids of live processes started by a doctest session (they carry DOCTEST_RUN_ID in their environment). */
export function doctestProcesses(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').includes('DOCTEST_RUN_ID=');
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The runner's temp work folders that exist now. */
export const workFolders = () => readdirSync(tmpdir()).filter((name) => /^doctest-(?!test-)/.test(name));
