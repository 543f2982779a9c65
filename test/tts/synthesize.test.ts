// Tests of the Edge client against a fake read-aloud service: retries, timeouts, truncation.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { planScripts, type VoiceoverPlan } from '../../scripts/tts/plan.ts';
import { EdgeClient, EdgeUnavailableError, type SynthesisCounters } from '../../scripts/tts/synthesize.ts';
import { computeSecMsGec } from '../../scripts/tts/edge-endpoint.ts';
import { probeAudio } from '../../scripts/lib/measure-audio.ts';
import { EDGE_PATH, startFakeEdgeServer, type FakeEdgeServer } from './fake-edge-server.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/tts-scripts');
const FAST_RETRY = { attempts: 3, baseDelayMs: 20, maxDelayMs: 100, jitter: 0 };

function fixturePlan(name: string): VoiceoverPlan {
  const plan = planScripts(FIXTURE).plans.find((candidate) => candidate.id === `voiceovers/${name}`);
  if (!plan) throw new Error(`fixture ${name} missing`);
  return plan;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let workDir: string;
let fake: FakeEdgeServer | undefined;
let counters: SynthesisCounters;
beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tts-synth-'));
  counters = { synthesisCalls: 0, retries: 0 };
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  await rm(workDir, { recursive: true, force: true });
});

describe('edge client against a fake read-aloud service', () => {
  test('sends speech.config and escaped SSML through EDGE_TTS_WSS_URL and returns decodable MP3 with word boundaries', async () => {
    fake = await startFakeEdgeServer();
    const plan = fixturePlan('hello-remote');
    const client = new EdgeClient({ endpoint: fake.url, retry: FAST_RETRY });
    const chunks = await client.synthesizeScript(plan, workDir, counters);

    expect(chunks).toHaveLength(plan.chunks.length);
    expect(counters.synthesisCalls).toBe(plan.chunks.length);
    const first = fake.requests.find((request) => request.text.startsWith('Remote workspaces'))!;
    expect(first.path).toBe(EDGE_PATH);
    expect(first.query.get('TrustedClientToken')).toMatch(/^[0-9A-F]{32}$/);
    expect(first.query.get('Sec-MS-GEC')).toMatch(/^[0-9A-F]{64}$/);
    expect(first.headers.origin).toMatch(/^chrome-extension:\/\//);
    expect(first.speechConfig).toMatchObject({
      context: {
        synthesis: {
          audio: { outputFormat: 'audio-24khz-48kbitrate-mono-mp3', metadataoptions: { wordBoundaryEnabled: 'true' } },
        },
      },
    });
    expect(first.voice).toBe('en-US-AriaNeural');
    expect(first.prosody).toEqual({ pitch: '+0Hz', rate: '+0%', volume: '+0%' });
    // The ampersand arrives escaped on the wire and decodes back to the script's text; no emphasis markup is sent to Edge.
    expect(first.ssml).toContain('secrets &amp; sends');
    expect(first.ssml).not.toContain('<emphasis>');
    expect(first.text).toBe(
      'Remote workspaces are here. An agent on your laptop registers, pulls its secrets & sends a heartbeat.',
    );
    for (const chunk of chunks) {
      const probe = await probeAudio(chunk.audioPath);
      expect(probe.codec).toBe('mp3');
      expect(probe.durationSeconds).toBeGreaterThan(1);
    }
    expect(chunks[0]!.boundaries.map((boundary) => boundary.text).slice(0, 3)).toEqual(['Remote', 'workspaces', 'are']);
    expect(chunks[0]!.boundaries[1]!.offsetSeconds).toBeCloseTo(first.boundaries[1]!.offsetSeconds, 5);
  });

  test('retries a turn with no audio and a refused handshake, then succeeds', async () => {
    const plan = fixturePlan('hello-mandarin');
    fake = await startFakeEdgeServer({
      behaviour: (index) => (index === 0 ? 'no-audio' : index === 1 ? { status: 503 } : 'ok'),
    });
    const client = new EdgeClient({ endpoint: fake.url, retry: FAST_RETRY });
    const chunks = await client.synthesizeScript(plan, workDir, counters);
    expect(chunks).toHaveLength(1);
    expect(counters).toEqual({ synthesisCalls: 3, retries: 2 });
    expect(fake.requests.at(-1)!.voice).toBe('zh-CN-XiaoxiaoNeural');
  });

  test('treats a socket closed before turn.end as truncated audio and retries', async () => {
    const plan = fixturePlan('hello-mandarin');
    fake = await startFakeEdgeServer({ behaviour: (index) => (index === 0 ? 'close-midstream' : 'ok') });
    const failures: string[] = [];
    const client = new EdgeClient({ endpoint: fake.url, retry: FAST_RETRY });
    await client.synthesizeScript(plan, workDir, counters, (info) => failures.push((info.error as Error).message));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/turn\.end|truncated/);
    expect(counters.synthesisCalls).toBe(2);
  });

  test('corrects clock skew from the server Date after a 403', async () => {
    const plan = fixturePlan('hello-mandarin');
    const offset = 2 * 60 * 60 * 1000;
    fake = await startFakeEdgeServer({ clockOffsetMs: offset });
    const client = new EdgeClient({ endpoint: fake.url, retry: FAST_RETRY });
    await client.synthesizeScript(plan, workDir, counters);
    expect(counters.synthesisCalls).toBe(2);
    expect(Math.abs(client.agent.clock.skewMs - offset)).toBeLessThan(5_000);
    const accepted = fake.requests.at(-1)!;
    expect(accepted.query.get('Sec-MS-GEC')).toBe(
      computeSecMsGec(Date.now() + offset, accepted.query.get('TrustedClientToken')!),
    );
  });

  test('keeps at most the configured number of requests in flight', async () => {
    const plan = { ...fixturePlan('hello-remote') };
    plan.chunks = Array.from({ length: 4 }, (_unused, index) => ({ ...plan.chunks[0]!, index }));
    fake = await startFakeEdgeServer();
    const client = new EdgeClient({ endpoint: fake.url, retry: FAST_RETRY, concurrency: 2 });
    await client.synthesizeScript(plan, workDir, counters);
    expect(fake.connections).toBe(4);
    expect(fake.maxConcurrent).toBe(2);
  });

  test('times out a request that never answers', async () => {
    const plan = fixturePlan('hello-mandarin');
    fake = await startFakeEdgeServer({ behaviour: () => 'hang' });
    const client = new EdgeClient({ endpoint: fake.url, retry: { ...FAST_RETRY, attempts: 2 }, timeoutMs: 300 });
    const error = await client.synthesizeScript(plan, workDir, counters).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EdgeUnavailableError);
    expect((error as EdgeUnavailableError).kind).toBe('timeout');
    expect(counters.synthesisCalls).toBe(2);
  });

  test('reports an unreachable service and then fails fast for later scripts', async () => {
    const port = await closedPort();
    const client = new EdgeClient({ endpoint: `ws://127.0.0.1:${port}/v1`, retry: FAST_RETRY });
    const error = await client
      .synthesizeScript(fixturePlan('hello-mandarin'), workDir, counters)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EdgeUnavailableError);
    expect((error as Error).message).toMatch(
      new RegExp(`^Edge read-aloud unreachable at 127\\.0\\.0\\.1:${port}: .*ECONNREFUSED`),
    );
    expect(counters.synthesisCalls).toBe(3);
    await expect(client.synthesizeScript(fixturePlan('hello-remote'), workDir, counters)).rejects.toBe(error);
    expect(counters.synthesisCalls).toBe(3);
  });

  test('sends requests to the override path and keeps the service query', async () => {
    fake = await startFakeEdgeServer();
    const client = new EdgeClient({ endpoint: fake.url.replace(EDGE_PATH, '/proxy/edge'), retry: FAST_RETRY });
    await client.synthesizeScript(fixturePlan('hello-mandarin'), workDir, counters);
    expect(fake.requests[0]!.path).toBe('/proxy/edge');
    expect(fake.requests[0]!.query.get('ConnectionId')).toBeTruthy();
  });

  test('rejects an EDGE_TTS_WSS_URL that is not a ws:// or wss:// URL', () => {
    expect(() => new EdgeClient({ endpoint: 'https://example.test/v1' })).toThrow(
      'EDGE_TTS_WSS_URL must start with ws:// or wss://, got "https://"',
    );
    expect(() => new EdgeClient({ endpoint: 'localhost:8080' })).toThrow(/EDGE_TTS_WSS_URL/);
  });
});
