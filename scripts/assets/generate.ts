// `npm run assets`: brings every diagram and social card up to date, rendering only what is stale.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { findChromium } from '../lib/find-chromium.ts';
import type { Issue } from '../../core/issue.ts';
import { describeUnwritable } from '../lib/cli/writable.ts';
import { MANIFEST_PATH, readManifest, removeManifestEntries } from '../../core/manifest.ts';
import { BRAND_MERMAID_CONFIG } from './brand-theme.ts';
import { readChromiumVersion, staleReason } from './cache.ts';
import { openDiagramSession } from './diagram-session.ts';
import { collectJobs, outputsOf, selectJobs, type AssetJob, type DiagramJob, type SocialCardJob } from './jobs.ts';
import { renderCards } from './render-cards.ts';
import { renderDiagrams } from './render-diagrams.ts';
import type { AssetResult } from './result.ts';

/** Raised for a request no asset matches (e.g. a misspelt `--only`). */
export class AssetsUsageError extends Error {
  override name = 'AssetsUsageError';
}

/** What the CLI (or a test) asks for. */
export interface GenerateOptions {
  root: string;
  /** Re-render even when the cache says up to date. */
  force?: boolean;
  /** Asset names, output paths, `diagrams` or `cards`; empty means everything. */
  only?: readonly string[];
  /** Where to look for the browser (`PUPPETEER_EXECUTABLE_PATH`, `CHROME_PATH`). */
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** Called once per asset as soon as it is done or found up to date. */
  onResult?: (result: AssetResult) => void;
}

/** The outcome of one run. */
export interface GenerateReport {
  results: AssetResult[];
  /** Every problem, including ones not tied to a single asset. */
  issues: Issue[];
  /** Generated files no content asks for any more, deleted with their manifest entries. */
  removed: string[];
  chromiumVersion?: string;
}

/**
 * Brings every diagram and social card up to date: skips what the cache proves unchanged,
 * renders all stale diagrams in one browser session, renders stale cards with sharp, and drops
 * generated cards nothing references any more (only on a full run).
 */
export async function generateAssets(options: GenerateOptions): Promise<GenerateReport> {
  const { root, force = false, only = [], env = process.env, now = () => new Date() } = options;
  const collected = collectJobs(root);
  const issues: Issue[] = [...collected.issues];
  const selected = selectJobs(collected.jobs, only);
  const unknown = only.filter((name) => selectJobs(collected.jobs, [name]).length === 0);
  if (unknown.length) {
    throw new AssetsUsageError(
      `no asset named ${unknown.map((name) => `"${name}"`).join(', ')} — known: ${[...collected.jobs.map((job) => job.name), 'diagrams', 'cards'].join(', ')}`,
    );
  }

  // Every output must be writable before a browser starts (a read-only marketing/ fails here, not after rendering).
  const unwritable = findUnwritable(root, selected);
  if (unwritable.length) return { results: [], issues: [...issues, ...unwritable], removed: [] };

  const diagrams = selected.filter((job): job is DiagramJob => job.kind === 'diagram');
  let executablePath: string | undefined;
  let chromiumVersion: string | undefined;
  let browserProblem: string | undefined;
  if (diagrams.length) {
    try {
      executablePath = findChromium(env);
      chromiumVersion = await readChromiumVersion(executablePath);
    } catch (error) {
      browserProblem = error instanceof Error ? error.message : String(error);
    }
  }

  const manifest = await readManifest(root);
  const results: AssetResult[] = [];
  const reasons = new Map<string, string>();
  for (const job of selected) {
    const reason = force ? 'forced' : await staleReason(root, job, manifest, chromiumVersion);
    if (reason) reasons.set(job.name, reason);
    else {
      const result: AssetResult = { job, status: 'up-to-date', issues: [], ms: 0 };
      options.onResult?.(result);
      results.push(result);
    }
  }
  const stale = (job: AssetJob) => reasons.has(job.name);

  const staleDiagrams = diagrams.filter(stale);
  if (staleDiagrams.length && (!executablePath || !chromiumVersion)) {
    for (const job of staleDiagrams) {
      const result: AssetResult = {
        job,
        status: 'failed',
        reason: reasons.get(job.name),
        ms: 0,
        issues: [
          {
            file: job.source,
            line: 1,
            column: 1,
            rule: 'chromium',
            severity: 'error',
            message: `cannot render ${job.name}: ${browserProblem ?? 'no browser'}`,
            hint: 'run `npm run setup` (installs Chromium) or set PUPPETEER_EXECUTABLE_PATH',
          },
        ],
      };
      options.onResult?.(result);
      results.push(result);
    }
  } else if (staleDiagrams.length) {
    const session = await openDiagramSession({ executablePath: executablePath!, config: BRAND_MERMAID_CONFIG });
    try {
      results.push(
        ...(await renderDiagrams(root, staleDiagrams, session, {
          chromiumVersion: chromiumVersion!,
          now,
          reasons,
          onResult: options.onResult,
        })),
      );
    } finally {
      await session.close();
    }
  }
  const cards = selected.filter((job): job is SocialCardJob => job.kind === 'social-card' && stale(job));
  results.push(...(await renderCards(root, cards, { now, reasons, onResult: options.onResult })));

  const removed =
    only.length === 0 && !collected.issues.some((issue) => issue.severity === 'error')
      ? await removeOrphans(root, collected.jobs)
      : [];
  for (const result of results) issues.push(...result.issues);
  return { results, issues, removed, chromiumVersion };
}

function findUnwritable(root: string, jobs: readonly AssetJob[]): Issue[] {
  const found: Issue[] = [];
  const manifestProblem = jobs.length ? describeUnwritable(join(root, MANIFEST_PATH)) : undefined;
  if (manifestProblem)
    found.push({
      file: MANIFEST_PATH,
      line: 0,
      column: 0,
      rule: 'asset-output',
      severity: 'error',
      message: `cannot record outputs: ${manifestProblem}`,
      hint: 'make marketing/ writable; nothing was rendered',
    });
  for (const job of jobs) {
    for (const output of outputsOf(job)) {
      const problem = manifestProblem ? undefined : describeUnwritable(join(root, output));
      if (problem)
        found.push({
          file: job.source,
          line: 1,
          column: 1,
          rule: 'asset-output',
          severity: 'error',
          message: `cannot write ${output}: ${problem}`,
          hint: 'fix the permissions; nothing was rendered',
        });
    }
  }
  return found;
}

/** Deletes outputs this generator recorded earlier that no current source produces. */
async function removeOrphans(root: string, jobs: readonly AssetJob[]): Promise<string[]> {
  const current = new Set(jobs.flatMap(outputsOf));
  const manifest = await readManifest(root);
  const orphans = Object.entries(manifest.entries)
    .filter(([path, entry]) => entry.generator.startsWith('assets:') && !current.has(path))
    .map(([path]) => path);
  for (const path of orphans) await rm(join(root, path), { force: true });
  if (orphans.length) await removeManifestEntries(root, orphans);
  return orphans;
}
