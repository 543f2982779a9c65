// Step canvas: what the canvas sees (workspace online, runtime external, /ws frames).
import { showNote, showRequest, showResponse, compactJson } from '../present.ts';
import { clip, paint } from '../terminal.ts';
import { waitFor } from '../wait-for.ts';
import { PlatformUnreachableError } from '../errors.ts';
import type { EventFrame } from '../sandbox/events.ts';
import type { PlatformResponse } from '../http-client.ts';
import type { DemoSession } from '../session.ts';
import type { StepRunner } from './step-runner.ts';

/** The frames the canvas step shows, in order. */
export const CANVAS_EVENTS = ['WORKSPACE_ONLINE', 'WORKSPACE_HEARTBEAT'] as const;

interface WorkspaceRow {
  name?: string;
  status?: string;
  runtime?: string;
}

async function waitForRemoteRow(session: DemoSession, id: string): Promise<PlatformResponse> {
  const path = `/workspaces/${id}`;
  const row = (response: PlatformResponse | undefined) => response?.body as WorkspaceRow | undefined;
  return waitFor(
    () => session.call({ method: 'GET', path, quiet: true }),
    (response) => row(response)?.status === 'online' && row(response)?.runtime === 'external',
    {
      condition: `GET ${path} status=online runtime=external`,
      timeoutMs: session.timings.waitTimeoutMs,
      intervalMs: session.timings.pollIntervalMs,
      signal: session.signal,
      show: (response, error) =>
        error ? error.message : `status=${row(response)?.status} runtime=${row(response)?.runtime}`,
      hint: 'the agent registered but the platform does not show it online and external: was the workspace created with runtime "external"?',
    },
  );
}

async function waitForFrames(session: DemoSession, id: string): Promise<EventFrame[]> {
  const pick = () =>
    CANVAS_EVENTS.map((event) =>
      session.events?.frames.find((frame) => frame.workspace_id === id && frame.event === event),
    );
  const probe = async () => {
    if (session.events?.lost)
      throw new PlatformUnreachableError(
        `the platform closed the /ws event stream at ${session.platform.url} mid-run`,
        'the platform stopped answering mid-run: check that it is still up, then run the demo again',
      );
    return pick();
  };
  const found = await waitFor(probe, (frames) => frames.every(Boolean), {
    condition: `/ws frames ${CANVAS_EVENTS.join(' and ')} for ${id}`,
    timeoutMs: session.timings.waitTimeoutMs,
    intervalMs: session.timings.pollIntervalMs,
    signal: session.signal,
    show: () =>
      `received ${
        session.events?.frames
          .filter((frame) => frame.workspace_id === id)
          .map((frame) => frame.event)
          .join(', ') || 'no frames for it'
      }`,
  });
  return found as EventFrame[];
}

/**
 * What the canvas sees: the workspace row (online, runtime external: the REMOTE badge) from
 * `GET /workspaces/:id`, and its `WORKSPACE_ONLINE` / `WORKSPACE_HEARTBEAT` frames from `/ws`.
 */
export const canvasStep: StepRunner = {
  async run(session) {
    const id = session.state.workspace!.id;
    const { terminal } = session;
    const response = await waitForRemoteRow(session, id);
    const exchange = session.current.exchanges.at(-1);
    showRequest(terminal, 'GET', `/workspaces/${id}`, undefined, 'what the canvas loads');
    showResponse(terminal, response.status, response.body, exchange?.durationMs ?? 0);
    const row = response.body as WorkspaceRow;
    // The canvas hydrates from the admin list (runtime, parent, current task); kept for the video's canvas view.
    session.canvas.hydrate(
      (await session.call({ method: 'GET', path: '/workspaces', auth: 'admin', quiet: true })).body,
    );
    terminal.line(
      `  canvas: ${paint.bold(row.name ?? id)}  ${paint.green('● online')}  ${paint.magenta(session.facts.badge)}  ${paint.dim(`(runtime "${row.runtime}")`)}`,
    );
    const frames = await waitForFrames(session, id);
    session.current.events.push(...frames);
    terminal.line(`${paint.bold('$')} ${paint.cyan('WS')} /ws${paint.dim("  (the canvas's event stream, no auth)")}`);
    for (const frame of frames)
      terminal.line(clip(`  ${frame.event.padEnd(20)} ${paint.dim(compactJson(frame.payload))}`));
    showNote(
      terminal,
      `a heartbeat every ${session.timings.heartbeatMs / 1000} s keeps it online; after ${session.facts.offlineAfterText} of silence the platform marks it offline`,
    );
  },
};
