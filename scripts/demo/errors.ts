// The demo's error types and the hints it prints for HTTP statuses and unreachable platforms.
import { excerpt } from '../lib/excerpt.ts';

/** A demo step that failed: what happened, the HTTP status and body if any, and what to do. */
export class DemoStepError extends Error {
  readonly status: number | undefined;
  readonly bodyExcerpt: string | undefined;
  readonly hint: string | undefined;
  constructor(message: string, details: { status?: number; body?: string; hint?: string } = {}) {
    super(message);
    this.name = 'DemoStepError';
    this.status = details.status;
    this.bodyExcerpt = details.body === undefined ? undefined : excerpt(details.body);
    this.hint = details.hint;
  }
}

/** Nothing listens at the platform's address (connection refused, host gone): no wait can fix that, so it ends the run at once. */
export class PlatformUnreachableError extends DemoStepError {
  constructor(message: string, hint: string) {
    super(message, { hint });
    this.name = 'PlatformUnreachableError';
  }
}

/** A condition that did not come true in time; the message names it and the last value seen. */
export class WaitTimeoutError extends DemoStepError {
  constructor(condition: string, timeoutMs: number, lastValue: string, hint?: string) {
    super(`timed out after ${formatSeconds(timeoutMs)} waiting for ${condition}; last: ${lastValue}`, { hint });
    this.name = 'WaitTimeoutError';
  }
}

/** The run was stopped from outside (Ctrl-C or a termination signal). */
export class DemoInterruptedError extends DemoStepError {
  constructor(signal: string) {
    super(`interrupted by ${signal}`, { hint: 'child processes were stopped; the recording so far was kept' });
    this.name = 'DemoInterruptedError';
  }
}

/** The agent process ended while the demo still needed it. */
export class AgentExitedError extends DemoStepError {
  constructor(code: number | undefined, signal: string | undefined, stderr: string) {
    const how = signal ? `was killed (${signal})` : `exited with code ${code}`;
    // The agent prints its problems as issue lines, then a count line (`agent: 1 error: 1 agent`): quote the last problem.
    const last = stderr
      .trim()
      .split('\n')
      .filter((line) => line && !/^agent: (?:\d+ |no problems)/.test(line))
      .pop();
    const hint = /\[agent\] port \d+ is in use/.test(stderr)
      ? "the agent's port is taken: set AGENT_PORT to a free port, or unset it to pick one"
      : signal
        ? 'something outside the demo stopped the agent process; run the demo again'
        : "read the agent's last lines above; fix the platform or the agent's settings and run again";
    super(`the agent process ${how}${last ? `: ${last}` : ''}`, { hint });
    this.name = 'AgentExitedError';
  }
}

/** `2.5 s`, `30 s`. */
export function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/** What to do about an HTTP failure, by status class. */
export function hintForStatus(status: number, isStandIn: boolean): string {
  if (status === 401)
    return 'the platform rejected the credentials: check ADMIN_TOKEN for admin routes, or the workspace token the step used';
  if (status === 403) return 'forbidden: an Origin outside CORS_ORIGINS, or a caller the hierarchy does not allow';
  if (status === 404)
    return 'not found: check PLATFORM_URL, and MOLECULE_ORG_ID on a tenant platform (it answers a bare 404 without the org header)';
  if (status === 429) return 'rate limited: wait for the Retry-After period and run again';
  if (status >= 500)
    return isStandIn
      ? 'the stand-in failed (or a fault was injected): see its message'
      : 'the platform failed on its side: check its logs, then run again';
  return 'the platform refused the request: compare the body with the platform contract';
}
