// Tests of npm run tts as a real process against a fake Edge service and espeak-ng.
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readManifest } from '../../core/manifest.ts';
import { planVoiceovers } from '../../scripts/tts/stale-plan.ts';
import { probeAudio } from '../../scripts/lib/measure-audio.ts';
import { startFakeEdgeServer } from './fake-edge-server.ts';

const REPO = join(import.meta.dirname, '../..');
const NODE = join(REPO, 'node_modules/.bin/node');
const CLI = join(REPO, 'scripts/tts/cli.ts');
const FIXTURE = join(REPO, 'test/fixtures/tts-scripts');
const AUDIO = 'marketing/audio/hello-remote.mp3';
const CAPTIONS = 'marketing/audio/hello-remote.vtt';

let root: string;
let unreachable: string;

async function runTts(args: string[], endpoint = unreachable) {
  return execa(NODE, [CLI, ...args], { cwd: root, reject: false, env: { EDGE_TTS_WSS_URL: endpoint, NO_COLOR: '1' } });
}

async function snapshotFiles(): Promise<Record<string, string>> {
  const names = await readdir(join(root, 'marketing/audio'));
  return Object.fromEntries(
    await Promise.all(
      names
        .sort()
        .map(async (name) => [name, (await readFile(join(root, 'marketing/audio', name))).toString('base64')] as const),
    ),
  );
}

function parseVtt(text: string): Array<{ start: number; end: number; text: string }> {
  const seconds = (stamp: string) => stamp.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
  return [...text.matchAll(/(\d\d:\d\d:\d\d\.\d{3}) --> (\d\d:\d\d:\d\d\.\d{3})\n([\s\S]*?)(?:\n\n|\n?$)/g)].map(
    (match) => ({
      start: seconds(match[1]!),
      end: seconds(match[2]!),
      text: match[3]!.replace(/\n/g, ' '),
    }),
  );
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tts-cli-'));
  await cp(FIXTURE, root, { recursive: true });
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  unreachable = `ws://127.0.0.1:${(server.address() as { port: number }).port}/edge`;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('npm run tts', () => {
  test('falls back to espeak-ng with a loud warning when Edge is unreachable, and records drafts', async () => {
    const result = await runTts([]);
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('WARNING: EDGE READ-ALOUD IS UNAVAILABLE, FALLING BACK TO ESPEAK-NG');
    expect(result.stderr).toMatch(/Edge read-aloud unreachable at 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
    expect(result.stdout).toMatch(
      /new\s+voiceovers\/hello-remote\s+espeak\s+2 chunks\s+[\d.]+ s \(target 15 s, [+−][\d.]+ %\)\s+DRAFT/,
    );
    const manifest = await readManifest(root);
    for (const path of [AUDIO, CAPTIONS, 'marketing/audio/hello-mandarin.mp3', 'marketing/audio/hello-mandarin.vtt']) {
      expect(manifest.entries[path]).toMatchObject({ generator: 'tts', provider: 'espeak', draft: true });
    }
    const probe = await probeAudio(join(root, AUDIO));
    expect(manifest.entries[AUDIO]!.durationSeconds).toBeCloseTo(probe.durationSeconds, 2);
    const cues = parseVtt(await readFile(join(root, CAPTIONS), 'utf8'));
    expect(cues.map((cue) => cue.text)).toEqual([
      'Remote workspaces are here.',
      'An agent on your laptop registers, pulls its secrets &amp; sends a heartbeat.',
      'It shows up on the canvas with a purple badge.',
      'Read the guide at moleculesai.app, e.g. the quick start.',
    ]);
  });

  test('answers a rerun from the cache: no synthesis call and "N up to date"', async () => {
    const before = await snapshotFiles();
    const result = await runTts([]);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('2 up to date, 2 drafts (espeak-ng); 0 synthesis calls');
    expect(result.stderr).not.toContain('WARNING: EDGE');
    expect(await snapshotFiles()).toEqual(before);
  });

  test('--check reports a changed script as stale without synthesising it', async () => {
    expect((await runTts(['--check'])).exitCode).toBe(0);
    const script = join(root, 'content/voiceovers/hello-mandarin.md');
    const original = await readFile(script, 'utf8');
    await writeFile(script, original.replace('远程工作区来了。', '远程工作区正式发布。'));
    try {
      const result = await runTts(['--check']);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        'content/voiceovers/hello-mandarin.md:11:9 [tts-stale] marketing/audio/hello-mandarin.mp3 is missing or out of date — run npm run tts -- --only voiceovers/hello-mandarin',
      );
      expect(result.stdout).toContain('1 up to date, 1 stale, 1 draft (espeak-ng); 0 synthesis calls');
    } finally {
      await writeFile(script, original);
    }
  });

  test('gives the build the same hashes the cache uses, so a current draft is not stale', async () => {
    const manifest = await readManifest(root);
    const plan = await planVoiceovers(root);
    expect(plan.map((entry) => entry.path).sort()).toEqual(Object.keys(manifest.entries).sort());
    for (const entry of plan) expect(entry.inputsHash).toBe(manifest.entries[entry.path]!.inputsHash);
    expect(plan[0]!.command).toMatch(/^npm run tts -- --only voiceovers\//);
  });

  test('fails under --strict because Edge is unreachable, naming each script and keeping the drafts', async () => {
    const before = await snapshotFiles();
    const result = await runTts(['--strict']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /content\/voiceovers\/hello-remote\.md:1:1 \[tts-edge\] marketing\/audio\/hello-remote\.mp3 not written: Edge read-aloud unreachable at 127\.0\.0\.1:\d+: .*ECONNREFUSED.*; --strict refuses the espeak-ng fallback — check the network/,
    );
    expect(result.stderr).toMatch(/content\/voiceovers\/hello-mandarin\.md:1:1 \[tts-edge\]/);
    expect(result.stderr).not.toContain('FALLING BACK');
    expect(await snapshotFiles()).toEqual(before);
  });

  test('replaces drafts with Edge audio whose captions follow the word boundaries', async () => {
    const fake = await startFakeEdgeServer();
    try {
      const result = await runTts(['--strict', '--only', 'hello-remote'], fake.url);
      expect(result.stderr).toBe('');
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toMatch(/new\s+voiceovers\/hello-remote\s+edge\s+2 chunks/);
      const manifest = await readManifest(root);
      expect(manifest.entries[AUDIO]).toMatchObject({ provider: 'edge', draft: false });
      expect(manifest.entries['marketing/audio/hello-mandarin.mp3']).toMatchObject({ provider: 'espeak', draft: true });
      const cues = parseVtt(await readFile(join(root, CAPTIONS), 'utf8'));
      const probe = await probeAudio(join(root, AUDIO));
      expect(cues[0]!.start).toBe(0);
      cues.forEach((cue, index) => {
        expect(cue.end).toBeGreaterThan(cue.start);
        if (index > 0) expect(cue.start).toBe(cues[index - 1]!.end);
      });
      expect(Math.abs(cues.at(-1)!.end - probe.durationSeconds)).toBeLessThan(0.06);
      // Second sentence: its first word's boundary in the first request; fourth: in the second request, after its chunk and the pause.
      // The chunks are requested concurrently, so they are told apart by their words, not by arrival.
      const saying = (word: string) =>
        fake.requests.find((request) => request.boundaries.some((boundary) => boundary.text === word));
      const [first, second] = [saying('An'), saying('Read')];
      expect(first).not.toBe(second);
      const agentAt = first!.boundaries.find((boundary) => boundary.text === 'An')!.offsetSeconds;
      expect(cues[1]!.start).toBeCloseTo(agentAt, 2);
      const readAt = second!.boundaries.find((boundary) => boundary.text === 'Read')!.offsetSeconds;
      expect(cues[3]!.start - cues[2]!.start).toBeCloseTo(readAt - second!.boundaries[0]!.offsetSeconds, 2);
      expect(cues[2]!.start).toBeGreaterThan(first!.audioSeconds + 0.6);
    } finally {
      await fake.close();
    }
  });

  test('a failed run leaves the previous good audio, captions and manifest entry untouched', async () => {
    const script = join(root, 'content/voiceovers/hello-remote.md');
    const original = await readFile(script, 'utf8');
    const before = await snapshotFiles();
    const entryBefore = (await readManifest(root)).entries[AUDIO];
    await writeFile(script, `${original}\nOne more sentence for the new cut.\n`);
    const fake = await startFakeEdgeServer({ behaviour: () => 'no-audio' });
    try {
      const result = await runTts(['--strict', '--only', 'voiceovers/hello-remote'], fake.url);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(
        /hello-remote\.md:1:1 \[tts-edge\] marketing\/audio\/hello-remote\.mp3 not written: Edge read-aloud failed at .*no audio received/,
      );
      expect(result.stderr).toContain('the previous audio is kept');
    } finally {
      await fake.close();
      await writeFile(script, original);
    }
    expect(await snapshotFiles()).toEqual(before);
    expect((await readManifest(root)).entries[AUDIO]).toEqual(entryBefore);
    expect((await readdir(join(root, 'marketing/audio'))).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  test('names an unknown --only id with the nearest match and exits 1', async () => {
    const result = await runTts(['--only', 'hello-remot']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      'content/voiceovers:1:1 [tts-only] --only hello-remot: no voice-over script with that id — did you mean voiceovers/hello-remote?',
    );
  });

  test('reports bad markup with its line and column and leaves that script alone', async () => {
    const broken = join(root, 'content/voiceovers/broken.md');
    await writeFile(
      broken,
      (await readFile(join(root, 'content/voiceovers/hello-mandarin.md'), 'utf8')).replace(
        'marketing/audio/hello-mandarin.mp3',
        'marketing/audio/broken.mp3',
      ) + '\n[pause two seconds]\n',
    );
    try {
      const result = await runTts([]);
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toContain(
        'content/voiceovers/broken.md:15:1 [tts-text] unknown directive "[pause two seconds]" — write a pause on its own line as [pause 600ms] or [pause 1.5s]',
      );
      expect(result.stdout).not.toContain('voiceovers/broken');
      expect((await readdir(join(root, 'marketing/audio'))).some((name) => name.startsWith('broken'))).toBe(false);
    } finally {
      await rm(broken);
    }
  });

  test('--force synthesises a current script again, and only that one with --only', async () => {
    const result = await runTts(['--provider', 'espeak', '--force', '--only', 'voiceovers/hello-mandarin']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/new\s+voiceovers\/hello-mandarin\s+espeak/);
    expect(result.stdout).not.toContain('voiceovers/hello-remote');
    expect(result.stdout).toMatch(/1 new, 1 draft \(espeak-ng\); [1-9]\d* synthesis calls?/);
  });

  test('rejects --strict with --provider espeak as a usage error', async () => {
    const result = await runTts(['--strict', '--provider', 'espeak']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--strict needs Edge');
    expect((await stat(join(root, AUDIO))).size).toBeGreaterThan(0);
  });
});
