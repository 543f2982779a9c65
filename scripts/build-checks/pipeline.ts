// The check and build pipelines: source rules, then (build) both Astro audiences into one staged tree and the output rules.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Writable } from 'node:stream';
import { publishDirectory } from '../lib/staged-output.ts';
import { linkTree } from '../lib/link-tree.ts';
import type { Issue } from '../../core/issue.ts';
import type { Check, CheckOptions } from './check.ts';
import { ALL_CHECKS } from './all-checks.ts';
import { collectSources, type Sources } from './steps/collect.ts';
import type { Generator } from './lib/generator-plans.ts';
import { createRunState, runChecks, type RunState } from './steps/run-checks.ts';
import { readBuiltSite, DIST_DIRS } from './steps/built-site.ts';
import { buildAudiences } from './steps/audience-builds.ts';
import { fingerprintBuild, readRecordedFingerprint, recordFingerprint } from './steps/build-inputs.ts';
import { countErrors, type Report } from './steps/report.ts';

/** Inputs of one `check` or `build` run. */
export interface PipelineOptions extends CheckOptions {
  root: string;
  now: Date;
  /** Where Astro's own output is echoed during `build`. */
  echo: Writable;
  /** `build` only: check the existing dist/ instead of running Astro. */
  skipAstro?: boolean;
  /** `build` only: Astro renders every page again instead of reusing its incremental cache. */
  force?: boolean;
  /** Aborts the build (Ctrl-C): Astro is stopped and dist/ is kept. */
  signal?: AbortSignal;
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

/** What a build says when it copied the last good site instead of running Astro. */
export const REUSED_NOTE =
  'astro builds skipped: nothing the sites are built from changed since the last good build, so dist/ was linked into the new tree and checked again (--force builds anyway)';

/** What a failed build says about dist/: it is never half written. */
export const KEPT_NOTE = 'dist/ kept from the last good build';

/**
 * `npm run build`: source rules; if they pass, Astro for the public and the internal site (the
 * second starting while the first renders pages) into one temporary sibling of dist/, then the output rules (truncated, out-link, secret, leak) on
 * that tree. Only a run with no errors swaps it in for dist/; otherwise dist/ stays byte for byte.
 */
export async function runBuildPipeline(options: PipelineOptions): Promise<Report> {
  const checks = options.checks ?? ALL_CHECKS;
  const state = createRunState();
  const started = performance.now();
  const sources = await collectSources(options.root, { now: options.now, generators: options.generators });
  const source = await runChecks(checks, 'source', sources, options, state);
  const timings: Record<string, number> = { sourceChecks: elapsed(started) };
  const issues: Issue[] = [...source.issues];
  const notes = [...source.notes];
  const dist = join(options.root, 'dist');
  // With --skip-astro the existing dist/ is checked whatever the sources say.
  if (options.skipAstro) {
    const output = await checkBuiltSite(checks, sources, options, state, DIST_DIRS, timings);
    return { issues: [...issues, ...output.issues], notes: [...notes, ...output.notes], timings };
  }
  if (countErrors(issues) > 0) {
    notes.push('astro build skipped: fix the source errors below first', keptNote(dist));
    return { issues, notes, timings };
  }
  const fingerprint = fingerprintBuild(sources);
  const reuse =
    !options.force &&
    readRecordedFingerprint(dist) === fingerprint &&
    Object.values(DIST_DIRS).every((dir) => existsSync(join(options.root, dir)));
  const published = await publishDirectory(dist, async (temp) => {
    const tempRel = relative(options.root, temp);
    const dirs = { public: `${tempRel}/public`, internal: `${tempRel}/internal` };
    if (reuse) {
      // Nothing either site is built from changed: the last good one is copied and checked again.
      const copying = performance.now();
      for (const audience of ['public', 'internal'] as const)
        await linkTree(join(dist, audience), join(temp, audience));
      timings.astro = elapsed(copying);
      notes.push(REUSED_NOTE);
    } else {
      const built = await buildAudiences({
        root: options.root,
        temp,
        now: options.now,
        echo: options.echo,
        force: options.force,
        signal: options.signal,
      });
      Object.assign(timings, built.timings);
      issues.push(...built.issues);
      notes.push(...built.notes);
      if (!built.ok || options.signal?.aborted) return false;
    }
    const output = await checkBuiltSite(checks, sources, options, state, dirs, timings);
    issues.push(...output.issues.map((issue) => renameTemp(issue, tempRel)));
    notes.push(...output.notes);
    const passed = countErrors(issues) === 0 && !options.signal?.aborted;
    if (passed) await recordFingerprint(temp, fingerprint);
    return passed;
  });
  notes.push(published ? 'dist/ replaced by this build' : keptNote(dist));
  return { issues, notes, timings };
}

function keptNote(dist: string): string {
  return existsSync(dist) ? KEPT_NOTE : 'dist/ not written (there is no earlier build)';
}

// Output issues name the temporary tree; the user knows it as dist/.
function renameTemp(issue: Issue, tempRel: string): Issue {
  const rename = (text: string) => text.split(`${tempRel}/`).join('dist/');
  return {
    ...issue,
    file: rename(issue.file),
    message: rename(issue.message),
    ...(issue.hint ? { hint: rename(issue.hint) } : {}),
  };
}

async function checkBuiltSite(
  checks: readonly Check[],
  sources: Sources,
  options: PipelineOptions,
  state: RunState,
  dirs: Record<'public' | 'internal', string>,
  timings: Record<string, number>,
) {
  const started = performance.now();
  const site = readBuiltSite(options.root, dirs);
  const missing: Issue[] = [];
  for (const audience of ['public', 'internal'] as const) {
    if (!site.audiences.some((built) => built.audience === audience)) {
      missing.push({
        file: DIST_DIRS[audience],
        line: 1,
        column: 1,
        rule: 'out-link',
        severity: 'error',
        message: `${DIST_DIRS[audience]} does not exist`,
        hint: 'run npm run build',
      });
    }
  }
  const output = await runChecks(checks, 'output', sources, options, state, site);
  timings.outputChecks = elapsed(started);
  return { issues: [...missing, ...output.issues], notes: output.notes };
}
