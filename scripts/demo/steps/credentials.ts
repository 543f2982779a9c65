// The credential a step uses for a workspace: its token, or the admin token.
import type { Credential } from '../http-client.ts';
import type { DemoSession } from '../session.ts';

/**
 * The credential for a WorkspaceAuth route: the admin token when there is one, else the
 * workspace's own token when the run knows it, else nothing (a development platform allows that).
 */
export function workspaceCredential(session: DemoSession): Credential {
  if (session.platform.adminToken) return 'admin';
  const token = session.state.workspace?.createTimeToken;
  return token ? { bearer: token } : 'none';
}
