import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { hashFile } from '../lib/hash.ts';
import type { Issue } from '../lib/issue.ts';
import { readManifest, updateManifest, type ManifestEntry } from '../lib/manifest.ts';
import { replaceAtomic, tempPathFor } from '../lib/write-atomic.ts';
import type { RetryAttempt } from '../lib/retry.ts';
import { findCachedOutput, probeProviderVersions, computeInputsHash, describeProvider, type ProviderId, type ProviderVersions } from './cache.ts';
import { formatVtt, timeSentences, type TimedChunk } from './captions.ts';
import { joinTimeline, masterToMp3, type TimelineItem } from './master.ts';
import type { Loudness } from './measure.ts';
import { DEFAULT_ESPEAK_CONCURRENCY, synthesizeOffline } from './offline-voice.ts';
import { formatPercent, planScripts, TTS_COMMAND, type VoiceoverPlan } from './plan.ts';
import { TOOL_INSTALL_HINT, ToolMissingError } from './run-tool.ts';
import { EdgeClient, EdgeUnavailableError, type EdgeOptions, type SynthesisCounters, type SynthesizedChunk } from './synthesize.ts';
import { suggestKey } from '../lib/schema-issue.ts';

/** Which synthesiser to use: Edge with the espeak-ng fallback, or one of them only. */
export type ProviderChoice = 'auto' | 'edge' | 'espeak';

/** A measured duration further than this from `targetSeconds` is reported (an error under --strict). */
export const DURATION_TOLERANCE = 0.1;

export interface GenerateOptions {
  root: string;
  provider: ProviderChoice;
  /** Release mode: Edge only, no drafts, off-target durations are errors. */
  strict: boolean;
  /** Synthesise even when the cache is current. */
  force: boolean;
  /** Script ids (`voiceovers/x` or `x`) to limit the run to; empty for all. */
  only: readonly string[];
  /** Report what is stale without synthesising. */
  check: boolean;
  edge?: Partial<EdgeOptions>;
  espeakConcurrency?: number;
  onEvent?: (event: GenerateEvent) => void;
}

/** What happened to one script. */
export interface ScriptResult {
  id: string;
  file: string;
  output: string;
  status: 'cached' | 'new' | 'stale' | 'failed';
  provider?: ProviderId;
  draft: boolean;
  chunks: number;
  durationSeconds?: number;
  targetSeconds: number;
  loudness?: Pick<Loudness, 'integratedLufs' | 'truePeakDbtp'>;
  error?: string;
}

export type GenerateEvent =
  | { type: 'start'; scripts: number; target: string }
  | { type: 'fallback'; reason: string }
  | { type: 'retry'; id: string; chunk: number; attempt: number; error: string; delayMs: number | undefined }
  | { type: 'script'; result: ScriptResult };

export interface GenerateReport {
  results: ScriptResult[];
  issues: Issue[];
  counters: SynthesisCounters;
  /** Set when this run fell back to espeak-ng. */
  fallbackReason?: string;
  elapsedMs: number;
}

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
      result = await produce(plan, options, { edge, versions, counters, emit, issues, fallback: (reason) => {
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

interface RunContext {
  edge: EdgeClient;
  versions: ProviderVersions;
  counters: SynthesisCounters;
  emit: (event: GenerateEvent) => void;
  issues: Issue[];
  fallback: (reason: string) => void;
  /** Why this run is on espeak-ng, recorded on each fallback file. */
  fallbackNote?: string;
}

async function produce(plan: VoiceoverPlan, options: GenerateOptions, context: RunContext): Promise<ScriptResult> {
  const workDir = await mkdtemp(join(tmpdir(), `tts-${basename(plan.output, '.mp3')}-`));
  const audioPath = join(options.root, plan.output);
  const captionsPath = join(options.root, plan.captions);
  const tempAudio = tempPathFor(audioPath, '.mp3');
  const tempCaptions = tempPathFor(captionsPath, '.vtt');
  try {
    await mkdir(dirname(audioPath), { recursive: true });
    const { provider, chunks } = await synthesize(plan, options, context, workDir);
    const draft = provider === 'espeak';
    const items: TimelineItem[] = [];
    const itemOfChunk = new Map<number, number>();
    plan.parts.forEach((part, partIndex) => {
      if (part.kind === 'pause') items.push({ kind: 'silence', seconds: part.ms / 1000 });
      else for (const synthesized of chunks.filter((entry) => entry.chunk.part === partIndex)) {
        itemOfChunk.set(synthesized.chunk.index, items.length);
        items.push({ kind: 'audio', path: synthesized.audioPath });
      }
    });
    const joined = await joinTimeline(items, workDir);
    const comment = draft ? 'DRAFT: espeak-ng offline fallback, not for release' : `Edge read-aloud ${plan.voice}`;
    const mastered = await masterToMp3(joined, tempAudio, { title: plan.title, comment });
    const timed: TimedChunk[] = chunks.map((entry) => {
      const item = itemOfChunk.get(entry.chunk.index)!;
      return { chunk: entry.chunk, startSeconds: joined.starts[item]!, durationSeconds: joined.durations[item]!, boundaries: entry.boundaries };
    });
    const totalSeconds = Math.max(joined.totalSeconds, mastered.probe.durationSeconds);
    const cues = timeSentences(plan.parts, timed, totalSeconds);
    const source = `${plan.title}. Generated by ${TTS_COMMAND} from ${plan.file} (${draft ? 'espeak-ng draft' : `Edge ${plan.voice}`})`;
    await writeFile(tempCaptions, formatVtt(cues, source));
    await replaceAtomic(tempAudio, audioPath);
    await replaceAtomic(tempCaptions, captionsPath);
    const inputsHash = computeInputsHash(plan, describeProvider(provider, plan, context.versions));
    const createdAt = new Date().toISOString();
    const shared = { generator: 'tts', command: `${TTS_COMMAND} -- --only ${plan.id}`, inputsHash, provider, draft, sources: [plan.file], createdAt };
    const loudness = { integratedLufs: mastered.loudness.integratedLufs, truePeakDbtp: mastered.loudness.truePeakDbtp, lraLu: mastered.loudness.lraLu };
    const audioEntry: ManifestEntry = {
      ...shared, bytesHash: await hashFile(audioPath), size: (await stat(audioPath)).size, durationSeconds: round(mastered.probe.durationSeconds),
      details: {
        title: plan.title, voice: plan.voice, language: plan.language, providerVersion: describeProvider(provider, plan, context.versions).version,
        chunks: chunks.length, units: plan.units, wpm: plan.wpm, targetSeconds: plan.targetSeconds, expectedSeconds: round(plan.expectedSeconds),
        loudness, limiterPasses: mastered.limiterPasses, sampleRate: mastered.probe.sampleRate, channels: mastered.probe.channels, bitRate: mastered.probe.bitRate,
        captions: plan.captions, ...(context.fallbackNote ? { fallbackReason: context.fallbackNote } : {}),
      },
    };
    const captionsEntry: ManifestEntry = {
      ...shared, bytesHash: await hashFile(captionsPath), size: (await stat(captionsPath)).size, durationSeconds: round(totalSeconds),
      details: { audio: plan.output, cues: cues.length, timing: draft ? 'proportional' : 'word-boundaries' },
    };
    await updateManifest(options.root, { [plan.output]: audioEntry, [plan.captions]: captionsEntry });
    return {
      ...baseResult(plan), status: 'new', provider, draft, chunks: chunks.length, durationSeconds: audioEntry.durationSeconds,
      loudness: { integratedLufs: loudness.integratedLufs, truePeakDbtp: loudness.truePeakDbtp },
    };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const strictNote = error instanceof EdgeUnavailableError ? (options.strict ? '; --strict refuses the espeak-ng fallback' : '; --provider edge refuses the espeak-ng fallback') : '';
    context.issues.push({
      file: plan.file, ...plan.at.file, rule: error instanceof EdgeUnavailableError ? 'tts-edge' : 'tts', severity: 'error',
      message: `${plan.output} not written: ${message}${strictNote}`,
      hint: error instanceof EdgeUnavailableError
        ? 'check the network (or EDGE_TTS_WSS_URL) and run again; the previous audio is kept'
        : error instanceof ToolMissingError ? TOOL_INSTALL_HINT : 'the previous audio, if any, is kept',
    });
    return { ...baseResult(plan), status: 'failed', draft: false, chunks: plan.chunks.length, error: message };
  } finally {
    await Promise.all([rm(workDir, { recursive: true, force: true }), rm(tempAudio, { force: true }), rm(tempCaptions, { force: true })]);
  }
}

async function synthesize(plan: VoiceoverPlan, options: GenerateOptions, context: RunContext, workDir: string): Promise<{ provider: ProviderId; chunks: SynthesizedChunk[] }> {
  if (options.provider !== 'espeak') {
    try {
      const onRetry = (info: RetryAttempt & { chunk: number }) =>
        context.emit({ type: 'retry', id: plan.id, chunk: info.chunk, attempt: info.attempt, error: info.error instanceof Error ? info.error.message : String(info.error), delayMs: info.nextDelayMs });
      return { provider: 'edge', chunks: await context.edge.synthesizeScript(plan, workDir, context.counters, onRetry) };
    } catch (error) {
      if (!(error instanceof EdgeUnavailableError) || options.strict || options.provider === 'edge') throw error;
      context.fallback(error.message);
      context.fallbackNote = error.message;
    }
  }
  const { chunks } = await synthesizeOffline(plan, workDir, context.counters, options.espeakConcurrency ?? DEFAULT_ESPEAK_CONCURRENCY);
  return { provider: 'espeak', chunks };
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
