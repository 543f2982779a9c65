// Runs the storyboard's moments and steps in order through the dispatch table, recording each.
import { setTimeout as sleep } from 'node:timers/promises';
import { DemoStepError } from './errors.ts';
import { showFailure, showMomentHeading } from './present.ts';
import { createStepRecord, type MomentSpan } from '../../core/demo-run-record.ts';
import { STEP_TITLES, type DemoScript, type ScriptStep } from './script/demo-script.ts';
import { STEP_RUNNERS } from './steps/table.ts';
import { paint } from './terminal.ts';
import type { DemoStepKind } from '../../core/schemas/demo-storyboard.ts';
import type { DemoSession } from './session.ts';

/** The step that stopped the run: the record's kind (a hidden setup step, or the step itself) and the storyboard step. */
export interface StepFailure {
  kind: string;
  at: ScriptStep | undefined;
  error: DemoStepError;
}

function asStepError(error: unknown): DemoStepError {
  if (error instanceof DemoStepError) return error;
  return new DemoStepError(`unexpected runner error: ${(error as Error).message}`, {
    hint: 'this is a bug in the demo runner; the transcript has the steps so far',
  });
}

async function runStep(session: DemoSession, kind: DemoStepKind, momentId: string): Promise<StepFailure | undefined> {
  const { terminal } = session;
  const runner = STEP_RUNNERS[kind];
  // Hidden setup belongs to the moment of the step it prepares.
  session.current = createStepRecord(`setup: ${kind}`, 'Setup', momentId, true, session.clock());
  try {
    await runner.setup?.(session);
  } catch (error) {
    const failedKind = session.steps.at(-1)?.hidden ? session.steps.at(-1)!.kind : kind;
    const stepError = asStepError(error);
    showFailure(terminal, failedKind, stepError);
    return { kind: failedKind, at: undefined, error: stepError };
  }
  const step = createStepRecord(kind, STEP_TITLES[kind], momentId, false, session.clock());
  session.steps.push(step);
  session.current = step;
  step.castStart = terminal.elapsed();
  terminal.line(paint.cyan(`── ${kind} · ${STEP_TITLES[kind]}`));
  try {
    await runner.run(session);
    return undefined;
  } catch (error) {
    const stepError = asStepError(error);
    step.status = 'failed';
    step.error = {
      message: stepError.message,
      status: stepError.status,
      bodyExcerpt: stepError.bodyExcerpt,
      hint: stepError.hint,
    };
    showFailure(terminal, kind, stepError);
    return { kind, at: undefined, error: stepError };
  } finally {
    step.durationMs = session.clock() - step.startMs;
    step.castEnd = terminal.elapsed();
  }
}

/**
 * Runs the storyboard moment by moment: a cast marker and a heading per moment, a reading pause
 * between moments, then each step through the dispatch table. Stops at the first failure and
 * records the steps that did not run as skipped. Returns the moments' cast spans and the failure.
 */
export async function runMoments(
  session: DemoSession,
  script: DemoScript,
): Promise<{ moments: MomentSpan[]; failure: StepFailure | undefined }> {
  const { terminal, timings } = session;
  const moments: MomentSpan[] = [];
  let failure: StepFailure | undefined;
  for (const [index, moment] of script.moments.entries()) {
    if (index > 0 && timings.momentPauseMs > 0) {
      await sleep(timings.momentPauseMs, undefined, { signal: session.signal }).catch(() => undefined);
      if (session.signal.aborted) {
        const error = asStepError(session.signal.reason);
        showFailure(terminal, 'run', error);
        failure = { kind: 'run', at: script.steps.find((step) => step.moment === moment.id), error };
        break;
      }
    }
    const start = terminal.marker(moment.title);
    const span: MomentSpan = {
      id: moment.id,
      title: moment.title,
      steps: [...moment.steps],
      start,
      end: start,
      storyboardStart: moment.start,
      storyboardEnd: moment.end,
    };
    moments.push(span);
    showMomentHeading(terminal, index + 1, script.moments.length, moment.title);
    for (const kind of moment.steps) {
      failure = await runStep(session, kind, moment.id);
      if (failure) {
        failure.at = script.steps.find((step) => step.kind === kind);
        break;
      }
    }
    span.end = terminal.elapsed();
    if (failure) break;
  }
  if (failure) {
    for (const step of script.steps) {
      if (!session.steps.some((record) => record.kind === step.kind))
        session.steps.push({
          ...createStepRecord(step.kind, STEP_TITLES[step.kind], step.moment, false, session.clock()),
          status: 'skipped',
        });
    }
  }
  return { moments, failure };
}
