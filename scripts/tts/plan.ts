// Voice-over planning: a script's text becomes parts, chunks, an expected length and a content hash, synthesising nothing.
import { formatPercent } from '../lib/duration-rule.ts';
import { hashJson } from '../../core/hash.ts';
import type { Issue } from '../../core/issue.ts';
import { readContent, type ContentFile } from '../../core/content-files.ts';
import type { Voiceover } from '../../core/schemas/voiceover.ts';
import { MASTERING } from './master.ts';
import { parseScriptBody, type ScriptPart } from '../../core/voiceover-script.ts';
import { countSpokenUnits } from '../../core/sentences.ts';
import { chunkSpeechPart, MAX_EDGE_CHUNK_BYTES, type Chunk, type Prosody } from './ssml.ts';

/** Bumped whenever the way text becomes audio or captions changes, so every cached file is redone. */
export const TTS_PIPELINE_VERSION = 1;
/** The command that regenerates one script, shown when its audio is stale. */
export const TTS_COMMAND = 'npm run tts';
/** A script whose words ÷ wpm (plus pauses) misses its target by more than this is reported. */
export const PACE_TOLERANCE = 0.1;

/** Everything `npm run tts` needs to know about one script, computed without synthesising. */
export interface VoiceoverPlan {
  /** Content id, e.g. `voiceovers/phase30-announce`. */
  id: string;
  /** Repo-relative script file. */
  file: string;
  title: string;
  voice: string;
  language: string;
  prosody: Prosody;
  targetSeconds: number;
  wpm: number;
  /** Repo-relative MP3 path (`output` in the frontmatter) and the VTT beside it. */
  output: string;
  captions: string;
  parts: ScriptPart[];
  chunks: Chunk[];
  /** Words (or Han characters) read aloud. */
  units: number;
  pauseSeconds: number;
  /** Units ÷ wpm plus pauses. */
  expectedSeconds: number;
  /** Hash of what the audio depends on except the provider (see cache.ts). */
  contentHash: string;
  /** Where `targetSeconds` and `output` are written, for messages. */
  at: Record<'file' | 'targetSeconds' | 'output', { line: number; column: number }>;
}

function locationOf(file: ContentFile, key: string): { line: number; column: number } {
  const offset = file.offsetOf([key]) ?? 0;
  const before = file.text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Plans one script file: parsed text, chunks, expected length and content hash, plus its problems. */
export function planScript(file: ContentFile): { plan?: VoiceoverPlan; issues: Issue[] } {
  const issues = [...file.issues];
  const data = file.data as Voiceover | undefined;
  if (!data) return { issues };
  const { parts, issues: textIssues } = parseScriptBody({
    file: file.file,
    text: file.text,
    bodyOffset: file.bodyOffset,
  });
  issues.push(...textIssues);
  const chunks: Chunk[] = parts
    .flatMap((part, index) => (part.kind === 'speech' ? chunkSpeechPart(part, index) : []))
    .map((chunk, index) => ({ ...chunk, index }));
  const units = parts.reduce((sum, part) => sum + (part.kind === 'speech' ? countSpokenUnits(part.text) : 0), 0);
  const pauseSeconds = parts.reduce((sum, part) => sum + (part.kind === 'pause' ? part.ms / 1000 : 0), 0);
  const expectedSeconds = (units / data.wpm) * 60 + pauseSeconds;
  const at = {
    file: { line: 1, column: 1 },
    targetSeconds: locationOf(file, 'targetSeconds'),
    output: locationOf(file, 'output'),
  };
  const miss = expectedSeconds / data.targetSeconds - 1;
  if (units > 0 && Math.abs(miss) > PACE_TOLERANCE) {
    issues.push({
      file: file.file,
      ...at.targetSeconds,
      rule: 'tts-pace',
      severity: 'warning',
      message: `${units} ${/^(zh|ja|cmn)/i.test(data.language) ? 'characters' : 'words'} at ${data.wpm} per minute${pauseSeconds ? ` plus ${pauseSeconds} s of pauses` : ''} take about ${expectedSeconds.toFixed(1)} s, target is ${data.targetSeconds} s (${formatPercent(miss)})`,
      hint: 'shorten or lengthen the script, or correct targetSeconds',
    });
  }
  if (issues.some((issue) => issue.severity === 'error')) return { issues };
  const prosody = { rate: data.rate, pitch: data.pitch, volume: data.volume };
  const contentHash = hashJson({
    pipeline: TTS_PIPELINE_VERSION,
    maxChunkBytes: MAX_EDGE_CHUNK_BYTES,
    mastering: MASTERING,
    title: data.title,
    voice: data.voice,
    language: data.language,
    prosody,
    parts: parts.map((part) =>
      part.kind === 'pause'
        ? { pause: part.ms }
        : { text: part.text, sentences: part.sentences.map(({ start, end }) => [start, end]), emphasis: part.emphasis },
    ),
  });
  return {
    issues,
    plan: {
      id: file.id,
      file: file.file,
      title: data.title,
      voice: data.voice,
      language: data.language,
      prosody,
      targetSeconds: data.targetSeconds,
      wpm: data.wpm,
      output: data.output,
      captions: data.output.replace(/\.mp3$/, '.vtt'),
      parts,
      chunks,
      units,
      pauseSeconds,
      expectedSeconds,
      contentHash,
      at,
    },
  };
}

/** Plans every voice-over script under `content/voiceovers/`, and reports two scripts writing one file. */
export function planScripts(root: string): { plans: VoiceoverPlan[]; issues: Issue[] } {
  const plans: VoiceoverPlan[] = [];
  const issues: Issue[] = [];
  for (const file of readContent(root, ['voiceovers'])) {
    const result = planScript(file);
    issues.push(...result.issues);
    if (!result.plan) continue;
    const clash = plans.find((plan) => plan.output === result.plan!.output);
    if (clash) {
      issues.push({
        file: file.file,
        ...result.plan.at.output,
        rule: 'tts-output',
        severity: 'error',
        message: `output ${result.plan.output} is already written by ${clash.file}`,
        hint: 'give each script its own output path',
      });
      continue;
    }
    plans.push(result.plan);
  }
  return { plans, issues };
}
