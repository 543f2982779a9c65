// Tests of the remote agent as its own process against the stand-in.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { AGENT_MAIN, cleanEnv, NODE, waitForLine } from './helpers.ts';
import { ADMIN, call, createAwaiting, createWithUrl, startSandbox } from './sandbox/sandbox-helpers.ts';
import type { Sandbox } from '../../scripts/demo/sandbox/server.ts';

let sandbox: Sandbox;
let tokens: string;
const children: ResultPromise[] = [];
beforeEach(async () => {
  sandbox = await startSandbox();
  tokens = mkdtempSync(join(tmpdir(), 'agent-tokens-'));
});
afterEach(async () => {
  for (const child of children.splice(0)) {
    child.kill('SIGKILL');
    await child;
  }
  await sandbox.close();
  rmSync(tokens, { recursive: true, force: true });
});

/** Starts the agent as its own process, as a user would. */
function startAgent(id: string, extraArgs: string[] = [], env: Record<string, string> = {}) {
  const child = execa(
    NODE,
    [
      AGENT_MAIN,
      '--platform-url',
      sandbox.url,
      '--workspace-id',
      id,
      '--name',
      'researcher',
      '--heartbeat',
      '0.2',
      '--state-poll',
      '0.1',
      ...extraArgs,
    ],
    {
      env: cleanEnv({ MOLECULE_TOKEN_DIR: tokens, ...env }),
      extendEnv: false,
      reject: false,
      all: true,
    },
  );
  children.push(child);
  return child;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('the remote agent process', () => {
  test('caches its token 0700/0600, logs secret key names only, answers A2A and exits on pause', async () => {
    const { id, token } = await createAwaiting(sandbox);
    await call(sandbox, 'POST', `/workspaces/${id}/secrets`, {
      bearer: ADMIN,
      body: { key: 'MODEL_API_KEY', value: 'canary-secret-value-77' },
    });
    const agent = startAgent(id, [], { MOLECULE_WORKSPACE_TOKEN: token });
    await waitForLine(agent, /first one accepted/);
    const file = join(tokens, id, '.auth_token');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(tokens, id)).mode & 0o777).toBe(0o700);
    expect(readFileSync(file, 'utf8')).toBe(token);
    const reply = await call(sandbox, 'POST', `/workspaces/${id}/a2a`, {
      body: {
        jsonrpc: '2.0',
        id: 'r1',
        method: 'message/send',
        params: { message: { role: 'user', parts: [{ kind: 'text', text: 'find X' }] } },
      },
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ jsonrpc: '2.0', id: 'r1', result: { kind: 'message', role: 'agent' } });
    expect(reply.body.result.parts[0]).toMatchObject({ kind: 'text' });
    expect(reply.body.result.parts[0].text).toContain('find X');
    await call(sandbox, 'POST', `/workspaces/${id}/pause`, { bearer: ADMIN });
    const result = await agent;
    expect(result.exitCode).toBe(0);
    expect(result.all).toContain('keys=[MODEL_API_KEY]');
    expect(result.all).toContain('stopping: workspace paused');
    expect(result.all).not.toContain('canary-secret-value-77');
    expect(result.all).not.toContain(token);
  });

  test('on restart sends the cached token as Bearer and gets no new one', async () => {
    const port = await freePort();
    const id = await createWithUrl(sandbox, `http://localhost:${port}/a2a`);
    const first = startAgent(id, ['--port', String(port)]);
    await waitForLine(first, /first one accepted/);
    expect(String((await (first.kill('SIGTERM'), first)).all)).toContain('the platform issued a new token');
    const cached = readFileSync(join(tokens, id, '.auth_token'), 'utf8');
    expect(sandbox.store.tokenOwner(cached)).toBe(id);
    const second = startAgent(id, ['--port', String(port)]);
    await waitForLine(second, /first one accepted/);
    expect(sandbox.store.tokenRows()).toHaveLength(1);
    expect(readFileSync(join(tokens, id, '.auth_token'), 'utf8')).toBe(cached);
    await call(sandbox, 'POST', `/workspaces/${id}/pause`, { bearer: ADMIN });
    const result = await second;
    expect(result.exitCode).toBe(0);
    expect(result.all).toContain('sent the cached token as Bearer; no new token issued');
  });

  test('exits cleanly when its workspace is deleted, although /state then answers 401', async () => {
    const { id, token } = await createAwaiting(sandbox);
    const agent = startAgent(id, [], { MOLECULE_WORKSPACE_TOKEN: token });
    await waitForLine(agent, /first one accepted/);
    await call(sandbox, 'DELETE', `/workspaces/${id}`, { bearer: ADMIN });
    const result = await agent;
    expect(result.exitCode).toBe(0);
    expect(result.all).toContain('stopping: workspace deleted');
  });

  test('exits 1 with the port, the flag and a hint when its port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const { id, token } = await createAwaiting(sandbox);
      const result = await startAgent(id, ['--port', String(port)], { MOLECULE_WORKSPACE_TOKEN: token });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        `--port [agent] port ${port} is in use — set AGENT_PORT to a free port, or leave it unset to pick one`,
      );
    } finally {
      blocker.close();
    }
  });

  test('refuses to start without a platform URL or workspace id (exit 2)', async () => {
    const child = execa(NODE, [AGENT_MAIN], { env: cleanEnv(), extendEnv: false, reject: false });
    const result = await child;
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(
      "--platform-url [usage] is required — set --platform-url (or PLATFORM_URL) to the platform's http(s) URL",
    );
    expect(result.stderr).toContain('--workspace-id [usage] is required — set --workspace-id (or WORKSPACE_ID)');
  });
});
