// Reads the live storyboard into a validated demo script, every problem located.
import { readContent, type ContentFile } from '../../../core/content-files.ts';
import { createLocator } from '../../../core/source-location.ts';
import { DEMO_STEP_KINDS, type DemoStepKind, type DemoStoryboard } from '../../../core/schemas/demo-storyboard.ts';
import { STEP_REQUIRES, type DemoScript, type ScriptStep } from './demo-script.ts';
import type { Issue } from '../../../core/issue.ts';

/** Where storyboards live, for messages when there is none. */
export const STORYBOARD_DIR = 'content/storyboards';

function pickStoryboard(files: ContentFile[], wanted: string | undefined): { file?: ContentFile; issues: Issue[] } {
  const at = (file: string, message: string, hint: string): Issue => ({
    file,
    line: 1,
    column: 1,
    rule: 'demo',
    severity: 'error',
    message,
    hint,
  });
  if (wanted) {
    const file = files.find((candidate) => candidate.id === wanted || candidate.id === `storyboards/${wanted}`);
    if (!file)
      return {
        issues: [
          at(
            STORYBOARD_DIR,
            `no storyboard "${wanted}"`,
            `known: ${files.map((candidate) => candidate.id).join(', ') || 'none'}`,
          ),
        ],
      };
    return { file, issues: [] };
  }
  const live = files.filter((file) => (file.data as DemoStoryboard | undefined)?.live === true);
  if (live.length === 1) return { file: live[0], issues: [] };
  if (live.length === 0) {
    const invalid = files.some((file) => file.issues.length > 0);
    return {
      issues: invalid
        ? []
        : [
            at(
              STORYBOARD_DIR,
              'no storyboard has `live: true`, so the demo has no script',
              'add `live: true` to the storyboard npm run demo should drive',
            ),
          ],
    };
  }
  return {
    issues: [
      at(
        live[1]!.file,
        `several storyboards have \`live: true\` (${live.map((file) => file.id).join(', ')})`,
        'choose one with --storyboard <id>',
      ),
    ],
  };
}

/**
 * Reads the live storyboard and turns it into a validated step list: every problem (schema,
 * unknown or repeated step, a step before the one it needs, teardown not last) is reported at
 * its line and column, and nothing runs unless the list is clean. Kinds the storyboard does
 * not list are warnings: those steps are simply not part of the demo.
 */
export function parseDemoScript(root: string, wanted: string | undefined): { script?: DemoScript; issues: Issue[] } {
  const files = readContent(root, ['storyboards']);
  const { file, issues } = pickStoryboard(files, wanted);
  if (!file) return { issues: [...files.flatMap((candidate) => candidate.issues), ...issues] };
  if (!file.data) return { issues: file.issues };
  const board = file.data as DemoStoryboard;
  const locate = createLocator(file.text);
  const steps: ScriptStep[] = [];
  const problem = (path: (string | number)[], message: string, hint: string, severity: Issue['severity'] = 'error') => {
    const { line, column } = locate(file.offsetOf(path) ?? 0);
    issues.push({ file: file.file, line, column, rule: 'demo', severity, message, hint });
  };
  board.moments.forEach((moment, momentIndex) => {
    moment.steps.forEach((kind, stepIndex) => {
      const path = ['moments', momentIndex, 'steps', stepIndex];
      if (steps.some((step) => step.kind === kind))
        return problem(path, `step "${kind}" is listed twice`, 'each step runs once; keep it in one moment');
      const missing = STEP_REQUIRES[kind].filter((needed) => !steps.some((step) => step.kind === needed));
      for (const needed of missing)
        problem(path, `step "${kind}" comes before "${needed}", which it needs`, `move "${kind}" after "${needed}"`);
      const { line, column } = locate(file.offsetOf(path) ?? 0);
      steps.push({ kind, moment: moment.id, line, column });
    });
  });
  // Judged on the steps as listed (repeats included): nothing may be written after teardown.
  const listed = board.moments.flatMap((moment, momentIndex) =>
    moment.steps.map((kind, stepIndex) => ({ kind, path: ['moments', momentIndex, 'steps', stepIndex] })),
  );
  const teardown = listed.findIndex((entry) => entry.kind === 'teardown');
  if (teardown >= 0 && teardown !== listed.length - 1)
    problem(listed[teardown]!.path, 'step "teardown" must be the last step', 'move it to the end of the last moment');
  if (steps.length === 0)
    problem(
      ['moments'],
      'the live storyboard lists no steps, so the demo would show nothing',
      `list steps from: ${DEMO_STEP_KINDS.join(', ')}`,
    );
  const unused = DEMO_STEP_KINDS.filter((kind: DemoStepKind) => !steps.some((step) => step.kind === kind));
  if (steps.length > 0 && unused.length > 0)
    problem(
      ['moments'],
      `steps not in any moment will not run: ${unused.join(', ')}`,
      "add them to a moment's steps if the demo should show them",
      'warning',
    );
  if (issues.some((issue) => issue.severity === 'error')) return { issues };
  return {
    issues,
    script: {
      storyboard: {
        id: file.id,
        file: file.file,
        title: String((file.data as { title?: unknown }).title ?? file.id),
        text: file.text,
      },
      moments: board.moments.map((moment) => ({
        id: moment.id,
        title: moment.title,
        start: moment.start,
        end: moment.end,
        steps: moment.steps,
      })),
      steps,
    },
  };
}
