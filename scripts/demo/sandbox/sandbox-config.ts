// `npm run sandbox` flags and the platform's own environment variables, read into stand-in options or usage issues.
import type { Issue } from '../../../core/issue.ts';
import type { ParsedArgs, ParseResult } from '../../lib/cli/run-command.ts';
import { envIssue, usageIssue } from '../../lib/cli/usage-issue.ts';
import { parseFault, type Fault } from './faults.ts';
import type { SandboxOptions } from './server.ts';

/** The sandbox's option table (node:util parseArgs), run by the CLI harness. */
export const SANDBOX_FLAGS = {
  port: { type: 'string' },
  'no-admin-token': { type: 'boolean' },
  env: { type: 'string' },
  'org-id': { type: 'string' },
  'offline-after': { type: 'string' },
  sweep: { type: 'string' },
  'a2a-timeout': { type: 'string' },
  fault: { type: 'string', multiple: true },
  'fixed-enum': { type: 'boolean' },
  quiet: { type: 'boolean' },
} as const;

/** The one-line usage the harness prints under a usage problem and for --help. */
export const SANDBOX_USAGE =
  'usage: npm run sandbox -- [--port N] [--no-admin-token] [--env development|production] [--org-id ID] [--offline-after S] [--sweep S] [--a2a-timeout S] [--fault "POST /path -> 500"] [--fixed-enum] [--quiet]';

/** What `npm run sandbox` was asked for, or the problems with the request. */
export interface SandboxCommand {
  options: SandboxOptions;
  /** `generate`: mint an admin token and write it to a file; `env`: ADMIN_TOKEN given; `none`: bootstrap mode. */
  adminTokenSource: 'generate' | 'env' | 'none';
  quiet: boolean;
}

function seconds(value: string | undefined, where: string, problems: Issue[]): number | undefined {
  if (value === undefined) return undefined;
  // Go durations such as "90s" are accepted as well as plain seconds.
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(value.trim());
  if (!match) {
    problems.push(at(where, `expected seconds such as 90 or 90s, got "${value}"`));
    return undefined;
  }
  const factor = match[2] === 'ms' ? 1 : match[2] === 'm' ? 60_000 : 1000;
  return Number(match[1]) * factor;
}

// A flag's problem sits at the flag; a value from the environment at the variable's name.
function at(where: string, message: string): Issue {
  return where.startsWith('--') ? usageIssue(where, message) : envIssue(where, message);
}

/**
 * Reads `npm run sandbox` flags and the platform's own environment variables (flags win):
 * PORT, ADMIN_TOKEN, MOLECULE_ENV, MOLECULE_ORG_ID, CORS_ORIGINS, REMOTE_LIVENESS_STALE_AFTER.
 */
export function parseSandboxCommand({ values, env }: Pick<ParsedArgs, 'values' | 'env'>): ParseResult<SandboxCommand> {
  const problems: Issue[] = [];
  const port = Number(values.port ?? env.PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    problems.push(
      at(values.port === undefined ? 'PORT' : '--port', `expected 0-65535, got "${String(values.port ?? env.PORT)}"`),
    );
  const environment = String(values.env ?? env.MOLECULE_ENV ?? 'development').toLowerCase();
  if (!['development', 'dev', 'production'].includes(environment))
    problems.push(
      at(
        values.env === undefined ? 'MOLECULE_ENV' : '--env',
        `expected development or production, got "${environment}"`,
      ),
    );
  const faults: Fault[] = [];
  for (const spec of (values.fault as string[] | undefined) ?? []) {
    const fault = parseFault(spec);
    if (typeof fault === 'string') problems.push(usageIssue('--fault', fault));
    else faults.push(fault);
  }
  const noAdmin = values['no-admin-token'] === true;
  const offlineAfterMs = seconds(
    (values['offline-after'] as string | undefined) ?? env.REMOTE_LIVENESS_STALE_AFTER,
    values['offline-after'] === undefined ? 'REMOTE_LIVENESS_STALE_AFTER' : '--offline-after',
    problems,
  );
  const options: SandboxOptions = {
    port,
    environment: environment === 'production' ? 'production' : 'development',
    orgId: (values['org-id'] as string | undefined) ?? (env.MOLECULE_ORG_ID || undefined),
    corsOrigins: env.CORS_ORIGINS ? env.CORS_ORIGINS.split(',').map((origin) => origin.trim()) : undefined,
    offlineAfterMs,
    sweepIntervalMs:
      seconds(values.sweep as string | undefined, '--sweep', problems) ??
      (offlineAfterMs ? Math.max(50, Math.min(15_000, offlineAfterMs / 6)) : undefined),
    a2aTimeoutMs: seconds(values['a2a-timeout'] as string | undefined, '--a2a-timeout', problems),
    awaitingAgentBug: values['fixed-enum'] === true ? false : undefined,
    adminToken: noAdmin ? undefined : env.ADMIN_TOKEN || undefined,
    faults,
  };
  if (problems.length > 0) return { issues: problems };
  return {
    options: {
      options,
      adminTokenSource: noAdmin ? 'none' : env.ADMIN_TOKEN ? 'env' : 'generate',
      quiet: values.quiet === true,
    },
  };
}
