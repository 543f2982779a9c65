/** Speaking-time estimate of a voice-over script. */
export interface SpeechEstimate {
  /** Words (or Han characters for Chinese). */
  units: number;
  unitName: 'words' | 'characters';
  /** Pauses written as `[pause 800ms]` / `[pause 1.5s]`, in seconds. */
  pauseSeconds: number;
  /** units ÷ pace, plus pauses. */
  seconds: number;
}

const PAUSE = /\[pause\s+(\d+(?:\.\d+)?)\s*(ms|s)\]/gi;

/** True for languages counted in characters per minute rather than words. */
export function countsCharacters(language: string): boolean {
  return /^(zh|ja|yue)\b/i.test(language);
}

/**
 * Estimates how long a script takes to read: pause markup is timed and removed, `*emphasis*`
 * stars dropped, then words (tokens with a letter or digit) or Han characters are counted.
 */
export function estimateSpeech(body: string, wpm: number, language: string): SpeechEstimate {
  let pauseSeconds = 0;
  const text = body
    .replace(PAUSE, (_match, value: string, unit: string) => {
      pauseSeconds += unit.toLowerCase() === 'ms' ? Number(value) / 1000 : Number(value);
      return ' ';
    })
    .replace(/\*/g, '');
  const characters = countsCharacters(language);
  const units = characters ? (text.match(/\p{Script=Han}/gu) ?? []).length : text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
  return { units, unitName: characters ? 'characters' : 'words', pauseSeconds, seconds: (units / wpm) * 60 + pauseSeconds };
}
