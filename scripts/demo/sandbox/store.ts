// The stand-in's in-memory store of workspaces, tokens and secrets.
import { randomUUID } from 'node:crypto';
import { hashToken, mintTokenText, TOKEN_PREFIX_LENGTH } from './tokens.ts';

/** Workspace statuses the platform uses (the `workspace_status` enum). */
export type WorkspaceStatus =
  | 'provisioning'
  | 'awaiting_agent'
  | 'online'
  | 'offline'
  | 'degraded'
  | 'paused'
  | 'failed'
  | 'removed'
  | 'hibernated';

/** One workspace row, with the columns `GET /workspaces/:id` returns plus liveness bookkeeping. */
export interface WorkspaceRow {
  id: string;
  name: string;
  role: string | null;
  tier: number;
  status: WorkspaceStatus;
  url: string;
  parent_id: string | null;
  runtime: string;
  model: string | null;
  agent_card: unknown;
  active_tasks: number;
  max_concurrent_tasks: number;
  last_error_rate: number;
  last_sample_error: string;
  uptime_seconds: number;
  current_task: string;
  x: number;
  y: number;
  collapsed: boolean;
  last_outbound_at: string | null;
  /** Epoch ms of the last heartbeat or register; undefined until the agent calls home. */
  lastHeartbeatAt: number | undefined;
  updatedAt: number;
  secrets: Map<string, string>;
}

/** A stored token: its sha256 and 8-character prefix, never the plaintext. */
export interface TokenRow {
  id: string;
  workspaceId: string;
  hash: string;
  prefix: string;
  revokedAt: number | undefined;
}

/** In-memory state of the stand-in: workspaces, hashed tokens and secrets. */
export interface SandboxStore {
  workspaces: Map<string, WorkspaceRow>;
  /** Inserts a row with the platform's defaults for anything not given. */
  insertWorkspace(fields: Partial<WorkspaceRow> & { name: string }): WorkspaceRow;
  /** Mints a token for a workspace; returns the plaintext (only its sha256 is kept). */
  mintToken(workspaceId: string): string;
  /** Live (unrevoked) tokens of one workspace. */
  liveTokenCount(workspaceId: string): number;
  /** True when any workspace anywhere has a live token (closes AdminAuth's bootstrap). */
  anyLiveToken(): boolean;
  /** The workspace a live token belongs to, if the token is valid and its workspace not removed. */
  tokenOwner(token: string): string | undefined;
  /** Revokes every token of a workspace; returns how many were live. */
  revokeTokens(workspaceId: string): number;
  /** The stored token rows (hash and prefix only: the plaintext is never kept). */
  tokenRows(): ReadonlyArray<Readonly<TokenRow>>;
}

/** Creates an empty store. */
export function createStore(now: () => number = Date.now): SandboxStore {
  const workspaces = new Map<string, WorkspaceRow>();
  const tokens: TokenRow[] = [];
  const isLive = (row: TokenRow) => row.revokedAt === undefined;
  return {
    workspaces,
    insertWorkspace(fields) {
      const row: WorkspaceRow = {
        id: randomUUID(),
        role: null,
        tier: 3,
        status: 'provisioning',
        url: '',
        parent_id: null,
        runtime: 'langgraph',
        model: null,
        agent_card: null,
        active_tasks: 0,
        max_concurrent_tasks: 1,
        last_error_rate: 0,
        last_sample_error: '',
        uptime_seconds: 0,
        current_task: '',
        x: 0,
        y: 0,
        collapsed: false,
        last_outbound_at: null,
        lastHeartbeatAt: undefined,
        updatedAt: now(),
        secrets: new Map(),
        ...fields,
      };
      workspaces.set(row.id, row);
      return row;
    },
    mintToken(workspaceId) {
      const token = mintTokenText();
      tokens.push({
        id: randomUUID(),
        workspaceId,
        hash: hashToken(token),
        prefix: token.slice(0, TOKEN_PREFIX_LENGTH),
        revokedAt: undefined,
      });
      return token;
    },
    liveTokenCount(workspaceId) {
      return tokens.filter((row) => row.workspaceId === workspaceId && isLive(row)).length;
    },
    anyLiveToken() {
      return tokens.some(isLive);
    },
    tokenOwner(token) {
      const hash = hashToken(token);
      const row = tokens.find((candidate) => candidate.hash === hash && isLive(candidate));
      if (!row) return undefined;
      const workspace = workspaces.get(row.workspaceId);
      return workspace && workspace.status !== 'removed' ? row.workspaceId : undefined;
    },
    tokenRows() {
      return tokens;
    },
    revokeTokens(workspaceId) {
      let count = 0;
      for (const row of tokens) {
        if (row.workspaceId === workspaceId && isLive(row)) {
          row.revokedAt = now();
          count++;
        }
      }
      return count;
    },
  };
}

/** The public JSON of a workspace, as `GET /workspaces/:id` returns it. */
export function workspaceJson(row: WorkspaceRow): Record<string, unknown> {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    tier: row.tier,
    status: row.status,
    url: row.url,
    parent_id: row.parent_id,
    active_tasks: row.active_tasks,
    max_concurrent_tasks: row.max_concurrent_tasks,
    last_error_rate: row.last_error_rate,
    uptime_seconds: row.uptime_seconds,
    runtime: row.runtime,
    x: row.x,
    y: row.y,
    collapsed: row.collapsed,
    agent_card: row.agent_card,
    last_outbound_at: row.last_outbound_at,
  };
}
