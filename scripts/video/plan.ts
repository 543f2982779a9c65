// What `npm run video` would write now, with inputs hashes, without a browser: for --check, the cache and the build's stale check.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashBytes, hashJson } from '../../core/hash.ts';
import type { GeneratorPlan } from '../../core/manifest.ts';
import { DEMO_RECORDING_DIR as DEFAULT_OUT_DIR } from '../../core/demo-recording.ts';
import { RECORDING_FILES } from '../../core/demo-recording.ts';
import { rendererVersion, VIDEO_COMMAND } from './lib/renderer-version.ts';
import { CAPTURES } from './lib/outputs.ts';
import { filmInputsHash, planFilms, type FilmPlan } from './steps/plan-films.ts';

/** One thing the command makes: a film (four files) or a capture (one file). */
export interface VideoOutput {
  name: string;
  kind: 'film' | 'capture';
  paths: string[];
  inputsHash: string;
  film?: FilmPlan;
}

/** Hashes of the recording's cast and timeline bytes (`missing` when absent). */
export function recordingHashes(root: string): Record<'cast' | 'timeline', string> {
  const read = (name: string) => {
    try {
      return hashBytes(readFileSync(join(root, DEFAULT_OUT_DIR, name)));
    } catch {
      return 'missing';
    }
  };
  return { cast: read(RECORDING_FILES.cast), timeline: read(RECORDING_FILES.timeline) };
}

/** Every output with its inputs hash; problems with the content come back as issues from planFilms. */
export function planVideoOutputs(root: string): {
  outputs: VideoOutput[];
  issues: ReturnType<typeof planFilms>['issues'];
} {
  const { films, issues } = planFilms(root);
  const recording = recordingHashes(root);
  const outputs: VideoOutput[] = films.map((film) => ({
    name: film.name,
    kind: 'film',
    paths: Object.values(film.outputs),
    inputsHash: filmInputsHash(root, film, recording),
    film,
  }));
  // The captures come from the live storyboard's recording: a checkout without one plans none.
  if (!films.some((film) => film.kind === 'storyboard')) return { outputs, issues };
  const captureHash = hashJson({ recording, renderer: rendererVersion() });
  outputs.push({
    name: 'phase30-canvas-remote-badge',
    kind: 'capture',
    paths: [CAPTURES.canvas],
    inputsHash: captureHash,
  });
  outputs.push({ name: 'phase30-registration-flow', kind: 'capture', paths: [CAPTURES.gif], inputsHash: captureHash });
  return { outputs, issues };
}

/** The generator plan the build's manifest rule compares with marketing/manifest.json. */
export const planVideo: GeneratorPlan = async (root) =>
  planVideoOutputs(root).outputs.flatMap((output) =>
    output.paths.map((path) => ({
      path,
      inputsHash: output.inputsHash,
      command: `${VIDEO_COMMAND} -- --only ${output.name}`,
    })),
  );
