// The stand-in's /workspaces routes: list, get, update, delete, secrets and state.
import { checkAdminAuth, checkOwnToken, checkWorkspaceAuth } from './auth.ts';
import { descendantsOf } from './hierarchy.ts';
import { fail, json, readJsonObject, UUID_PATTERN, type SandboxReply, type SandboxRequest } from './http.ts';
import { workspaceJson, type WorkspaceRow } from './store.ts';
import type { Denial, SandboxContext } from './context.ts';

/** The platform refuses to mint more live tokens than this per workspace. */
export const MAX_LIVE_TOKENS = 50;

const denial = (denied: Denial): SandboxReply => json(denied.status, denied.body);

function guarded(request: SandboxRequest, ctx: SandboxContext, ownTokenOnly: boolean): SandboxReply | undefined {
  const id = request.params[0]!;
  const denied =
    checkWorkspaceAuth(request.headers, id, ctx) ??
    (ownTokenOnly ? checkOwnToken(request.headers, id, ctx) : undefined);
  return denied ? denial(denied) : undefined;
}

/** `GET /workspaces` (AdminAuth): every workspace that is not removed. */
export function listWorkspaces(request: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const denied = checkAdminAuth(request.headers, ctx);
  if (denied) return denial(denied);
  const rows = [...ctx.store.workspaces.values()].filter((row) => row.status !== 'removed');
  return json(
    200,
    rows.map((row) => ({
      ...workspaceJson(row),
      current_task: row.current_task,
      last_sample_error: row.last_sample_error,
      workspace_dir: null,
      budget_limit: null,
      monthly_spend: 0,
    })),
  );
}

/** `GET /workspaces/:id`: no auth; removed rows are still returned with their status. */
export function getWorkspace(request: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const id = request.params[0]!;
  if (!UUID_PATTERN.test(id)) return fail(400, 'invalid workspace ID');
  const row = ctx.store.workspaces.get(id);
  return row ? json(200, workspaceJson(row)) : fail(404, 'workspace not found');
}

function removeOne(row: WorkspaceRow, ctx: SandboxContext): void {
  Object.assign(row, { status: 'removed', url: '', updatedAt: ctx.now() });
  ctx.store.revokeTokens(row.id);
}

/** `DELETE /workspaces/:id` (AdminAuth): children need `?confirm=true`; all tokens are revoked. */
export function deleteWorkspace(request: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const denied = checkAdminAuth(request.headers, ctx);
  if (denied) return denial(denied);
  const row = ctx.store.workspaces.get(request.params[0]!);
  if (!row || row.status === 'removed') return fail(404, 'workspace not found');
  const children = descendantsOf(row.id, ctx.store.workspaces)
    .map((id) => ctx.store.workspaces.get(id)!)
    .filter((child) => child.status !== 'removed');
  if (children.length > 0 && request.query.get('confirm') !== 'true') {
    return json(409, {
      status: 'confirmation_required',
      message: `workspace has ${children.length} child workspace(s); repeat with ?confirm=true to delete them too`,
      children: children.map((child) => ({ id: child.id, name: child.name })),
    });
  }
  for (const child of children) {
    removeOne(child, ctx);
    ctx.hub.publish('WORKSPACE_REMOVED', child.id, { cascade_deleted: 0 });
  }
  removeOne(row, ctx);
  ctx.hub.publish('WORKSPACE_REMOVED', row.id, { cascade_deleted: children.length });
  return json(200, { status: 'removed', cascade_deleted: children.length });
}

/** `POST /workspaces/:id/pause` (WorkspaceAuth): pauses it and its descendants, clears the URL. */
export function pauseWorkspace(request: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const rejected = guarded(request, ctx, false);
  if (rejected) return rejected;
  const row = ctx.store.workspaces.get(request.params[0]!);
  if (!row || row.status === 'removed') return fail(404, 'workspace not found');
  const rows = [row, ...descendantsOf(row.id, ctx.store.workspaces).map((id) => ctx.store.workspaces.get(id)!)].filter(
    (candidate) => candidate.status !== 'removed',
  );
  for (const target of rows) {
    Object.assign(target, { status: 'paused', url: '', updatedAt: ctx.now() });
    ctx.hub.publish('WORKSPACE_PAUSED', target.id, { name: target.name });
  }
  return json(200, { status: 'paused', paused_count: rows.length });
}

/** `POST|PUT /workspaces/:id/secrets` (WorkspaceAuth): upserts one key; no event. */
export function saveSecret(request: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const rejected = guarded(request, ctx, false);
  if (rejected) return rejected;
  const id = request.params[0]!;
  if (!UUID_PATTERN.test(id)) return fail(400, 'invalid workspace ID');
  const body = readJsonObject(request);
  if (!body || typeof body.key !== 'string' || !body.key || typeof body.value !== 'string' || !body.value)
    return fail(400, 'invalid request body');
  const row = ctx.store.workspaces.get(id);
  if (!row) return fail(500, 'failed to save secret');
  row.secrets.set(body.key, body.value);
  return json(200, { status: 'saved', key: body.key });
}

/** `GET /workspaces/:id/secrets/values`: WorkspaceAuth, then own token only once the workspace has one. */
export function secretValues(request: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const rejected = guarded(request, ctx, true);
  if (rejected) return rejected;
  const row = ctx.store.workspaces.get(request.params[0]!);
  return json(200, Object.fromEntries(row?.secrets ?? []));
}

/**
 * `GET /workspaces/:id/state`: 200 with `paused`, or 404 shapes for missing and removed rows.
 * An agent's own token is revoked by delete, so the agent sees 401 there, not the 404.
 */
export function workspaceState(request: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const rejected = guarded(request, ctx, true);
  if (rejected) return rejected;
  const id = request.params[0]!;
  const row = ctx.store.workspaces.get(id);
  if (!row) return json(404, { workspace_id: id, deleted: true });
  if (row.status === 'removed') return json(404, { workspace_id: id, status: 'removed', deleted: true });
  return json(200, { workspace_id: id, status: row.status, paused: row.status === 'paused', deleted: false });
}

/** `POST /workspaces/:id/tokens` (WorkspaceAuth): mints one more token, at most 50 live. */
export function mintWorkspaceToken(request: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const rejected = guarded(request, ctx, false);
  if (rejected) return rejected;
  const row = ctx.store.workspaces.get(request.params[0]!);
  if (!row || row.status === 'removed') return fail(404, 'workspace not found');
  if (ctx.store.liveTokenCount(row.id) >= MAX_LIVE_TOKENS) return fail(429, 'too many active tokens');
  const token = ctx.store.mintToken(row.id);
  return json(201, { auth_token: token, workspace_id: row.id, message: 'store this token now; it is shown only once' });
}
