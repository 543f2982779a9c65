// The stand-in's offline sweep: workspaces without a heartbeat go offline.
import type { SandboxContext } from './context.ts';

/**
 * The external-workspace staleness sweep: every `sweepIntervalMs`, an online or degraded
 * external workspace whose last heartbeat (or last update, if it never beat) is older than
 * `offlineAfterMs` goes offline with `WORKSPACE_OFFLINE {}`. Returns a stop function.
 */
export function startLivenessSweep(ctx: SandboxContext): () => void {
  const sweep = () => {
    const now = ctx.now();
    for (const row of ctx.store.workspaces.values()) {
      if (row.runtime !== 'external' || (row.status !== 'online' && row.status !== 'degraded')) continue;
      const last = row.lastHeartbeatAt ?? row.updatedAt;
      if (now - last <= ctx.settings.offlineAfterMs) continue;
      row.status = 'offline';
      row.updatedAt = now;
      ctx.hub.publish('WORKSPACE_OFFLINE', row.id, {});
    }
  };
  const timer = setInterval(sweep, ctx.settings.sweepIntervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
