import { parseArgs } from 'node:util';
import { parseFault, type Fault } from './faults.ts';
import type { SandboxOptions } from './server.ts';

/** What `npm run sandbox` was asked for, or the problems with the request. */
export interface SandboxCommand {
  options: SandboxOptions;
  /** `generate`: mint an admin token and write it to a file; `env`: ADMIN_TOKEN given; `none`: bootstrap mode. */
  adminTokenSource: 'generate' | 'env' | 'none';
  quiet: boolean;
  problems: string[];
}

function seconds(value: string | undefined, name: string, problems: string[]): number | undefined {
  if (value === undefined) return undefined;
  // Go durations such as "90s" are accepted as well as plain seconds.
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(value.trim());
  if (!match) {
    problems.push(`${name}: expected seconds such as 90 or 90s, got "${value}"`);
    return undefined;
  }
  const factor = match[2] === 'ms' ? 1 : match[2] === 'm' ? 60_000 : 1000;
  return Number(match[1]) * factor;
}

/**
 * Reads `npm run sandbox` flags and the platform's own environment variables (flags win):
 * PORT, ADMIN_TOKEN, MOLECULE_ENV, MOLECULE_ORG_ID, CORS_ORIGINS, REMOTE_LIVENESS_STALE_AFTER.
 */
export function parseSandboxCommand(argv: readonly string[], env: NodeJS.ProcessEnv): SandboxCommand {
  const problems: string[] = [];
  let values: Record<string, string | boolean | string[] | undefined> = {};
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      options: {
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
      },
    }).values;
  } catch (error) {
    problems.push((error as Error).message);
  }
  const port = Number(values.port ?? env.PORT ?? 0);
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`--port: expected 0-65535, got "${String(values.port ?? env.PORT)}"`);
  const environment = String(values.env ?? env.MOLECULE_ENV ?? 'development').toLowerCase();
  if (!['development', 'dev', 'production'].includes(environment)) problems.push(`--env: expected development or production, got "${environment}"`);
  const faults: Fault[] = [];
  for (const spec of (values.fault as string[] | undefined) ?? []) {
    const fault = parseFault(spec);
    if (typeof fault === 'string') problems.push(fault);
    else faults.push(fault);
  }
  const noAdmin = values['no-admin-token'] === true;
  const offlineAfterMs = seconds((values['offline-after'] as string | undefined) ?? env.REMOTE_LIVENESS_STALE_AFTER, '--offline-after', problems);
  const options: SandboxOptions = {
    port,
    environment: environment === 'production' ? 'production' : 'development',
    orgId: (values['org-id'] as string | undefined) ?? (env.MOLECULE_ORG_ID || undefined),
    corsOrigins: env.CORS_ORIGINS ? env.CORS_ORIGINS.split(',').map((origin) => origin.trim()) : undefined,
    offlineAfterMs,
    sweepIntervalMs: seconds(values.sweep as string | undefined, '--sweep', problems) ?? (offlineAfterMs ? Math.max(50, Math.min(15_000, offlineAfterMs / 6)) : undefined),
    a2aTimeoutMs: seconds(values['a2a-timeout'] as string | undefined, '--a2a-timeout', problems),
    awaitingAgentBug: values['fixed-enum'] === true ? false : undefined,
    adminToken: noAdmin ? undefined : env.ADMIN_TOKEN || undefined,
    faults,
  };
  return { options, adminTokenSource: noAdmin ? 'none' : env.ADMIN_TOKEN ? 'env' : 'generate', quiet: values.quiet === true, problems };
}
