// The demo recording's file names and its inputs hash (storyboard text + the runner's code under scripts/demo).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashBytes, hashJson } from './hash.ts';
import { listFiles } from './list-files.ts';

/** Where `npm run demo` writes its recording unless `--out` says otherwise. */
export const DEMO_RECORDING_DIR = 'marketing/demo';
/** File name stem of every recording file. */
export const RECORDING_BASENAME = 'phase30-walkthrough';
/** The recording files, by role. */
export const RECORDING_FILES = {
  cast: `${RECORDING_BASENAME}.cast`,
  transcript: `${RECORDING_BASENAME}.transcript.json`,
  junit: `${RECORDING_BASENAME}.junit.xml`,
  summary: `${RECORDING_BASENAME}.summary.md`,
  timeline: `${RECORDING_BASENAME}.timeline.json`,
} as const;
/** The command that regenerates the recording. */
export const DEMO_COMMAND = 'npm run demo';
/** The runner's code, repo-relative: a change here makes the recording stale. */
export const DEMO_RUNNER_DIR = 'scripts/demo';

/**
 * Hash of every `.ts` file under `<codeRoot>/scripts/demo`, keyed by its path inside that folder.
 * It takes the checkout's root rather than a module's own folder, so the bundled site (whose
 * modules live in a build folder) computes the same hash as the demo and the build checks.
 */
export function hashDemoRunnerCode(codeRoot: string): string {
  const dir = join(codeRoot, DEMO_RUNNER_DIR);
  const files = listFiles(dir, { patterns: ['**/*.ts'], dot: true }).map((file) => [
    file,
    hashBytes(readFileSync(join(dir, file))),
  ]);
  return hashJson(Object.fromEntries(files));
}

// A moment's stated `start:`/`end:` timecodes describe the film, not the run: the timecode rule checks them
// against the rendered film, so correcting one must not make the recording stale.
const STATED_TIMECODE = /^(\s*(?:start|end):\s*)["']?\d+:\d+(?:\.\d+)?["']?[ \t]*$/gm;

/** The recording's inputs hash: the storyboard's text (less its stated timecodes) and the runner's code, nothing time-dependent. */
export function hashDemoInputs(storyboardText: string, codeRoot: string): string {
  return hashJson({
    storyboard: hashBytes(storyboardText.replace(STATED_TIMECODE, '$1')),
    runner: hashDemoRunnerCode(codeRoot),
  });
}
