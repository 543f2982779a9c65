// Bench: the whole --fast walkthrough on the stand-in, and its timeline spans against the cast's timestamps.
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { parseCast } from '../scripts/demo/record/asciicast.ts';
import { RECORDING_FILES } from '../core/demo-recording.ts';
import type { CastEvent } from '../scripts/demo/terminal.ts';

/** The target for the whole `--fast` walkthrough, process start to exit. */
export const TARGET_SECONDS = 20;
const REPO = fileURLToPath(new URL('..', import.meta.url));

interface TimelineFile {
  duration: number;
  moments: Array<{
    id: string;
    title: string;
    start: number;
    end: number;
    steps: Array<{ kind: string; start: number; end: number }>;
  }>;
}

/** Every way the timeline disagrees with the cast it describes (empty when they agree). */
function compareTimeline(timeline: TimelineFile, events: CastEvent[]): string[] {
  const problems: string[] = [];
  const markers = events.filter((event) => event.kind === 'm');
  const last = events.at(-1)?.time ?? 0;
  if (markers.length !== timeline.moments.length)
    problems.push(`${markers.length} cast markers for ${timeline.moments.length} moments`);
  timeline.moments.forEach((moment, index) => {
    const marker = markers[index];
    if (!marker || marker.time !== moment.start || marker.data !== moment.title)
      problems.push(`${moment.id}: starts at ${moment.start}, its cast marker is ${JSON.stringify(marker)}`);
    if (moment.end < moment.start || moment.end > last)
      problems.push(`${moment.id}: span ${moment.start}–${moment.end} is outside the cast (0–${last})`);
    const next = timeline.moments[index + 1];
    if (next && moment.end > next.start) problems.push(`${moment.id}: overlaps ${next.id}`);
    for (const step of moment.steps) {
      if (step.start < moment.start || step.end > moment.end)
        problems.push(`${step.kind}: span ${step.start}–${step.end} leaves ${moment.id}`);
      const heading = events.find((event) => event.kind === 'o' && event.data.includes(`── ${step.kind} ·`));
      if (!heading || heading.time < step.start || heading.time > step.end)
        problems.push(`${step.kind}: its heading is not printed inside its span`);
    }
  });
  if (Math.abs(timeline.duration - last) > 1e-6)
    problems.push(`timeline duration ${timeline.duration} differs from the cast's last event ${last}`);
  return problems;
}

/**
 * The whole `npm run demo -- --fast` walkthrough against the embedded stand-in, as a real
 * process on a copy of the storyboards (the repo's recording is never touched): wall time
 * against the 20 s target, and a check that every timeline span agrees with the cast's times.
 */
export async function run(): Promise<{
  name: string;
  seconds: number;
  target: number;
  ratio: number;
  moments: number;
  passed: boolean;
}> {
  const root = await mkdtemp(join(tmpdir(), 'demo-bench-'));
  try {
    await cp(join(REPO, 'content/storyboards'), join(root, 'content/storyboards'), { recursive: true });
    await cp(join(REPO, 'content/facts.yaml'), join(root, 'content/facts.yaml'));
    await mkdir(join(root, 'tokens'));
    const started = performance.now();
    const result = await execa(
      join(REPO, 'node_modules/.bin/node'),
      [join(REPO, 'scripts/demo/cli.ts'), '--fast', '--out', 'out'],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          MOLECULE_TOKEN_DIR: join(root, 'tokens'),
          NO_COLOR: '1',
        },
        extendEnv: false,
        reject: false,
        all: true,
      },
    );
    const seconds = (performance.now() - started) / 1000;
    if (result.exitCode !== 0)
      throw new Error(`npm run demo -- --fast exited ${result.exitCode}:\n${String(result.all).slice(-3000)}`);
    const cast = parseCast(await readFile(join(root, 'out', RECORDING_FILES.cast), 'utf8'));
    const timeline = JSON.parse(await readFile(join(root, 'out', RECORDING_FILES.timeline), 'utf8')) as TimelineFile;
    const problems = compareTimeline(timeline, cast.events);
    if (problems.length > 0) throw new Error(`the timeline disagrees with the cast:\n${problems.join('\n')}`);
    const ratio = seconds / TARGET_SECONDS;
    const passed = seconds < TARGET_SECONDS;
    const steps = timeline.moments.reduce((count, moment) => count + moment.steps.length, 0);
    console.log(
      `demo: --fast walkthrough against the stand-in in ${seconds.toFixed(2)} s wall, process start to exit (cast ${cast.events.at(-1)?.time.toFixed(2)} s)`,
    );
    console.log(
      `demo: ${ratio.toFixed(2)}× the ${TARGET_SECONDS} s target ${passed ? 'ok' : 'BELOW TARGET'}; timeline: ${timeline.moments.length} moments and ${steps} steps agree with the cast's times`,
    );
    return {
      name: 'demo: --fast walkthrough',
      seconds: Math.round(seconds * 100) / 100,
      target: TARGET_SECONDS,
      ratio: Math.round(ratio * 100) / 100,
      moments: timeline.moments.length,
      passed,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
