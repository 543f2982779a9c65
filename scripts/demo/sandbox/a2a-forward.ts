// The stand-in's outbound call to an agent for the A2A proxy, with its time limit.
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** How one outbound call to an agent ended. */
export type ForwardOutcome =
  | { kind: 'answered'; status: number; body: Buffer }
  | { kind: 'read-failed'; status: number }
  | { kind: 'unreachable'; code: string }
  | { kind: 'busy'; reason: 'timeout' | 'reset' };

// Dial errors mean the agent is not there (502); resets and EOF mean it is there but busy (queued).
const BUSY_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/**
 * POSTs the body to the agent's registered URL exactly (no path appended), with only
 * `Content-Type: application/json`: no Authorization and no caller id are forwarded.
 */
export function forwardToAgent(url: string, body: string, timeoutMs: number): Promise<ForwardOutcome> {
  return new Promise((resolve) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    let settled = false;
    const finish = (outcome: ForwardOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const outbound = send(
      target,
      { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          finish({ kind: 'answered', status: response.statusCode ?? 502, body: Buffer.concat(chunks) }),
        );
        response.on('error', () => finish({ kind: 'read-failed', status: response.statusCode ?? 502 }));
        response.on('aborted', () => finish({ kind: 'read-failed', status: response.statusCode ?? 502 }));
      },
    );
    const timer = setTimeout(() => {
      finish({ kind: 'busy', reason: 'timeout' });
      outbound.destroy();
    }, timeoutMs);
    outbound.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? 'EUNKNOWN';
      finish(
        BUSY_CODES.has(code) || /socket hang up/.test(error.message)
          ? { kind: 'busy', reason: 'reset' }
          : { kind: 'unreachable', code },
      );
    });
    outbound.end(body);
  });
}
