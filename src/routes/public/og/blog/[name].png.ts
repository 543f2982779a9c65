// One 1200×630 share card per published post at /og/blog/<name>.png, rendered at build time.
import type { APIRoute, GetStaticPaths } from 'astro';
import type { CollectionEntry } from 'astro:content';
import { formatDate, getPublicPosts } from '../../../../lib/public-content.ts';
import { entryName } from '../../../../../core/launch-room-kinds.ts';
import { OG_HEIGHT, OG_WIDTH, renderOgCard } from '../../../../lib/og-card.ts';

/** One 1200×630 share card per published post at /og/blog/<name>.png, rendered at build time. */
export const getStaticPaths = (async () => {
  const posts = await getPublicPosts();
  return posts.map((post) => ({ params: { name: entryName(post.id) }, props: { post } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { post } = props as { post: CollectionEntry<'blog'> };
  const png = await renderOgCard({
    title: post.data.title,
    eyebrow: 'Molecule AI blog',
    subtitle: `${post.data.author} · ${formatDate(post.data.published)}`,
  });
  return new Response(new Uint8Array(png), {
    headers: { 'Content-Type': 'image/png', 'X-Og-Size': `${OG_WIDTH}x${OG_HEIGHT}` },
  });
};
