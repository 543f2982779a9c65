// Tests of demo failures: each names the step, status, body and hint and leaves nothing running.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { cleanEnv, isAlive, makeDemoRoot, runDemo, startDemo, startSandboxProcess, waitForLine } from './helpers.ts';

const ADMIN_TOKEN = 'failure-tests-admin-token';
let demo: ReturnType<typeof makeDemoRoot>;
beforeAll(() => {
  demo = makeDemoRoot();
});
afterAll(() => demo.cleanup());

function pidOf(output: string): number {
  const match = /\(pid (\d+)\)/.exec(output);
  if (!match) throw new Error(`no agent pid in:\n${output}`);
  return Number(match[1]);
}

/** The failed run's JUnit (the good recording folder is never touched by a failure). */
function failedJunit(root: string, out: string): string {
  expect(existsSync(join(root, out, 'phase30-walkthrough.cast'))).toBe(false);
  return readFileSync(join(root, out, '.failed', 'phase30-walkthrough.junit.xml'), 'utf8');
}

/** Workspaces still live on a platform (cleanup must leave none). */
async function liveWorkspaces(url: string): Promise<unknown[]> {
  const response = await fetch(`${url}/workspaces`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
  return (await response.json()) as unknown[];
}

async function withPlatform(faults: string[], run: (url: string) => Promise<void>): Promise<void> {
  const platform = await startSandboxProcess(
    faults.flatMap((fault) => ['--fault', fault]),
    cleanEnv({ ADMIN_TOKEN, MOLECULE_TOKEN_DIR: demo.tokens }),
  );
  try {
    await run(platform.url);
  } finally {
    await platform.stop();
  }
}

const env = (url: string, extra: Record<string, string> = {}) =>
  cleanEnv({ PLATFORM_URL: url, ADMIN_TOKEN, MOLECULE_TOKEN_DIR: demo.tokens, ...extra });

describe('a failing demo names the step, the status, the body and a hint, keeps the recording so far and leaves nothing running', () => {
  test('an unreachable platform fails the health step', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe: Server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const result = await runDemo(demo.root, ['--fast', '--out', 'unreachable'], env(`http://127.0.0.1:${closed}`));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      `content/storyboards/phase30-remote-agent.mdx:15:13 [demo] health: platform unreachable at http://127.0.0.1:${closed}: GET /health failed (ECONNREFUSED) — is the platform running at PLATFORM_URL? unset PLATFORM_URL to use the embedded stand-in`,
    );
    expect(failedJunit(demo.root, 'unreachable')).toContain('<failure message="platform unreachable');
  });

  test('a 401 names the route, the body and what to check', async () => {
    await withPlatform([], async (url) => {
      const result = await runDemo(
        demo.root,
        ['--fast', '--out', 'unauthorized'],
        env(url, { ADMIN_TOKEN: 'not-the-admin-token' }),
      );
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        '[demo] setup: parent PM workspace: POST /workspaces → 401 (expected 2xx): {"error":"invalid admin auth token"} — the platform rejected the credentials: check ADMIN_TOKEN',
      );
      expect(result.stdout).toContain('✗ demo failed at setup: parent PM workspace: 1 of 8 steps passed');
      const junit = failedJunit(demo.root, 'unauthorized');
      expect(junit).toContain('status: 401');
      expect(junit.match(/<skipped /g)).toHaveLength(7);
    });
  });

  test('a platform answering 500 mid-run stops the agent and deletes what the run created', async () => {
    await withPlatform(['POST /workspaces/*/a2a -> 500'], async (url) => {
      const result = await runDemo(demo.root, ['--fast', '--out', 'server-error'], env(url));
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain('[demo] a2a-canvas: POST /workspaces/');
      expect(result.stderr).toContain(
        '→ 500 (expected 200): {"error":"injected fault (POST /workspaces/*/a2a -> 500)"} — the stand-in failed (or a fault was injected)',
      );
      expect(isAlive(pidOf(result.stdout))).toBe(false);
      expect(await liveWorkspaces(url)).toEqual([]);
      expect(failedJunit(demo.root, 'server-error')).toContain('cleanup: stop agent');
    });
  });

  test('a killed agent fails the step it was in', async () => {
    await withPlatform(['POST /workspaces/*/a2a -> hang'], async (url) => {
      const child = startDemo(demo.root, ['--fast', '--out', 'killed'], env(url));
      const [, pid] = await waitForLine(child, /\(pid (\d+)\)/);
      await waitForLine(child, /as the canvas/);
      process.kill(Number(pid), 'SIGKILL');
      const result = await child;
      expect(result.exitCode).toBe(1);
      expect(String(result.stderr)).toContain(
        '[demo] a2a-canvas: the agent process was killed (SIGKILL) — something outside the demo stopped the agent process; run the demo again',
      );
      expect(await liveWorkspaces(url)).toEqual([]);
    });
  });

  test("a taken agent port fails start-agent with the agent's own message", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const result = await runDemo(
        demo.root,
        ['--fast', '--out', 'port'],
        cleanEnv({ AGENT_PORT: String(port), MOLECULE_TOKEN_DIR: demo.tokens }),
      );
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        `[demo] start-agent: the agent process exited with code 1: --port [agent] port ${port} is in use — set AGENT_PORT to a free port, or leave it unset to pick one — the agent's port is taken`,
      );
    } finally {
      blocker.close();
    }
  });

  test('a wait that runs out names the condition and the last value seen', async () => {
    await withPlatform(['GET /workspaces/* -> hang'], async (url) => {
      const result = await runDemo(demo.root, ['--fast', '--timeout', '2', '--out', 'timeout'], env(url));
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(
        /\[demo\] canvas: timed out after 2 s waiting for GET \/workspaces\/[0-9a-f-]{36} status=online runtime=external; last: timed out after 2 s waiting for a response to GET \/workspaces\/[0-9a-f-]{36}; last: no response/,
      );
      expect(isAlive(pidOf(result.stdout))).toBe(false);
    });
  });

  test('Ctrl-C stops the agent, cleans up, keeps the recording so far and exits 130', async () => {
    await withPlatform(['POST /workspaces/*/a2a -> hang'], async (url) => {
      const child = startDemo(demo.root, ['--fast', '--out', 'interrupted'], env(url));
      const [, pid] = await waitForLine(child, /\(pid (\d+)\)/);
      await waitForLine(child, /as the canvas/);
      child.kill('SIGINT');
      const result = await child;
      expect(result.exitCode).toBe(130);
      expect(String(result.stderr)).toContain('[demo] a2a-canvas: interrupted by SIGINT');
      expect(isAlive(Number(pid))).toBe(false);
      expect(await liveWorkspaces(url)).toEqual([]);
      expect(readFileSync(join(demo.root, 'interrupted', '.failed', 'phase30-walkthrough.cast'), 'utf8')).toContain(
        'interrupted by SIGINT',
      );
    });
  });
});
