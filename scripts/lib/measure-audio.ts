// Measures audio with ffprobe and ffmpeg: duration, loudness and true peak.
import { runTool } from './run-tool.ts';

/** ffmpeg and ffprobe binaries (from the OS; `npm run setup` installs them). */
export const FFMPEG_BINARY = 'ffmpeg';
export const FFPROBE_BINARY = 'ffprobe';

/** What ffprobe says about an audio file. */
export interface AudioProbe {
  durationSeconds: number;
  codec: string;
  sampleRate: number;
  channels: number;
  /** Bits per second of the audio stream (falls back to the container's). */
  bitRate: number;
  /** Container tags with lower-case keys (ID3 title, artist, …). */
  tags: Record<string, string>;
}

/** EBU R128 loudness as ffmpeg's loudnorm filter measures it. */
export interface Loudness {
  integratedLufs: number;
  truePeakDbtp: number;
  lraLu: number;
  thresholdLufs: number;
}

/** Duration, format and tags of an audio file via ffprobe. */
export async function probeAudio(path: string): Promise<AudioProbe> {
  const { stdout } = await runTool(
    FFPROBE_BINARY,
    [
      '-v',
      'error',
      '-select_streams',
      'a:0',
      '-show_entries',
      'format=duration,bit_rate:format_tags:stream=codec_name,sample_rate,channels,bit_rate',
      '-of',
      'json',
      path,
    ],
    `measure ${path}`,
  );
  const data = JSON.parse(stdout) as {
    format?: { duration?: string; bit_rate?: string; tags?: Record<string, string> };
    streams?: Array<{ codec_name?: string; sample_rate?: string; channels?: number; bit_rate?: string }>;
  };
  const stream = data.streams?.[0];
  if (!stream || !data.format?.duration) throw new Error(`measure ${path}: no audio stream found`);
  return {
    durationSeconds: Number(data.format.duration),
    codec: stream.codec_name ?? 'unknown',
    sampleRate: Number(stream.sample_rate ?? 0),
    channels: stream.channels ?? 0,
    bitRate: Number(stream.bit_rate ?? data.format.bit_rate ?? 0),
    tags: Object.fromEntries(Object.entries(data.format.tags ?? {}).map(([key, value]) => [key.toLowerCase(), value])),
  };
}

/**
 * Integrated loudness, true peak and loudness range of an audio file (or of raw PCM when
 * `inputArgs` describe it, e.g. `['-f', 's16le', '-ar', '44100', '-ac', '1']`).
 */
export async function measureLoudness(path: string, inputArgs: readonly string[] = []): Promise<Loudness> {
  const { stderr } = await runTool(
    FFMPEG_BINARY,
    ['-hide_banner', '-nostats', ...inputArgs, '-i', path, '-af', 'loudnorm=print_format=json', '-f', 'null', '-'],
    `measure loudness of ${path}`,
  );
  return parseLoudnormReport(stderr, `measure loudness of ${path}`);
}

/** Reads the JSON block `loudnorm=print_format=json` leaves at the end of ffmpeg's stderr. */
export function parseLoudnormReport(stderr: string, step: string): Loudness {
  const json = stderr.slice(stderr.lastIndexOf('{'), stderr.lastIndexOf('}') + 1);
  let values: Record<string, string>;
  try {
    values = JSON.parse(json) as Record<string, string>;
  } catch {
    throw new Error(`${step}: ffmpeg printed no loudness report`);
  }
  const read = (key: string) => {
    const value = Number(values[key]);
    if (!Number.isFinite(value)) throw new Error(`${step}: no audible audio (${key} = ${values[key]})`);
    return value;
  };
  return {
    integratedLufs: read('input_i'),
    truePeakDbtp: read('input_tp'),
    lraLu: read('input_lra'),
    thresholdLufs: read('input_thresh'),
  };
}
