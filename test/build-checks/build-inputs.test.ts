// The fingerprints that decide which site a build may reuse: the launch room's covers every input, the public site's what it publishes.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { collectSources } from '../../scripts/build-checks/steps/collect.ts';
import { fingerprintBuild, type BuildFingerprints } from '../../scripts/build-checks/steps/build-inputs.ts';
import { writePublishingProject } from './publishing-project.ts';

const REPO = join(import.meta.dirname, '../..');
/** Inside the repo, like every project copy of the tests; git-ignored. */
const PROJECT = join(REPO, '.cache', 'build-inputs-tests', String(process.pid));
const BEFORE_EMBARGO = new Date('2026-04-25T00:00:00Z');
const AFTER_EMBARGO = new Date('2030-01-02T00:00:00Z');

async function fingerprints(now = BEFORE_EMBARGO): Promise<BuildFingerprints> {
  return fingerprintBuild(await collectSources(PROJECT, { now }));
}

beforeAll(() => writePublishingProject(PROJECT), 60_000);
afterAll(() => rm(PROJECT, { recursive: true, force: true }));

describe('the inputs each site is fingerprinted by', () => {
  test('a draft edited changes the launch room’s fingerprint only', async () => {
    const before = await fingerprints();
    await appendFile(join(PROJECT, 'content/blog/fixture-draft.mdx'), '\nA draft sentence.\n');
    const after = await fingerprints();
    expect(after.public).toBe(before.public);
    expect(after.internal).not.toBe(before.internal);
  });

  test('a published post edited changes both', async () => {
    const before = await fingerprints();
    await appendFile(join(PROJECT, 'content/blog/fixture-approved.mdx'), '\nA published sentence.\n');
    const after = await fingerprints();
    expect(after.public).not.toBe(before.public);
    expect(after.internal).not.toBe(before.internal);
  });

  test('an embargo that lifts changes both, though no file changed', async () => {
    const [before, after] = [await fingerprints(BEFORE_EMBARGO), await fingerprints(AFTER_EMBARGO)];
    expect(after.public).not.toBe(before.public);
    expect(after.internal).not.toBe(before.internal);
  });

  test('a held-back post that a published post imports counts for the public site too', async () => {
    const post = join(PROJECT, 'content/blog/fixture-approved.mdx');
    const text = await readFile(post, 'utf8');
    await writeFile(post, text.replace(/\n---\n/, "\n---\nimport Draft from './fixture-draft.mdx';\n"));
    const before = await fingerprints();
    await appendFile(join(PROJECT, 'content/blog/fixture-draft.mdx'), '\nAnother draft sentence.\n');
    expect((await fingerprints()).public).not.toBe(before.public);
  });
});
