// The recording's timeline: each storyboard moment mapped to its span of the cast.
import { redactDeep } from '../../lib/redact-deep.ts';
import type { RunRecord } from '../../../core/demo-run-record.ts';

/** Version of the timeline JSON layout. */
export const TIMELINE_VERSION = 1;

/**
 * The timeline file: each storyboard moment with its span of the cast (seconds) and each
 * visible step's span inside it, so an editor can cut the recording to the storyboard; plus
 * what the canvas saw (hydrates and `/ws` frames at their cast times), redacted.
 */
export function renderTimeline(
  record: RunRecord,
  castFile: string,
  castDuration: number,
  secrets: Iterable<string> = [],
): string {
  const timeline = {
    version: TIMELINE_VERSION,
    cast: castFile,
    storyboard: record.storyboard.id,
    duration: castDuration,
    moments: record.moments.map((moment) => ({
      ...moment,
      steps: record.steps
        .filter((step) => !step.hidden && step.moment === moment.id && step.castStart !== undefined)
        .map((step) => ({ kind: step.kind, status: step.status, start: step.castStart, end: step.castEnd })),
    })),
    ...(record.canvas ? { canvas: redactDeep(record.canvas, secrets) } : {}),
  };
  return `${JSON.stringify(timeline, null, 2)}\n`;
}
