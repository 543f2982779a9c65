// Writes and reads asciicast v2 recordings (the .cast file) with a marker per moment.
import { redact } from '../../lib/redact.ts';
import { CAST_HEIGHT, CAST_WIDTH, type CastEvent } from '../terminal.ts';

/** The player compresses pauses longer than this (seconds); the recorded times stay real. */
export const IDLE_TIME_LIMIT = 2;

/**
 * Renders asciicast v2: a header line, then one `[time, kind, data]` line per event with the
 * real times since the start. Event data is redacted again here with every secret known by
 * the end of the run. No command line and no environment beyond TERM and SHELL are stored.
 */
export function renderCast(
  events: readonly CastEvent[],
  startedAt: Date,
  title: string,
  secrets: Iterable<string>,
): string {
  const known = [...secrets];
  const header = {
    version: 2,
    width: CAST_WIDTH,
    height: CAST_HEIGHT,
    timestamp: Math.floor(startedAt.getTime() / 1000),
    idle_time_limit: IDLE_TIME_LIMIT,
    title,
    env: { TERM: 'xterm-256color', SHELL: '/bin/bash' },
  };
  const lines = events.map((event) => JSON.stringify([event.time, event.kind, redact(event.data, known)]));
  return `${[JSON.stringify(header), ...lines].join('\n')}\n`;
}

/** Parses an asciicast v2 file back into its header and events (for checks and the site page). */
export function parseCast(text: string): { header: Record<string, unknown>; events: CastEvent[] } {
  const [head, ...rest] = text.trim().split('\n');
  const header = JSON.parse(head ?? '{}') as Record<string, unknown>;
  const events = rest.map((line) => {
    const [time, kind, data] = JSON.parse(line) as [number, 'o' | 'm', string];
    return { time, kind, data };
  });
  return { header, events };
}
