// Polls a condition with a deadline and names the last value seen when it times out.
import { setTimeout as sleep } from 'node:timers/promises';
import { PlatformUnreachableError, WaitTimeoutError } from './errors.ts';

/** How long a step waits for a condition unless told otherwise. */
export const DEFAULT_WAIT_TIMEOUT_MS = 30_000;
/** Pause between two checks of a condition. */
export const DEFAULT_POLL_INTERVAL_MS = 250;

export interface WaitOptions<T> {
  /** The condition in words, for the timeout message (`GET /workspaces/ws-1 status=online`). */
  condition: string;
  timeoutMs: number;
  intervalMs: number;
  /** How the last observed value is shown when the wait times out. */
  show: (value: T | undefined, error: Error | undefined) => string;
  signal: AbortSignal;
  hint?: string;
}

/**
 * Checks `probe` until `done` accepts its value: no bare sleeps, a deadline, and on timeout an
 * error naming the condition and the last value seen. A probe that throws counts as "not yet"
 * (its error is the last value) unless the run was aborted, which ends the wait at once.
 */
export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  options: WaitOptions<T>,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let last: T | undefined;
  let lastError: Error | undefined;
  for (;;) {
    if (options.signal.aborted) throw options.signal.reason;
    try {
      last = await probe();
      lastError = undefined;
      if (done(last)) return last;
    } catch (error) {
      if (options.signal.aborted) throw options.signal.reason;
      // A platform that refuses connections will not come back within the wait: fail now, not at the deadline.
      if (error instanceof PlatformUnreachableError) throw error;
      lastError = error as Error;
    }
    if (Date.now() + options.intervalMs > deadline) break;
    await sleep(options.intervalMs, undefined, { signal: options.signal }).catch(() => undefined);
  }
  throw new WaitTimeoutError(options.condition, options.timeoutMs, options.show(last, lastError), options.hint);
}
