// Tests of the demo's staleness plan.
import { afterEach, describe, expect, test } from 'vitest';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDemoRoot } from './helpers.ts';
import { planDemoRecording } from '../../scripts/demo/plan.ts';
import { STEP_RUNNERS } from '../../scripts/demo/steps/table.ts';
import { STEP_REQUIRES, STEP_TITLES } from '../../scripts/demo/script/demo-script.ts';
import { DEMO_STEP_KINDS } from '../../core/schemas/demo-storyboard.ts';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('planDemoRecording', () => {
  test('plans the five recording files with one inputs hash that is stable between calls', async () => {
    const demo = makeDemoRoot();
    cleanup = demo.cleanup;
    const first = await planDemoRecording(demo.root);
    const second = await planDemoRecording(demo.root);
    expect(first).toEqual(second);
    expect(first.map((entry) => entry.path)).toEqual([
      'marketing/demo/phase30-walkthrough.cast',
      'marketing/demo/phase30-walkthrough.transcript.json',
      'marketing/demo/phase30-walkthrough.junit.xml',
      'marketing/demo/phase30-walkthrough.summary.md',
      'marketing/demo/phase30-walkthrough.timeline.json',
    ]);
    expect(new Set(first.map((entry) => entry.inputsHash)).size).toBe(1);
    expect(first[0]!.command).toBe('npm run demo');
  });

  test('changes the inputs hash when the storyboard changes', async () => {
    const demo = makeDemoRoot();
    cleanup = demo.cleanup;
    const file = join(demo.root, 'content', 'storyboards', 'phase30-remote-agent.mdx');
    const before = (await planDemoRecording(demo.root))[0]!.inputsHash;
    writeFileSync(file, readFileSync(file, 'utf8').replace('The platform is up', 'The platform answers'));
    expect((await planDemoRecording(demo.root))[0]!.inputsHash).not.toBe(before);
  });

  test('plans nothing when no storyboard is live', async () => {
    const demo = makeDemoRoot();
    cleanup = demo.cleanup;
    rmSync(join(demo.root, 'content', 'storyboards'), { recursive: true });
    expect(await planDemoRecording(demo.root)).toEqual([]);
  });
});

describe('the step dispatch table', () => {
  test('has a runner, a title and requirements for every step kind the schema allows, and nothing else', () => {
    expect(Object.keys(STEP_RUNNERS).sort()).toEqual([...DEMO_STEP_KINDS].sort());
    expect(Object.keys(STEP_TITLES).sort()).toEqual([...DEMO_STEP_KINDS].sort());
    expect(Object.keys(STEP_REQUIRES).sort()).toEqual([...DEMO_STEP_KINDS].sort());
  });
});
