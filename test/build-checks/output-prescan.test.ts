// Pages read while Astro writes them: the output rules report exactly what they report without, and a page changed since is read again.
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  appendFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ALL_CHECKS } from '../../scripts/build-checks/all-checks.ts';
import { collectSources } from '../../scripts/build-checks/steps/collect.ts';
import { createRunState, runChecks } from '../../scripts/build-checks/steps/run-checks.ts';
import { readBuiltSite } from '../../scripts/build-checks/steps/built-site.ts';
import { prescanKinds, startOutputPrescan } from '../../scripts/build-checks/steps/output-prescan.ts';
import { listFiles } from '../../core/list-files.ts';
import { describeIssues, FIXTURES, FIXTURE_NOW } from './check-fixture.ts';

const DIRS = { public: 'built/public', internal: 'built/internal' };
let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'output-prescan-'));
  cpSync(join(FIXTURES, 'checks-fail'), root, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The output rules on the tree, with pages read ahead by `prepare` first when given. */
async function outputIssues(
  prepare?: (
    sources: Awaited<ReturnType<typeof collectSources>>,
    state: ReturnType<typeof createRunState>,
  ) => Promise<void>,
) {
  const sources = await collectSources(root, { now: FIXTURE_NOW });
  const state = createRunState();
  await prepare?.(sources, state);
  const run = await runChecks(ALL_CHECKS, 'output', sources, { external: false }, state, readBuiltSite(root, DIRS));
  return describeIssues(run.issues);
}

/** Moves the public site to where Astro writes it, reads it ahead, and moves it back as the finished site. */
async function readAhead(afterwards?: () => void) {
  const draft = join(root, 'astro-out/public');
  mkdirSync(join(root, 'astro-out'));
  renameSync(join(root, DIRS.public), draft);
  const sources = await collectSources(root, { now: FIXTURE_NOW });
  let finish: () => void = () => undefined;
  const prescan = startOutputPrescan(
    draft,
    prescanKinds(ALL_CHECKS, sources),
    new Promise<void>((resolve) => (finish = resolve)),
  );
  await new Promise((resolve) => setTimeout(resolve, 600));
  finish();
  renameSync(draft, join(root, DIRS.public));
  afterwards?.();
  return prescan;
}

describe('reading the public site while Astro writes it', () => {
  test('the output rules report the same, file, line and column, with its pages read ahead', async () => {
    const plain = await outputIssues();
    // The fixture plants an out-link, a secret and a leak in its public pages.
    expect(plain.join('\n')).toMatch(/\[out-link\][\s\S]*\[secret\]|\[secret\][\s\S]*\[out-link\]/);
    expect(plain.join('\n')).toContain('[leak]');
    const prescan = await readAhead();
    let adopted = 0;
    const ahead = await outputIssues(async (sources, state) => {
      adopted = await prescan.adopt(sources, state, DIRS.public);
    });
    expect(adopted).toBe(listFiles(join(root, DIRS.public), { patterns: ['**/*.html', '**/*.xml'] }).length);
    expect(ahead).toEqual(plain);
  });

  test('a page changed after it was read is read again, so its new problem is reported', async () => {
    const page = listFiles(join(root, DIRS.public), { patterns: ['**/*.html'] })[0]!;
    const prescan = await readAhead(() => {
      const file = join(root, DIRS.public, page);
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace('</body>', '<a href="/no-such-page-added-later/">x</a></body>'),
      );
    });
    let adopted = 0;
    const issues = await outputIssues(async (sources, state) => {
      adopted = await prescan.adopt(sources, state, DIRS.public);
    });
    expect(adopted).toBe(listFiles(join(root, DIRS.public), { patterns: ['**/*.html', '**/*.xml'] }).length - 1);
    expect(issues.join('\n')).toContain('/no-such-page-added-later/');
  });

  test('a page still being written is not read until it is whole', async () => {
    const draft = join(root, 'draft');
    mkdirSync(draft);
    writeFileSync(join(draft, 'late.html'), '<!doctype html><html><body><p>half');
    let finish: () => void = () => undefined;
    const prescan = startOutputPrescan(draft, ['scan'], new Promise<void>((resolve) => (finish = resolve)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    appendFileSync(join(draft, 'late.html'), ' and the rest</p></body></html>\n');
    await new Promise((resolve) => setTimeout(resolve, 400));
    finish();
    const sources = await collectSources(root, { now: FIXTURE_NOW });
    expect(await prescan.adopt(sources, createRunState(), 'draft')).toBe(1);
    expect(sources.textOf('draft/late.html')).toContain('and the rest');
  });
});
