/**
 * The remote agent as its own program ("the laptop"): registers with a Phase 30 platform,
 * pulls its secrets, heartbeats, answers A2A tasks and exits by itself on pause or delete.
 * Run it against any platform: `node scripts/demo/agent/main.ts --platform-url … --workspace-id …`.
 * Exit codes: 0 stopped cleanly, 1 platform or runtime error, 2 bad usage, 3 port in use.
 */
import { redact, REDACTED } from '../../lib/redact.ts';
import { redactDeep } from '../record/redact-deep.ts';
import { PortInUseError } from './a2a-server.ts';
import { parseAgentConfig } from './agent-config.ts';
import { runAgent, type AgentMessage } from './run-agent.ts';
import type { AgentExchange } from './platform-api.ts';

const { config, problems } = parseAgentConfig(process.argv.slice(2), process.env);
if (!config) {
  for (const problem of problems) console.error(`agent: ${problem}`);
  process.exit(2);
}

const secrets = new Set<string>(config.bootstrapToken ? [config.bootstrapToken] : []);
const controller = new AbortController();
const print = (line: string) => process.stdout.write(`${redact(line, secrets)}\n`);
const notify = (message: AgentMessage) => {
  if (process.send && process.connected) process.send(message);
};
// Secret values are masked by shape as well as by value: the parent records this body.
const reportExchange = (exchange: AgentExchange) => {
  const responseBody = exchange.path.endsWith('/secrets/values') && exchange.responseBody && typeof exchange.responseBody === 'object'
    ? Object.fromEntries(Object.keys(exchange.responseBody).map((key) => [key, REDACTED]))
    : exchange.responseBody;
  notify({ type: 'exchange', exchange: redactDeep({ ...exchange, responseBody }, secrets) });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());
// Started by a runner over IPC: if the runner dies, so does the agent (no orphan left behind).
process.once('disconnect', () => controller.abort());

const REASONS = { paused: 'workspace paused', removed: 'workspace deleted', signal: 'asked to stop' } as const;
try {
  const reason = await runAgent(config, { log: print, notify, protect: (value) => secrets.add(value), exchange: reportExchange }, controller.signal);
  print(`stopping: ${REASONS[reason]} — exiting cleanly`);
  process.exitCode = 0;
} catch (error) {
  if (error instanceof PortInUseError) {
    console.error(`agent: ${error.message} — set AGENT_PORT to a free port, or leave it unset to pick one`);
    process.exitCode = 3;
  } else {
    console.error(redact(`agent: ${(error as Error).message}`, secrets));
    process.exitCode = 1;
  }
}
if (process.connected) process.disconnect();
