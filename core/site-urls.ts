// Site paths and canonical URLs: pages per content id, tags, OG images, and route files to patterns.
import { relative } from 'node:path';
import { loadFacts } from './facts.ts';

/** The one canonical origin from content/facts.yaml (`site.canonicalHost`), without a trailing slash. */
export function canonicalHost(): string {
  return loadFacts().site.canonicalHost;
}

/**
 * The absolute URL of a site path on the canonical host. Page paths get a trailing slash
 * (the build writes `<path>/index.html`); file paths (with an extension) are left alone.
 */
export function canonicalUrl(path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  const isFile = /\.[a-z0-9]+$/i.test(clean);
  const withSlash = isFile || clean.endsWith('/') ? clean : `${clean}/`;
  return new URL(withSlash, `${canonicalHost()}/`).href;
}

/** Site path of a blog post, guide or tag page from its content id. */
export function pathForEntry(id: string): string {
  const [folder, ...rest] = id.split('/');
  const name = rest.join('/');
  if (folder === 'blog') return `/blog/${name}/`;
  if (folder === 'guides') return `/guides/${name}/`;
  return `/${id}/`;
}

/** Site path of a blog tag page. */
export function pathForTag(tag: string): string {
  return `/blog/tags/${tag}/`;
}

/** Site path of a post's generated OG image. */
export function ogImagePath(id: string): string {
  return `/og/${id}.png`;
}

/** Maps `src/routes/<audience>/blog/[slug].astro` to the pattern `/blog/[slug]`. */
export function patternFor(file: string, audienceDir: string): string {
  const path = relative(audienceDir, file)
    .replace(/\\/g, '/')
    .replace(/\.(astro|ts)$/, '');
  const pattern = `/${path}`.replace(/\/index$/, '') || '/';
  return pattern === '' ? '/' : pattern;
}
