// The agent's life: register, pull secrets, heartbeat, answer tasks, stop on pause, delete or signal.
import { setTimeout as sleep } from 'node:timers/promises';
import { startA2aServer } from './a2a-server.ts';
import { pollLifecycle, TokenRejectedError } from './agent-state.ts';
import { callPlatform, type AgentExchange } from './platform-api.ts';
import { registerAgent } from './register.ts';
import { A2A_PATH, type AgentConfig } from './agent-config.ts';

/** Why the agent stopped. */
export type StopReason = 'paused' | 'removed' | 'signal';

/** Progress the agent reports to a parent process (over IPC when there is one). */
export type AgentMessage =
  | { type: 'listening'; url: string }
  | { type: 'registered'; source: 'issued' | 'create-time' | 'cached'; tokenFile: string }
  | { type: 'secrets'; keys: string[] }
  | { type: 'heartbeat'; count: number }
  | { type: 'task'; text: string }
  | { type: 'exchange'; exchange: AgentExchange };

/** Where the agent sends its log lines, progress and newly learned secrets. */
export interface AgentOutput {
  log(line: string): void;
  notify(message: AgentMessage): void;
  /** A value that must never be printed from now on (token, secret values). */
  protect(value: string): void;
  /** A platform call worth a line in the runner's transcript (the reporter redacts bodies). */
  exchange(exchange: AgentExchange): void;
}

/** The text the demo agent answers with: it makes no model call, it says what it is. */
export function composeReply(name: string, task: string, secretKeys: readonly string[]): string {
  return [
    `${name} (remote agent) got: "${task}"`,
    "• reached through the platform's A2A proxy, no shared network",
    `• secrets on hand: ${secretKeys.join(', ') || 'none'} (values never leave this machine)`,
    '• demo agent: no model was called for this answer',
  ].join('\n');
}

/**
 * The remote agent's whole life: serve A2A, register (token cached 0700/0600), pull secrets
 * (key names only are logged), then heartbeat and poll `/state` until the workspace is paused
 * or deleted, or `signal` aborts. Heartbeat and transient poll failures are logged, not fatal.
 */
export async function runAgent(config: AgentConfig, output: AgentOutput, signal: AbortSignal): Promise<StopReason> {
  const started = Date.now();
  let activeTasks = 0;
  let secretKeys: string[] = [];
  // Behind a tunnel the platform posts to the public URL's path, which the tunnel passes through.
  const path = config.publicUrl ? new URL(config.publicUrl).pathname || '/' : A2A_PATH;
  const { server, port } = await startA2aServer(config.host, config.port, path, (text) => {
    activeTasks++;
    output.log(`← message/send via the platform's A2A proxy: "${text}"`);
    output.notify({ type: 'task', text });
    const reply = composeReply(config.name, text, secretKeys);
    output.log('→ replied with a JSON-RPC result (text part)');
    activeTasks--;
    return reply;
  });
  try {
    const url = config.publicUrl ?? `http://localhost:${port}${A2A_PATH}`;
    output.log(`listening on ${config.host}:${port}; the platform will call ${url}`);
    output.notify({ type: 'listening', url });
    const card = {
      name: config.name,
      description: 'Phase 30 demo agent running outside the platform',
      runtime: 'external',
      skills: [{ id: 'research', name: 'research' }],
    };
    const registration = await registerAgent(config, url, card, output.exchange);
    output.protect(registration.token);
    const how = {
      issued: 'the platform issued a new token',
      'create-time': 'sent the create-time token as Bearer; no new token issued',
      cached: 'sent the cached token as Bearer; no new token issued',
    }[registration.source];
    output.log(`registered workspace ${config.workspaceId}: ${how}`);
    output.log(`token cached at ${registration.tokenFile.replace(config.tokenBase, config.tokenBaseLabel)} (0600)`);
    output.notify({ type: 'registered', source: registration.source, tokenFile: registration.tokenFile });
    const { json: secrets } = await callPlatform(config, 'GET', `/workspaces/${config.workspaceId}/secrets/values`, {
      token: registration.token,
      onExchange: output.exchange,
    });
    const values = (secrets ?? {}) as Record<string, string>;
    for (const value of Object.values(values)) output.protect(String(value));
    secretKeys = Object.keys(values).sort();
    output.log(`pulled ${secretKeys.length} secret(s): keys=[${secretKeys.join(', ')}]`);
    output.notify({ type: 'secrets', keys: secretKeys });
    let beats = 0;
    let nextBeat = Date.now();
    let nextPoll = Date.now();
    while (!signal.aborted) {
      if (Date.now() >= nextBeat) {
        nextBeat += config.heartbeatMs;
        try {
          // Only the first heartbeat and failures go to the transcript; the rest are routine.
          await callPlatform(config, 'POST', '/registry/heartbeat', {
            token: registration.token,
            onExchange: (exchange) => {
              if (beats === 0 || exchange.status !== 200) output.exchange(exchange);
            },
            body: {
              workspace_id: config.workspaceId,
              current_task: activeTasks ? 'researching' : 'idle',
              active_tasks: activeTasks,
              error_rate: 0,
              sample_error: '',
              uptime_seconds: Math.floor((Date.now() - started) / 1000),
            },
          });
          beats++;
          if (beats === 1) output.log(`heartbeat every ${config.heartbeatMs / 1000} s; first one accepted`);
          output.notify({ type: 'heartbeat', count: beats });
        } catch (error) {
          output.log(`heartbeat failed: ${(error as Error).message} — continuing`);
        }
      }
      if (Date.now() >= nextPoll) {
        nextPoll += config.statePollMs;
        // Routine polls stay out of the transcript; the one that ends the loop, and failures, go in.
        const calls: AgentExchange[] = [];
        try {
          const lifecycle = await pollLifecycle(config, registration.token, (exchange) => calls.push(exchange));
          if (lifecycle !== 'running') {
            calls.forEach(output.exchange);
            return lifecycle;
          }
        } catch (error) {
          calls.forEach(output.exchange);
          if (error instanceof TokenRejectedError) throw error;
          output.log(`state poll failed: ${(error as Error).message} — continuing`);
        }
      }
      await sleep(Math.max(0, Math.min(nextBeat, nextPoll) - Date.now()), undefined, { signal }).catch(() => undefined);
    }
    return 'signal';
  } finally {
    server.closeAllConnections();
    server.close();
  }
}
