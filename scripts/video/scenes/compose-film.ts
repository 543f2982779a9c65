// Lays a film out on frames: each segment as long as its narration paragraph, its scenes' stills and overlays.
import { hashBytes } from '../../../core/hash.ts';
import type { Issue } from '../../../core/issue.ts';
import type { SceneKind } from '../../../core/schemas/film-scene.ts';
import type { Overlays } from '../lib/brand-css.ts';
import type { Narration } from '../lib/narration.ts';
import type { Recording } from '../lib/recording.ts';
import type { FilmPlan, Segment } from '../steps/plan-films.ts';
import { canvasPage } from './canvas-html.ts';
import { canvasStateAt } from './canvas-state.ts';
import { countRevealSteps, diagramPage, endCardPage, titlePage } from './cards-html.ts';
import { terminalPage } from './terminal-html.ts';
import type { TerminalScreen } from './terminal-screens.ts';

/** Frames per second of every film. */
export const FPS = 30;
/** Scene kinds that take screen time; the others are overlays. */
export const TIMED_KINDS: readonly SceneKind[] = ['title', 'terminal', 'canvas', 'diagram', 'end-card'];
const FIXED_FRAMES: Partial<Record<SceneKind, number>> = { title: 3 * FPS, 'end-card': 4 * FPS };
const LOWER_THIRD_FRAMES = Math.round(3.5 * FPS);
/** Share of a terminal scene spent revealing lines; the rest holds the last screen. */
const REVEAL_SHARE = 0.75;
const MIN_FRAMES_PER_SCREEN = 2;

/** One still on the film: which PNG and for how many frames. */
export interface Shot {
  key: string;
  frames: number;
}

/** A scene as placed on the film (frames from the film's start). */
export interface PlacedScene {
  kind: SceneKind;
  segment: string;
  startFrame: number;
  frames: number;
}

/** The whole film laid out: stills by key, the shot list, segments and scenes with their frames. */
export interface ComposedFilm {
  stills: Map<string, string>;
  shots: Shot[];
  scenes: PlacedScene[];
  segments: Array<{ id: string; title: string; startFrame: number; frames: number }>;
  totalFrames: number;
  /** Key of the still used as the poster. */
  posterKey: string | undefined;
}

/** What the scenes need besides the plan: the recording, its screens, the narration, product words and the diagram. */
export interface ComposeInputs {
  recording: Recording;
  screens: TerminalScreen[];
  narration: Narration;
  words: {
    badge: string;
    brand: string;
    product: string;
    guideUrl: string;
    canvasTitle: string;
    terminalTitle: string;
  };
  diagramSvg: string | undefined;
}

type Draw = (overlays: Overlays) => string;

function castSpansOf(segment: Segment, recording: Recording): Array<{ start: number; end: number }> {
  return segment.moments.flatMap((id) => {
    const index = recording.moments.findIndex((moment) => moment.id === id);
    if (index < 0) return [];
    const next = recording.moments[index + 1];
    return [
      { start: index === 0 ? 0 : recording.moments[index]!.start, end: next ? next.start : recording.duration + 1 },
    ];
  });
}

function spread(draws: Draw[], frames: number, hold: boolean): Array<{ draw: Draw; frames: number }> {
  if (draws.length === 0) return [];
  let chosen = draws;
  const reveal = hold ? Math.floor(frames * REVEAL_SHARE) : frames;
  const fit = Math.max(1, Math.floor(reveal / MIN_FRAMES_PER_SCREEN));
  if (chosen.length > fit)
    chosen = Array.from({ length: fit }, (_, index) => draws[Math.round(((index + 1) * draws.length) / fit) - 1]!);
  const each = Math.floor(reveal / chosen.length);
  const out = chosen.map((draw) => ({ draw, frames: each }));
  out[out.length - 1]!.frames += frames - each * chosen.length;
  return out;
}

function terminalDraws(segment: Segment, inputs: ComposeInputs): Draw[] {
  const spans = castSpansOf(segment, inputs.recording);
  let picked = inputs.screens.filter((screen) => spans.some((span) => screen.t >= span.start && screen.t < span.end));
  if (picked.length === 0) {
    const before =
      inputs.screens.filter((screen) => screen.t < (spans[0]?.start ?? Infinity)).at(-1) ?? inputs.screens.at(-1);
    picked = before ? [before] : [];
  }
  return picked.map(
    (screen) => (overlays) => terminalPage(screen.rows, { title: inputs.words.terminalTitle, overlays }),
  );
}

function canvasDraws(segment: Segment, inputs: ComposeInputs): Draw[] {
  const { recording } = inputs;
  const spans = castSpansOf(segment, recording);
  const times = spans.flatMap((span) => [
    span.start,
    ...recording.canvas.filter((entry) => entry.t >= span.start && entry.t < span.end).map((entry) => entry.t),
    ...recording.sent.filter((message) => message.t >= span.start && message.t < span.end).map((message) => message.t),
  ]);
  const seen = new Set<string>();
  const draws: Draw[] = [];
  for (const t of [...new Set(times)].sort((a, b) => a - b)) {
    const state = canvasStateAt(recording.canvas, recording.sent, t);
    const key = JSON.stringify(state);
    if (state.nodes.length === 0 || seen.has(key)) continue;
    seen.add(key);
    draws.push((overlays) =>
      canvasPage(state, { badge: inputs.words.badge, title: inputs.words.canvasTitle, overlays }),
    );
  }
  return draws;
}

function diagramDraws(inputs: ComposeInputs): Draw[] {
  const svg = inputs.diagramSvg;
  if (!svg) return [];
  const { nodes, edges } = countRevealSteps(svg);
  const steps = [
    ...Array.from({ length: nodes }, (_, index) => ({ nodes: index + 1, edges: 0 })),
    ...Array.from({ length: edges }, (_, index) => ({ nodes, edges: index + 1 })),
  ];
  return steps.map((shown) => (overlays) => diagramPage(svg, shown, overlays));
}

function splitFrames(kinds: SceneKind[], frames: number): number[] {
  const fixed = kinds.map((kind) => FIXED_FRAMES[kind] ?? 0);
  const fixedTotal = fixed.reduce((sum, value) => sum + value, 0);
  const flexible = kinds.filter((kind) => !FIXED_FRAMES[kind]).length;
  const scale = fixedTotal > frames || (flexible === 0 && fixedTotal !== frames) ? frames / Math.max(1, fixedTotal) : 1;
  const sized = fixed.map((value) => Math.floor(value * scale));
  const left = frames - sized.reduce((sum, value) => sum + value, 0);
  const share = flexible > 0 ? Math.floor(left / flexible) : 0;
  const out = kinds.map((kind, index) => (FIXED_FRAMES[kind] ? sized[index]! : share));
  out[out.length - 1]! += frames - out.reduce((sum, value) => sum + value, 0);
  return out;
}

/**
 * Composes the film. Each segment (moment or act) runs from its narration paragraph's start to the
 * next one's, so picture and voice stay together; its timed scenes share that span in the order
 * listed (title 3 s, end card 4 s, the rest split evenly); overlays go on the stills they cover.
 */
export function composeFilm(film: FilmPlan, inputs: ComposeInputs): { film?: ComposedFilm; issues: Issue[] } {
  const issues: Issue[] = [];
  const spans = inputs.narration.spans;
  const problem = (at: { line: number; column: number }, rule: string, message: string, hint: string) =>
    issues.push({ file: film.file, ...at, rule, severity: 'error', message, hint });
  film.segments.forEach((segment, index) => {
    if (!spans[index])
      problem(
        segment.at.segment,
        'video-narration',
        `"${segment.title}" has no narration: ${inputs.narration.file} has ${spans.length} paragraph(s) for ${film.segments.length} segments`,
        'write one paragraph of the voice-over per moment or act, then run `npm run tts`',
      );
    if (!segment.scenes.some((kind) => TIMED_KINDS.includes(kind)))
      problem(
        segment.at.segment,
        'video-scene',
        `"${segment.title}" lists no scene that takes screen time`,
        `add one of: ${TIMED_KINDS.join(', ')}`,
      );
    segment.steps.forEach((kind, step) => {
      const recorded = inputs.recording.moments
        .find((moment) => moment.id === segment.id)
        ?.steps.some((entry) => entry.kind === kind);
      if (!recorded)
        problem(
          segment.at.steps[step] ?? segment.at.segment,
          'video-recording',
          `step "${kind}" of "${segment.id}" is not in the recording`,
          'run `npm run demo` to record the storyboard as it is now',
        );
    });
    for (const id of segment.moments) {
      if (!inputs.recording.moments.some((moment) => moment.id === id))
        problem(
          segment.at.segment,
          'video-recording',
          `moment "${id}" is not in the recording`,
          'use a moment id of the live storyboard, or run `npm run demo`',
        );
    }
  });
  if (spans.length > film.segments.length)
    problem(
      film.segments.at(-1)!.at.segment,
      'video-narration',
      `${inputs.narration.file} has ${spans.length} paragraphs for ${film.segments.length} segments`,
      'give every paragraph its own moment or act',
    );
  if (issues.length > 0) return { issues };

  const stills = new Map<string, string>();
  const shots: Shot[] = [];
  const scenes: PlacedScene[] = [];
  const segments: ComposedFilm['segments'] = [];
  const totalFrames = Math.round(inputs.narration.totalSeconds * FPS);
  let posterKey: string | undefined;
  let cursor = 0;
  film.segments.forEach((segment, index) => {
    const endFrame = index === film.segments.length - 1 ? totalFrames : Math.round(spans[index + 1]!.start * FPS);
    const frames = endFrame - cursor;
    const segmentStart = cursor;
    segments.push({ id: segment.id, title: segment.title, startFrame: cursor, frames });
    const timed = segment.scenes.filter((kind) => TIMED_KINDS.includes(kind));
    const sizes = splitFrames(timed, frames);
    timed.forEach((kind, sceneIndex) => {
      const sceneFrames = sizes[sceneIndex]!;
      scenes.push({ kind, segment: segment.id, startFrame: cursor, frames: sceneFrames });
      const draws: Draw[] =
        kind === 'terminal'
          ? terminalDraws(segment, inputs)
          : kind === 'canvas'
            ? canvasDraws(segment, inputs)
            : kind === 'diagram'
              ? diagramDraws(inputs)
              : kind === 'title'
                ? [
                    () =>
                      titlePage({
                        eyebrow: inputs.words.product,
                        title: segment.title,
                        subtitle: film.kind === 'storyboard' ? 'Recorded end to end by npm run demo' : 'Launch video',
                        draftNote: inputs.recording.draft ? 'Draft · recorded on the stand-in platform' : undefined,
                      }),
                  ]
                : [
                    () =>
                      endCardPage({
                        brand: inputs.words.brand,
                        product: inputs.words.product,
                        badge: inputs.words.badge,
                        url: inputs.words.guideUrl,
                      }),
                  ];
      if (draws.length === 0)
        draws.push(() => titlePage({ eyebrow: inputs.words.product, title: segment.title, subtitle: '' }));
      for (const part of spread(draws, sceneFrames, kind === 'terminal')) {
        if (part.frames <= 0) continue;
        const local = cursor - segmentStart;
        const overlays: Overlays = {};
        if (
          segment.scenes.includes('lower-third') &&
          local < LOWER_THIRD_FRAMES &&
          kind !== 'title' &&
          kind !== 'end-card'
        ) {
          overlays.lowerThird = {
            eyebrow: film.kind === 'storyboard' ? `Moment ${index + 1}` : inputs.words.product,
            name: segment.title,
          };
        }
        if (
          segment.scenes.includes('caption-chip') &&
          segment.chips.length > 0 &&
          kind !== 'title' &&
          kind !== 'end-card'
        ) {
          overlays.chip =
            segment.chips[Math.min(segment.chips.length - 1, Math.floor((local / frames) * segment.chips.length))];
        }
        const html = part.draw(overlays);
        const key = hashBytes(html).slice(7, 23);
        stills.set(key, html);
        shots.push({ key, frames: part.frames });
        if (kind === 'canvas' && !posterKey) posterKey = key;
        cursor += part.frames;
      }
    });
    cursor = endFrame;
  });
  return { film: { stills, shots, scenes, segments, totalFrames, posterKey: posterKey ?? shots[0]?.key }, issues };
}
