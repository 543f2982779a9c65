// The canvas's /ws event stream as the demo watches it.
import WebSocket from 'ws';
import { DemoStepError } from './errors.ts';
import type { EventFrame } from './sandbox/events.ts';

/** The `/ws` stream as the canvas sees it: every frame received so far. */
export interface EventStream {
  frames: EventFrame[];
  /** Called for each new frame (used by waits). */
  onFrame(listener: () => void): () => void;
  /** True once the platform closed the stream (we did not): a dead platform sends no more frames. */
  readonly lost: boolean;
  close(): void;
}

/** `http://host` → `ws://host/ws`. */
export function eventsUrlFor(platformUrl: string): string {
  return `${platformUrl.replace(/^http/, 'ws')}/ws`;
}

/**
 * Connects to `/ws` as a canvas client: no `X-Workspace-ID`, so no auth and every event.
 * Sends the canvas `Origin` (a platform with CORS_ORIGINS refuses any other, even none).
 */
export function connectEvents(
  platformUrl: string,
  options: { origin: string; orgId: string | undefined; timeoutMs: number },
): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    if (options.orgId) headers['X-Molecule-Org-Id'] = options.orgId;
    const socket = new WebSocket(eventsUrlFor(platformUrl), {
      origin: options.origin,
      headers,
      handshakeTimeout: options.timeoutMs,
    });
    const frames: EventFrame[] = [];
    const listeners = new Set<() => void>();
    let closing = false;
    let lost = false;
    socket.on('close', () => {
      if (!closing) lost = true;
    });
    socket.on('message', (data) => {
      try {
        frames.push(JSON.parse(data.toString()) as EventFrame);
        for (const listener of listeners) listener();
      } catch {
        // A frame that is not JSON is not one of the platform's events; ignore it.
      }
    });
    socket.once('open', () =>
      resolve({
        frames,
        onFrame(listener) {
          listeners.add(listener);
          return () => listeners.delete(listener);
        },
        get lost() {
          return lost;
        },
        close() {
          closing = true;
          socket.terminate();
        },
      }),
    );
    socket.once('unexpected-response', (_request, response) => {
      socket.terminate();
      reject(
        new DemoStepError(`GET /ws refused the WebSocket upgrade with ${response.statusCode}`, {
          status: response.statusCode,
          hint:
            response.statusCode === 403
              ? "set CANVAS_ORIGIN to an origin in the platform's CORS_ORIGINS"
              : 'check PLATFORM_URL and MOLECULE_ORG_ID',
        }),
      );
    });
    socket.once('error', (error) =>
      reject(
        new DemoStepError(`cannot open the event stream at ${eventsUrlFor(platformUrl)}: ${error.message}`, {
          hint: 'is the platform running at PLATFORM_URL?',
        }),
      ),
    );
  });
}
