// The remote agent's flags and environment, read into its configuration or usage issues located at a flag or env var.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Issue } from '../../../core/issue.ts';
import type { ParsedArgs, ParseResult } from '../../lib/cli/run-command.ts';
import { envIssue, usageIssue } from '../../lib/cli/usage-issue.ts';

/** Heartbeat interval when nothing else is asked for, as the SDK does. */
export const DEFAULT_HEARTBEAT_MS = 30_000;
/** Path the agent serves JSON-RPC on (the platform posts to the registered URL exactly). */
export const A2A_PATH = '/a2a';

/** Everything the remote agent needs to run. */
export interface AgentConfig {
  platformUrl: string;
  workspaceId: string;
  name: string;
  /** Interface to listen on; loopback by default (a tunnel forwards to it). */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** URL the platform should call, e.g. a tunnel; default `http://localhost:<port>/a2a`. */
  publicUrl: string | undefined;
  heartbeatMs: number;
  statePollMs: number;
  /** Folder holding `<workspace id>/.auth_token` (`~/.molecule` unless MOLECULE_TOKEN_DIR). */
  tokenBase: string;
  /** How the token folder is shown in logs: `~/.molecule` or `$MOLECULE_TOKEN_DIR`. */
  tokenBaseLabel: string;
  /** The create-time token (MOLECULE_WORKSPACE_TOKEN), sent as Bearer on register. Never on argv. */
  bootstrapToken: string | undefined;
  orgId: string | undefined;
}

/** Where the token for a workspace is cached. */
export function tokenFileFor(config: Pick<AgentConfig, 'tokenBase' | 'workspaceId'>): string {
  return join(config.tokenBase, config.workspaceId, '.auth_token');
}

/** The agent's option table (node:util parseArgs), run by the CLI harness. */
export const AGENT_FLAGS = Object.fromEntries(
  [
    'platform-url',
    'workspace-id',
    'name',
    'host',
    'port',
    'public-url',
    'heartbeat',
    'state-poll',
    'token-dir',
    'org-id',
  ].map((flag) => [flag, { type: 'string' as const }]),
);

/** The usage line the harness prints under a usage problem and for --help. */
export const AGENT_USAGE =
  'usage: node scripts/demo/agent/cli.ts --platform-url URL --workspace-id ID [--name N] [--host H] [--port N] [--public-url URL] [--heartbeat S] [--state-poll S] [--token-dir DIR] [--org-id ID]';

function positiveSeconds(value: string | undefined, name: string, problems: Issue[]): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) {
    problems.push(usageIssue(name, `expected a positive number of seconds, got "${value}"`));
    return undefined;
  }
  return Math.round(number * 1000);
}

/**
 * Reads the agent's flags and environment (flags win): --platform-url/PLATFORM_URL,
 * --workspace-id/WORKSPACE_ID, --name/AGENT_NAME, --host/AGENT_HOST, --port/AGENT_PORT,
 * --public-url/AGENT_PUBLIC_URL, --heartbeat, --state-poll, --token-dir/MOLECULE_TOKEN_DIR,
 * --org-id/MOLECULE_ORG_ID; MOLECULE_WORKSPACE_TOKEN from the environment only.
 */
export function parseAgentConfig(args: Pick<ParsedArgs, 'values' | 'env'>): ParseResult<AgentConfig> {
  const { env } = args;
  const values = args.values as Record<string, string | undefined>;
  const problems: Issue[] = [];
  const platformUrl = (values['platform-url'] ?? env.PLATFORM_URL ?? '').replace(/\/+$/, '');
  const workspaceId = values['workspace-id'] ?? env.WORKSPACE_ID ?? '';
  if (!/^https?:\/\/[^/]+/.test(platformUrl)) {
    const given =
      values['platform-url'] !== undefined ? '--platform-url' : env.PLATFORM_URL ? 'PLATFORM_URL' : undefined;
    problems.push(
      given === 'PLATFORM_URL'
        ? envIssue('PLATFORM_URL', `expected an http(s) URL, got "${env.PLATFORM_URL}"`)
        : usageIssue(
            '--platform-url',
            given ? `expected an http(s) URL, got "${values['platform-url']}"` : 'is required',
            "set --platform-url (or PLATFORM_URL) to the platform's http(s) URL",
          ),
    );
  }
  if (!workspaceId) problems.push(usageIssue('--workspace-id', 'is required', 'set --workspace-id (or WORKSPACE_ID)'));
  const port = Number(values.port ?? env.AGENT_PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    const message = `expected 0-65535, got "${values.port ?? env.AGENT_PORT}"`;
    problems.push(values.port === undefined ? envIssue('AGENT_PORT', message) : usageIssue('--port', message));
  }
  const heartbeatMs = positiveSeconds(values.heartbeat, '--heartbeat', problems) ?? DEFAULT_HEARTBEAT_MS;
  const statePollMs = positiveSeconds(values['state-poll'], '--state-poll', problems) ?? heartbeatMs;
  if (problems.length > 0) return { issues: problems };
  return {
    options: {
      platformUrl,
      workspaceId,
      name: values.name ?? env.AGENT_NAME ?? `remote-agent-${workspaceId.slice(0, 8)}`,
      host: values.host ?? env.AGENT_HOST ?? '127.0.0.1',
      port,
      publicUrl: values['public-url'] ?? (env.AGENT_PUBLIC_URL || undefined),
      heartbeatMs,
      statePollMs,
      tokenBase: values['token-dir'] ?? (env.MOLECULE_TOKEN_DIR || join(homedir(), '.molecule')),
      tokenBaseLabel: values['token-dir']
        ? values['token-dir']
        : env.MOLECULE_TOKEN_DIR
          ? '$MOLECULE_TOKEN_DIR'
          : '~/.molecule',
      bootstrapToken: env.MOLECULE_WORKSPACE_TOKEN || undefined,
      orgId: values['org-id'] ?? (env.MOLECULE_ORG_ID || undefined),
    },
  };
}
