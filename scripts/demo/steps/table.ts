// The one dispatch table from step kind to runner (a missing kind fails the type check).
import { a2aCanvasStep, a2aPeerStep } from './a2a.ts';
import { canvasStep } from './canvas.ts';
import { createWorkspaceStep } from './create-workspace.ts';
import { healthStep } from './health.ts';
import { seedSecretsStep } from './seed-secrets.ts';
import { startAgentStep } from './start-agent.ts';
import { teardownStep } from './teardown.ts';
import type { DemoStepKind } from '../../../core/schemas/demo-storyboard.ts';
import type { StepRunner } from './step-runner.ts';

/** The one dispatch table: every step kind the storyboard schema allows has a runner. */
export const STEP_RUNNERS = {
  health: healthStep,
  'create-workspace': createWorkspaceStep,
  'seed-secrets': seedSecretsStep,
  'start-agent': startAgentStep,
  canvas: canvasStep,
  'a2a-canvas': a2aCanvasStep,
  'a2a-peer': a2aPeerStep,
  teardown: teardownStep,
} satisfies Record<DemoStepKind, StepRunner>;
