// One run's shared state: platform client, timings, facts, created workspaces and the terminal.
import { showRequest, showResponse } from './present.ts';
import { createStepRecord, type PlatformInfo, type StepRecord } from '../../core/demo-run-record.ts';
import type { AgentHandle } from './agent-process.ts';
import type { DemoStepError } from './errors.ts';
import type { DemoOptions } from './args.ts';
import type { EventStream } from './events-client.ts';
import type { CanvasLog } from './record/canvas-log.ts';
import type { PlatformRequest, PlatformResponse } from './http-client.ts';
import type { Terminal } from './terminal.ts';

/** Intervals and limits of one run. */
export interface DemoTimings {
  heartbeatMs: number;
  statePollMs: number;
  waitTimeoutMs: number;
  requestTimeoutMs: number;
  pollIntervalMs: number;
  /** Pause between storyboard moments so viewers can read. */
  momentPauseMs: number;
}

/** What the steps learn as they go. */
export interface DemoState {
  parent?: { id: string; token: string | undefined };
  workspace?: { id: string; createTimeToken: string | undefined; agentUrl: string | undefined };
  agent?: AgentHandle;
  /** True once teardown expects the agent to exit. */
  agentExitExpected: boolean;
  tokenFile?: string;
  /** Workspaces this run created and has not deleted yet (for cleanup). */
  created: string[];
}

/** Product facts the steps print (from content/facts.yaml). */
export interface DemoFacts {
  badge: string;
  heartbeatSeconds: number;
  /** Heartbeat silence after which the platform marks an external workspace offline. */
  offlineAfterSeconds: number;
  /** The same figure as the facts file states it, with the condition it holds under (e.g. "90 s (with the Docker provisioner; otherwise 180 s)"). */
  offlineAfterText: string;
}

/** Everything a step runner works with. */
export interface DemoSession {
  options: DemoOptions;
  timings: DemoTimings;
  facts: DemoFacts;
  terminal: Terminal;
  platform: PlatformInfo & { adminToken: string | undefined };
  /** Values that must never be printed or written; grows as tokens are learned. */
  secrets: Set<string>;
  state: DemoState;
  events: EventStream | undefined;
  /** What the canvas sees (hydrates and frames with their cast times), for the video's canvas view. */
  canvas: CanvasLog;
  /** Aborted on Ctrl-C or when the agent dies unexpectedly; the reason is the error to report. */
  signal: AbortSignal;
  /** The step being run; exchanges are recorded into it. */
  current: StepRecord;
  steps: StepRecord[];
  /** Milliseconds since the run started. */
  clock(): number;
  /** Calls the platform; in a visible step the call and its answer are printed unless `quiet`. */
  call(request: PlatformRequest & { note?: string; quiet?: boolean }): Promise<PlatformResponse>;
  /** Ends the run with this error (used when the agent dies on its own). */
  abort(reason: Error): void;
  /** Runs a hidden setup or cleanup step: recorded in the transcript, never printed. */
  hidden<T>(kind: string, title: string, run: () => Promise<T>): Promise<T>;
  /** Adds a value to redact from now on. */
  protect(value: string | undefined): void;
}

/** Builds the `call` and `hidden` behaviour on top of a raw client. */
export function attachCalls(
  session: Omit<DemoSession, 'call' | 'hidden'>,
  request: (request: PlatformRequest) => Promise<PlatformResponse>,
): DemoSession {
  const full = session as DemoSession;
  full.call = async (spec) => {
    const visible = !full.current.hidden && !spec.quiet;
    if (visible) showRequest(full.terminal, spec.method, spec.path, spec.body, spec.note);
    try {
      const response = await request(spec);
      if (visible)
        showResponse(full.terminal, response.status, response.body, full.current.exchanges.at(-1)?.durationMs ?? 0);
      return response;
    } catch (error) {
      const last = full.current.exchanges.at(-1);
      if (visible && last?.status) showResponse(full.terminal, last.status, last.response?.body, last.durationMs);
      throw error;
    }
  };
  full.hidden = async (kind, title, run) => {
    const outer = full.current;
    const step = createStepRecord(kind, title, outer.moment, true, full.clock());
    full.steps.push(step);
    full.current = step;
    try {
      return await run();
    } catch (error) {
      const failure = error as Partial<DemoStepError> & Error;
      step.status = 'failed';
      step.error = {
        message: failure.message,
        status: failure.status,
        bodyExcerpt: failure.bodyExcerpt,
        hint: failure.hint,
      };
      throw error;
    } finally {
      step.durationMs = full.clock() - step.startMs;
      full.current = outer;
    }
  };
  return full;
}
