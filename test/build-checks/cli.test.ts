// Tests of npm run check/build as a real process, with problems planted in a copy of the real launch.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { hashBytes } from '../../core/hash.ts';

const REPO = join(import.meta.dirname, '../..');
const NODE = join(REPO, 'node_modules/.bin/node');
const CLI = join(REPO, 'scripts/build-checks/cli.ts');
/** What a copy of the real launch needs for the source checks. */
const COPIED = ['content', 'marketing', 'public', 'src/routes'];

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** Copies the real content (and what it references) into a temp root. */
function copyRealRepo(): string {
  const root = tempDir('checks-real-');
  for (const path of COPIED)
    if (existsSync(join(REPO, path))) cpSync(join(REPO, path), join(root, path), { recursive: true });
  return root;
}

function runCli(args: string[], env: Record<string, string> = {}) {
  return execa(NODE, [CLI, ...args], {
    cwd: REPO,
    reject: false,
    env: { CI: '', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', ...env },
  });
}

/** 1-based line and column of `needle` in a file, computed independently of the checker. */
function positionOf(file: string, needle: string, from = 0): string {
  const text = readFileSync(file, 'utf8');
  const index = text.indexOf(needle, from);
  if (index === -1) throw new Error(`${needle} not found in ${file}`);
  const before = text.slice(0, index).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

function appendToBody(file: string, text: string): void {
  writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n\n${text}\n`);
}

describe('planting problems in a copy of the real launch', () => {
  let root: string;
  let baseline: string;
  beforeAll(async () => {
    root = copyRealRepo();
    baseline = (await runCli(['check', '--root', root])).stdout;
  });

  // Each planter changes one real page and returns the location the checker must print.
  const PLANTS: Array<[what: string, rule: string, plant: (root: string) => string]> = [
    [
      'a missing image in the remote-workspaces guide',
      'asset',
      (dir) => {
        const file = join(dir, 'content/guides/remote-workspaces.mdx');
        appendToBody(file, '![Planted diagram](/marketing/assets/planted-missing.png)');
        return `content/guides/remote-workspaces.mdx:${positionOf(file, '![Planted diagram]')}`;
      },
    ],
    [
      'a 300-character X post in the launch social set',
      'len',
      (dir) => {
        const file = join(dir, 'content/social/phase30.mdx');
        const text = readFileSync(file, 'utf8');
        const post = /\n(\s+)text: (?:\|-?\n(?:\1 {2}.*\n)+|.*\n)/.exec(text.slice(text.indexOf('channel: x')));
        if (!post) throw new Error('no X post text in content/social/phase30.mdx');
        const start = text.indexOf('channel: x') + post.index;
        const long = 'Remote Workspaces puts every agent on one canvas. '.repeat(6).slice(0, 300);
        writeFileSync(
          file,
          `${text.slice(0, start)}\n${post[1]}text: "${long}"\n${text.slice(start + post[0].length)}`,
        );
        return `content/social/phase30.mdx:${positionOf(file, `"${long}"`)}`;
      },
    ],
    [
      'a wrong liveness figure in the launch post',
      'fact',
      (dir) => {
        const file = join(dir, 'content/blog/remote-workspaces-ga.mdx');
        appendToBody(file, 'A remote agent is marked offline after 45 seconds without a heartbeat.');
        return `content/blog/remote-workspaces-ga.mdx:${positionOf(file, '45 seconds', readFileSync(file, 'utf8').lastIndexOf('A remote agent is marked offline'))}`;
      },
    ],
  ];

  test.each(PLANTS)('fails on %s with its location', async (_what, rule, plant) => {
    const copy = copyRealRepo();
    const location = plant(copy);
    const result = await runCli(['check', '--root', copy]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(`${location} [${rule}]`);
    expect(baseline).not.toContain(`${location} [${rule}]`);
  });

  test('prints every problem sorted by file with a count line', async () => {
    const result = await runCli(['check', '--root', root]);
    const lines = result.stdout
      .trim()
      .split('\n')
      .filter((line) => /^\S+:\d+:\d+ /.test(line));
    const files = lines.map((line) => line.split(':')[0]!);
    expect(files).toEqual([...files].sort((a, b) => a.localeCompare(b)));
    expect(result.stdout.trim().split('\n').at(-1)).toMatch(/^(no problems|\d+ errors?(: .+)?( \(\d+ warnings?\))?)$/);
  });
});

describe('output formats and exit codes', () => {
  let broken: string;
  beforeAll(() => {
    broken = copyRealRepo();
    appendToBody(
      join(broken, 'content/guides/remote-workspaces.mdx'),
      '![Planted diagram](/marketing/assets/planted-missing.png)',
    );
  });

  test('--format json gives machines the same issues', async () => {
    const result = await runCli(['check', '--root', broken, '--format', 'json']);
    expect(result.exitCode).toBe(1);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      errors: number;
      issues: Array<{ file: string; rule: string; line: number; column: number }>;
    };
    expect(report.ok).toBe(false);
    expect(report.errors).toBeGreaterThan(0);
    expect(report.issues).toContainEqual(
      expect.objectContaining({ file: 'content/guides/remote-workspaces.mdx', rule: 'asset' }),
    );
  });

  test('adds GitHub annotations under CI', async () => {
    const result = await runCli(['check', '--root', broken], { CI: 'true' });
    expect(result.stderr).toMatch(
      /^::error file=content\/guides\/remote-workspaces\.mdx,line=\d+,col=1,title=\[asset\]::image: missing file marketing\/assets\/planted-missing\.png/m,
    );
  });

  test('exits 0 and still prints warnings when only warnings remain', async () => {
    const root = tempDir('checks-warn-');
    mkdirSync(join(root, 'content/guides'), { recursive: true });
    mkdirSync(join(root, 'marketing/assets'), { recursive: true });
    cpSync(join(REPO, 'test/fixtures/checks-pass/content/facts.yaml'), join(root, 'content/facts.yaml'));
    writeFileSync(
      join(root, 'content/guides/hello.mdx'),
      '---\ntitle: Hello\ndescription: A guide.\naudience: public\nstatus: approved\nowner: DevRel\n---\n\nHello.\n',
    );
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"/>\n';
    writeFileSync(join(root, 'marketing/assets/spare.svg'), svg);
    const entry = {
      generator: 'assets:mermaid',
      command: 'npm run assets',
      inputsHash: 'sha256:0',
      bytesHash: hashBytes(svg),
      size: svg.length,
      draft: false,
      sources: [],
      createdAt: '2026-04-20T00:00:00Z',
    };
    writeFileSync(
      join(root, 'marketing/manifest.json'),
      JSON.stringify({ version: 1, entries: { 'marketing/assets/spare.svg': entry } }),
    );
    const result = await runCli(['check', '--root', root]);
    expect(result.stdout).toContain(
      'warning: 1 files in marketing/ nothing references (unused) — npm run build -- --verbose',
    );
    expect(result.stdout).not.toContain('marketing/assets/spare.svg:1:1');
    expect((await runCli(['check', '--root', root, '--verbose'])).stdout).toContain(
      'marketing/assets/spare.svg:1:1 warning [unused]',
    );
    expect(result.stdout.trim().split('\n').at(-1)).toBe('0 errors (1 warning)');
    expect(result.exitCode).toBe(0);
  });

  test('build stops before Astro when the sources have errors', async () => {
    const result = await runCli(['build', '--root', broken]);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain('note: astro build skipped: fix the source errors below first');
    expect(existsSync(join(broken, 'dist'))).toBe(false);
    // With no last good build Astro starts before the sources are read; stopped, it leaves nothing behind.
    expect(readdirSync(broken).filter((name) => name.startsWith('.dist.'))).toEqual([]);
    expect(existsSync(join(broken, '.cache/astro-out/public'))).toBe(false);
    expect(existsSync(join(broken, '.cache/astro-out/internal'))).toBe(false);
  });

  test('rejects an unknown command with usage and exit 2', async () => {
    const result = await runCli(['publish']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('usage: node scripts/build-checks/cli.ts <check|build>');
  });
});
