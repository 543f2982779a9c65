// Test helper: a loopback fake of the Edge read-aloud WebSocket service with scripted failures.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { execa } from 'execa';
import { WebSocketServer, type WebSocket } from 'ws';
import { probeAudio } from '../../scripts/lib/measure-audio.ts';

/** What the fake service does with one connection (each client request opens its own). */
export type FakeBehaviour =
  | 'ok'
  /** turn.start then turn.end with no audio (the service's intermittent "No audio was received"). */
  | 'no-audio'
  /** Some audio, then the socket drops before turn.end. */
  | 'close-midstream'
  /** Accepts the SSML and never answers. */
  | 'hang'
  /** Some audio, then a close frame with code 1011 (the service's internal error). */
  | 'close-1011'
  /** Drops the TCP connection in the middle of the WebSocket handshake. */
  | 'drop'
  /** Completes the handshake, then drops the connection before any request arrives. */
  | 'drop-after-open'
  /** Refuses the WebSocket handshake with this HTTP status. */
  | { status: number };

export interface FakeEdgeOptions {
  /** Behaviour for the n-th connection (0-based); `ok` by default. */
  behaviour?: (connection: number) => FakeBehaviour;
  /** The server's clock runs this far ahead; handshakes whose Sec-MS-GEC does not match it get 403 + Date. */
  clockOffsetMs?: number;
}

/** One SSML request as the fake service received it. */
export interface ReceivedRequest {
  path: string;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  speechConfig: unknown;
  ssml: string;
  voice: string;
  prosody: Record<string, string>;
  /** The text inside <prosody>, with XML entities decoded. */
  text: string;
  /** Word boundaries sent back, in seconds from the start of this request's audio. */
  boundaries: Array<{ text: string; offsetSeconds: number }>;
  audioSeconds: number;
}

export interface FakeEdgeServer {
  /** ws:// URL to put in EDGE_TTS_WSS_URL. */
  url: string;
  requests: ReceivedRequest[];
  connections: number;
  /** Most SSML requests answered at the same time. */
  maxConcurrent: number;
  close(): Promise<void>;
}

/** The service path msedge-tts uses; the fake checks the agent kept it (or used the override's). */
export const EDGE_PATH = '/consumer/speech/synthesize/readaloud/edge/v1';

function expectedToken(nowMs: number, trusted: string): string {
  const seconds = BigInt(Math.floor(nowMs / 1000)) + 11_644_473_600n;
  return createHash('sha256')
    .update(`${(seconds - (seconds % 300n)) * 10_000_000n}${trusted}`)
    .digest('hex')
    .toUpperCase();
}

function decodeXml(text: string): string {
  return text.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_all, name: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]!,
  );
}

/**
 * A loopback stand-in for Edge read-aloud that speaks its protocol: `speech.config` and `ssml`
 * text messages in; `turn.start`, `response`, binary `Path:audio` frames (2-byte header length,
 * headers, MP3 bytes), one `audio.metadata` WordBoundary message per word (offsets in 100 ns
 * ticks) and `turn.end` out. The audio is real: the text is spoken by espeak-ng and encoded as
 * 24 kHz mono 48 kbps MP3, the format Edge sends, so mastering and measuring downstream are real.
 */
export async function startFakeEdgeServer(options: FakeEdgeOptions = {}): Promise<FakeEdgeServer> {
  const workDir = await mkdtemp(join(tmpdir(), 'fake-edge-'));
  const audioCache = new Map<string, Promise<{ mp3: Buffer; seconds: number }>>();
  const requests: ReceivedRequest[] = [];
  let connections = 0;
  let open = 0;
  let maxConcurrent = 0;
  const behaviours = new WeakMap<object, FakeBehaviour>();

  const synthesize = (text: string, voice: string) => {
    const key = `${voice}\n${text}`;
    if (!audioCache.has(key)) {
      audioCache.set(
        key,
        (async () => {
          const base = join(workDir, randomBytes(6).toString('hex'));
          await execa(
            'espeak-ng',
            [
              '-v',
              voice.startsWith('zh-') ? 'cmn' : 'en-us',
              '-s',
              voice.startsWith('zh-') ? '280' : '180',
              '-w',
              `${base}.wav`,
              '--stdin',
            ],
            { input: text },
          );
          await execa('ffmpeg', [
            '-v',
            'error',
            '-y',
            '-i',
            `${base}.wav`,
            '-ar',
            '24000',
            '-ac',
            '1',
            '-c:a',
            'libmp3lame',
            '-b:a',
            '48k',
            '-write_xing',
            '0',
            '-id3v2_version',
            '0',
            '-f',
            'mp3',
            `${base}.mp3`,
          ]);
          const { durationSeconds } = await probeAudio(`${base}.wav`);
          return { mp3: await readFile(`${base}.mp3`), seconds: durationSeconds };
        })(),
      );
    }
    return audioCache.get(key)!;
  };

  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    verifyClient: (info, callback) => {
      const index = connections++;
      const behaviour = options.behaviour?.(index) ?? 'ok';
      const now = Date.now() + (options.clockOffsetMs ?? 0);
      const date = new Date(now).toUTCString();
      if (typeof behaviour === 'object') return callback(false, behaviour.status, 'Refused', { Date: date });
      if (behaviour === 'drop') return void info.req.socket.destroy();
      const query = new URL(info.req.url ?? '/', 'ws://fake').searchParams;
      const trusted = query.get('TrustedClientToken') ?? '';
      if (options.clockOffsetMs !== undefined && query.get('Sec-MS-GEC') !== expectedToken(now, trusted)) {
        return callback(false, 403, 'Forbidden', { Date: date });
      }
      behaviours.set(info.req, behaviour);
      callback(true);
    },
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));

  server.on('connection', (socket: WebSocket, request) => {
    const behaviour = behaviours.get(request) ?? 'ok';
    if (behaviour === 'drop-after-open') return void socket.terminate();
    const url = new URL(request.url ?? '/', 'ws://fake');
    let speechConfig: unknown;
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      const message = data.toString('utf8');
      const split = message.indexOf('\r\n\r\n');
      const headers = message.slice(0, split);
      const body = message.slice(split + 4);
      if (headers.includes('Path:speech.config')) {
        speechConfig = JSON.parse(body);
        return;
      }
      if (!headers.includes('Path:ssml')) return;
      const requestId = /X-RequestId:(\w+)/.exec(headers)?.[1] ?? '';
      const prosodyTag = /<prosody ([^>]*)>/.exec(body)?.[1] ?? '';
      const prosody = Object.fromEntries(
        [...prosodyTag.matchAll(/(\w+)='([^']*)'/g)].map((match) => [match[1]!, match[2]!]),
      );
      const text = decodeXml(/<prosody[^>]*>([\s\S]*)<\/prosody>/.exec(body)?.[1] ?? '');
      const voice = /<voice name='([^']*)'>/.exec(body)?.[1] ?? '';
      const received: ReceivedRequest = {
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers,
        speechConfig,
        ssml: body,
        voice,
        prosody,
        text,
        boundaries: [],
        audioSeconds: 0,
      };
      requests.push(received);
      // Requests in flight run from the SSML to turn.end (sockets may linger while closing).
      open++;
      maxConcurrent = Math.max(maxConcurrent, open);
      void answer(socket, behaviour, requestId, received).finally(() => open--);
    });
  });

  const textFrame = (requestId: string, path: string, body: string) =>
    `X-RequestId:${requestId}\r\nContent-Type:application/json; charset=utf-8\r\nPath:${path}\r\n\r\n${body}`;
  const audioFrame = (requestId: string, bytes: Buffer) => {
    const header = Buffer.from(
      `X-RequestId:${requestId}\r\nContent-Type:audio/mpeg\r\nX-StreamId:FAKESTREAM\r\nPath:audio\r\n`,
    );
    const length = Buffer.alloc(2);
    length.writeUInt16BE(header.length);
    return Buffer.concat([length, header, bytes]);
  };

  async function answer(
    socket: WebSocket,
    behaviour: FakeBehaviour,
    requestId: string,
    received: ReceivedRequest,
  ): Promise<void> {
    if (behaviour === 'hang') return;
    socket.send(textFrame(requestId, 'turn.start', '{"context":{"serviceTag":"fake"}}'));
    if (behaviour === 'no-audio') {
      socket.send(textFrame(requestId, 'turn.end', '{}'));
      return;
    }
    const { mp3, seconds } = await synthesize(received.text, received.voice);
    received.audioSeconds = seconds;
    socket.send(
      textFrame(
        requestId,
        'response',
        '{"context":{"serviceTag":"fake"},"audio":{"type":"inline","streamId":"FAKESTREAM"}}',
      ),
    );
    const words = [...received.text.matchAll(/\S+/g)];
    for (const word of words) {
      const offsetSeconds = 0.05 + (seconds - 0.1) * (word.index / Math.max(1, received.text.length));
      const clean = word[0].replace(/[^\p{L}\p{N}'’-]/gu, '');
      if (!clean) continue;
      received.boundaries.push({ text: clean, offsetSeconds });
      const metadata = {
        Metadata: [
          {
            Type: 'WordBoundary',
            Data: {
              Offset: Math.round(offsetSeconds * 1e7),
              Duration: 2_000_000,
              text: { Text: clean, Length: clean.length, BoundaryType: 'WordBoundary' },
            },
          },
        ],
      };
      socket.send(textFrame(requestId, 'audio.metadata', JSON.stringify(metadata)));
    }
    const frameBytes = 4096;
    const cut = behaviour === 'close-midstream' || behaviour === 'close-1011';
    const frames = cut ? 1 : Math.ceil(mp3.length / frameBytes);
    for (let index = 0; index < frames; index++)
      socket.send(audioFrame(requestId, mp3.subarray(index * frameBytes, (index + 1) * frameBytes)));
    if (behaviour === 'close-midstream') {
      socket.terminate();
      return;
    }
    if (behaviour === 'close-1011') {
      socket.close(1011, 'Internal server error');
      return;
    }
    socket.send(textFrame(requestId, 'turn.end', '{"context":{"serviceTag":"fake"}}'));
  }

  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}${EDGE_PATH}`,
    requests,
    get connections() {
      return connections;
    },
    get maxConcurrent() {
      return maxConcurrent;
    },
    async close() {
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
