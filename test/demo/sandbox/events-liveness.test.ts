// Tests of the stand-in's /ws frames and the offline sweep.
import { afterEach, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { setTimeout as sleep } from 'node:timers/promises';
import { call, createAwaiting, startSandbox } from './sandbox-helpers.ts';
import { parseFault } from '../../../scripts/demo/sandbox/faults.ts';
import type { Sandbox } from '../../../scripts/demo/sandbox/server.ts';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

function connect(
  url: string,
  origin: string | undefined,
  headers: Record<string, string> = {},
): Promise<{ socket: WebSocket; frames: any[] } | { status: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/ws`, { origin, headers });
    const frames: any[] = [];
    socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
    socket.once('open', () => resolve({ socket, frames }));
    socket.once('unexpected-response', (_request, response) => resolve({ status: response.statusCode ?? 0 }));
  });
}

describe('/ws', () => {
  test('sends a canvas client every frame as {event, workspace_id, timestamp, payload}', async () => {
    sandbox = await startSandbox();
    const client = await connect(sandbox.url, 'http://localhost:3000');
    if (!('socket' in client)) throw new Error(`refused with ${client.status}`);
    const { id } = await createAwaiting(sandbox);
    await sleep(100);
    client.socket.close();
    expect(client.frames.map((frame) => frame.event)).toEqual(['WORKSPACE_PROVISIONING', 'WORKSPACE_AWAITING_AGENT']);
    expect(Object.keys(client.frames[0]).sort()).toEqual(['event', 'payload', 'timestamp', 'workspace_id']);
    expect(client.frames[0]).toMatchObject({
      workspace_id: id,
      payload: { name: 'researcher', tier: 2, runtime: 'external' },
    });
    expect(new Date(client.frames[0].timestamp).toISOString()).toBe(client.frames[0].timestamp);
  });

  test('refuses an Origin outside CORS_ORIGINS, even an empty one', async () => {
    sandbox = await startSandbox();
    expect(await connect(sandbox.url, 'https://evil.example')).toEqual({ status: 403 });
    expect(await connect(sandbox.url, undefined)).toEqual({ status: 403 });
  });

  test('asks an agent client for its own token once it has one', async () => {
    sandbox = await startSandbox();
    const { id, token } = await createAwaiting(sandbox);
    expect(await connect(sandbox.url, 'http://localhost:3000', { 'X-Workspace-ID': id })).toEqual({ status: 401 });
    const ok = await connect(sandbox.url, 'http://localhost:3000', {
      'X-Workspace-ID': id,
      Authorization: `Bearer ${token}`,
    });
    expect('socket' in ok).toBe(true);
    if ('socket' in ok) ok.socket.close();
  });
});

describe('liveness sweep', () => {
  test('turns a silent external workspace offline, and the next heartbeat brings it back', async () => {
    sandbox = await startSandbox({ offlineAfterMs: 150, sweepIntervalMs: 30 });
    const { id, token } = await createAwaiting(sandbox);
    await call(sandbox, 'POST', '/registry/heartbeat', { bearer: token, body: { workspace_id: id } });
    expect(sandbox.store.workspaces.get(id)?.status).toBe('online');
    await sleep(400);
    expect(sandbox.store.workspaces.get(id)?.status).toBe('offline');
    const offline = sandbox.hub.history.find((frame) => frame.event === 'WORKSPACE_OFFLINE');
    expect(offline).toMatchObject({ workspace_id: id, payload: {} });
    await call(sandbox, 'POST', '/registry/heartbeat', { bearer: token, body: { workspace_id: id } });
    expect(sandbox.store.workspaces.get(id)?.status).toBe('online');
  });
});

describe('faults', () => {
  test.each([
    ['POST /workspaces/*/secrets -> 500', 'POST', '/workspaces/abc/secrets', 500],
    ['GET /health -> hang', 'GET', '/health', 'hang'],
    ['post /registry/** -> reset times=1', 'POST', '/registry/register', 'reset'],
  ])('parses %s', (spec, method, path, action) => {
    const fault = parseFault(spec);
    if (typeof fault === 'string') throw new Error(fault);
    expect(fault).toMatchObject({ method, action });
    expect(fault.pattern.test(path)).toBe(true);
  });

  test('explains a spec it cannot read', () => {
    expect(parseFault('POST /x 500')).toBe(
      'bad fault "POST /x 500": expected "METHOD /path -> STATUS|hang|reset [after=N] [times=N]"',
    );
  });

  test('an injected 500 answers with the injected body, then stops after `times`', async () => {
    const fault = parseFault('GET /health -> 500 times=1');
    if (typeof fault === 'string') throw new Error(fault);
    sandbox = await startSandbox({ faults: [fault] });
    expect(await call(sandbox, 'GET', '/health')).toMatchObject({
      status: 500,
      body: { error: 'injected fault (GET /health -> 500 times=1)' },
    });
    expect((await call(sandbox, 'GET', '/health')).status).toBe(200);
  });
});
