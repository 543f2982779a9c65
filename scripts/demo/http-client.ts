// The runner's HTTP client for the platform: credentials, time limits, and every exchange recorded.
import { performance } from 'node:perf_hooks';
import { DemoStepError, formatSeconds, hintForStatus, PlatformUnreachableError } from './errors.ts';
import { excerpt } from '../lib/excerpt.ts';
import type { Exchange } from '../../core/demo-run-record.ts';

/** Per-request time limit unless the run says otherwise. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;

/** Which credential a request carries. */
export type Credential = 'admin' | 'none' | { bearer: string };

/** One request to the platform. */
export interface PlatformRequest {
  method: string;
  path: string;
  auth?: Credential;
  headers?: Record<string, string>;
  body?: unknown;
  /** Statuses that count as success (default: any 2xx). */
  expect?: readonly number[];
}

export interface PlatformClientOptions {
  baseUrl: string;
  adminToken: string | undefined;
  orgId: string | undefined;
  timeoutMs: number;
  isStandIn: () => boolean;
  /** Read per request: aborting it ends the request at once (Ctrl-C, agent crash); cleanup swaps in a fresh one. */
  signal: () => AbortSignal;
  /** Receives every exchange (redaction happens where it is written or printed). */
  record: (exchange: Exchange) => void;
  /** Milliseconds since the run started. */
  clock: () => number;
}

/** A platform response the step accepted. */
export interface PlatformResponse {
  status: number;
  body: unknown;
  headers: Headers;
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Creates the runner's HTTP client: adds the tenant header and credentials, records every
 * exchange, and turns failures into {@link DemoStepError}s with status, body excerpt and hint.
 */
export function createPlatformClient(
  options: PlatformClientOptions,
): (request: PlatformRequest) => Promise<PlatformResponse> {
  let answered = false;
  return async (request) => {
    const headers: Record<string, string> = { ...request.headers };
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.orgId) headers['X-Molecule-Org-Id'] = options.orgId;
    const auth = request.auth ?? 'none';
    const bearer = auth === 'admin' ? options.adminToken : auth === 'none' ? undefined : auth.bearer;
    const shownHeaders = { ...headers, ...(bearer ? { Authorization: 'Bearer «redacted»' } : {}) };
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    const exchange: Exchange = {
      method: request.method,
      path: request.path,
      status: null,
      durationMs: 0,
      startMs: options.clock(),
      request: { headers: shownHeaders, body: request.body },
    };
    const started = performance.now();
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const runSignal = options.signal();
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${options.baseUrl}${request.path}`, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: AbortSignal.any([timeout, runSignal]),
      });
      text = await response.text();
    } catch (error) {
      exchange.durationMs = Math.round(performance.now() - started);
      if (runSignal.aborted) {
        exchange.error = 'aborted';
        options.record(exchange);
        throw runSignal.reason;
      }
      if (timeout.aborted) {
        exchange.error = 'timeout';
        options.record(exchange);
        throw new DemoStepError(
          `timed out after ${formatSeconds(options.timeoutMs)} waiting for a response to ${request.method} ${request.path}; last: no response`,
          {
            hint: 'the platform accepted the connection but did not answer: check its load and logs, or raise --timeout',
          },
        );
      }
      const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      exchange.error = `unreachable (${code})`;
      options.record(exchange);
      // Once the platform has answered, a refused connection means it went away mid-run.
      const hint = answered
        ? `the platform stopped answering mid-run (it answered earlier): ${options.isStandIn() ? 'the stand-in process is gone' : 'check that it is still up at PLATFORM_URL'}, then run the demo again`
        : 'is the platform running at PLATFORM_URL? unset PLATFORM_URL to use the embedded stand-in';
      throw new PlatformUnreachableError(
        `platform unreachable at ${options.baseUrl}: ${request.method} ${request.path} failed (${code})`,
        hint,
      );
    }
    answered = true;
    exchange.durationMs = Math.round(performance.now() - started);
    exchange.status = response.status;
    const body = parseBody(text);
    exchange.response = { body };
    options.record(exchange);
    const accepted = request.expect
      ? request.expect.includes(response.status)
      : response.status >= 200 && response.status < 300;
    if (!accepted) {
      const expected = request.expect ? request.expect.join(' or ') : '2xx';
      throw new DemoStepError(
        `${request.method} ${request.path} → ${response.status} (expected ${expected}): ${excerpt(text) || '(empty body)'}`,
        {
          status: response.status,
          body: text,
          hint: hintForStatus(response.status, options.isStandIn()),
        },
      );
    }
    return { status: response.status, body, headers: response.headers };
  };
}
