// Plans every film from the content model: the live storyboard and each video package, with locations and the inputs hash.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readContent, type ContentFile } from '../../../core/content-files.ts';
import { hashBytes, hashJson } from '../../../core/hash.ts';
import type { Issue } from '../../../core/issue.ts';
import { createLocator } from '../../../core/source-location.ts';
import { planScripts, type VoiceoverPlan } from '../../tts/plan.ts';
import { RECORDING_BASENAME } from '../../../core/demo-recording.ts';
import type { SceneKind } from '../../../core/schemas/film-scene.ts';
import type { DemoStoryboard } from '../../../core/schemas/demo-storyboard.ts';
import type { VideoPackage } from '../../../core/schemas/video-package.ts';
import { rendererVersion } from '../lib/renderer-version.ts';
import { filmOutputs } from '../../../core/film-timeline.ts';

/** A position in a content file. */
export interface At {
  line: number;
  column: number;
}

/** One moment (storyboard) or act (video package) of a film. */
export interface Segment {
  id: string;
  title: string;
  index: number;
  scenes: SceneKind[];
  /** Storyboard moment ids whose recording this segment shows. */
  moments: string[];
  /** Storyboard steps listed by the moment (they must be in the recording). */
  steps: string[];
  chips: string[];
  stated: { start: number; end: number };
  at: { segment: At; start: At; end: At; steps: At[] };
}

/** Everything needed to render one film, known without a browser. */
export interface FilmPlan {
  name: string;
  /** The content file's title (poster and metadata). */
  title: string;
  kind: 'storyboard' | 'video-package';
  file: string;
  segments: Segment[];
  voiceover: VoiceoverPlan;
  voiceoverBody: string;
  statedTotal?: { seconds: number; at: At };
  outputs: { video: string; captions: string; poster: string; timeline: string };
}

const CAPTION_PATTERN = /Caption(?: chip)?: [“"]([^"”]+)[”"]/g;

function captionsIn(text: string): string[] {
  return [...text.matchAll(CAPTION_PATTERN)].map((match) => match[1]!);
}

function locator(file: ContentFile): (path: (string | number)[]) => At {
  const locate = createLocator(file.text);
  return (path) => locate(file.offsetOf(path) ?? 0);
}

function voiceoverFor(
  id: string | undefined,
  plans: VoiceoverPlan[],
  file: string,
  at: At,
  issues: Issue[],
): VoiceoverPlan | undefined {
  const plan = plans.find((candidate) => candidate.id === id);
  if (!plan) {
    issues.push({
      file,
      ...at,
      rule: 'video-narration',
      severity: 'error',
      message: id
        ? `narration "${id}" is not a voice-over script`
        : 'this timeline has no narration, so its scenes have no length',
      hint: `name a voice-over id, one of: ${plans.map((candidate) => candidate.id).join(', ')}`,
    });
  }
  return plan;
}

function planStoryboard(
  root: string,
  file: ContentFile,
  plans: VoiceoverPlan[],
  issues: Issue[],
): FilmPlan | undefined {
  const board = file.data as DemoStoryboard;
  const at = locator(file);
  const voiceover = voiceoverFor(board.narration, plans, file.file, at(['narration']), issues);
  const segments: Segment[] = board.moments.map((moment, index) => ({
    id: moment.id,
    title: moment.title,
    index,
    scenes: moment.scenes ?? (moment.steps.includes('canvas') ? ['canvas'] : ['terminal']),
    moments: [moment.id],
    steps: moment.steps,
    chips: captionsIn(moment.onScreen),
    stated: { start: moment.start, end: moment.end },
    at: {
      segment: at(['moments', index]),
      start: at(['moments', index, 'start']),
      end: at(['moments', index, 'end']),
      steps: moment.steps.map((_, step) => at(['moments', index, 'steps', step])),
    },
  }));
  if (!voiceover) return undefined;
  return {
    name: RECORDING_BASENAME,
    title: board.title,
    kind: 'storyboard',
    file: file.file,
    segments,
    voiceover,
    voiceoverBody: bodyOf(root, voiceover),
    outputs: filmOutputs(RECORDING_BASENAME),
  };
}

function planPackage(root: string, file: ContentFile, plans: VoiceoverPlan[], issues: Issue[]): FilmPlan | undefined {
  const pack = file.data as VideoPackage;
  const at = locator(file);
  const ids = [...new Set(pack.acts.map((act) => act.voiceover))];
  if (ids.length > 1)
    issues.push({
      file: file.file,
      ...at(['acts', 1, 'voiceover']),
      rule: 'video-narration',
      severity: 'error',
      message: `acts are read by ${ids.length} voice-overs; a film has one narration`,
      hint: 'give every act the same voiceover',
    });
  const voiceover = voiceoverFor(ids[0], plans, file.file, at(['acts', 0, 'voiceover']), issues);
  const segments: Segment[] = pack.acts.map((act, index) => ({
    id: `act-${index + 1}`,
    title: act.title,
    index,
    scenes: act.scenes ?? ['terminal'],
    moments: act.moments ?? [],
    steps: [],
    chips: act.shots.flatMap(captionsIn),
    stated: { start: act.start, end: act.end },
    at: {
      segment: at(['acts', index]),
      start: at(['acts', index, 'start']),
      end: at(['acts', index, 'end']),
      steps: [],
    },
  }));
  if (!voiceover) return undefined;
  const name = file.file
    .split('/')
    .pop()!
    .replace(/\.mdx?$/, '');
  return {
    name,
    title: pack.title,
    kind: 'video-package',
    file: file.file,
    segments,
    voiceover,
    voiceoverBody: bodyOf(root, voiceover),
    statedTotal: { seconds: pack.targetSeconds, at: at(['targetSeconds']) },
    outputs: filmOutputs(name),
  };
}

/** The script's body (after the frontmatter), whose blank lines separate the paragraphs. */
function bodyOf(root: string, plan: VoiceoverPlan): string {
  return readFileSync(join(root, plan.file), 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
}

/** Plans the live storyboard's film and every video package's film; schema problems come back as issues. */
export function planFilms(root: string): { films: FilmPlan[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const { plans } = planScripts(root);
  const files = readContent(root, ['storyboards', 'video']);
  const films: FilmPlan[] = [];
  for (const file of files) {
    issues.push(...file.issues);
    if (!file.data) continue;
    const film =
      file.collection === 'storyboards'
        ? (file.data as DemoStoryboard).live
          ? planStoryboard(root, file, plans, issues)
          : undefined
        : planPackage(root, file, plans, issues);
    if (film) films.push(film);
  }
  return { films, issues };
}

/** Bytes hash of a repo file, or `missing`. */
export function hashRepoFile(root: string, path: string): string {
  const full = join(root, path);
  return existsSync(full) ? hashBytes(readFileSync(full)) : 'missing';
}

/** What a film depends on: its content file, the recording, the narration audio and captions, the diagram, the renderer. */
export function filmInputsHash(root: string, film: FilmPlan, recordingHashes: Record<string, string>): string {
  // What the render uses of the content file: its segments, scenes and chips. The stated timecodes are not an
  // input (the timecode rule checks them against the film), so correcting one never makes the film stale.
  const content = {
    title: film.title,
    segments: film.segments.map(({ id, title, scenes, moments, steps, chips }) => ({
      id,
      title,
      scenes,
      moments,
      steps,
      chips,
    })),
  };
  return hashJson({
    content,
    recording: recordingHashes,
    narration: {
      audio: hashRepoFile(root, film.voiceover.output),
      captions: hashRepoFile(root, film.voiceover.captions),
      script: hashRepoFile(root, film.voiceover.file),
    },
    diagram: film.segments.some((segment) => segment.scenes.includes('diagram'))
      ? hashRepoFile(root, DIAGRAM_SVG)
      : undefined,
    renderer: rendererVersion(),
  });
}

/** The diagram the `diagram` scene reveals. */
export const DIAGRAM_SVG = 'marketing/assets/phase30-fleet-diagram.svg';
