// The stand-in's queue of A2A calls to agents that are busy or unreachable.
import { randomUUID } from 'node:crypto';
import { forwardToAgent } from './a2a-forward.ts';
import type { QueuedCall, SandboxContext } from './context.ts';

/** Attempts before a queued call is dropped. */
export const MAX_QUEUE_ATTEMPTS = 5;

/** Queues a call for later delivery; returns the item and the workspace's queue depth. */
export function enqueueCall(
  workspaceId: string,
  body: string,
  ctx: SandboxContext,
): { item: QueuedCall; depth: number } {
  const item: QueuedCall = { id: randomUUID(), workspaceId, body, attempts: 0 };
  ctx.queue.push(item);
  return { item, depth: ctx.queue.filter((queued) => queued.workspaceId === workspaceId).length };
}

/**
 * Drains one queued call for a workspace in the background (called on heartbeats with spare
 * capacity). The reply is not delivered to the original caller, as on the platform.
 */
export function drainOneCall(workspaceId: string, ctx: SandboxContext): void {
  const index = ctx.queue.findIndex((queued) => queued.workspaceId === workspaceId);
  if (index < 0) return;
  const [item] = ctx.queue.splice(index, 1);
  const row = ctx.store.workspaces.get(workspaceId);
  if (!item || !row?.url) return;
  item.attempts++;
  void forwardToAgent(row.url, item.body, ctx.settings.a2aTimeoutMs).then((outcome) => {
    const delivered = outcome.kind === 'answered' && outcome.status < 300;
    if (!delivered && item.attempts < MAX_QUEUE_ATTEMPTS) ctx.queue.push(item);
  });
}
