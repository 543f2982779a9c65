// The Edge read-aloud client: chunks in parallel, each validated and retried with backoff.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import { mapWithLimit } from '../lib/map-limit.ts';
import { DEFAULT_RETRY_POLICY, retryWithBackoff, type RetryAttempt, type RetryPolicy } from '../lib/retry.ts';
import { DEFAULT_CONNECT_TIMEOUT_MS, EdgeClock, EdgeEndpointAgent } from './edge-endpoint.ts';
import { parseWordBoundaries, type WordBoundary } from './edge-metadata.ts';
import { probeAudio } from '../lib/measure-audio.ts';
import { ToolMissingError } from '../lib/run-tool.ts';
import { buildEdgeSsml, type Chunk } from './ssml.ts';
import { countSpokenUnits } from '../../core/sentences.ts';
import type { VoiceoverPlan } from './plan.ts';

export type { WordBoundary } from './edge-metadata.ts';
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
  /** Ctrl-C: the request in flight is abandoned and no retry starts. */
  signal?: AbortSignal;
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
    super(
      `Edge read-aloud ${kind === 'network' || kind === 'refused' ? 'unreachable' : 'failed'} at ${target}: ${detail}`,
    );
    this.name = 'EdgeUnavailableError';
    this.kind = kind;
    this.target = target;
  }
}

const NETWORK_CODES = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ECONNRESET',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'ECONNABORTED',
]);

/** Sorts any error from msedge-tts or ws into an {@link EdgeAttemptError}. */
export function classifyEdgeError(error: unknown, agent?: EdgeEndpointAgent): EdgeAttemptError {
  if (error instanceof EdgeAttemptError) return error;
  const cause = (error as { cause?: unknown })?.cause ?? error;
  const code = (cause as { code?: string })?.code ?? (error as { code?: string })?.code;
  const message = error instanceof Error ? error.message.replace(/^Edge TTS WebSocket error: /, '') : String(error);
  const status = /Unexpected server response: (\d{3})/.exec(message)?.[1] ?? agent?.lastStatus;
  if (/Unexpected server response/.test(message))
    return new EdgeAttemptError('refused', `handshake refused with HTTP ${status}`);
  if (code && NETWORK_CODES.has(code))
    return new EdgeAttemptError('network', message.includes(code) ? message : `${message} (${code})`);
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
    this.agent = new EdgeEndpointAgent({
      endpoint: this.options.endpoint,
      clock: new EdgeClock(),
      connectTimeoutMs: this.options.connectTimeoutMs,
    });
  }

  /** Synthesises every chunk of a script into `workDir`. */
  async synthesizeScript(
    plan: VoiceoverPlan,
    workDir: string,
    counters: SynthesisCounters,
    onRetry?: (info: RetryAttempt & { chunk: number }) => void,
  ): Promise<SynthesizedChunk[]> {
    if (this.unavailable) throw this.unavailable;
    const locale = /^[a-z]{2,3}-[A-Z]{2}/.exec(plan.voice)?.[0] ?? plan.language;
    // One chunk failing for good stops its siblings, and every chunk settles before this returns,
    // so no retry line from this script can print after the run's summary.
    const giveUp = new AbortController();
    const signal = this.options.signal ? AbortSignal.any([giveUp.signal, this.options.signal]) : giveUp.signal;
    let failure: { error: unknown } | undefined;
    const chunks = await mapWithLimit(plan.chunks, this.options.concurrency, async (chunk) => {
      if (signal.aborted) return undefined;
      try {
        return await retryWithBackoff(
          async () => {
            signal.throwIfAborted();
            counters.synthesisCalls++;
            const ssml = buildEdgeSsml(chunk.text, plan.voice, locale, plan.prosody);
            const answer = await this.request(ssml, plan.voice, locale, signal);
            const audioPath = join(workDir, `edge-${chunk.index}.mp3`);
            await writeFile(audioPath, answer.audio);
            await validateChunkAudio(audioPath, (countSpokenUnits(chunk.text) / plan.wpm) * 60);
            return { chunk, audioPath, boundaries: answer.boundaries };
          },
          this.options.retry,
          {
            shouldRetry: (error) => !(error instanceof ToolMissingError) && !signal.aborted,
            onFailure: (info) => {
              if (giveUp.signal.aborted) return;
              if (info.nextDelayMs !== undefined) counters.retries++;
              onRetry?.({ ...info, chunk: chunk.index });
            },
          },
        );
      } catch (error) {
        if (!failure) {
          failure = { error };
          giveUp.abort(error);
        }
        return undefined;
      }
    });
    if (!failure) return chunks as SynthesizedChunk[];
    const { error } = failure;
    if (error instanceof ToolMissingError || this.options.signal?.aborted) throw error;
    const attempt = classifyEdgeError(error, this.agent);
    this.unavailable = new EdgeUnavailableError(attempt.kind, this.agent.target, attempt.message);
    throw this.unavailable;
  }

  /** One request: connect, send speech.config and the SSML, collect audio frames and word boundaries until turn.end. */
  private async request(
    ssml: string,
    voice: string,
    locale: string,
    signal: AbortSignal,
  ): Promise<{ audio: Buffer; boundaries: WordBoundary[] }> {
    const { MsEdgeTTS, OUTPUT_FORMAT } = await import('msedge-tts');
    const tts = new MsEdgeTTS({ agent: this.agent });
    let closed: { code: number; reason: string } | undefined;
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const stop = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new EdgeAttemptError('timeout', `no complete answer within ${this.options.timeoutMs} ms`)),
        this.options.timeoutMs,
      );
      onAbort = () => reject(signal?.reason ?? new Error('aborted'));
      if (signal?.aborted) onAbort();
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    const exchange = async () => {
      await tts.setMetadata(voice, OUTPUT_FORMAT.AUDIO_24KHZ_48KBITRATE_MONO_MP3, {
        voiceLocale: locale,
        wordBoundaryEnabled: true,
        sentenceBoundaryEnabled: false,
      });
      // msedge-tts reconnects on its own when the socket closed meanwhile, in a promise nobody
      // awaits: a second drop there would crash the process. A closed socket is our retry's job.
      if (!isSocketOpen(tts))
        throw new EdgeAttemptError('network', 'connection closed by Edge before the request was sent');
      (tts as unknown as SocketHolder)._ws?.on?.(
        'close',
        (code?: number, reason?: Buffer) => (closed = { code: code ?? 0, reason: String(reason ?? '') }),
      );
      const { audioStream, metadataStream } = tts.rawToStream(ssml);
      const audio: Buffer[] = [];
      const metadata: string[] = [];
      metadataStream?.on('data', (data: Buffer) => metadata.push(data.toString('utf8')));
      metadataStream?.on('error', () => undefined);
      audioStream.on('data', (data: Buffer) => audio.push(Buffer.from(data)));
      try {
        await finished(audioStream);
      } catch (error) {
        // A close with a server-error code is Edge failing, not a cut-off download: say which.
        if (closed && closed.code !== 1000 && closed.code !== 1005 && closed.code !== 1006) {
          throw new EdgeAttemptError(
            'network',
            `Edge closed the connection with code ${closed.code}${closed.reason ? ` (${closed.reason})` : ''} before the audio was complete`,
          );
        }
        throw error;
      }
      // Metadata frames arrive before turn.end; let their stream deliver what it holds.
      await new Promise((resolve) => setImmediate(resolve));
      const bytes = Buffer.concat(audio);
      if (bytes.length === 0) throw new EdgeAttemptError('no-audio', 'no audio received');
      return { audio: bytes, boundaries: parseWordBoundaries(metadata) };
    };
    const pending = exchange();
    // The exchange may still fail after the race is decided (the socket closing on us): that is expected, not unhandled.
    pending.catch(() => undefined);
    try {
      return await Promise.race([pending, stop]);
    } catch (error) {
      if (signal?.aborted) throw error;
      throw classifyEdgeError(error, this.agent);
    } finally {
      clearTimeout(timer);
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      closeQuietly(tts);
    }
  }
}

/** The client's socket, which msedge-tts keeps private. */
type SocketHolder = {
  _ws?: {
    readyState: number;
    OPEN: number;
    on?: (event: 'error' | 'close', listener: (...args: never[]) => void) => void;
  };
};

function isSocketOpen(tts: object): boolean {
  const socket = (tts as unknown as SocketHolder)._ws;
  return socket !== undefined && socket.readyState === socket.OPEN;
}

// Closing a socket that is still connecting makes `ws` emit "WebSocket was closed before the
// connection was established": that is our own doing, so it is swallowed here.
function closeQuietly(tts: { close(): void }): void {
  (tts as unknown as SocketHolder)._ws?.on?.('error', () => undefined);
  try {
    tts.close();
  } catch {
    // already closed
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
    throw new EdgeAttemptError(
      'truncated',
      `audio is ${seconds.toFixed(1)} s, expected about ${expectedSeconds.toFixed(1)} s`,
    );
  }
}
