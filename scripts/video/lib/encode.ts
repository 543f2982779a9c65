// Assembles stills with exact frame counts plus narration into an H.264/AAC MP4 (system ffmpeg via execa), with chapters and progress.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa, ExecaError } from 'execa';
import { FPS } from '../scenes/compose-film.ts';

/** ffmpeg is not installed; the fix is `npm run setup`. */
export class FfmpegMissingError extends Error {}

/** One still and how many frames it is held. */
export interface EncodeShot {
  png: string;
  frames: number;
}

/** A chapter of the film (seconds). */
export interface Chapter {
  title: string;
  start: number;
  end: number;
}

/** Progress while encoding: frames done of the total and the encoder's speed. */
export interface EncodeProgress {
  frame: number;
  totalFrames: number;
  fps: number;
}

function metadataFile(chapters: readonly Chapter[], title: string): string {
  const escape = (text: string) => text.replace(/([=;#\\\n])/g, '\\$1');
  const blocks = chapters.map(
    (chapter) =>
      `[CHAPTER]\nTIMEBASE=1/1000\nSTART=${Math.round(chapter.start * 1000)}\nEND=${Math.round(chapter.end * 1000)}\ntitle=${escape(chapter.title)}`,
  );
  return `;FFMETADATA1\ntitle=${escape(title)}\n${blocks.join('\n')}\n`;
}

/** Runs ffmpeg; a missing binary becomes {@link FfmpegMissingError}, a failure names the step. */
export async function runFfmpeg(
  args: string[],
  step: string,
  options: { signal?: AbortSignal; onLine?: (line: string) => void } = {},
): Promise<void> {
  try {
    const child = execa('ffmpeg', ['-hide_banner', '-nostdin', '-y', ...args], {
      cancelSignal: options.signal,
      forceKillAfterDelay: 2000,
      maxBuffer: 64 * 1024 * 1024,
      lines: false,
    });
    if (options.onLine)
      child.stdout?.on('data', (chunk: Buffer) =>
        String(chunk)
          .split('\n')
          .forEach((line) => options.onLine!(line)),
      );
    await child;
  } catch (error) {
    if (error instanceof ExecaError && error.code === 'ENOENT')
      throw new FfmpegMissingError('ffmpeg is not installed (not on PATH)');
    if (error instanceof ExecaError && error.isCanceled) throw error;
    const tail =
      error instanceof ExecaError
        ? String(error.stderr ?? '')
            .trim()
            .split('\n')
            .slice(-3)
            .join(' | ')
        : String(error);
    throw new Error(`ffmpeg (${step}) failed: ${tail}`, { cause: error });
  }
}

/**
 * Writes the concat list that shows each still for its frames at `fps` and returns the ffmpeg
 * input arguments that read it. The last still is listed twice: concat ignores the last duration.
 */
async function writeStillsInput(shots: readonly EncodeShot[], fps: number, listPath: string): Promise<string[]> {
  const list = [
    ...shots.map((shot) => `file '${shot.png}'\nduration ${(shot.frames / fps).toFixed(6)}`),
    `file '${shots.at(-1)!.png}'`,
  ].join('\n');
  await writeFile(listPath, `${list}\n`);
  return ['-f', 'concat', '-safe', '0', '-i', listPath];
}

/**
 * Encodes the film: a concat list holds each still for exactly its frames, the narration is laid
 * under it from 0 s (padded with silence to the end), chapters come from an ffmetadata file.
 * H.264 High yuv420p 30 fps (still-image tuning), AAC 48 kHz stereo, `+faststart`.
 */
export async function encodeFilm(options: {
  shots: readonly EncodeShot[];
  audio: string;
  chapters: readonly Chapter[];
  title: string;
  out: string;
  workDir: string;
  signal?: AbortSignal;
  onProgress?: (progress: EncodeProgress) => void;
}): Promise<void> {
  const totalFrames = options.shots.reduce((sum, shot) => sum + shot.frames, 0);
  const stills = await writeStillsInput(options.shots, FPS, join(options.workDir, 'shots.txt'));
  const metaPath = join(options.workDir, 'chapters.txt');
  await writeFile(metaPath, metadataFile(options.chapters, options.title));
  const seconds = (totalFrames / FPS).toFixed(6);
  let fps = 0;
  await runFfmpeg(
    [
      ...stills,
      '-i',
      options.audio,
      '-f',
      'ffmetadata',
      '-i',
      metaPath,
      '-map',
      '0:v',
      '-map',
      '1:a',
      '-map_metadata',
      '2',
      '-map_chapters',
      '2',
      '-vf',
      `format=yuv420p,fps=${FPS}`,
      '-r',
      String(FPS),
      '-frames:v',
      String(totalFrames),
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-tune',
      'stillimage',
      '-crf',
      '22',
      '-profile:v',
      'high',
      '-pix_fmt',
      'yuv420p',
      '-af',
      'apad',
      '-c:a',
      'aac',
      '-b:a',
      '160k',
      '-ar',
      '48000',
      '-ac',
      '2',
      '-t',
      seconds,
      '-movflags',
      '+faststart',
      '-progress',
      'pipe:1',
      '-nostats',
      options.out,
    ],
    'encode the film',
    {
      signal: options.signal,
      onLine: (line) => {
        const [key, value] = line.split('=');
        if (key === 'fps') fps = Number(value) || fps;
        if (key === 'frame') options.onProgress?.({ frame: Number(value), totalFrames, fps });
      },
    },
  );
}

/** A 10 fps looping GIF from stills, scaled to `width`, with a generated palette (ffmpeg palettegen/paletteuse). */
export async function encodeGif(options: {
  shots: readonly EncodeShot[];
  fps: number;
  width: number;
  out: string;
  workDir: string;
  signal?: AbortSignal;
}): Promise<void> {
  const stills = await writeStillsInput(options.shots, options.fps, join(options.workDir, 'gif-shots.txt'));
  const frames = options.shots.reduce((sum, shot) => sum + shot.frames, 0);
  const graph = `fps=${options.fps},scale=${options.width}:-1:flags=lanczos,split[a][b];[a]palettegen=max_colors=128:stats_mode=diff[p];[b][p]paletteuse=dither=bayer:bayer_scale=4:diff_mode=rectangle`;
  await runFfmpeg(
    [...stills, '-filter_complex', graph, '-frames:v', String(frames), '-loop', '0', options.out],
    'encode the GIF',
    { signal: options.signal },
  );
}
