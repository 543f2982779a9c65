/** One word as the Edge service times it, relative to the start of its request's audio. */
export interface WordBoundary {
  offsetSeconds: number;
  durationSeconds: number;
  /** The word as spoken (no punctuation; numbers may be spelled out). */
  text: string;
}

/** Edge times words in 100 ns ticks. */
const TICKS_PER_SECOND = 10_000_000;

/**
 * Reads the `audio.metadata` payloads of one request into word boundaries, in time order.
 * Each payload is `{"Metadata":[{"Type":"WordBoundary","Data":{"Offset","Duration","text":{"Text"}}}]}`;
 * payloads that arrive glued together in one buffer are split first.
 */
export function parseWordBoundaries(payloads: readonly string[]): WordBoundary[] {
  const boundaries: WordBoundary[] = [];
  for (const json of payloads.flatMap(splitJsonObjects)) {
    const parsed = JSON.parse(json) as {
      Metadata?: Array<{ Type?: string; Data?: { Offset?: number; Duration?: number; text?: { Text?: string } } }>;
    };
    for (const item of parsed.Metadata ?? []) {
      if (item.Type !== 'WordBoundary' || typeof item.Data?.Offset !== 'number') continue;
      boundaries.push({
        offsetSeconds: item.Data.Offset / TICKS_PER_SECOND,
        durationSeconds: (item.Data.Duration ?? 0) / TICKS_PER_SECOND,
        text: item.Data.text?.Text ?? '',
      });
    }
  }
  return boundaries.sort((a, b) => a.offsetSeconds - b.offsetSeconds);
}

/** Splits `{…}{…}` into its top-level JSON objects (strings may contain braces). */
export function splitJsonObjects(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') {
      if (depth === 0) start = index;
      depth++;
    } else if (char === '}' && depth > 0) {
      depth--;
      if (depth === 0) out.push(text.slice(start, index + 1));
    }
  }
  return out;
}
