import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, isAlive, makeDemoRoot, runDemo, startDemo, startSandboxProcess, waitForLine } from './helpers.ts';

const ADMIN_TOKEN = 'reliability-tests-admin-token';
let demo: ReturnType<typeof makeDemoRoot>;
beforeAll(() => {
  demo = makeDemoRoot();
});
afterAll(() => demo.cleanup());

const env = (url: string) => cleanEnv({ PLATFORM_URL: url, ADMIN_TOKEN, MOLECULE_TOKEN_DIR: demo.tokens });

describe('the demo against a platform that goes away or misbehaves', () => {
  test('a platform killed mid-run fails at once with the right hint and names what was left behind', async () => {
    const platform = await startSandboxProcess([], cleanEnv({ ADMIN_TOKEN, MOLECULE_TOKEN_DIR: demo.tokens }));
    const child = startDemo(demo.root, ['--fast', '--out', 'dead'], env(platform.url));
    const [, agentPid] = await waitForLine(child, /\(pid (\d+)\)/);
    // Killed when the canvas step starts: the agent is registered, its token cached, the workspaces exist.
    await waitForLine(child, /── canvas/);
    process.kill(platform.pid, 'SIGKILL');
    const killedAt = Date.now();
    const result = await child;
    // The --fast wait is 10 s: a refused connection must not sit it out.
    expect(Date.now() - killedAt).toBeLessThan(8_000);
    expect(result.exitCode).toBe(1);
    // The step that meets the dead platform is the canvas step or, when the kill lands after it
    // finished (a loaded machine), the next one: the hint is what matters.
    expect(result.stderr).toMatch(
      /\[demo\] [\w-]+: (platform unreachable at http:\/\/127\.0\.0\.1:\d+: \w+ \/\S+ failed \([A-Z_]+\)|the platform closed the \/ws event stream .* mid-run) — the platform stopped answering mid-run/,
    );
    expect(result.stderr).not.toMatch(/timed out after/);
    const workspaces = [
      ...result.stderr.matchAll(
        /^ {2}workspace ([0-9a-f-]{36}) on http:\/\/127\.0\.0\.1:\d+ — remove it: curl -X DELETE/gm,
      ),
    ].map((match) => match[1]);
    expect(workspaces.length).toBeGreaterThanOrEqual(1);
    const folder = /^ {2}token folder (.+) — remove it: rm -rf /m.exec(result.stderr)?.[1];
    expect(folder).toBeDefined();
    expect(folder!.startsWith(demo.tokens)).toBe(true);
    expect(existsSync(folder!)).toBe(true);
    rmSync(folder!, { recursive: true, force: true });
    expect(isAlive(Number(agentPid))).toBe(false);
    expect(existsSync(join(demo.root, 'dead', '.failed', 'phase30-walkthrough.cast'))).toBe(true);
  }, 40_000);

  test('a workspace whose heartbeats stop reaching the platform fails the demo and the recording goes to .failed', async () => {
    const platform = await startSandboxProcess(
      ['--offline-after', '1', '--fault', 'POST /registry/heartbeat -> 500'],
      cleanEnv({ ADMIN_TOKEN, MOLECULE_TOKEN_DIR: demo.tokens }),
    );
    try {
      const result = await runDemo(demo.root, ['--fast', '--timeout', '4', '--out', 'offline'], env(platform.url));
      expect(result.stdout).not.toContain('demo passed');
      expect(result.stdout).not.toMatch(/sees \S+ \(offline\) among/);
      expect(result.exitCode).toBe(1);
      expect(existsSync(join(demo.root, 'offline', 'phase30-walkthrough.cast'))).toBe(false);
      expect(existsSync(join(demo.root, 'offline', '.failed', 'phase30-walkthrough.cast'))).toBe(true);
    } finally {
      await platform.stop();
    }
  }, 40_000);
});

describe('the demo checks its outputs before any step', () => {
  test('--out under a file is a usage error at the flag (exit 2), and nothing runs', async () => {
    const result = await runDemo(
      demo.root,
      ['--fast', '--out', '/etc/passwd/x'],
      cleanEnv({ MOLECULE_TOKEN_DIR: demo.tokens }),
    );
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^--out \[usage\] cannot write the recording there: \/etc\/passwd is a file/m);
    expect(result.stdout).not.toContain('demo passed');
    expect(result.stdout).not.toContain('health');
  });

  test('an unwritable marketing/ fails with exit 1 at the folder, before any step', async () => {
    const root = makeDemoRoot();
    try {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(root.root, 'marketing'), 'a file where the folder should be\n');
      const result = await runDemo(root.root, ['--fast'], cleanEnv({ MOLECULE_TOKEN_DIR: root.tokens }));
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(
        /^marketing\/demo \[demo-output\] cannot write the recording: .*marketing is a file/m,
      );
      expect(readdirSync(root.tokens)).toEqual([]);
    } finally {
      root.cleanup();
    }
  });
});
