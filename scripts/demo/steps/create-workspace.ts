// Step create-workspace: the external workspace (and its hidden parent PM workspace).
import { createServer } from 'node:net';
import { connectEvents } from '../events-client.ts';
import { DemoStepError } from '../errors.ts';
import { showNote } from '../present.ts';
import { A2A_PATH } from '../agent/agent-config.ts';
import type { DemoSession } from '../session.ts';
import type { StepRunner } from './step-runner.ts';

/** Name of the workspace the agent becomes. */
export const WORKSPACE_NAME = 'researcher';
/** Name of the parent PM workspace the hidden setup creates. */
export const PARENT_NAME = 'pm-agent';
/** Tier the demo asks for (the platform defaults to 3 when it is omitted). */
export const WORKSPACE_TIER = 2;

interface CreateResponse {
  id?: string;
  status?: string;
  connection?: { auth_token?: string };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function createExternal(
  session: DemoSession,
  body: Record<string, unknown>,
  note?: string,
): Promise<CreateResponse> {
  const response = await session.call({ method: 'POST', path: '/workspaces', auth: 'admin', body, note });
  const created = response.body as CreateResponse;
  if (typeof created?.id !== 'string')
    throw new DemoStepError('POST /workspaces answered without an "id"', {
      status: response.status,
      body: JSON.stringify(created),
      hint: "the platform's create response does not match the contract",
    });
  session.state.created.push(created.id);
  session.protect(created.connection?.auth_token);
  return created;
}

async function agentUrlFor(session: DemoSession): Promise<string> {
  if (session.options.agentPublicUrl) return session.options.agentPublicUrl;
  const port = session.options.agentPort ?? (await freePort());
  return `http://localhost:${port}${A2A_PATH}`;
}

/**
 * Creates the external workspace under the parent PM. Without a URL the token comes back
 * once, in `connection.auth_token`, and the agent must present it at register; with the
 * agent's URL the row is online at once and register issues the token.
 */
export const createWorkspaceStep: StepRunner = {
  async setup(session) {
    await session.hidden('setup: event stream', 'Connect to /ws as the canvas', async () => {
      const startMs = session.clock();
      const headers = { Origin: session.options.canvasOrigin, Upgrade: 'websocket' };
      try {
        session.events = await connectEvents(session.platform.url, {
          origin: session.options.canvasOrigin,
          orgId: session.options.orgId,
          timeoutMs: session.timings.requestTimeoutMs,
        });
        session.canvas.attach(session.events);
        session.current.exchanges.push({
          method: 'GET',
          path: '/ws',
          status: 101,
          durationMs: session.clock() - startMs,
          startMs,
          request: { headers },
        });
      } catch (error) {
        const status = (error as DemoStepError).status ?? null;
        session.current.exchanges.push({
          method: 'GET',
          path: '/ws',
          status,
          durationMs: session.clock() - startMs,
          startMs,
          request: { headers },
          error: (error as Error).message,
        });
        throw error;
      }
    });
    await session.hidden('setup: parent PM workspace', 'Create the parent PM workspace', async () => {
      const parent = await createExternal(session, {
        name: PARENT_NAME,
        runtime: 'external',
        tier: WORKSPACE_TIER,
        role: 'project manager',
      });
      session.state.parent = { id: parent.id!, token: parent.connection?.auth_token || undefined };
    });
  },
  async run(session) {
    const body: Record<string, unknown> = {
      name: WORKSPACE_NAME,
      runtime: 'external',
      tier: WORKSPACE_TIER,
      parent_id: session.state.parent?.id ?? null,
    };
    const agentUrl = session.options.createWithUrl ? await agentUrlFor(session) : undefined;
    if (agentUrl) body.url = agentUrl;
    const created = await createExternal(session, body, 'admin token');
    const token = created.connection?.auth_token || undefined;
    session.state.workspace = { id: created.id!, createTimeToken: token, agentUrl };
    if (agentUrl)
      showNote(
        session.terminal,
        `created with the agent's URL: status ${created.status}, no token yet — the first register issues it`,
      );
    else if (token)
      showNote(
        session.terminal,
        'created without a URL: the token came back once, in connection.auth_token —\nit goes to the agent through its environment and is never printed',
      );
    else
      throw new DemoStepError('the create response has no connection.auth_token, so the agent could never register', {
        hint: 'the platform failed to mint a token; create the workspace with a URL instead (--create-with-url)',
      });
  },
};
