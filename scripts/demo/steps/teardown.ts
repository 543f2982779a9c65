// Step teardown: pause, the agent exits by itself, then delete what the run created.
import { rm } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { DemoStepError, formatSeconds } from '../errors.ts';
import { showNote } from '../present.ts';
import { workspaceCredential } from './credentials.ts';
import type { DemoSession } from '../session.ts';
import type { StepRunner } from './step-runner.ts';

/** Deletes a workspace this run created (children first, so `confirm=true` covers leftovers). */
export async function deleteCreated(session: DemoSession, id: string, confirm = false): Promise<void> {
  await session.call({ method: 'DELETE', path: `/workspaces/${id}${confirm ? '?confirm=true' : ''}`, auth: 'admin' });
  session.state.created = session.state.created.filter((created) => created !== id);
}

/** Removes the agent's token folder once its workspace is deleted (the delete revoked the token). */
export async function removeTokenFolder(session: DemoSession, workspaceId: string): Promise<boolean> {
  const file = session.state.tokenFile;
  if (!file || basename(dirname(file)) !== workspaceId) return false;
  await rm(dirname(file), { recursive: true, force: true });
  return true;
}

/**
 * Pauses the workspace and waits for the agent process to notice (it polls `/state`) and exit
 * with code 0 on its own; then deletes the workspaces unless `--keep`.
 */
export const teardownStep: StepRunner = {
  async run(session) {
    const id = session.state.workspace!.id;
    const agent = session.state.agent;
    session.state.agentExitExpected = true;
    try {
      await session.call({ method: 'POST', path: `/workspaces/${id}/pause`, auth: workspaceCredential(session) });
    } catch (error) {
      session.state.agentExitExpected = false;
      throw error;
    }
    if (agent) {
      const limit = session.timings.waitTimeoutMs;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), limit)));
      const outcome = await Promise.race([agent.exited, timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout')
        throw new DemoStepError(
          `timed out after ${formatSeconds(limit)} waiting for the agent to exit after the pause; last: still running (pid ${agent.pid})`,
          { hint: 'the agent polls GET /workspaces/:id/state; check that the platform reports paused:true' },
        );
      if (outcome.code !== 0)
        throw new DemoStepError(
          `the agent exited with ${outcome.signal ?? `code ${outcome.code}`} after the pause instead of 0`,
          { hint: "read the agent's last lines above" },
        );
      showNote(
        session.terminal,
        `the agent saw paused:true on its own (it polls /state every ${session.timings.statePollMs / 1000} s) and exited with code 0`,
      );
    }
    if (session.options.keep) {
      const embedded = session.platform.embedded
        ? ' (the embedded stand-in stops with the demo: --keep matters on a real platform)'
        : '';
      showNote(
        session.terminal,
        `--keep: workspaces left on the platform, paused: ${session.state.created.join(', ')}${embedded}`,
      );
      return;
    }
    await deleteCreated(session, id);
    const parent = session.state.parent;
    if (parent && session.state.created.includes(parent.id))
      await session.hidden('cleanup: parent PM workspace', 'Delete the parent PM workspace', () =>
        deleteCreated(session, parent.id),
      );
    if (await removeTokenFolder(session, id))
      showNote(session.terminal, 'deleted: its tokens are revoked, so the cached token folder was removed too');
  },
};
