// The stand-in platform's HTTP and WebSocket server on loopback.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEventHub, type EventHub } from './events.ts';
import { takeFault, type Fault } from './faults.ts';
import { matchRoute, type SandboxReply } from './http.ts';
import { startLivenessSweep } from './liveness.ts';
import { SANDBOX_ROUTES } from './routes.ts';
import { createSocketHandler } from './socket.ts';
import { createStore, type SandboxStore } from './store.ts';
import type { SandboxContext, SandboxSettings } from './context.ts';

/** Header on every stand-in response, so a recording made on it can say so. */
export const STAND_IN_HEADER = 'x-molecule-stand-in';
/** The platform reads at most this much of a request body. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** The stand-in's defaults: a local install (development) with the platform's real timings. */
export const DEFAULT_SANDBOX_SETTINGS: SandboxSettings = {
  adminToken: undefined,
  environment: 'development',
  orgId: undefined,
  corsOrigins: ['http://localhost:3000', 'http://localhost:3001'],
  offlineAfterMs: 90_000,
  sweepIntervalMs: 15_000,
  a2aTimeoutMs: 300_000,
  awaitingAgentBug: true,
  externalPlatformUrl: undefined,
};

/** One served request, for the stand-in's request log (no bodies, so nothing secret). */
export interface RequestLogEntry {
  method: string;
  path: string;
  status: number | 'hang' | 'reset';
  durationMs: number;
  fault?: string;
}

export interface SandboxOptions extends Partial<SandboxSettings> {
  /** Loopback only unless told otherwise. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  faults?: Fault[];
  onRequest?: (entry: RequestLogEntry) => void;
}

/** A running stand-in platform. */
export interface Sandbox {
  url: string;
  settings: SandboxSettings;
  store: SandboxStore;
  hub: EventHub;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      // Past the limit the platform's reader stops, which leaves a truncated (invalid) body.
      if (size < MAX_BODY_BYTES) chunks.push(chunk.subarray(0, MAX_BODY_BYTES - size));
      size += chunk.length;
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, reply: SandboxReply): void {
  const text = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  const type =
    reply.body === undefined && reply.text === undefined
      ? {}
      : {
          'Content-Type':
            reply.text !== undefined && !reply.headers
              ? 'text/plain; charset=utf-8'
              : 'application/json; charset=utf-8',
        };
  response.writeHead(reply.status, { ...type, ...reply.headers, 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

function isAllowedOrigin(origin: string, host: string, settings: SandboxSettings): boolean {
  return origin === `http://${host}` || origin === `https://${host}` || (settings.corsOrigins ?? []).includes(origin);
}

/**
 * Starts the stand-in platform on loopback: every Phase 30 route with the contract's auth
 * gates, bodies and events, the `/ws` stream and the liveness sweep.
 */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { host = '127.0.0.1', port = 0, faults = [], onRequest, ...overrides } = options;
  const settings: SandboxSettings = {
    ...DEFAULT_SANDBOX_SETTINGS,
    ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
  };
  const ctx: SandboxContext = { store: createStore(), hub: createEventHub(), settings, now: Date.now, queue: [] };
  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const started = Date.now();
    const target = new URL(request.url ?? '/', 'http://sandbox');
    const method = request.method ?? 'GET';
    const hostHeader = request.headers.host ?? `${host}`;
    const log = (status: RequestLogEntry['status'], fault?: string) =>
      onRequest?.({ method, path: target.pathname, status, durationMs: Date.now() - started, fault });
    response.setHeader(STAND_IN_HEADER, 'phase30-launch-kit');
    const body = await readBody(request);
    const origin = request.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, hostHeader, settings))
      return (send(response, { status: 403 }), log(403));
    if (settings.orgId && target.pathname !== '/health' && request.headers['x-molecule-org-id'] !== settings.orgId)
      return (send(response, { status: 404 }), log(404));
    const fault = takeFault(faults, method, target.pathname);
    if (fault?.action === 'hang') return log('hang', fault.spec);
    if (fault?.action === 'reset') return (request.socket.destroy(), log('reset', fault.spec));
    if (typeof fault?.action === 'number') {
      send(response, { status: fault.action, body: { error: `injected fault (${fault.spec})` } });
      return log(fault.action, fault.spec);
    }
    const found = matchRoute(SANDBOX_ROUTES, method, target.pathname);
    if (!found) return (send(response, { status: 404, text: '404 page not found' }), log(404));
    const reply = await found.route.handler(
      {
        method,
        path: target.pathname,
        query: target.searchParams,
        headers: request.headers,
        body,
        params: found.params,
        host: hostHeader,
      },
      ctx,
    );
    send(response, reply);
    log(reply.status);
  };
  const server = createServer((request, response) => {
    handle(request, response).catch((error: Error) => {
      if (!response.headersSent) send(response, { status: 500, body: { error: `stand-in error: ${error.message}` } });
    });
  });
  const sockets = createSocketHandler(ctx);
  server.on('upgrade', (request, socket, head) => {
    const path = new URL(request.url ?? '/', 'http://sandbox').pathname;
    if (path !== '/ws') return socket.destroy();
    if (settings.orgId && request.headers['x-molecule-org-id'] !== settings.orgId)
      return socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
    sockets.handleUpgrade(request, socket, head);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const stopSweep = startLivenessSweep(ctx);
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    settings,
    store: ctx.store,
    hub: ctx.hub,
    async close() {
      stopSweep();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
