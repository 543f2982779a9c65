// The launch room reads marketing/release/release.json: checklist items ticked from evidence, the dashboard's go/no-go and blockers.
import { beforeAll, describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readContent } from '../../core/content-files.ts';
import type { Checklist } from '../../core/schemas/checklist.ts';
import { findEvidence, readReleaseReport } from '../../core/schemas/read-release-report.ts';
import type { ReleaseReport } from '../../core/schemas/release-report.ts';
import { buildRealSite, REPO_ROOT, type SiteBuild } from './site-build.ts';

describe('launch room from release evidence (real site build)', () => {
  let site: SiteBuild;
  let report: ReleaseReport;
  beforeAll(async () => {
    site = await buildRealSite();
    const state = readReleaseReport(REPO_ROOT);
    if (!state.report) throw new Error(state.problem);
    report = state.report;
  }, 300_000);

  test('ticks each evidence item of the checklist from release.json, with when and on which commit, and keeps manual ticks', async () => {
    const html = await readFile(join(site.internal, 'checklists', 'phase30-post-push', 'index.html'), 'utf8');
    const checklist = readContent(REPO_ROOT, ['checklists']).find((file) => file.id === 'checklists/phase30-post-push')!
      .data as Checklist;
    const items = checklist.phases.flatMap((phase) => phase.items);
    const rendered = [
      ...html.matchAll(
        /<li\b[^>]*?(?:data-evidence="([\w-]+)"[^>]*?)?data-ticked="(true|false)"[^>]*>([\s\S]*?)<\/li>/g,
      ),
    ];
    expect(rendered).toHaveLength(items.length);
    const proved = items.filter((item) => item.evidence);
    expect(proved.length).toBeGreaterThanOrEqual(6);
    rendered.forEach(([, evidence, ticked, raw], index) => {
      const body = raw!.replace(/ data-astro-cid-\w+/g, '');
      const item = items[index]!;
      expect(evidence).toBe(item.evidence);
      if (!item.evidence) return expect(ticked).toBe(String(item.done));
      const proof = findEvidence(report, item.evidence)!;
      expect(ticked).toBe(String(proof.ok));
      expect(body).toContain(
        `${proof.ok ? 'Proved' : 'Not proved'} by <code>npm run release</code> (${item.evidence})`,
      );
      expect(body).toContain(`on commit <code>${proof.commit!.slice(0, 12)}</code>`);
    });
    expect(rendered.some(([, evidence, ticked]) => evidence && ticked === 'true')).toBe(true);
  });

  test('shows the go/no-go state and every blocker on the dashboard', async () => {
    const html = await readFile(join(site.internal, 'index.html'), 'utf8');
    expect(html).toContain(`Release: ${report.ready ? 'GO' : 'NO-GO'}`);
    const rows = [...html.matchAll(/<tr\b[^>]*data-kind="([\w-]+)"[^>]*data-accepted="(true|false)"/g)].map(
      ([, kind]) => kind,
    );
    expect(rows.sort()).toEqual(report.blockers.map((blocker) => blocker.kind).sort());
    expect(html).toContain(report.blockers[0]!.message.replace(/&/g, '&amp;').slice(0, 40));
  });
});
