// Test helpers for the stand-in: start one and call its routes.
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../scripts/demo/sandbox/server.ts';

/** The admin token the tests' stand-ins are started with. */
export const ADMIN = 'test-admin-token-0123456789';

/** A response as the tests look at it. */
export interface Answer {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

/** Starts a stand-in in this process (tests close it). */
export function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return createSandbox({ adminToken: ADMIN, ...options });
}

/** Calls a stand-in: `bearer` sets Authorization, `headers` adds any other header. */
export async function call(
  sandbox: Sandbox,
  method: string,
  path: string,
  options: { bearer?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.bearer) headers.Authorization = `Bearer ${options.bearer}`;
  if (options.body !== undefined || options.raw !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${sandbox.url}${path}`, {
    method,
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: response.status, body, text, headers: response.headers };
}

/** Creates an external workspace without a URL; returns its id and the one-time token. */
export async function createAwaiting(
  sandbox: Sandbox,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; token: string }> {
  const answer = await call(sandbox, 'POST', '/workspaces', {
    bearer: ADMIN,
    body: { name: 'researcher', runtime: 'external', tier: 2, ...extra },
  });
  if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${answer.text}`);
  return { id: answer.body.id, token: answer.body.connection.auth_token };
}

/** Creates an external workspace with a URL (online at once, no token yet); returns its id. */
export async function createWithUrl(
  sandbox: Sandbox,
  url: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const answer = await call(sandbox, 'POST', '/workspaces', {
    bearer: ADMIN,
    body: { name: 'researcher', runtime: 'external', url, ...extra },
  });
  if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${answer.text}`);
  return answer.body.id;
}
