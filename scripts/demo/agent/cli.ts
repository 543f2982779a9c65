/**
 * The remote agent as its own program ("the laptop"): registers with a Phase 30 platform,
 * pulls its secrets, heartbeats, answers A2A tasks and exits by itself on pause or delete.
 * Run it against any platform: `node scripts/demo/agent/cli.ts --platform-url … --workspace-id …`.
 * Exit codes (the CLI harness): 0 stopped cleanly, 1 platform, runtime or port problem, 2 bad usage, 130 interrupted.
 */
import { runCommand } from '../../lib/cli/run-command.ts';
import { locatedIssue } from '../../lib/cli/usage-issue.ts';
import { redact, REDACTED } from '../../lib/redact.ts';
import { redactDeep } from '../../lib/redact-deep.ts';
import { PortInUseError } from './a2a-server.ts';
import { AGENT_FLAGS, AGENT_USAGE, parseAgentConfig, type AgentConfig } from './agent-config.ts';
import { runAgent, type AgentMessage } from './run-agent.ts';
import type { AgentExchange } from './platform-api.ts';

const REASONS = { paused: 'workspace paused', removed: 'workspace deleted', signal: 'asked to stop' } as const;

const agentIssue = (where: string, message: string, hint?: string) => locatedIssue(where, 'agent', message, hint);

await runCommand<AgentConfig>({
  name: 'agent',
  usage: AGENT_USAGE,
  options: AGENT_FLAGS,
  parse: parseAgentConfig,
  async run(config, { signal, stdout, env }) {
    const secrets = new Set<string>(config.bootstrapToken ? [config.bootstrapToken] : []);
    const print = (line: string) => stdout.write(`${redact(line, secrets)}\n`);
    const notify = (message: AgentMessage) => {
      if (process.send && process.connected) process.send(message);
    };
    // Secret values are masked by shape as well as by value: the parent records this body.
    const reportExchange = (exchange: AgentExchange) => {
      const responseBody =
        exchange.path.endsWith('/secrets/values') && exchange.responseBody && typeof exchange.responseBody === 'object'
          ? Object.fromEntries(Object.keys(exchange.responseBody).map((key) => [key, REDACTED]))
          : exchange.responseBody;
      notify({ type: 'exchange', exchange: redactDeep({ ...exchange, responseBody }, secrets) });
    };
    // Ctrl-C/SIGTERM come through the harness's signal; started by a runner over IPC, the agent
    // also stops when the runner dies (the channel closes), so no orphan is left behind.
    const controller = new AbortController();
    const stop = () => controller.abort();
    signal.addEventListener('abort', stop, { once: true });
    process.once('disconnect', stop);
    try {
      const reason = await runAgent(
        config,
        { log: print, notify, protect: (value) => secrets.add(value), exchange: reportExchange },
        controller.signal,
      );
      print(`stopping: ${REASONS[reason]} — exiting cleanly`);
      return { issues: [] };
    } catch (error) {
      if (error instanceof PortInUseError) {
        const where = env.AGENT_PORT && config.port === Number(env.AGENT_PORT) ? 'AGENT_PORT' : '--port';
        return {
          issues: [agentIssue(where, error.message, 'set AGENT_PORT to a free port, or leave it unset to pick one')],
        };
      }
      return { issues: [agentIssue('agent', redact((error as Error).message, secrets))] };
    } finally {
      process.off('disconnect', stop);
      if (process.connected) process.disconnect();
    }
  },
});
