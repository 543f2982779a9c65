// The stand-in's /ws endpoint: origin check and the event frames the canvas receives.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';
import { WebSocketServer } from 'ws';
import { checkOwnToken } from './auth.ts';
import { canCommunicate } from './hierarchy.ts';
import type { SandboxContext } from './context.ts';

function refuse(socket: Duplex, status: number, body?: Record<string, unknown>): void {
  const text = body ? JSON.stringify(body) : '';
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

/**
 * `/ws`: without `X-Workspace-ID` a canvas client (no auth, every event); with it an agent
 * client (its own token if it has any, and only events of workspaces it may talk to). When
 * CORS origins are configured the `Origin` must match one exactly, even when it is empty.
 */
export function createSocketHandler(ctx: SandboxContext): {
  handleUpgrade: (request: IncomingMessage, socket: Duplex, head: Buffer) => void;
  close: () => void;
} {
  const server = new WebSocketServer({ noServer: true });
  return {
    handleUpgrade(request, socket, head) {
      const origins = ctx.settings.corsOrigins;
      if (origins && !origins.includes(request.headers.origin ?? '')) return refuse(socket, 403);
      const caller = request.headers['x-workspace-id'];
      const agentId = typeof caller === 'string' && caller ? caller : undefined;
      if (agentId) {
        const denied = checkOwnToken(request.headers, agentId, ctx);
        if (denied) return refuse(socket, denied.status, denied.body);
      }
      server.handleUpgrade(request, socket, head, (client) => {
        const unsubscribe = ctx.hub.subscribe((frame) => {
          if (agentId && !canCommunicate(agentId, frame.workspace_id, ctx.store.workspaces)) return;
          client.send(JSON.stringify(frame));
        });
        // The platform ignores whatever a client sends and never pings.
        client.on('close', unsubscribe);
        client.on('error', unsubscribe);
      });
    },
    close() {
      for (const client of server.clients) client.terminate();
      server.close();
    },
  };
}
