// The launch room's last stage on a worker thread: its borrowed bodies put in, then its output rules, with its sources read while Astro builds.
import { setPriority } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Issue } from '../../../core/issue.ts';
import { ALL_CHECKS } from '../all-checks.ts';
import { join } from 'node:path';
import { fillBorrowedBodies, fillBorrowedBodiesEarly, type BorrowReport, type EarlyFills } from './borrowed-bodies.ts';
import { collectSources } from './collect.ts';
import { checkBuiltSite } from './output-checks.ts';
import { countErrors } from './report.ts';
import { createRunState } from './run-checks.ts';

interface StageInput {
  roomStage: { root: string; now: string; external: boolean; checkIds: string[] };
}

/** What the stage did: the fill, then (when the fill had no errors) the launch room's output rules. */
export interface RoomStageReport {
  borrowed: BorrowReport;
  issues: Issue[];
  notes: string[];
  fillMs: number;
}

/** A started stage: `roomBuilt` when the launch room is built first, `run` once both are, or `stop` if they never are. */
export interface RoomStage {
  /**
   * The launch room is built into `internal` (root-relative) while the public site is still being
   * written into `draft` (absolute): the stage fills pages as their public pages appear.
   */
  roomBuilt(dirs: { internal: string; draft: string }): void;
  run(dirs: Record<'public' | 'internal', string>): Promise<RoomStageReport>;
  stop(): Promise<void>;
}

type StageMessage =
  | { kind: 'room-built'; internal: string; draft: string }
  | { kind: 'run'; dirs: Record<'public' | 'internal', string> };

/** The thread's priority on Linux, where it is the thread's own: it reads its sources while Astro builds. */
const STAGE_NICENESS = 10;

/**
 * Starts the launch room's stage on a worker thread, which reads the sources at once (beside the
 * Astro builds, at a lower priority) and then waits. `run` hands it the staged tree: it puts the
 * borrowed bodies in and runs the output rules `checkIds` on the launch room, while the caller
 * checks the public site on its own thread. Aborting stops the thread.
 */
export function startRoomStage(input: {
  root: string;
  now: Date;
  external: boolean;
  checkIds: readonly string[];
  signal?: AbortSignal;
}): RoomStage {
  // The worker knows the rules by id only: a rule it cannot find would go silently unchecked.
  const unknown = input.checkIds.filter((id) => !ALL_CHECKS.some((check) => check.id === id));
  if (unknown.length > 0)
    throw new Error(`the launch-room stage knows no rule ${unknown.join(', ')} (see all-checks.ts)`);
  const roomStage = {
    root: input.root,
    now: input.now.toISOString(),
    external: input.external,
    checkIds: [...input.checkIds],
  };
  const worker = new Worker(new URL(import.meta.url), { workerData: { roomStage } satisfies StageInput });
  const report = new Promise<RoomStageReport>((resolve, reject) => {
    worker.once('message', (answer: RoomStageReport) => resolve(answer));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the launch-room stage stopped (exit ${code}) before it reported`)));
  });
  report.catch(() => undefined);
  const stop = () => worker.terminate().then(() => undefined);
  input.signal?.addEventListener('abort', () => void stop(), { once: true });
  return {
    roomBuilt(dirs) {
      worker.postMessage({ kind: 'room-built', ...dirs } satisfies StageMessage);
    },
    run(dirs) {
      worker.postMessage({ kind: 'run', dirs } satisfies StageMessage);
      return report;
    },
    stop,
  };
}

async function runStage(
  input: StageInput['roomStage'],
  sources: ReturnType<typeof collectSources>,
  dirs: Record<'public' | 'internal', string>,
  early: Promise<EarlyFills> | undefined,
): Promise<RoomStageReport> {
  const started = performance.now();
  const borrowed = await fillBorrowedBodies({ root: input.root, dirs }, await early);
  const fillMs = Math.round(performance.now() - started);
  if (countErrors(borrowed.issues) > 0) return { borrowed, issues: [], notes: [], fillMs };
  const checks = ALL_CHECKS.filter((check) => input.checkIds.includes(check.id));
  const options = { root: input.root, external: input.external };
  const room = await checkBuiltSite(checks, await sources, options, createRunState(), dirs, {}, ['internal']);
  return { borrowed, issues: room.issues, notes: room.notes, fillMs };
}

if (!isMainThread && parentPort && (workerData as Partial<StageInput>)?.roomStage) {
  const port = parentPort;
  const input = (workerData as StageInput).roomStage;
  if (process.platform === 'linux') {
    try {
      setPriority(STAGE_NICENESS);
    } catch {
      // Refused: the stage is the same, only less polite to the builds.
    }
  }
  const sources = collectSources(input.root, { now: new Date(input.now) });
  sources.catch(() => undefined);
  let early: Promise<EarlyFills> | undefined;
  let ran: () => void = () => undefined;
  const running = new Promise<void>((resolve) => (ran = resolve));
  port.on('message', (message: StageMessage) => {
    if (message.kind === 'room-built') {
      early = fillBorrowedBodiesEarly(join(input.root, message.internal), message.draft, running);
      early.catch(() => undefined);
      return;
    }
    ran();
    // An early fill that failed only leaves more to the full one.
    const filled = early?.catch((): EarlyFills => new Map());
    void runStage(input, sources, message.dirs, filled).then((report) => {
      port.postMessage(report);
      port.close();
    });
  });
}
