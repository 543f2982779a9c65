// Polls the platform's /state for the agent: paused, deleted or still running.
import { callPlatform, PlatformCallError, type ExchangeListener } from './platform-api.ts';
import type { AgentConfig } from './agent-config.ts';

/** What the agent learns from one `/state` poll. */
export type WorkspaceLifecycle = 'running' | 'paused' | 'removed';

/** The platform stopped accepting the agent's token although the workspace still exists. */
export class TokenRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TokenRejectedError';
  }
}

async function isGone(config: AgentConfig, onExchange?: ExchangeListener): Promise<boolean> {
  try {
    const { json } = await callPlatform(config, 'GET', `/workspaces/${config.workspaceId}`, { onExchange });
    return (json as { status?: string } | undefined)?.status === 'removed';
  } catch (error) {
    if (error instanceof PlatformCallError && error.status === 404) return true;
    throw error;
  }
}

/**
 * Polls `GET /workspaces/:id/state`. A 404 means deleted; so does a 401, because delete
 * revokes the agent's token before the 404 could be seen; the unauthenticated workspace read
 * confirms it, so a token revoked on a live workspace is reported instead of a silent exit.
 */
export async function pollLifecycle(
  config: AgentConfig,
  token: string,
  onExchange?: ExchangeListener,
): Promise<WorkspaceLifecycle> {
  try {
    const { json } = await callPlatform(config, 'GET', `/workspaces/${config.workspaceId}/state`, {
      token,
      onExchange,
    });
    const state = json as { paused?: boolean; deleted?: boolean } | undefined;
    if (state?.deleted) return 'removed';
    return state?.paused ? 'paused' : 'running';
  } catch (error) {
    if (!(error instanceof PlatformCallError)) throw error;
    if (error.status === 404) return 'removed';
    if (error.status === 401) {
      if (await isGone(config, onExchange)) return 'removed';
      throw new TokenRejectedError(
        `the platform rejects this agent's token (${error.body.slice(0, 80)}) but the workspace still exists — was the token revoked?`,
      );
    }
    throw error;
  }
}
