import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { redact } from '../lib/redact.ts';
import { DemoInterruptedError } from './errors.ts';
import { createPlatformClient, DEFAULT_REQUEST_TIMEOUT_MS } from './http-client.ts';
import { demoInputsHash } from './plan.ts';
import { createCanvasLog } from './record/canvas-log.ts';
import { createStepRecord, type PlatformInfo, type StepRecord } from '../../core/demo-run-record.ts';
import { writeRecording, type WrittenRecording } from './record/write-recording.ts';
import { createSandbox, type Sandbox } from './sandbox/server.ts';
import { mintTokenText } from './sandbox/tokens.ts';
import { runMoments } from './run-steps.ts';
import type { DemoScript, ScriptStep } from './script/demo-script.ts';
import { attachCalls, type DemoFacts, type DemoSession, type DemoTimings } from './session.ts';
import { cleanUpAfterRun } from './cleanup.ts';
import { createTerminal, paint } from './terminal.ts';
import { DEFAULT_POLL_INTERVAL_MS, DEFAULT_WAIT_TIMEOUT_MS } from './wait-for.ts';
import type { DemoOptions } from './args.ts';

/** Intervals of a normal run: the real heartbeat, a quick state poll, reading pauses between moments. */
export const DEFAULT_TIMINGS: Omit<DemoTimings, 'heartbeatMs'> = {
  statePollMs: 2_000,
  waitTimeoutMs: DEFAULT_WAIT_TIMEOUT_MS,
  requestTimeoutMs: DEFAULT_REQUEST_TIMEOUT_MS,
  pollIntervalMs: DEFAULT_POLL_INTERVAL_MS,
  momentPauseMs: 1_500,
};
/** Intervals of a `--fast` run (tests, rehearsals, the benchmark). */
export const FAST_TIMINGS: DemoTimings = {
  heartbeatMs: 1_000,
  statePollMs: 200,
  waitTimeoutMs: 10_000,
  requestTimeoutMs: 5_000,
  pollIntervalMs: 100,
  momentPauseMs: 0,
};

/** Product facts plus the stand-in's liveness timings, from content/facts.yaml. */
export interface RunFacts extends DemoFacts {
  sweepSeconds: number;
}

/** What the CLI gives the run: where output goes and the Ctrl-C signal. */
export interface DemoIo {
  root: string;
  write(chunk: string): void;
  /** Aborted on SIGINT/SIGTERM; its reason names the signal. */
  interrupt: AbortSignal;
}

/** How the run ended. */
export interface DemoOutcome {
  status: 'passed' | 'failed';
  recording: WrittenRecording;
  platform: PlatformInfo;
  /** The failed step, where the storyboard lists it, and the redacted error. */
  failure?: { kind: string; at: ScriptStep | undefined; message: string; hint: string | undefined };
  visibleSteps: number;
  passedSteps: number;
  durationMs: number;
  /** What the run could not remove: workspaces still on a real platform, and the agent's token folder. */
  leftBehind: { workspaces: string[]; tokenFolder: string | undefined; platformUrl: string };
}

/** The timings for these options: `--fast`, then `--timeout`, over the defaults. */
export function timingsFor(options: DemoOptions, facts: DemoFacts): DemoTimings {
  const base = options.fast ? FAST_TIMINGS : { ...DEFAULT_TIMINGS, heartbeatMs: facts.heartbeatSeconds * 1000 };
  if (options.timeoutMs === undefined) return base;
  return {
    ...base,
    waitTimeoutMs: options.timeoutMs,
    requestTimeoutMs: Math.min(base.requestTimeoutMs, options.timeoutMs),
  };
}

function stripCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString().replace(/\/$/, '');
}

/**
 * Runs the whole demo: starts the platform (the embedded stand-in unless PLATFORM_URL is
 * set), runs each storyboard moment's steps through the dispatch table, stops at the first
 * failure, always cleans up (agent stopped, workspaces deleted unless --keep, stand-in closed),
 * and writes the recording.
 */
export async function runDemo(
  script: DemoScript,
  options: DemoOptions,
  facts: RunFacts,
  io: DemoIo,
): Promise<DemoOutcome> {
  const secrets = new Set<string>();
  const protect = (value: string | undefined) => value && secrets.add(value);
  const controller = new AbortController();
  let activeSignal = controller.signal;
  io.interrupt.addEventListener(
    'abort',
    () => controller.abort(new DemoInterruptedError(String(io.interrupt.reason ?? 'SIGINT'))),
    { once: true },
  );
  const origin = performance.now();
  const clock = () => Math.round(performance.now() - origin);
  const timings = timingsFor(options, facts);
  protect(options.apiKey);
  protect(options.platform.adminToken);
  let sandbox: Sandbox | undefined;
  let platform: DemoSession['platform'];
  if (options.platform.kind === 'embedded') {
    const adminToken = options.platform.adminToken ?? mintTokenText();
    protect(adminToken);
    sandbox = await createSandbox({
      adminToken,
      offlineAfterMs: facts.offlineAfterSeconds * 1000,
      sweepIntervalMs: facts.sweepSeconds * 1000,
    });
    platform = { kind: 'stand-in', url: sandbox.url, embedded: true, adminToken };
  } else {
    platform = {
      kind: 'platform',
      url: stripCredentials(options.platform.url),
      embedded: false,
      adminToken: options.platform.adminToken,
    };
  }
  const terminal = createTerminal(io.write, secrets);
  const steps: StepRecord[] = [];
  const request = createPlatformClient({
    baseUrl: options.platform.kind === 'external' ? options.platform.url : platform.url,
    adminToken: platform.adminToken,
    orgId: options.orgId,
    timeoutMs: timings.requestTimeoutMs,
    isStandIn: () => platform.kind === 'stand-in',
    signal: () => activeSignal,
    record: (exchange) => session.current.exchanges.push(exchange),
    clock,
  });
  const session: DemoSession = attachCalls(
    {
      options,
      timings,
      facts,
      terminal,
      platform,
      secrets,
      steps,
      clock,
      state: { agentExitExpected: false, created: [] },
      events: undefined,
      canvas: createCanvasLog(() => terminal.elapsed(), clock),
      signal: controller.signal,
      current: createStepRecord('setup: start', 'Start', undefined, true, 0),
      protect,
      abort: (reason) => controller.abort(reason),
    },
    request,
  );
  terminal.line(paint.bold(`${script.storyboard.title}`));
  terminal.line(
    paint.dim(`storyboard  ${script.storyboard.file} (${script.moments.length} moments, ${script.steps.length} steps)`),
  );
  terminal.line(
    paint.dim(
      `platform    ${platform.embedded ? `embedded stand-in at ${platform.url}: contract-faithful, not a Molecule deployment` : platform.url}`,
    ),
  );
  terminal.line(paint.dim('agent       this machine, as its own OS process (the "laptop")'));
  let outcome: Awaited<ReturnType<typeof runMoments>>;
  try {
    outcome = await runMoments(session, script);
  } finally {
    // Cleanup must reach the platform even after Ctrl-C aborted the run's own signal.
    activeSignal = new AbortController().signal;
    await cleanUpAfterRun(session);
    await sandbox?.close();
  }
  const { moments } = outcome;
  const tokenFolder =
    session.state.tokenFile && existsSync(dirname(session.state.tokenFile))
      ? dirname(session.state.tokenFile)
      : undefined;
  // The embedded stand-in takes its workspaces with it when it stops; a real platform keeps them.
  const leftBehind = {
    workspaces: platform.embedded ? [] : [...session.state.created],
    tokenFolder,
    platformUrl: platform.url,
  };
  const failure: DemoOutcome['failure'] = outcome.failure && {
    kind: outcome.failure.kind,
    at: outcome.failure.at,
    message: redact(outcome.failure.error.message, secrets),
    hint: outcome.failure.error.hint && redact(outcome.failure.error.hint, secrets),
  };
  const visible = steps.filter((step) => !step.hidden);
  const passed = visible.filter((step) => step.status === 'passed').length;
  const seconds = (clock() / 1000).toFixed(1);
  const where = platform.kind === 'stand-in' ? ' on the stand-in platform (draft recording)' : '';
  terminal.line();
  terminal.line(
    failure
      ? paint.red(
          `✗ demo failed at ${failure.kind}: ${passed} of ${visible.length} steps passed in ${seconds} s${where}`,
        )
      : paint.green(`✓ demo passed: ${passed} of ${visible.length} steps in ${seconds} s${where}`),
  );
  const status = failure ? 'failed' : 'passed';
  const record = {
    storyboard: { id: script.storyboard.id, file: script.storyboard.file, title: script.storyboard.title },
    platform: { kind: platform.kind, url: platform.url, embedded: platform.embedded },
    startedAt: terminal.startedAt.toISOString(),
    durationMs: clock(),
    status,
    options: { fast: options.fast, createWithUrl: options.createWithUrl, keep: options.keep },
    steps,
    moments,
    canvas: session.canvas.toRecord(),
  } as const;
  const recording = await writeRecording(
    io.root,
    options.outDir,
    { ...record, steps, moments },
    terminal,
    secrets,
    demoInputsHash(script.storyboard.text),
  );
  return {
    status,
    recording,
    platform: record.platform,
    failure,
    visibleSteps: visible.length,
    passedSteps: passed,
    durationMs: record.durationMs,
    leftBehind,
  };
}
