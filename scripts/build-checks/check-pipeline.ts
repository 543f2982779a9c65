// The check pipeline and what the build shares with it: the options, the rules loaded on demand, and --skip-astro.
import type { Writable } from 'node:stream';
import type { Check, CheckOptions } from './check.ts';
import type { Generator } from './lib/generator-plans.ts';
import { createRunState, runChecks } from './steps/run-checks.ts';
import { DIST_DIRS } from './steps/built-site.ts';
import { checkBuiltSite } from './steps/output-checks.ts';
import type { Report } from './steps/report.ts';

/** Inputs of one `check` or `build` run. */
export interface PipelineOptions extends CheckOptions {
  root: string;
  now: Date;
  /** Where Astro's own output is echoed during `build`. */
  echo: Writable;
  /** `build` only: check the existing dist/ instead of running Astro. */
  skipAstro?: boolean;
  /** `build` only: both sites are built even when their inputs match the last good build's. */
  force?: boolean;
  /** Aborts the build (Ctrl-C): Astro is stopped and dist/ is kept. */
  signal?: AbortSignal;
  checks?: readonly Check[];
  /** Plan modules for the stale check (tests point these at fixtures). */
  generators?: readonly Generator[];
}

export function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

/**
 * The rules, the source reader and the launch-room stage: half a second of module loading on a
 * cold start, so a build imports them only once Astro has been started.
 */
export async function loadRules() {
  const [{ ALL_CHECKS }, { collectSources }, { startRoomStage }, { startOutputPrescan, prescanKinds }] =
    await Promise.all([
      import('./all-checks.ts'),
      import('./steps/collect.ts'),
      import('./steps/room-stage.ts'),
      import('./steps/output-prescan.ts'),
    ]);
  return { allChecks: ALL_CHECKS, collectSources, startRoomStage, startOutputPrescan, prescanKinds };
}

/** `npm run check`: every source rule, in seconds, without building. */
export async function runCheckPipeline(options: PipelineOptions): Promise<Report> {
  const started = performance.now();
  const { allChecks, collectSources } = await loadRules();
  const sources = await collectSources(options.root, { now: options.now, generators: options.generators });
  const run = await runChecks(options.checks ?? allChecks, 'source', sources, options, createRunState());
  return { issues: run.issues, notes: run.notes, timings: { sourceChecks: elapsed(started) } };
}

/** `--skip-astro`: the source rules, then the output rules on the existing dist/, whatever the sources say. */
export async function checkLastBuild(options: PipelineOptions): Promise<Report> {
  const started = performance.now();
  const { allChecks, collectSources } = await loadRules();
  const checks = options.checks ?? allChecks;
  const state = createRunState();
  const sources = await collectSources(options.root, { now: options.now, generators: options.generators });
  const source = await runChecks(checks, 'source', sources, options, state);
  const timings: Record<string, number> = { sourceChecks: elapsed(started) };
  const output = await checkBuiltSite(checks, sources, options, state, DIST_DIRS, timings);
  return { issues: [...source.issues, ...output.issues], notes: [...source.notes, ...output.notes], timings };
}
