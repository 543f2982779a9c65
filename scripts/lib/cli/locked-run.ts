// The checkout lock as a CLI sees it: a waiting line naming the holder, and a `lock` issue instead of a throw.
import { relative } from 'node:path';
import type { Issue } from '../../../core/issue.ts';
import { CheckoutLockedError, LOCK_DIR, withCheckoutLock, type LockOwner } from '../checkout-lock.ts';

/** What {@link runLocked} needs from the command: who it is, whether it may wait, where to print. */
export interface LockedRunOptions {
  /** The command as the user typed it, e.g. `npm run build`; shown to a run that waits for this one. */
  command: string;
  /** `--no-wait`: fail at once when another run holds the lock. */
  noWait: boolean;
  signal: AbortSignal;
  stderr: NodeJS.WritableStream;
}

/** `npm run build (pid 4242, since 09:12:01)`, or a vaguer line when the holder left no owner file. */
export function describeHolder(owner: LockOwner | undefined): string {
  return owner ? `${owner.command} (pid ${owner.pid}, since ${owner.since})` : 'another run (holder unknown)';
}

/**
 * Runs `body` while holding the checkout lock of `root`. Waits with one line on stderr naming the
 * holder; with `noWait` (or when the wait is interrupted) returns a `lock` issue instead of running.
 */
export async function runLocked(
  root: string,
  options: LockedRunOptions,
  body: () => Promise<Issue[]>,
): Promise<Issue[]> {
  try {
    return await withCheckoutLock(
      root,
      {
        command: options.command,
        noWait: options.noWait,
        signal: options.signal,
        onWait: (owner) =>
          options.stderr.write(
            `${options.command}: waiting for ${describeHolder(owner)} to release the checkout lock (--no-wait fails at once instead)\n`,
          ),
      },
      body,
    );
  } catch (error) {
    if (!(error instanceof CheckoutLockedError)) throw error;
    const where = relative(process.cwd(), `${root}/${LOCK_DIR}`) || LOCK_DIR;
    const message = `the checkout is locked by ${describeHolder(error.owner)}; nothing was written`;
    const hint = options.noWait
      ? 'wait for it to finish, or run again without --no-wait to queue behind it'
      : `the wait was interrupted; the lock is ${where}`;
    return [{ file: where, line: 0, column: 0, rule: 'lock', severity: 'error', message, hint }];
  }
}
