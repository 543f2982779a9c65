// Generates the static site the out-link bench checks: thousands of pages with planted broken links.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What {@link generateStaticSite} planted, so a bench can check both tools found it. */
export interface GeneratedSite {
  dir: string;
  pages: number;
  /** Broken internal references planted on purpose (missing pages, images, anchors). */
  broken: number;
}

const CANONICAL = 'https://moleculesai.app';

function page(index: number, pages: number, breaks: boolean): string {
  const links = Array.from(
    { length: 25 },
    (_, step) =>
      `<li><a href="/p/${(index * 7 + step * 13) % pages}/">Page ${(index * 7 + step * 13) % pages}</a></li>`,
  ).join('\n');
  const broken = breaks
    ? `<p><a href="/p/missing-${index}/">gone</a> <img src="/img/missing-${index}.png" alt="gone"> <a href="/p/${(index + 1) % pages}/#no-such-anchor">anchor</a></p>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Page ${index}</title>
<link rel="stylesheet" href="/assets/site.css"><link rel="icon" href="/favicon.svg">
<meta property="og:image" content="${CANONICAL}/img/og-${index % 50}.png">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Page ${index}","image":"${CANONICAL}/img/og-${index % 50}.png","url":"${CANONICAL}/p/${index}/"}</script>
</head><body><header><a href="/">Home</a> <a href="#main">Skip</a></header>
<main id="main"><h1 id="top">Page ${index}</h1>
<p>Remote agents register, pull secrets and heartbeat. <a href="https://example.com/ref/${index}">External reference</a>.</p>
<img src="/img/photo-${index % 50}.png" srcset="/img/photo-${index % 50}.png 1x, /img/photo-${(index + 1) % 50}.png 2x" alt="Photo">
<ul>
${links}
</ul>
${broken}
<p><a href="../${(index + 3) % pages}/#top">Relative</a></p>
</main><script src="/assets/site.js"></script></body></html>
`;
}

/**
 * Writes a static site of `pages` HTML pages (25 internal links each, images with srcset,
 * OG images, JSON-LD, fragments, one external link) with a few broken references planted.
 */
export function generateStaticSite(dir: string, pages: number, breakEvery = 200): GeneratedSite {
  mkdirSync(join(dir, 'assets'), { recursive: true });
  mkdirSync(join(dir, 'img'), { recursive: true });
  writeFileSync(join(dir, 'assets/site.css'), 'body{font-family:sans-serif}\n');
  writeFileSync(join(dir, 'assets/site.js'), 'console.log("site");\n');
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
  for (let index = 0; index < 50; index++) {
    writeFileSync(join(dir, `img/photo-${index}.png`), `png ${index}`);
    writeFileSync(join(dir, `img/og-${index}.png`), `og ${index}`);
  }
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html><head><title>Home</title></head><body>${Array.from({ length: pages }, (_, index) => `<a href="/p/${index}/">${index}</a>`).join(' ')}</body></html>\n`,
  );
  let broken = 0;
  for (let index = 0; index < pages; index++) {
    const breaks = index % breakEvery === 0;
    if (breaks) broken += 3;
    mkdirSync(join(dir, `p/${index}`), { recursive: true });
    writeFileSync(join(dir, `p/${index}/index.html`), page(index, pages, breaks));
  }
  return { dir, pages, broken };
}
