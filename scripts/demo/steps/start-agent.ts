// Step start-agent: the remote agent as its own process, registered, heartbeating, its token cached safely.
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readSecretFile, SECRET_DIR_MODE, SECRET_FILE_MODE } from '../../lib/secret-file.ts';
import { startAgentProcess } from '../agent-process.ts';
import { AgentExitedError, DemoStepError } from '../errors.ts';
import { showAgentLine, showNote } from '../present.ts';
import { paint, clip } from '../terminal.ts';
import { WORKSPACE_NAME } from './create-workspace.ts';
import type { StepRunner } from './step-runner.ts';

const mode = (bits: number) => `0${(bits & 0o777).toString(8)}`;

/**
 * Starts the agent as its own OS process and waits, by its own reports over IPC, until it has
 * registered, pulled its secrets and sent a first heartbeat; then checks the cached token's
 * file modes (0700 folder, 0600 file) and adds the token to the redaction list.
 */
export const startAgentStep: StepRunner = {
  async run(session) {
    const workspace = session.state.workspace!;
    const { terminal, timings } = session;
    terminal.line(
      clip(
        `${paint.bold('$')} node scripts/demo/agent/cli.ts --platform-url ${session.platform.url} --workspace-id ${workspace.id}`,
      ),
    );
    const port =
      workspace.agentUrl && !session.options.agentPublicUrl
        ? Number(new URL(workspace.agentUrl).port)
        : session.options.agentPort;
    const agent = startAgentProcess(
      {
        platformUrl: session.platform.url,
        workspaceId: workspace.id,
        name: WORKSPACE_NAME,
        bootstrapToken: workspace.createTimeToken,
        host: session.options.agentHost,
        port,
        publicUrl: workspace.agentUrl,
        heartbeatMs: timings.heartbeatMs,
        statePollMs: timings.statePollMs,
        orgId: session.options.orgId,
        env: session.options.agentEnv,
      },
      (line, stream) => showAgentLine(terminal, line, stream),
      (message) => {
        if (message.type !== 'exchange') return;
        const { method, path, status, durationMs, requestBody, responseBody, authorized } = message.exchange;
        session.current.exchanges.push({
          actor: 'agent',
          method,
          path,
          status,
          durationMs,
          startMs: session.clock() - durationMs,
          request: { headers: authorized ? { Authorization: 'Bearer «redacted»' } : {}, body: requestBody },
          response: status === null ? undefined : { body: responseBody },
        });
      },
    );
    session.state.agent = agent;
    const given = workspace.createTimeToken
      ? 'the platform URL, its workspace id and the create-time token (via its environment)'
      : 'the platform URL and its workspace id';
    showNote(
      terminal,
      `the "laptop": a separate OS process (pid ${agent.pid}); it gets ${given}, never the admin token`,
    );
    void agent.exited.then(({ code, signal }) => {
      if (!session.state.agentExitExpected) session.abort(new AgentExitedError(code, signal, agent.stderr()));
    });
    const registered = await agent.waitForMessage('registered', timings.waitTimeoutMs, session.signal);
    await agent.waitForMessage('secrets', timings.waitTimeoutMs, session.signal);
    await agent.waitForMessage('heartbeat', timings.waitTimeoutMs, session.signal);
    if (registered.type !== 'registered') return;
    session.state.tokenFile = registered.tokenFile;
    session.protect(await readSecretFile(registered.tokenFile));
    const [file, folder] = await Promise.all([stat(registered.tokenFile), stat(dirname(registered.tokenFile))]);
    const fileMode = mode(file.mode);
    const folderMode = mode(folder.mode);
    if ((file.mode & 0o777) !== SECRET_FILE_MODE || (folder.mode & 0o777) !== SECRET_DIR_MODE) {
      throw new DemoStepError(
        `the cached token is readable by others: file ${fileMode}, folder ${folderMode} (expected 0600 and 0700)`,
        { hint: 'the agent must create its token folder 0700 and file 0600' },
      );
    }
    showNote(
      terminal,
      `token file ${fileMode}, folder ${folderMode}, ${file.size} characters; only this user can read it`,
    );
  },
};
