// The default share card at /og/site.png for pages without their own.
import type { APIRoute } from 'astro';
import { renderOgCard } from '../../../lib/og-card.ts';
import { getLandingCopy } from '../../../lib/public-content.ts';
import { loadFacts } from '../../../../core/facts.ts';

/** The default share card for pages without their own (home, blog index, tags, press). */
export const GET: APIRoute = async () => {
  const { product } = loadFacts();
  const landing = await getLandingCopy();
  const title = landing?.data.hero.headline ?? `${product.phase}: ${product.feature}`;
  const png = await renderOgCard({ title, eyebrow: `${product.company} · ${product.phase}` });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
