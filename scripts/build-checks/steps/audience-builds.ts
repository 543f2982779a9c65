// Builds the public site and the launch room at the same time, the launch room's log following the public one's.
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { HeldOutput } from '../../lib/held-output.ts';
import type { Issue } from '../../../core/issue.ts';
import { runAstroBuild, type AstroBuildResult } from './astro-build.ts';
import { BORROW_ENV } from '../../../core/borrowed-bodies.ts';

/** The launch room's scheduling priority while the public site builds beside it. */
const ROOM_NICENESS = 10;

/** Inputs of {@link buildAudiences}. */
export interface AudienceBuildOptions {
  root: string;
  /** The staged tree; each audience is written to `<temp>/<audience>`. */
  temp: string;
  now: Date;
  echo: Writable;
  force?: boolean;
  signal?: AbortSignal;
  /** The sites to build (default both); the other's last good build is reused by the caller. */
  audiences?: ReadonlyArray<'public' | 'internal'>;
  /**
   * The launch room leaves published posts' bodies as placeholders (core/borrowed-bodies.ts);
   * the caller fills them from the public site with steps/borrowed-bodies.ts.
   */
  borrowBodies?: boolean;
  /** Called as soon as one site is built and in place under `temp`, while the other may still build. */
  onBuilt?: (audience: 'public' | 'internal') => void;
}

/** What both builds did: per-audience and overall wall times, and the failures. */
export interface AudienceBuildReport {
  ok: boolean;
  timings: Record<string, number>;
  issues: Issue[];
  notes: string[];
}

/**
 * Runs `astro build` for the public site and the launch room at the same time: the launch room
 * builds from a root of its own (core/astro-root.ts), so each has its own .astro/ folder, cache and
 * work folder. Its log is held back until the public build has finished, so the log reads one
 * build after the other. A failed public build stops the launch room's, whose log is then dropped.
 */
export async function buildAudiences(options: AudienceBuildOptions): Promise<AudienceBuildReport> {
  const started = performance.now();
  const audiences = options.audiences ?? ['public', 'internal'];
  const common = { root: options.root, now: options.now, force: options.force };
  const timings: Record<string, number> = {};
  const report: AudienceBuildReport = { ok: true, timings, issues: [], notes: [] };
  const add = (audience: 'public' | 'internal', result: AstroBuildResult) => {
    timings[`astro:${audience}`] = Math.round(result.durationMs);
    if (result.ok) return;
    report.ok = false;
    report.issues.push(...result.issues);
    report.notes.push(`astro build (${audience}) failed; its output is above`);
  };
  const roomEnv: Record<string, string> = options.borrowBodies ? { [BORROW_ENV]: '1' } : {};
  const build = (audience: 'public' | 'internal', echo: Writable, signal?: AbortSignal) =>
    runAstroBuild({
      ...common,
      audience,
      outDir: join(options.temp, audience),
      echo,
      signal,
      env: audience === 'internal' ? roomEnv : {},
      // Beside the public build the launch room has time to spare (it has far fewer pages to
      // compile): it runs at a lower priority, so the public build, which the run waits for,
      // gets a core whenever it can use one.
      niceness: audience === 'internal' && audiences.includes('public') ? ROOM_NICENESS : undefined,
    }).then((result) => {
      if (result.ok) options.onBuilt?.(audience);
      return result;
    });

  if (!audiences.includes('public')) {
    if (audiences.includes('internal')) add('internal', await build('internal', options.echo, options.signal));
    timings.astro = Math.round(performance.now() - started);
    return report;
  }
  const stopInternal = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stopInternal.signal]) : stopInternal.signal;
  const held = new HeldOutput(options.echo);
  const publicBuild = build('public', options.echo, options.signal);
  const internalBuild = audiences.includes('internal') ? build('internal', held, signal) : undefined;

  // Awaited below; this only keeps a launch-room failure during the public build from counting as unhandled.
  internalBuild?.catch(() => undefined);
  let publicResult: AstroBuildResult;
  try {
    publicResult = await publicBuild;
  } catch (error) {
    stopInternal.abort();
    await internalBuild?.catch(() => undefined);
    throw error;
  }
  if (publicResult.ok) held.release();
  else stopInternal.abort();
  const internalResult = await internalBuild;
  add('public', publicResult);
  // A launch room stopped because the public build failed says nothing of its own.
  if (internalResult && publicResult.ok) add('internal', internalResult);
  else if (internalResult) timings['astro:internal'] = Math.round(internalResult.durationMs);
  timings.astro = Math.round(performance.now() - started);
  return report;
}
