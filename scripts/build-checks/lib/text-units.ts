// The texts a rule scans (body prose, frontmatter strings), each with a way back to its place in the file.
import type { ContentFile } from '../../../core/content-files.ts';
import type { CheckContext } from '../check.ts';
import { parseBody, type ParsedBody } from './markdown-body.ts';

/** A piece of text a check scans, with a way back to its exact place in the file. */
export interface TextUnit {
  kind: 'prose' | 'code' | 'field';
  text: string;
  /** `text` with code spans, JSX, link targets and the like blanked (prose and fields). */
  masked: string;
  /** Inside a footnote definition. */
  inFootnote: boolean;
  /** Frontmatter key path for fields, e.g. `posts.1.text`. */
  path?: string;
  /** File offset of a character of `text`. */
  offsetAt(index: number): number;
}

/** Parses an entry's body once per run. */
export function bodyOf(ctx: CheckContext, entry: ContentFile): ParsedBody {
  return ctx.memo(`body:${entry.file}`, () => parseBody(entry.text, entry.file));
}

/** Every string in validated frontmatter with its key path (defaults included; they are not in the file). */
export function frontmatterStrings(
  data: unknown,
  path: Array<string | number> = [],
): Array<{ path: Array<string | number>; value: string }> {
  if (typeof data === 'string') return [{ path, value: data }];
  if (Array.isArray(data)) return data.flatMap((item, index) => frontmatterStrings(item, [...path, index]));
  if (data && typeof data === 'object' && !(data instanceof Date)) {
    return Object.entries(data).flatMap(([key, value]) => frontmatterStrings(value, [...path, key]));
  }
  return [];
}

/**
 * File offset of `value[index]` for a frontmatter string: YAML may quote, fold or indent it,
 * so the piece of text from that index is searched for from where the value starts.
 */
export function offsetInField(
  entry: ContentFile,
  path: readonly (string | number)[],
  value: string,
  index: number,
): number {
  const start = entry.offsetOf(path) ?? 0;
  const end = entry.bodyOffset || entry.text.length;
  const rest = value.slice(index);
  for (const probe of [rest.split('\n')[0]!.slice(0, 40), rest.split(/\s/)[0]!]) {
    if (!probe) continue;
    const found = entry.text.indexOf(probe, start);
    if (found !== -1 && found < end) return found;
  }
  return start;
}

/** Blanks code spans (`…`) in a frontmatter string, as prose masking does in bodies. */
export function maskInlineCode(text: string): string {
  return text.replace(/`[^`\n]*`/g, (span) => ' '.repeat(span.length));
}

/**
 * The texts of one entry that prose checks read: body prose blocks, code blocks, and
 * frontmatter strings that look like sentences (two or more spaces) or are known text fields.
 */
export function textUnitsOf(ctx: CheckContext, entry: ContentFile): TextUnit[] {
  return ctx.memo(`units:${entry.file}`, () => {
    const body = bodyOf(ctx, entry);
    const units: TextUnit[] = [];
    for (const { path, value } of frontmatterStrings(entry.data)) {
      if (!/\S\s+\S+\s+\S/.test(value)) continue;
      units.push({
        kind: 'field',
        text: value,
        masked: maskInlineCode(value),
        inFootnote: false,
        path: path.join('.'),
        offsetAt: (index) => offsetInField(entry, path, value, index),
      });
    }
    for (const block of body.prose) {
      units.push({
        kind: 'prose',
        text: block.raw,
        masked: block.masked,
        inFootnote: block.inFootnote,
        offsetAt: (index) => block.offset + index,
      });
    }
    for (const block of body.code) {
      units.push({
        kind: 'code',
        text: block.raw,
        masked: block.raw,
        inFootnote: false,
        offsetAt: (index) => block.offset + index,
      });
    }
    return units;
  });
}
