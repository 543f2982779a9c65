// Stage: the output rules on a freshly staged tree, the public site on this thread while the launch room's stage runs on its own.
import type { Check, CheckOptions } from '../check.ts';
import type { Sources } from './collect.ts';
import { checkBuiltSite } from './output-checks.ts';
import type { RoomStage } from './room-stage.ts';
import type { RunState } from './run-checks.ts';

/**
 * The output rules on a staged tree. With a launch-room stage (Astro built something), the public
 * site is checked here while the stage puts the borrowed bodies into the launch room and then checks
 * it (its pages are whole only then; not at all when the fill failed). Without one (both sites
 * reused, so nothing is borrowed anew), both are checked here. `timings.outputChecks` is the wall
 * time of it all; `timings.borrowedBodies` the fill's. Stopped by Ctrl-C, the stage reports
 * nothing and the run ends as interrupted.
 */
export async function checkStagedSite(
  checks: readonly Check[],
  sources: Sources,
  options: CheckOptions & { root: string; signal?: AbortSignal },
  state: RunState,
  dirs: Record<'public' | 'internal', string>,
  timings: Record<string, number>,
  stage: RoomStage | undefined,
) {
  if (!stage) return checkBuiltSite(checks, sources, options, state, dirs, timings);
  const started = performance.now();
  const room = stage.run(dirs);
  room.catch(() => undefined);
  // The public site's own time is not the stage's: timings.outputChecks is set below, for both.
  const output = await checkBuiltSite(checks, sources, options, state, dirs, {}, ['public']);
  const report = await room.catch((error: unknown) => {
    if (options.signal?.aborted) return undefined;
    throw error;
  });
  timings.outputChecks = Math.round(performance.now() - started);
  if (!report) return output;
  timings.borrowedBodies = report.fillMs;
  return {
    issues: [...output.issues, ...report.borrowed.issues, ...report.issues],
    notes: [...output.notes, ...report.notes],
  };
}
