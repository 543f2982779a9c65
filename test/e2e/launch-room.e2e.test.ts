// Browser tests of the launch room: printing, the INTERNAL banner and the inventory at 1440 px.
import { describe, expect, test } from 'vitest';
import { readContent } from '../../core/content-files.ts';
import { REPO_ROOT } from '../site/site-build.ts';
import { useSiteInBrowser } from './site-browser.ts';

// A printed PDF has one `/Type /Page` object per page (`/Type /Pages` is the page tree).
function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

describe('the launch room in a real browser', () => {
  const site = useSiteInBrowser('internal');

  test('prints every one-pager on a single page without the launch-room chrome', async () => {
    const onePagers = readContent(REPO_ROOT, ['onePagers']);
    expect(onePagers.length).toBeGreaterThan(0);
    const page = await site.browser.newPage();
    for (const onePager of onePagers) {
      await page.goto(`${site.url}/${onePager.id}/`);
      expect({ id: onePager.id, pages: countPdfPages(await page.pdf({ preferCSSPageSize: true })) }).toEqual({
        id: onePager.id,
        pages: 1,
      });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.internal-banner').isVisible()).toBe(false);
      expect(await page.locator('.room-nav').isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
    }
    await page.close();
  });

  test('shows the INTERNAL banner on every page', async () => {
    const page = await site.browser.newPage();
    for (const path of ['/', '/social/', '/emails/', '/battlecards/']) {
      await page.goto(`${site.url}${path}`);
      expect(await page.locator('.internal-banner').textContent()).toContain('INTERNAL');
    }
    await page.close();
  });

  test('lays the asset inventory across the full width at 1440 px, commands wrapping by word only', async () => {
    const page = await site.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${site.url}/inventory/phase30/`);
    const nav = await page.locator('.room-nav').boundingBox();
    const table = await page.locator('table.inventory').boundingBox();
    // The table fills what the menu leaves (minus the page padding), not a 68rem column.
    expect(table!.width).toBeGreaterThan((1440 - nav!.width) * 0.9);
    // Every command in the State column is laid out on lines wider than a few letters.
    const commands = await page.locator('table.inventory td.state code').evaluateAll((nodes) =>
      nodes.map((node) => {
        const lines = [...node.getClientRects()];
        return {
          text: node.textContent ?? '',
          narrowest: Math.min(...lines.map((line) => line.width)),
          lines: lines.length,
        };
      }),
    );
    for (const command of commands) expect(command.narrowest, command.text).toBeGreaterThan(60);
    await page.close();
  });
});
