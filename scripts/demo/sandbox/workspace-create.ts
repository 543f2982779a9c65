// The stand-in's POST /workspaces: validation, defaults and the create-time token.
import { checkAdminAuth } from './auth.ts';
import {
  fail,
  json,
  optionalOf,
  readJsonObject,
  UUID_PATTERN,
  type SandboxReply,
  type SandboxRequest,
} from './http.ts';
import type { SandboxContext } from './context.ts';

const FORBIDDEN_NAME_CHARS = /[{}[\]|>*&!\r\n]/;

function hasValidFields(body: Record<string, unknown>): boolean {
  const name = body.name as string;
  if (name.length > 255 || FORBIDDEN_NAME_CHARS.test(name)) return false;
  if (
    !optionalOf(body.runtime, 'string') ||
    /[\r\n]/.test(String(body.runtime ?? '')) ||
    String(body.runtime ?? '').length > 100
  )
    return false;
  if (!optionalOf(body.role, 'string') || String(body.role ?? '').length > 1000) return false;
  if (!optionalOf(body.model, 'string') || String(body.model ?? '').length > 100) return false;
  if (!optionalOf(body.url, 'string') || !optionalOf(body.external, 'boolean')) return false;
  if (body.tier !== undefined && body.tier !== null && !Number.isInteger(body.tier)) return false;
  if (body.max_concurrent_tasks !== undefined && !Number.isInteger(body.max_concurrent_tasks)) return false;
  if (
    body.parent_id !== undefined &&
    body.parent_id !== null &&
    (typeof body.parent_id !== 'string' || !UUID_PATTERN.test(body.parent_id))
  )
    return false;
  if (body.secrets !== undefined && body.secrets !== null) {
    if (typeof body.secrets !== 'object' || Array.isArray(body.secrets)) return false;
    if (!Object.values(body.secrets).every((value) => typeof value === 'string')) return false;
  }
  return true;
}

function connectionBlock(id: string, token: string, platformUrl: string): Record<string, unknown> {
  return {
    workspace_id: id,
    platform_url: platformUrl,
    auth_token: token,
    registry_endpoint: `${platformUrl}/registry/register`,
    heartbeat_endpoint: `${platformUrl}/registry/heartbeat`,
    curl_register_template: `curl -X POST ${platformUrl}/registry/register -H 'Authorization: Bearer <auth_token>' -H 'Content-Type: application/json' -d '{"id":"${id}","url":"https://<your-agent>","agent_card":{"name":"<name>"}}'`,
    python_snippet: `# register ${id} with ${platformUrl}, sending the token above as a Bearer header`,
  };
}

/**
 * `POST /workspaces`: AdminAuth, payload and field validation, then the external branch —
 * with `url` the row goes online at once and no token is minted; without, a token is minted
 * and returned once in `connection.auth_token`.
 */
export function createWorkspace(request: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const denied = checkAdminAuth(request.headers, ctx);
  if (denied) return json(denied.status, denied.body);
  const body = readJsonObject(request);
  if (!body || typeof body.name !== 'string' || body.name === '') return fail(400, 'invalid workspace payload');
  if (!hasValidFields(body)) return fail(400, 'invalid workspace fields');
  const parentId = (body.parent_id as string | null | undefined) ?? null;
  // The real insert hits a foreign key when the parent does not exist.
  if (parentId && !ctx.store.workspaces.has(parentId)) return fail(500, 'failed to create workspace');
  const runtime = (body.runtime as string | undefined) || 'langgraph';
  const tier = (body.tier as number | undefined) || 3;
  const maxTasks = body.max_concurrent_tasks as number | undefined;
  const row = ctx.store.insertWorkspace({
    name: body.name,
    runtime,
    tier,
    parent_id: parentId,
    role: (body.role as string | undefined) || null,
    model: (body.model as string | undefined) || null,
    max_concurrent_tasks: maxTasks && maxTasks > 0 ? maxTasks : 1,
    secrets: new Map(Object.entries((body.secrets as Record<string, string> | undefined) ?? {})),
    updatedAt: ctx.now(),
  });
  ctx.hub.publish('WORKSPACE_PROVISIONING', row.id, { name: row.name, tier: row.tier, runtime: row.runtime });
  const external = runtime === 'external' || body.external === true;
  if (!external) return json(201, { id: row.id, status: row.status });
  const url = body.url as string | undefined;
  if (url) {
    Object.assign(row, { status: 'online', runtime: 'external', url, updatedAt: ctx.now() });
    ctx.hub.publish('WORKSPACE_ONLINE', row.id, { name: row.name, external: true });
    return json(201, { id: row.id, external: true, status: 'online' });
  }
  // Production's enum lacks awaiting_agent, so that UPDATE fails silently: the row keeps
  // status provisioning and the runtime it was inserted with.
  if (!ctx.settings.awaitingAgentBug) Object.assign(row, { status: 'awaiting_agent', runtime: 'external' });
  const token = ctx.store.mintToken(row.id);
  ctx.hub.publish('WORKSPACE_AWAITING_AGENT', row.id, { name: row.name, external: true });
  const platformUrl = ctx.settings.externalPlatformUrl ?? `http://${request.host}`;
  return json(201, {
    id: row.id,
    external: true,
    status: 'awaiting_agent',
    connection: connectionBlock(row.id, token, platformUrl),
  });
}
