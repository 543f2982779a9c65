import { renderBrandCard } from '../../scripts/lib/brand-card.ts';

/** Open Graph card size every share image uses. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** Renders a share card (PNG bytes) with the shared brand-card renderer at OG size. */
export async function renderOgCard(options: { title: string; eyebrow?: string; subtitle?: string }): Promise<Buffer> {
  return renderBrandCard({ ...options, width: OG_WIDTH, height: OG_HEIGHT });
}
