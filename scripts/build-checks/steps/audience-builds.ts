// Builds the public site and the launch room at the same time, the launch room's log following the public one's.
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { HeldOutput } from '../../lib/held-output.ts';
import type { Issue } from '../../../core/issue.ts';
import { runAstroBuild, type AstroBuildResult } from './astro-build.ts';

/** Inputs of {@link buildAudiences}. */
export interface AudienceBuildOptions {
  root: string;
  /** The staged tree; each audience is written to `<temp>/<audience>`. */
  temp: string;
  now: Date;
  echo: Writable;
  force?: boolean;
  signal?: AbortSignal;
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
  const stopInternal = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stopInternal.signal]) : stopInternal.signal;
  const held = new HeldOutput(options.echo);
  const common = { root: options.root, now: options.now, force: options.force };

  const publicBuild = runAstroBuild({
    ...common,
    audience: 'public',
    outDir: join(options.temp, 'public'),
    echo: options.echo,
    signal: options.signal,
  });
  const internalBuild = runAstroBuild({
    ...common,
    audience: 'internal',
    outDir: join(options.temp, 'internal'),
    echo: held,
    signal,
  });

  // Awaited below; this only keeps a launch-room failure during the public build from counting as unhandled.
  internalBuild.catch(() => undefined);
  let publicResult: AstroBuildResult;
  try {
    publicResult = await publicBuild;
  } catch (error) {
    stopInternal.abort();
    await internalBuild.catch(() => undefined);
    throw error;
  }
  if (publicResult.ok) held.release();
  else stopInternal.abort();
  const internalResult = await internalBuild;

  const timings: Record<string, number> = {
    'astro:public': Math.round(publicResult.durationMs),
    'astro:internal': Math.round(internalResult.durationMs),
  };
  timings.astro = Math.round(performance.now() - started);
  const report: AudienceBuildReport = { ok: true, timings, issues: [], notes: [] };
  const results: Array<['public' | 'internal', AstroBuildResult | undefined]> = [
    ['public', publicResult],
    // A launch room stopped because the public build failed says nothing of its own.
    ['internal', publicResult.ok ? internalResult : undefined],
  ];
  for (const [audience, result] of results) {
    if (!result || result.ok) continue;
    report.ok = false;
    report.issues.push(...result.issues);
    report.notes.push(`astro build (${audience}) failed; its output is above`);
  }
  if (!publicResult.ok) report.ok = false;
  return report;
}
