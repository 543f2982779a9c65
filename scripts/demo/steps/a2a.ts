// Step a2a: send a task through the platform's A2A proxy as the canvas and as the parent PM.
import { randomUUID } from 'node:crypto';
import { DemoStepError } from '../errors.ts';
import { showNote } from '../present.ts';
import { paint } from '../terminal.ts';
import { WORKSPACE_NAME } from './create-workspace.ts';
import type { DemoSession } from '../session.ts';
import type { StepRunner } from './step-runner.ts';

/** The task both callers send. */
export const DEMO_TASK = 'Research competitor X and sum it up in three bullet points';

interface TextPart {
  kind?: string;
  type?: string;
  text?: string;
}

/** A JSON-RPC `message/send` request with one text part. */
export function messageSend(id: string, text: string): Record<string, unknown> {
  return {
    jsonrpc: '2.0',
    id,
    method: 'message/send',
    params: { message: { role: 'user', messageId: randomUUID(), parts: [{ kind: 'text', text }] } },
  };
}

/** The reply text as the canvas extracts it: `result` as a string, `result.parts[]`, or `result.artifacts[].parts[]`. */
export function replyTextOf(body: unknown): string | undefined {
  const result = (body as { result?: unknown } | undefined)?.result;
  if (typeof result === 'string') return result;
  const record = result as { parts?: TextPart[]; artifacts?: Array<{ parts?: TextPart[] }> } | undefined;
  const parts = [...(record?.parts ?? []), ...(record?.artifacts ?? []).flatMap((artifact) => artifact.parts ?? [])];
  const texts = parts.filter((part) => part.kind === 'text' || part.type === 'text').map((part) => part.text ?? '');
  return texts.length > 0 ? texts.join('\n') : undefined;
}

/** Sends one A2A call; a proxy that cannot reach the agent gets a hint about where the agent must be reachable from. */
async function sendTask(session: DemoSession, request: Parameters<DemoSession['call']>[0]): Promise<unknown> {
  try {
    return (await session.call(request)).body;
  } catch (error) {
    if (!(error instanceof DemoStepError) || (error.status !== 502 && error.status !== 503 && error.status !== 202))
      throw error;
    const hint =
      error.status === 503
        ? 'the workspace has no agent URL: the agent has not registered, or the workspace is paused'
        : error.status === 202
          ? "the proxy queued the task because the agent did not answer in time: check the agent's lines above"
          : 'the platform could not call the agent at its registered URL: unless the platform runs on this machine in development mode, set AGENT_PUBLIC_URL to a tunnel that reaches this machine';
    throw new DemoStepError(error.message, { status: error.status, body: error.bodyExcerpt, hint });
  }
}

function showReply(session: DemoSession, body: unknown): void {
  const text = replyTextOf(body);
  if (text === undefined) {
    throw new DemoStepError("the agent's reply has no text in result.parts, so the canvas would show nothing", {
      body: JSON.stringify(body),
      hint: 'the agent must answer JSON-RPC with result.parts[{kind:"text"}] (contract §6.3)',
    });
  }
  session.terminal.line(paint.dim('  reply, as the canvas shows it:'));
  for (const line of text.split('\n')) session.terminal.line(`    ${paint.green(line)}`);
}

/** The canvas sends a task through the proxy: no `X-Workspace-ID`, so no caller authentication. */
export const a2aCanvasStep: StepRunner = {
  async run(session) {
    const id = session.state.workspace!.id;
    showReply(
      session,
      await sendTask(session, {
        method: 'POST',
        path: `/workspaces/${id}/a2a`,
        body: messageSend('canvas-1', DEMO_TASK),
        expect: [200],
        note: 'as the canvas: no X-Workspace-ID',
      }),
    );
  },
};

/**
 * The parent PM lists its peers, is refused without its token, then sends the task with
 * `X-Workspace-ID` and its own token, which the proxy checks along with the hierarchy.
 */
export const a2aPeerStep: StepRunner = {
  async run(session) {
    const id = session.state.workspace!.id;
    const parent = session.state.parent;
    if (!parent)
      throw new DemoStepError('there is no parent PM workspace to call from', {
        hint: 'the hidden setup of create-workspace creates it; run that step first',
      });
    const caller = { 'X-Workspace-ID': parent.id };
    const credential = parent.token ? { bearer: parent.token } : ('none' as const);
    const peers = await session.call({
      method: 'GET',
      path: `/registry/${parent.id}/peers`,
      auth: credential,
      headers: caller,
      note: 'as pm-agent, with its own token',
    });
    const list = Array.isArray(peers.body) ? (peers.body as Array<{ id?: string; status?: string }>) : [];
    const child = list.find((peer) => peer.id === id);
    if (!child)
      throw new DemoStepError(`pm-agent's peers do not include ${WORKSPACE_NAME} (${id})`, {
        body: JSON.stringify(peers.body),
        hint: 'the workspace must be created with parent_id set to the PM',
      });
    // The storyboard promises a live peer: a workspace that went offline mid-run fails the step, it is not narrated.
    if (child.status !== 'online') {
      throw new DemoStepError(
        `pm-agent sees ${WORKSPACE_NAME} (${id}) with status "${child.status}", expected "online"`,
        {
          body: JSON.stringify(child),
          hint: "the workspace went offline mid-run: its heartbeats stopped reaching the platform (check the agent's lines above and the platform's offline timeout)",
        },
      );
    }
    showNote(session.terminal, `pm-agent sees ${WORKSPACE_NAME} (${child.status}) among its ${list.length} peer(s)`);
    const task = messageSend('pm-1', DEMO_TASK);
    if (parent.token) {
      await session.call({
        method: 'POST',
        path: `/workspaces/${id}/a2a`,
        headers: caller,
        body: task,
        expect: [401],
        note: 'as pm-agent, without its token',
      });
      showNote(session.terminal, 'refused: a workspace caller must prove who it is with its own token');
    }
    showReply(
      session,
      await sendTask(session, {
        method: 'POST',
        path: `/workspaces/${id}/a2a`,
        auth: credential,
        headers: caller,
        body: task,
        expect: [200],
        note: 'as pm-agent, with its token',
      }),
    );
  },
};
