// Joins chunks as samples and masters them: two-pass loudnorm to −16 LUFS, 44.1 kHz mono MP3 with ID3 tags.
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  FFMPEG_BINARY,
  measureLoudness,
  parseLoudnormReport,
  probeAudio,
  type AudioProbe,
  type Loudness,
} from '../lib/measure-audio.ts';
import { runTool } from '../lib/run-tool.ts';

/**
 * Mastering settings (part of the cache key): podcast loudness (−16 LUFS integrated, true peak
 * at most −1 dBTP), 44.1 kHz mono MP3 at 96 kbps, ID3 artist.
 */
export const MASTERING = {
  integratedLufs: -16,
  /** Hard ceiling checked on the finished MP3. */
  truePeakCeilingDbtp: -1,
  /** loudnorm's true-peak target (lowered on a retry if encoding pushed the peak over the ceiling). */
  truePeakTargetDbtp: -1.2,
  lraLu: 11,
  /** Finished files within this many LU of the target pass outright; up to 1 LU is accepted. */
  loudnessToleranceLu: 0.3,
  /** Encodes at most: each retry corrects the loudnorm target by what the MP3 measured. */
  encodeAttempts: 3,
  sampleRate: 44_100,
  channels: 1,
  codec: 'libmp3lame',
  bitrateKbps: 96,
  /** Sample-peak ceiling (dBFS) of the 4× oversampled limiter used when plain gain would clip. */
  limiterCeilingDbfs: -2,
  /** Limiter passes at most, each correcting the gain by what the previous one measured. */
  limiterPasses: 4,
  artist: 'Molecule AI',
} as const;

const PCM_ARGS = ['-f', 's16le', '-ar', String(MASTERING.sampleRate), '-ac', String(MASTERING.channels)] as const;
const BYTES_PER_SAMPLE = 2;
/** Limited audio this close to the target goes to the final loudnorm as is. */
const LIMITER_SETTLED_LU = 0.3;

/** The script's audio in playing order: synthesised chunks and pauses. */
export type TimelineItem = { kind: 'audio'; path: string } | { kind: 'silence'; seconds: number };

/** All items decoded and joined as one 44.1 kHz mono PCM file, with each item's exact place in it. */
export interface JoinedAudio {
  pcmPath: string;
  starts: number[];
  durations: number[];
  totalSeconds: number;
}

/** The finished MP3 as measured after encoding. */
export interface MasteredAudio {
  probe: AudioProbe;
  loudness: Loudness;
  /** Limiter passes run before loudnorm (0 when plain gain was enough). */
  limiterPasses: number;
  truePeakTargetDbtp: number;
}

/** Mastering could not meet the loudness spec; says what was measured. */
export class MasteringError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MasteringError';
  }
}

/**
 * Decodes every chunk to PCM (one ffmpeg run for all of them) and joins the samples with the
 * pauses in between. Joining decoded samples, then encoding once, is what gives the MP3 a correct
 * duration; appending MP3 bytes does not.
 */
export async function joinTimeline(items: readonly TimelineItem[], workDir: string): Promise<JoinedAudio> {
  const audio = items.flatMap((item, index) =>
    item.kind === 'audio' ? [{ path: item.path, pcm: join(workDir, `decoded-${index}.pcm`) }] : [],
  );
  if (audio.length > 0) {
    await runTool(
      FFMPEG_BINARY,
      [
        '-v',
        'error',
        '-y',
        ...audio.flatMap(({ path }) => ['-i', path]),
        ...audio.flatMap(({ pcm }, index) => ['-map', `${index}:a:0`, ...PCM_ARGS, '-c:a', 'pcm_s16le', pcm]),
      ],
      'decode chunks',
    );
  }
  const buffers = await Promise.all(
    items.map((item, index) =>
      item.kind === 'silence'
        ? Buffer.alloc(Math.round(item.seconds * MASTERING.sampleRate) * BYTES_PER_SAMPLE)
        : readFile(join(workDir, `decoded-${index}.pcm`)),
    ),
  );
  const durations = buffers.map((buffer) => buffer.length / BYTES_PER_SAMPLE / MASTERING.sampleRate);
  const starts = durations.map((_duration, index) => durations.slice(0, index).reduce((sum, value) => sum + value, 0));
  const pcmPath = join(workDir, 'joined.pcm');
  await writeFile(pcmPath, Buffer.concat(buffers));
  return { pcmPath, starts, durations, totalSeconds: durations.reduce((sum, value) => sum + value, 0) };
}

/** Runs a filter chain over PCM into PCM and measures the result in the same ffmpeg run. */
async function filterAndMeasure(input: string, chain: string, output: string, step: string): Promise<Loudness> {
  const { stderr } = await runTool(
    FFMPEG_BINARY,
    [
      '-hide_banner',
      '-nostats',
      '-y',
      ...PCM_ARGS,
      '-i',
      input,
      '-filter_complex',
      `[0:a]${chain},asplit[out][meter];[meter]loudnorm=print_format=json[measured]`,
      '-map',
      '[out]',
      ...PCM_ARGS,
      '-c:a',
      'pcm_s16le',
      output,
      '-map',
      '[measured]',
      '-f',
      'null',
      '-',
    ],
    step,
  );
  return parseLoudnormReport(stderr, step);
}

/**
 * Brings peaky speech near the target with a 4× oversampled limiter, correcting the gain by what
 * each pass measured (limiting takes loudness away), so the final loudnorm stays linear.
 */
async function limitTowardsTarget(
  pcmPath: string,
  measured: Loudness,
): Promise<{ source: string; measured: Loudness; passes: number }> {
  const ceiling = (10 ** (MASTERING.limiterCeilingDbfs / 20)).toFixed(4);
  let gain = MASTERING.integratedLufs - measured.integratedLufs;
  let latest = measured;
  let previous: { gain: number; lufs: number } | undefined;
  let passes = 0;
  const source = `${pcmPath}.limited.pcm`;
  while (passes < MASTERING.limiterPasses) {
    passes++;
    const chain = `aresample=${MASTERING.sampleRate * 4},volume=${gain.toFixed(2)}dB,alimiter=limit=${ceiling}:attack=5:release=80:level=false:latency=true,aresample=${MASTERING.sampleRate}`;
    latest = await filterAndMeasure(pcmPath, chain, source, 'limit peaks');
    const miss = MASTERING.integratedLufs - latest.integratedLufs;
    if (Math.abs(miss) <= LIMITER_SETTLED_LU) break;
    // Under heavy limiting 1 dB more gain yields well under 1 LU; step by the slope seen so far.
    const slope = previous ? (latest.integratedLufs - previous.lufs) / (gain - previous.gain) : 1;
    previous = { gain, lufs: latest.integratedLufs };
    gain += miss / Math.min(1, Math.max(0.2, Number.isFinite(slope) ? slope : 1));
  }
  return { source, measured: latest, passes };
}

/**
 * Masters joined PCM into a tagged MP3: loudness is measured, peaks are limited when plain gain
 * would push the true peak over the target, then loudnorm's second pass (linear, from the
 * measured values) sets −16 LUFS and the encoder writes 44.1 kHz mono MP3 with a Xing header and
 * ID3 title/artist. The encoded file is measured again; if encoding moved it off the target (or its
 * true peak over −1 dBTP) it is encoded again with the loudnorm target corrected by the difference.
 */
export async function masterToMp3(
  joined: JoinedAudio,
  outPath: string,
  tags: { title: string; comment?: string },
): Promise<MasteredAudio> {
  let source = joined.pcmPath;
  let measured = await measureLoudness(source, PCM_ARGS);
  let limiterPasses = 0;
  if (measured.truePeakDbtp + (MASTERING.integratedLufs - measured.integratedLufs) > MASTERING.truePeakTargetDbtp) {
    ({ source, measured, passes: limiterPasses } = await limitTowardsTarget(joined.pcmPath, measured));
  }
  const metadata = [
    `title=${tags.title}`,
    `artist=${MASTERING.artist}`,
    ...(tags.comment ? [`comment=${tags.comment}`] : []),
  ].flatMap((pair) => ['-metadata', pair]);
  let best: { path: string; result: MasteredAudio; offBy: number } | undefined;
  let targetLufs: number = MASTERING.integratedLufs;
  let truePeak: number = MASTERING.truePeakTargetDbtp;
  const misses: string[] = [];
  for (let attempt = 0; attempt < MASTERING.encodeAttempts; attempt++) {
    const encoded = `${joined.pcmPath}.${attempt}.mp3`;
    const loudnorm = [
      `loudnorm=I=${targetLufs.toFixed(2)}:TP=${truePeak.toFixed(2)}:LRA=${MASTERING.lraLu}`,
      `measured_I=${measured.integratedLufs}:measured_TP=${measured.truePeakDbtp}:measured_LRA=${measured.lraLu}:measured_thresh=${measured.thresholdLufs}`,
      'linear=true',
    ].join(':');
    await runTool(
      FFMPEG_BINARY,
      [
        '-v',
        'error',
        '-y',
        ...PCM_ARGS,
        '-i',
        source,
        '-af',
        `${loudnorm},aresample=${MASTERING.sampleRate}`,
        '-ar',
        String(MASTERING.sampleRate),
        '-ac',
        String(MASTERING.channels),
        '-c:a',
        MASTERING.codec,
        '-b:a',
        `${MASTERING.bitrateKbps}k`,
        '-id3v2_version',
        '3',
        '-write_xing',
        '1',
        ...metadata,
        '-f',
        'mp3',
        encoded,
      ],
      'encode MP3',
    );
    const result: MasteredAudio = {
      probe: await probeAudio(encoded),
      loudness: await measureLoudness(encoded),
      limiterPasses,
      truePeakTargetDbtp: truePeak,
    };
    const offBy = result.loudness.integratedLufs - MASTERING.integratedLufs;
    const peakOver = result.loudness.truePeakDbtp - MASTERING.truePeakCeilingDbtp;
    if (peakOver <= 0 && (!best || Math.abs(offBy) < best.offBy))
      best = { path: encoded, result, offBy: Math.abs(offBy) };
    if (peakOver <= 0 && Math.abs(offBy) <= MASTERING.loudnessToleranceLu) break;
    misses.push(`${result.loudness.integratedLufs} LUFS, ${result.loudness.truePeakDbtp} dBTP`);
    // MP3 encoding drops some energy the psychoacoustic model hides (synthetic voices lose up to
    // about 0.5 LU), and its peaks can overshoot: aim the next pass off by what we measured.
    targetLufs -= offBy;
    if (peakOver > 0) truePeak -= peakOver + 0.1;
  }
  if (!best || best.offBy > 1) {
    throw new MasteringError(
      `could not reach ${MASTERING.integratedLufs} LUFS with true peak ≤ ${MASTERING.truePeakCeilingDbtp} dBTP (got ${misses.join('; ')})`,
    );
  }
  await copyFile(best.path, outPath);
  return best.result;
}
