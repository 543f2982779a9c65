// Measures a rendered file with ffprobe: streams, codecs, size, frame rate, duration, chapters.
import { execa, ExecaError } from 'execa';
import { FfmpegMissingError } from './encode.ts';

/** What ffprobe says about a film or GIF. */
export interface MediaProbe {
  durationSeconds: number;
  video?: {
    codec: string;
    width: number;
    height: number;
    pixFmt: string;
    fps: number;
    frames: number | undefined;
    profile?: string;
  };
  audio?: { codec: string; sampleRate: number; channels: number };
  chapters: Array<{ title: string; start: number; end: number }>;
}

function rate(text: string | undefined): number {
  const [num, den] = String(text ?? '0/1')
    .split('/')
    .map(Number);
  return den ? num! / den : 0;
}

/** Probes one file (throws {@link FfmpegMissingError} when ffprobe is absent). */
export async function probeMedia(path: string): Promise<MediaProbe> {
  let stdout: string;
  try {
    ({ stdout } = await execa('ffprobe', [
      '-v',
      'error',
      '-show_format',
      '-show_streams',
      '-show_chapters',
      '-of',
      'json',
      path,
    ]));
  } catch (error) {
    if (error instanceof ExecaError && error.code === 'ENOENT')
      throw new FfmpegMissingError('ffprobe is not installed (not on PATH)');
    throw error;
  }
  const data = JSON.parse(stdout) as {
    format: { duration?: string };
    streams: Array<Record<string, string | number | undefined>>;
    chapters?: Array<{ start_time: string; end_time: string; tags?: { title?: string } }>;
  };
  const video = data.streams.find((stream) => stream.codec_type === 'video');
  const audio = data.streams.find((stream) => stream.codec_type === 'audio');
  return {
    durationSeconds: Number(data.format.duration ?? 0),
    video: video && {
      codec: String(video.codec_name),
      width: Number(video.width),
      height: Number(video.height),
      pixFmt: String(video.pix_fmt),
      fps: rate(String(video.avg_frame_rate)),
      frames: video.nb_frames ? Number(video.nb_frames) : undefined,
      profile: video.profile ? String(video.profile) : undefined,
    },
    audio: audio && {
      codec: String(audio.codec_name),
      sampleRate: Number(audio.sample_rate),
      channels: Number(audio.channels),
    },
    chapters: (data.chapters ?? []).map((chapter) => ({
      title: chapter.tags?.title ?? '',
      start: Number(chapter.start_time),
      end: Number(chapter.end_time),
    })),
  };
}
