// What the canvas sees over a run: the `GET /workspaces` hydrates and every `/ws` frame, each at its cast time.
import type { EventStream } from '../events-client.ts';
import { CANVAS_LOG_VERSION, type CanvasEntry, type CanvasRecord } from '../../../core/demo-run-record.ts';

/** Collects the canvas's view of the run; `castTime` and `clock` are the terminal's and the run's clocks. */
export interface CanvasLog {
  /** Records every frame the stream receives from now on (and those already received). */
  attach(stream: EventStream): void;
  /** Records a `GET /workspaces` answer, as the canvas hydrates from it. */
  hydrate(rows: unknown): void;
  toRecord(): CanvasRecord;
}

/** Creates an empty log. */
export function createCanvasLog(castTime: () => number, clock: () => number): CanvasLog {
  const entries: CanvasEntry[] = [];
  return {
    attach(stream) {
      let seen = 0;
      const drain = () => {
        for (; seen < stream.frames.length; seen++)
          entries.push({ kind: 'event', t: castTime(), ms: clock(), frame: stream.frames[seen]! });
      };
      drain();
      stream.onFrame(drain);
    },
    hydrate(rows) {
      const workspaces = Array.isArray(rows)
        ? rows.filter((row): row is Record<string, unknown> => Boolean(row) && typeof row === 'object')
        : [];
      entries.push({ kind: 'hydrate', t: castTime(), ms: clock(), workspaces });
    },
    toRecord() {
      return { version: CANVAS_LOG_VERSION, entries: [...entries] };
    },
  };
}
