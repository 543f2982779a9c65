// Loads every generator's staleness plan (tts, assets, demo, video) for the manifest rule.
import type { GeneratorPlan } from '../../../core/manifest.ts';
import { planVoiceovers } from '../../tts/stale-plan.ts';
import { planAssets } from '../../assets/plan.ts';
import { planDemoRecording } from '../../demo/plan.ts';
import { planVideo } from '../../video/plan.ts';

/** One output a generator would write now, with the inputs hash it would record. */
export interface PlannedOutput {
  generator: string;
  path: string;
  inputsHash: string;
  command: string;
}

/** Plans of every generator, plus the generators whose plan failed. */
export interface PlanResult {
  outputs: PlannedOutput[];
  /** Generators whose plan threw: the plan module and the message. */
  failures: Array<{ generator: string; file: string; message: string }>;
}

/** A generator that writes marketing/: its name, its plan module (for messages) and its plan. */
export interface Generator {
  name: string;
  file: string;
  plan: GeneratorPlan;
}

/** The generators that write marketing/ (voice-overs, diagrams and cards, the demo recording). */
export const GENERATORS: readonly Generator[] = [
  { name: 'tts', file: 'scripts/tts/plan.ts', plan: planVoiceovers },
  { name: 'assets', file: 'scripts/assets/plan.ts', plan: planAssets },
  { name: 'demo', file: 'scripts/demo/plan.ts', plan: planDemoRecording },
  { name: 'video', file: 'scripts/video/plan.ts', plan: planVideo },
];

/**
 * Asks every generator what it would produce for the repo at `root`, without producing it.
 * A plan that throws is reported (the stale check cannot vouch for its files) rather than skipped.
 */
export async function loadGeneratorPlans(
  root: string,
  generators: readonly Generator[] = GENERATORS,
): Promise<PlanResult> {
  const result: PlanResult = { outputs: [], failures: [] };
  for (const generator of generators) {
    try {
      for (const output of await generator.plan(root)) result.outputs.push({ generator: generator.name, ...output });
    } catch (error) {
      result.failures.push({
        generator: generator.name,
        file: generator.file,
        message: (error as Error).message.split('\n')[0]!,
      });
    }
  }
  return result;
}
