// Finds the elements carrying an attribute in built HTML and where their inner HTML starts and ends, via htmlparser2.
import { Parser } from 'htmlparser2';

/** One element carrying the attribute: its value, and the source range between its start and end tags. */
export interface ElementRange {
  value: string;
  /** Offset of the start tag's `<`. */
  tagStart: number;
  /** First character after the start tag. */
  innerStart: number;
  /** Offset of the end tag's `<` (equal to innerStart for an empty element). */
  innerEnd: number;
}

/**
 * Every element with `attribute`, outermost first, with the byte-exact range of its inner HTML,
 * so a caller can copy or replace it without re-serialising anything. An element left open at the
 * end of the file is not reported: its extent is unknown.
 */
export function findElementRanges(html: string, attribute: string): ElementRange[] {
  const found: ElementRange[] = [];
  const open: Array<{ depth: number; range: Omit<ElementRange, 'innerEnd'> }> = [];
  let depth = 0;
  const parser: Parser = new Parser(
    {
      onopentag(_name, attributes) {
        depth++;
        const value = attributes[attribute];
        if (value !== undefined)
          open.push({ depth, range: { value, tagStart: parser.startIndex, innerStart: parser.endIndex + 1 } });
      },
      onclosetag(_name, isImplied) {
        const top = open.at(-1);
        if (top && top.depth === depth) {
          open.pop();
          // An implied end tag (a void element, or one closed by its parent) has no source of its own.
          const innerEnd = isImplied ? Math.max(top.range.innerStart, parser.startIndex) : parser.startIndex;
          found.push({ ...top.range, innerEnd });
        }
        depth--;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return found.sort((a, b) => a.tagStart - b.tagStart);
}
