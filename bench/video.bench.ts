import { cp, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runVideo } from '../scripts/video/steps/run-video.ts';
import { probeAudio } from '../scripts/lib/measure-audio.ts';

/** Targets from the issue: cold render ≥ 4× real time, rerun < 1 s with 0 frames, GIF ≤ 2 MB. */
export const TARGETS = { realTimeRatio: 4, rerunSeconds: 1, gifBytes: 2 * 1024 * 1024 } as const;
const REPO = fileURLToPath(new URL('..', import.meta.url));

/**
 * Cold render of the walkthrough film (no cached output) on a copy of the content, audio,
 * diagram, recording and manifest, as a ratio of the film's length to the wall time (anchor:
 * screen recorders and VHS run at 1× because they record a live session); then a rerun with
 * nothing changed (time and frames rendered), and the GIF's size.
 */
export async function run(): Promise<Record<string, unknown>> {
  const root = await mkdtemp(join(tmpdir(), 'video-bench-'));
  try {
    await cp(join(REPO, 'content'), join(root, 'content'), { recursive: true });
    await mkdir(join(root, 'marketing/assets'), { recursive: true });
    for (const dir of ['audio', 'demo'])
      await cp(join(REPO, 'marketing', dir), join(root, 'marketing', dir), { recursive: true });
    await cp(
      join(REPO, 'marketing/assets/phase30-fleet-diagram.svg'),
      join(root, 'marketing/assets/phase30-fleet-diagram.svg'),
    );
    await cp(join(REPO, 'marketing/manifest.json'), join(root, 'marketing/manifest.json'));
    const signal = new AbortController().signal;
    const options = {
      root,
      check: false,
      force: true,
      only: ['walkthrough', 'registration-flow'],
      noWait: true,
      env: process.env,
    };
    let started = performance.now();
    const cold = await runVideo(options, { signal, log: () => undefined });
    const coldSeconds = (performance.now() - started) / 1000;
    if (cold.issues.length > 0)
      throw new Error(`video bench: cold render failed: ${cold.issues.map((issue) => issue.message).join('; ')}`);
    const filmSeconds = (await probeAudio(join(root, 'marketing/video/phase30-walkthrough.mp4'))).durationSeconds;
    started = performance.now();
    const rerun = await runVideo({ ...options, force: false, only: [] }, { signal, log: () => undefined });
    const rerunSeconds = (performance.now() - started) / 1000;
    const gifBytes = (await stat(join(root, 'marketing/assets/phase30-registration-flow.gif'))).size;
    const ratio = filmSeconds / coldSeconds;
    console.log(
      `video: cold render of a ${filmSeconds.toFixed(1)} s film (+ the GIF) in ${coldSeconds.toFixed(1)} s: ${ratio.toFixed(2)}× real time (target ≥ ${TARGETS.realTimeRatio}×; screen recorders: 1×) ${ratio >= TARGETS.realTimeRatio ? 'ok' : 'BELOW TARGET'}`,
    );
    console.log(
      `video: rerun with nothing changed ${rerunSeconds.toFixed(3)} s, ${rerun.frames} frames, ${rerun.upToDate.length} up to date (target < ${TARGETS.rerunSeconds} s, 0 frames)`,
    );
    console.log(`video: GIF ${(gifBytes / 1048576).toFixed(2)} MB (limit 2 MB)`);
    if (rerun.frames > 0) throw new Error('video rerun rendered frames: the cache is broken');
    if (gifBytes > TARGETS.gifBytes) throw new Error('the GIF is over 2 MB');
    return {
      name: 'video: walkthrough cold render',
      filmSeconds,
      coldSeconds,
      ratio: Math.round(ratio * 100) / 100,
      rerunSeconds,
      rerunFrames: rerun.frames,
      gifBytes,
      passed: ratio >= TARGETS.realTimeRatio && rerunSeconds < TARGETS.rerunSeconds,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
