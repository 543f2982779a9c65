// Tests of the brand card renderer: sizes, visible text, fitting, Inter, and text kept clear of the motif.
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { BrandCardError, composeBrandCard, findCardOverlaps, renderBrandCard } from '../../scripts/lib/brand-card.ts';
import { MIN_LABEL_CONTRAST } from '../../scripts/assets/diagram-check.ts';
import { readRaster, regionContrast } from '../../scripts/assets/raster.ts';

const contrastOf = async (png: Buffer, region: { left: number; top: number; width: number; height: number }) =>
  regionContrast(await readRaster(png), { x: region.left, y: region.top, width: region.width, height: region.height });

describe('brand card', () => {
  test.each([
    // Open Graph and LinkedIn.
    [1200, 630],
    // X (16:9).
    [1200, 675],
  ])('renders a %i×%i PNG with visible title, eyebrow and subtitle', async (width, height) => {
    const card = await composeBrandCard({
      title: 'Remote Workspaces is GA',
      eyebrow: 'Phase 30 · Launch',
      subtitle: 'moleculesai.app',
      width,
      height,
    });
    const meta = await sharp(card.png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', width, height]);
    const { decoration: _decoration, ...texts } = card.regions;
    for (const region of Object.values(texts))
      expect(await contrastOf(card.png, region!)).toBeGreaterThan(MIN_LABEL_CONTRAST);
    expect(card.regions.title.top).toBeGreaterThan(card.regions.eyebrow!.top);
    expect(card.regions.subtitle!.top).toBeGreaterThan(card.regions.title.top + card.regions.title.height);
  });

  test('wraps a long title inside the card and shrinks it before cutting', async () => {
    const title = 'Agents on AWS, on GCP, on a laptop and in your own data center, governed in one place';
    const card = await composeBrandCard({ title });
    expect(card.truncated).toBe(false);
    expect(card.titleFontSize).toBeLessThan(76);
    expect(card.regions.title.left + card.regions.title.width).toBeLessThanOrEqual(1200 - 80);
    // At least two lines: the block is taller than one line of its size.
    expect(card.regions.title.height).toBeGreaterThan(card.titleFontSize * 1.5);
  });

  test('cuts a title that cannot fit with an ellipsis, still inside the card', async () => {
    const card = await composeBrandCard({ title: 'word '.repeat(80).trim(), subtitle: 'moleculesai.app' });
    expect(card.truncated).toBe(true);
    const bottom = card.regions.subtitle!.top + card.regions.subtitle!.height;
    expect(bottom).toBeLessThan(630);
  });

  test('renders the same bytes for the same options', async () => {
    const options = { title: 'Keep your agent where it runs today.', eyebrow: 'Phase 30 · Developer' };
    expect((await renderBrandCard(options)).equals(await renderBrandCard(options))).toBe(true);
  });

  test('sets text in the bundled Inter, not a system font', async () => {
    // Inter Bold at 30 px sets "Molecule AI" about 170 px wide; DejaVu Sans Bold (the usual
    // fallback) is over 190 px, so a missing bundled font shows up here.
    const card = await composeBrandCard({ title: 'x' });
    expect(card.regions.wordmark.width).toBeGreaterThan(150);
    expect(card.regions.wordmark.width).toBeLessThan(182);
  });

  test.each([
    // The X product post's headline, which once ran under the motif ("laptop, another", "join").
    [
      1200,
      675,
      'Phase 30 is out: agents on a laptop, another cloud or an on-prem server can now join your Molecule AI org as workspaces.',
    ],
    [1200, 630, 'Remote Workspaces: bring agents from any laptop, cloud or on-prem server into one Molecule AI canvas'],
    [600, 315, 'A small card keeps the same proportions, so text and motif stay apart as well'],
  ])('keeps every text block of a %i×%i card clear of the fleet motif', async (width, height, title) => {
    const card = await composeBrandCard({
      title,
      eyebrow: 'Phase 30 · Product',
      subtitle: 'moleculesai.app',
      width,
      height,
    });
    expect(findCardOverlaps(card.regions)).toEqual([]);
    const { decoration } = card.regions;
    for (const region of [card.regions.title, card.regions.subtitle!, card.regions.eyebrow!]) {
      expect(region.left + region.width).toBeLessThan(decoration.left);
    }
  });

  test('names the text blocks a layout would draw over the decoration', () => {
    const box = (left: number, top: number, width: number, height: number) => ({ left, top, width, height });
    const regions = {
      wordmark: box(138, 80, 160, 30),
      title: box(80, 200, 900, 200),
      subtitle: box(80, 420, 300, 30),
      decoration: box(914, 160, 286, 340),
    };
    expect(findCardOverlaps(regions)).toEqual(['title']);
  });

  test.each([
    ['an empty title', { title: '  ' }, 'card title is empty'],
    [
      'a width that is not a whole number',
      { title: 'x', width: 1200.5 },
      'card width must be a whole number of pixels from 300 to 4096, got 1200.5',
    ],
    [
      'a huge height',
      { title: 'x', height: 10_000 },
      'card height must be a whole number of pixels from 300 to 4096, got 10000',
    ],
  ])('rejects %s', async (_name, options, message) => {
    await expect(renderBrandCard(options)).rejects.toThrow(BrandCardError);
    await expect(renderBrandCard(options)).rejects.toThrow(message);
  });
});
