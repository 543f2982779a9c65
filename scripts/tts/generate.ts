// `npm run tts` end to end: plan every script, answer from the cache, otherwise produce it, and report.
import type { Issue } from '../../core/issue.ts';
import { join } from 'node:path';
import { describeUnwritable } from '../lib/cli/writable.ts';
import { MANIFEST_PATH, readManifest } from '../../core/manifest.ts';
import { findCachedOutput } from './cache.ts';
import { probeProviderVersions, type ProviderId } from './provider.ts';
import { planScripts, TTS_COMMAND, type VoiceoverPlan } from './plan.ts';
import { describeMeasuredMiss, DURATION_SEVERITY, isOffTarget } from '../lib/duration-rule.ts';
import { produceScript } from './produce.ts';
import { EdgeClient, type SynthesisCounters } from './synthesize.ts';
import { suggestKey } from '../../core/schema-issue.ts';
import type { GenerateOptions, GenerateReport, ScriptResult } from './run-types.ts';

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
  // Every output must be writable before anything is synthesised (a read-only marketing/ fails here, not after minutes of work).
  if (!options.check) {
    const unwritable = findUnwritableOutputs(options.root, plans);
    if (unwritable.length)
      return {
        results: [],
        issues: [...issues, ...unwritable],
        counters: { synthesisCalls: 0, retries: 0 },
        elapsedMs: performance.now() - started,
      };
  }
  const counters: SynthesisCounters = { synthesisCalls: 0, retries: 0 };
  const versions = probeProviderVersions();
  const edge = new EdgeClient({ ...options.edge, signal: options.signal });
  emit({ type: 'start', scripts: plans.length, target: edge.agent.target });
  const acceptable: ProviderId[] =
    options.strict || options.provider === 'edge'
      ? ['edge']
      : options.provider === 'espeak'
        ? ['espeak']
        : ['edge', 'espeak'];
  const results: ScriptResult[] = [];
  let fallbackReason: string | undefined;
  for (const plan of plans) {
    if (options.signal?.aborted) break;
    const manifest = await readManifest(options.root);
    const hit = options.force ? undefined : await findCachedOutput(options.root, plan, manifest, acceptable, versions);
    let result: ScriptResult;
    if (hit) {
      result = {
        ...baseResult(plan),
        status: 'cached',
        provider: hit.provider,
        draft: hit.audio.draft,
        chunks: Number(hit.audio.details?.chunks ?? 0),
        durationSeconds: hit.audio.durationSeconds,
        loudness: hit.audio.details?.loudness as ScriptResult['loudness'],
      };
    } else if (options.check) {
      result = { ...baseResult(plan), status: 'stale', draft: false, chunks: plan.chunks.length };
      issues.push({
        file: plan.file,
        ...plan.at.output,
        rule: 'tts-stale',
        severity: 'error',
        message: `${plan.output} is missing or out of date`,
        hint: `run ${TTS_COMMAND} -- --only ${plan.id}`,
      });
    } else {
      result = await produceScript(plan, options, {
        edge,
        versions,
        counters,
        emit,
        issues,
        fallback: (reason) => {
          if (fallbackReason) return;
          fallbackReason = reason;
          emit({ type: 'fallback', reason });
        },
      });
    }
    if (result.durationSeconds !== undefined) checkDuration(plan, result, issues);
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
    const name = id
      .replace(/^voiceovers\//, '')
      .replace(/^content\/voiceovers\//, '')
      .replace(/\.md$/, '');
    const plan = plans.find((candidate) => candidate.id === `voiceovers/${name}`);
    if (plan) wanted.add(plan);
    // A script that exists but failed to parse has its own located error already.
    else if (issues.some((issue) => issue.file === `content/voiceovers/${name}.md`)) continue;
    else {
      const suggestion = suggestKey(
        `voiceovers/${name}`,
        plans.map((candidate) => candidate.id),
      );
      issues.push({
        file: 'content/voiceovers',
        line: 1,
        column: 1,
        rule: 'tts-only',
        severity: 'error',
        message: `--only ${id}: no voice-over script with that id`,
        hint: suggestion ? `did you mean ${suggestion}?` : 'ids look like voiceovers/<file name>',
      });
    }
  }
  return plans.filter((plan) => wanted.has(plan));
}

function findUnwritableOutputs(root: string, plans: readonly VoiceoverPlan[]): Issue[] {
  const found: Issue[] = [];
  const manifestProblem = describeUnwritable(join(root, MANIFEST_PATH));
  if (manifestProblem && plans.length)
    found.push({
      file: MANIFEST_PATH,
      line: 0,
      column: 0,
      rule: 'tts-output',
      severity: 'error',
      message: `cannot record outputs: ${manifestProblem}`,
      hint: 'make marketing/ writable; nothing was synthesised',
    });
  for (const plan of plans) {
    const problem = describeUnwritable(join(root, plan.output));
    if (problem)
      found.push({
        file: plan.file,
        ...plan.at.output,
        rule: 'tts-output',
        severity: 'error',
        message: `cannot write ${plan.output}: ${problem}`,
        hint: 'fix the output path or its permissions; nothing was synthesised',
      });
  }
  return found;
}

function checkDuration(plan: VoiceoverPlan, result: ScriptResult, issues: Issue[]): void {
  if (!isOffTarget(result.durationSeconds!, plan.targetSeconds)) return;
  issues.push({
    file: plan.file,
    ...plan.at.targetSeconds,
    rule: 'tts-duration',
    severity: DURATION_SEVERITY,
    message: describeMeasuredMiss(plan.output, result.durationSeconds!, plan.targetSeconds, result.provider),
    hint: 'fit the script to the target, or set targetSeconds to the measured length (npm run check fails on it too)',
  });
}
