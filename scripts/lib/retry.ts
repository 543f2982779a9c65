// Retry with exponential backoff and jitter on p-retry, reporting each failed try and the wait before the next.
import pRetry from 'p-retry';

/** How a flaky operation is retried. */
export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  /** Wait before the second try; doubled for each further try. */
  baseDelayMs: number;
  /** Upper bound for one wait. */
  maxDelayMs: number;
  /** Random spread (0–1) added to each wait so parallel clients do not retry in lock-step. */
  jitter: number;
}

/** Three tries, waiting about 0.5 s then 1 s. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 3, baseDelayMs: 500, maxDelayMs: 8_000, jitter: 0.2 };

/** What the caller learns about each failed try (for progress output and counters). */
export interface RetryAttempt {
  attempt: number;
  error: unknown;
  /** Milliseconds until the next try, or undefined when giving up. */
  nextDelayMs: number | undefined;
}

/**
 * Runs `operation` until it succeeds, `shouldRetry` says no, or the attempts run out, waiting
 * with exponential backoff (p-retry) in between. Throws the last error.
 */
export async function retryWithBackoff<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  hooks: { shouldRetry?: (error: unknown) => boolean; onFailure?: (info: RetryAttempt) => void } = {},
): Promise<T> {
  let retrying = false;
  return pRetry(operation, {
    retries: Math.max(0, policy.attempts - 1),
    factor: 2,
    minTimeout: policy.baseDelayMs,
    maxTimeout: policy.maxDelayMs,
    randomize: false,
    onFailedAttempt: async ({ error, attemptNumber, retriesLeft }) => {
      retrying = retriesLeft > 0 && (hooks.shouldRetry?.(error) ?? true);
      const nextDelayMs = retrying ? computeBackoffDelay(attemptNumber, policy) : undefined;
      hooks.onFailure?.({ attempt: attemptNumber, error, nextDelayMs });
      // p-retry then waits the plain exponential delay; the jitter on top is waited here.
      if (nextDelayMs !== undefined)
        await new Promise((resolve) => setTimeout(resolve, nextDelayMs - plainBackoffDelay(attemptNumber, policy)));
    },
    shouldRetry: () => retrying,
  });
}

function plainBackoffDelay(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

/** Wait after the given failed attempt (1-based): base × 2^(attempt−1), capped, plus jitter. */
export function computeBackoffDelay(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const plain = plainBackoffDelay(attempt, policy);
  return Math.round(plain * (1 + policy.jitter * random()));
}
