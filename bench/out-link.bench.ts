// Bench: our output link check against linkinator on the same generated 2,000-page site, offline.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check, LinkState } from 'linkinator';
import { collectSources } from '../scripts/build-checks/steps/collect.ts';
import { readBuiltSite } from '../scripts/build-checks/steps/built-site.ts';
import { createRunState, runChecks } from '../scripts/build-checks/steps/run-checks.ts';
import { outLinkCheck } from '../scripts/build-checks/checks/out-link.ts';
import { generateStaticSite } from './generate-site.ts';

/** Pages in the generated site, and the speed-up the issue asks for. */
export const PAGES = 2000;
export const TARGET_SPEEDUP = 100;
const OURS_RUNS = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * The output link check against linkinator on the same generated 2,000-page site, both
 * offline (linkinator serves the folder on loopback; external links skipped by both).
 */
export async function run(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'bench-out-link-'));
  try {
    mkdirSync(join(root, 'content'), { recursive: true });
    cpSync(join(import.meta.dirname, '../content/facts.yaml'), join(root, 'content/facts.yaml'));
    const site = generateStaticSite(join(root, 'site/public'), PAGES);
    const oursTimes: number[] = [];
    let ours = 0;
    let withLines = 0;
    for (let attempt = 0; attempt < OURS_RUNS; attempt++) {
      const started = performance.now();
      const sources = await collectSources(root, { generators: [] });
      const built = readBuiltSite(root, { public: 'site/public' });
      const result = await runChecks([outLinkCheck], 'output', sources, { external: false }, createRunState(), built);
      oursTimes.push(performance.now() - started);
      ours = result.issues.length;
      withLines = result.issues.filter((issue) => issue.line > 0 && issue.column > 0).length;
    }
    const started = performance.now();
    const theirs = await check({
      path: site.dir,
      recurse: true,
      checkFragments: true,
      linksToSkip: ['example\\.com', 'moleculesai\\.app'],
    });
    const linkinatorMs = performance.now() - started;
    const theirBroken = theirs.links.filter((link) => link.state === LinkState.BROKEN);
    // Under load linkinator also reports timeouts and resets; count them apart from real misses.
    const missing = theirBroken.filter((link) => link.status === 404 || link.status === 200).length;
    const oursMs = median(oursTimes);
    const ratio = linkinatorMs / oursMs;
    console.log(`site: ${PAGES} pages, ${site.broken} broken references planted`);
    console.log(
      `out-link: ${(oursMs / 1000).toFixed(2)} s (median of ${OURS_RUNS}), found ${ours}, ${withLines} with file:line:col`,
    );
    console.log(
      `linkinator: ${(linkinatorMs / 1000).toFixed(2)} s for ${theirs.links.length} links, found ${missing} missing pages/files/fragments` +
        `${theirBroken.length > missing ? ` plus ${theirBroken.length - missing} timeouts or errors` : ''}, with the parent page URL only (no line numbers)`,
    );
    console.log(
      `ratio: ${ratio.toFixed(1)}× faster than linkinator (target ≥ ${TARGET_SPEEDUP}×) ${ratio >= TARGET_SPEEDUP ? 'OK' : 'BELOW TARGET'}`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
