// What happened to one asset in a run, for the report and the manifest.
import type { Issue } from '../../core/issue.ts';
import type { ManifestEntry } from '../../core/manifest.ts';
import type { AssetJob } from './jobs.ts';

/** What happened to one asset in a run. */
export interface AssetResult {
  job: AssetJob;
  status: 'written' | 'up-to-date' | 'failed';
  /** Why it was (re)rendered: `new`, `inputs changed`, `forced`, … */
  reason?: string;
  issues: Issue[];
  /** Wall time for this asset, in milliseconds. */
  ms: number;
  /** Manifest entries written for it. */
  entries?: Record<string, ManifestEntry>;
}
