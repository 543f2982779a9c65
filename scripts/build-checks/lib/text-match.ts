// Normalised text for leak matching (letters and digits, one space), each character mapped back to its offset.
import { decodeHTML } from 'entities';

/** Text reduced for leak matching, with a map back to offsets in the original. */
export interface NormalizedText {
  /** Lower-case letters and digits, single spaces between words. */
  text: string;
  /** Original offset of each character of `text`. */
  offsets: Int32Array;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/iy;

function isWordChar(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return WORD_CHAR.test(char);
}

/**
 * Lower-cases text and keeps only letters and digits, one space between runs; apostrophes
 * vanish (so "don't" and "don’t" match). In HTML mode `<…>` tags are skipped and character
 * references decoded.
 */
export function normalizeText(input: string, html = false): NormalizedText {
  const out: string[] = [];
  const offsets = new Int32Array(input.length + 1);
  let length = 0;
  let pendingSpace = false;
  const emit = (char: string, index: number): void => {
    if (char === "'" || char === '’' || char === '\u00AD') return;
    if (!isWordChar(char)) {
      pendingSpace = true;
      return;
    }
    if (pendingSpace && length > 0) {
      out.push(' ');
      offsets[length++] = index;
    }
    pendingSpace = false;
    out.push(char.toLowerCase());
    offsets[length++] = index;
  };
  for (let index = 0; index < input.length; index++) {
    const char = input[index]!;
    if (html && char === '<') {
      const close = input.indexOf('>', index);
      if (close !== -1) {
        index = close;
        pendingSpace = true;
        continue;
      }
    }
    if (html && char === '&') {
      ENTITY.lastIndex = index;
      const entity = ENTITY.exec(input);
      if (entity) {
        for (const decoded of decodeHTML(entity[0])) emit(decoded, index);
        index += entity[0].length - 1;
        continue;
      }
    }
    emit(char, index);
  }
  // A copy of the used part: a view would keep the whole input-sized buffer alive with the text.
  return { text: out.join(''), offsets: offsets.slice(0, length) };
}

/** Words per shingle: long enough that a shared run means copied text, not a common technical phrase. */
export const SHINGLE_WORDS = 10;

/** Every run of `size` consecutive words of normalised text, with the offset of its first word. */
export function shinglesOf(text: string, size = SHINGLE_WORDS): Array<{ shingle: string; index: number }> {
  const starts: number[] = [];
  for (let index = 0; index < text.length; index++)
    if (index === 0 || text.charCodeAt(index - 1) === 32) starts.push(index);
  const out: Array<{ shingle: string; index: number }> = [];
  for (let word = 0; word + size <= starts.length; word++) {
    const end = word + size < starts.length ? starts[word + size]! - 1 : text.length;
    out.push({ shingle: text.slice(starts[word]!, end), index: starts[word]! });
  }
  return out;
}
