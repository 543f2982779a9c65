// Tests of npm run assets as a real process: renders, caching, --only, --check and failures.
import { execFile } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeTempRoot, REPO_ROOT } from './temp-root.ts';

const CLI = join(REPO_ROOT, 'scripts/assets/cli.ts');

/** Runs `npm run assets` as the user would, in `cwd`; never throws on a non-zero exit. */
async function assets(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run assets', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ root, cleanup } = await makeTempRoot([['test/fixtures/assets/social-cards/content/social', 'content/social']]));
    await rm(join(root, 'content/social/misnamed.mdx'));
  });
  afterAll(() => cleanup());

  test('prints a line per asset and a summary, then reports everything up to date', async () => {
    const first = await assets(root);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/✓ marketing\/assets\/social\/fixture-x-hook\.png rendered \(new\) in \d+\.\d s/);
    expect(first.stdout).toContain('assets: 2 rendered, 0 up to date');
    const second = await assets(root);
    expect(second.stdout).toContain('= marketing/assets/social/fixture-linkedin.png up to date');
    expect(second.stdout).toContain('assets: 0 rendered, 2 up to date');
    const forced = await assets(root, '--force', '--only', 'fixture-linkedin');
    expect(forced.stdout).toContain('fixture-linkedin.png rendered (forced)');
    expect(forced.stdout).toContain('assets: 1 rendered, 0 up to date');
  });


  test('--check renders nothing and exits 1 naming an output whose inputs changed', async () => {
    expect((await assets(root, '--check')).stdout).toContain('assets: every output up to date');
    const card = join(root, 'marketing/assets/social/fixture-x-hook.png');
    const before = await readFile(card);
    const post = (await readdir(join(root, 'content/social'))).find((name) => name.endsWith('.mdx'))!;
    const source = join(root, 'content/social', post);
    await writeFile(source, (await readFile(source, 'utf8')).replace('generally available today', 'available to everyone today'));
    const checked = await assets(root, '--check');
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/marketing\/assets\/social\/fixture-[\w-]+\.png \[assets\] stale — run npm run assets -- --only/);
    expect(await readFile(card)).toEqual(before);
    await assets(root);
  });
  test('names the known assets when --only matches none and exits 1', async () => {
    const result = await assets(root, '--only', 'fleet');
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('assets: no asset named "fleet" — known: fixture-x-hook, fixture-linkedin, diagrams, cards');
  });

  test('rejects an unknown flag with the usage and exit code 2', async () => {
    const result = await assets(root, '--fast');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run assets');
  });
});
