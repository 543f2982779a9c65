// What `npm run demo` would write and with which inputs hash, for the build's staleness check.
import { join } from 'node:path';
import { DEMO_COMMAND, hashDemoInputs, RECORDING_FILES } from '../../core/demo-recording.ts';
import { parseDemoScript } from './script/parse.ts';
import { DEFAULT_OUT_DIR } from './args.ts';
import type { GeneratorPlan } from '../../core/manifest.ts';

/** The checkout this runner's code belongs to (scripts/demo/.. /..): demo runs are never bundled. */
const CODE_ROOT = join(import.meta.dirname, '../..');

/** The recording's inputs hash for this checkout's runner code. */
export function demoInputsHash(storyboardText: string): string {
  return hashDemoInputs(storyboardText, CODE_ROOT);
}

/**
 * What `npm run demo` would write now and with which inputs hash, without running it: the
 * build compares these with marketing/manifest.json to flag a stale recording.
 */
export const planDemoRecording: GeneratorPlan = async (root) => {
  const { script } = parseDemoScript(root, undefined);
  if (!script) return [];
  const inputsHash = demoInputsHash(script.storyboard.text);
  return Object.values(RECORDING_FILES).map((file) => ({
    path: `${DEFAULT_OUT_DIR}/${file}`,
    inputsHash,
    command: DEMO_COMMAND,
  }));
};
