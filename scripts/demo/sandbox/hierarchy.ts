// The workspace tree rules: who may talk to whom, peers and descendants.
import type { WorkspaceRow } from './store.ts';

/** How far up the tree the platform walks when it looks for an ancestor. */
export const MAX_HIERARCHY_DEPTH = 32;

function isAncestor(ancestorId: string, row: WorkspaceRow, workspaces: Map<string, WorkspaceRow>): boolean {
  let current: WorkspaceRow | undefined = row;
  for (let depth = 0; depth < MAX_HIERARCHY_DEPTH && current?.parent_id; depth++) {
    if (current.parent_id === ancestorId) return true;
    current = workspaces.get(current.parent_id);
  }
  return false;
}

/**
 * The platform's `CanCommunicate`: the same workspace, siblings (same parent, or both roots),
 * or an ancestor and its descendant in either direction. Unknown workspaces never communicate.
 */
export function canCommunicate(callerId: string, targetId: string, workspaces: Map<string, WorkspaceRow>): boolean {
  if (callerId === targetId) return true;
  const caller = workspaces.get(callerId);
  const target = workspaces.get(targetId);
  if (!caller || !target) return false;
  if (caller.parent_id === target.parent_id) return true;
  return isAncestor(callerId, target, workspaces) || isAncestor(targetId, caller, workspaces);
}

/**
 * Peers as `GET /registry/:id/peers` lists them: siblings (for a root, every other root), then
 * children, then the parent; removed workspaces left out; `query` filters on name or role.
 */
export function peersOf(row: WorkspaceRow, workspaces: Map<string, WorkspaceRow>, query = ''): WorkspaceRow[] {
  const live = [...workspaces.values()].filter((other) => other.status !== 'removed' && other.id !== row.id);
  const siblings = live.filter((other) => other.parent_id === row.parent_id);
  const children = live.filter((other) => other.parent_id === row.id);
  const parent = live.filter((other) => other.id === row.parent_id);
  const needle = query.toLowerCase();
  return [...siblings, ...children, ...parent].filter(
    (other) =>
      !needle || other.name.toLowerCase().includes(needle) || (other.role ?? '').toLowerCase().includes(needle),
  );
}

/** Ids of a workspace's descendants, nearest first (for cascading pause and delete). */
export function descendantsOf(id: string, workspaces: Map<string, WorkspaceRow>): string[] {
  const found: string[] = [];
  const queue = [id];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const row of workspaces.values()) {
      if (row.parent_id === current && !found.includes(row.id)) {
        found.push(row.id);
        queue.push(row.id);
      }
    }
  }
  return found;
}
