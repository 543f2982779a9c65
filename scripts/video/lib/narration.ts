// Splits a voice-over (the tts pipeline's mastered MP3 and its captions) into one span per paragraph.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Cue } from '../../tts/captions.ts';
import { splitSentences } from '../../../core/sentences.ts';
import type { VoiceoverPlan } from '../../tts/plan.ts';
import { parseVtt } from './vtt.ts';

/** One paragraph of narration on the audio's timeline (seconds). */
export interface NarrationSpan {
  text: string;
  start: number;
  end: number;
  cues: Cue[];
}

/** The voice-over as the films use it. */
export interface Narration {
  id: string;
  file: string;
  audio: string;
  captions: string;
  totalSeconds: number;
  spans: NarrationSpan[];
  cues: Cue[];
}

/** The paragraphs of a script body: text between blank lines, without pause lines. */
export function paragraphsOf(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .replace(/^\[pause [^\]]*\]$/gm, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

/**
 * Maps each paragraph onto the audio: one caption cue per sentence (the tts pipeline's rule), so a
 * paragraph runs from its first cue's start to the next paragraph's first cue (the last to the end
 * of the audio). Returns undefined spans when the cues do not match the text (a stale caption file).
 */
export async function readNarration(
  root: string,
  plan: VoiceoverPlan,
  body: string,
  totalSeconds: number,
): Promise<Narration | { mismatch: string }> {
  const cues = parseVtt(await readFile(join(root, plan.captions), 'utf8'));
  const paragraphs = paragraphsOf(body);
  const counts = paragraphs.map((paragraph) => splitSentences(paragraph).length);
  const expected = counts.reduce((sum, count) => sum + count, 0);
  if (expected !== cues.length)
    return { mismatch: `${plan.captions} has ${cues.length} cues but ${plan.file} has ${expected} sentences` };
  const spans: NarrationSpan[] = [];
  let index = 0;
  paragraphs.forEach((text, paragraph) => {
    const own = cues.slice(index, index + counts[paragraph]!);
    index += counts[paragraph]!;
    spans.push({ text, start: paragraph === 0 ? 0 : own[0]!.start, end: 0, cues: own });
  });
  spans.forEach((span, position) => (span.end = spans[position + 1]?.start ?? totalSeconds));
  return { id: plan.id, file: plan.file, audio: plan.output, captions: plan.captions, totalSeconds, spans, cues };
}
