// The Edge read-aloud client: chunks in parallel, each validated and retried with backoff.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { mapWithLimit } from '../lib/map-limit.ts';
import { DEFAULT_RETRY_POLICY, retryWithBackoff, type RetryAttempt, type RetryPolicy } from '../lib/retry.ts';
import { DEFAULT_CONNECT_TIMEOUT_MS, EdgeClock, EdgeEndpointAgent } from './edge-endpoint.ts';
import { parseWordBoundaries, type WordBoundary } from './edge-metadata.ts';
import { probeAudio } from './measure.ts';
import { ToolMissingError } from './run-tool.ts';
import { buildEdgeSsml, type Chunk } from './ssml.ts';
import { countSpokenUnits } from '../../core/sentences.ts';
import type { VoiceoverPlan } from './plan.ts';

export type { WordBoundary } from './edge-metadata.ts';
// TODO(after the Phase 30 merge): importers on other branches still take these from here; then drop.
export { EDGE_OUTPUT_FORMAT, readMsEdgeTtsVersion } from './provider.ts';

/** Edge requests in flight at once (the service answers 429 to floods). */
export const DEFAULT_EDGE_CONCURRENCY = 3;
/** Time allowed for one request, from connecting to the last audio frame (edge-tts uses 60 s). */
export const DEFAULT_EDGE_TIMEOUT_MS = 60_000;
/** Audio shorter than this share of the chunk's words ÷ wpm counts as truncated. */
export const MIN_AUDIO_SHARE = 0.35;

/** One chunk's audio on disk, with Edge's word timings (empty for espeak-ng). */
export interface SynthesizedChunk {
  chunk: Chunk;
  audioPath: string;
  boundaries: WordBoundary[];
}

/** Counts calls to a synthesiser (each try is one call), so cached runs can prove they made none. */
export interface SynthesisCounters {
  synthesisCalls: number;
  retries: number;
}

/** How the Edge client connects, retries and limits itself. */
export interface EdgeOptions {
  /** Override of the service endpoint (`EDGE_TTS_WSS_URL`). */
  endpoint?: string;
  concurrency: number;
  retry: RetryPolicy;
  timeoutMs: number;
  connectTimeoutMs: number;
}

export const DEFAULT_EDGE_OPTIONS: EdgeOptions = {
  concurrency: DEFAULT_EDGE_CONCURRENCY,
  retry: DEFAULT_RETRY_POLICY,
  timeoutMs: DEFAULT_EDGE_TIMEOUT_MS,
  connectTimeoutMs: DEFAULT_CONNECT_TIMEOUT_MS,
};

/** Why a request failed: the network, a refused handshake (403/429/503…), or an unusable answer. */
export type EdgeFailureKind = 'network' | 'refused' | 'timeout' | 'no-audio' | 'truncated' | 'invalid-audio';

/** One failed try. */
export class EdgeAttemptError extends Error {
  readonly kind: EdgeFailureKind;
  constructor(kind: EdgeFailureKind, message: string) {
    super(message);
    this.name = 'EdgeAttemptError';
    this.kind = kind;
  }
}

/** Edge could not deliver usable audio after every retry; the caller falls back or fails. */
export class EdgeUnavailableError extends Error {
  readonly kind: EdgeFailureKind;
  readonly target: string;
  constructor(kind: EdgeFailureKind, target: string, detail: string) {
    super(`Edge read-aloud ${kind === 'network' || kind === 'refused' ? 'unreachable' : 'failed'} at ${target}: ${detail}`);
    this.name = 'EdgeUnavailableError';
    this.kind = kind;
    this.target = target;
  }
}

const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ENETUNREACH', 'EHOSTUNREACH', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED']);

/** Sorts any error from msedge-tts or ws into an {@link EdgeAttemptError}. */
export function classifyEdgeError(error: unknown, agent?: EdgeEndpointAgent): EdgeAttemptError {
  if (error instanceof EdgeAttemptError) return error;
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const code = (cause as { code?: string })?.code ?? (error as { code?: string })?.code;
  const message = error instanceof Error ? error.message.replace(/^Edge TTS WebSocket error: /, '') : String(error);
  const status = /Unexpected server response: (\d{3})/.exec(message)?.[1] ?? agent?.lastStatus;
  if (/Unexpected server response/.test(message)) return new EdgeAttemptError('refused', `handshake refused with HTTP ${status}`);
  if (code && NETWORK_CODES.has(code)) return new EdgeAttemptError('network', message.includes(code) ? message : `${message} (${code})`);
  if (/turn\.end|truncated|closed before/i.test(message)) return new EdgeAttemptError('truncated', message);
  return new EdgeAttemptError('network', message);
}

/**
 * An Edge read-aloud client for one run. One WebSocket per chunk (as edge-tts does), at most
 * `concurrency` at once; each chunk is checked (audio arrived, decodes, not truncated) and
 * retried with backoff. Once Edge has failed for good, later scripts fail at once instead of
 * waiting through the retries again.
 */
export class EdgeClient {
  readonly options: EdgeOptions;
  readonly agent: EdgeEndpointAgent;
  unavailable: EdgeUnavailableError | undefined;

  constructor(options: Partial<EdgeOptions> = {}) {
    this.options = { ...DEFAULT_EDGE_OPTIONS, ...options };
    this.agent = new EdgeEndpointAgent({ endpoint: this.options.endpoint, clock: new EdgeClock(), connectTimeoutMs: this.options.connectTimeoutMs });
  }

  /** Synthesises every chunk of a script into `workDir`. */
  async synthesizeScript(plan: VoiceoverPlan, workDir: string, counters: SynthesisCounters, onRetry?: (info: RetryAttempt & { chunk: number }) => void): Promise<SynthesizedChunk[]> {
    if (this.unavailable) throw this.unavailable;
    const locale = /^[a-z]{2,3}-[A-Z]{2}/.exec(plan.voice)?.[0] ?? plan.language;
    try {
      return await mapWithLimit(plan.chunks, this.options.concurrency, (chunk) =>
        retryWithBackoff(
          async () => {
            counters.synthesisCalls++;
            const ssml = buildEdgeSsml(chunk.text, plan.voice, locale, plan.prosody);
            const answer = await this.request(ssml, plan.voice, locale);
            const audioPath = join(workDir, `edge-${chunk.index}.mp3`);
            await writeFile(audioPath, answer.audio);
            await validateChunkAudio(audioPath, (countSpokenUnits(chunk.text) / plan.wpm) * 60);
            return { chunk, audioPath, boundaries: answer.boundaries };
          },
          this.options.retry,
          {
            shouldRetry: (error) => !(error instanceof ToolMissingError),
            onFailure: (info) => {
              if (info.nextDelayMs !== undefined) counters.retries++;
              onRetry?.({ ...info, chunk: chunk.index });
            },
          },
        ),
      );
    } catch (error) {
      if (error instanceof ToolMissingError) throw error;
      const attempt = classifyEdgeError(error, this.agent);
      this.unavailable = new EdgeUnavailableError(attempt.kind, this.agent.target, attempt.message);
      throw this.unavailable;
    }
  }

  /** One request: connect, send speech.config and the SSML, collect audio frames and word boundaries until turn.end. */
  private async request(ssml: string, voice: string, locale: string): Promise<{ audio: Buffer; boundaries: WordBoundary[] }> {
    const { MsEdgeTTS, OUTPUT_FORMAT } = await import('msedge-tts');
    const tts = new MsEdgeTTS({ agent: this.agent });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new EdgeAttemptError('timeout', `no complete answer within ${this.options.timeoutMs} ms`)), this.options.timeoutMs);
    });
    const exchange = async () => {
      await tts.setMetadata(voice, OUTPUT_FORMAT.AUDIO_24KHZ_48KBITRATE_MONO_MP3, { voiceLocale: locale, wordBoundaryEnabled: true, sentenceBoundaryEnabled: false });
      const { audioStream, metadataStream } = tts.rawToStream(ssml);
      const audio: Buffer[] = [];
      const metadata: string[] = [];
      metadataStream?.on('data', (data: Buffer) => metadata.push(data.toString('utf8')));
      metadataStream?.on('error', () => undefined);
      audioStream.on('data', (data: Buffer) => audio.push(Buffer.from(data)));
      await finished(audioStream);
      // Metadata frames arrive before turn.end; let their stream deliver what it holds.
      await new Promise((resolve) => setImmediate(resolve));
      const bytes = Buffer.concat(audio);
      if (bytes.length === 0) throw new EdgeAttemptError('no-audio', 'no audio received');
      return { audio: bytes, boundaries: parseWordBoundaries(metadata) };
    };
    try {
      return await Promise.race([exchange(), timeout]);
    } catch (error) {
      throw classifyEdgeError(error, this.agent);
    } finally {
      clearTimeout(timer);
      tts.close();
    }
  }
}

/** Checks that a chunk decodes and is not much shorter than its words need. */
async function validateChunkAudio(path: string, expectedSeconds: number): Promise<void> {
  let seconds: number;
  try {
    seconds = (await probeAudio(path)).durationSeconds;
  } catch (error) {
    if (error instanceof ToolMissingError) throw error;
    throw new EdgeAttemptError('invalid-audio', `audio does not decode (${(error as Error).message})`);
  }
  if (!(seconds > 0)) throw new EdgeAttemptError('invalid-audio', 'audio has no duration');
  if (seconds < expectedSeconds * MIN_AUDIO_SHARE) {
    throw new EdgeAttemptError('truncated', `audio is ${seconds.toFixed(1)} s, expected about ${expectedSeconds.toFixed(1)} s`);
  }
}
