// `npm run assets -- --check`: which diagrams and cards are missing or stale, rendering nothing.
import type { Issue } from '../../core/issue.ts';
import { readManifest } from '../../core/manifest.ts';
import { staleReason } from './cache.ts';
import { assetCommand, collectJobs, outputsOf, selectJobs, type AssetJob } from './jobs.ts';
import { AssetsUsageError } from './generate.ts';

/** One asset as `--check` sees it. */
export interface AssetCheck {
  job: AssetJob;
  /** Why it would be rendered again; undefined when it is up to date. */
  stale: string | undefined;
}

/**
 * Compares every selected asset with the manifest and the bytes on disk (the same rule the build
 * and a real run use) and reports each missing or stale one as an `asset-stale` error. Starts no
 * browser: the Chromium version is not part of the verdict, as in the build's plan.
 */
export async function checkAssets(
  root: string,
  only: readonly string[] = [],
): Promise<{ checks: AssetCheck[]; issues: Issue[] }> {
  const collected = collectJobs(root);
  const unknown = only.filter((name) => selectJobs(collected.jobs, [name]).length === 0);
  if (unknown.length) {
    throw new AssetsUsageError(
      `no asset named ${unknown.map((name) => `"${name}"`).join(', ')} — known: ${[...collected.jobs.map((job) => job.name), 'diagrams', 'cards'].join(', ')}`,
    );
  }
  const manifest = await readManifest(root);
  const issues: Issue[] = [...collected.issues];
  const checks: AssetCheck[] = [];
  for (const job of selectJobs(collected.jobs, only)) {
    const stale = await staleReason(root, job, manifest);
    checks.push({ job, stale });
    if (stale)
      issues.push({
        file: job.source,
        line: 1,
        column: 1,
        rule: 'asset-stale',
        severity: 'error',
        message: `${outputsOf(job).join(', ')} is missing or out of date (${stale})`,
        hint: `run ${assetCommand(job.name)}`,
      });
  }
  return { checks, issues };
}
