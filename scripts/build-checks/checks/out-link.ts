// Rule `out-link`: every internal URL in the built HTML, feeds and sitemap resolves to a built file or #id.
import type { Check, CheckContext } from '../check.ts';
import type { BuiltAudience } from '../steps/built-site.ts';
import type { HtmlScan } from '../lib/html-scan.ts';
import { builtFileScan, isScannedPage } from '../lib/built-file-scans.ts';

/** Schemes and forms that are not files of the site. */
const SKIPPED = /^(?:mailto|tel|data|javascript|sms|blob):/i;

/** The URL path a built file is served at (`dist/public/blog/x/index.html` → `/blog/x/`). */
export function servedPath(file: string, dir: string): string {
  return `/${file.slice(dir.length + 1)}`.replace(/(^|\/)index\.html$/, '$1');
}

/**
 * Finds the built file a site path lands on, as a static host with clean URLs serves it:
 * `/x/` is `x/index.html` (or `x.html`, as Astro writes 404.html), `/x` is `x`, `x/index.html` or `x.html`.
 */
export function builtFileFor(path: string, audience: BuiltAudience): string | undefined {
  const base = `${audience.dir}${path}`;
  const candidates = path.endsWith('/')
    ? [`${base}index.html`, `${base.slice(0, -1)}.html`]
    : [base, `${base}/index.html`, `${base}.html`];
  return candidates.find((candidate) => audience.files.has(candidate));
}

function scanOf(ctx: CheckContext, file: string): HtmlScan {
  return builtFileScan(ctx, 'scan', file, () => ctx.sources.textOf(file));
}

/** Checks one reference found in a built file; returns a problem or undefined. */
function checkRef(
  ctx: CheckContext,
  audience: BuiltAudience,
  pagePath: string,
  url: string,
  canonical: URL | undefined,
): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '' || SKIPPED.test(trimmed)) return trimmed === '' ? 'empty URL' : undefined;
  let target: URL;
  try {
    target = new URL(trimmed, canonical ? new URL(pagePath, canonical) : new URL(pagePath, 'https://site.invalid'));
  } catch {
    return `malformed URL ${trimmed}`;
  }
  const internal = canonical ? target.host === canonical.host : target.host === 'site.invalid';
  if (!internal) return undefined;
  let path: string;
  try {
    path = decodeURI(target.pathname);
  } catch {
    path = target.pathname;
  }
  const file = builtFileFor(path, audience);
  if (!file)
    return `${trimmed} does not resolve to a built file (no ${audience.dir}${path.endsWith('/') ? `${path}index.html` : path})`;
  const fragment = target.hash.slice(1);
  if (fragment && file.endsWith('.html')) {
    const id = decodeURIComponent(fragment);
    if (!scanOf(ctx, file).ids.has(id)) return `${trimmed}: no element with id "${id}" in ${file}`;
  }
  return undefined;
}

/**
 * After the build, every link, image, source, poster, stylesheet, OG/Twitter image and JSON-LD
 * URL that points inside the site resolves to a file of the same build (fragments included).
 */
export const outLinkCheck: Check = {
  id: 'out-link',
  phase: 'output',
  description: 'internal URLs in dist/public and dist/internal (HTML, JSON-LD, feeds, sitemaps) resolve to built files',
  run(ctx) {
    const host = ctx.sources.facts?.site.canonicalHost;
    const canonical = host ? new URL(host) : undefined;
    for (const audience of ctx.site?.audiences ?? []) {
      const pages = [...audience.files].filter(isScannedPage).sort();
      for (const file of pages) {
        const pagePath = servedPath(file, audience.dir);
        for (const ref of scanOf(ctx, file).refs) {
          const problem = ref.via.startsWith('json-ld (')
            ? 'JSON-LD block is not valid JSON'
            : checkRef(ctx, audience, pagePath, ref.url, canonical);
          if (problem) ctx.report({ file, offset: ref.index, message: `${ref.via}: ${problem}` });
        }
      }
    }
  },
};
