import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { writePublishingProject } from './publishing-project.ts';
import { hashBytes } from '../../core/hash.ts';
import { LOCK_DIR } from '../../scripts/lib/checkout-lock.ts';

const REPO = join(import.meta.dirname, '../..');
const NODE = join(REPO, 'node_modules/.bin/node');
const CLI = join(REPO, 'scripts/build-checks/cli.ts');
/** Inside the repo, so the copied project resolves node_modules; git-ignored. */
// A space in the path: every path the build handles must survive it (fileURLToPath, not URL.pathname).
const PROJECT = join(REPO, '.cache', 'publish-tests', `project with spaces ${process.pid}`);
const POST = 'content/blog/fixture-approved.mdx';

function build(args: string[] = [], env: Record<string, string> = {}) {
  return execa(NODE, [CLI, 'build', '--root', PROJECT, ...args], {
    cwd: REPO,
    reject: false,
    env: { CI: '', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', BUILD_NOW: '2026-04-25T00:00:00Z', ...env },
  });
}

/** Every file under dist/ with the hash of its bytes. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    out[relative(dir, full)] = hashBytes(await readFile(full));
  }
  return out;
}

/** Builds with `file` importing a component that does not exist (`<name>.astro`), then restores it; the import's line. */
async function buildWithMissingImport(file: string, name: string) {
  const text = await readFile(join(PROJECT, file), 'utf8');
  const planted = `${text.trimEnd()}\n\nimport Missing from '../../src/components/${name}.astro';\n\n<Missing />\n`;
  await writeFile(join(PROJECT, file), planted);
  try {
    return { bad: await build(), line: planted.split('\n').findIndex((row) => row.includes(name)) + 1 };
  } finally {
    await writeFile(join(PROJECT, file), text);
  }
}

async function tempSiblings(): Promise<string[]> {
  return (await readdir(PROJECT)).filter((name) => name.startsWith('.dist.'));
}

beforeAll(() => writePublishingProject(PROJECT));
afterAll(() => rm(PROJECT, { recursive: true, force: true }));

describe('npm run build publishes dist/ atomically', () => {
  test('a passing build replaces dist/ as a whole, and a failed Astro build keeps it byte for byte', async () => {
    await mkdir(join(PROJECT, 'dist/public'), { recursive: true });
    await writeFile(join(PROJECT, 'dist/public/stale.txt'), 'from an older build\n');
    const good = await build();
    expect(good.exitCode, good.stdout).toBe(0);
    expect(good.stdout).toContain('note: dist/ replaced by this build');
    expect(existsSync(join(PROJECT, 'dist/public/stale.txt'))).toBe(false);
    expect(existsSync(join(PROJECT, 'dist/public/blog/fixture-approved/index.html'))).toBe(true);
    expect(existsSync(join(PROJECT, 'dist/internal/index.html'))).toBe(true);
    const before = await snapshot(join(PROJECT, 'dist'));

    const { bad, line } = await buildWithMissingImport(POST, 'DoesNotExist');
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toMatch(
      new RegExp(`^${POST}:${line}:\\d+ \\[astro\\] astro build \\(public\\): .*DoesNotExist`, 'm'),
    );
    expect(bad.stdout + bad.stderr).not.toContain('\u001b[');
    expect(bad.stdout).toContain('note: dist/ kept from the last good build');
    expect(await snapshot(join(PROJECT, 'dist'))).toEqual(before);
    expect(await tempSiblings()).toEqual([]);
  }, 180_000);

  test('a piece only the launch room builds fails at its own line, though that build has a root of its own', async () => {
    const card = 'content/battlecards/fixture.mdx';
    const { bad, line } = await buildWithMissingImport(card, 'NotThere');
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toMatch(
      new RegExp(`^${card}:${line}:\\d+ \\[astro\\] astro build \\(internal\\): .*NotThere`, 'm'),
    );
    expect(bad.stdout).toContain('note: dist/ kept from the last good build');
  }, 180_000);

  test('the output checks fail on an empty page and a page cut short', async () => {
    const dist = join(PROJECT, 'dist');
    const page = join(dist, 'public/blog/fixture-approved/index.html');
    const full = await readFile(page, 'utf8');
    const home = join(dist, 'internal/index.html');
    const room = await readFile(home, 'utf8');
    await writeFile(page, full.slice(0, full.indexOf('</head>')));
    await writeFile(home, '');
    const result = await build(['--skip-astro']);
    await writeFile(page, full);
    await writeFile(home, room);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(
      /^dist\/public\/blog\/fixture-approved\/index\.html:1:1 \[truncated\] .*no closing <\/html>/m,
    );
    expect(result.stdout).toMatch(/^dist\/internal\/index\.html:1:1 \[truncated\] .*empty \(0 bytes\)/m);
  }, 60_000);
});

describe('one build at a time per checkout', () => {
  /** A separate process holding the lock as `held-by-test` until it is killed or `releaseAfterMs` passes. */
  async function holdLock(releaseAfterMs: number) {
    const lockModule = JSON.stringify(join(REPO, 'scripts/lib/checkout-lock.ts'));
    const holder = execa(
      NODE,
      [
        '--input-type=module',
        '-e',
        `
      const { acquireCheckoutLock } = await import(${lockModule});
      const release = await acquireCheckoutLock(${JSON.stringify(PROJECT)}, { command: 'held-by-test' });
      console.log('locked');
      setTimeout(async () => { await release(); console.log('released'); }, ${releaseAfterMs});`,
      ],
      { reject: false },
    );
    await new Promise<void>((resolve) =>
      holder.stdout?.on('data', (chunk) => String(chunk).includes('locked') && resolve()),
    );
    // Wrapped: an async function returning the subprocess itself would wait for it to exit.
    return { holder };
  }

  test('--no-wait fails at once naming the holder, and dist/ is untouched', async () => {
    await mkdir(join(PROJECT, 'dist/public'), { recursive: true });
    await writeFile(join(PROJECT, 'dist/public/kept.txt'), 'kept\n');
    const before = await snapshot(join(PROJECT, 'dist'));
    const { holder } = await holdLock(20_000);
    const started = Date.now();
    const result = await build(['--no-wait']);
    holder.kill('SIGKILL');
    await holder;
    expect(result.exitCode).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.stdout).toMatch(
      new RegExp(
        `${LOCK_DIR.replace('.', '\\.')} \\[lock\\] the checkout is locked by held-by-test \\(pid ${holder.pid}`,
      ),
    );
    expect(await snapshot(join(PROJECT, 'dist'))).toEqual(before);
  }, 30_000);

  test('a second build waits with a message naming the holder, then runs', async () => {
    const { holder } = await holdLock(5_000);
    const result = await build(['--skip-astro']);
    const { stdout: held } = await holder;
    expect(held).toContain('released');
    expect(result.stderr).toMatch(new RegExp(`npm run build: waiting for held-by-test \\(pid ${holder.pid}`));
    expect(result.stdout).not.toContain('[lock]');
  }, 30_000);

  test('a lock left by a killed build is taken over', async () => {
    const { holder } = await holdLock(60_000);
    holder.kill('SIGKILL');
    await holder;
    const result = await build(['--skip-astro', '--no-wait']);
    expect(result.stdout).not.toContain('[lock]');
    expect(result.stdout).toMatch(/no problems|\d+ errors?/);
  }, 30_000);
});
