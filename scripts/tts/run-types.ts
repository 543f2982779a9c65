// The shapes of one tts run: its options, per-script results, progress events and the final report.
import type { Issue } from '../../core/issue.ts';
import type { Loudness } from '../lib/measure-audio.ts';
import type { ProviderId } from './provider.ts';
import type { EdgeOptions, SynthesisCounters } from './synthesize.ts';

/** Which synthesiser to use: Edge with the espeak-ng fallback, or one of them only. */
export type ProviderChoice = 'auto' | 'edge' | 'espeak';

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
  /** Let an espeak-ng draft replace a final (Edge) file; `--provider espeak` asks for drafts by name too. */
  allowDraft?: boolean;
  /** Ctrl-C: the script in progress stops, its temp files go, nothing is replaced. */
  signal?: AbortSignal;
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
