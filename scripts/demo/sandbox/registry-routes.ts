// The stand-in's /registry routes: register, heartbeat, agent card and peers.
import { drainOneCall } from './a2a-queue.ts';
import { checkOwnToken } from './auth.ts';
import { canCommunicate, peersOf } from './hierarchy.ts';
import {
  fail,
  json,
  optionalOf,
  readJsonObject,
  UUID_PATTERN,
  type SandboxReply,
  type SandboxRequest,
} from './http.ts';
import { isDialableAgentUrl, isRegistrableAgentUrl } from './url-check.ts';
import { isDevModeFailOpen, type SandboxContext } from './context.ts';

const INVALID_BODY = 'invalid request body';

/**
 * `POST /registry/register`: body, then URL rules, then the bootstrap-aware token gate; the
 * row goes online, `WORKSPACE_ONLINE` is emitted, and a token is returned only if none is live.
 */
export async function registerAgent(request: SandboxRequest, ctx: SandboxContext): Promise<SandboxReply> {
  const body = readJsonObject(request);
  const { id, url, agent_card: card } = body ?? {};
  if (typeof id !== 'string' || !id || typeof url !== 'string' || !url || card === undefined || card === null)
    return fail(400, INVALID_BODY);
  if (
    !(await isRegistrableAgentUrl(url, {
      development: ctx.settings.environment === 'development',
      saas: Boolean(ctx.settings.orgId),
    }))
  ) {
    return fail(400, INVALID_BODY);
  }
  const denied = checkOwnToken(request.headers, id, ctx);
  if (denied) return json(denied.status, denied.body);
  let row = ctx.store.workspaces.get(id);
  if (!row) {
    if (!UUID_PATTERN.test(id)) return fail(500, 'registration failed');
    row = ctx.store.insertWorkspace({ id, name: id, tier: 1 });
  }
  if (row.status !== 'removed') {
    // A stored loopback URL is kept (the platform's own containers are registered that way).
    if (!row.url.startsWith('http://127.0.0.1')) row.url = url;
    Object.assign(row, { agent_card: card, status: 'online', lastHeartbeatAt: ctx.now(), updatedAt: ctx.now() });
  }
  ctx.hub.publish('WORKSPACE_ONLINE', id, { url: row.url || url, agent_card: card });
  if (ctx.store.liveTokenCount(id) > 0) return json(200, { status: 'registered' });
  return json(200, { status: 'registered', auth_token: ctx.store.mintToken(id) });
}

function heartbeatFieldsValid(body: Record<string, unknown>): boolean {
  return (
    optionalOf(body.error_rate, 'number') &&
    optionalOf(body.sample_error, 'string') &&
    optionalOf(body.active_tasks, 'number') &&
    optionalOf(body.uptime_seconds, 'number') &&
    optionalOf(body.current_task, 'string') &&
    optionalOf(body.runtime_state, 'string')
  );
}

/**
 * `POST /registry/heartbeat`: updates the heartbeat columns, applies the status transitions,
 * emits `WORKSPACE_HEARTBEAT` every time, and drains one queued A2A call if there is capacity.
 */
export function recordHeartbeat(request: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const body = readJsonObject(request);
  if (!body || typeof body.workspace_id !== 'string' || !body.workspace_id || !heartbeatFieldsValid(body))
    return fail(400, INVALID_BODY);
  const id = body.workspace_id;
  const denied = checkOwnToken(request.headers, id, ctx);
  if (denied) return json(denied.status, denied.body);
  const activeTasks = (body.active_tasks as number | undefined) ?? 0;
  const uptime = (body.uptime_seconds as number | undefined) ?? 0;
  const row = ctx.store.workspaces.get(id);
  if (row && row.status !== 'removed') {
    const errorRate = (body.error_rate as number | undefined) ?? 0;
    const sampleError = (body.sample_error as string | undefined) ?? '';
    const runtimeState = (body.runtime_state as string | undefined) ?? '';
    const task = (body.current_task as string | undefined) ?? '';
    const taskChanged = task !== row.current_task;
    Object.assign(row, {
      lastHeartbeatAt: ctx.now(),
      last_error_rate: errorRate,
      last_sample_error: sampleError,
      active_tasks: activeTasks,
      uptime_seconds: uptime,
      current_task: task,
    });
    if (taskChanged) ctx.hub.publish('TASK_UPDATED', id, { current_task: task, active_tasks: activeTasks });
    const statusManaged = Boolean(
      (body.runtime_metadata as { capabilities?: Record<string, boolean> } | undefined)?.capabilities?.status_mgmt,
    );
    const transition = (status: typeof row.status, event: string, payload: Record<string, unknown>) => {
      row.status = status;
      row.updatedAt = ctx.now();
      ctx.hub.publish(event, id, payload);
    };
    if (row.status === 'online' && runtimeState === 'wedged')
      transition('degraded', 'WORKSPACE_DEGRADED', { runtime_state: 'wedged', sample_error: sampleError });
    else if (row.status === 'online' && errorRate >= 0.5 && !statusManaged)
      transition('degraded', 'WORKSPACE_DEGRADED', { error_rate: errorRate, sample_error: sampleError });
    else if (row.status === 'degraded' && errorRate < 0.1 && runtimeState === '')
      transition('online', 'WORKSPACE_ONLINE', {});
    else if (row.status === 'offline') transition('online', 'WORKSPACE_ONLINE', {});
    else if (row.status === 'provisioning')
      transition('online', 'WORKSPACE_ONLINE', { recovered_from: 'provisioning' });
  }
  ctx.hub.publish('WORKSPACE_HEARTBEAT', id, { active_tasks: activeTasks, uptime_seconds: uptime });
  if (row && activeTasks < row.max_concurrent_tasks) drainOneCall(id, ctx);
  return json(200, { status: 'ok' });
}

/** `POST /registry/update-card`: replaces the agent card and emits `AGENT_CARD_UPDATED`. */
export function updateCard(request: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const body = readJsonObject(request);
  if (
    !body ||
    typeof body.workspace_id !== 'string' ||
    !body.workspace_id ||
    body.agent_card === undefined ||
    body.agent_card === null
  )
    return fail(400, INVALID_BODY);
  const denied = checkOwnToken(request.headers, body.workspace_id, ctx);
  if (denied) return json(denied.status, denied.body);
  const row = ctx.store.workspaces.get(body.workspace_id);
  if (row) row.agent_card = body.agent_card;
  ctx.hub.publish('AGENT_CARD_UPDATED', body.workspace_id, { agent_card: body.agent_card });
  return json(200, { status: 'updated' });
}

/** `GET /registry/:id/peers`: bootstrap-aware check on the path id; siblings, children, parent. */
export function listPeers(request: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const id = request.params[0]!;
  const denied = isDevModeFailOpen(ctx.settings) ? undefined : checkOwnToken(request.headers, id, ctx);
  if (denied) return json(denied.status, denied.body);
  const row = ctx.store.workspaces.get(id);
  if (!row) return fail(404, 'workspace not found');
  const peers = peersOf(row, ctx.store.workspaces, request.query.get('q') ?? '');
  return json(
    200,
    peers.map((peer) => ({
      id: peer.id,
      name: peer.name,
      role: peer.role || null,
      tier: peer.tier,
      status: peer.status,
      url: peer.url,
      parent_id: peer.parent_id,
      active_tasks: peer.active_tasks,
      agent_card: peer.agent_card ?? null,
    })),
  );
}

/** `GET /registry/discover/:id`: the caller (X-Workspace-ID) resolves one peer's registered URL. */
export async function discoverPeer(request: SandboxRequest, ctx: SandboxContext): Promise<SandboxReply> {
  const caller = request.headers['x-workspace-id'];
  if (typeof caller !== 'string' || !caller) return fail(400, 'X-Workspace-ID header is required');
  const denied = isDevModeFailOpen(ctx.settings) ? undefined : checkOwnToken(request.headers, caller, ctx);
  if (denied) return json(denied.status, denied.body);
  const targetId = request.params[0]!;
  if (!canCommunicate(caller, targetId, ctx.store.workspaces))
    return fail(403, 'not authorized to discover this workspace');
  const target = ctx.store.workspaces.get(targetId);
  if (!target || target.status === 'removed') return fail(404, 'workspace not found');
  if (!target.url) return fail(503, 'workspace not available', { status: target.status });
  if (
    !(await isDialableAgentUrl(target.url, {
      development: ctx.settings.environment === 'development',
      saas: Boolean(ctx.settings.orgId),
    }))
  ) {
    return fail(503, 'workspace URL failed safety check');
  }
  return json(200, { id: target.id, url: target.url, name: target.name });
}

/** `POST /registry/check-access`: whether two workspaces may talk (no auth). */
export function checkAccess(request: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const body = readJsonObject(request);
  if (!body || typeof body.caller_id !== 'string' || typeof body.target_id !== 'string') return fail(400, INVALID_BODY);
  return json(200, { allowed: canCommunicate(body.caller_id, body.target_id, ctx.store.workspaces) });
}
