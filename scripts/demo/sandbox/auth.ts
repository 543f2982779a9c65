// The stand-in's auth: admin token, workspace tokens and their contract 401 bodies.
import type { IncomingHttpHeaders } from 'node:http';
import { bearerOf } from './tokens.ts';
import { isDevModeFailOpen, type Denial, type SandboxContext } from './context.ts';

const deny = (error: string): Denial => ({ status: 401, body: { error } });

function bearer(headers: IncomingHttpHeaders): string | undefined {
  return bearerOf(headers.authorization);
}

/**
 * AdminAuth: open while no admin token is set and no workspace token exists, open in dev mode;
 * otherwise the admin token, or (admin token unset) any valid workspace token.
 */
export function checkAdminAuth(headers: IncomingHttpHeaders, ctx: SandboxContext): Denial | undefined {
  const { adminToken } = ctx.settings;
  if (!adminToken && !ctx.store.anyLiveToken()) return undefined;
  if (isDevModeFailOpen(ctx.settings)) return undefined;
  const token = bearer(headers);
  if (!token) return deny('admin auth required');
  if (adminToken) return token === adminToken ? undefined : deny('invalid admin auth token');
  return ctx.store.tokenOwner(token) ? undefined : deny('invalid admin auth token');
}

/**
 * WorkspaceAuth on `/workspaces/:id/*`: the admin token or this workspace's own live token;
 * no bearer passes only in dev mode.
 */
export function checkWorkspaceAuth(
  headers: IncomingHttpHeaders,
  workspaceId: string,
  ctx: SandboxContext,
): Denial | undefined {
  const token = bearer(headers);
  if (!token) return isDevModeFailOpen(ctx.settings) ? undefined : deny('missing workspace auth token');
  if (ctx.settings.adminToken && token === ctx.settings.adminToken) return undefined;
  return ctx.store.tokenOwner(token) === workspaceId ? undefined : deny('invalid workspace auth token');
}

/**
 * The bootstrap-aware check (register, heartbeat, secrets values, state, peers): a workspace
 * with zero live tokens is not checked; otherwise only its own token passes (not the admin token).
 */
export function checkOwnToken(
  headers: IncomingHttpHeaders,
  workspaceId: string,
  ctx: SandboxContext,
): Denial | undefined {
  if (ctx.store.liveTokenCount(workspaceId) === 0) return undefined;
  const token = bearer(headers);
  if (!token) return deny('missing workspace auth token');
  return ctx.store.tokenOwner(token) === workspaceId ? undefined : deny('invalid workspace auth token');
}

/** The A2A proxy's caller check for `X-Workspace-ID: <caller>`: the caller's own token if it has any. */
export function checkCallerToken(
  headers: IncomingHttpHeaders,
  callerId: string,
  ctx: SandboxContext,
): Denial | undefined {
  if (ctx.store.liveTokenCount(callerId) === 0) return undefined;
  const token = bearer(headers);
  if (!token) return deny('missing caller auth token');
  return ctx.store.tokenOwner(token) === callerId ? undefined : deny('invalid caller auth token');
}
