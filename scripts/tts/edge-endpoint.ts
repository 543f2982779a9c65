// The Edge read-aloud endpoint: host, connection time limits, clock-skew correction and its token.
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { createHash } from 'node:crypto';
import type { ClientRequest, ClientRequestArgs, IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** Host of the public Edge read-aloud service (msedge-tts connects there by default). */
export const EDGE_SERVICE_HOST = 'speech.platform.bing.com';
/** A clock further off than this from the server's `Date` gets corrected (the token uses 5-minute buckets). */
export const CLOCK_SKEW_THRESHOLD_MS = 60_000;
/** Time allowed to open the TCP (and TLS) connection. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** Seconds from the Windows file-time epoch (1601) to the Unix epoch. */
const WINDOWS_EPOCH_OFFSET_S = 11_644_473_600n;

/**
 * The `Sec-MS-GEC` token the service checks: upper-case SHA-256 of the Windows file time
 * (rounded down to 5 minutes, in 100 ns ticks) followed by the trusted client token.
 */
export function computeSecMsGec(nowMs: number, trustedClientToken: string): string {
  const seconds = BigInt(Math.floor(nowMs / 1000)) + WINDOWS_EPOCH_OFFSET_S;
  const ticks = (seconds - (seconds % 300n)) * 10_000_000n;
  return createHash('sha256').update(`${ticks}${trustedClientToken}`).digest('hex').toUpperCase();
}

/** The service's idea of the time, learnt from the `Date` header of a rejected handshake. */
export class EdgeClock {
  skewMs = 0;

  /** Records the server time; returns true when it changed our correction. */
  observe(dateHeader: string | undefined, localNowMs = Date.now()): boolean {
    const server = dateHeader ? Date.parse(dateHeader) : Number.NaN;
    if (Number.isNaN(server)) return false;
    const skew = server - localNowMs;
    const next = Math.abs(skew) > CLOCK_SKEW_THRESHOLD_MS ? skew : 0;
    const changed = next !== this.skewMs;
    this.skewMs = next;
    return changed;
  }

  now(): number {
    return Date.now() + this.skewMs;
  }
}

function parseEndpoint(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`EDGE_TTS_WSS_URL is not a URL: "${value}" (expected ws://host:port/path or wss://…)`);
  }
  if (!['ws:', 'wss:'].includes(url.protocol))
    throw new Error(`EDGE_TTS_WSS_URL must start with ws:// or wss://, got "${url.protocol}//"`);
  return url;
}

type AgentInternals = { addRequest(request: ClientRequest, options: unknown): void };

/**
 * The `agent` msedge-tts passes to its WebSocket (its supported hook for proxies). It
 * - sends the connection to `EDGE_TTS_WSS_URL` when set (ws: or wss:, its host, port and path;
 *   the service's query with the client token is kept), so tests and proxies need no patching;
 * - recomputes `Sec-MS-GEC` from the server's clock once a handshake was rejected with a `Date`
 *   that disagrees with ours (msedge-tts uses the local clock only);
 * - remembers the last HTTP status of a refused handshake, for the error message.
 */
export class EdgeEndpointAgent extends https.Agent {
  readonly endpoint: URL | undefined;
  readonly clock: EdgeClock;
  readonly connectTimeoutMs: number;
  lastStatus: number | undefined;

  constructor(options: { endpoint?: string; clock?: EdgeClock; connectTimeoutMs?: number } = {}) {
    super({ keepAlive: false });
    this.endpoint = options.endpoint ? parseEndpoint(options.endpoint) : undefined;
    this.clock = options.clock ?? new EdgeClock();
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
  }

  /** Host (and port) requests go to, for messages. */
  get target(): string {
    return this.endpoint?.host ?? EDGE_SERVICE_HOST;
  }

  // Node calls addRequest before the request line is written, so the path and Host header
  // can still be changed here (the same hook agent-base and the proxy agents use).
  addRequest(request: ClientRequest, options: unknown): void {
    const url = new URL(request.path, `https://${EDGE_SERVICE_HOST}`);
    const token = url.searchParams.get('TrustedClientToken');
    if (this.clock.skewMs !== 0 && token) url.searchParams.set('Sec-MS-GEC', computeSecMsGec(this.clock.now(), token));
    if (this.endpoint) {
      if (this.endpoint.pathname !== '/') url.pathname = this.endpoint.pathname;
      for (const [key, value] of this.endpoint.searchParams) url.searchParams.set(key, value);
      request.setHeader('Host', this.endpoint.host);
    }
    if (this.endpoint || this.clock.skewMs !== 0) request.path = `${url.pathname}${url.search}`;
    request.once('response', (response: IncomingMessage) => {
      this.lastStatus = response.statusCode;
      this.clock.observe(response.headers.date);
    });
    (https.Agent.prototype as unknown as AgentInternals).addRequest.call(this, request, options);
  }

  createConnection(options: ClientRequestArgs, callback?: (error: Error | null, stream: Duplex) => void): Duplex {
    const endpoint = this.endpoint;
    let socket: net.Socket;
    if (!endpoint) socket = super.createConnection(options, callback) as net.Socket;
    else {
      const host = endpoint.hostname.replace(/^\[|\]$/g, '');
      const port = Number(endpoint.port || (endpoint.protocol === 'wss:' ? 443 : 80));
      socket =
        endpoint.protocol === 'wss:'
          ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host })
          : net.connect({ host, port });
    }
    // Only the connection phase is timed here; a slow synthesis is timed by the caller.
    socket.setTimeout(this.connectTimeoutMs, () => {
      const error = Object.assign(new Error(`connect to ${this.target} timed out after ${this.connectTimeoutMs} ms`), {
        code: 'ETIMEDOUT',
      });
      socket.destroy(error);
    });
    socket.once(endpoint?.protocol === 'ws:' ? 'connect' : 'secureConnect', () => socket.setTimeout(0));
    return socket;
  }
}
