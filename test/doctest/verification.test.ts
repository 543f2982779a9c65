// The doctest verification the site shows: the reader rule, the public "verified" note and the launch-room counts.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPageVerification, readDoctestReport } from '../../core/schemas/doctest-verification.ts';
import type { DoctestReport } from '../../core/schemas/doctest-report.ts';
import { buildRealSite, REPO_ROOT } from '../site/site-build.ts';

function reportWith(failed: number, passed: number, ok = failed === 0): DoctestReport {
  return {
    schema: 1,
    commit: null,
    startedAt: '2026-12-03T08:00:00.000Z',
    finishedAt: '2026-12-03T08:00:09.000Z',
    platform: { kind: 'stand-in', url: null },
    ok,
    totals: { passed, failed, notRun: 1, warnings: 0 },
    pages: [{ file: 'content/guides/a.mdx', passed, failed, notRun: 1, blocks: [] }],
  };
}

describe('doctest verification on the site', () => {
  test('a page is verified only when the run passed and none of its blocks failed', () => {
    expect(findPageVerification(reportWith(0, 3), 'content/guides/a.mdx')).toMatchObject({
      verified: true,
      passed: 3,
      notRun: 1,
      at: '2026-12-03T08:00:09.000Z',
    });
    expect(findPageVerification(reportWith(1, 3), 'content/guides/a.mdx')?.verified).toBe(false);
    expect(findPageVerification(reportWith(0, 0, false), 'content/guides/a.mdx')?.verified).toBe(false);
    expect(findPageVerification(reportWith(0, 3), 'content/guides/b.mdx')).toBeUndefined();
  });

  test('the public guide says "verified" and the launch room shows the last run, from the committed report', async () => {
    const report = readDoctestReport(REPO_ROOT);
    expect(report, 'marketing/doctest/doctest.json is missing or invalid: run npm run doctest').toBeDefined();
    const guide = findPageVerification(report, 'content/guides/remote-workspaces.mdx')!;
    const site = await buildRealSite();
    const publicPage = readFileSync(join(site.public, 'guides/remote-workspaces/index.html'), 'utf8');
    expect(publicPage.includes('data-doctest="verified"')).toBe(guide.verified);
    if (guide.verified) expect(publicPage).toContain('Verified against the Phase 30 API');
    const room = readFileSync(join(site.internal, 'guides/remote-workspaces/index.html'), 'utf8');
    expect(room).toContain(`${guide.passed} passed, ${guide.failed} failed, ${guide.notRun} not run.`);
    // A guide no run covers never claims to be verified.
    const audio = readFileSync(join(site.public, 'guides/quickstart-audio/index.html'), 'utf8');
    expect(audio).not.toContain('data-doctest="verified"');
  });
});
