// Reads the demo recording the films are cut from: cast, timeline (moment spans + canvas log), transcript.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashBytes } from '../../../core/hash.ts';
import { readManifest } from '../../../core/manifest.ts';
import { parseCast } from '../../demo/record/asciicast.ts';
import { DEMO_RECORDING_DIR as DEFAULT_OUT_DIR } from '../../../core/demo-recording.ts';
import { planDemoRecording } from '../../demo/plan.ts';
import { RECORDING_FILES } from '../../../core/demo-recording.ts';
import type { CanvasEntry } from '../../../core/demo-run-record.ts';
import type { CastEvent } from '../../demo/terminal.ts';
import type { SentMessage } from '../scenes/canvas-state.ts';

/** A storyboard moment's span of the cast and the steps recorded in it. */
export interface RecordedMoment {
  id: string;
  title: string;
  start: number;
  end: number;
  steps: Array<{ kind: string; status: string; start: number; end: number }>;
}

/** The recording as the films use it. */
export interface Recording {
  castPath: string;
  size: { cols: number; rows: number };
  events: CastEvent[];
  duration: number;
  moments: RecordedMoment[];
  canvas: CanvasEntry[];
  sent: SentMessage[];
  draft: boolean;
  platformKind: string;
  /** Hashes of the cast and the timeline bytes, for the films' inputs hash. */
  hashes: Record<'cast' | 'timeline', string>;
  /** True when the storyboard or the demo runner changed since the recording was made. */
  stale: boolean;
}

/** There is no usable recording; the fix is `npm run demo`. */
export class RecordingMissingError extends Error {}

interface TranscriptStep {
  kind: string;
  exchanges: Array<{
    path: string;
    startMs: number;
    request: {
      headers: Record<string, string>;
      body?: { params?: { message?: { parts?: Array<{ text?: string }> } } };
    };
  }>;
}

/** Reads marketing/demo/; throws {@link RecordingMissingError} when a file is missing or predates the canvas log. */
export async function readRecording(root: string): Promise<Recording> {
  const dir = join(root, DEFAULT_OUT_DIR);
  const read = (name: string) =>
    readFile(join(dir, name), 'utf8').catch(() => {
      throw new RecordingMissingError(`${DEFAULT_OUT_DIR}/${name} is missing`);
    });
  const castText = await read(RECORDING_FILES.cast);
  const timelineText = await read(RECORDING_FILES.timeline);
  const cast = parseCast(castText);
  const timeline = JSON.parse(timelineText) as {
    duration: number;
    moments: RecordedMoment[];
    canvas?: { entries: CanvasEntry[] };
  };
  const transcript = JSON.parse(await read(RECORDING_FILES.transcript)) as {
    platform: { kind: string };
    steps: TranscriptStep[];
  };
  if (!timeline.canvas)
    throw new RecordingMissingError(
      `${DEFAULT_OUT_DIR}/${RECORDING_FILES.timeline} has no canvas log (recorded before the canvas view existed)`,
    );
  const entries = timeline.canvas.entries;
  // The transcript counts milliseconds from the run's start, the cast seconds from the terminal's: map one onto the other.
  const offset = entries.length > 0 ? entries[0]!.t - entries[0]!.ms / 1000 : 0;
  const sent: SentMessage[] = transcript.steps
    .filter((step) => step.kind === 'a2a-canvas')
    .flatMap((step) =>
      step.exchanges.filter(
        (exchange) => exchange.path.endsWith('/a2a') && !exchange.request.headers['X-Workspace-ID'],
      ),
    )
    .map((exchange) => ({
      t: exchange.startMs / 1000 + offset,
      targetId: exchange.path.split('/')[2] ?? '',
      text: exchange.request.body?.params?.message?.parts?.map((part) => part.text ?? '').join('\n') ?? '',
    }));
  const manifest = await readManifest(root);
  const planned = await planDemoRecording(root);
  const stale = planned.some((entry) => manifest.entries[entry.path]?.inputsHash !== entry.inputsHash);
  const castKey = `${DEFAULT_OUT_DIR}/${RECORDING_FILES.cast}`;
  return {
    castPath: castKey,
    size: { cols: Number(cast.header.width), rows: Number(cast.header.height) },
    events: cast.events,
    duration: timeline.duration,
    moments: timeline.moments,
    canvas: entries,
    sent,
    draft: manifest.entries[castKey]?.draft ?? true,
    platformKind: transcript.platform.kind,
    hashes: { cast: hashBytes(castText), timeline: hashBytes(timelineText) },
    stale,
  };
}
