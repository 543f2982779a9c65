// The build pipeline: both Astro audiences into one staged tree, the source rules beside them, then the output rules.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { publishDirectory } from '../lib/staged-output.ts';
import { linkTree } from '../lib/link-tree.ts';
import type { Issue } from '../../core/issue.ts';
import { checkLastBuild, elapsed, loadRules, type PipelineOptions } from './check-pipeline.ts';
import { createRunState, runChecks } from './steps/run-checks.ts';
import { DIST_DIRS } from './steps/built-site.ts';
import { renameTemp } from './steps/output-checks.ts';
import { checkStagedSite } from './steps/staged-checks.ts';
import type { RoomStage } from './steps/room-stage.ts';
import { buildAudiences } from './steps/audience-builds.ts';
import { earlyOutput, type EarlyOutput } from './steps/early-output.ts';
import { HeldOutput } from '../lib/held-output.ts';
import { fingerprintBuild, readRecordedFingerprints, recordFingerprints } from './steps/build-inputs.ts';
import { countErrors, type Report } from './steps/report.ts';

/** What a build says when it copied the last good site instead of running Astro. */
export const REUSED_NOTE =
  'astro builds skipped: nothing the sites are built from changed since the last good build, so dist/ was linked into the new tree and checked again (--force builds anyway)';

/** What a build says when only held-back entries changed, so only the launch room was built. */
export const PUBLIC_REUSED_NOTE =
  'public astro build skipped: nothing it publishes changed since the last good build (only entries it holds back did), so dist/public was linked into the new tree and checked again; the launch room was built (--force builds both)';

const AUDIENCES = ['public', 'internal'] as const;

/** What a failed build says about dist/: it is never half written. */
export const KEPT_NOTE = 'dist/ kept from the last good build';

/**
 * `npm run build`: source rules, with Astro for the public and the internal site (both at once,
 * the launch room at a lower priority) running beside them into one temporary sibling of dist/
 * and stopped if they fail; then the output rules (truncated, out-link, secret, leak) on that tree,
 * partly done while the public site is still being written (steps/early-output.ts).
 * Only a run with no errors swaps it in for dist/; otherwise dist/ stays byte for byte. A site
 * whose inputs match the last good build's is linked in instead of built (steps/build-inputs.ts):
 * both when nothing changed, the public site alone when only held-back entries did.
 */
export async function runBuildPipeline(options: PipelineOptions): Promise<Report> {
  if (options.skipAstro) return checkLastBuild(options);
  const state = createRunState();
  const started = performance.now();
  const timings: Record<string, number> = {};
  const issues: Issue[] = [];
  const notes: string[] = [];
  const dist = join(options.root, 'dist');
  // A site can be reused only when the last good build recorded its inputs (and --force is off).
  const recorded = options.force ? {} : readRecordedFingerprints(dist);
  const reusable = AUDIENCES.filter(
    (audience) => recorded[audience] !== undefined && existsSync(join(options.root, DIST_DIRS[audience])),
  );
  const published = await publishDirectory(dist, async (temp) => {
    const tempRel = relative(options.root, temp);
    const dirs = { public: `${tempRel}/public`, internal: `${tempRel}/internal` };
    // Astro starts while the source rules run, on the other core. Its log waits until they pass;
    // a source error stops it, and the report shows only the source errors, as if it never ran.
    const stop = new AbortController();
    const echo = new HeldOutput(options.echo);
    let stage: RoomStage | undefined;
    let early: EarlyOutput | undefined;
    const startBuilds = (audiences: ReadonlyArray<'public' | 'internal'>) => {
      const building = buildAudiences({
        root: options.root,
        temp,
        now: options.now,
        echo,
        force: options.force,
        audiences,
        borrowBodies: true,
        signal: options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal,
        onBuilt: (audience) => early?.built(audience),
      });
      // A launch room built while the public site still is: its pages are filled, and the public
      // pages read, as Astro writes the public site (steps/early-output.ts).
      early = earlyOutput(options.root, dirs, audiences.includes('public'));
      // Awaited below; this only keeps a failure while the source rules run from counting as unhandled.
      building.catch(() => undefined);
      return building;
    };
    // With nothing to reuse, both sites are built whatever the sources say, so Astro starts before
    // the rules are even loaded and the sources read (a second sooner on a thousand posts).
    let building = reusable.length === 0 ? startBuilds(AUDIENCES) : undefined;
    try {
      const { allChecks, collectSources, startRoomStage, startOutputPrescan, prescanKinds } = await loadRules();
      const checks = options.checks ?? allChecks;
      const sources = await collectSources(options.root, { now: options.now, generators: options.generators });
      const sourceChecks = async () => {
        const source = await runChecks(checks, 'source', sources, options, state);
        timings.sourceChecks = elapsed(started);
        issues.push(...source.issues);
        notes.push(...source.notes);
        return countErrors(source.issues) === 0;
      };
      const fingerprints = fingerprintBuild(sources);
      // A site is reused when its own inputs are unchanged: a draft edited changes only the launch room's.
      const reused = reusable.filter((audience) => recorded[audience] === fingerprints[audience]);
      const toBuild = AUDIENCES.filter((audience) => !reused.includes(audience));
      if (!building && toBuild.length > 0) building = startBuilds(toBuild);
      // The launch room's last stage (borrowed bodies, then its output rules) gets ready beside Astro.
      stage = building ? startRoomStage({ ...options, checkIds: checks.map((check) => check.id) }) : undefined;
      early?.ready(stage, (draft, until) => startOutputPrescan(draft, prescanKinds(checks, sources), until));
      if (!(await sourceChecks())) {
        notes.push('astro build skipped: fix the source errors below first');
        return false;
      }
      echo.release();
      // A site whose inputs did not change: the last good one is linked in and checked again.
      const linking = performance.now();
      for (const audience of reused) await linkTree(join(dist, audience), join(temp, audience));
      if (reused.length > 0) timings.link = elapsed(linking);
      if (building) {
        const built = await building;
        await early?.adopt(sources, state);
        Object.assign(timings, built.timings);
        issues.push(...built.issues);
        notes.push(...built.notes);
        if (!built.ok || options.signal?.aborted) return false;
        if (reused.includes('public')) notes.push(PUBLIC_REUSED_NOTE);
      } else {
        timings.astro = timings.link ?? 0;
        notes.push(REUSED_NOTE);
      }
      const output = await checkStagedSite(checks, sources, options, state, dirs, timings, stage);
      issues.push(...output.issues.map((issue) => renameTemp(issue, tempRel)));
      notes.push(...output.notes);
      const passed = countErrors(issues) === 0 && !options.signal?.aborted;
      if (passed) await recordFingerprints(temp, fingerprints);
      return passed;
    } finally {
      // Stopped and waited for, so no Astro or worker outlives the run; failures were reported above if they mattered.
      stop.abort();
      early?.stop();
      await building?.catch(() => undefined);
      await stage?.stop();
    }
  });
  notes.push(published ? 'dist/ replaced by this build' : keptNote(dist));
  return { issues, notes, timings };
}

function keptNote(dist: string): string {
  return existsSync(dist) ? KEPT_NOTE : 'dist/ not written (there is no earlier build)';
}
