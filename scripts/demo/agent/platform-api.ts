// The agent's calls to the platform (register, heartbeat, secrets, state), each reported as an exchange.
import type { AgentConfig } from './agent-config.ts';

/** Per-request time limit, as the SDK uses. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** A platform call that did not answer 2xx, or did not answer at all. */
export class PlatformCallError extends Error {
  readonly status: number | undefined;
  readonly body: string;
  constructor(message: string, status: number | undefined, body: string) {
    super(message);
    this.name = 'PlatformCallError';
    this.status = status;
    this.body = body;
  }
}

/** One call the agent made, as it reports it to a parent process (bodies are redacted by the reporter). */
export interface AgentExchange {
  method: string;
  path: string;
  status: number | null;
  durationMs: number;
  requestBody?: unknown;
  responseBody?: unknown;
  authorized: boolean;
}

/** Receives every call the agent makes (for the runner's transcript). */
export type ExchangeListener = (exchange: AgentExchange) => void;

/** Calls the platform as this agent: tenant header when configured, Bearer when a token is known. */
export async function callPlatform(
  config: Pick<AgentConfig, 'platformUrl' | 'orgId'>,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; onExchange?: ExchangeListener } = {},
): Promise<{ status: number; json: unknown }> {
  const started = Date.now();
  const report = (status: number | null, responseBody?: unknown) =>
    options.onExchange?.({
      method,
      path,
      status,
      durationMs: Date.now() - started,
      requestBody: options.body,
      responseBody,
      authorized: Boolean(options.token),
    });
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (config.orgId) headers['X-Molecule-Org-Id'] = config.orgId;
  let response: Response;
  try {
    response = await fetch(`${config.platformUrl}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
    report(null);
    throw new PlatformCallError(`${method} ${path}: cannot reach ${config.platformUrl} (${cause})`, undefined, '');
  }
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  report(response.status, json ?? (text || undefined));
  if (response.status >= 300)
    throw new PlatformCallError(`${method} ${path} → ${response.status} ${text.slice(0, 200)}`, response.status, text);
  return { status: response.status, json };
}
