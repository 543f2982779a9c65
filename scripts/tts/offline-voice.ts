// The offline synthesiser (espeak-ng), paced from the script's wpm; its output is marked draft.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mapWithLimit } from '../lib/map-limit.ts';
import { runTool } from '../lib/run-tool.ts';
import { buildEspeakSsml } from './ssml.ts';
import { countSpokenUnits } from '../../core/sentences.ts';
import type { VoiceoverPlan } from './plan.ts';
import type { SynthesisCounters, SynthesizedChunk } from './synthesize.ts';
import { ESPEAK_BINARY, espeakPitchFor, espeakVoiceFor } from './provider.ts';

/**
 * espeak-ng's real pace over running text relative to its `-s` setting: punctuation pauses
 * make `-s 140` come out near 115 words per minute. Only the first guess uses it; each script
 * is then measured and corrected.
 */
export const ESPEAK_PACE_FACTOR = 0.82;
/** Speeds espeak-ng accepts. */
export const ESPEAK_SPEED_RANGE = { min: 80, max: 450 } as const;
/** How close the speech must land to words ÷ wpm before we stop correcting the speed. */
export const ESPEAK_PACE_TOLERANCE = 0.03;
/** Correction passes after the first synthesis. */
export const ESPEAK_CALIBRATION_PASSES = 2;
/** espeak-ng processes in flight at once (it is CPU-bound). */
export const DEFAULT_ESPEAK_CONCURRENCY = 2;

/** Duration of a PCM WAV file from its header (espeak-ng writes 16-bit mono). */
export async function readWavDuration(path: string): Promise<number> {
  const bytes = await readFile(path);
  const rate = bytes.readUInt32LE(24);
  const blockAlign = bytes.readUInt16LE(32);
  let offset = 12;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'data') return Math.min(size, bytes.length - offset - 8) / blockAlign / rate;
    offset += 8 + size + (size % 2);
  }
  return 0;
}

/**
 * Synthesises every chunk of a script with espeak-ng. The speed is chosen from the script's
 * wpm, then corrected from the measured length so that the draft runs close to the intended
 * pace (and so close to its target duration). Captions are timed proportionally later.
 */
export async function synthesizeOffline(
  plan: VoiceoverPlan,
  workDir: string,
  counters: SynthesisCounters,
  concurrency = DEFAULT_ESPEAK_CONCURRENCY,
): Promise<{ chunks: SynthesizedChunk[]; speed: number }> {
  const voice = espeakVoiceFor(plan.language);
  const pitch = espeakPitchFor(plan.prosody.pitch);
  const units = plan.chunks.reduce((sum, chunk) => sum + countSpokenUnits(chunk.text), 0);
  const wanted = (units / plan.wpm) * 60;
  let speed = clampSpeed(plan.wpm / ESPEAK_PACE_FACTOR);
  for (let pass = 0; ; pass++) {
    const chunks = await mapWithLimit(plan.chunks, concurrency, async (chunk) => {
      const part = plan.parts[chunk.part];
      const ssml = buildEspeakSsml(chunk, part?.kind === 'speech' ? part.emphasis : []);
      const audioPath = join(workDir, `espeak-${pass}-${chunk.index}.wav`);
      counters.synthesisCalls++;
      await runTool(
        ESPEAK_BINARY,
        ['-v', voice, '-s', String(speed), '-p', String(pitch), '-m', '-w', audioPath, '--stdin'],
        `synthesise chunk ${chunk.index + 1} with espeak-ng`,
        ssml,
      );
      const seconds = await readWavDuration(audioPath);
      if (seconds <= 0) throw new Error(`espeak-ng produced no audio for chunk ${chunk.index + 1}`);
      return { chunk, audioPath, seconds, boundaries: [] } satisfies SynthesizedChunk & { seconds: number };
    });
    const spoken = chunks.reduce((sum, chunk) => sum + chunk.seconds, 0);
    const next = clampSpeed(speed * (spoken / wanted));
    if (Math.abs(spoken / wanted - 1) <= ESPEAK_PACE_TOLERANCE || pass >= ESPEAK_CALIBRATION_PASSES || next === speed) {
      return { chunks: chunks.map(({ seconds: _seconds, ...chunk }) => chunk), speed };
    }
    speed = next;
  }
}

function clampSpeed(speed: number): number {
  return Math.round(Math.max(ESPEAK_SPEED_RANGE.min, Math.min(ESPEAK_SPEED_RANGE.max, speed)));
}
