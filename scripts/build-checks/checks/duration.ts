import type { Check } from '../check.ts';
import { estimateSpeech } from '../speech-length.ts';

/** How far a voice-over may stray from its target, either way. */
export const DURATION_TOLERANCE = 0.1;

function outside(seconds: number, target: number): boolean {
  return Math.abs(seconds - target) > target * DURATION_TOLERANCE;
}

/** Voice-over scripts fit their target: words ÷ pace, and once audio exists, its measured length. */
export const durationCheck: Check = {
  id: 'duration',
  phase: 'source',
  description: 'voice-over words ÷ WPM and measured audio length within ±10 % of targetSeconds',
  run(ctx) {
    for (const entry of ctx.sources.content) {
      if (entry.collection !== 'voiceovers' || !entry.data) continue;
      const { targetSeconds, wpm, language, output } = entry.data as { targetSeconds: number; wpm: number; language: string; output: string };
      const offset = entry.offsetOf(['targetSeconds'], true) ?? 0;
      const estimate = estimateSpeech(entry.body, wpm, language);
      if (outside(estimate.seconds, targetSeconds)) {
        const pauses = estimate.pauseSeconds ? ` + ${estimate.pauseSeconds.toFixed(1)} s of pauses` : '';
        const fit = Math.round(((targetSeconds - estimate.pauseSeconds) * wpm) / 60);
        ctx.report({
          file: entry.file,
          offset,
          message: `${estimate.units} ${estimate.unitName} at ${wpm} per minute${pauses} ≈ ${estimate.seconds.toFixed(1)} s, more than 10 % from targetSeconds ${targetSeconds}`,
          hint: `aim for about ${fit} ${estimate.unitName}, or change targetSeconds or wpm`,
        });
      }
      const measured = ctx.sources.manifest.entries[output]?.durationSeconds;
      if (measured !== undefined && outside(measured, targetSeconds)) {
        ctx.report({ file: entry.file, offset, message: `${output} lasts ${measured.toFixed(1)} s, more than 10 % from targetSeconds ${targetSeconds}`, hint: 'adjust the script or its rate, then run npm run tts' });
      }
    }
  },
};
