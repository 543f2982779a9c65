// Turns a block into what the runner executes for one pass: only that pass's lines, the page's loopback mappings applied.
import type { DoctestFrontmatter } from '../../../core/schemas/doctest-frontmatter.ts';
import type { PageBlock } from './parse-page.ts';

/** The lines of a block (1-based) that run in `pass`; every line unless the annotation splits it. */
export function linesForPass(block: PageBlock, pass: string | null): number[] {
  const all = block.code.split('\n').map((_, index) => index + 1);
  const chosen = pass === null ? undefined : block.annotation.lines?.[pass];
  return chosen ?? all;
}

/** Whether the block belongs to `pass` at all. */
export function belongsToPass(block: PageBlock, pass: string | null): boolean {
  const { pass: only, lines } = block.annotation;
  if (pass === null) return true;
  if (only) return only === pass;
  return !lines || pass in lines;
}

/** The reader's text of the lines that run (what the report shows). */
export function readerText(block: PageBlock, lines: readonly number[]): string {
  return block.code
    .split('\n')
    .filter((_, index) => lines.includes(index + 1))
    .join('\n');
}

/**
 * The text the runner executes: lines outside `lines` become blank (so line numbers still match
 * the doc) and every mapping is applied, its `$DOCTEST_NAME` values filled in by the runner (a
 * mapping may land inside single quotes or Python, where nothing would expand them).
 */
export function runnableText(
  block: PageBlock,
  lines: readonly number[],
  map: DoctestFrontmatter['map'],
  vars: Record<string, string>,
): string {
  const fill = (text: string) =>
    text.replace(/\$\{?(DOCTEST_[A-Z_]+)\}?/g, (whole, name: string) => vars[name] ?? whole);
  return block.code
    .split('\n')
    .map((text, index) => {
      if (!lines.includes(index + 1)) return '';
      let out = text;
      for (const mapping of map) out = out.split(mapping.find).join(fill(mapping.with));
      return out;
    })
    .join('\n');
}
