// Voice-over scripts fit their target, by word count and by the MP3's measured length (the rule tts applies too).
import type { Check } from '../check.ts';
import { planScript } from '../../tts/plan.ts';
import { describeMeasuredMiss, DURATION_SEVERITY, isOffTarget as outside } from '../../lib/duration-rule.ts';
import { measuredAudio } from './manifest-facts.ts';

/**
 * Voice-over scripts fit their target: words (Han characters for Chinese) ÷ pace plus pauses,
 * counted exactly as `npm run tts` plans them; once audio exists, its measured length too.
 */
export const durationCheck: Check = {
  id: 'duration',
  phase: 'source',
  description: 'voice-over words ÷ WPM and measured audio length within ±10 % of targetSeconds',
  async run(ctx) {
    const audio = await measuredAudio(ctx);
    for (const entry of ctx.sources.content) {
      if (entry.collection !== 'voiceovers' || !entry.data || entry.issues.length > 0) continue;
      const offset = entry.offsetOf(['targetSeconds'], true) ?? 0;
      const { plan, issues } = planScript(entry);
      if (!plan) {
        const first = issues.find((issue) => issue.severity === 'error');
        if (first)
          ctx.report({
            file: first.file,
            line: first.line,
            column: first.column,
            message: `cannot time this script: ${first.message}`,
            hint: first.hint,
          });
        continue;
      }
      const unit = plan.language.match(/^(zh|ja|cmn)/i) ? 'characters' : 'words';
      if (outside(plan.expectedSeconds, plan.targetSeconds)) {
        const pauses = plan.pauseSeconds ? ` + ${plan.pauseSeconds.toFixed(1)} s of pauses` : '';
        const fit = Math.round(((plan.targetSeconds - plan.pauseSeconds) * plan.wpm) / 60);
        ctx.report({
          file: entry.file,
          offset,
          message: `${plan.units} ${unit} at ${plan.wpm} per minute${pauses} ≈ ${plan.expectedSeconds.toFixed(1)} s, more than 10 % from targetSeconds ${plan.targetSeconds}`,
          hint: `aim for about ${fit} ${unit}, or change targetSeconds or wpm`,
        });
      }
      // The file's own length, measured; never the number written in the manifest.
      const measured = audio.get(plan.output)?.durationSeconds;
      if (measured !== undefined && outside(measured, plan.targetSeconds)) {
        ctx.report({
          file: entry.file,
          offset,
          severity: DURATION_SEVERITY,
          message: describeMeasuredMiss(plan.output, measured, plan.targetSeconds),
          hint: 'adjust the script or its rate, then run npm run tts',
        });
      }
    }
  },
};
