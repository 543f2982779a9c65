/** One unresolved placeholder in a text. */
export interface Placeholder {
  /** The placeholder as written, e.g. `[NAME]`, `TBD`, `{{launch_date}}`. */
  text: string;
  /** Offset in the searched text. */
  offset: number;
}

// Bracketed capitalised words ([NAME], [Date], [EMAIL, TITLE]), TBD/TODO/TK, and {{merge}} fields.
const PATTERNS = [
  /\[(?:[A-Z][A-Za-z]*)(?:[ ,:/-]+[A-Z][A-Za-z]*)*(?::[^\]\n]*)?\](?!\()/g,
  /\b(?:TBD|TODO|TK)\b/g,
  /\{\{\s*([\w.]+)\s*\}\}/g,
];

/**
 * Finds placeholders left in text. `{{field}}` merge fields named in `allowedMergeFields`
 * (an email's own merge fields) are not placeholders. Markdown links `[Text](url)` and
 * footnote references `[^1]` are not matched.
 */
export function findPlaceholders(text: string, allowedMergeFields: readonly string[] = []): Placeholder[] {
  const found: Placeholder[] = [];
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) {
      if (match[1] && allowedMergeFields.includes(match[1])) continue;
      found.push({ text: match[0], offset: match.index });
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
