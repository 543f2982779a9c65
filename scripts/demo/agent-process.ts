// Starts the remote agent as its own OS process with an IPC channel, and stops it.
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { execaNode, type ResultPromise } from 'execa';
import { AgentExitedError, DemoStepError, formatSeconds } from './errors.ts';
import type { AgentMessage } from './agent/run-agent.ts';

/** The agent's entry point. */
export const AGENT_MAIN = join(import.meta.dirname, 'agent', 'cli.ts');
/** How long the agent gets to stop after SIGTERM before it is killed. */
export const AGENT_STOP_GRACE_MS = 3_000;

/** How to start the agent. Secrets go in through the environment, never argv. */
export interface AgentLaunch {
  platformUrl: string;
  workspaceId: string;
  name: string;
  bootstrapToken: string | undefined;
  host: string | undefined;
  port: number | undefined;
  publicUrl: string | undefined;
  heartbeatMs: number;
  statePollMs: number;
  orgId: string | undefined;
  /** Minimal environment for the child (HOME, PATH, MOLECULE_TOKEN_DIR…): it never sees ADMIN_TOKEN. */
  env: Record<string, string>;
}

/** A running agent process. */
export interface AgentHandle {
  pid: number;
  messages: AgentMessage[];
  /** Resolves with the first message of a type (already received ones count). */
  waitForMessage(type: AgentMessage['type'], timeoutMs: number, signal: AbortSignal): Promise<AgentMessage>;
  /** Settles when the process has ended. */
  exited: Promise<{ code: number | undefined; signal: string | undefined }>;
  hasExited(): boolean;
  /** Last stderr output (for failure messages). */
  stderr(): string;
  /** SIGTERM, then SIGKILL after a grace period; resolves when the process is gone. */
  stop(): Promise<void>;
}

function argsFor(launch: AgentLaunch): string[] {
  const args = ['--platform-url', launch.platformUrl, '--workspace-id', launch.workspaceId, '--name', launch.name];
  args.push('--heartbeat', String(launch.heartbeatMs / 1000), '--state-poll', String(launch.statePollMs / 1000));
  if (launch.host) args.push('--host', launch.host);
  if (launch.port !== undefined) args.push('--port', String(launch.port));
  if (launch.publicUrl) args.push('--public-url', launch.publicUrl);
  if (launch.orgId) args.push('--org-id', launch.orgId);
  return args;
}

/**
 * Starts the remote agent as its own OS process (the "laptop") with the same Node binary,
 * an IPC channel for progress (`onMessage`), and its stdout/stderr streamed line by line to `onLine`.
 */
export function startAgentProcess(
  launch: AgentLaunch,
  onLine: (line: string, stream: 'stdout' | 'stderr') => void,
  onMessage: (message: AgentMessage) => void = () => undefined,
): AgentHandle {
  const env = { ...launch.env, ...(launch.bootstrapToken ? { MOLECULE_WORKSPACE_TOKEN: launch.bootstrapToken } : {}) };
  const child: ResultPromise = execaNode(AGENT_MAIN, argsFor(launch), {
    nodePath: process.execPath,
    nodeOptions: [],
    ipc: true,
    env,
    extendEnv: false,
    reject: false,
    buffer: false,
    forceKillAfterDelay: AGENT_STOP_GRACE_MS,
  });
  const messages: AgentMessage[] = [];
  const waiters = new Set<() => void>();
  let stderrText = '';
  let done = false;
  child.on('message', (message: AgentMessage) => {
    messages.push(message);
    onMessage(message);
    for (const waiter of waiters) waiter();
  });
  createInterface({ input: child.stdout! }).on('line', (line) => onLine(line, 'stdout'));
  createInterface({ input: child.stderr! }).on('line', (line) => {
    stderrText = `${stderrText}${line}\n`.slice(-2000);
    onLine(line, 'stderr');
  });
  const exited = child.then((result) => {
    done = true;
    for (const waiter of waiters) waiter();
    return { code: result.exitCode, signal: result.signal };
  });
  return {
    pid: child.pid ?? -1,
    messages,
    exited,
    hasExited: () => done,
    stderr: () => stderrText,
    waitForMessage(type, timeoutMs, signal) {
      return new Promise((resolve, reject) => {
        const finish = (settle: () => void) => {
          waiters.delete(check);
          clearTimeout(timer);
          signal.removeEventListener('abort', check);
          settle();
        };
        const check = () => {
          const found = messages.find((message) => message.type === type);
          if (found) return finish(() => resolve(found));
          if (signal.aborted) return finish(() => reject(signal.reason));
          if (done)
            void exited.then(({ code, signal: killed }) =>
              finish(() => reject(new AgentExitedError(code, killed, stderrText))),
            );
        };
        const timer = setTimeout(() => {
          const last = messages.at(-1)?.type ?? 'nothing yet';
          finish(() =>
            reject(
              new DemoStepError(
                `timed out after ${formatSeconds(timeoutMs)} waiting for the agent to report "${type}"; last: ${last}`,
                { hint: "read the agent's lines above (prefixed laptop │)" },
              ),
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        signal.addEventListener('abort', check);
        check();
      });
    },
    async stop() {
      if (!done) child.kill('SIGTERM');
      await exited;
    },
  };
}
