// Runs a round of work again and again, a pause between rounds, until a promise settles or the work is done.

/**
 * Calls `round` at once and then every `intervalMs` (the pause is cut short when `until`
 * settles) until `until` settles, or until a round returns `true` (nothing left to do). A round
 * should check `stopped()` between its steps: it turns true as soon as `until` settles. The
 * pending pause never keeps the process alive.
 */
export async function repeatUntil(
  until: Promise<unknown>,
  intervalMs: number,
  round: (stopped: () => boolean) => Promise<boolean>,
): Promise<void> {
  let settled = false;
  const settle = () => {
    settled = true;
  };
  until.then(settle, settle);
  const stopped = () => settled;
  while (!settled) {
    if (await round(stopped)) return;
    if (settled) return;
    await Promise.race([
      until.catch(() => undefined),
      new Promise((resolve) => setTimeout(resolve, intervalMs).unref()),
    ]);
  }
}
