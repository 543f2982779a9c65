// Bench: npm run build of 1,000 generated MDX posts, cold and warm, in pages/s and the checks' share of the time.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { DEFAULT_CARD_CACHE_DIR } from '../scripts/lib/brand-card-cache.ts';
import { formatIssue, type Issue } from '../core/issue.ts';

/** MDX pages generated, and the targets the issue sets. */
export const PAGES = 1000;
export const TARGET_PAGES_PER_SECOND = 40;
export const TARGET_CHECK_SHARE = 0.15;

const REPO = join(import.meta.dirname, '..');
/** What an Astro build of the site needs besides content (node_modules is found in the repo above). */
const PROJECT_FILES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'core', 'src', 'scripts', 'public'];
const TAGS = Array.from({ length: 20 }, (_, index) => `topic-${index}`);

function post(index: number): string {
  const day = String((index % 28) + 1).padStart(2, '0');
  const next = (index + 1) % PAGES;
  const paragraph = 'A remote agent registers with the platform, pulls its secrets with its own token and heartbeats so the canvas shows it online next to container workspaces. ';
  return `---
title: Generated post ${index}
description: One of ${PAGES} generated posts for the build benchmark.
audience: public
status: approved
published: 2026-03-${day}
owner: DevRel
tags: [${TAGS[index % TAGS.length]}, ${TAGS[(index * 7) % TAGS.length]}]
---
import Fact from '../../src/components/Fact.astro';
import Route from '../../src/components/Route.astro';

## What this post covers

${paragraph.repeat(3)}

The agent heartbeats every <Fact k="liveness.heartbeatSeconds" /> seconds and registers with <Route id="register" />.

- Register the agent with its URL and card
- Pull secrets at boot
- Heartbeat and poll state

\`\`\`sh
curl -X POST "$PLATFORM/registry/register" -H "Content-Type: application/json" -d '{"id":"ws-${index}"}'
\`\`\`

## Next

${paragraph.repeat(2)}Read [the next post](/blog/post-${String(next).padStart(4, '0')}/) or the [home page](/).

![Logo](/logo.svg)
`;
}

/** Copies the project code into `root` and writes ${PAGES} generated posts as its only content. */
export function writeBenchProject(root: string): void {
  for (const file of PROJECT_FILES) cpSync(join(REPO, file), join(root, file), { recursive: true });
  mkdirSync(join(root, 'content/blog'), { recursive: true });
  mkdirSync(join(root, 'marketing'), { recursive: true });
  cpSync(join(REPO, 'content/facts.yaml'), join(root, 'content/facts.yaml'));
  for (let index = 0; index < PAGES; index++) writeFileSync(join(root, `content/blog/post-${String(index).padStart(4, '0')}.mdx`), post(index));
}

/** One `npm run build` of the copy, timed from outside. */
interface BuildRun {
  totalMs: number;
  checksMs: number;
  astroMs: Record<'public' | 'internal', number>;
  astroLines: string[];
}

async function buildCopy(root: string): Promise<BuildRun> {
  const started = performance.now();
  const result = await execa(join(REPO, 'node_modules/.bin/node'), [join(REPO, 'scripts/build-checks/cli.ts'), 'build', '--root', root, '--format', 'json'], {
    reject: false,
    // The copy's Astro cache stays in the copy, away from the real build's cache.
    env: { ASTRO_CACHE_DIR: join(root, '.astro-cache'), CI: '', GITHUB_ACTIONS: '' },
  });
  const totalMs = performance.now() - started;
  let report: { ok: boolean; summary: string; timingsMs: Record<string, number>; issues: Issue[] };
  try {
    report = JSON.parse(result.stdout);
  } catch {
    throw new Error(`the build printed no JSON report (exit ${result.exitCode}): ${result.stderr.trim().split('\n').slice(-5).join('\n')}`);
  }
  if (!report.ok) throw new Error(`the generated site did not build: ${report.summary}\n${report.issues.slice(0, 10).map(formatIssue).join('\n')}`);
  // Astro's own phase timings, to see where a slow build spends its time.
  const astroLines = result.stderr.split('\n').filter((text) => /page\(s\) built in|\[content\] Synced/.test(text)).map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').trim());
  return {
    totalMs,
    checksMs: (report.timingsMs.sourceChecks ?? 0) + (report.timingsMs.outputChecks ?? 0),
    astroMs: { public: report.timingsMs['astro:public'] ?? 0, internal: report.timingsMs['astro:internal'] ?? 0 },
    astroLines,
  };
}

/** Every stored card with its inode: a card rendered again is written anew and gets another inode. */
function snapshotCards(dir: string): Map<string, number> {
  if (!existsSync(dir)) return new Map();
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((item) => item.isFile() && item.name.endsWith('.png'));
  return new Map(files.map((item) => [join(item.parentPath, item.name), statSync(join(item.parentPath, item.name)).ino]));
}

function report(label: string, run: BuildRun, cardsRendered: number): number {
  const pagesPerSecond = PAGES / (run.totalMs / 1000);
  const share = run.checksMs / run.totalMs;
  const astroTotal = run.astroMs.public + run.astroMs.internal;
  console.log(`${label}: ${PAGES} MDX pages in ${(run.totalMs / 1000).toFixed(1)} s (astro public ${(run.astroMs.public / 1000).toFixed(1)} s + internal ${(run.astroMs.internal / 1000).toFixed(1)} s = ${(astroTotal / 1000).toFixed(1)} s, checks ${(run.checksMs / 1000).toFixed(1)} s), ${cardsRendered} OG cards rendered`);
  for (const line of run.astroLines) console.log(`  astro: ${line}`);
  console.log(`  pages per second: ${pagesPerSecond.toFixed(1)} (target ≥ ${TARGET_PAGES_PER_SECOND}, ratio ${(pagesPerSecond / TARGET_PAGES_PER_SECOND).toFixed(2)}) ${pagesPerSecond >= TARGET_PAGES_PER_SECOND ? 'OK' : 'BELOW TARGET'}`);
  for (const audience of ['public', 'internal'] as const) {
    const ms = run.astroMs[audience];
    if (ms > 0) console.log(`  astro ${audience} alone: ${(PAGES / (ms / 1000)).toFixed(1)} MDX pages per second`);
  }
  console.log(`  checks share of build time: ${(share * 100).toFixed(1)} % (target ≤ ${TARGET_CHECK_SHARE * 100} %, ratio ${(share / TARGET_CHECK_SHARE).toFixed(2)}) ${share <= TARGET_CHECK_SHARE ? 'OK' : 'ABOVE TARGET'}`);
  return pagesPerSecond;
}

/**
 * Builds a copy of the site whose content is ${PAGES} generated MDX posts with `npm run build`
 * (source checks, both Astro builds, output checks) twice: cold (empty OG card cache, as on a fresh
 * checkout or CI without a cache) and warm (the same posts again, every card cached). Reports
 * pages per second and the share of the build spent in our checks for each, against the targets.
 */
export async function run(): Promise<void> {
  // Inside the repo (tmp/ is git-ignored) so Node finds node_modules by walking up; a symlinked
  // node_modules confuses Vite's module ids.
  mkdirSync(join(REPO, 'tmp'), { recursive: true });
  const root = mkdtempSync(join(REPO, 'tmp/bench-build-'));
  try {
    writeBenchProject(root);
    const cacheDir = join(root, DEFAULT_CARD_CACHE_DIR);

    const cold = await buildCopy(root);
    const afterCold = snapshotCards(cacheDir);
    const warm = await buildCopy(root);
    const afterWarm = snapshotCards(cacheDir);
    const rewritten = [...afterWarm].filter(([path, inode]) => afterCold.get(path) !== inode).length;

    const coldRate = report('cold build (empty OG card cache)', cold, afterCold.size);
    const warmRate = report('warm build (unchanged posts, cards cached)', warm, rewritten);
    console.log(`warm / cold speed-up: ${(warmRate / coldRate).toFixed(2)}×`);
    if (coldRate < warmRate) {
      console.log(`note: the cold build renders all ${afterCold.size} share cards (one 1200×630 PNG per post), as a fresh checkout or a CI run without node_modules/.cache does, so it is slower than the warm build by design`);
    }
    if (rewritten > 0) throw new Error(`the warm build rendered ${rewritten} OG cards again although no post changed — the card cache is not working`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
