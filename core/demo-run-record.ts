// The shapes a demo run is recorded in (transcript and timeline files): exchanges, /ws frames, steps, moments, platform.

/** One `/ws` frame as the platform sends it (the canvas's event stream). */
export interface EventFrame {
  event: string;
  workspace_id: string;
  /** RFC 3339 time the event was emitted. */
  timestamp: string;
  payload: Record<string, unknown>;
}

/** Version of the canvas log layout inside the timeline file. */
export const CANVAS_LOG_VERSION = 1;

/** One thing the canvas received: a hydrate (the workspace rows) or a `/ws` frame. */
export type CanvasEntry =
  | {
      kind: 'hydrate';
      /** Seconds into the cast. */ t: number;
      /** Milliseconds since the run started. */ ms: number;
      workspaces: Array<Record<string, unknown>>;
    }
  | { kind: 'event'; t: number; ms: number; frame: EventFrame };

/** The canvas log as written into the timeline file. */
export interface CanvasRecord {
  version: number;
  entries: CanvasEntry[];
}

/** One HTTP request the runner made and what came back (bodies as JSON when they parse). */
export interface Exchange {
  /** Who made the call: the runner (absent) or the agent process (reported over IPC). */
  actor?: 'agent';
  method: string;
  path: string;
  /** Null when no response arrived (unreachable, timeout). */
  status: number | null;
  durationMs: number;
  /** Milliseconds since the run started. */
  startMs: number;
  request: { headers: Record<string, string>; body?: unknown };
  response?: { body: unknown };
  error?: string;
}

/** What happened in one step, visible or hidden. */
export interface StepRecord {
  /** A storyboard step kind, or `setup: …` / `cleanup: …` for hidden steps. */
  kind: string;
  title: string;
  moment: string | undefined;
  hidden: boolean;
  status: 'passed' | 'failed' | 'skipped';
  startMs: number;
  durationMs: number;
  /** Span of the cast (seconds) the step printed in; hidden steps have none. */
  castStart: number | undefined;
  castEnd: number | undefined;
  exchanges: Exchange[];
  /** `/ws` frames the step showed. */
  events: EventFrame[];
  error?: { message: string; status?: number; bodyExcerpt?: string; hint?: string };
}

/** A storyboard moment mapped onto the cast. */
export interface MomentSpan {
  id: string;
  title: string;
  steps: string[];
  /** Seconds into the cast. */
  start: number;
  end: number;
  /** The moment's planned span in the edited video (seconds), from the storyboard. */
  storyboardStart: number;
  storyboardEnd: number;
}

/** Where the demo ran. */
export interface PlatformInfo {
  kind: 'stand-in' | 'platform';
  /** Base URL without credentials. */
  url: string;
  /** True when the runner started the stand-in itself. */
  embedded: boolean;
}

/** Everything the recording files are made from. */
export interface RunRecord {
  storyboard: { id: string; file: string; title: string };
  platform: PlatformInfo;
  startedAt: string;
  durationMs: number;
  status: 'passed' | 'failed';
  options: { fast: boolean; createWithUrl: boolean; keep: boolean };
  steps: StepRecord[];
  moments: MomentSpan[];
  /** What the canvas saw (absent in recordings made before it was kept). */
  canvas?: CanvasRecord;
}

/** A fresh step record. */
export function createStepRecord(
  kind: string,
  title: string,
  moment: string | undefined,
  hidden: boolean,
  startMs: number,
): StepRecord {
  return {
    kind,
    title,
    moment,
    hidden,
    status: 'passed',
    startMs,
    durationMs: 0,
    castStart: undefined,
    castEnd: undefined,
    exchanges: [],
    events: [],
  };
}
