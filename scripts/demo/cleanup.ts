// After a run (passed, failed or interrupted): stop the agent and delete what the run created.
import { deleteCreated, removeTokenFolder } from './steps/teardown.ts';
import type { DemoSession } from './session.ts';

/**
 * Runs after every demo, passed or not: stops an agent that is still running (SIGTERM, then
 * SIGKILL), deletes the workspaces the run created and has not deleted yet unless `--keep`
 * (children first, so a failed run leaves nothing behind), and closes the event stream. Each action is a hidden step;
 * a cleanup failure is recorded but does not hide the original failure.
 */
export async function cleanUpAfterRun(session: DemoSession): Promise<void> {
  const agent = session.state.agent;
  if (agent && !agent.hasExited()) {
    session.state.agentExitExpected = true;
    await session
      .hidden('cleanup: stop agent', `Stop the agent process (pid ${agent.pid})`, () => agent.stop())
      .catch(() => undefined);
  }
  if (!session.options.keep) {
    for (const id of [...session.state.created].reverse()) {
      await session
        .hidden('cleanup: delete workspace', `Delete workspace ${id}`, () => deleteCreated(session, id, true))
        .catch(() => undefined);
      if (!session.state.created.includes(id)) await removeTokenFolder(session, id).catch(() => undefined);
    }
  }
  session.events?.close();
}
