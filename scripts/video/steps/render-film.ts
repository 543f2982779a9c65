// Renders one film: narration spans, composed stills (one PNG each), ffmpeg assembly, captions, poster, measured timeline.
import type { FilmTimeline } from '../../../core/film-timeline.ts';
import { copyFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashFile } from '../../../core/hash.ts';
import type { Issue } from '../../../core/issue.ts';
import type { ManifestEntry } from '../../../core/manifest.ts';
import type { FileStage } from '../../lib/staged-output.ts';
import { composeFilm, FPS, type ComposeInputs } from '../scenes/compose-film.ts';
import { encodeFilm } from '../lib/encode.ts';
import { readNarration } from '../lib/narration.ts';
import { probeMedia } from '../lib/probe.ts';
import { shiftCaptions } from '../lib/vtt.ts';
import { VIDEO_COMMAND } from '../lib/renderer-version.ts';
import type { StillBrowser } from '../lib/still-browser.ts';
import type { FilmPlan } from './plan-films.ts';

/** Version of the `<film>.timeline.json` layout. */
export const FILM_TIMELINE_VERSION = 1;

/** What a render needs from the run. */
export interface RenderContext {
  root: string;
  browser: StillBrowser;
  stage: FileStage;
  workDir: string;
  signal: AbortSignal;
  log: (line: string) => void;
  /** Stills already rendered in this run (key → PNG path), shared between films and captures. */
  rendered: Map<string, string>;
  /** The poster still of a film (its key frame with the film's title). */
  posterFor: (film: FilmPlan) => string;
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** Renders every still not rendered yet; returns key → PNG path. */
export async function renderStills(
  stills: Map<string, string>,
  context: Pick<RenderContext, 'browser' | 'workDir' | 'rendered' | 'signal'>,
): Promise<number> {
  let count = 0;
  for (const [key, html] of stills) {
    context.signal.throwIfAborted();
    if (context.rendered.has(key)) continue;
    const png = join(context.workDir, `${key}.png`);
    await context.browser.renderStill(html, png);
    context.rendered.set(key, png);
    count++;
  }
  return count;
}

/** Renders the film into the stage and returns its manifest entries, or the issues that stopped it. */
export async function renderFilm(
  film: FilmPlan,
  inputs: Omit<ComposeInputs, 'narration'>,
  inputsHash: string,
  draft: boolean,
  provider: string,
  context: RenderContext,
): Promise<{ entries: Record<string, ManifestEntry>; issues: Issue[]; frames: number }> {
  const { root } = context;
  const audioPath = join(root, film.voiceover.output);
  const audioInfo = await stat(audioPath).catch(() => undefined);
  if (!audioInfo) {
    return {
      entries: {},
      frames: 0,
      issues: [
        {
          file: film.file,
          ...film.segments[0]!.at.segment,
          rule: 'video-narration',
          severity: 'error',
          message: `the narration ${film.voiceover.output} is missing`,
          hint: 'run `npm run tts` first',
        },
      ],
    };
  }
  const narrationSeconds = (await probeMedia(audioPath)).durationSeconds;
  const narration = await readNarration(root, film.voiceover, film.voiceoverBody, narrationSeconds);
  if ('mismatch' in narration) {
    return {
      entries: {},
      frames: 0,
      issues: [
        {
          file: film.voiceover.file,
          line: 1,
          column: 1,
          rule: 'video-narration',
          severity: 'error',
          message: `${narration.mismatch}: the captions are stale`,
          hint: 'run `npm run tts`',
        },
      ],
    };
  }
  const composed = composeFilm(film, { ...inputs, narration });
  if (!composed.film) return { entries: {}, issues: composed.issues, frames: 0 };
  const laid = composed.film;
  const started = performance.now();
  const stillCount = await renderStills(laid.stills, context);
  context.log(
    `  ${film.name}: ${laid.stills.size} stills (${stillCount} rendered) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const out = await context.stage.pathFor(film.outputs.video);
  const chapters = laid.segments.map((segment) => ({
    title: segment.title,
    start: segment.startFrame / FPS,
    end: (segment.startFrame + segment.frames) / FPS,
  }));
  const sceneEnds = laid.scenes.map((scene) => scene.startFrame + scene.frames);
  let reported = -1;
  const encodeStart = performance.now();
  await encodeFilm({
    shots: laid.shots.map((shot) => ({ png: context.rendered.get(shot.key)!, frames: shot.frames })),
    audio: audioPath,
    chapters,
    title: film.title,
    out,
    workDir: context.workDir,
    signal: context.signal,
    onProgress: ({ frame, totalFrames, fps }) => {
      const scene = sceneEnds.findIndex((end) => frame < end);
      const index = scene < 0 ? laid.scenes.length - 1 : scene;
      if (index === reported) return;
      reported = index;
      const elapsed = (performance.now() - encodeStart) / 1000;
      const rate = fps || frame / Math.max(elapsed, 0.001);
      const eta = rate > 0 ? (totalFrames - frame) / rate : 0;
      const placed = laid.scenes[index]!;
      context.log(
        `  ${film.name} scene ${index + 1}/${laid.scenes.length} ${placed.kind} (${placed.segment}): ${placed.frames} frames · frame ${frame}/${totalFrames} · ${rate.toFixed(0)} fps · ETA ${eta.toFixed(0)} s`,
      );
    },
  });
  const probe = await probeMedia(out);
  const captionsPath = await context.stage.pathFor(film.outputs.captions);
  const filmSeconds = laid.totalFrames / FPS;
  await writeFile(
    captionsPath,
    shiftCaptions(
      narration.cues,
      0,
      filmSeconds,
      `${film.name}: captions of ${film.voiceover.file} on the film's timeline. Generated by ${VIDEO_COMMAND}`,
    ),
  );
  const posterPath = await context.stage.pathFor(film.outputs.poster);
  const posterKey = `poster-${film.name}`;
  if (!context.rendered.has(posterKey)) {
    const png = join(context.workDir, `${posterKey}.png`);
    await context.browser.renderStill(context.posterFor(film), png);
    context.rendered.set(posterKey, png);
  }
  await copyFile(context.rendered.get(posterKey)!, posterPath);
  const timeline: FilmTimeline = {
    version: FILM_TIMELINE_VERSION,
    film: film.outputs.video,
    source: film.file,
    fps: FPS,
    frames: laid.totalFrames,
    measuredSeconds: round3(probe.durationSeconds),
    segments: laid.segments.map((segment) => ({
      id: segment.id,
      title: segment.title,
      start: round3(segment.startFrame / FPS),
      end: round3((segment.startFrame + segment.frames) / FPS),
    })),
    scenes: laid.scenes.map((scene) => ({
      kind: scene.kind,
      segment: scene.segment,
      start: round3(scene.startFrame / FPS),
      end: round3((scene.startFrame + scene.frames) / FPS),
    })),
    captions: film.outputs.captions,
    poster: film.outputs.poster,
    inputsHash,
  };
  const timelinePath = await context.stage.pathFor(film.outputs.timeline);
  await writeFile(timelinePath, `${JSON.stringify(timeline, null, 2)}\n`);
  const createdAt = new Date().toISOString();
  const shared = {
    generator: 'video',
    command: `${VIDEO_COMMAND} -- --only ${film.name}`,
    inputsHash,
    provider,
    draft,
    sources: [film.file, film.voiceover.output, 'marketing/demo/phase30-walkthrough.cast'],
    createdAt,
  };
  const entry = async (path: string, extra: Partial<ManifestEntry> = {}): Promise<ManifestEntry> => ({
    ...shared,
    bytesHash: await hashFile(path),
    size: (await stat(path)).size,
    ...extra,
  });
  const entries: Record<string, ManifestEntry> = {
    [film.outputs.video]: await entry(out, {
      width: probe.video?.width,
      height: probe.video?.height,
      durationSeconds: round3(probe.durationSeconds),
      details: {
        fps: FPS,
        frames: laid.totalFrames,
        stills: laid.stills.size,
        scenes: laid.scenes.length,
        chapters: probe.chapters.length,
        video: probe.video?.codec,
        audio: probe.audio?.codec,
      },
    }),
    [film.outputs.captions]: await entry(captionsPath, { durationSeconds: round3(filmSeconds) }),
    [film.outputs.poster]: await entry(posterPath, { width: 1920, height: 1080 }),
    [film.outputs.timeline]: await entry(timelinePath),
  };
  return { entries, issues: [], frames: laid.totalFrames };
}
