/** Languages counted in characters rather than words when pacing speech. */
const CHARACTER_LANGUAGES = /^(zh|ja|ko)\b/i;

/** The text a voice-over script speaks: pause lines and emphasis marks removed. */
export function spokenText(script: string): string {
  return script.replace(/^\[pause [^\]]+\]\s*$/gm, '').replace(/\*/g, '').trim();
}

/**
 * Counts what a pace is measured in: words for most languages, Han/kana/Hangul characters for
 * Chinese, Japanese and Korean (whose `wpm` is characters per minute).
 */
export function countSpokenUnits(text: string, language: string): number {
  if (CHARACTER_LANGUAGES.test(language)) return [...text.matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu)].length;
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Planned speaking time of a script: units ÷ pace, in seconds. */
export function estimateSpokenSeconds(script: string, language: string, wpm: number): number {
  return (countSpokenUnits(spokenText(script), language) / wpm) * 60;
}
