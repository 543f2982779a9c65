import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { findChromium, chromiumArgs } from '../../scripts/lib/find-chromium.ts';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.ts';
import { readContent } from '../../scripts/lib/content-files.ts';
import { buildRealSite, REPO_ROOT } from '../site/site-build.ts';

// A printed PDF has one `/Type /Page` object per page (`/Type /Pages` is the page tree).
function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe('the launch room in a real browser', () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const site = await buildRealSite();
    server = await startStaticServer(site.internal);
    browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs() });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('prints every one-pager on a single page without the launch-room chrome', async () => {
    const onePagers = readContent(REPO_ROOT, ['onePagers']);
    expect(onePagers.length).toBeGreaterThan(0);
    const page = await browser.newPage();
    for (const onePager of onePagers) {
      await page.goto(`${server.url}/${onePager.id}/`);
      expect({ id: onePager.id, pages: countPdfPages(await page.pdf({ preferCSSPageSize: true })) }).toEqual({ id: onePager.id, pages: 1 });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.internal-banner').isVisible()).toBe(false);
      expect(await page.locator('.room-nav').isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
    }
    await page.close();
  });

  test('shows the INTERNAL banner on every page', async () => {
    const page = await browser.newPage();
    for (const path of ['/', '/social/', '/emails/', '/battlecards/']) {
      await page.goto(`${server.url}${path}`);
      expect(await page.locator('.internal-banner').textContent()).toContain('INTERNAL');
    }
    await page.close();
  });
});
