import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { readManifest } from '../../core/manifest.ts';
import { startFakeEdgeServer, type FakeBehaviour } from './fake-edge-server.ts';

const REPO = join(import.meta.dirname, '../..');
const NODE = join(REPO, 'node_modules/.bin/node');
const CLI = join(REPO, 'scripts/tts/cli.ts');
const AUDIO = 'marketing/audio/hello-remote.mp3';

let root: string;
/** The child's TMPDIR: whatever tts leaves behind shows up here. */
let childTmp: string;

function startTts(args: string[], endpoint: string) {
  return execa(NODE, [CLI, ...args], {
    cwd: root,
    reject: false,
    all: true,
    env: { EDGE_TTS_WSS_URL: endpoint, NO_COLOR: '1', TMPDIR: childTmp },
  });
}

async function fakeEdge(behaviour: (connection: number) => FakeBehaviour) {
  return startFakeEdgeServer({ behaviour });
}

async function audioBytes(): Promise<string> {
  return (await readFile(join(root, AUDIO))).toString('base64');
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tts-failures-'));
  childTmp = join(root, '.child-tmp');
  await cp(join(REPO, 'test/fixtures/tts-scripts'), root, { recursive: true });
  await mkdir(childTmp);
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('tts when Edge fails', () => {
  test('Edge dropping two connections in a row does not crash: the espeak-ng fallback runs and no temp folder is left', async () => {
    const fake = await fakeEdge((connection) => (connection === 0 ? 'drop-after-open' : 'drop'));
    try {
      const result = await startTts(['--only', 'hello-remote', '--concurrency', '1'], fake.url);
      expect(result.stderr).not.toMatch(/crashed|Uncaught|WebSocket was closed before/);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stderr).toContain('FALLING BACK TO ESPEAK-NG');
      expect(fake.connections).toBeGreaterThanOrEqual(2);
    } finally {
      await fake.close();
    }
    expect((await readManifest(root)).entries[AUDIO]).toMatchObject({ provider: 'espeak', draft: true });
    expect(await readdir(childTmp)).toEqual([]);
  }, 60_000);

  test('auto mode never replaces final Edge audio with a draft; --allow-draft does, by name', async () => {
    const good = await fakeEdge(() => 'ok');
    try {
      expect((await startTts(['--strict', '--only', 'hello-remote'], good.url)).exitCode).toBe(0);
    } finally {
      await good.close();
    }
    const before = await audioBytes();
    const entry = (await readManifest(root)).entries[AUDIO];
    expect(entry).toMatchObject({ provider: 'edge', draft: false });

    const failing = await fakeEdge(() => 'close-midstream');
    try {
      const refused = await startTts(['--force', '--only', 'phase30-announce', '--only', 'hello-remote'], failing.url);
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toMatch(
        /hello-remote\.md:1:1 \[tts-draft\] marketing\/audio\/hello-remote\.mp3 kept: .*would replace final edge audio with a draft — .*--allow-draft/,
      );
      expect(refused.stderr).not.toContain('no voice-over script with that id" — did you mean voiceovers/hello-remote');
      expect(await audioBytes()).toBe(before);
      expect((await readManifest(root)).entries[AUDIO]).toEqual(entry);

      const allowed = await startTts(['--force', '--only', 'hello-remote', '--allow-draft'], failing.url);
      expect(allowed.exitCode, allowed.stderr).toBe(0);
      expect((await readManifest(root)).entries[AUDIO]).toMatchObject({ provider: 'espeak', draft: true });
    } finally {
      await failing.close();
    }
    expect(await readdir(childTmp)).toEqual([]);
  }, 90_000);

  test('a 1011 close is named as Edge failing, not as a truncated download', async () => {
    const fake = await fakeEdge((connection) => (connection === 0 ? 'close-1011' : 'ok'));
    try {
      const result = await startTts(['--only', 'hello-remote', '--concurrency', '1'], fake.url);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(result.stderr).toMatch(
        /retry {3}voiceovers\/hello-remote chunk 1, try 1: Edge closed the connection with code 1011 \(Internal server error\) before the audio was complete/,
      );
      expect(result.stderr).not.toContain('likely truncated');
      const lines = result.all!.split('\n');
      expect(lines.findLastIndex((line) => line.startsWith('  retry '))).toBeLessThan(
        lines.findIndex((line) => line.startsWith('script ')),
      );
    } finally {
      await fake.close();
    }
  }, 60_000);

  test('Ctrl-C while Edge is answering prints a line, cleans up and exits 130', async () => {
    const fake = await fakeEdge(() => 'hang');
    try {
      const child = startTts(['--only', 'hello-remote'], fake.url);
      while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 100));
      child.kill('SIGINT');
      const result = await child;
      expect(result.exitCode).toBe(130);
      expect(result.stderr).toContain('tts: interrupted; stopping and cleaning up');
    } finally {
      await fake.close();
    }
    expect(await readdir(childTmp)).toEqual([]);
    expect(
      (await readdir(join(root, 'marketing/audio')).catch(() => [])).filter((name) => name.startsWith('.')),
    ).toEqual([]);
  }, 60_000);

  test('an output that cannot be written is reported before anything is synthesised', async () => {
    await writeFile(join(root, 'marketing'), 'a file where the folder should be\n');
    const fake = await fakeEdge(() => 'ok');
    try {
      const result = await startTts(['--only', 'hello-remote'], fake.url);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(
        /content\/voiceovers\/hello-remote\.md:\d+:\d+ \[tts-output\] cannot write marketing\/audio\/hello-remote\.mp3: .*marketing is a file/,
      );
      expect(fake.connections).toBe(0);
    } finally {
      await fake.close();
    }
  }, 30_000);
});
