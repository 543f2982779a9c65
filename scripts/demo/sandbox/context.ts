// What every stand-in route handler shares: settings, store, event hub and queued calls.
import type { EventHub } from './events.ts';
import type { SandboxStore } from './store.ts';

/** How the stand-in is deployed; each field mirrors a platform environment variable. */
export interface SandboxSettings {
  /** `ADMIN_TOKEN`; undefined means unset (AdminAuth's bootstrap and tier-3 fallbacks apply). */
  adminToken: string | undefined;
  /** `MOLECULE_ENV`; development relaxes the A2A proxy's loopback check (and, without an admin token, auth). */
  environment: 'development' | 'production';
  /** `MOLECULE_ORG_ID`: SaaS mode, requests must carry `X-Molecule-Org-Id`. */
  orgId: string | undefined;
  /** `CORS_ORIGINS`; undefined leaves `/ws` open to any Origin. */
  corsOrigins: string[] | undefined;
  /** `REMOTE_LIVENESS_STALE_AFTER`: heartbeat silence after which an external workspace goes offline. */
  offlineAfterMs: number;
  /** How often the staleness sweep runs. */
  sweepIntervalMs: number;
  /** A2A idle timeout: a call that takes longer is queued (202) instead of answered. */
  a2aTimeoutMs: number;
  /** Reproduce production's enum bug: an external create without url says `awaiting_agent` but stores `provisioning`. */
  awaitingAgentBug: boolean;
  /** `EXTERNAL_PLATFORM_URL` for the create response's connection block (default: scheme://Host). */
  externalPlatformUrl: string | undefined;
}

/** One A2A call the proxy queued because the agent was busy or slow. */
export interface QueuedCall {
  id: string;
  workspaceId: string;
  /** Normalised JSON-RPC body, forwarded again when the workspace has spare capacity. */
  body: string;
  attempts: number;
}

/** Everything a route handler needs. */
export interface SandboxContext {
  store: SandboxStore;
  hub: EventHub;
  settings: SandboxSettings;
  now: () => number;
  /** The A2A queue (the platform's `a2a_queue` table). */
  queue: QueuedCall[];
}

/** A rejected request: status and the contract's JSON body. */
export interface Denial {
  status: number;
  body: Record<string, unknown>;
}

/** True when AdminAuth and WorkspaceAuth fail open (no admin token and a development environment). */
export function isDevModeFailOpen(settings: SandboxSettings): boolean {
  return !settings.adminToken && settings.environment === 'development';
}
