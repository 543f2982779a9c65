// Content-hash cache of rendered brand cards in node_modules/.cache/og-cards, pruned by age.
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import {
  DEFAULT_CARD_HEIGHT,
  DEFAULT_CARD_WIDTH,
  renderBrandCard,
  resolveBrandFontFiles,
  type BrandCardOptions,
} from './brand-card.ts';
import { hashBytes, hashJson } from '../../core/hash.ts';
import { writeFileAtomic } from '../../core/write-atomic.ts';

/** Where rendered cards are kept, relative to the project root (git-ignored with node_modules). */
export const DEFAULT_CARD_CACHE_DIR = 'node_modules/.cache/og-cards';
/** Cards not used for this long are deleted by {@link pruneBrandCardCache}. */
export const DEFAULT_CARD_CACHE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
/**
 * Files whose code decides a card's pixels, relative to the project root. Their bytes are part of
 * every key, so editing the renderer or the palette invalidates the whole cache.
 */
export const CARD_RENDERER_SOURCES = [
  'scripts/lib/brand-card.ts',
  'scripts/lib/card-raster.ts',
  'scripts/lib/card-png.ts',
  'scripts/assets/brand-theme.ts',
] as const;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_END = Buffer.from('IEND');

/** What a cache did since it was created. */
export interface BrandCardCacheStats {
  /** Cards served from disk (or from a render already under way in this process). */
  hits: number;
  /** Cards rendered because no good entry existed. */
  renders: number;
  /** Rendered cards that could not be stored (the card is still returned). */
  writeFailures: number;
}

/** A content-addressed store of rendered brand cards. */
export interface BrandCardCache {
  readonly dir: string;
  readonly stats: BrandCardCacheStats;
  /** The cache key of a card: its inputs plus the renderer's code, fonts and sharp/libvips versions. */
  keyFor(options: BrandCardOptions): string;
  /** PNG bytes of the card, rendered only when no identical card was rendered before. */
  render(options: BrandCardOptions): Promise<Buffer>;
  /** Whether the card is stored already or being rendered (a cheap look, not a PNG check). */
  has(options: BrandCardOptions): boolean;
  /** Where the card is (or would be) stored; written once and never in place, so it can be hard-linked. */
  pathOf(options: BrandCardOptions): string;
}

/** Raised when the renderer's own files cannot be read to fingerprint it. */
export class BrandCardCacheError extends Error {
  override name = 'BrandCardCacheError';
}

/**
 * Opens the card cache of a project. Entries live at `<dir>/<2 hex>/<64 hex>.png` and are written
 * atomically, so a killed build never leaves half a card; an entry that is not a whole PNG is
 * rendered again. Using an entry refreshes its time, which {@link pruneBrandCardCache} goes by.
 */
export function createBrandCardCache(options: {
  root: string;
  /** Relative to root, or absolute. */ dir?: string;
}): BrandCardCache {
  const dir = resolve(options.root, options.dir ?? DEFAULT_CARD_CACHE_DIR);
  const renderer = fingerprintRenderer(options.root);
  const stats: BrandCardCacheStats = { hits: 0, renders: 0, writeFailures: 0 };
  const pending = new Map<string, Promise<Buffer>>();
  const keyFor = (card: BrandCardOptions) =>
    hashJson({
      card: {
        title: card.title,
        eyebrow: card.eyebrow,
        subtitle: card.subtitle,
        width: card.width ?? DEFAULT_CARD_WIDTH,
        height: card.height ?? DEFAULT_CARD_HEIGHT,
      },
      renderer,
    });

  async function produce(card: BrandCardOptions, key: string): Promise<Buffer> {
    const path = entryPath(dir, key);
    const stored = await readEntry(path);
    if (stored) {
      stats.hits++;
      return stored;
    }
    stats.renders++;
    const png = await renderBrandCard(card);
    await writeFileAtomic(path, png).catch(() => stats.writeFailures++);
    return png;
  }

  return {
    dir,
    stats,
    keyFor,
    has(card) {
      const key = keyFor(card);
      return pending.has(key) || existsSync(entryPath(dir, key));
    },
    pathOf: (card) => entryPath(dir, keyFor(card)),
    render(card) {
      const key = keyFor(card);
      const known = pending.get(key);
      if (known) {
        stats.hits++;
        return known;
      }
      // Concurrent requests for one card share a single render.
      const result = produce(card, key).finally(() => pending.delete(key));
      pending.set(key, result);
      return result;
    },
  };
}

/** Deletes cards unused for `maxAgeMs` (and stray temp files); returns how many files went. */
export async function pruneBrandCardCache(
  dir: string,
  maxAgeMs = DEFAULT_CARD_CACHE_MAX_AGE_MS,
  now = Date.now(),
): Promise<number> {
  let removed = 0;
  const shards = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const shard of shards.filter((item) => item.isDirectory())) {
    for (const name of await readdir(join(dir, shard.name)).catch(() => [] as string[])) {
      const path = join(dir, shard.name, name);
      const info = await stat(path).catch(() => undefined);
      if (info && now - info.mtimeMs > maxAgeMs) {
        await rm(path, { force: true });
        removed++;
      }
    }
  }
  return removed;
}

function entryPath(dir: string, key: string): string {
  const hex = key.replace(/^sha256:/, '');
  return join(dir, hex.slice(0, 2), `${hex}.png`);
}

/** A stored card, or undefined when it is missing or not a complete PNG. */
async function readEntry(path: string): Promise<Buffer | undefined> {
  const bytes = await readFile(path).catch(() => undefined);
  if (!bytes || bytes.length < 64) return undefined;
  if (
    !bytes.subarray(0, 8).equals(PNG_SIGNATURE) ||
    !bytes.subarray(bytes.length - 8, bytes.length - 4).equals(PNG_END)
  )
    return undefined;
  const now = new Date();
  await utimes(path, now, now).catch(() => undefined);
  return bytes;
}

const fingerprints = new Map<string, string>();

/** Hash of the renderer's code, its font files and the sharp/libvips/Pango versions; once per root. */
function fingerprintRenderer(root: string): string {
  const known = fingerprints.get(root);
  if (known) return known;
  const read = (path: string) => {
    try {
      return hashBytes(readFileSync(path));
    } catch (error) {
      throw new BrandCardCacheError(
        `cannot read ${path} to fingerprint the card renderer: ${(error as Error).message}`,
      );
    }
  };
  const fingerprint = hashJson({
    code: CARD_RENDERER_SOURCES.map((file) => read(join(root, file))),
    fonts: Object.values(resolveBrandFontFiles(root)).map(read),
    sharp: sharp.versions,
  });
  fingerprints.set(root, fingerprint);
  return fingerprint;
}
