// One headless Chromium session (playwright-core on the system browser) that turns HTML stills into 1920×1080 PNGs.
import { writeFile } from 'node:fs/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../lib/find-chromium.ts';
import { FRAME } from './brand-css.ts';

/** The browser could not be found or started; the fix is `npm run setup`. */
export class BrowserMissingError extends Error {}

/** A page reused for every still; close it in a `finally`. */
export interface StillBrowser {
  version: string;
  /** Renders one page to a PNG file (viewport = the frame, no device scaling). */
  renderStill(html: string, outPath: string): Promise<void>;
  page: Page;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Starts the system Chromium with the house flags; every network request from a still page is
 * refused (stills are self-contained). Closing on `signal` abort leaves no browser process behind.
 */
export async function openStillBrowser(
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
  viewport: { width: number; height: number } = FRAME,
): Promise<StillBrowser> {
  let executablePath: string;
  try {
    executablePath = findChromium(env);
  } catch (error) {
    throw new BrowserMissingError((error as Error).message);
  }
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: chromiumArgs(), timeout: 60_000 });
  } catch (error) {
    throw new BrowserMissingError(
      `Chromium at ${executablePath} did not start: ${(error as Error).message.split('\n')[0]} — run \`npm run setup\``,
    );
  }
  const close = () => browser.close().catch(() => undefined);
  signal?.addEventListener('abort', () => void close(), { once: true });
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  const cdp = await page.context().newCDPSession(page);
  let loadedFonts: string | undefined;
  return {
    version: browser.version(),
    page,
    browser,
    async renderStill(html, outPath) {
      // Fonts are loaded once; each still then only swaps the scene's CSS and body (same pixels, ~10× faster).
      const fonts = /<style id="fonts">([\s\S]*?)<\/style>/.exec(html)?.[1];
      const scene = /<style id="scene">([\s\S]*?)<\/style>/.exec(html)?.[1];
      const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1];
      if (fonts === undefined || scene === undefined || body === undefined || fonts !== loadedFonts) {
        await page.setContent(html, { waitUntil: 'load' });
        loadedFonts = fonts;
      } else {
        await page.evaluate(
          ([css, markup]) => {
            document.getElementById('scene')!.textContent = css;
            document.body.innerHTML = markup;
          },
          [scene, body] as const,
        );
      }
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const shot = (await cdp.send('Page.captureScreenshot', {
        format: 'png',
        optimizeForSpeed: true,
        clip: { x: 0, y: 0, width: viewport.width, height: viewport.height, scale: 1 },
      })) as { data: string };
      await writeFile(outPath, Buffer.from(shot.data, 'base64'));
    },
    close,
  };
}
