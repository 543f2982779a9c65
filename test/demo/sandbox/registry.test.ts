// Tests of the stand-in's /registry routes: register, heartbeat, card and peers.
import { afterEach, describe, expect, test } from 'vitest';
import { ADMIN, call, createAwaiting, createWithUrl, startSandbox } from './sandbox-helpers.ts';
import type { Sandbox } from '../../../scripts/demo/sandbox/server.ts';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

const card = { name: 'researcher' };

describe('POST /registry/register', () => {
  test.each([
    // Missing agent_card.
    [{ id: '00000000-0000-4000-8000-000000000001', url: 'http://localhost:9/a2a' }],
    // The SDK's placeholder URL fails the scheme check.
    [{ id: '00000000-0000-4000-8000-000000000001', url: 'remote://no-inbound', agent_card: card }],
    // 127.x literals are always refused (localhost by name is allowed).
    [{ id: '00000000-0000-4000-8000-000000000001', url: 'http://127.0.0.1:9/a2a', agent_card: card }],
    // Link-local (cloud metadata) is always refused.
    [{ id: '00000000-0000-4000-8000-000000000001', url: 'http://169.254.169.254/', agent_card: card }],
    // RFC 1918 is refused outside SaaS mode.
    [{ id: '00000000-0000-4000-8000-000000000001', url: 'http://10.0.0.5/a2a', agent_card: card }],
  ])('refuses %j with 400 invalid request body', async (body) => {
    sandbox = await startSandbox();
    expect(await call(sandbox, 'POST', '/registry/register', { body })).toMatchObject({
      status: 400,
      body: { error: 'invalid request body' },
    });
  });

  test('after a create with url: first register needs no bearer and issues the only token', async () => {
    sandbox = await startSandbox();
    const id = await createWithUrl(sandbox, 'http://localhost:9/a2a');
    const first = await call(sandbox, 'POST', '/registry/register', {
      body: { id, url: 'http://localhost:9/a2a', agent_card: card },
    });
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('registered');
    expect(first.body.auth_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Once a token is live the gate is closed: no bearer is refused, the right bearer gets no new token.
    expect(
      await call(sandbox, 'POST', '/registry/register', {
        body: { id, url: 'http://localhost:9/a2a', agent_card: card },
      }),
    ).toMatchObject({ status: 401, body: { error: 'missing workspace auth token' } });
    const again = await call(sandbox, 'POST', '/registry/register', {
      bearer: first.body.auth_token,
      body: { id, url: 'http://localhost:9/a2a', agent_card: card },
    });
    expect(again).toMatchObject({ status: 200, body: { status: 'registered' } });
    expect(again.body.auth_token).toBeUndefined();
  });

  test('after a create without url: register must carry the create-time token and gets none back', async () => {
    sandbox = await startSandbox();
    const { id, token } = await createAwaiting(sandbox);
    expect(
      await call(sandbox, 'POST', '/registry/register', {
        body: { id, url: 'http://localhost:9/a2a', agent_card: card },
      }),
    ).toMatchObject({ status: 401, body: { error: 'missing workspace auth token' } });
    expect(
      await call(sandbox, 'POST', '/registry/register', {
        bearer: ADMIN,
        body: { id, url: 'http://localhost:9/a2a', agent_card: card },
      }),
    ).toMatchObject({ status: 401, body: { error: 'invalid workspace auth token' } });
    const ok = await call(sandbox, 'POST', '/registry/register', {
      bearer: token,
      body: { id, url: 'http://localhost:9/a2a', agent_card: card },
    });
    expect(ok.body).toEqual({ status: 'registered' });
    expect(await call(sandbox, 'GET', `/workspaces/${id}`)).toMatchObject({
      body: { status: 'online', runtime: 'external', url: 'http://localhost:9/a2a' },
    });
  });

  test('reproduces the enum bug by default: the create says awaiting_agent, the row says provisioning', async () => {
    sandbox = await startSandbox();
    const created = await call(sandbox, 'POST', '/workspaces', {
      bearer: ADMIN,
      body: { name: 'x', runtime: 'external' },
    });
    expect(created.body.status).toBe('awaiting_agent');
    expect((await call(sandbox, 'GET', `/workspaces/${created.body.id}`)).body.status).toBe('provisioning');
    await sandbox.close();
    sandbox = await startSandbox({ awaitingAgentBug: false });
    const fixed = await call(sandbox, 'POST', '/workspaces', {
      bearer: ADMIN,
      body: { name: 'x', runtime: 'external' },
    });
    expect((await call(sandbox, 'GET', `/workspaces/${fixed.body.id}`)).body.status).toBe('awaiting_agent');
  });

  test('create validates the payload and the fields with the contract bodies', async () => {
    sandbox = await startSandbox();
    expect(await call(sandbox, 'POST', '/workspaces', { bearer: ADMIN, body: { runtime: 'external' } })).toMatchObject({
      status: 400,
      body: { error: 'invalid workspace payload' },
    });
    expect(
      await call(sandbox, 'POST', '/workspaces', { bearer: ADMIN, body: { name: 'bad{name}', runtime: 'external' } }),
    ).toMatchObject({ status: 400, body: { error: 'invalid workspace fields' } });
    const defaults = await call(sandbox, 'POST', '/workspaces', {
      bearer: ADMIN,
      body: { name: 'tierless', runtime: 'external', url: 'http://localhost:9' },
    });
    expect((await call(sandbox, 'GET', `/workspaces/${defaults.body.id}`)).body.tier).toBe(3);
  });
});

describe('POST /registry/heartbeat', () => {
  test('moves provisioning to online with recovered_from, and emits WORKSPACE_HEARTBEAT every time', async () => {
    sandbox = await startSandbox();
    const { id, token } = await createAwaiting(sandbox);
    const beat = (body: Record<string, unknown> = {}) =>
      call(sandbox!, 'POST', '/registry/heartbeat', { bearer: token, body: { workspace_id: id, ...body } });
    expect(await beat()).toMatchObject({ status: 200, body: { status: 'ok' } });
    await beat();
    const events = sandbox.hub.history.filter((frame) => frame.workspace_id === id).map((frame) => frame.event);
    expect(events).toEqual([
      'WORKSPACE_PROVISIONING',
      'WORKSPACE_AWAITING_AGENT',
      'WORKSPACE_ONLINE',
      'WORKSPACE_HEARTBEAT',
      'WORKSPACE_HEARTBEAT',
    ]);
    expect(sandbox.hub.history.find((frame) => frame.event === 'WORKSPACE_ONLINE')?.payload).toEqual({
      recovered_from: 'provisioning',
    });
  });

  test('degrades at error_rate 0.5, recovers below 0.1, and reports a task change', async () => {
    sandbox = await startSandbox();
    const { id, token } = await createAwaiting(sandbox);
    const beat = (body: Record<string, unknown>) =>
      call(sandbox!, 'POST', '/registry/heartbeat', { bearer: token, body: { workspace_id: id, ...body } });
    await beat({});
    await beat({ error_rate: 0.5, sample_error: 'boom' });
    expect(sandbox.store.workspaces.get(id)?.status).toBe('degraded');
    await beat({ error_rate: 0.05, current_task: 'researching' });
    expect(sandbox.store.workspaces.get(id)?.status).toBe('online');
    const events = sandbox.hub.history.filter((frame) => frame.workspace_id === id).map((frame) => frame.event);
    expect(events).toContain('WORKSPACE_DEGRADED');
    expect(events).toContain('TASK_UPDATED');
  });

  test('refuses a missing workspace_id and a wrong bearer with the contract bodies', async () => {
    sandbox = await startSandbox();
    const { id } = await createAwaiting(sandbox);
    expect(await call(sandbox, 'POST', '/registry/heartbeat', { body: {} })).toMatchObject({
      status: 400,
      body: { error: 'invalid request body' },
    });
    expect(
      await call(sandbox, 'POST', '/registry/heartbeat', { bearer: 'x'.repeat(43), body: { workspace_id: id } }),
    ).toMatchObject({ status: 401, body: { error: 'invalid workspace auth token' } });
  });
});

describe('GET /registry/:id/peers', () => {
  test('lists siblings, children and parent; needs the own token once one exists', async () => {
    sandbox = await startSandbox();
    const parent = await createAwaiting(sandbox, { name: 'pm-agent' });
    const child = await createAwaiting(sandbox, { name: 'researcher', parent_id: parent.id });
    expect(await call(sandbox, 'GET', `/registry/${parent.id}/peers`, { bearer: ADMIN })).toMatchObject({
      status: 401,
      body: { error: 'invalid workspace auth token' },
    });
    const peers = await call(sandbox, 'GET', `/registry/${parent.id}/peers`, { bearer: parent.token });
    expect(peers.status).toBe(200);
    expect(peers.body.map((peer: { name: string }) => peer.name)).toEqual(['researcher']);
    const childPeers = await call(sandbox, 'GET', `/registry/${child.id}/peers`, { bearer: child.token });
    expect(childPeers.body.map((peer: { name: string }) => peer.name)).toEqual(['pm-agent']);
  });
});
