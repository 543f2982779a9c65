// The demo's flags and environment, read into options and usage issues before anything runs.
import { isAbsolute, resolve } from 'node:path';
import { envIssue, usageIssue } from '../lib/cli/usage-issue.ts';
import { describeUnwritable } from '../lib/cli/writable.ts';
import type { Issue } from '../../core/issue.ts';
import { MANIFEST_PATH } from '../../core/manifest.ts';
import { DEMO_RECORDING_DIR } from '../../core/demo-recording.ts';

/** Where recordings go unless `--out` says otherwise. */
export const DEFAULT_OUT_DIR = DEMO_RECORDING_DIR;
/** The Origin the runner's `/ws` client sends: the canvas's, as CORS_ORIGINS lists it by default. */
export const DEFAULT_CANVAS_ORIGIN = 'http://localhost:3000';

/** Where the demo runs: the embedded stand-in, or a platform at a URL. */
export type PlatformTarget =
  | { kind: 'embedded'; adminToken: string | undefined }
  | { kind: 'external'; url: string; adminToken: string | undefined };

/** Everything the command line and environment decide. */
export interface DemoOptions {
  /** Validate the storyboard and settings, run nothing. */
  check: boolean;
  /** Short intervals (heartbeat, state poll, pauses) for tests and rehearsals. */
  fast: boolean;
  /** Leave the workspaces on the platform (pause only) instead of deleting them. */
  keep: boolean;
  /** After a passing run, render the films and captures (`npm run video`). */
  video: boolean;
  /** Create the workspace with the agent's URL (register then issues the token). */
  createWithUrl: boolean;
  outDir: string;
  /** Per-wait and per-request limit (ms); undefined uses the defaults. */
  timeoutMs: number | undefined;
  storyboard: string | undefined;
  platform: PlatformTarget;
  orgId: string | undefined;
  agentPublicUrl: string | undefined;
  agentPort: number | undefined;
  agentHost: string | undefined;
  /** The API key seeded as a secret: DEMO_API_KEY, or a fake made per run. */
  apiKey: string | undefined;
  canvasOrigin: string;
  /** Environment handed to the agent process (HOME, PATH, MOLECULE_TOKEN_DIR): never ADMIN_TOKEN. */
  agentEnv: Record<string, string>;
}

/** The demo's flags, as the CLI harness parses them (unknown flags are usage errors, exit 2). */
export const DEMO_FLAGS = {
  check: { type: 'boolean' },
  fast: { type: 'boolean' },
  keep: { type: 'boolean' },
  video: { type: 'boolean' },
  'create-with-url': { type: 'boolean' },
  'no-wait': { type: 'boolean' },
  out: { type: 'string' },
  timeout: { type: 'string' },
  storyboard: { type: 'string' },
} as const;

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Reads the demo's flags and environment into options, collecting every problem as an issue
 * located at its flag or variable (`--timeout [usage] …`, `AGENT_PORT [env] …`) instead of
 * stopping at the first; an output folder that cannot be written is one of them.
 */
export function parseDemoArgs(
  values: Record<string, unknown>,
  env: NodeJS.ProcessEnv,
  cwd: string,
): { options: DemoOptions & { noWait: boolean }; issues: Issue[] } {
  const issues: Issue[] = [];
  let timeoutMs: number | undefined;
  if (values.timeout !== undefined) {
    timeoutMs = Number(values.timeout) * 1000;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0)
      issues.push(
        usageIssue(
          '--timeout',
          `expected a positive number of seconds, got "${String(values.timeout)}"`,
          'e.g. --timeout 20',
        ),
      );
  }
  const platformUrl = env.PLATFORM_URL?.trim().replace(/\/+$/, '');
  if (platformUrl !== undefined && platformUrl !== '' && !isHttpUrl(platformUrl))
    issues.push(
      envIssue(
        'PLATFORM_URL',
        `not an http(s) URL: "${platformUrl}"`,
        'e.g. PLATFORM_URL=https://acme.moleculesai.app, or unset it to use the embedded stand-in',
      ),
    );
  const publicUrl = env.AGENT_PUBLIC_URL?.trim() || undefined;
  if (publicUrl && !isHttpUrl(publicUrl))
    issues.push(
      envIssue(
        'AGENT_PUBLIC_URL',
        `not an http(s) URL: "${publicUrl}"`,
        'the URL the platform calls the agent on, e.g. a tunnel such as https://abc.trycloudflare.com/a2a',
      ),
    );
  let agentPort: number | undefined;
  if (env.AGENT_PORT) {
    agentPort = Number(env.AGENT_PORT);
    if (!Number.isInteger(agentPort) || agentPort < 1 || agentPort > 65535)
      issues.push(
        envIssue('AGENT_PORT', `expected a port 1-65535, got "${env.AGENT_PORT}"`, 'or unset it to pick a free port'),
      );
  }
  if (publicUrl && !env.AGENT_PORT)
    issues.push(
      envIssue(
        'AGENT_PUBLIC_URL',
        'set without AGENT_PORT, so the agent would listen on a random port the tunnel does not know',
        'set AGENT_PORT to the local port your tunnel forwards to',
      ),
    );
  if (env.DEMO_API_KEY !== undefined && env.DEMO_API_KEY.length < 4)
    issues.push(
      envIssue(
        'DEMO_API_KEY',
        'too short to be a key (and too short to redact reliably)',
        'use at least 4 characters, or unset it for a fake key',
      ),
    );
  const adminToken = env.ADMIN_TOKEN || undefined;
  const agentEnv = Object.fromEntries(
    ['HOME', 'PATH', 'TMPDIR', 'LANG', 'MOLECULE_TOKEN_DIR', 'SYSTEMROOT']
      .filter((name) => env[name])
      .map((name) => [name, env[name]!]),
  );
  const out = typeof values.out === 'string' ? values.out : DEFAULT_OUT_DIR;
  const outDir = isAbsolute(out) ? out : resolve(cwd, out);
  if (values.check !== true) {
    const problem = describeUnwritable(outDir);
    // A bad --out is a bad flag value (exit 2); an unwritable marketing/ is a problem of the checkout (exit 1).
    if (problem && typeof values.out === 'string')
      issues.push(
        usageIssue(
          '--out',
          `cannot write the recording there: ${problem}`,
          'pass a folder you can write, e.g. --out /tmp/demo',
        ),
      );
    else if (problem)
      issues.push({
        file: DEFAULT_OUT_DIR,
        line: 0,
        column: 0,
        rule: 'demo-output',
        severity: 'error',
        message: `cannot write the recording: ${problem}`,
        hint: 'make marketing/ writable, or pass --out <dir>; nothing was run',
      });
    const manifestProblem = describeUnwritable(resolve(cwd, MANIFEST_PATH));
    if (manifestProblem && !problem)
      issues.push({
        file: MANIFEST_PATH,
        line: 0,
        column: 0,
        rule: 'demo-output',
        severity: 'error',
        message: `cannot record the recording in the manifest: ${manifestProblem}`,
        hint: 'make marketing/ writable; nothing was run',
      });
  }
  return {
    issues,
    options: {
      noWait: values['no-wait'] === true,
      check: values.check === true,
      fast: values.fast === true,
      keep: values.keep === true,
      video: values.video === true,
      createWithUrl: values['create-with-url'] === true || Boolean(publicUrl),
      outDir,
      timeoutMs,
      storyboard: typeof values.storyboard === 'string' ? values.storyboard : undefined,
      platform: platformUrl ? { kind: 'external', url: platformUrl, adminToken } : { kind: 'embedded', adminToken },
      orgId: env.MOLECULE_ORG_ID || undefined,
      agentPublicUrl: publicUrl,
      agentPort,
      agentHost: env.AGENT_HOST || undefined,
      apiKey: env.DEMO_API_KEY || undefined,
      canvasOrigin: env.CANVAS_ORIGIN || DEFAULT_CANVAS_ORIGIN,
      agentEnv,
    },
  };
}
