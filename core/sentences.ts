/** A sentence as a half-open character range of the text it was found in. */
export interface TextRange {
  start: number;
  end: number;
}

/** Words that end with a period without ending the sentence ("e.g. the", "Dr. Smith"). */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'vs',
  'cf',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'approx',
  'fig',
  'inc',
  'ltd',
  'jr',
  'sr',
]);

/** Latin sentence ends: they count only before whitespace or the end, so "1.5" and "moleculesai.app" stay whole. */
const LATIN_END = /[.!?…]+["'”’)\]]*(?=\s|$)/gu;
/** CJK sentence ends need no following space. */
const CJK_END = /[。！？]+[”’」』）)]*/gu;
const HAN = /\p{Script=Han}/gu;

/**
 * Splits text into sentences, keeping the script's own punctuation inside each range.
 * Caption cues are one per sentence and long text is chunked only between sentences, so both
 * rely on this.
 */
export function splitSentences(text: string): TextRange[] {
  const ends = new Set<number>();
  for (const match of text.matchAll(CJK_END)) ends.add(match.index + match[0].length);
  for (const match of text.matchAll(LATIN_END)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith('.') && isAbbreviation(text.slice(0, match.index))) continue;
    const next = /\S/u.exec(text.slice(end));
    if (next && /\p{Ll}/u.test(next[0])) continue;
    ends.add(end);
  }
  const ranges: TextRange[] = [];
  let start = 0;
  for (const end of [...ends, text.length].sort((a, b) => a - b)) {
    const range = trimRange(text, start, end);
    if (range) ranges.push(range);
    start = Math.max(start, end);
  }
  return ranges;
}

function isAbbreviation(before: string): boolean {
  const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase();
  return word !== undefined && ABBREVIATIONS.has(word);
}

function trimRange(text: string, start: number, end: number): TextRange | undefined {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end > start ? { start, end } : undefined;
}

/**
 * Units the script's `wpm` counts: words for alphabetic text, and for Chinese or Japanese
 * one unit per Han character plus one per embedded Latin word or number.
 */
export function countSpokenUnits(text: string): number {
  const han = text.match(HAN)?.length ?? 0;
  const words = text
    .replace(HAN, ' ')
    .split(/\s+/u)
    .filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
  return han + words;
}
