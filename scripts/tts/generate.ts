// `npm run tts` end to end: plan every script, answer from the cache, otherwise produce it, and report.
import type { Issue } from '../../core/issue.ts';
import { readManifest } from '../../core/manifest.ts';
import { findCachedOutput } from './cache.ts';
import { probeProviderVersions, type ProviderId } from './provider.ts';
import { formatPercent, planScripts, TTS_COMMAND, type VoiceoverPlan } from './plan.ts';
import { produceScript } from './produce.ts';
import { EdgeClient, type SynthesisCounters } from './synthesize.ts';
import { suggestKey } from '../../core/schema-issue.ts';
import type { GenerateOptions, GenerateReport, ScriptResult } from './run-types.ts';

/** A measured duration further than this from `targetSeconds` is reported (an error under --strict). */
export const DURATION_TOLERANCE = 0.1;

// TODO(after the Phase 30 merge): importers on other branches still take these types from here; then drop.
export type { GenerateEvent, GenerateOptions, GenerateReport, ProviderChoice, ScriptResult } from './run-types.ts';

/**
 * `npm run tts`: plans every script, answers from the cache when it can, otherwise synthesises
 * (Edge, falling back to espeak-ng in auto mode), masters, writes captions, and records both
 * files in the manifest. Scripts run one after another; a failure is reported and the run goes
 * on, and nothing already in place is replaced by a failed script.
 */
export async function generateVoiceovers(options: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now();
  const emit = options.onEvent ?? (() => undefined);
  const { plans: allPlans, issues } = planScripts(options.root);
  const plans = selectPlans(allPlans, options.only, issues);
  const counters: SynthesisCounters = { synthesisCalls: 0, retries: 0 };
  const versions = probeProviderVersions();
  const edge = new EdgeClient(options.edge);
  emit({ type: 'start', scripts: plans.length, target: edge.agent.target });
  const acceptable: ProviderId[] = options.strict || options.provider === 'edge' ? ['edge'] : options.provider === 'espeak' ? ['espeak'] : ['edge', 'espeak'];
  const results: ScriptResult[] = [];
  let fallbackReason: string | undefined;
  for (const plan of plans) {
    const manifest = await readManifest(options.root);
    const hit = options.force ? undefined : await findCachedOutput(options.root, plan, manifest, acceptable, versions);
    let result: ScriptResult;
    if (hit) {
      result = {
        ...baseResult(plan), status: 'cached', provider: hit.provider, draft: hit.audio.draft, chunks: Number(hit.audio.details?.chunks ?? 0),
        durationSeconds: hit.audio.durationSeconds, loudness: hit.audio.details?.loudness as ScriptResult['loudness'],
      };
    } else if (options.check) {
      result = { ...baseResult(plan), status: 'stale', draft: false, chunks: plan.chunks.length };
      issues.push({ file: plan.file, ...plan.at.output, rule: 'tts-stale', severity: 'error', message: `${plan.output} is missing or out of date`, hint: `run ${TTS_COMMAND} -- --only ${plan.id}` });
    } else {
      result = await produceScript(plan, options, { edge, versions, counters, emit, issues, fallback: (reason) => {
        if (fallbackReason) return;
        fallbackReason = reason;
        emit({ type: 'fallback', reason });
      } });
    }
    if (result.durationSeconds !== undefined) checkDuration(plan, result, options.strict, issues);
    results.push(result);
    emit({ type: 'script', result });
  }
  return { results, issues, counters, fallbackReason, elapsedMs: performance.now() - started };
}

function baseResult(plan: VoiceoverPlan): Pick<ScriptResult, 'id' | 'file' | 'output' | 'targetSeconds'> {
  return { id: plan.id, file: plan.file, output: plan.output, targetSeconds: plan.targetSeconds };
}

function selectPlans(plans: VoiceoverPlan[], only: readonly string[], issues: Issue[]): VoiceoverPlan[] {
  if (only.length === 0) return plans;
  const wanted = new Set<VoiceoverPlan>();
  for (const id of only) {
    const name = id.replace(/^voiceovers\//, '').replace(/^content\/voiceovers\//, '').replace(/\.md$/, '');
    const plan = plans.find((candidate) => candidate.id === `voiceovers/${name}`);
    if (plan) wanted.add(plan);
    else {
      const suggestion = suggestKey(`voiceovers/${name}`, plans.map((candidate) => candidate.id));
      issues.push({ file: 'content/voiceovers', line: 1, column: 1, rule: 'tts-only', severity: 'error', message: `--only ${id}: no voice-over script with that id`, hint: suggestion ? `did you mean ${suggestion}?` : 'ids look like voiceovers/<file name>' });
    }
  }
  return plans.filter((plan) => wanted.has(plan));
}

function checkDuration(plan: VoiceoverPlan, result: ScriptResult, strict: boolean, issues: Issue[]): void {
  const miss = result.durationSeconds! / plan.targetSeconds - 1;
  if (Math.abs(miss) <= DURATION_TOLERANCE) return;
  issues.push({
    file: plan.file, ...plan.at.targetSeconds, rule: 'tts-duration', severity: strict ? 'error' : 'warning',
    message: `${plan.output} measures ${result.durationSeconds!.toFixed(1)} s (${result.provider ?? 'unknown'}), target is ${plan.targetSeconds} s (${formatPercent(miss)})`,
    hint: 'fit the script to the target, or set targetSeconds to the measured length',
  });
}
