// Tests of the stand-in's A2A proxy against real agent endpoints on loopback.
import { afterEach, describe, expect, test } from 'vitest';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ADMIN, call, createAwaiting, createWithUrl, startSandbox } from './sandbox-helpers.ts';
import type { Sandbox } from '../../../scripts/demo/sandbox/server.ts';

let sandbox: Sandbox | undefined;
let agent: Server | undefined;
afterEach(async () => {
  await sandbox?.close();
  agent?.closeAllConnections();
  agent?.close();
  sandbox = undefined;
  agent = undefined;
});

interface Seen {
  headers: Record<string, unknown>;
  body: any;
}

/** A real agent endpoint on loopback that answers with `respond` and remembers what it got. */
async function startAgent(respond: (response: ServerResponse) => void): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  agent = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ headers: request.headers, body: JSON.parse(Buffer.concat(chunks).toString() || 'null') });
      respond(response);
    });
  });
  await new Promise<void>((resolve) => agent!.listen(0, '127.0.0.1', resolve));
  return { url: `http://localhost:${(agent.address() as AddressInfo).port}/a2a`, seen };
}

const send = { method: 'message/send', params: { message: { role: 'user', parts: [{ kind: 'text', text: 'hi' }] } } };

describe('POST /workspaces/:id/a2a', () => {
  test('relays a 2xx verbatim and forwards only Content-Type, with the body normalised to JSON-RPC', async () => {
    sandbox = await startSandbox();
    const reply = '{"jsonrpc":"2.0","id":"x","result":{"parts":[{"kind":"text","text":"hello"}]},"extra":true}';
    const { url, seen } = await startAgent((response) =>
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(reply),
    );
    const id = await createWithUrl(sandbox, url);
    const answer = await call(sandbox, 'POST', `/workspaces/${id}/a2a`, { body: send, bearer: ADMIN });
    expect(answer.status).toBe(200);
    expect(answer.text).toBe(reply);
    expect(seen[0]!.headers.authorization).toBeUndefined();
    expect(seen[0]!.headers['content-type']).toBe('application/json');
    expect(seen[0]!.body).toMatchObject({
      jsonrpc: '2.0',
      method: 'message/send',
      params: { message: { role: 'user' } },
    });
    expect(seen[0]!.body.params.message.messageId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('collapses an agent error to {"error": …} with the same status', async () => {
    sandbox = await startSandbox();
    const { url } = await startAgent((response) =>
      response
        .writeHead(418, { 'Content-Type': 'application/json' })
        .end('{"error":"teapot says no","detail":"hidden"}'),
    );
    const id = await createWithUrl(sandbox, url);
    expect(await call(sandbox, 'POST', `/workspaces/${id}/a2a`, { body: send })).toMatchObject({
      status: 418,
      body: { error: 'teapot says no' },
    });
  });

  test('answers 502 when nothing listens at the agent URL', async () => {
    sandbox = await startSandbox();
    const { url } = await startAgent(() => undefined);
    agent!.close();
    const id = await createWithUrl(sandbox, url);
    expect(await call(sandbox, 'POST', `/workspaces/${id}/a2a`, { body: send })).toMatchObject({
      status: 502,
      body: { error: 'failed to reach workspace agent' },
    });
  });

  test('queues the call (202) when the agent does not answer in time', async () => {
    sandbox = await startSandbox({ a2aTimeoutMs: 200 });
    const { url } = await startAgent(() => undefined);
    const id = await createWithUrl(sandbox, url);
    const answer = await call(sandbox, 'POST', `/workspaces/${id}/a2a`, { body: send });
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ queued: true, queue_depth: 1 });
  });

  test('refuses loopback agents in production (SSRF check) with 502 not publicly routable', async () => {
    sandbox = await startSandbox({ environment: 'production' });
    const { url } = await startAgent((response) => response.end('{}'));
    const id = await createWithUrl(sandbox, url);
    expect(await call(sandbox, 'POST', `/workspaces/${id}/a2a`, { body: send })).toMatchObject({
      status: 502,
      body: { error: 'workspace URL is not publicly routable' },
    });
  });

  test('checks a workspace caller: its own token, then the hierarchy', async () => {
    sandbox = await startSandbox();
    const { url } = await startAgent((response) => response.writeHead(200).end('{"jsonrpc":"2.0","id":1,"result":{}}'));
    const parent = await createAwaiting(sandbox, { name: 'pm-agent' });
    const outsider = await createAwaiting(sandbox, { name: 'outsider', parent_id: parent.id });
    const target = await createWithUrl(sandbox, url, { parent_id: parent.id });
    const stranger = await createAwaiting(sandbox, { name: 'stranger', parent_id: outsider.id });
    const as = (caller: string, bearer?: string) =>
      call(sandbox!, 'POST', `/workspaces/${target}/a2a`, {
        body: send,
        bearer,
        headers: { 'X-Workspace-ID': caller },
      });
    expect(await as(parent.id)).toMatchObject({ status: 401, body: { error: 'missing caller auth token' } });
    expect(await as(parent.id, outsider.token)).toMatchObject({
      status: 401,
      body: { error: 'invalid caller auth token' },
    });
    expect((await as(parent.id, parent.token)).status).toBe(200);
    // A sibling's child (a nephew) may not call.
    expect(await as(stranger.id, stranger.token)).toMatchObject({
      status: 403,
      body: { error: 'access denied: workspaces cannot communicate per hierarchy rules' },
    });
    expect(await as('system:cron')).toMatchObject({ status: 403, body: { error: 'invalid caller ID' } });
  });

  test('answers 503 for a workspace that has no URL yet, and 400 for a body that is not JSON', async () => {
    sandbox = await startSandbox();
    const { id } = await createAwaiting(sandbox);
    expect(await call(sandbox, 'POST', `/workspaces/${id}/a2a`, { body: send })).toMatchObject({
      status: 503,
      body: { error: 'workspace has no URL' },
    });
    const { url } = await startAgent((response) => response.end('{}'));
    const online = await createWithUrl(sandbox, url);
    expect(await call(sandbox, 'POST', `/workspaces/${online}/a2a`, { raw: '{not json' })).toMatchObject({
      status: 400,
      body: { error: 'invalid JSON' },
    });
  });
});
