// Tests of the stand-in's admin and workspace auth and their contract 401 bodies.
import { afterEach, describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import { ADMIN, call, createAwaiting, startSandbox } from './sandbox-helpers.ts';
import type { Sandbox } from '../../../scripts/demo/sandbox/server.ts';

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('admin auth', () => {
  test.each([
    // No bearer at all once an admin token is configured.
    ['no bearer is refused', undefined, 401, { error: 'admin auth required' }],
    // A bearer that is not the admin token.
    ['a wrong bearer is refused', 'not-the-admin-token', 401, { error: 'invalid admin auth token' }],
    // The admin token itself.
    ['the admin token creates', ADMIN, 201, undefined],
  ])('POST /workspaces with %s', async (_label, bearer, status, body) => {
    sandbox = await startSandbox();
    const answer = await call(sandbox, 'POST', '/workspaces', { bearer, body: { name: 'x', runtime: 'external' } });
    expect(answer.status).toBe(status);
    if (body) expect(answer.body).toEqual(body);
  });

  test('is open on a fresh install without an admin token until the first workspace token exists', async () => {
    sandbox = await startSandbox({ adminToken: undefined, environment: 'production' });
    const first = await call(sandbox, 'POST', '/workspaces', { body: { name: 'first', runtime: 'external' } });
    expect(first.status).toBe(201);
    const second = await call(sandbox, 'POST', '/workspaces', { body: { name: 'second', runtime: 'external' } });
    expect(second).toMatchObject({ status: 401, body: { error: 'admin auth required' } });
    // With no admin token set, any valid workspace token is accepted instead (deprecated tier 3).
    const third = await call(sandbox, 'POST', '/workspaces', {
      bearer: first.body.connection.auth_token,
      body: { name: 'third', runtime: 'external' },
    });
    expect(third.status).toBe(201);
  });

  test('stays open in development mode without an admin token', async () => {
    sandbox = await startSandbox({ adminToken: undefined, environment: 'development' });
    await createAwaiting(sandbox);
    expect((await call(sandbox, 'POST', '/workspaces', { body: { name: 'again', runtime: 'external' } })).status).toBe(
      201,
    );
  });
});

describe('workspace auth and the own-token check', () => {
  test('secrets: admin token writes, only the workspace token reads values once it has one', async () => {
    sandbox = await startSandbox();
    const { id, token } = await createAwaiting(sandbox);
    expect(await call(sandbox, 'POST', `/workspaces/${id}/secrets`, { body: { key: 'K', value: 'v' } })).toMatchObject({
      status: 401,
      body: { error: 'missing workspace auth token' },
    });
    expect(
      await call(sandbox, 'POST', `/workspaces/${id}/secrets`, { bearer: ADMIN, body: { key: 'K', value: 'v' } }),
    ).toMatchObject({ status: 200, body: { status: 'saved', key: 'K' } });
    expect(await call(sandbox, 'GET', `/workspaces/${id}/secrets/values`, { bearer: ADMIN })).toMatchObject({
      status: 401,
      body: { error: 'invalid workspace auth token' },
    });
    expect(await call(sandbox, 'GET', `/workspaces/${id}/secrets/values`)).toMatchObject({
      status: 401,
      body: { error: 'missing workspace auth token' },
    });
    expect(await call(sandbox, 'GET', `/workspaces/${id}/secrets/values`, { bearer: token })).toMatchObject({
      status: 200,
      body: { K: 'v' },
    });
  });

  test("another workspace's token is refused", async () => {
    sandbox = await startSandbox();
    const one = await createAwaiting(sandbox);
    const two = await createAwaiting(sandbox, { name: 'other' });
    expect(await call(sandbox, 'GET', `/workspaces/${one.id}/state`, { bearer: two.token })).toMatchObject({
      status: 401,
      body: { error: 'invalid workspace auth token' },
    });
  });

  test('secrets: a non-UUID id and an incomplete body are refused with the contract bodies', async () => {
    sandbox = await startSandbox();
    const { id } = await createAwaiting(sandbox);
    expect(
      await call(sandbox, 'POST', '/workspaces/NOT-A-UUID/secrets', { bearer: ADMIN, body: { key: 'K', value: 'v' } }),
    ).toMatchObject({ status: 400, body: { error: 'invalid workspace ID' } });
    expect(
      await call(sandbox, 'POST', `/workspaces/${id}/secrets`, { bearer: ADMIN, body: { key: 'K', value: '' } }),
    ).toMatchObject({ status: 400, body: { error: 'invalid request body' } });
  });

  test('state answers 401 to the agent after delete, and the 404 shape to the admin token', async () => {
    sandbox = await startSandbox();
    const { id, token } = await createAwaiting(sandbox);
    expect(await call(sandbox, 'GET', `/workspaces/${id}/state`, { bearer: token })).toMatchObject({
      status: 200,
      body: { workspace_id: id, paused: false, deleted: false },
    });
    expect(await call(sandbox, 'DELETE', `/workspaces/${id}`, { bearer: ADMIN })).toMatchObject({
      status: 200,
      body: { status: 'removed', cascade_deleted: 0 },
    });
    expect(await call(sandbox, 'GET', `/workspaces/${id}/state`, { bearer: token })).toMatchObject({
      status: 401,
      body: { error: 'invalid workspace auth token' },
    });
    expect(await call(sandbox, 'GET', `/workspaces/${id}/state`, { bearer: ADMIN })).toMatchObject({
      status: 404,
      body: { workspace_id: id, status: 'removed', deleted: true },
    });
    expect(await call(sandbox, 'GET', `/workspaces/${id}`)).toMatchObject({ status: 200, body: { status: 'removed' } });
  });

  test('pause shows in state and clears the URL', async () => {
    sandbox = await startSandbox();
    const { id, token } = await createAwaiting(sandbox);
    expect(await call(sandbox, 'POST', `/workspaces/${id}/pause`, { bearer: ADMIN })).toMatchObject({
      status: 200,
      body: { status: 'paused', paused_count: 1 },
    });
    expect(await call(sandbox, 'GET', `/workspaces/${id}/state`, { bearer: token })).toMatchObject({
      status: 200,
      body: { status: 'paused', paused: true, deleted: false },
    });
  });
});

describe('tokens', () => {
  test('are 43 base64url characters, stored only as sha256, shown once at create', async () => {
    sandbox = await startSandbox();
    const { id, token } = await createAwaiting(sandbox);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sandbox.store.tokenOwner(token)).toBe(id);
    const rows = sandbox.store.tokenRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      workspaceId: id,
      hash: createHash('sha256').update(token).digest('hex'),
      prefix: token.slice(0, 8),
    });
    expect(JSON.stringify(rows)).not.toContain(token);
    const read = await call(sandbox, 'GET', `/workspaces/${id}`);
    expect(read.text).not.toContain(token);
  });

  test('POST /workspaces/:id/tokens mints another live token (WorkspaceAuth)', async () => {
    sandbox = await startSandbox();
    const { id, token } = await createAwaiting(sandbox);
    const minted = await call(sandbox, 'POST', `/workspaces/${id}/tokens`, { bearer: token });
    expect(minted.status).toBe(201);
    expect(minted.body).toMatchObject({ workspace_id: id });
    expect(minted.body.auth_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sandbox.store.liveTokenCount(id)).toBe(2);
  });
});

describe('tenant guard and CORS', () => {
  test('a tenant platform answers a bare 404 without the org header, except /health', async () => {
    sandbox = await startSandbox({ orgId: 'org-1' });
    expect((await call(sandbox, 'GET', '/health')).status).toBe(200);
    const guarded = await call(sandbox, 'POST', '/workspaces', {
      bearer: ADMIN,
      body: { name: 'x', runtime: 'external' },
    });
    expect(guarded).toMatchObject({ status: 404, text: '' });
    const allowed = await call(sandbox, 'POST', '/workspaces', {
      bearer: ADMIN,
      body: { name: 'x', runtime: 'external' },
      headers: { 'X-Molecule-Org-Id': 'org-1' },
    });
    expect(allowed.status).toBe(201);
  });

  test('an Origin outside CORS_ORIGINS gets 403 with an empty body', async () => {
    sandbox = await startSandbox();
    expect(await call(sandbox, 'GET', '/health', { headers: { Origin: 'https://evil.example' } })).toMatchObject({
      status: 403,
      text: '',
    });
    expect((await call(sandbox, 'GET', '/health', { headers: { Origin: 'http://localhost:3000' } })).status).toBe(200);
  });
});
