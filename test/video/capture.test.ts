import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { captureCanvas } from '../../scripts/video/lib/capture-canvas.ts';
import { readRecording } from '../../scripts/video/lib/recording.ts';
import { openStillBrowser, type StillBrowser } from '../../scripts/video/lib/still-browser.ts';
import { canvasPage } from '../../scripts/video/scenes/canvas-html.ts';
import { badgeState } from '../../scripts/video/steps/render-captures.ts';

const REPO = join(import.meta.dirname, '..', '..');
let dir: string;
let server: StaticServer;
let browser: StillBrowser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'canvas-capture-'));
  const page = canvasPage(badgeState(await readRecording(REPO)), { badge: '★ REMOTE', title: 'Canvas view' });
  writeFileSync(join(dir, 'index.html'), page);
  // The same view, but the nodes arrive 600 ms after load (as a canvas hydrates over the network).
  writeFileSync(
    join(dir, 'late.html'),
    page
      .replace(/<div class="board">/, '<div class="board" id="b" hidden>')
      .replace(
        '</body>',
        '<script>setTimeout(() => { document.getElementById("b").hidden = false; }, 600)</script></body>',
      ),
  );
  // The badge pushed out of the view: a capture must refuse to crop it.
  writeFileSync(join(dir, 'cropped.html'), page.replace('</style>', '.node{margin-left:1600px}</style>'));
  server = await startStaticServer(dir);
  browser = await openStillBrowser(process.env);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('capturing a real canvas (CANVAS_URL), tested against our own view on loopback', () => {
  const target = (path: string) => ({
    url: `${server.url}/${path}`,
    nodeName: 'researcher',
    badge: '★ REMOTE',
    timeoutMs: 10_000,
  });

  it('captures 1440 px wide once the node and the badge are visible, waiting for them rather than sleeping', async () => {
    const out = join(dir, 'late.png');
    await captureCanvas(browser.browser, target('late.html'), out);
    const meta = await sharp(out).metadata();
    expect([meta.width, meta.height]).toEqual([1440, 900]);
    const stats = await sharp(out).stats();
    expect(stats.channels[0]!.stdev).toBeGreaterThan(5);
  }, 60_000);

  it('refuses a capture that would crop the REMOTE badge', async () => {
    await expect(captureCanvas(browser.browser, target('cropped.html'), join(dir, 'cropped.png'))).rejects.toThrow(
      /badge is outside the 1440×900 view/,
    );
  }, 60_000);

  it('names the canvas origin when the node never appears', async () => {
    await expect(
      captureCanvas(
        browser.browser,
        { ...target('index.html'), nodeName: 'nobody', timeoutMs: 1500 },
        join(dir, 'none.png'),
      ),
    ).rejects.toThrow(/never showed "nobody"/);
  }, 60_000);
});
