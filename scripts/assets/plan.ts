// The assets staleness plan for the build: every output with the inputs hash a run would record, no browser.
import type { GeneratorPlan } from '../../core/manifest.ts';
import { assetCommand, collectJobs, outputsOf } from './jobs.ts';

/**
 * What `npm run assets` would write now, each output with the inputs hash the cache records in
 * marketing/manifest.json. Cheap: no browser starts. The build compares these hashes with the
 * manifest to report stale diagrams and cards. Chromium's version is not part of this hash (it
 * is recorded in the entry's details and checked by `npm run assets` itself), so a machine with
 * another Chromium still sees committed assets as fresh.
 */
export const planAssets: GeneratorPlan = async (root) =>
  collectJobs(root).jobs.flatMap((job) =>
    outputsOf(job).map((path) => ({ path, inputsHash: job.inputsHash, command: assetCommand(job.name) })),
  );
