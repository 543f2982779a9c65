// Tests of npm run demo against the embedded stand-in: the recording, golden transcript and exits.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { cleanEnv, isAlive, makeDemoRoot, readTree, runDemo, startSandboxProcess, TOKEN_SHAPE } from './helpers.ts';
import { parseCast } from '../../scripts/demo/record/asciicast.ts';
import { planDemoRecording } from '../../scripts/demo/plan.ts';

let demo: ReturnType<typeof makeDemoRoot>;
beforeAll(() => {
  demo = makeDemoRoot();
});
afterAll(() => demo.cleanup());

/** The transcript as stable text: ids, ports and uptimes replaced, timings left out. */
function goldenText(transcript: any): string {
  const ids = new Map<string, string>();
  const normalise = (text: string) =>
    text
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => {
        if (!ids.has(id)) ids.set(id, `<id-${ids.size + 1}>`);
        return ids.get(id)!;
      })
      .replace(/(127\.0\.0\.1|localhost):\d+/g, '$1:<port>')
      .replace(/"uptime_seconds":\d+/g, '"uptime_seconds":<n>')
      .replace(/"timestamp":"[^"]+"/g, '"timestamp":"<time>"');
  const lines = [`platform ${transcript.platform.kind} ${transcript.status}`];
  for (const step of transcript.steps) {
    lines.push(`${step.hidden ? '(hidden) ' : ''}${step.kind} [${step.moment}] ${step.status}`);
    for (const exchange of step.exchanges) {
      lines.push(
        `  ${exchange.actor ?? 'runner'} ${exchange.method} ${exchange.path} → ${exchange.status ?? exchange.error}`,
      );
      if (Object.keys(exchange.request.headers).length > 0)
        lines.push(`    headers ${JSON.stringify(exchange.request.headers)}`);
      if (exchange.request.body !== undefined) lines.push(`    > ${JSON.stringify(exchange.request.body)}`);
      if (exchange.response?.body !== undefined) lines.push(`    < ${JSON.stringify(exchange.response.body)}`);
    }
    for (const frame of step.events) lines.push(`  event ${frame.event} ${JSON.stringify(frame.payload)}`);
  }
  return `${normalise(lines.join('\n'))}\n`;
}

function pidOf(output: string): number {
  const match = /\(pid (\d+)\)/.exec(output);
  if (!match) throw new Error(`no agent pid in:\n${output}`);
  return Number(match[1]);
}

describe('npm run demo against the embedded stand-in', () => {
  test('runs every step, writes the five recording files and their manifest entries', async () => {
    const result = await runDemo(demo.root, ['--fast'], cleanEnv({ MOLECULE_TOKEN_DIR: demo.tokens }));
    expect(result.exitCode, result.all).toBe(0);
    expect(result.stdout).toContain('✓ demo passed: 8 of 8 steps');
    const out = join(demo.root, 'marketing', 'demo');
    const names = readdirSync(out).sort();
    expect(names).toEqual([
      'phase30-walkthrough.cast',
      'phase30-walkthrough.junit.xml',
      'phase30-walkthrough.summary.md',
      'phase30-walkthrough.timeline.json',
      'phase30-walkthrough.transcript.json',
    ]);
    const transcript = JSON.parse(readFileSync(join(out, 'phase30-walkthrough.transcript.json'), 'utf8'));
    await expect(goldenText(transcript)).toMatchFileSnapshot('__golden__/transcript-happy-path.txt');
    const manifest = JSON.parse(readFileSync(join(demo.root, 'marketing', 'manifest.json'), 'utf8'));
    const planned = await planDemoRecording(demo.root);
    expect(planned.map((entry) => entry.path).sort()).toEqual(names.map((name) => `marketing/demo/${name}`));
    for (const entry of planned) {
      expect(manifest.entries[entry.path]).toMatchObject({
        generator: 'demo',
        command: 'npm run demo',
        inputsHash: entry.inputsHash,
        provider: 'stand-in',
        draft: true,
        sources: ['content/storyboards/phase30-remote-agent.mdx'],
      });
    }
    const junit = readFileSync(join(out, 'phase30-walkthrough.junit.xml'), 'utf8');
    expect(junit.match(/<testcase /g)).toHaveLength(transcript.steps.length);
    expect(junit).toContain('failures="0"');
    // The cast is what stdout showed (stdout is the same text without colour), with one marker per moment.
    const cast = parseCast(readFileSync(join(out, 'phase30-walkthrough.cast'), 'utf8'));
    expect(cast.header).toMatchObject({ version: 2, width: 110 });
    expect(cast.events.filter((event) => event.kind === 'm').map((event) => event.data)).toEqual([
      'The platform is up',
      'An external workspace is created',
      'The laptop registers',
      'The canvas shows it as remote',
      'A task goes through the proxy',
    ]);
    const shown = cast.events
      .filter((event) => event.kind === 'o')
      .map((event) => event.data.replace(/\r\n/g, '\n').replace(/\u001b\[[0-9;]*m/g, ''))
      .join('');
    expect(result.stdout.startsWith(shown)).toBe(true);
    expect(shown).toContain('stand-in');
    // Each moment's span starts at its cast marker, and each step's span lies inside its moment's.
    const timeline = JSON.parse(readFileSync(join(out, 'phase30-walkthrough.timeline.json'), 'utf8'));
    expect(timeline.moments.map((moment: { start: number }) => moment.start)).toEqual(
      cast.events.filter((event) => event.kind === 'm').map((event) => event.time),
    );
    for (const moment of timeline.moments) {
      for (const step of moment.steps)
        expect(step.start >= moment.start && step.end <= moment.end, `${step.kind} inside ${moment.id}`).toBe(true);
    }
    for (const { file, text } of readTree(out)) expect(TOKEN_SHAPE.test(text), file).toBe(false);
    expect(TOKEN_SHAPE.test(result.all)).toBe(false);
    // The deleted workspace's token folder is gone: nothing is left behind.
    expect(readdirSync(demo.tokens)).toEqual([]);
  });

  test('--check validates the storyboard and settings and runs nothing', async () => {
    const { root, cleanup } = makeDemoRoot();
    try {
      const result = await runDemo(root, ['--check'], cleanEnv());
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toBe(
        'demo script ok: 8 steps in 5 moments from content/storyboards/phase30-remote-agent.mdx\nwould run against the embedded stand-in platform and write marketing/demo/',
      );
      expect(existsSync(join(root, 'marketing'))).toBe(false);
    } finally {
      cleanup();
    }
  });

  test('--check reports every storyboard and environment problem at its place, then runs nothing', async () => {
    const { root, cleanup } = makeDemoRoot('demo-storyboard-bad');
    try {
      const result = await runDemo(
        root,
        ['--check'],
        cleanEnv({ PLATFORM_URL: 'ftp://example.com', AGENT_PORT: '99999' }),
      );
      expect(result.exitCode).toBe(2);
      expect(result.stderr.split('\n\nusage:')[0]).toMatchInlineSnapshot(`
        "demo: nothing was run; fix the problems below (npm run demo -- --check validates without running)
        AGENT_PORT [env] expected a port 1-65535, got "99999" — or unset it to pick a free port
        content/storyboards/phase30-remote-agent.mdx:9:3 warning [demo] steps not in any moment will not run: seed-secrets, a2a-canvas, a2a-peer — add them to a moment's steps if the demo should show them
        content/storyboards/phase30-remote-agent.mdx:15:21 [demo] step "canvas" comes before "start-agent", which it needs — move "canvas" after "start-agent"
        content/storyboards/phase30-remote-agent.mdx:22:26 [demo] step "teardown" must be the last step — move it to the end of the last moment
        content/storyboards/phase30-remote-agent.mdx:22:36 [demo] step "health" is listed twice — each step runs once; keep it in one moment
        PLATFORM_URL [env] not an http(s) URL: "ftp://example.com" — e.g. PLATFORM_URL=https://acme.moleculesai.app, or unset it to use the embedded stand-in
        demo: 5 errors: 2 env, 3 demo (1 warning)"
      `);
      const storyboardOnly = await runDemo(root, ['--check'], cleanEnv());
      expect(storyboardOnly.exitCode).toBe(1);
      expect(storyboardOnly.stderr).toContain('[demo] step "teardown" must be the last step');
    } finally {
      cleanup();
    }
  });

  test('an unknown flag is a usage error (exit 2) at the flag', async () => {
    const { root, cleanup } = makeDemoRoot();
    try {
      const result = await runDemo(root, ['--fsat'], cleanEnv());
      expect(result.exitCode).toBe(2);
      expect(result.stderr).toMatch(/^--fsat \[usage\] Unknown option '--fsat'/m);
      expect(existsSync(join(root, 'marketing'))).toBe(false);
    } finally {
      cleanup();
    }
  });
});

describe('npm run demo with the agent behind a public URL', () => {
  test("creates the workspace with AGENT_PUBLIC_URL and the agent answers on that URL's path", async () => {
    const { root, tokens, cleanup } = makeDemoRoot();
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    try {
      const publicUrl = `http://localhost:${port}/tunnel/a2a`;
      const result = await runDemo(
        root,
        ['--fast'],
        cleanEnv({ AGENT_PUBLIC_URL: publicUrl, AGENT_PORT: String(port), MOLECULE_TOKEN_DIR: tokens }),
      );
      expect(result.exitCode, result.all).toBe(0);
      const transcript = JSON.parse(
        readFileSync(join(root, 'marketing/demo/phase30-walkthrough.transcript.json'), 'utf8'),
      );
      const create = transcript.steps.find((step: { kind: string }) => step.kind === 'create-workspace').exchanges[0];
      expect(create.request.body.url).toBe(publicUrl);
      expect(create.response.body).toMatchObject({ external: true, status: 'online' });
      expect(result.stdout).toContain('the platform issued a new token');
      const missingPort = await runDemo(root, ['--check'], cleanEnv({ AGENT_PUBLIC_URL: publicUrl }));
      expect(missingPort.stderr).toContain(
        'AGENT_PUBLIC_URL [env] set without AGENT_PORT, so the agent would listen on a random port the tunnel does not know — set AGENT_PORT to the local port your tunnel forwards to',
      );
    } finally {
      cleanup();
    }
  });
});

describe('npm run demo against another platform on loopback', () => {
  test('passes against a second stand-in started as its own process with its own ADMIN_TOKEN', async () => {
    const { root, tokens, cleanup } = makeDemoRoot();
    const adminToken = 'second-platform-admin-token-1';
    const platform = await startSandboxProcess([], cleanEnv({ ADMIN_TOKEN: adminToken, MOLECULE_TOKEN_DIR: tokens }));
    try {
      const result = await runDemo(
        root,
        ['--fast', '--out', 'recording'],
        cleanEnv({ PLATFORM_URL: platform.url, ADMIN_TOKEN: adminToken, MOLECULE_TOKEN_DIR: tokens }),
      );
      expect(result.exitCode, result.all).toBe(0);
      expect(result.stdout).toContain(`platform    ${platform.url}`);
      // It identifies itself as the stand-in, so the recording says so.
      expect(result.stdout).toContain('on the stand-in platform (draft recording)');
      expect(existsSync(join(root, 'recording', 'phase30-walkthrough.cast'))).toBe(true);
      expect(isAlive(pidOf(result.stdout))).toBe(false);
    } finally {
      await platform.stop();
      cleanup();
    }
  });

  test('never writes or prints the canary secret, the admin token or the issued token', async () => {
    const { root, tokens, cleanup } = makeDemoRoot();
    const adminToken = 'canary-admin-token-4f1d2e';
    const canary = 'canary-api-key-9b7c6a5d';
    const platform = await startSandboxProcess([], cleanEnv({ ADMIN_TOKEN: adminToken, MOLECULE_TOKEN_DIR: tokens }));
    try {
      const result = await runDemo(
        root,
        ['--fast', '--keep', '--create-with-url'],
        cleanEnv({
          PLATFORM_URL: platform.url,
          ADMIN_TOKEN: adminToken,
          DEMO_API_KEY: canary,
          MOLECULE_TOKEN_DIR: tokens,
        }),
      );
      expect(result.exitCode, result.all).toBe(0);
      // --keep leaves the workspace (paused) and so its cached token, which the platform issued at register.
      const [workspace] = readdirSync(tokens).filter((name) => name !== 'sandbox');
      const issued = readFileSync(join(tokens, workspace!, '.auth_token'), 'utf8');
      expect(issued).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const outputs = [{ file: 'stdout+stderr', text: result.all }, ...readTree(join(root, 'marketing'))];
      expect(outputs.length).toBe(7);
      for (const { file, text } of outputs) {
        for (const secret of [canary, adminToken, issued])
          expect(text.includes(secret), `${file} leaks a secret`).toBe(false);
        expect(TOKEN_SHAPE.test(text), `${file} holds a token-shaped string`).toBe(false);
      }
      expect(readFileSync(join(root, 'marketing', 'demo', 'phase30-walkthrough.transcript.json'), 'utf8')).toContain(
        '"value": "«redacted»"',
      );
    } finally {
      await platform.stop();
      cleanup();
    }
  });
});
