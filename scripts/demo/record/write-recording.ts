// Writes the recording files and their manifest entries (a failed run goes to .failed/).
import { stat, rm } from 'node:fs/promises';
import { join, relative, isAbsolute } from 'node:path';
import { hashBytes } from '../../../core/hash.ts';
import { updateManifest, type ManifestEntry } from '../../../core/manifest.ts';
import { writeFileAtomic } from '../../../core/write-atomic.ts';
import { DEMO_COMMAND, RECORDING_BASENAME, RECORDING_FILES } from '../../../core/demo-recording.ts';
import { renderCast } from './asciicast.ts';
import { renderJunit } from './junit.ts';
import { renderSummary } from './summary.ts';
import { renderTimeline } from './timeline.ts';
import { renderTranscript } from './transcript.ts';
import type { CastEvent } from '../terminal.ts';
import type { RunRecord } from '../../../core/demo-run-record.ts';

/** Sub-folder a failed run writes to: a good recording is never overwritten, and as a dot-folder it is neither served nor checked as a deliverable. */
export const FAILED_DIR = '.failed';

/** Where the recording went. */
export interface WrittenRecording {
  dir: string;
  files: string[];
  /** Repo-relative manifest keys updated (empty when the output is outside the repo or the run failed). */
  manifestEntries: string[];
}

/**
 * Writes the five recording files atomically, each redacted with every secret the run learned.
 * A passing run replaces the recording in `outDir` and records manifest entries (when `outDir`
 * is inside the repo); a failing run keeps what it has in `outDir/.failed/` and leaves the good
 * recording and the manifest alone.
 */
export async function writeRecording(
  root: string,
  outDir: string,
  record: RunRecord,
  cast: { events: readonly CastEvent[]; startedAt: Date },
  secrets: Iterable<string>,
  inputsHash: string,
): Promise<WrittenRecording> {
  const known = [...secrets];
  const dir = record.status === 'passed' ? outDir : join(outDir, FAILED_DIR);
  const title = `Phase 30 walkthrough — ${record.platform.kind === 'stand-in' ? 'recorded on the stand-in platform (draft)' : 'recorded live'}`;
  const castText = renderCast(cast.events, cast.startedAt, title, known);
  const castDuration = cast.events.at(-1)?.time ?? 0;
  const contents: Array<[string, string]> = [
    [RECORDING_FILES.cast, castText],
    [RECORDING_FILES.transcript, renderTranscript(record, known)],
    [RECORDING_FILES.junit, renderJunit(record, RECORDING_BASENAME, known)],
    [RECORDING_FILES.summary, renderSummary(record, RECORDING_BASENAME, known)],
    [RECORDING_FILES.timeline, renderTimeline(record, RECORDING_FILES.cast, castDuration, known)],
  ];
  for (const [name, text] of contents) await writeFileAtomic(join(dir, name), text);
  const files = contents.map(([name]) => join(dir, name));
  if (record.status !== 'passed') return { dir, files, manifestEntries: [] };
  await rm(join(outDir, FAILED_DIR), { recursive: true, force: true });
  const relativeDir = relative(root, outDir);
  if (relativeDir.startsWith('..') || isAbsolute(relativeDir)) return { dir, files, manifestEntries: [] };
  const createdAt = new Date().toISOString();
  const entries: Record<string, ManifestEntry> = {};
  for (const [name, text] of contents) {
    const path = join(relativeDir, name).split('\\').join('/');
    entries[path] = {
      generator: 'demo',
      command: DEMO_COMMAND,
      inputsHash,
      bytesHash: hashBytes(text),
      size: (await stat(join(dir, name))).size,
      ...(name === RECORDING_FILES.cast ? { durationSeconds: castDuration } : {}),
      provider: record.platform.kind,
      draft: record.platform.kind === 'stand-in',
      sources: [record.storyboard.file],
      createdAt,
      details: {
        status: record.status,
        steps: record.steps.filter((step) => !step.hidden).length,
        fast: record.options.fast,
        createWithUrl: record.options.createWithUrl,
      },
    };
  }
  await updateManifest(root, entries);
  return { dir, files, manifestEntries: Object.keys(entries) };
}
