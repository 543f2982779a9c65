// WebVTT captions: one cue per sentence, timed from word boundaries, back to back to the end of the audio.
import type { WordBoundary } from './edge-metadata.ts';
import type { ScriptPart } from '../../core/voiceover-script.ts';
import type { Chunk } from './ssml.ts';

/** One caption: a sentence and when it is on screen. */
export interface Cue {
  start: number;
  end: number;
  text: string;
}

/** A synthesised chunk placed on the finished audio's timeline. */
export interface TimedChunk {
  chunk: Chunk;
  startSeconds: number;
  durationSeconds: number;
  /** Edge word timings relative to the chunk's start; empty for espeak-ng. */
  boundaries: readonly WordBoundary[];
}

/** Longest caption line for alphabetic text (the usual subtitle limit). */
export const CAPTION_LINE_CHARS = 42;
/** Shortest gap kept between two cue starts, so every cue has a positive length. */
const MIN_CUE_SECONDS = 0.01;

type Anchor = { weight: number; seconds: number };

/**
 * Rough speaking time of each character, used between known time points: punctuation carries a
 * pause, a Han character a whole syllable.
 */
function charWeight(char: string): number {
  if (/\p{Script=Han}/u.test(char)) return 3;
  if (/[\p{L}\p{N}]/u.test(char)) return 1;
  if (/[.!?。！？…]/u.test(char)) return 6;
  if (/[,;:，；：—–]/u.test(char)) return 3;
  return 0.5;
}

/**
 * Finds where each word boundary starts in the chunk text. Edge words carry no punctuation and
 * may spell numbers out, so words are matched loosely, in order, and unmatched ones are skipped.
 */
export function locateBoundaries(
  text: string,
  boundaries: readonly WordBoundary[],
): Array<{ index: number; seconds: number }> {
  const letters: number[] = [];
  let haystack = '';
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!.toLowerCase();
    if (/[\p{L}\p{N}]/u.test(char)) {
      haystack += char;
      letters.push(index);
    }
  }
  const found: Array<{ index: number; seconds: number }> = [];
  let cursor = 0;
  for (const boundary of boundaries) {
    const needle = boundary.text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
    if (!needle) continue;
    const at = haystack.indexOf(needle, cursor);
    if (at < 0 || at - cursor > 80) continue;
    found.push({ index: letters[at]!, seconds: boundary.offsetSeconds });
    cursor = at + needle.length;
  }
  return found;
}

function interpolate(anchors: readonly Anchor[], weight: number): number {
  // Several anchors can share a weight (a chunk's start and its first word): take the latest.
  let low = anchors[0]!;
  let high: Anchor | undefined;
  for (const anchor of anchors) {
    if (anchor.weight <= weight) low = anchor;
    else {
      high = anchor;
      break;
    }
  }
  if (!high || high.weight === low.weight) return low.seconds;
  return low.seconds + ((weight - low.weight) / (high.weight - low.weight)) * (high.seconds - low.seconds);
}

/**
 * One cue per sentence. Each sentence starts at its first word's Edge timing, or (espeak-ng)
 * at its share of its chunk by weighted length. A cue lasts until the next one starts, the first
 * starts at 0 and the last ends with the audio, so the cues cover the whole file in order.
 */
export function timeSentences(parts: readonly ScriptPart[], timed: readonly TimedChunk[], totalSeconds: number): Cue[] {
  const starts: Array<{ seconds: number; text: string }> = [];
  parts.forEach((part, partIndex) => {
    if (part.kind !== 'speech') return;
    const weights = [0];
    for (let index = 0; index < part.text.length; index++)
      weights.push(weights.at(-1)! + charWeight(part.text[index]!));
    const weightAt = (index: number) => weights[Math.min(weights.length - 1, index)]!;
    const anchors: Anchor[] = [];
    const push = (weight: number, seconds: number) => {
      const last = anchors.at(-1);
      if (!last || (weight >= last.weight && seconds >= last.seconds)) anchors.push({ weight, seconds });
    };
    for (const item of timed.filter((entry) => entry.chunk.part === partIndex)) {
      push(weightAt(item.chunk.start), item.startSeconds);
      for (const hit of locateBoundaries(item.chunk.text, item.boundaries)) {
        push(weightAt(item.chunk.start + hit.index), item.startSeconds + Math.min(hit.seconds, item.durationSeconds));
      }
      push(weightAt(item.chunk.end), item.startSeconds + item.durationSeconds);
    }
    if (anchors.length === 0) return;
    for (const sentence of part.sentences) {
      starts.push({
        seconds: interpolate(anchors, weightAt(sentence.start)),
        text: part.text.slice(sentence.start, sentence.end),
      });
    }
  });
  const cues: Cue[] = [];
  starts.forEach((entry, index) => {
    const start = index === 0 ? 0 : Math.max(entry.seconds, cues.at(-1)!.start + MIN_CUE_SECONDS);
    if (index > 0) cues.at(-1)!.end = start;
    cues.push({ start, end: totalSeconds, text: entry.text });
  });
  return cues;
}

/** `hh:mm:ss.mmm` as WebVTT wants it. */
export function formatTimestamp(seconds: number): string {
  const millis = Math.max(0, Math.round(seconds * 1000));
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(Math.floor(millis / 3_600_000))}:${pad(Math.floor(millis / 60_000) % 60)}:${pad(Math.floor(millis / 1000) % 60)}.${pad(millis % 1000, 3)}`;
}

/** Wraps alphabetic text at spaces into lines of at most {@link CAPTION_LINE_CHARS}; text without spaces stays whole. */
export function wrapCaption(text: string, width = CAPTION_LINE_CHARS): string[] {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function escapeCueText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A WebVTT file: header, a NOTE saying where it came from, then numbered cues. */
export function formatVtt(cues: readonly Cue[], note: string): string {
  const blocks = [`WEBVTT`, `NOTE ${note.replace(/-->/g, '→')}`];
  cues.forEach((cue, index) => {
    blocks.push(
      `${index + 1}\n${formatTimestamp(cue.start)} --> ${formatTimestamp(cue.end)}\n${wrapCaption(escapeCueText(cue.text)).join('\n')}`,
    );
  });
  return `${blocks.join('\n\n')}\n`;
}
