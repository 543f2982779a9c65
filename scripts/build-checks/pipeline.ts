// The stage order of `check` (collect → source rules) and `build` (… → astro build → built site → output rules).
import type { Writable } from 'node:stream';
import type { Issue } from '../../core/issue.ts';
import type { Check, CheckOptions } from './check.ts';
import { ALL_CHECKS } from './all-checks.ts';
import { collectSources } from './steps/collect.ts';
import type { Generator } from './lib/generator-plans.ts';
import { createRunState, runChecks } from './steps/run-checks.ts';
import { readBuiltSite, DIST_DIRS } from './steps/built-site.ts';
import { runAstroBuild } from './steps/astro-build.ts';
import { countErrors, type Report } from './steps/report.ts';

/** Inputs of one `check` or `build` run. */
export interface PipelineOptions extends CheckOptions {
  root: string;
  now: Date;
  /** Where Astro's own output is echoed during `build`. */
  echo: Writable;
  /** `build` only: check the existing dist/ instead of running Astro. */
  skipAstro?: boolean;
  checks?: readonly Check[];
  /** Plan modules for the stale check (tests point these at fixtures). */
  generators?: readonly Generator[];
}

function elapsed(started: number): number {
  return Math.round(performance.now() - started);
}

/** `npm run check`: every source rule, in seconds, without building. */
export async function runCheckPipeline(options: PipelineOptions): Promise<Report> {
  const started = performance.now();
  const sources = await collectSources(options.root, { now: options.now, generators: options.generators });
  const run = await runChecks(options.checks ?? ALL_CHECKS, 'source', sources, options, createRunState());
  return { issues: run.issues, notes: run.notes, timings: { sourceChecks: elapsed(started) } };
}

/**
 * `npm run build`: source rules; if they pass, Astro for the public then the internal site;
 * then the output rules (out-link, secret, leak) on dist/public and dist/internal.
 */
export async function runBuildPipeline(options: PipelineOptions): Promise<Report> {
  const checks = options.checks ?? ALL_CHECKS;
  const state = createRunState();
  let started = performance.now();
  const sources = await collectSources(options.root, { now: options.now, generators: options.generators });
  const source = await runChecks(checks, 'source', sources, options, state);
  const timings: Record<string, number> = { sourceChecks: elapsed(started) };
  const issues: Issue[] = [...source.issues];
  const notes = [...source.notes];
  // With --skip-astro the existing dist/ is checked whatever the sources say.
  if (countErrors(issues) > 0 && !options.skipAstro) {
    notes.push('astro build skipped: fix the source errors below first');
    return { issues, notes, timings };
  }
  if (!options.skipAstro) {
    for (const audience of ['public', 'internal'] as const) {
      const result = await runAstroBuild({ root: options.root, audience, now: options.now, echo: options.echo });
      timings[`astro:${audience}`] = Math.round(result.durationMs);
      if (!result.ok) {
        issues.push(...result.issues);
        notes.push(`astro build (${audience}) failed; its output is above`);
        return { issues, notes, timings };
      }
    }
  }
  started = performance.now();
  const site = readBuiltSite(options.root, DIST_DIRS);
  for (const audience of ['public', 'internal'] as const) {
    if (!site.audiences.some((built) => built.audience === audience)) {
      issues.push({ file: DIST_DIRS[audience], line: 1, column: 1, rule: 'out-link', severity: 'error', message: `${DIST_DIRS[audience]} does not exist`, hint: 'run npm run build' });
    }
  }
  const output = await runChecks(checks, 'output', sources, options, state, site);
  timings.outputChecks = elapsed(started);
  return { issues: [...issues, ...output.issues], notes: [...notes, ...output.notes], timings };
}
