// Build bench: `npm run build` of generated MDX posts against a plain Starlight site with the same pages, in the same run.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
  appendFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CARD_CACHE_DIR } from '../scripts/lib/brand-card-cache.ts';
import { formatIssue, type Issue } from '../core/issue.ts';
import { generatedPostBody, generatedPostTags } from './generated-posts.ts';
import { timeCommand, type TimedRun } from './peak-rss.ts';
import { buildPlainStarlight, createPlainStarlight } from './plain-starlight.ts';

/** MDX pages generated, and the targets issue 16 sets (ratios against plain Starlight in the same run). */
export const PAGES = 1000;
export const TARGET_COLD_RATIO = 1.5;
export const FLOOR_COLD_RATIO = 1.0;
export const TARGET_WARM_RATIO = 2.0;
export const TARGET_CHECK_SHARE = 0.15;
export const TARGET_INCREMENTAL_SHARE = 0.25;
export const TARGET_LINEAR_FACTOR = 2.2;

const REPO = join(import.meta.dirname, '..');
const NODE = join(REPO, 'node_modules/.bin/node');
/** What an Astro build of the site needs besides content (node_modules is found in the repo above). */
const PROJECT_FILES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'core', 'src', 'scripts', 'public'];

function postFile(index: number, pages: number): string {
  const day = String((index % 28) + 1).padStart(2, '0');
  const front = `---
title: Generated post ${index}
description: One of ${pages} generated posts for the build benchmark.
audience: public
status: approved
published: 2026-03-${day}
owner: DevRel
tags: [${generatedPostTags(index).join(', ')}]
---
`;
  return front + generatedPostBody(index, pages, 'ours');
}

/** The generated draft, relative to the bench project. */
const DRAFT_POST = 'content/blog/draft-post.mdx';

/** Copies the project code into `root` and writes `pages` generated posts as its only content. */
export function writeBenchProject(root: string, pages = PAGES): void {
  for (const file of PROJECT_FILES) cpSync(join(REPO, file), join(root, file), { recursive: true });
  mkdirSync(join(root, 'content/blog'), { recursive: true });
  mkdirSync(join(root, 'marketing'), { recursive: true });
  cpSync(join(REPO, 'content/facts.yaml'), join(root, 'content/facts.yaml'));
  for (let index = 0; index < pages; index++)
    writeFileSync(join(root, `content/blog/post-${String(index).padStart(4, '0')}.mdx`), postFile(index, pages));
  // One draft besides them, for the rebuild after a draft edit (the launch room shows it; the public site does not).
  writeFileSync(join(root, DRAFT_POST), postFile(pages, pages).replace('status: approved', 'status: draft'));
}

/** One `npm run build` of the copy: wall time and peak RSS from outside, phases from the JSON report. */
interface BuildRun extends TimedRun {
  checksMs: number;
  astroMs: number;
}

async function buildCopy(root: string): Promise<BuildRun> {
  const run = await timeCommand(
    NODE,
    [join(REPO, 'scripts/build-checks/cli.ts'), 'build', '--root', root, '--format', 'json'],
    {
      // The copy's Astro cache stays in the copy, away from the real build's cache.
      env: { ASTRO_CACHE_DIR: join(root, '.astro-cache'), CI: '', GITHUB_ACTIONS: '' },
    },
  );
  let report: { ok: boolean; summary: string; timingsMs: Record<string, number>; issues: Issue[] };
  try {
    report = JSON.parse(run.stdout);
  } catch {
    throw new Error(
      `the build printed no JSON report (exit ${run.exitCode}): ${run.output.trim().split('\n').slice(-5).join('\n')}`,
    );
  }
  if (!report.ok)
    throw new Error(
      `the generated site did not build: ${report.summary}\n${report.issues.slice(0, 10).map(formatIssue).join('\n')}`,
    );
  const timings = report.timingsMs;
  const astroMs = timings['astro'] ?? (timings['astro:public'] ?? 0) + (timings['astro:internal'] ?? 0);
  return { ...run, checksMs: (timings.sourceChecks ?? 0) + (timings.outputChecks ?? 0), astroMs };
}

/** Every stored card with its inode: a card rendered again is written anew and gets another inode. */
function snapshotCards(dir: string): Map<string, number> {
  if (!existsSync(dir)) return new Map();
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (item) => item.isFile() && item.name.endsWith('.png'),
  );
  return new Map(
    files.map((item) => [join(item.parentPath, item.name), statSync(join(item.parentPath, item.name)).ino]),
  );
}

const rate = (pages: number, run: TimedRun) => pages / (run.totalMs / 1000);
const verdict = (ok: boolean) => (ok ? 'OK' : 'BELOW TARGET');

function printRun(label: string, pages: number, run: TimedRun, extra = ''): void {
  console.log(
    `${label}: ${pages} pages in ${(run.totalMs / 1000).toFixed(1)} s = ${rate(pages, run).toFixed(1)} pages/s, peak RSS ${run.peakRssMiB.toFixed(0)} MiB${extra}`,
  );
}

/**
 * Builds, in one run and one after another: a plain Starlight site with ${PAGES} generated pages (cold,
 * then warm), and a copy of our site whose content is the same ${PAGES} posts with `npm run build`
 * (source checks, both audiences, every OG card, output checks) cold, warm, after a one-page edit,
 * and with twice the pages. Prints every figure as a ratio against its target.
 */
export async function run(): Promise<void> {
  // Inside the repo (tmp/ is git-ignored) so Node finds node_modules by walking up; a symlinked
  // node_modules confuses Vite's module ids.
  mkdirSync(join(REPO, 'tmp'), { recursive: true });
  const baseline = mkdtempSync(join(REPO, 'tmp/bench-starlight-'));
  const root = mkdtempSync(join(REPO, 'tmp/bench-build-'));
  const double = mkdtempSync(join(REPO, 'tmp/bench-build-2x-'));
  try {
    await createPlainStarlight(baseline, PAGES);
    const plainCold = await buildPlainStarlight(baseline);
    const plainWarm = await buildPlainStarlight(baseline);
    printRun('plain Starlight cold', PAGES, plainCold);
    printRun('plain Starlight warm', PAGES, plainWarm);

    writeBenchProject(root);
    const cacheDir = join(root, DEFAULT_CARD_CACHE_DIR);
    const cold = await buildCopy(root);
    const afterCold = snapshotCards(cacheDir);
    const warm = await buildCopy(root);
    const rewritten = [...snapshotCards(cacheDir)].filter(([path, inode]) => afterCold.get(path) !== inode).length;
    appendFileSync(join(root, 'content/blog/post-0500.mdx'), '\nOne more sentence, edited after the first build.\n');
    const incremental = await buildCopy(root);
    appendFileSync(join(root, DRAFT_POST), '\nOne more draft sentence, edited after the last build.\n');
    const draftEdit = await buildCopy(root);

    const split = (r: BuildRun) =>
      `; astro ${(r.astroMs / 1000).toFixed(1)} s, checks ${(r.checksMs / 1000).toFixed(1)} s (${((r.checksMs / r.totalMs) * 100).toFixed(1)} %)`;
    printRun('ours cold (empty OG-card cache)', PAGES, cold, split(cold));
    printRun('ours warm (nothing changed)', PAGES, warm, `${split(warm)}, ${rewritten} cards rendered again`);
    printRun('ours after a one-page edit', PAGES, incremental, split(incremental));
    printRun('ours after a draft edit (the launch room only)', PAGES, draftEdit, split(draftEdit));

    const coldRatio = rate(PAGES, cold) / rate(PAGES, plainCold);
    const warmRatio = rate(PAGES, warm) / rate(PAGES, plainWarm);
    console.log(
      `ratio vs plain Starlight, cold: ${coldRatio.toFixed(2)}× (target ≥ ${TARGET_COLD_RATIO}×, floor ${FLOOR_COLD_RATIO}×) ${coldRatio >= TARGET_COLD_RATIO ? 'OK' : coldRatio >= FLOOR_COLD_RATIO ? 'FLOOR MET' : 'BELOW FLOOR'}`,
    );
    console.log(
      `ratio vs plain Starlight, warm: ${warmRatio.toFixed(2)}× (target ≥ ${TARGET_WARM_RATIO}×) ${verdict(warmRatio >= TARGET_WARM_RATIO)}`,
    );
    const rss = cold.peakRssMiB / plainCold.peakRssMiB;
    console.log(`peak RSS vs plain Starlight: ${rss.toFixed(2)}× (target ≤ 1.00×) ${verdict(rss <= 1)}`);
    const share = cold.checksMs / cold.totalMs;
    console.log(
      `checks share of the cold build: ${(share * 100).toFixed(1)} % (target ≤ ${TARGET_CHECK_SHARE * 100} %) ${verdict(share <= TARGET_CHECK_SHARE)}`,
    );
    const incrementalShare = incremental.totalMs / cold.totalMs;
    console.log(
      `one-page rebuild vs cold build: ${(incrementalShare * 100).toFixed(0)} % (target ≤ ${TARGET_INCREMENTAL_SHARE * 100} %) ${verdict(incrementalShare <= TARGET_INCREMENTAL_SHARE)}`,
    );
    console.log(
      `draft-edit rebuild vs cold build: ${((draftEdit.totalMs / cold.totalMs) * 100).toFixed(0)} % (no target; the public site is reused)`,
    );

    writeBenchProject(double, PAGES * 2);
    const twice = await buildCopy(double);
    printRun('ours cold, twice the pages', PAGES * 2, twice, split(twice));
    const factor = twice.totalMs / cold.totalMs;
    console.log(
      `${PAGES * 2} pages vs ${PAGES}: ${factor.toFixed(2)}× the time (target ≤ ${TARGET_LINEAR_FACTOR}×) ${verdict(factor <= TARGET_LINEAR_FACTOR)}`,
    );
    if (rewritten > 0)
      throw new Error(
        `the warm build rendered ${rewritten} OG cards again although no post changed — the card cache is not working`,
      );
  } finally {
    for (const dir of [baseline, root, double]) rmSync(dir, { recursive: true, force: true });
  }
}
