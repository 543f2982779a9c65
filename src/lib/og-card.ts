// Renders the site-wide Open Graph card (/og/site.png) through the brand card renderer and its cache.
import { createBrandCardCache, pruneBrandCardCache, type BrandCardCache } from '../../scripts/lib/brand-card-cache.ts';
import { SHARE_CARD_HEIGHT, SHARE_CARD_WIDTH, type ShareCardText } from '../../core/share-card.ts';

let cache: BrandCardCache | undefined;
let pruned: Promise<number> | undefined;

/**
 * Renders a share card (PNG bytes) with the shared brand-card renderer at OG size. Cards go
 * through the content-hash cache under node_modules/.cache/og-cards, so a rebuild renders only
 * the cards whose title, eyebrow or subtitle (or the renderer itself) changed. Posts' cards are
 * placed by src/integrations/share-cards.ts, outside the page loop.
 */
export async function renderOgCard(text: ShareCardText): Promise<Buffer> {
  // Astro builds from the project root; the cache lives in that project's node_modules.
  cache ??= createBrandCardCache({ root: process.cwd() });
  // Once per build: forget cards no build has used for a month.
  pruned ??= pruneBrandCardCache(cache.dir);
  await pruned;
  return cache.render({ ...text, width: SHARE_CARD_WIDTH, height: SHARE_CARD_HEIGHT });
}
