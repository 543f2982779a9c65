// The two captures: the canvas shot with the REMOTE badge (our view, or the real canvas) and the registration GIF.
import { copyFile, stat } from 'node:fs/promises';

import { hashFile } from '../../../core/hash.ts';
import type { ManifestEntry } from '../../../core/manifest.ts';
import { canvasPage } from '../scenes/canvas-html.ts';
import { canvasStateAt, type CanvasState } from '../scenes/canvas-state.ts';
import { terminalPage } from '../scenes/terminal-html.ts';
import type { TerminalScreen } from '../scenes/terminal-screens.ts';
import { captureCanvas, type CanvasTarget } from '../lib/capture-canvas.ts';
import { encodeGif } from '../lib/encode.ts';
import { probeMedia } from '../lib/probe.ts';
import type { Recording } from '../lib/recording.ts';
import { VIDEO_COMMAND } from '../lib/renderer-version.ts';
import { CAPTURES, GIF_SPEC } from '../lib/outputs.ts';
import { renderStills, type RenderContext } from './render-film.ts';

/** Product words the views print. */
export interface ViewWords {
  badge: string;
  canvasTitle: string;
  terminalTitle: string;
}

function stepEnd(recording: Recording, kind: string): number | undefined {
  return recording.moments.flatMap((moment) => moment.steps).find((step) => step.kind === kind)?.end;
}

/** The canvas when the canvas step has finished: the remote node online with its badge, under its parent. */
export function badgeState(recording: Recording): CanvasState {
  const t = stepEnd(recording, 'canvas') ?? recording.duration;
  return canvasStateAt(recording.canvas, recording.sent, t + 1e-6);
}

/** The badge shot's HTML (also the walkthrough's poster). */
export function badgeHtml(recording: Recording, words: ViewWords): string {
  return canvasPage(badgeState(recording), { badge: words.badge, title: words.canvasTitle });
}

/** Renders (or captures, with a target) the canvas shot into the stage; returns its manifest entry. */
export async function renderCanvasShot(
  recording: Recording,
  words: ViewWords,
  target: CanvasTarget | undefined,
  inputsHash: string,
  context: RenderContext,
): Promise<ManifestEntry> {
  const out = await context.stage.pathFor(CAPTURES.canvas);
  let size = { width: 1920, height: 1080 };
  if (target) size = await captureCanvas(context.browser.browser, target, out);
  else {
    const stills = new Map([['canvas-shot', badgeHtml(recording, words)]]);
    await renderStills(stills, context);
    await copyFile(context.rendered.get('canvas-shot')!, out);
  }
  const real = Boolean(target);
  return {
    generator: 'video',
    command: `${VIDEO_COMMAND} -- --only phase30-canvas-remote-badge`,
    inputsHash,
    bytesHash: await hashFile(out),
    size: (await stat(out)).size,
    ...size,
    provider: real ? 'platform' : 'stand-in',
    draft: !real,
    sources: ['marketing/demo/phase30-walkthrough.timeline.json'],
    createdAt: new Date().toISOString(),
    details: {
      view: real
        ? `capture of ${new URL(target!.url).origin}`
        : 'launch-kit canvas view of the recorded /ws events (not the Molecule UI)',
      recording: recording.platformKind,
    },
  };
}

function screensOfStep(screens: TerminalScreen[], recording: Recording, kind: string): TerminalScreen[] {
  const step = recording.moments.flatMap((moment) => moment.steps).find((entry) => entry.kind === kind);
  return step ? screens.filter((screen) => screen.t >= step.start && screen.t <= step.end + 0.05) : [];
}

/**
 * The registration GIF, about 10 s at 10 fps: the agent starts and registers (terminal) → the node
 * with its badge (canvas) → the canvas sends a task → the agent's terminal shows `message/send` →
 * the reply in the chat. Fails when the file is over 2 MB.
 */
export async function renderGif(
  recording: Recording,
  screens: TerminalScreen[],
  words: ViewWords,
  inputsHash: string,
  context: RenderContext,
): Promise<{ entry?: ManifestEntry; problem?: string }> {
  const terminal = (list: TerminalScreen[]) =>
    list.map((screen) => terminalPage(screen.rows, { title: words.terminalTitle }));
  const canvas = (t: number) =>
    canvasPage(canvasStateAt(recording.canvas, recording.sent, t), { badge: words.badge, title: words.canvasTitle });
  const sentAt = recording.sent[0]?.t ?? recording.duration;
  const replyAt =
    recording.canvas.find((entry) => entry.kind === 'event' && entry.frame.event === 'A2A_RESPONSE')?.t ?? sentAt;
  const startAgent = terminal(screensOfStep(screens, recording, 'start-agent'));
  const a2a = terminal(screensOfStep(screens, recording, 'a2a-canvas'));
  const plan: Array<{ html: string; frames: number }> = [];
  const spreadOver = (pages: string[], frames: number) =>
    pages.forEach((html, index) =>
      plan.push({
        html,
        frames:
          index === pages.length - 1
            ? frames - Math.floor(frames / pages.length) * (pages.length - 1)
            : Math.floor(frames / pages.length),
      }),
    );
  spreadOver(startAgent.length > 0 ? startAgent.slice(-8) : [canvas(0)], 30);
  plan.push({ html: badgeHtml(recording, words), frames: 20 });
  plan.push({ html: canvas(sentAt + 1e-6), frames: 15 });
  spreadOver(a2a.length > 0 ? a2a.slice(0, 6) : [canvas(sentAt)], 15);
  plan.push({ html: canvas(replyAt + 1e-6), frames: 20 });
  const stills = new Map(plan.map((item, index) => [`gif-${index}`, item.html]));
  await renderStills(stills, context);
  const out = await context.stage.pathFor(CAPTURES.gif);
  await encodeGif({
    shots: plan.map((item, index) => ({ png: context.rendered.get(`gif-${index}`)!, frames: item.frames })),
    fps: GIF_SPEC.fps,
    width: GIF_SPEC.width,
    out,
    workDir: context.workDir,
    signal: context.signal,
  });
  const size = (await stat(out)).size;
  if (size > GIF_SPEC.maxBytes)
    return { problem: `${CAPTURES.gif} would be ${(size / 1048576).toFixed(2)} MB, over the 2 MB limit` };
  const probe = await probeMedia(out);
  return {
    entry: {
      generator: 'video',
      command: `${VIDEO_COMMAND} -- --only phase30-registration-flow`,
      inputsHash,
      bytesHash: await hashFile(out),
      size,
      width: probe.video?.width,
      height: probe.video?.height,
      durationSeconds: Math.round(probe.durationSeconds * 1000) / 1000,
      provider: recording.platformKind,
      draft: recording.draft,
      sources: ['marketing/demo/phase30-walkthrough.cast'],
      createdAt: new Date().toISOString(),
      details: { fps: GIF_SPEC.fps, frames: plan.reduce((sum, item) => sum + item.frames, 0), loop: true },
    },
  };
}
