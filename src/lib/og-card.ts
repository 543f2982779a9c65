// Renders the site's Open Graph cards through the brand card renderer and its cache.
import { createBrandCardCache, pruneBrandCardCache, type BrandCardCache } from '../../scripts/lib/brand-card-cache.ts';

/** Open Graph card size every share image uses. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

let cache: BrandCardCache | undefined;

/**
 * Renders a share card (PNG bytes) with the shared brand-card renderer at OG size. Cards go
 * through the content-hash cache under node_modules/.cache/og-cards, so a rebuild renders only
 * the cards whose title, eyebrow or subtitle (or the renderer itself) changed.
 */
export async function renderOgCard(options: { title: string; eyebrow?: string; subtitle?: string }): Promise<Buffer> {
  if (!cache) {
    // Astro builds from the project root; the cache lives in that project's node_modules.
    cache = createBrandCardCache({ root: process.cwd() });
    // Once per build: forget cards no build has used for a month.
    await pruneBrandCardCache(cache.dir);
  }
  return cache.render({ ...options, width: OG_WIDTH, height: OG_HEIGHT });
}
