import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeFilm, FPS, type ComposeInputs } from '../../scripts/video/scenes/compose-film.ts';
import { canvasPage } from '../../scripts/video/scenes/canvas-html.ts';
import { canvasStateAt } from '../../scripts/video/scenes/canvas-state.ts';
import { replayCast } from '../../scripts/video/scenes/terminal-screens.ts';
import { encodeFilm } from '../../scripts/video/lib/encode.ts';
import { probeMedia } from '../../scripts/video/lib/probe.ts';
import { readRecording, type Recording } from '../../scripts/video/lib/recording.ts';
import { openStillBrowser, type StillBrowser } from '../../scripts/video/lib/still-browser.ts';
import { planFilms, type FilmPlan } from '../../scripts/video/steps/plan-films.ts';
import type { Narration } from '../../scripts/video/lib/narration.ts';

const REPO = join(import.meta.dirname, '..', '..');
const WORDS = {
  badge: '★ REMOTE',
  brand: 'Molecule AI',
  product: 'Phase 30 · Remote Workspaces',
  guideUrl: 'https://moleculesai.app/guides/remote-workspaces/',
  canvasTitle: 'Canvas view',
  terminalTitle: 'terminal',
};

let browser: StillBrowser;
let recording: Recording;
let board: FilmPlan;
let work: string;

/** A two-segment film of the real recording: the first moment's terminal (2 s), then the canvas moment (2 s). */
function shortFilm(): FilmPlan {
  const [first, , canvas] = board.segments;
  return {
    ...board,
    segments: [
      { ...first!, scenes: ['terminal'] },
      { ...canvas!, scenes: ['canvas'], index: 1 },
    ],
  };
}

function narrationOf(seconds: number[], audio: string): Narration {
  let start = 0;
  const spans = seconds.map((length) => ({ text: '', start, end: (start += length), cues: [] }));
  return { id: 'test', file: 'test.md', audio, captions: '', totalSeconds: start, spans, cues: [] };
}

async function rawPixels(input: string | Buffer): Promise<Buffer> {
  return sharp(input).removeAlpha().resize(480, 270).raw().toBuffer();
}

function meanDifference(a: Buffer, b: Buffer): number {
  let total = 0;
  for (let index = 0; index < a.length; index++) total += Math.abs(a[index]! - b[index]!);
  return total / a.length;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'video-test-'));
  browser = await openStillBrowser(process.env);
  recording = await readRecording(REPO);
  board = planFilms(REPO).films.find((film) => film.kind === 'storyboard')!;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('a film rendered from a short timeline', () => {
  it('has the streams and length of its scenes, and each scene starts where its timeline says', async () => {
    const audio = join(work, 'tone.mp3');
    await execa('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=4', audio]);
    const screens = await replayCast(recording.events, recording.size, 0);
    const inputs: ComposeInputs = {
      recording,
      screens,
      narration: narrationOf([2, 2], audio),
      words: WORDS,
      diagramSvg: undefined,
    };
    const { film, issues } = composeFilm(shortFilm(), inputs);
    expect(issues).toEqual([]);
    const rendered = new Map<string, string>();
    for (const [key, html] of film!.stills) {
      const png = join(work, `${key}.png`);
      await browser.renderStill(html, png);
      rendered.set(key, png);
    }
    const out = join(work, 'film.mp4');
    await encodeFilm({
      shots: film!.shots.map((shot) => ({ png: rendered.get(shot.key)!, frames: shot.frames })),
      audio,
      chapters: film!.segments.map((segment) => ({
        title: segment.title,
        start: segment.startFrame / FPS,
        end: (segment.startFrame + segment.frames) / FPS,
      })),
      title: 'test',
      out,
      workDir: work,
    });
    const probe = await probeMedia(out);
    expect(probe.video).toMatchObject({ codec: 'h264', width: 1920, height: 1080, pixFmt: 'yuv420p', fps: 30 });
    expect(probe.audio?.codec).toBe('aac');
    const sceneFrames = film!.scenes.reduce((sum, scene) => sum + scene.frames, 0);
    expect(sceneFrames).toBe(film!.totalFrames);
    expect(probe.durationSeconds).toBeCloseTo(sceneFrames / FPS, 1);
    expect(probe.chapters.map((chapter) => chapter.start)).toEqual([0, 2]);

    // Each scene starts with a shot on its first frame, and that frame shows the shot's still.
    let cursor = 0;
    const shotStarts = film!.shots.map((shot) => ((cursor += shot.frames), cursor - shot.frames));
    for (const scene of film!.scenes) {
      const index = shotStarts.indexOf(scene.startFrame);
      expect(index).toBeGreaterThanOrEqual(0);
      const { stdout } = await execa(
        'ffmpeg',
        [
          '-v',
          'error',
          '-i',
          out,
          '-vf',
          `select=eq(n\\,${scene.startFrame + 1})`,
          '-frames:v',
          '1',
          '-f',
          'image2pipe',
          '-vcodec',
          'png',
          '-',
        ],
        { encoding: 'buffer' },
      );
      expect(
        meanDifference(await rawPixels(Buffer.from(stdout)), await rawPixels(rendered.get(film!.shots[index]!.key)!)),
      ).toBeLessThan(3);
    }
  }, 120_000);

  it('shows, inside the canvas moment, exactly what the canvas view renders for that state', async () => {
    const audio = join(work, 'tone2.mp3');
    await execa('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=330:duration=3', audio]);
    const [, , canvas] = board.segments;
    const plan: FilmPlan = { ...board, segments: [{ ...canvas!, scenes: ['canvas'], index: 0 }] };
    const { film } = composeFilm(plan, {
      recording,
      screens: [],
      narration: narrationOf([3], audio),
      words: WORDS,
      diagramSvg: undefined,
    });
    const rendered = new Map<string, string>();
    for (const [key, html] of film!.stills) {
      const png = join(work, `c-${key}.png`);
      await browser.renderStill(html, png);
      rendered.set(key, png);
    }
    const out = join(work, 'canvas.mp4');
    await encodeFilm({
      shots: film!.shots.map((shot) => ({ png: rendered.get(shot.key)!, frames: shot.frames })),
      audio,
      chapters: [],
      title: 'canvas',
      out,
      workDir: work,
    });
    const moment = recording.moments.find((candidate) => candidate.id === canvas!.id)!;
    const next = recording.moments[recording.moments.indexOf(moment) + 1]!;
    // The last state of the moment (after the hydrate) is on screen for the film's final frames.
    const expected = join(work, 'expected.png');
    await browser.renderStill(
      canvasPage(canvasStateAt(recording.canvas, recording.sent, next.start - 1e-6), {
        badge: WORDS.badge,
        title: WORDS.canvasTitle,
      }),
      expected,
    );
    const { stdout } = await execa(
      'ffmpeg',
      ['-v', 'error', '-sseof', '-0.2', '-i', out, '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'png', '-'],
      { encoding: 'buffer' },
    );
    expect(meanDifference(await rawPixels(Buffer.from(stdout)), await rawPixels(expected))).toBeLessThan(3);
    const other = join(work, 'other.png');
    await browser.renderStill(
      canvasPage(canvasStateAt(recording.canvas, recording.sent, recording.duration), {
        badge: WORDS.badge,
        title: WORDS.canvasTitle,
      }),
      other,
    );
    expect(meanDifference(await rawPixels(Buffer.from(stdout)), await rawPixels(other))).toBeGreaterThan(3);
  }, 120_000);
});

describe('bad timelines', () => {
  it("reports a moment without a narration paragraph at the moment's line", async () => {
    const { issues } = composeFilm(board, {
      recording,
      screens: [],
      narration: narrationOf([5, 5], 'x.mp3'),
      words: WORDS,
      diagramSvg: undefined,
    });
    const third = board.segments[2]!;
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: 'content/storyboards/phase30-remote-agent.mdx',
        line: third.at.segment.line,
        rule: 'video-narration',
      }),
    );
  });

  it("reports a storyboard step that the recording does not contain at the step's line", () => {
    const plan: FilmPlan = {
      ...board,
      segments: board.segments.map((segment, index) => (index === 2 ? { ...segment, steps: ['a2a-peer'] } : segment)),
    };
    const { issues } = composeFilm(plan, {
      recording,
      screens: [],
      narration: narrationOf([1, 1, 1, 1, 1], 'x.mp3'),
      words: WORDS,
      diagramSvg: undefined,
    });
    expect(issues).toEqual([
      expect.objectContaining({
        line: board.segments[2]!.at.steps[0]!.line,
        rule: 'video-recording',
        message: expect.stringContaining('"a2a-peer"'),
      }),
    ]);
  });
});
