// Renders the site's Open Graph cards through the brand card renderer and its cache.
import pLimit from 'p-limit';
import { createBrandCardCache, pruneBrandCardCache, type BrandCardCache } from '../../scripts/lib/brand-card-cache.ts';

/** Open Graph card size every share image uses. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

let cache: BrandCardCache | undefined;
let pruned: Promise<number> | undefined;

function openCache(): BrandCardCache {
  // Astro builds from the project root; the cache lives in that project's node_modules.
  cache ??= createBrandCardCache({ root: process.cwd() });
  return cache;
}

/** The content key of a share card: what it shows plus the renderer's code, fonts and sharp version. */
export function ogCardKey(options: { title: string; eyebrow?: string; subtitle?: string }): string {
  return openCache().keyFor({ ...options, width: OG_WIDTH, height: OG_HEIGHT });
}

/**
 * Renders a share card (PNG bytes) with the shared brand-card renderer at OG size. Cards go
 * through the content-hash cache under node_modules/.cache/og-cards, so a rebuild renders only
 * the cards whose title, eyebrow or subtitle (or the renderer itself) changed.
 */
export async function renderOgCard(options: { title: string; eyebrow?: string; subtitle?: string }): Promise<Buffer> {
  if (!pruned) {
    // Once per build: forget cards no build has used for a month.
    pruned = pruneBrandCardCache(openCache().dir);
  }
  await pruned;
  return openCache().render({ ...options, width: OG_WIDTH, height: OG_HEIGHT });
}

/** Cards rendered ahead at once: libuv's threads do the work while Astro renders pages on the main thread. */
const AHEAD = 2;

/**
 * Starts rendering, in the background, every card not in the cache yet. Astro renders one page at
 * a time (its incremental build requires it), so without this a cold build of a thousand posts
 * would render a thousand cards one after another; started from getStaticPaths, they are ready
 * (on disk) by the time their pages come. A card that fails here is rendered again by its page,
 * which then reports the error.
 */
export function renderOgCardsAhead(cards: ReadonlyArray<{ title: string; eyebrow?: string; subtitle?: string }>): void {
  const limit = pLimit(AHEAD);
  for (const card of cards) {
    const options = { ...card, width: OG_WIDTH, height: OG_HEIGHT };
    if (openCache().has(options)) continue;
    void limit(() =>
      openCache()
        .render(options)
        .then(
          () => undefined,
          () => undefined,
        ),
    );
  }
}
