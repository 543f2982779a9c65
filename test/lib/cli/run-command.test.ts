// Tests of the CLI harness on a sample program: issues, exit codes 0/1/2/130 and annotations.
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const NODE = fileURLToPath(new URL('../../../node_modules/.bin/node', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../fixtures/cli/sample-command.ts', import.meta.url));
const run = (args: string[], env: Record<string, string> = {}) =>
  execa(NODE, [SAMPLE, ...args], { reject: false, env: { CI: '', GITHUB_ACTIONS: '', ...env } });

describe('runCommand', () => {
  test('exits 0 and prints nothing but the program output when all is well', async () => {
    const result = await run([]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('started');
    expect(result.stderr).toBe('');
  });

  test('exits 2 on an unknown flag, naming the flag and printing the usage', async () => {
    const result = await run(['--fsat']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/^--fsat \[usage\] Unknown option '--fsat'/);
    expect(result.stderr).toContain('usage: sample');
    expect(result.stdout).toBe('');
  });

  test('exits 2 on a bad flag value located at the flag, before anything runs', async () => {
    const result = await run(['--wait-ms', 'soon']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--wait-ms [usage] must be a whole number, got "soon"');
    expect(result.stdout).toBe('');
  });

  test('exits 2 on a bad environment variable located at its name', async () => {
    const result = await run([], { SAMPLE_MODE: 'loud' });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('SAMPLE_MODE [env] must be "quiet", got "loud"');
  });

  test('exits 1 with path:line:col issues, a count line and CI annotations', async () => {
    const result = await run(['--fail'], { CI: 'true' });
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('content/a.mdx:3:5 [fact] says 60 s — use <Fact>');
    expect(result.stderr).toContain('sample: 1 error: 1 fact');
    expect(result.stderr).toContain('::error file=content/a.mdx,line=3,col=5,title=[fact]::says 60 s — use <Fact>');
  });

  test('exits 130 on Ctrl-C after letting the run clean up', async () => {
    const child = execa(NODE, [SAMPLE, '--wait-ms', '20000'], { reject: false });
    await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode).toBe(130);
    expect(result.stderr).toContain('sample: interrupted; stopping and cleaning up');
  });

  test('prints the usage and exits 0 for --help', async () => {
    const result = await run(['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('usage: sample [--fail] [--wait-ms <n>]');
  });
});
