// Where a page runs: a fresh embedded stand-in (the demo's own) unless PLATFORM_URL names another platform.
import { createSandbox } from '../../demo/sandbox/server.ts';
import { mintTokenText } from '../../demo/sandbox/tokens.ts';

/** The platform one pass of a page talks to. */
export interface PlatformTarget {
  kind: 'stand-in' | 'platform';
  url: string;
  adminToken: string | undefined;
  close(): Promise<void>;
}

/** How the run was asked to reach the platform (the same switch as `npm run demo`). */
export interface PlatformChoice {
  url: string | undefined;
  adminToken: string | undefined;
}

/** Starts a fresh stand-in with a generated admin token, or wraps the external platform. */
export async function openPlatform(choice: PlatformChoice): Promise<PlatformTarget> {
  if (choice.url) return { kind: 'platform', url: choice.url, adminToken: choice.adminToken, close: async () => {} };
  const adminToken = choice.adminToken ?? mintTokenText();
  const sandbox = await createSandbox({ adminToken });
  return { kind: 'stand-in', url: sandbox.url, adminToken, close: () => sandbox.close() };
}

/** Deletes the workspaces a page created and left behind; returns the ids it could not delete. */
export async function deleteWorkspaces(
  target: PlatformTarget,
  ids: Iterable<string>,
  orgId: string | undefined,
): Promise<string[]> {
  const failed: string[] = [];
  for (const id of ids) {
    const headers: Record<string, string> = {};
    if (target.adminToken) headers.Authorization = `Bearer ${target.adminToken}`;
    if (orgId) headers['X-Molecule-Org-Id'] = orgId;
    const ok = await fetch(`${target.url}/workspaces/${id}?confirm=true`, {
      method: 'DELETE',
      headers,
      signal: AbortSignal.timeout(10_000),
    })
      .then((response) => response.ok || response.status === 404)
      .catch(() => false);
    if (!ok) failed.push(id);
  }
  return failed;
}
