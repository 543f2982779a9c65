// Every route the stand-in serves: the Phase 30 subset of the platform's router.
import { proxyA2a } from './a2a-proxy.ts';
import { json, type Route } from './http.ts';
import { checkAccess, discoverPeer, listPeers, recordHeartbeat, registerAgent, updateCard } from './registry-routes.ts';
import { createWorkspace } from './workspace-create.ts';
import {
  deleteWorkspace,
  getWorkspace,
  listWorkspaces,
  mintWorkspaceToken,
  pauseWorkspace,
  saveSecret,
  secretValues,
  workspaceState,
} from './workspace-routes.ts';

const ID = '([^/]+)';

/** Every route the stand-in serves (the Phase 30 subset of the platform's router). */
export const SANDBOX_ROUTES: readonly Route[] = [
  { method: 'GET', pattern: /^\/health$/, handler: () => json(200, { status: 'ok' }) },
  { method: 'GET', pattern: /^\/workspaces$/, handler: listWorkspaces },
  { method: 'POST', pattern: /^\/workspaces$/, handler: createWorkspace },
  { method: 'GET', pattern: new RegExp(`^/workspaces/${ID}$`), handler: getWorkspace },
  { method: 'DELETE', pattern: new RegExp(`^/workspaces/${ID}$`), handler: deleteWorkspace },
  { method: 'POST', pattern: new RegExp(`^/workspaces/${ID}/pause$`), handler: pauseWorkspace },
  { method: 'POST', pattern: new RegExp(`^/workspaces/${ID}/secrets$`), handler: saveSecret },
  { method: 'PUT', pattern: new RegExp(`^/workspaces/${ID}/secrets$`), handler: saveSecret },
  { method: 'GET', pattern: new RegExp(`^/workspaces/${ID}/secrets/values$`), handler: secretValues },
  { method: 'GET', pattern: new RegExp(`^/workspaces/${ID}/state$`), handler: workspaceState },
  { method: 'POST', pattern: new RegExp(`^/workspaces/${ID}/tokens$`), handler: mintWorkspaceToken },
  { method: 'POST', pattern: new RegExp(`^/workspaces/${ID}/a2a$`), handler: proxyA2a },
  { method: 'POST', pattern: /^\/registry\/register$/, handler: registerAgent },
  { method: 'POST', pattern: /^\/registry\/heartbeat$/, handler: recordHeartbeat },
  { method: 'POST', pattern: /^\/registry\/update-card$/, handler: updateCard },
  { method: 'POST', pattern: /^\/registry\/check-access$/, handler: checkAccess },
  { method: 'GET', pattern: new RegExp(`^/registry/discover/${ID}$`), handler: discoverPeer },
  { method: 'GET', pattern: new RegExp(`^/registry/${ID}/peers$`), handler: listPeers },
];
