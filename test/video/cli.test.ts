import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { timecodeCheck } from '../../scripts/build-checks/checks/timecode.ts';
import { collectSources } from '../../scripts/build-checks/steps/collect.ts';
import { createRunState, runChecks } from '../../scripts/build-checks/steps/run-checks.ts';
import { probeMedia } from '../../scripts/video/lib/probe.ts';

const REPO = join(import.meta.dirname, '..', '..');
const NODE = join(REPO, 'node_modules', '.bin', 'node');
const CLI = join(REPO, 'scripts', 'video', 'cli.ts');
const roots: string[] = [];

/** A throwaway checkout: the real content, audio, diagram, recording and manifest (no films). */
function makeRoot(options: { recording?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'video-root-'));
  roots.push(root);
  cpSync(join(REPO, 'content'), join(root, 'content'), { recursive: true });
  mkdirSync(join(root, 'marketing', 'assets'), { recursive: true });
  cpSync(join(REPO, 'marketing', 'audio'), join(root, 'marketing', 'audio'), { recursive: true });
  cpSync(
    join(REPO, 'marketing', 'assets', 'phase30-fleet-diagram.svg'),
    join(root, 'marketing', 'assets', 'phase30-fleet-diagram.svg'),
  );
  cpSync(join(REPO, 'marketing', 'manifest.json'), join(root, 'marketing', 'manifest.json'));
  if (options.recording !== false)
    cpSync(join(REPO, 'marketing', 'demo'), join(root, 'marketing', 'demo'), { recursive: true });
  return root;
}

function video(cwd: string, args: string[], env: Record<string, string> = {}) {
  return execa(NODE, [CLI, ...args], {
    cwd,
    reject: false,
    all: true,
    extendEnv: false,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
  });
}

afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('npm run video', () => {
  it('renders nothing on a rerun with nothing changed, and --check passes', async () => {
    const rerun = await video(REPO, []);
    expect(rerun.exitCode).toBe(0);
    expect(rerun.stdout).toMatch(/video: 0 rendered, 4 up to date/);
    const check = await video(REPO, ['--check']);
    expect(check.exitCode).toBe(0);
  }, 60_000);

  it('says to run npm run demo when there is no recording', async () => {
    const result = await video(makeRoot({ recording: false }), ['--only', 'walkthrough']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(
      'marketing/demo/phase30-walkthrough.cast [video-recording] no usable demo recording',
    );
    expect(result.stderr).toContain('run `npm run demo` first');
  }, 60_000);

  it('calls a recording older than its storyboard stale, naming both', async () => {
    const root = makeRoot();
    const board = join(root, 'content', 'storyboards', 'phase30-remote-agent.mdx');
    writeFileSync(board, readFileSync(board, 'utf8').replace('The purple badge', 'The purple REMOTE badge'));
    const result = await video(root, ['--only', 'walkthrough']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(
      /older than content\/storyboards\/phase30-remote-agent\.mdx .*marketing\/demo\/phase30-walkthrough\.cast is stale/,
    );
  }, 60_000);

  it('says to run npm run setup when Chromium or ffmpeg is missing, and leaves no output or temp folder', async () => {
    const root = makeRoot();
    const noBrowser = await video(root, ['--force', '--only', 'canvas-remote-badge'], {
      CHROME_PATH: join(root, 'no-chromium'),
    });
    expect(noBrowser.exitCode).toBe(1);
    expect(noBrowser.stderr).toMatch(/chromium \[video-tool\] .*run `npm run setup`/);
    const noFfmpeg = await video(root, ['--only', 'walkthrough'], { PATH: join(root, 'empty-bin') });
    expect(noFfmpeg.exitCode).toBe(1);
    expect(noFfmpeg.stderr).toMatch(
      /ffmpeg \[video-tool\] ffprobe is not installed \(not on PATH\) — run `npm run setup`/,
    );
    expect(() => readFileSync(join(root, 'marketing', 'assets', 'phase30-canvas-remote-badge.png'))).toThrow();
    const manifest = JSON.parse(readFileSync(join(root, 'marketing', 'manifest.json'), 'utf8')) as {
      entries: Record<string, unknown>;
    };
    expect(manifest).toEqual(JSON.parse(readFileSync(join(REPO, 'marketing', 'manifest.json'), 'utf8')));
    const stage = await execa('find', [join(root, '.cache', 'stage'), '-mindepth', '1'], { reject: false });
    expect(String(stage.stdout)).toBe('');
  }, 60_000);

  it('rejects an --only that names nothing, as a usage error', async () => {
    const result = await video(REPO, ['--only', 'walkthru', '--check']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--only [usage] nothing is called "walkthru"');
  }, 30_000);
});

describe('the committed films and captures', () => {
  it('keep the GIF a 10 fps loop of about 10 s under 2 MB', async () => {
    const probe = await probeMedia(join(REPO, 'marketing', 'assets', 'phase30-registration-flow.gif'));
    expect(probe.video?.fps).toBe(10);
    expect(probe.durationSeconds).toBeGreaterThan(9);
    expect(probe.durationSeconds).toBeLessThan(11);
    expect(readFileSync(join(REPO, 'marketing', 'assets', 'phase30-registration-flow.gif')).length).toBeLessThanOrEqual(
      2 * 1024 * 1024,
    );
  });

  it('last as long as their measured timeline, with a chapter per segment', async () => {
    for (const name of ['phase30-walkthrough', 'phase30-launch-video']) {
      const timeline = JSON.parse(readFileSync(join(REPO, 'marketing', 'video', `${name}.timeline.json`), 'utf8')) as {
        frames: number;
        segments: Array<{ start: number }>;
        scenes: Array<{ start: number; end: number }>;
      };
      const probe = await probeMedia(join(REPO, 'marketing', 'video', `${name}.mp4`));
      expect(probe.durationSeconds).toBeCloseTo(timeline.frames / 30, 1);
      expect(timeline.scenes.reduce((sum, scene) => sum + (scene.end - scene.start), 0)).toBeCloseTo(
        timeline.frames / 30,
        1,
      );
      expect(probe.chapters.map((chapter) => Math.round(chapter.start * 10) / 10)).toEqual(
        timeline.segments.map((segment) => Math.round(segment.start * 10) / 10),
      );
      expect(probe.video).toMatchObject({ codec: 'h264', width: 1920, height: 1080, pixFmt: 'yuv420p', fps: 30 });
      expect(probe.audio?.codec).toBe('aac');
    }
  });
});

describe('the timecode rule', () => {
  it('fails a hand-edited act timecode at its line and column', async () => {
    const root = makeRoot({ recording: false });
    cpSync(join(REPO, 'marketing', 'video'), join(root, 'marketing', 'video'), {
      recursive: true,
      filter: (path) => !path.endsWith('.mp4'),
    });
    const file = join(root, 'content', 'video', 'phase30-launch-video.mdx');
    const text = readFileSync(file, 'utf8');
    const sources = await collectSources(root, { generators: [] });
    const clean = await runChecks([timecodeCheck], 'source', sources, { external: false }, createRunState());
    expect(clean.issues).toEqual([]);
    // The first act's stated end, as the content has it now (retimed to the film), pushed 3 s later by hand.
    const stated = /^ {4}end: "(\d+):(\d+(?:\.\d+)?)"$/m.exec(text)!;
    const statedSeconds = Number(stated[1]) * 60 + Number(stated[2]);
    const wrong = `0:${String(Math.floor(statedSeconds + 3)).padStart(2, '0')}`;
    const edited = text.replace(stated[0], `    end: "${wrong}"`);
    writeFileSync(file, edited);
    const line = edited.split('\n').findIndex((candidate) => candidate === `    end: "${wrong}"`) + 1;
    const run = await runChecks(
      [timecodeCheck],
      'source',
      await collectSources(root, { generators: [] }),
      { external: false },
      createRunState(),
    );
    expect(run.issues).toEqual([
      expect.objectContaining({
        file: 'content/video/phase30-launch-video.mdx',
        line,
        column: 10,
        rule: 'timecode',
        message: expect.stringMatching(new RegExp(`end ${wrong} is \\d+\\.\\d s after the rendered film's `)),
      }),
    ]);
  }, 60_000);
});
