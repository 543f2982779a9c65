// The agent's JSON-RPC server that answers A2A `message/send` tasks.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The agent's port is taken by another process. */
export class PortInUseError extends Error {
  readonly port: number;
  constructor(port: number) {
    super(`port ${port} is in use`);
    this.name = 'PortInUseError';
    this.port = port;
  }
}

/** What the agent does with one task's text; returns the reply text. */
export type TaskHandler = (text: string) => Promise<string> | string;

interface RpcRequest {
  jsonrpc?: unknown;
  id?: unknown;
  method?: unknown;
  params?: { message?: { parts?: Array<{ kind?: string; type?: string; text?: string }> } };
}

function rpcReply(id: unknown, payload: { result: unknown } | { error: { code: number; message: string } }): string {
  return JSON.stringify({ jsonrpc: '2.0', id: id ?? null, ...payload });
}

function textOf(request: RpcRequest): string {
  const parts = request.params?.message?.parts ?? [];
  return parts
    .filter((part) => part.kind === 'text' || part.type === 'text')
    .map((part) => part.text ?? '')
    .join('\n');
}

async function answer(raw: string, onTask: TaskHandler): Promise<string> {
  let request: RpcRequest;
  try {
    request = JSON.parse(raw) as RpcRequest;
  } catch {
    return rpcReply(null, { error: { code: -32700, message: 'parse error' } });
  }
  if (request.method !== 'message/send')
    return rpcReply(request.id, { error: { code: -32601, message: `method not found: ${String(request.method)}` } });
  const text = await onTask(textOf(request));
  // Text parts sit directly under result: that is what the canvas and A2A peers read.
  return rpcReply(request.id, {
    result: { kind: 'message', role: 'agent', messageId: randomUUID(), parts: [{ kind: 'text', text }] },
  });
}

/**
 * Serves JSON-RPC `message/send` on `path` (HTTP 200 even for JSON-RPC errors, since the
 * proxy collapses non-2xx replies); other paths get 404. Resolves with the bound port.
 */
export async function startA2aServer(
  host: string,
  port: number,
  path: string,
  onTask: TaskHandler,
): Promise<{ server: Server; port: number }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const send = (status: number, body: string) => {
        response.writeHead(status, { 'Content-Type': 'application/json' });
        response.end(body);
      };
      if (request.method !== 'POST' || new URL(request.url ?? '/', 'http://agent').pathname !== path)
        return send(404, '{"error":"not found"}');
      answer(Buffer.concat(chunks).toString('utf8'), onTask).then(
        (body) => send(200, body),
        (error: Error) => send(200, rpcReply(null, { error: { code: -32603, message: error.message } })),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error),
    );
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}
