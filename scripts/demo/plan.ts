import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { hashBytes, hashJson } from '../lib/hash.ts';
import { parseDemoScript } from './script/parse.ts';
import { DEFAULT_OUT_DIR } from './args.ts';
import type { GeneratorPlan } from '../lib/manifest.ts';

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

function listCode(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listCode(full) : name.endsWith('.ts') ? [full] : [];
  });
}

/** Hash of the runner's own code (every .ts under scripts/demo), so a changed runner means a stale recording. */
export function runnerCodeVersion(): string {
  const dir = import.meta.dirname;
  const files = listCode(dir).sort().map((file) => [relative(dir, file), hashBytes(readFileSync(file))]);
  return hashJson(Object.fromEntries(files));
}

/** The recording's inputs hash: the storyboard's text and the runner's code, nothing time-dependent. */
export function demoInputsHash(storyboardText: string): string {
  return hashJson({ storyboard: hashBytes(storyboardText), runner: runnerCodeVersion() });
}

/**
 * What `npm run demo` would write now and with which inputs hash, without running it: the
 * build compares these with marketing/manifest.json to flag a stale recording.
 */
export const planDemoRecording: GeneratorPlan = async (root) => {
  const { script } = parseDemoScript(root, undefined);
  if (!script) return [];
  const inputsHash = demoInputsHash(script.storyboard.text);
  return Object.values(RECORDING_FILES).map((file) => ({ path: `${DEFAULT_OUT_DIR}/${file}`, inputsHash, command: DEMO_COMMAND }));
};
