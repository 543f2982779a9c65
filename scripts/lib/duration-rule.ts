// The one duration rule for voice-overs, shared by `npm run tts` and the build's `duration` check: same tolerance, same verdict.
import type { Severity } from '../../core/issue.ts';

/** How far a voice-over may stray from its `targetSeconds`, either way. */
export const DURATION_TOLERANCE = 0.1;
/** Off-target audio fails both commands: the build would refuse it, so tts does too. */
export const DURATION_SEVERITY: Severity = 'error';

/** True when `seconds` is more than the tolerance away from `target`. */
export function isOffTarget(seconds: number, target: number): boolean {
  return Math.abs(seconds - target) > target * DURATION_TOLERANCE;
}

/** The message both commands print for an MP3 whose measured length misses its target. */
export function describeMeasuredMiss(output: string, seconds: number, target: number, provider?: string): string {
  const by = provider ? ` (${provider})` : '';
  return `${output} measures ${seconds.toFixed(1)} s${by}, more than ${DURATION_TOLERANCE * 100} % from targetSeconds ${target} (${formatPercent(seconds / target - 1)})`;
}

/** A signed share as a percentage: `+12.5 %`, `−3.0 %`. */
export function formatPercent(share: number): string {
  return `${share >= 0 ? '+' : '−'}${Math.abs(share * 100).toFixed(1)} %`;
}
