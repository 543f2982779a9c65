// One system-Chromium session that renders every diagram to SVG and a 2× PNG and measures its labels.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumArgs } from '../lib/find-chromium.ts';
import { BRAND_FONT } from '../lib/brand-font.ts';
import { DIAGRAM_BACKGROUND, type MermaidConfig } from './brand-theme.ts';
import { buildPageHtml, renderInPage, type PageRenderResult } from './diagram-page.ts';

/** Device pixels per CSS pixel for diagram PNGs. */
export const DIAGRAM_SCALE = 2;
export const DEFAULT_LAUNCH_TIMEOUT_MS = 30_000;
export const DEFAULT_RENDER_TIMEOUT_MS = 30_000;

/** One diagram rendered: the SVG, a Chromium screenshot at {@link DIAGRAM_SCALE}× and what the page measured. */
export interface RenderedDiagram extends PageRenderResult {
  /** PNG straight from Chromium (not yet optimised). */
  png: Buffer;
  scale: number;
}

/** A browser with one page that has Mermaid and the brand font loaded, reused for every diagram. */
export interface DiagramSession {
  /** `Chromium/156.0.…` as the browser reports it. */
  browserVersion: string;
  render(definition: string, options?: { config?: MermaidConfig; svgId?: string }): Promise<RenderedDiagram>;
  close(): Promise<void>;
}

/** Raised when Mermaid rejects a definition or the page fails; the message is Mermaid's own first line. */
export class DiagramRenderError extends Error {
  override name = 'DiagramRenderError';
  /** Source text from the point Mermaid stopped at (its excerpt after the caret), to locate the error. */
  near?: string;
}

/**
 * Launches the given Chromium once and prepares one page: the bundled font as `@font-face` data
 * URLs, Mermaid's browser bundle from node_modules, and every network request refused (diagrams
 * must not depend on anything outside the repo).
 */
export async function openDiagramSession(options: {
  executablePath: string;
  config: MermaidConfig;
  launchTimeoutMs?: number;
}): Promise<DiagramSession> {
  const [fontCss, mermaidScript] = await Promise.all([buildFontCss(), readFile(mermaidBundlePath(), 'utf8')]);
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: options.executablePath,
      args: chromiumArgs(),
      headless: true,
      timeout: options.launchTimeoutMs ?? DEFAULT_LAUNCH_TIMEOUT_MS,
    });
  } catch (error) {
    throw new DiagramRenderError(
      `could not start ${options.executablePath}: ${firstLine(error)} — run \`npm run setup\` or set PUPPETEER_EXECUTABLE_PATH`,
    );
  }
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(DEFAULT_RENDER_TIMEOUT_MS);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (/^(data|about|blob):/.test(request.url())) void request.continue();
      else void request.abort('blockedbyclient');
    });
    await page.setContent(buildPageHtml(fontCss, DIAGRAM_BACKGROUND), { waitUntil: 'load' });
    await page.addScriptTag({ content: mermaidScript });
    const browserVersion = await browser.version();
    let count = 0;
    return {
      browserVersion,
      render: (definition, renderOptions = {}) =>
        renderOne(page, definition, {
          ...options,
          ...renderOptions,
          config: renderOptions.config ?? options.config,
          fontCss,
          svgId: renderOptions.svgId ?? `diagram-${++count}`,
        }),
      close: () => browser.close(),
    };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

async function renderOne(
  page: Page,
  definition: string,
  options: { config: MermaidConfig; fontCss: string; svgId: string },
): Promise<RenderedDiagram> {
  let result: PageRenderResult;
  try {
    result = await page.evaluate(renderInPage, {
      definition,
      config: options.config,
      svgId: options.svgId,
      fontCss: options.fontCss,
      background: DIAGRAM_BACKGROUND,
      fontFamily: BRAND_FONT.family,
    });
  } catch (error) {
    throw describeMermaidError(error);
  }
  // A viewport as large as the diagram, so the screenshot needs no scrolling or stitching.
  await page.setViewport({
    width: Math.ceil(result.clip.x + result.clip.width),
    height: Math.ceil(result.clip.y + result.clip.height),
    deviceScaleFactor: DIAGRAM_SCALE,
  });
  const png = Buffer.from(await page.screenshot({ type: 'png', clip: result.clip, omitBackground: false }));
  return { ...result, png, scale: DIAGRAM_SCALE };
}

/** `@font-face` rules for the bundled woff2 files, as data URLs (work inside a standalone SVG too). */
export async function buildFontCss(): Promise<string> {
  const faces = await Promise.all(
    (
      [
        ['400', BRAND_FONT.woff2.regular],
        ['700', BRAND_FONT.woff2.bold],
      ] as const
    ).map(async ([weight, file]) => {
      const data = (await readFile(file)).toString('base64');
      return `@font-face{font-family:'${BRAND_FONT.family}';font-style:normal;font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');}`;
    }),
  );
  return faces.join('\n');
}

/** Mermaid's self-contained browser bundle (the ESM build loads chunks, which a data page cannot). */
export function mermaidBundlePath(): string {
  return fileURLToPath(import.meta.resolve('mermaid/dist/mermaid.min.js'));
}

/**
 * Mermaid parse errors come as "Parse error on line N:", an excerpt with newlines removed, a caret
 * line and "Expecting …, got 'X'". Its line numbers skip frontmatter and comments, so keep the
 * text at the caret instead; the caller finds it in the real source.
 */
function describeMermaidError(error: unknown): DiagramRenderError {
  const lines = (error instanceof Error ? error.message : String(error)).split('\n');
  const got = /got '([^']+)'/.exec(lines[3] ?? '')?.[1];
  // Mermaid's line number is dropped from the message: the issue carries the real one.
  const head = firstLine(error)
    .replace(/^Parse error on line \d+:?$/, 'parse error')
    .replace(/:$/, '');
  const failure = new DiagramRenderError(`mermaid: ${head}${got ? `, unexpected ${got}` : ''}`, { cause: error });
  const caret = lines[2]?.indexOf('^') ?? -1;
  if (/^Parse error/.test(lines[0] ?? '') && caret >= 0) failure.near = lines[1]!.slice(caret).trim();
  return failure;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split('\n')
      .find((line) => line.trim())
      ?.trim() ?? 'unknown error'
  );
}
