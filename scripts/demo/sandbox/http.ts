// The stand-in's request and reply types and route table shape.
import type { IncomingHttpHeaders } from 'node:http';
import type { SandboxContext } from './context.ts';

/** A parsed incoming request as route handlers see it. */
export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Captures of the route pattern, e.g. the workspace id. */
  params: string[];
  /** `Host` header, for the connection block's platform URL. */
  host: string;
}

/** What a handler answers: a JSON body, or raw text (a bare 404 has neither). */
export interface SandboxReply {
  status: number;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
}

/** A handler for one route. */
export type RouteHandler = (request: SandboxRequest, ctx: SandboxContext) => SandboxReply | Promise<SandboxReply>;

/** One route: method, anchored path pattern with capture groups, handler. */
export interface Route {
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
}

/** A lower-case UUID, the only id form the platform's typed handlers accept. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A JSON reply. */
export function json(status: number, body: unknown): SandboxReply {
  return { status, body };
}

/** `{"error": message}` with a status, the platform's usual error shape. */
export function fail(status: number, error: string, extra: Record<string, unknown> = {}): SandboxReply {
  return { status, body: { error, ...extra } };
}

/** The request body as a JSON object, or undefined when it is not one (gin's binding failure). */
export function readJsonObject(request: SandboxRequest): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(request.body.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Finds the route for a method and path; captures become `params`. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: string[] } | undefined {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.pattern.exec(path);
    if (match) return { route, params: match.slice(1).map((part) => decodeURIComponent(part)) };
  }
  return undefined;
}

/** True when a value is absent or of the given JSON type (optional-field checks). */
export function optionalOf(value: unknown, type: 'string' | 'number' | 'boolean'): boolean {
  return value === undefined || value === null || typeof value === type;
}
