// One 1200×630 share card per published post at /og/blog/<name>.png, rendered at build time.
import type { APIRoute, GetStaticPaths } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { formatDate, getPublicPosts } from '../../../../lib/public-content.ts';
import { entryName } from '../../../../../core/launch-room-kinds.ts';
import { OG_HEIGHT, OG_WIDTH, ogCardKey, renderOgCard, renderOgCardsAhead } from '../../../../lib/og-card.ts';

/** What a post's card shows; its brand-card cache key (inputs, renderer, fonts, sharp) is the page key. */
function cardFor(post: CollectionEntry<'blog'>) {
  return {
    title: post.data.title,
    eyebrow: 'Molecule AI blog',
    subtitle: `${post.data.author} · ${formatDate(post.data.published)}`,
  };
}

/** One 1200×630 share card per published post at /og/blog/<name>.png, rendered at build time. */
export const getStaticPaths = (async () => {
  const posts = await getPublicPosts();
  renderOgCardsAhead(posts.map(cardFor));
  return posts.map((post) => ({
    params: { name: entryName(post.id) },
    props: { post },
    cacheKey: ogCardKey(cardFor(post)),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { post } = props as { post: CollectionEntry<'blog'> };
  const png = await renderOgCard(cardFor(post));
  // The Buffer itself, not a copy: a thousand cards a build, each copy more garbage for Astro's large heap.
  return new Response(png as Uint8Array<ArrayBuffer>, {
    headers: { 'Content-Type': 'image/png', 'X-Og-Size': `${OG_WIDTH}x${OG_HEIGHT}` },
  });
};
