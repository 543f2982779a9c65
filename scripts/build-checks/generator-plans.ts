import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { GeneratorPlan } from '../lib/manifest.ts';

/** One output a generator would write now, with the inputs hash it would record. */
export interface PlannedOutput {
  generator: string;
  path: string;
  inputsHash: string;
  command: string;
}

/** Plans of every generator, plus what could not be planned. */
export interface PlanResult {
  outputs: PlannedOutput[];
  /** Generators whose plan module does not exist (yet): the stale check cannot cover their files. */
  missing: string[];
  /** Generators whose plan threw: file of the plan module and the message. */
  failures: Array<{ generator: string; file: string; message: string }>;
}

/** The repo the checker's own code lives in (plan modules are named relative to it). */
const CODE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A generator's plan module (relative to this file, or a file URL) and the name of its `GeneratorPlan` export. */
export interface GeneratorModule {
  name: string;
  module: string;
  exportName: string;
}

/** The generators that write marketing/, each with the module and export of its `GeneratorPlan`. */
export const GENERATORS: readonly GeneratorModule[] = [
  { name: 'tts', module: '../tts/plan.ts', exportName: 'planVoiceovers' },
  { name: 'assets', module: '../assets/plan.ts', exportName: 'planAssets' },
  { name: 'demo', module: '../demo/plan.ts', exportName: 'planDemoRecording' },
];

/**
 * Asks every generator what it would produce for the repo at `root`, without producing it.
 * A missing module is listed in `missing` (the CLI prints it) rather than silently skipped.
 */
export async function loadGeneratorPlans(root: string, generators: readonly GeneratorModule[] = GENERATORS): Promise<PlanResult> {
  const result: PlanResult = { outputs: [], missing: [], failures: [] };
  for (const generator of generators) {
    const url = new URL(generator.module, import.meta.url);
    const file = relative(CODE_ROOT, fileURLToPath(url));
    if (!existsSync(url)) {
      result.missing.push(`${generator.name} (${file})`);
      continue;
    }
    try {
      const module = (await import(url.href)) as Record<string, unknown>;
      const plan = module[generator.exportName] as GeneratorPlan | undefined;
      if (typeof plan !== 'function') throw new Error(`does not export ${generator.exportName}()`);
      for (const output of await plan(root)) result.outputs.push({ generator: generator.name, ...output });
    } catch (error) {
      result.failures.push({ generator: generator.name, file, message: (error as Error).message.split('\n')[0]! });
    }
  }
  return result;
}
