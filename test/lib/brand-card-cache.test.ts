// Tests of the brand card cache: hits, misses, pruning.
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { renderBrandCard } from '../../scripts/lib/brand-card.ts';
import { createBrandCardCache, pruneBrandCardCache } from '../../scripts/lib/brand-card-cache.ts';

const ROOT = join(import.meta.dirname, '../..');
const CARD = {
  title: 'Remote agents join the fleet',
  eyebrow: 'Molecule AI blog',
  subtitle: 'DevRel · 1 March 2026',
  width: 1200,
  height: 630,
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'card-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const storedFiles = () =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((item) => item.isFile())
    .map((item) => join(item.parentPath, item.name));

describe('brand card cache', () => {
  test("returns the renderer's bytes and serves identical inputs from disk without rendering again", async () => {
    const cache = createBrandCardCache({ root: ROOT, dir });
    const first = await cache.render(CARD);
    expect(first.equals(await renderBrandCard(CARD))).toBe(true);
    expect(cache.stats).toEqual({ hits: 0, renders: 1, writeFailures: 0 });

    // A new cache on the same folder stands for the next build (a new process).
    const next = createBrandCardCache({ root: ROOT, dir });
    const again = await next.render({ ...CARD });
    expect(again.equals(first)).toBe(true);
    expect(next.stats).toEqual({ hits: 1, renders: 0, writeFailures: 0 });
    expect(storedFiles()).toHaveLength(1);
  });

  test('renders again when the title changes, and the new card shows the new title', async () => {
    const cache = createBrandCardCache({ root: ROOT, dir });
    const before = await cache.render(CARD);
    const after = await cache.render({ ...CARD, title: 'Remote agents leave the fleet' });
    expect(cache.stats.renders).toBe(2);
    expect(after.equals(before)).toBe(false);
    expect(cache.keyFor({ ...CARD, title: 'Remote agents leave the fleet' })).not.toBe(cache.keyFor(CARD));
    const meta = await sharp(after).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', 1200, 630]);
    expect(storedFiles()).toHaveLength(2);
  });

  test('keys differ by eyebrow, subtitle and size, and default the size to 1200×630', () => {
    const cache = createBrandCardCache({ root: ROOT, dir });
    const keys = [CARD, { ...CARD, eyebrow: 'Other' }, { ...CARD, subtitle: undefined }, { ...CARD, height: 675 }].map(
      (card) => cache.keyFor(card),
    );
    expect(new Set(keys).size).toBe(4);
    expect(cache.keyFor({ title: CARD.title, eyebrow: CARD.eyebrow, subtitle: CARD.subtitle })).toBe(keys[0]);
  });

  test('shares one render between concurrent requests for the same card', async () => {
    const cache = createBrandCardCache({ root: ROOT, dir });
    const [a, b] = await Promise.all([cache.render(CARD), cache.render(CARD)]);
    expect(a.equals(b)).toBe(true);
    expect(cache.stats).toEqual({ hits: 1, renders: 1, writeFailures: 0 });
  });

  test('renders again over a stored entry that is not a whole PNG', async () => {
    const good = await createBrandCardCache({ root: ROOT, dir }).render(CARD);
    const [path] = storedFiles();
    writeFileSync(path!, good.subarray(0, good.length / 2));
    const cache = createBrandCardCache({ root: ROOT, dir });
    expect((await cache.render(CARD)).equals(good)).toBe(true);
    expect(cache.stats.renders).toBe(1);
    expect(readFileSync(path!).equals(good)).toBe(true);
  });

  test('prunes cards no build has used for longer than the limit', async () => {
    const cache = createBrandCardCache({ root: ROOT, dir });
    await cache.render(CARD);
    await cache.render({ ...CARD, title: 'Old post' });
    const [kept, old] = storedFiles() as [string, string];
    const monthAgo = new Date(Date.now() - 40 * 24 * 3600 * 1000);
    utimesSync(old, monthAgo, monthAgo);
    expect(await pruneBrandCardCache(dir)).toBe(1);
    expect(storedFiles()).toEqual([kept]);
  });
});
