// Tests of the tts content-hash cache and staleness plan.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { hashBytes } from '../../core/hash.ts';
import { readManifest, updateManifest, type ManifestEntry } from '../../core/manifest.ts';
import { findCachedOutput } from '../../scripts/tts/cache.ts';
import {
  computeInputsHash,
  describeProvider,
  probeProviderVersions,
  type ProviderId,
  type ProviderVersions,
} from '../../scripts/tts/provider.ts';
import { planScripts, type VoiceoverPlan } from '../../scripts/tts/plan.ts';
import { planVoiceovers } from '../../scripts/tts/stale-plan.ts';

const SCRIPT = `---
title: Cache test
description: A test.
audience: internal
status: draft
owner: DevRel
targetSeconds: 4
wpm: 150
output: marketing/audio/cache-test.mp3
---
Agents register and pull their secrets. Then they send heartbeats.
`;
const VERSIONS: ProviderVersions = { edge: () => 'msedge-tts@2.0.7', espeak: () => 'espeak-ng@1.51' };

let root: string;
let plan: VoiceoverPlan;

async function record(provider: ProviderId, versions = VERSIONS): Promise<void> {
  const inputsHash = computeInputsHash(plan, describeProvider(provider, plan, versions));
  const entries: Record<string, ManifestEntry> = {};
  for (const [path, bytes] of [
    [plan.output, 'mp3 bytes'],
    [plan.captions, 'WEBVTT\n'],
  ] as const) {
    await writeFile(join(root, path), bytes);
    entries[path] = {
      generator: 'tts',
      command: 'npm run tts',
      inputsHash,
      bytesHash: hashBytes(bytes),
      size: bytes.length,
      provider,
      draft: provider === 'espeak',
      sources: [plan.file],
      createdAt: '2026-04-20T00:00:00.000Z',
    };
  }
  await updateManifest(root, entries);
}

async function lookup(acceptable: ProviderId[], versions = VERSIONS) {
  return findCachedOutput(root, plan, await readManifest(root), acceptable, versions);
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'tts-cache-'));
  await mkdir(join(root, 'content/voiceovers'), { recursive: true });
  await mkdir(join(root, 'marketing/audio'), { recursive: true });
  await writeFile(join(root, 'content/voiceovers/cache-test.md'), SCRIPT);
  plan = planScripts(root).plans[0]!;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('content-hash cache', () => {
  test('reuses recorded files whose inputs and bytes are unchanged', async () => {
    await record('edge');
    expect(await lookup(['edge', 'espeak'])).toMatchObject({ provider: 'edge' });
  });

  test('misses when a file was edited by hand', async () => {
    await record('edge');
    await writeFile(join(root, plan.captions), 'WEBVTT\n\nedited\n');
    expect(await lookup(['edge'])).toBeUndefined();
  });

  test('misses when the text, the voice or the provider version changes', async () => {
    await record('espeak');
    expect(await lookup(['espeak'])).toBeDefined();
    expect(await lookup(['espeak'], { ...VERSIONS, espeak: () => 'espeak-ng@1.52' })).toBeUndefined();
    await writeFile(join(root, 'content/voiceovers/cache-test.md'), SCRIPT.replace('heartbeats', 'a heartbeat'));
    plan = planScripts(root).plans[0]!;
    expect(await lookup(['espeak'])).toBeUndefined();
    await writeFile(
      join(root, 'content/voiceovers/cache-test.md'),
      SCRIPT.replace('wpm: 150', 'wpm: 150\nvoice: en-US-GuyNeural'),
    );
    plan = planScripts(root).plans[0]!;
    expect(await lookup(['espeak'])).toBeUndefined();
  });

  test('takes an espeak-ng draft in auto mode but not when Edge is required', async () => {
    await record('espeak');
    expect(await lookup(['edge', 'espeak'])).toMatchObject({ provider: 'espeak' });
    expect(await lookup(['edge'])).toBeUndefined();
  });

  test('keys on the provider: the same text from Edge and from espeak-ng hash differently', () => {
    const edge = computeInputsHash(plan, describeProvider('edge', plan, VERSIONS));
    const espeak = computeInputsHash(plan, describeProvider('espeak', plan, VERSIONS));
    expect(edge).not.toBe(espeak);
    expect(describeProvider('espeak', plan, VERSIONS)).toEqual({
      id: 'espeak',
      version: 'espeak-ng@1.51',
      settings: { voice: 'en-us+f3', pitch: 50, wpm: 150 },
    });
  });

  test('plans the build staleness check with the recorded provider, and as Edge before any audio exists', async () => {
    const installed = probeProviderVersions();
    const edgeHash = computeInputsHash(plan, describeProvider('edge', plan, installed));
    expect((await planVoiceovers(root)).map((entry) => [entry.path, entry.inputsHash])).toEqual([
      [plan.output, edgeHash],
      [plan.captions, edgeHash],
    ]);
    await record('espeak', installed);
    const draftHash = (await readManifest(root)).entries[plan.output]!.inputsHash;
    expect(draftHash).not.toBe(edgeHash);
    expect((await planVoiceovers(root)).map((entry) => entry.inputsHash)).toEqual([draftHash, draftHash]);
  });
});
