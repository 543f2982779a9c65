// Compares a generator's plan with marketing/manifest.json and the files on disk: what is missing or stale, no rendering.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratorPlan, Manifest } from './manifest.ts';

/** One planned output that a generator run would (re)write. */
export interface OutdatedOutput {
  path: string;
  state: 'missing' | 'stale';
  /** The command that regenerates it. */
  command: string;
}

/**
 * The planned outputs whose file is missing or whose manifest entry was made from other inputs:
 * what a generator's `--check` reports (exit 1) without producing anything.
 */
export async function findOutdatedOutputs(
  root: string,
  plan: GeneratorPlan,
  manifest: Manifest,
): Promise<OutdatedOutput[]> {
  const outdated: OutdatedOutput[] = [];
  for (const planned of await plan(root)) {
    if (!existsSync(join(root, planned.path)) || !manifest.entries[planned.path])
      outdated.push({ path: planned.path, state: 'missing', command: planned.command });
    else if (manifest.entries[planned.path]!.inputsHash !== planned.inputsHash)
      outdated.push({ path: planned.path, state: 'stale', command: planned.command });
  }
  return outdated;
}
