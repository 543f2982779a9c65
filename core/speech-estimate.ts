// How long a voice-over body takes to read at a pace, counted exactly as npm run tts counts it.
import { parseScriptBody } from './voiceover-script.ts';
import { countSpokenUnits } from './sentences.ts';

/** Speaking-time estimate of a voice-over body. */
export interface SpeechEstimate {
  /** Words, plus Han characters for Chinese. */
  units: number;
  /** `[pause …]` lines, in seconds. */
  pauseSeconds: number;
  /** units ÷ pace, plus pauses. */
  seconds: number;
}

/**
 * Estimates how long a voice-over body takes to read at `wpm`, reading the text exactly as
 * `npm run tts` does (its parser and counter), so the build and the generator agree.
 * `language` is accepted for callers' clarity; the counter handles Han characters itself.
 */
export function estimateSpeech(body: string, wpm: number, _language = 'en-US'): SpeechEstimate {
  const { parts } = parseScriptBody({ file: '', text: body, bodyOffset: 0 });
  let units = 0;
  let pauseSeconds = 0;
  for (const part of parts) {
    if (part.kind === 'speech') units += countSpokenUnits(part.text);
    else pauseSeconds += part.ms / 1000;
  }
  return { units, pauseSeconds, seconds: (units / wpm) * 60 + pauseSeconds };
}
