// The validated demo script: moments, steps, their titles and what each step needs first.
import type { DemoStepKind } from '../../../core/schemas/demo-storyboard.ts';

/** What each step needs to have run before it. */
export const STEP_REQUIRES: Record<DemoStepKind, readonly DemoStepKind[]> = {
  health: [],
  'create-workspace': [],
  'seed-secrets': ['create-workspace'],
  'start-agent': ['create-workspace'],
  canvas: ['start-agent'],
  'a2a-canvas': ['start-agent'],
  'a2a-peer': ['start-agent'],
  teardown: ['start-agent'],
};

/** How each step is titled in the terminal, the step table and JUnit. */
export const STEP_TITLES: Record<DemoStepKind, string> = {
  health: 'Health check of the platform',
  'create-workspace': 'Create the external workspace',
  'seed-secrets': 'Seed the workspace secrets',
  'start-agent': 'Start the remote agent as its own process',
  canvas: 'What the canvas sees',
  'a2a-canvas': 'A2A task from the canvas',
  'a2a-peer': 'A2A task from the parent PM workspace',
  teardown: 'Teardown: pause, the agent exits, delete',
};

/** One step to run, with where the storyboard lists it. */
export interface ScriptStep {
  kind: DemoStepKind;
  moment: string;
  /** 1-based line and column of the step in the storyboard file. */
  line: number;
  column: number;
}

/** A storyboard moment, with the timecodes of the edited video (seconds). */
export interface ScriptMoment {
  id: string;
  title: string;
  start: number;
  end: number;
  steps: DemoStepKind[];
}

/** The whole demo, parsed and validated before anything runs. */
export interface DemoScript {
  storyboard: { id: string; file: string; title: string; text: string };
  moments: ScriptMoment[];
  steps: ScriptStep[];
}
