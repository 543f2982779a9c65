// The whole `npm run video` run: plan, cache, validate the recording, render what is stale, publish atomically, manifest last.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withCheckoutLock } from '../../lib/checkout-lock.ts';
import type { Issue } from '../../../core/issue.ts';
import { loadFacts } from '../../../core/facts.ts';
import { readManifest, updateManifest, type ManifestEntry } from '../../../core/manifest.ts';
import { openFileStage } from '../../lib/staged-output.ts';
import { DEMO_RECORDING_DIR as DEFAULT_OUT_DIR } from '../../../core/demo-recording.ts';
import { RECORDING_FILES } from '../../../core/demo-recording.ts';
import type { CanvasTarget } from '../lib/capture-canvas.ts';
import { FfmpegMissingError } from '../lib/encode.ts';
import { readRecording, RecordingMissingError, type Recording } from '../lib/recording.ts';
import { DIAGRAM_SVG } from './plan-films.ts';
import { BrowserMissingError, openStillBrowser } from '../lib/still-browser.ts';
import { replayCast } from '../scenes/terminal-screens.ts';
import { planVideoOutputs, type VideoOutput } from '../plan.ts';
import { badgeState, renderCanvasShot, renderGif, type ViewWords } from './render-captures.ts';
import { canvasPage } from '../scenes/canvas-html.ts';
import { countRevealSteps, diagramPage } from '../scenes/cards-html.ts';
import { renderFilm, type RenderContext } from './render-film.ts';

/** What the CLI asks for. */
export interface VideoOptions {
  root: string;
  check: boolean;
  force: boolean;
  only: string[];
  noWait: boolean;
  canvas?: Omit<CanvasTarget, 'nodeName' | 'badge' | 'timeoutMs'>;
  env: NodeJS.ProcessEnv;
}

/** What the run did. */
export interface VideoReport {
  issues: Issue[];
  rendered: string[];
  upToDate: string[];
  frames: number;
}

const SETUP_HINT = 'run `npm run setup` (installs Chromium and ffmpeg)';

function matches(output: VideoOutput, wanted: string): boolean {
  const short = output.name.replace(/^phase30-/, '');
  return (
    wanted === output.name ||
    wanted === short ||
    output.paths.includes(wanted) ||
    (wanted === 'films' && output.kind === 'film') ||
    (wanted === 'captures' && output.kind === 'capture')
  );
}

function recordingIssue(message: string, hint: string): Issue {
  return {
    file: `${DEFAULT_OUT_DIR}/${RECORDING_FILES.cast}`,
    line: 0,
    column: 0,
    rule: 'video-recording',
    severity: 'error',
    message,
    hint,
  };
}

/** Checks the recording against the storyboard: present, with a canvas log, not older than the storyboard. */
async function loadRecording(
  root: string,
  storyboard: string | undefined,
): Promise<{ recording?: Recording; issues: Issue[] }> {
  try {
    const recording = await readRecording(root);
    if (recording.stale) {
      return {
        issues: [
          recordingIssue(
            `the recording is older than ${storyboard ?? 'the live storyboard'} (or the demo runner changed since): ${DEFAULT_OUT_DIR}/${RECORDING_FILES.cast} is stale`,
            'run `npm run demo` to record it again',
          ),
        ],
      };
    }
    return { recording, issues: [] };
  } catch (error) {
    if (error instanceof RecordingMissingError)
      return { issues: [recordingIssue(`no usable demo recording: ${error.message}`, 'run `npm run demo` first')] };
    throw error;
  }
}

/**
 * Renders every output whose inputs changed (all with --force, some with --only), in one Chromium
 * session, into a file stage swapped in only when everything passed; `--check` renders nothing
 * and reports what is missing or stale. The manifest is written last; the temp folder always goes.
 */
export async function runVideo(
  options: VideoOptions,
  io: { signal: AbortSignal; log: (line: string) => void },
): Promise<VideoReport> {
  const { root } = options;
  const report: VideoReport = { issues: [], rendered: [], upToDate: [], frames: 0 };
  const planned = planVideoOutputs(root);
  report.issues.push(...planned.issues.filter((issue) => issue.severity === 'error'));
  let outputs = planned.outputs;
  for (const wanted of options.only) {
    if (!outputs.some((output) => matches(output, wanted)))
      report.issues.push({
        file: '--only',
        line: 0,
        column: 0,
        rule: 'usage',
        severity: 'error',
        message: `nothing is called "${wanted}"`,
        hint: `known: ${outputs.map((output) => output.name).join(', ')}, films, captures`,
      });
  }
  if (options.only.length > 0)
    outputs = outputs.filter((output) => options.only.some((wanted) => matches(output, wanted)));
  if (report.issues.length > 0) return report;
  const manifest = await readManifest(root);
  const fresh = (output: VideoOutput) =>
    output.paths.every((path) => manifest.entries[path]?.inputsHash === output.inputsHash);
  const todo = outputs.filter((output) => options.force || !fresh(output));
  report.upToDate = outputs.filter((output) => !todo.includes(output)).map((output) => output.name);
  if (options.check) {
    for (const output of todo) {
      const missing = output.paths.find((path) => !manifest.entries[path]);
      report.issues.push({
        file: output.paths[0]!,
        line: 0,
        column: 0,
        rule: 'video-stale',
        severity: 'error',
        message: missing
          ? `${missing} has not been rendered`
          : `${output.name} is stale: its inputs changed since it was rendered`,
        hint: `run \`npm run video -- --only ${output.name}\``,
      });
    }
    return report;
  }
  if (todo.length === 0) return report;
  const storyboard = planned.outputs.find((output) => output.film?.kind === 'storyboard')?.film?.file;
  const loaded = await loadRecording(root, storyboard);
  if (!loaded.recording) return { ...report, issues: loaded.issues };
  const recording = loaded.recording;
  const facts = loadFacts(root);
  const words: ViewWords & { brand: string; product: string; guideUrl: string } = {
    badge: facts.product.badge,
    canvasTitle: `Canvas view · ${facts.product.phase} walkthrough${recording.draft ? ' (stand-in platform)' : ''}`,
    terminalTitle: 'npm run demo — the recorded terminal',
    brand: facts.site.name,
    product: `${facts.product.phase} · ${facts.product.feature}`,
    guideUrl: `${facts.site.canonicalHost}/guides/remote-workspaces/`,
  };
  const screens = await replayCast(recording.events, recording.size, 0);
  const diagramSvg = await readFile(join(root, DIAGRAM_SVG), 'utf8').catch(() => undefined);
  return withCheckoutLock(
    root,
    {
      command: 'npm run video',
      noWait: options.noWait,
      signal: io.signal,
      onWait: (holder) => io.log(`waiting for the checkout lock (held by ${holder?.command ?? 'another command'})…`),
    },
    async () => {
      const stage = await openFileStage(root);
      const workDir = await mkdtemp(join(tmpdir(), 'video-'));
      let browser: Awaited<ReturnType<typeof openStillBrowser>> | undefined;
      try {
        browser = await openStillBrowser(options.env, io.signal);
        const context: RenderContext = {
          root,
          browser,
          stage,
          workDir,
          signal: io.signal,
          log: io.log,
          rendered: new Map(),
          posterFor: (film) => {
            const overlays = { lowerThird: { eyebrow: words.product, name: film.title } };
            if (film.kind === 'video-package' && diagramSvg)
              return diagramPage(diagramSvg, countRevealSteps(diagramSvg), overlays);
            return canvasPage(badgeState(recording), { badge: words.badge, title: words.canvasTitle, overlays });
          },
        };
        const entries: Record<string, ManifestEntry> = {};
        for (const output of todo) {
          io.signal.throwIfAborted();
          // Nothing good is lost: a draft render never replaces a final output unless it is asked for by name.
          const wouldBeDraft = output.film
            ? recording.draft || (manifest.entries[output.film.voiceover.output]?.draft ?? true)
            : output.name === 'phase30-canvas-remote-badge'
              ? !options.canvas
              : recording.draft;
          const final = output.paths.some((path) => manifest.entries[path] && manifest.entries[path]!.draft === false);
          if (
            wouldBeDraft &&
            final &&
            !options.only.some((wanted) => matches(output, wanted) && wanted !== 'films' && wanted !== 'captures')
          ) {
            report.issues.push({
              file: output.paths[0]!,
              line: 0,
              column: 0,
              rule: 'video-draft',
              severity: 'warning',
              message: `kept the final ${output.name}: this run would replace it with a draft (stand-in recording, espeak-ng narration or our canvas view)`,
              hint: `ask for it by name to replace it: npm run video -- --only ${output.name}`,
            });
            continue;
          }
          const started = performance.now();
          if (output.film) {
            const narrationDraft = manifest.entries[output.film.voiceover.output]?.draft ?? true;
            const result = await renderFilm(
              output.film,
              { recording, screens, words, diagramSvg },
              output.inputsHash,
              recording.draft || narrationDraft,
              recording.platformKind,
              context,
            );
            report.issues.push(...result.issues);
            Object.assign(entries, result.entries);
            report.frames += result.frames;
          } else if (output.name === 'phase30-canvas-remote-badge') {
            const target = options.canvas && {
              ...options.canvas,
              nodeName: 'researcher',
              badge: words.badge,
              timeoutMs: 30_000,
            };
            entries[output.paths[0]!] = await renderCanvasShot(recording, words, target, output.inputsHash, context);
          } else {
            const gif = await renderGif(recording, screens, words, output.inputsHash, context);
            if (gif.problem)
              report.issues.push({
                file: output.paths[0]!,
                line: 0,
                column: 0,
                rule: 'video-gif',
                severity: 'error',
                message: gif.problem,
                hint: 'shorten the loop or lower GIF_SPEC.width in scripts/video/lib/outputs.ts',
              });
            if (gif.entry) entries[output.paths[0]!] = gif.entry;
          }
          io.log(`${output.name}: rendered in ${((performance.now() - started) / 1000).toFixed(1)} s`);
          report.rendered.push(output.name);
        }
        if (report.issues.some((issue) => issue.severity === 'error')) {
          report.rendered = [];
          return report;
        }
        await stage.commit();
        await updateManifest(root, entries);
        return report;
      } catch (error) {
        if (error instanceof BrowserMissingError || error instanceof FfmpegMissingError) {
          report.issues.push({
            file: error instanceof BrowserMissingError ? 'chromium' : 'ffmpeg',
            line: 0,
            column: 0,
            rule: 'video-tool',
            severity: 'error',
            message: error.message.replace(/ — run `npm run setup`.*$/, ''),
            hint: SETUP_HINT,
          });
          report.rendered = [];
          return report;
        }
        throw error;
      } finally {
        await browser?.close();
        await stage.discard();
        await rm(workDir, { recursive: true, force: true });
      }
    },
  );
}
