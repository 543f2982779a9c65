import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { formatIssue, type Issue } from '../scripts/lib/issue.ts';

/** MDX pages generated, and the targets the issue sets. */
export const PAGES = 1000;
export const TARGET_PAGES_PER_SECOND = 40;
export const TARGET_CHECK_SHARE = 0.15;

const REPO = join(import.meta.dirname, '..');
/** What an Astro build of the site needs besides content (node_modules is found in the repo above). */
const PROJECT_FILES = ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'scripts', 'public'];
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

/**
 * Builds a copy of the site whose content is ${PAGES} generated MDX posts with `npm run build`
 * (source checks, both Astro builds, output checks) and reports pages per second and the
 * share of the build spent in our checks.
 */
export async function run(): Promise<void> {
  // Inside the repo (tmp/ is git-ignored) so Node finds node_modules by walking up; a symlinked
  // node_modules confuses Vite's module ids.
  mkdirSync(join(REPO, 'tmp'), { recursive: true });
  const root = mkdtempSync(join(REPO, 'tmp/bench-build-'));
  try {
    for (const file of PROJECT_FILES) cpSync(join(REPO, file), join(root, file), { recursive: true });
    mkdirSync(join(root, 'content/blog'), { recursive: true });
    mkdirSync(join(root, 'marketing'), { recursive: true });
    cpSync(join(REPO, 'content/facts.yaml'), join(root, 'content/facts.yaml'));

    for (let index = 0; index < PAGES; index++) writeFileSync(join(root, `content/blog/post-${String(index).padStart(4, '0')}.mdx`), post(index));
    const started = performance.now();
    const result = await execa(join(REPO, 'node_modules/.bin/node'), [join(REPO, 'scripts/build-checks/cli.ts'), 'build', '--root', root, '--format', 'json'], {
      reject: false,
      // The copy's Astro cache stays in the copy, away from the real build's cache.
      env: { ASTRO_CACHE_DIR: join(root, '.astro-cache'), CI: '', GITHUB_ACTIONS: '' },
    });
    const totalMs = performance.now() - started;
    const report = JSON.parse(result.stdout) as { ok: boolean; summary: string; timingsMs: Record<string, number>; issues: Issue[] };
    if (!report.ok) throw new Error(`the generated site did not build: ${report.summary}\n${report.issues.slice(0, 10).map(formatIssue).join('\n')}`);
    const checksMs = (report.timingsMs.sourceChecks ?? 0) + (report.timingsMs.outputChecks ?? 0);
    const astroMs = (report.timingsMs['astro:public'] ?? 0) + (report.timingsMs['astro:internal'] ?? 0);
    const pagesPerSecond = PAGES / (totalMs / 1000);
    const share = checksMs / totalMs;
    // Astro's own phase timings, to see where a slow build spends its time.
    for (const line of result.stderr.split('\n').filter((text) => /page\(s\) built in|\[build\] ✓ Completed in|\[content\] Synced|Generated/.test(text))) {
      console.log(`  astro: ${line.replace(/\x1b\[[0-9;]*m/g, '').trim()}`);
    }
    console.log(`build: ${PAGES} MDX pages in ${(totalMs / 1000).toFixed(1)} s (astro public + internal ${(astroMs / 1000).toFixed(1)} s, checks ${(checksMs / 1000).toFixed(1)} s)`);
    console.log(`pages per second: ${pagesPerSecond.toFixed(1)} (target ≥ ${TARGET_PAGES_PER_SECOND}) ${pagesPerSecond >= TARGET_PAGES_PER_SECOND ? 'OK' : 'BELOW TARGET'}`);
    for (const audience of ['public', 'internal']) {
      const ms = report.timingsMs[`astro:${audience}`] ?? 0;
      if (ms > 0) console.log(`  astro ${audience} alone: ${(PAGES / (ms / 1000)).toFixed(1)} MDX pages per second`);
    }
    console.log(`checks share of build time: ${(share * 100).toFixed(1)} % (target ≤ ${TARGET_CHECK_SHARE * 100} %) ${share <= TARGET_CHECK_SHARE ? 'OK' : 'ABOVE TARGET'}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
