// Splits a frontmatter string at its footnote references (`[^id]`), so views can link them to the body's footnotes.

/** One piece of a string: plain text, or a footnote reference by id. */
export type TextPiece = { text: string } | { ref: string };

/** The footnote anchor MDX (remark-gfm) gives a definition in the rendered body. */
export function footnoteAnchor(ref: string): string {
  return `#user-content-fn-${ref.toLowerCase()}`;
}

/** `"A claim[^src]."` → text, ref, text. */
export function splitFootnoteRefs(value: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let last = 0;
  for (const match of value.matchAll(/\[\^([^\]\s]+)\]/g)) {
    if (match.index > last) pieces.push({ text: value.slice(last, match.index) });
    pieces.push({ ref: match[1]! });
    last = match.index + match[0].length;
  }
  if (last < value.length) pieces.push({ text: value.slice(last) });
  return pieces;
}
