// Tests of npm run sandbox as a real process: URL, admin token, exits 1, 2 and 130.
import { afterEach, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import {
  cleanEnv,
  isAlive,
  makeDemoRoot,
  NODE,
  SANDBOX_CLI,
  startDemo,
  startSandboxProcess,
  waitForLine,
} from './helpers.ts';

let tokens: string;
afterEach(() => rmSync(tokens, { recursive: true, force: true }));

describe('npm run sandbox', () => {
  test('prints its URL and where the admin token is; the token file is 0600 and works as ADMIN_TOKEN', async () => {
    tokens = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
    const child = execa(NODE, [SANDBOX_CLI, '--port', '0'], {
      env: cleanEnv({ MOLECULE_TOKEN_DIR: tokens }),
      extendEnv: false,
      reject: false,
      all: true,
    });
    const [, url] = await waitForLine(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/);
    await waitForLine(child, /try: PLATFORM_URL=/);
    const file = join(tokens, 'sandbox', 'admin_token');
    const token = readFileSync(file, 'utf8');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const created = await fetch(`${url}/workspaces`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'mine', runtime: 'external' }),
    });
    expect(created.status).toBe(201);
    child.kill('SIGINT');
    const result = await child;
    // Ctrl-C is how the stand-in stops; like every program it then exits 130.
    expect(result.exitCode).toBe(130);
    expect(String(result.all)).toContain(
      `admin token: written to ${file} (0600) — export ADMIN_TOKEN="$(cat ${file})"`,
    );
    expect(String(result.all)).toContain(
      "this is the launch kit's contract-faithful stand-in, not a Molecule deployment",
    );
    expect(String(result.all)).toContain('POST /workspaces → 201');
    expect(String(result.all)).not.toContain(token);
  });

  test('refuses a taken port and a bad flag with a clear message', async () => {
    tokens = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const taken = await execa(NODE, [SANDBOX_CLI, '--port', String(port)], {
        env: cleanEnv({ MOLECULE_TOKEN_DIR: tokens }),
        extendEnv: false,
        reject: false,
      });
      expect(taken.exitCode).toBe(1);
      expect(taken.stderr).toContain(
        `--port [sandbox] port ${port} is in use — pick another with --port or use --port 0`,
      );
    } finally {
      blocker.close();
    }
    const bad = await execa(NODE, [SANDBOX_CLI, '--fault', 'POST /x 500'], {
      env: cleanEnv({ MOLECULE_TOKEN_DIR: tokens }),
      extendEnv: false,
      reject: false,
    });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain(
      '--fault [usage] bad fault "POST /x 500": expected "METHOD /path -> STATUS|hang|reset [after=N] [times=N]"',
    );
    const typo = await execa(NODE, [SANDBOX_CLI, '--prot', '8080'], {
      env: cleanEnv({ MOLECULE_TOKEN_DIR: tokens }),
      extendEnv: false,
      reject: false,
    });
    expect(typo.exitCode).toBe(2);
    expect(typo.stderr).toContain('--prot [usage]');
    const envPort = await execa(NODE, [SANDBOX_CLI], {
      env: cleanEnv({ MOLECULE_TOKEN_DIR: tokens, PORT: 'eighty' }),
      extendEnv: false,
      reject: false,
    });
    expect(envPort.exitCode).toBe(2);
    expect(envPort.stderr).toContain('PORT [env] expected 0-65535, got "eighty"');
  });
});

describe('a runner that dies without cleaning up', () => {
  test('takes its agent with it: the agent notices the closed IPC channel and exits', async () => {
    const demo = makeDemoRoot();
    tokens = demo.tokens;
    const platform = await startSandboxProcess(
      ['--fault', 'POST /workspaces/*/a2a -> hang'],
      cleanEnv({ ADMIN_TOKEN: 'runner-death-admin', MOLECULE_TOKEN_DIR: demo.tokens }),
    );
    try {
      const child = startDemo(
        demo.root,
        ['--fast'],
        cleanEnv({ PLATFORM_URL: platform.url, ADMIN_TOKEN: 'runner-death-admin', MOLECULE_TOKEN_DIR: demo.tokens }),
      );
      const [, pid] = await waitForLine(child, /\(pid (\d+)\)/);
      await waitForLine(child, /as the canvas/);
      child.kill('SIGKILL');
      await child;
      await expect.poll(() => isAlive(Number(pid)), { timeout: 10_000 }).toBe(false);
    } finally {
      await platform.stop();
      demo.cleanup();
    }
  });
});
