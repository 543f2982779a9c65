import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Check } from '../check.ts';
import { filmOutputs, type FilmTimeline } from '../../../core/film-timeline.ts';
import { RECORDING_BASENAME } from '../../../core/demo-recording.ts';

/** How far a stated timecode or total may be from the rendered film. */
export const TIMECODE_TOLERANCE_SECONDS = 0.5;

function clock(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = (seconds - minutes * 60).toFixed(1).replace(/\.0$/, '');
  return `${minutes}:${rest.padStart(rest.includes('.') ? 4 : 2, '0')}`;
}

/**
 * Timecodes are facts: the live storyboard's moments and each video package's acts start and
 * end within half a second of the rendered film's measured timeline (`marketing/video/<film>.timeline.json`,
 * written by `npm run video`), a package's `targetSeconds` is the film's length, and a film is
 * re-rendered when its inputs change. Each problem points at the timecode's own line.
 */
export const timecodeCheck: Check = {
  id: 'timecode',
  phase: 'source',
  description: 'storyboard and video-package timecodes within 0.5 s of the rendered film; films fresh',
  run(ctx) {
    for (const entry of ctx.sources.content) {
      if (!entry.data || entry.issues.length > 0) continue;
      const isBoard = entry.collection === 'storyboards' && (entry.data as { live?: boolean }).live === true;
      if (!isBoard && entry.collection !== 'video') continue;
      const key = isBoard ? 'moments' : 'acts';
      const name = isBoard
        ? RECORDING_BASENAME
        : entry.file
            .split('/')
            .pop()!
            .replace(/\.mdx?$/, '');
      const outputs = filmOutputs(name);
      const path = join(ctx.sources.root, outputs.timeline);
      const segments = (entry.data as Record<string, Array<{ start: number; end: number; title: string }>>)[key] ?? [];
      if (!existsSync(path)) {
        ctx.report({
          file: entry.file,
          offset: entry.offsetOf([key], true) ?? 0,
          message: `the film ${outputs.video} has not been rendered, so its timecodes are unchecked`,
          hint: 'run `npm run video`',
        });
        continue;
      }
      const timeline = JSON.parse(readFileSync(path, 'utf8')) as FilmTimeline;
      const planned = ctx.sources.plans.outputs.find((output) => output.path === outputs.timeline);
      if (planned && planned.inputsHash !== timeline.inputsHash) {
        ctx.report({
          file: entry.file,
          offset: entry.offsetOf([key], true) ?? 0,
          message: `the film ${outputs.video} is stale: this file, the recording, the narration or the renderer changed since it was rendered`,
          hint: `run \`npm run video -- --only ${name}\``,
        });
      }
      if (timeline.segments.length !== segments.length) {
        ctx.report({
          file: entry.file,
          offset: entry.offsetOf([key], true) ?? 0,
          message: `${segments.length} ${key} here, ${timeline.segments.length} in the rendered film`,
          hint: 'run `npm run video`',
        });
        continue;
      }
      segments.forEach((segment, index) => {
        const measured = timeline.segments[index]!;
        for (const edge of ['start', 'end'] as const) {
          const off = segment[edge] - measured[edge];
          if (Math.abs(off) <= TIMECODE_TOLERANCE_SECONDS) continue;
          ctx.report({
            file: entry.file,
            offset: entry.offsetOf([key, index, edge]) ?? 0,
            message: `"${segment.title}" ${edge} ${clock(segment[edge])} is ${Math.abs(off).toFixed(1)} s ${off > 0 ? 'after' : 'before'} the rendered film's ${clock(measured[edge])}`,
            hint: `write "${clock(measured[edge])}" (from ${outputs.timeline})`,
          });
        }
      });
      const target = (entry.data as { targetSeconds?: number }).targetSeconds;
      if (
        !isBoard &&
        target !== undefined &&
        Math.abs(target - timeline.measuredSeconds) > TIMECODE_TOLERANCE_SECONDS
      ) {
        ctx.report({
          file: entry.file,
          offset: entry.offsetOf(['targetSeconds']) ?? 0,
          message: `targetSeconds ${target} is ${Math.abs(target - timeline.measuredSeconds).toFixed(1)} s off the rendered film (${timeline.measuredSeconds.toFixed(1)} s)`,
          hint: `write ${Math.round(timeline.measuredSeconds)} or change the narration`,
        });
      }
    }
  },
};
