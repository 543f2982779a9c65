// /robots.txt: everything may be crawled; points to the sitemap on the canonical host.
import type { APIRoute } from 'astro';
import { canonicalUrl } from '../../../core/site-urls.ts';

/** robots.txt: everything may be crawled; the sitemap lives on the canonical host. */
export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${canonicalUrl('/sitemap-index.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
