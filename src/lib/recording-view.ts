// The committed demo recording as the launch room's /demo/ page shows it: steps, moments, files, staleness.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readContent } from '../../core/content-files.ts';
import { DEMO_RECORDING_DIR as DEFAULT_OUT_DIR, hashDemoInputs, RECORDING_FILES } from '../../core/demo-recording.ts';
import { readManifest } from '../../core/manifest.ts';
import type { MomentSpan, RunRecord, StepRecord } from '../../core/demo-run-record.ts';

/** Text of the `live: true` storyboard, the one `npm run demo` drives (undefined when none or several). */
function readLiveStoryboardText(root: string): string | undefined {
  const live = readContent(root, ['storyboards']).filter(
    (entry) => (entry.data as { live?: unknown } | undefined)?.live === true,
  );
  return live.length === 1 ? live[0]!.text : undefined;
}

/** One step as the launch room's step table shows it. */
export interface StepRow {
  kind: string;
  title: string;
  moment: string;
  status: StepRecord['status'];
  /** `GET /health → 200`, ids shortened to `:id`; agent calls marked. */
  calls: string[];
  seconds: number;
  error?: StepRecord['error'];
}

/** A storyboard moment with its span of the cast (seconds) and the steps it shows. */
export interface MomentRow extends Omit<MomentSpan, 'steps'> {
  steps: string[];
}

/** The committed recording as the launch-room demo page shows it. */
export interface RecordingView {
  present: boolean;
  /** Site path of the cast (served in the internal build). */
  castSrc: string;
  status?: RunRecord['status'];
  platform?: RunRecord['platform'] & { note: string };
  startedAt?: string;
  durationSeconds?: number;
  fast?: boolean;
  storyboard?: RunRecord['storyboard'];
  steps: StepRow[];
  hiddenSteps: StepRow[];
  moments: MomentRow[];
  files: Array<{ label: string; href: string; bytes: number }>;
  /** True when the storyboard or the runner changed since the recording was made. */
  stale: boolean;
}

function rowOf(step: StepRecord): StepRow {
  const calls = step.exchanges.map(
    (exchange) =>
      `${exchange.actor === 'agent' ? 'agent: ' : ''}${exchange.method} ${exchange.path.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')} → ${exchange.status ?? exchange.error}`,
  );
  return {
    kind: step.kind,
    title: step.title,
    moment: step.moment ?? '',
    status: step.status,
    calls,
    seconds: step.durationMs / 1000,
    error: step.error,
  };
}

/**
 * Reads marketing/demo/ for the launch room: the transcript's steps (visible and hidden), the
 * timeline's moments, the files with their sizes, and whether the manifest says it is stale.
 */
export async function readRecordingView(root: string): Promise<RecordingView> {
  const dir = join(root, DEFAULT_OUT_DIR);
  const castSrc = `/${DEFAULT_OUT_DIR}/${RECORDING_FILES.cast}`;
  const transcriptText = await readFile(join(dir, RECORDING_FILES.transcript), 'utf8').catch(() => undefined);
  if (!transcriptText)
    return { present: false, castSrc, steps: [], hiddenSteps: [], moments: [], files: [], stale: false };
  const transcript = JSON.parse(transcriptText) as RunRecord & { platform: RunRecord['platform'] & { note: string } };
  const timeline = JSON.parse(
    await readFile(join(dir, RECORDING_FILES.timeline), 'utf8').catch(() => '{"moments":[]}'),
  ) as {
    moments: Array<Omit<MomentSpan, 'steps'> & { steps: Array<{ kind: string }> }>;
  };
  const labels: Record<keyof typeof RECORDING_FILES, string> = {
    cast: 'Cast (asciicast v2)',
    transcript: 'Transcript (JSON)',
    junit: 'JUnit XML',
    summary: 'Summary (Markdown)',
    timeline: 'Timeline (JSON)',
  };
  const files = [];
  for (const [key, name] of Object.entries(RECORDING_FILES) as Array<[keyof typeof RECORDING_FILES, string]>) {
    const info = await stat(join(dir, name)).catch(() => undefined);
    if (info) files.push({ label: labels[key], href: `/${DEFAULT_OUT_DIR}/${name}`, bytes: info.size });
  }
  const manifest = await readManifest(root);
  // The hash reads the runner's code from the checkout (root/scripts/demo), never from this
  // module's own folder: inside the bundled site that folder is the build output.
  const storyboardText = readLiveStoryboardText(root);
  const inputsHash = storyboardText === undefined ? undefined : hashDemoInputs(storyboardText, root);
  const stale =
    inputsHash !== undefined &&
    Object.values(RECORDING_FILES).some(
      (file) => manifest.entries[`${DEFAULT_OUT_DIR}/${file}`]?.inputsHash !== inputsHash,
    );
  return {
    present: true,
    castSrc,
    status: transcript.status,
    platform: transcript.platform,
    startedAt: transcript.startedAt,
    durationSeconds: transcript.durationMs / 1000,
    fast: transcript.options.fast,
    storyboard: transcript.storyboard,
    steps: transcript.steps.filter((step) => !step.hidden).map(rowOf),
    hiddenSteps: transcript.steps.filter((step) => step.hidden).map(rowOf),
    moments: timeline.moments.map((moment) => ({ ...moment, steps: moment.steps.map((step) => step.kind) })),
    files,
    stale,
  };
}
