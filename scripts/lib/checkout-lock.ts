// One lock per checkout for every command that writes dist/ or marketing/: a second run waits (or fails at once), never interleaves.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/** Where the lock lives, relative to the checkout root (git-ignored). */
export const LOCK_DIR = '.cache/checkout.lock';
/** A lock whose holder stopped refreshing it this long ago is stale (its process died without unlocking). */
export const LOCK_STALE_MS = 10_000;
const POLL_MS = 250;

/** Who holds the lock, written beside it so a waiting run can say whom it waits for. */
export interface LockOwner {
  pid: number;
  command: string;
  since: string;
}

/** Raised when the checkout is locked and the caller asked not to wait (`--no-wait`), or the wait was aborted. */
export class CheckoutLockedError extends Error {
  readonly owner: LockOwner | undefined;
  constructor(owner: LockOwner | undefined) {
    super(
      owner
        ? `another run holds the checkout lock: ${owner.command} (pid ${owner.pid}, since ${owner.since})`
        : 'another run holds the checkout lock',
    );
    this.owner = owner;
  }
}

export interface LockOptions {
  /** The command taking the lock, e.g. `npm run build`; shown to a run that waits. */
  command: string;
  /** Fail at once instead of waiting. */
  noWait?: boolean;
  /** Called once when the run starts waiting. */
  onWait?: (owner: LockOwner | undefined) => void;
  signal?: AbortSignal;
}

/**
 * Takes the checkout's lock and returns its release function. A lock left by a killed process is
 * taken over: at once when its pid is gone, else once it has gone {@link LOCK_STALE_MS} unrefreshed.
 */
export async function acquireCheckoutLock(root: string, options: LockOptions): Promise<() => Promise<void>> {
  const target = join(root, LOCK_DIR);
  const ownerFile = `${target}.owner.json`;
  await mkdir(join(root, '.cache'), { recursive: true });
  let waited = false;
  for (;;) {
    try {
      const release = await lockfile.lock(root, {
        lockfilePath: target,
        stale: LOCK_STALE_MS,
        realpath: false,
        onCompromised: () => {},
      });
      const owner: LockOwner = { pid: process.pid, command: options.command, since: new Date().toISOString() };
      await writeFile(ownerFile, `${JSON.stringify(owner)}\n`);
      return async () => {
        await rm(ownerFile, { force: true });
        await release().catch(() => {});
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
    }
    const owner = await readOwner(ownerFile);
    if (owner && owner.pid !== process.pid && !isAlive(owner.pid)) {
      // The holder is gone (killed outright): its lock will never be released, so take it over now.
      await rm(target, { recursive: true, force: true });
      await rm(ownerFile, { force: true });
      continue;
    }
    if (options.noWait || options.signal?.aborted) throw new CheckoutLockedError(owner);
    if (!waited) options.onWait?.(owner);
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Runs `body` while holding the checkout lock; the lock is released however `body` ends. */
export async function withCheckoutLock<T>(root: string, options: LockOptions, body: () => Promise<T>): Promise<T> {
  const release = await acquireCheckoutLock(root, options);
  try {
    return await body();
  } finally {
    await release();
  }
}

async function readOwner(path: string): Promise<LockOwner | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as LockOwner;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
