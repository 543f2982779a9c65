// SSML for Edge and espeak-ng: escaping, prosody and chunks of at most 4096 bytes split at sentence ends.
import type { SpeechPart } from '../../core/voiceover-script.ts';
import type { TextRange } from '../../core/sentences.ts';

/**
 * Largest escaped text the Edge service takes in one request. edge-tts splits at 4096 bytes;
 * longer requests come back truncated (rany2/edge-tts#190).
 */
export const MAX_EDGE_CHUNK_BYTES = 4096;

/** Prosody applied to the whole script, as SSML attribute values. */
export interface Prosody {
  rate: string;
  pitch: string;
  volume: string;
}

/** One synthesis request: a slice `[start, end)` of one speech part's text. */
export interface Chunk {
  index: number;
  /** Index of the speech part in the script's parts. */
  part: number;
  start: number;
  end: number;
  text: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for an SSML element or attribute (the service reads raw `<` and `&` as markup). */
export function escapeSsml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

function escapedBytes(text: string): number {
  return Buffer.byteLength(escapeSsml(text), 'utf8');
}

/**
 * Splits a speech part into chunks of at most `maxBytes` escaped bytes, cutting only between
 * sentences. A single sentence over the limit is cut at its last comma or space that fits, so a
 * cut never lands inside a word, a UTF-8 character or an XML entity.
 */
export function chunkSpeechPart(
  part: SpeechPart,
  partIndex: number,
  maxBytes = MAX_EDGE_CHUNK_BYTES,
): Array<Omit<Chunk, 'index'>> {
  const pieces: TextRange[] = part.sentences.flatMap((sentence) => splitLongRange(part.text, sentence, maxBytes));
  const chunks: Array<Omit<Chunk, 'index'>> = [];
  let current: TextRange | undefined;
  for (const piece of pieces) {
    if (current && escapedBytes(part.text.slice(current.start, piece.end)) <= maxBytes) {
      current = { start: current.start, end: piece.end };
      continue;
    }
    if (current) chunks.push({ part: partIndex, ...current, text: part.text.slice(current.start, current.end) });
    current = piece;
  }
  if (current) chunks.push({ part: partIndex, ...current, text: part.text.slice(current.start, current.end) });
  return chunks;
}

function splitLongRange(text: string, range: TextRange, maxBytes: number): TextRange[] {
  const out: TextRange[] = [];
  let start = range.start;
  while (escapedBytes(text.slice(start, range.end)) > maxBytes) {
    let fit = start;
    let bytes = 0;
    for (const char of text.slice(start, range.end)) {
      const size = escapedBytes(char);
      if (bytes + size > maxBytes) break;
      bytes += size;
      fit += char.length;
    }
    const window = text.slice(start, fit);
    const comma = Math.max(window.lastIndexOf(', '), window.lastIndexOf('; '), window.lastIndexOf('，'));
    const space = window.lastIndexOf(' ');
    const cut = comma > 0 ? start + comma + 1 : space > 0 ? start + space : fit;
    out.push({ start, end: cut });
    start = cut;
    while (start < range.end && text[start] === ' ') start++;
  }
  if (start < range.end) out.push({ start, end: range.end });
  return out;
}

/**
 * The request Edge accepts: one `<voice>` with one `<prosody>` around escaped text. The service
 * filters every other element (rany2/edge-tts#173), so pauses are inserted as real silence when
 * mastering and emphasis is not sent to Edge.
 */
export function buildEdgeSsml(text: string, voice: string, language: string, prosody: Prosody): string {
  return (
    `<speak version='1.0' xmlns='http://www.w3.org/2001/10/synthesis' xml:lang='${escapeSsml(language)}'>` +
    `<voice name='${escapeSsml(voice)}'>` +
    `<prosody pitch='${escapeSsml(prosody.pitch)}' rate='${escapeSsml(prosody.rate)}' volume='${escapeSsml(prosody.volume)}'>` +
    `${escapeSsml(text)}</prosody></voice></speak>`
  );
}

/** SSML for espeak-ng (`-m`): escaped text with `*emphasis*` as `<emphasis>`. */
export function buildEspeakSsml(chunk: Chunk, emphasis: readonly TextRange[]): string {
  let out = '';
  let cursor = chunk.start;
  for (const span of emphasis) {
    const start = Math.max(span.start, chunk.start);
    const end = Math.min(span.end, chunk.end);
    if (end <= start || start < cursor) continue;
    out += escapeSsml(chunk.text.slice(cursor - chunk.start, start - chunk.start));
    out += `<emphasis>${escapeSsml(chunk.text.slice(start - chunk.start, end - chunk.start))}</emphasis>`;
    cursor = end;
  }
  out += escapeSsml(chunk.text.slice(cursor - chunk.start));
  return `<speak>${out}</speak>`;
}
