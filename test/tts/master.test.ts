// Tests of espeak-ng synthesis and mastering, measured with ffprobe.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planScripts, type VoiceoverPlan } from '../../scripts/tts/plan.ts';
import { synthesizeOffline } from '../../scripts/tts/offline-voice.ts';
import {
  joinTimeline,
  masterToMp3,
  MASTERING,
  type JoinedAudio,
  type MasteredAudio,
} from '../../scripts/tts/master.ts';
import { measureLoudness, probeAudio } from '../../scripts/lib/measure-audio.ts';
import type { SynthesizedChunk } from '../../scripts/tts/synthesize.ts';

const FIXTURE = join(import.meta.dirname, '../fixtures/tts-scripts');

let workDir: string;
let plan: VoiceoverPlan;
let chunks: SynthesizedChunk[];
let joined: JoinedAudio;
let mastered: MasteredAudio;
let mp3: string;
const counters = { synthesisCalls: 0, retries: 0 };

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'tts-master-'));
  plan = planScripts(FIXTURE).plans.find((candidate) => candidate.id === 'voiceovers/hello-remote')!;
  ({ chunks } = await synthesizeOffline(plan, workDir, counters));
  // The fixture is: speech, a 600 ms pause, speech.
  joined = await joinTimeline(
    [
      { kind: 'audio', path: chunks[0]!.audioPath },
      { kind: 'silence', seconds: 0.6 },
      { kind: 'audio', path: chunks[1]!.audioPath },
    ],
    workDir,
  );
  mp3 = join(workDir, 'out.mp3');
  mastered = await masterToMp3(joined, mp3, { title: plan.title, comment: 'test' });
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

describe('espeak-ng synthesis and mastering, measured', () => {
  test('speaks close to the script pace, so the draft lands near its words ÷ wpm', () => {
    const spoken = joined.durations[0]! + joined.durations[2]!;
    const wanted = (plan.units / plan.wpm) * 60;
    expect(Math.abs(spoken / wanted - 1)).toBeLessThan(0.06);
    expect(counters.synthesisCalls).toBeGreaterThanOrEqual(plan.chunks.length);
  });

  test('masters to −16 LUFS integrated with true peak at or below −1 dBTP, measured on the MP3', async () => {
    const loudness = await measureLoudness(mp3);
    expect(loudness.integratedLufs).toBeGreaterThanOrEqual(-17);
    expect(loudness.integratedLufs).toBeLessThanOrEqual(-15);
    expect(loudness.truePeakDbtp).toBeLessThanOrEqual(-1);
    expect(mastered.loudness).toEqual(loudness);
  });

  test('writes 44.1 kHz mono MP3 at 96–128 kbps with ID3 title and artist', async () => {
    const probe = await probeAudio(mp3);
    expect(probe).toMatchObject({ codec: 'mp3', sampleRate: 44_100, channels: 1 });
    expect(probe.bitRate).toBeGreaterThanOrEqual(96_000);
    expect(probe.bitRate).toBeLessThanOrEqual(128_000);
    expect(probe.tags).toMatchObject({ title: 'Hello remote workspaces', artist: MASTERING.artist, comment: 'test' });
    const { stdout } = await execa('ffprobe', [
      '-v',
      'error',
      '-show_entries',
      'format_tags=title',
      '-of',
      'csv=p=0',
      mp3,
    ]);
    expect(stdout.trim()).toBe('Hello remote workspaces');
  });

  test('keeps the joined length: the MP3 lasts as long as the chunks plus the pause', async () => {
    const probe = await probeAudio(mp3);
    expect(Math.abs(probe.durationSeconds - joined.totalSeconds)).toBeLessThan(0.06);
    expect(joined.starts[2]).toBeCloseTo(joined.durations[0]! + 0.6, 6);
  });

  test('puts real silence where the script pauses', async () => {
    const { stderr } = await execa('ffmpeg', [
      '-hide_banner',
      '-nostats',
      '-i',
      mp3,
      '-af',
      'silencedetect=noise=-45dB:d=0.5',
      '-f',
      'null',
      '-',
    ]);
    const silences = [...stderr.matchAll(/silence_start: ([\d.]+)[\s\S]*?silence_end: ([\d.]+)/g)].map(
      (match) => [Number(match[1]), Number(match[2])] as const,
    );
    const pauseAt = joined.starts[1]!;
    expect(silences.some(([start, end]) => start <= pauseAt + 0.1 && end >= pauseAt + 0.5)).toBe(true);
  });
});
