// Registers the agent with the platform and caches the token it is issued.
import { callPlatform, PlatformCallError, type ExchangeListener } from './platform-api.ts';
import { cacheToken, readCachedToken } from './token-cache.ts';
import { tokenFileFor, type AgentConfig } from './agent-config.ts';

/** How registration went, for the log and the parent process. */
export interface Registration {
  token: string;
  /** `issued`: the platform returned a new token; `create-time`: the token from create was used; `cached`: a restart. */
  source: 'issued' | 'create-time' | 'cached';
  tokenFile: string;
}

/**
 * Registers with the platform. A known token (the create-time one, else the cached one) is
 * sent as Bearer; the platform returns a token only when the workspace has none live, and
 * that token is cached (0700/0600) before anything else happens.
 */
export async function registerAgent(
  config: AgentConfig,
  url: string,
  agentCard: Record<string, unknown>,
  onExchange?: ExchangeListener,
): Promise<Registration> {
  const tokenFile = tokenFileFor(config);
  const cached = await readCachedToken(tokenFile);
  const known = config.bootstrapToken ?? cached;
  const { json } = await callPlatform(config, 'POST', '/registry/register', {
    token: known,
    body: { id: config.workspaceId, url, agent_card: agentCard },
    onExchange,
  });
  const issued = (json as { auth_token?: unknown } | undefined)?.auth_token;
  if (typeof issued === 'string' && issued) {
    await cacheToken(tokenFile, issued);
    return { token: issued, source: 'issued', tokenFile };
  }
  if (!known)
    throw new PlatformCallError(
      'register succeeded but the platform issued no token and none is cached',
      200,
      JSON.stringify(json ?? {}),
    );
  if (config.bootstrapToken && config.bootstrapToken !== cached) {
    await cacheToken(tokenFile, config.bootstrapToken);
    return { token: config.bootstrapToken, source: 'create-time', tokenFile };
  }
  return { token: known, source: 'cached', tokenFile };
}
