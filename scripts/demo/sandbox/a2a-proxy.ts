// The stand-in's POST /workspaces/:id/a2a proxy: verbatim relay, error collapse, 502, 202 queued.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { forwardToAgent } from './a2a-forward.ts';
import { enqueueCall } from './a2a-queue.ts';
import { checkCallerToken } from './auth.ts';
import { canCommunicate } from './hierarchy.ts';
import { fail, json, type SandboxReply, type SandboxRequest } from './http.ts';
import { isDialableAgentUrl } from './url-check.ts';
import type { SandboxContext } from './context.ts';

const RESERVED_CALLER_PREFIXES = ['webhook:', 'system:', 'test:', 'channel:'];

function checkCaller(request: SandboxRequest, targetId: string, ctx: SandboxContext): SandboxReply | undefined {
  const caller = request.headers['x-workspace-id'];
  // No caller header is the canvas: the proxy does not authenticate it at all.
  if (typeof caller !== 'string' || caller === '' || caller === targetId) return undefined;
  if (RESERVED_CALLER_PREFIXES.some((prefix) => caller.startsWith(prefix))) return fail(403, 'invalid caller ID');
  const denied = checkCallerToken(request.headers, caller, ctx);
  if (denied) return json(denied.status, denied.body);
  if (!canCommunicate(caller, targetId, ctx.store.workspaces))
    return fail(403, 'access denied: workspaces cannot communicate per hierarchy rules');
  return undefined;
}

function normaliseRpc(raw: Buffer): string | undefined {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return undefined;
  } catch {
    return undefined;
  }
  if (body.jsonrpc === undefined) body = { jsonrpc: '2.0', id: randomUUID(), method: body.method, params: body.params };
  const message = (body.params as { message?: Record<string, unknown> } | undefined)?.message;
  if (message && typeof message === 'object' && message.messageId === undefined) message.messageId = randomUUID();
  return JSON.stringify(body);
}

function collapseError(status: number, body: Buffer): SandboxReply {
  let error = STATUS_CODES[status] ?? 'error';
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { error?: unknown };
    if (typeof parsed.error === 'string') error = parsed.error;
  } catch {
    // A non-JSON error body is replaced by the status text.
  }
  return fail(status, error);
}

/**
 * `POST /workspaces/:id/a2a`: caller checks, URL resolution and SSRF check, JSON-RPC
 * normalisation, then the outbound call. 2xx is relayed verbatim, ≥300 collapsed to
 * `{"error":…}`, a dial failure is 502 and a timeout or reset is queued (202).
 */
export async function proxyA2a(request: SandboxRequest, ctx: SandboxContext): Promise<SandboxReply> {
  const targetId = request.params[0]!;
  const rejected = checkCaller(request, targetId, ctx);
  if (rejected) return rejected;
  const row = ctx.store.workspaces.get(targetId);
  if (!row || row.status === 'removed') return fail(404, 'workspace not found');
  if (!row.url) return fail(503, 'workspace has no URL', { status: row.status });
  const policy = { development: ctx.settings.environment === 'development', saas: Boolean(ctx.settings.orgId) };
  if (!(await isDialableAgentUrl(row.url, policy))) return fail(502, 'workspace URL is not publicly routable');
  const body = normaliseRpc(request.body);
  if (!body) return fail(400, 'invalid JSON');
  const started = ctx.now();
  const outcome = await forwardToAgent(row.url, body, ctx.settings.a2aTimeoutMs);
  const caller = typeof request.headers['x-workspace-id'] === 'string' ? request.headers['x-workspace-id'] : '';
  const method = (JSON.parse(body) as { method?: unknown }).method;
  const logActivity = (status: 'ok' | 'error') =>
    ctx.hub.publish('ACTIVITY_LOGGED', targetId, {
      activity_type: 'a2a_receive',
      method,
      summary: `${String(method)} via A2A proxy`,
      status,
      source_id: caller || null,
      target_id: targetId,
      duration_ms: ctx.now() - started,
    });
  if (outcome.kind === 'unreachable') {
    logActivity('error');
    return fail(502, 'failed to reach workspace agent');
  }
  if (outcome.kind === 'read-failed') {
    logActivity('error');
    return fail(502, 'failed to read agent response', { delivery_confirmed: true });
  }
  if (outcome.kind === 'busy') {
    const { item, depth } = enqueueCall(targetId, body, ctx);
    return json(202, {
      queued: true,
      queue_id: item.id,
      queue_depth: depth,
      message: 'workspace agent busy — request queued, will dispatch when capacity available',
    });
  }
  logActivity(outcome.status < 300 ? 'ok' : 'error');
  if (outcome.status >= 300) return collapseError(outcome.status, outcome.body);
  if (caller) {
    const callerRow = ctx.store.workspaces.get(caller);
    if (callerRow) callerRow.last_outbound_at = new Date(ctx.now()).toISOString();
  } else {
    ctx.hub.publish('A2A_RESPONSE', targetId, {
      response_body: outcome.body.toString('utf8'),
      method,
      duration_ms: ctx.now() - started,
    });
  }
  return {
    status: outcome.status,
    text: outcome.body.toString('utf8'),
    headers: { 'Content-Type': 'application/json' },
  };
}
