// /rss.xml: RSS 2.0 feed of published posts, linked on the canonical host.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getPublicPosts } from '../../lib/public-content.ts';
import { canonicalHost, canonicalUrl, pathForEntry } from '../../../core/site-urls.ts';
import { loadFacts } from '../../../core/facts.ts';

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** RSS 2.0 feed of published posts at /rss.xml, links on the canonical host. */
export const GET: APIRoute = async () => {
  const posts = await getPublicPosts();
  const { site } = loadFacts();
  return rss({
    title: `${site.name} blog`,
    description: `Launch notes and engineering posts from ${site.name}.`,
    site: canonicalHost(),
    items: posts.map((post) => ({
      title: post.data.title,
      description: post.data.description,
      pubDate: post.data.published,
      link: canonicalUrl(pathForEntry(post.id)),
      categories: post.data.tags,
      customData: `<dc:creator>${escapeXml(post.data.author)}</dc:creator>`,
    })),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/' },
    customData: '<language>en</language>',
    trailingSlash: true,
  });
};
