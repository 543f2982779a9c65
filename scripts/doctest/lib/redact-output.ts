// Redaction exactly as the demo does it: JSON bodies through redactDeep, other text through redact, then a one-line excerpt.
import { excerpt } from '../../lib/excerpt.ts';
import { redactDeep } from '../../lib/redact-deep.ts';
import { redact } from '../../lib/redact.ts';

/** Longest excerpt of a body or an output in a report line. */
export const EXCERPT_CHARS = 240;

/** Redacts a body or output (known secrets, token shapes, credential keys). */
export function redactText(text: string, secrets: Iterable<string>): string {
  const known = [...secrets];
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object') return JSON.stringify(redactDeep(value, known));
  } catch {
    // Not JSON: plain text redaction.
  }
  return redact(text, known);
}

/** Redacted one-line excerpt; the tail of long text, where the error usually is. */
export function showExcerpt(text: string, secrets: Iterable<string>): string {
  const flat = redactText(text, secrets).replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `…${flat.slice(-(EXCERPT_CHARS - 1))}` : excerpt(flat, EXCERPT_CHARS);
}
