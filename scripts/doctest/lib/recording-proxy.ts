// A loopback HTTP proxy in front of the platform: the page's PLATFORM_URL points here, so every call a block makes is recorded for it.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call a block made, as the platform answered it. */
export interface Exchange {
  /** Line of the block whose PLATFORM_URL made the call (0 when unknown). */
  block: number;
  method: string;
  /** Path on the platform (the block prefix removed). */
  path: string;
  status: number | null;
  /** Response text (at most {@link MAX_KEPT_BYTES}); the error when the platform did not answer. */
  body: string;
  /** False while the call is still in flight (a background loop cut off by the page's end). */
  done: boolean;
}

/** A running proxy. */
export interface RecordingProxy {
  /** Base URL for the block at `line`: calls to it are recorded under that line. */
  urlFor(line: number): string;
  exchanges: Exchange[];
  /** Workspaces created through the proxy and not deleted yet (for the page's teardown). */
  created: Set<string>;
  /** Token values seen in requests and answers, for redaction. */
  secrets: Set<string>;
  close(): Promise<void>;
}

const MAX_KEPT_BYTES = 64 * 1024;
const PREFIX = /^\/doctest-block-(\d+)(\/.*|$)/;
const HOP_HEADERS = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding', 'upgrade']);

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function learnTokens(text: string, into: Set<string>): void {
  for (const match of text.matchAll(/"auth_token"\s*:\s*"([^"]{8,})"/g)) into.add(match[1]!);
}

/**
 * Starts the proxy on 127.0.0.1 in front of `target` (the stand-in or a real platform). It adds
 * `X-Molecule-Org-Id` when `orgId` is set, and notes created and deleted workspaces.
 */
export async function startRecordingProxy(target: string, options: { orgId?: string } = {}): Promise<RecordingProxy> {
  const exchanges: Exchange[] = [];
  const created = new Set<string>();
  const secrets = new Set<string>();
  let port = 0;
  const server = createServer((request, response) => {
    void (async () => {
      const match = PREFIX.exec(request.url ?? '/');
      const block = match ? Number(match[1]) : 0;
      const path = match ? match[2] || '/' : (request.url ?? '/');
      const method = request.method ?? 'GET';
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers))
        if (!HOP_HEADERS.has(name) && value !== undefined) headers[name] = String(value);
      // A client that sends its PLATFORM_URL as Origin (the SDK does) means the platform's own origin.
      if (headers.origin?.startsWith(`http://127.0.0.1:${port}`)) headers.origin = new URL(target).origin;
      if (options.orgId && !headers['x-molecule-org-id']) headers['x-molecule-org-id'] = options.orgId;
      const bearer = /^Bearer\s+(\S+)/.exec(headers.authorization ?? '')?.[1];
      if (bearer) secrets.add(bearer);
      const body = await readBody(request);
      const exchange: Exchange = { block, method, path: path.split('?')[0]!, status: null, body: '', done: false };
      exchanges.push(exchange);
      try {
        const answer = await fetch(`${target}${path}`, {
          method,
          headers,
          body: body.length && method !== 'GET' && method !== 'HEAD' ? new Uint8Array(body) : undefined,
          redirect: 'manual',
        });
        const bytes = Buffer.from(await answer.arrayBuffer());
        exchange.status = answer.status;
        exchange.body = bytes.subarray(0, MAX_KEPT_BYTES).toString('utf8');
        learnTokens(exchange.body, secrets);
        noteWorkspace(method, exchange.path, answer.status, exchange.body, created);
        const out: Record<string, string> = {};
        answer.headers.forEach((value, name) => {
          if (!HOP_HEADERS.has(name) && name !== 'content-encoding') out[name] = value;
        });
        exchange.done = true;
        response.writeHead(answer.status, { ...out, 'content-length': String(bytes.length) });
        response.end(bytes);
      } catch (error) {
        exchange.body = `no answer from ${target}: ${(error as Error).message}`;
        exchange.done = true;
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(exchange.body);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    urlFor: (line) => `http://127.0.0.1:${port}/doctest-block-${line}`,
    exchanges,
    created,
    secrets,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function noteWorkspace(method: string, path: string, status: number, body: string, created: Set<string>): void {
  if (method === 'POST' && path === '/workspaces' && status === 201) {
    const id = /"id"\s*:\s*"([^"]+)"/.exec(body)?.[1];
    if (id) created.add(id);
  }
  const deleted = /^\/workspaces\/([^/]+)$/.exec(path);
  if (method === 'DELETE' && deleted && status >= 200 && status < 300) created.delete(deleted[1]!);
}
