// Tests of the social cards: one per post image, the right size, recorded in the manifest.
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, test } from 'vitest';
import { generateAssets } from '../../scripts/assets/generate.ts';
import { describeCard, hookOf } from '../../scripts/assets/social-jobs.ts';
import { readManifest, updateManifest } from '../../core/manifest.ts';
import { makeTempRoot } from './temp-root.ts';

const FIXTURE = 'test/fixtures/assets/social-cards/content/social';
let cleanup: (() => Promise<void>) | undefined;
afterEach(() => cleanup?.());

async function fixtureRoot(): Promise<string> {
  const temp = await makeTempRoot([[FIXTURE, 'content/social']]);
  cleanup = temp.cleanup;
  return temp.root;
}

describe('social cards', () => {
  test('renders one card per post that names a card, sized for its channel', async () => {
    const root = await fixtureRoot();
    await rm(join(root, 'content/social/misnamed.mdx'));
    const report = await generateAssets({ root });
    expect(report.issues).toEqual([]);
    expect(report.results.map((result) => [result.job.name, result.status])).toEqual([
      ['fixture-x-hook', 'written'],
      ['fixture-linkedin', 'written'],
    ]);
    const x = await sharp(join(root, 'marketing/assets/social/fixture-x-hook.png')).metadata();
    const linkedin = await sharp(join(root, 'marketing/assets/social/fixture-linkedin.png')).metadata();
    expect([x.width, x.height, linkedin.width, linkedin.height]).toEqual([1200, 675, 1200, 630]);
    const entry = (await readManifest(root)).entries['marketing/assets/social/fixture-x-hook.png']!;
    expect(entry).toMatchObject({
      generator: 'assets:social-card',
      sources: ['content/social/launch.mdx'],
      details: {
        eyebrow: 'Fixture launch · Technical',
        title: 'Agents on any host, one canvas for all of them.',
        subtitle: 'moleculesai.app',
      },
    });
    const again = await generateAssets({ root });
    expect(again.results.every((result) => result.status === 'up-to-date')).toBe(true);
  });

  test('reports a card path that does not follow <campaign>-<post id> where it is written', async () => {
    const root = await fixtureRoot();
    const report = await generateAssets({ root, only: ['cards'] });
    const errors = report.issues.filter((issue) => issue.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'content/social/misnamed.mdx', line: 13, column: 12, rule: 'social-card' });
    expect(errors[0]!.hint).toBe('use /marketing/assets/social/other-x-one.png (<campaign>-<post id>.png)');
  });

  test("warns when a card's alt text does not carry its headline", async () => {
    const root = await fixtureRoot();
    const report = await generateAssets({ root, only: ['other-x-two'] });
    const warning = report.issues.find((issue) => issue.severity === 'warning');
    expect(warning).toMatchObject({
      file: 'content/social/misnamed.mdx',
      line: 20,
      column: 15,
      rule: 'social-card',
      message: 'alt text does not contain the card\'s headline "Second post."',
    });
    expect(report.results.map((result) => result.status)).toEqual(['written']);
  });

  test('removes a card no post asks for any more', async () => {
    const root = await fixtureRoot();
    await rm(join(root, 'content/social/misnamed.mdx'));
    await generateAssets({ root });
    const old = 'marketing/assets/social/fixture-retired.png';
    await writeFile(join(root, old), 'old card');
    const entry = (await readManifest(root)).entries['marketing/assets/social/fixture-linkedin.png']!;
    await updateManifest(root, { [old]: entry });
    const report = await generateAssets({ root });
    expect(report.removed).toEqual([old]);
    expect(existsSync(join(root, old))).toBe(false);
    expect((await readManifest(root)).entries[old]).toBeUndefined();
  });

  test.each([
    // Links and hashtags are not part of the headline.
    ['Remote Workspaces is GA. More text.\nhttps://x.test/a #AIAgents', 'Remote Workspaces is GA.'],
    // No sentence end: the first line.
    ['Keep your agent where it runs today\nsecond line', 'Keep your agent where it runs today'],
    // A long "X: …" sentence keeps only X.
    [
      `Three jobs for an agent with Chrome DevTools MCP: ${'a long list of jobs, '.repeat(8)}done.`,
      'Three jobs for an agent with Chrome DevTools MCP',
    ],
  ])('takes the headline of %j', (text, hook) => {
    expect(hookOf(text)).toBe(hook);
  });

  test('builds the eyebrow from the campaign title and the post label', () => {
    expect(
      describeCard(
        { title: 'Phase 30 social posts', campaign: 'phase30' },
        { label: 'Developer', text: 'Hi there.' },
        'moleculesai.app',
      ),
    ).toEqual({
      eyebrow: 'Phase 30 · Developer',
      title: 'Hi there.',
      subtitle: 'moleculesai.app',
    });
  });
});
