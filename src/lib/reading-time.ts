/** Average silent-reading pace for technical prose, in words per minute. */
export const READING_WPM = 220;

/**
 * Counts the words a reader actually reads in an MDX body: import/export lines, JSX tags,
 * code fences and Markdown punctuation are left out.
 */
export function countReadableWords(body: string): number {
  const text = body
    .replace(/^(import|export)\s.*$/gm, '')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|~-]+/g, ' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Whole minutes to read the body, at least one. */
export function readingMinutes(body: string, wpm = READING_WPM): number {
  return Math.max(1, Math.round(countReadableWords(body) / wpm));
}
