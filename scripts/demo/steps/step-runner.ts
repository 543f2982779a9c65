// The signature every step runner has.
import type { DemoSession } from '../session.ts';

/**
 * How one storyboard step runs. `setup` runs first as hidden steps (recorded in the transcript
 * and JUnit, never shown in the cast); `run` is what the audience sees.
 */
export interface StepRunner {
  setup?: (session: DemoSession) => Promise<void>;
  run: (session: DemoSession) => Promise<void>;
}
