// Tests of npm run assets as a real process: renders, caching, --only, --check and failures.
import { execFile } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
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

  test('names the known assets when --only matches none: a bad flag value, exit 2', async () => {
    const result = await assets(root, '--only', 'fleet');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--only [usage] no asset named "fleet" — known: fixture-x-hook, fixture-linkedin, diagrams, cards',
    );
  });

  test('--check renders nothing and exits 1 when an asset is missing or stale', async () => {
    const card = join(root, 'marketing/assets/social/fixture-linkedin.png');
    const current = await assets(root, '--check');
    expect(current.code, current.stderr).toBe(0);
    expect(current.stdout).toContain('assets: 2 up to date, 0 missing or stale; nothing rendered');
    const bytes = await readFile(card);
    await rm(card);
    const missing = await assets(root, '--check');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /\[asset-stale\] marketing\/assets\/social\/fixture-linkedin\.png is missing or out of date \(marketing\/assets\/social\/fixture-linkedin\.png missing\) — run npm run assets -- --only fixture-linkedin/,
    );
    expect(existsSync(card)).toBe(false);
    await writeFile(card, bytes);
  });

  test('rejects an unknown flag with the usage and exit code 2', async () => {
    const result = await assets(root, '--fast');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run assets');
  });
});
