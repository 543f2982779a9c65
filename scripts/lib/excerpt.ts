// A one-line excerpt of a response body or output, for error messages and reports.

/** How much of a body an error message quotes. */
export const BODY_EXCERPT_CHARS = 160;

/** One line, at most {@link BODY_EXCERPT_CHARS} characters. */
export function excerpt(text: string, max = BODY_EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
