// Tests of the built-HTML scanner (URLs with offsets, ids, entities) and the leak-matching helpers.
import { describe, expect, test } from 'vitest';
import { scanHtml, scanXml } from '../../scripts/build-checks/lib/html-scan.ts';
import { normalizeText, shinglesOf } from '../../scripts/build-checks/lib/text-match.ts';
import { renderFactComponents } from '../../scripts/build-checks/checks/leak.ts';
import { loadFacts } from '../../core/facts.ts';

const PAGE = `<!doctype html><html><head>
<link rel="preconnect" href="https://fonts.example.com"><link rel="stylesheet" href="/_astro/a.css">
<meta property="og:image" content="https://moleculesai.app/og/blog/x.png"><meta name="twitter:image" content="/og/blog/x.png">
<script type="application/ld+json">{"@type":"Article","image":{"url":"https://moleculesai.app/og/blog/x.png"},"author":{"name":"Molecule AI"}}</script>
<script>const url = "<img src='/not-a-tag.png'>";</script>
</head><body><!-- <img src="/commented.png"> -->
<a href="/blog/x/#intro" id="top">x</a><img src=/unquoted.png srcset="/a.png 1x, /b.png 2x" alt="a&amp;b">
<video poster="/poster.jpg"><source src="/v.mp4"></video><audio src="/a.mp3"><track src="/a.vtt"></audio>
<a href="/q?a=1&amp;b=2">q</a><h2 id="intro">Intro</h2></body></html>`;

describe('built HTML scanning', () => {
  test('finds every URL a reader or crawler follows, with its offset', () => {
    const { refs, ids } = scanHtml(PAGE);
    expect(refs.map((ref) => `${ref.via} ${ref.url}`)).toEqual([
      'link[href] /_astro/a.css',
      'meta[og:image] https://moleculesai.app/og/blog/x.png',
      'meta[twitter:image] /og/blog/x.png',
      'json-ld https://moleculesai.app/og/blog/x.png',
      'a[href] /blog/x/#intro',
      'img[src] /unquoted.png',
      'img[srcset] /a.png',
      'img[srcset] /b.png',
      'video[poster] /poster.jpg',
      'source[src] /v.mp4',
      'audio[src] /a.mp3',
      'track[src] /a.vtt',
      'a[href] /q?a=1&b=2',
    ]);
    for (const ref of refs.filter((candidate) => candidate.via !== 'json-ld')) {
      expect(PAGE.slice(ref.index, ref.index + 4)).toBe(ref.url.replace('&', '&amp;').slice(0, 4));
    }
    expect([...ids]).toEqual(['top', 'intro']);
  });

  test('decodes every named character reference, not only a short table, and keeps the value offset', () => {
    // &eacute; and &frac12; were outside the old hand-written table; &sect; starts the value.
    const html = '<p>\n  <a href="/caf&eacute;/&frac12;/">x</a><img\n src=\'&sect;/y.png\' data-x=1></p>';
    const refs = scanHtml(html).refs;
    expect(refs.map((ref) => ref.url)).toEqual(['/café/½/', '§/y.png']);
    expect(html.slice(refs[0]!.index, refs[0]!.index + 5)).toBe('/caf&');
    expect(html.slice(refs[1]!.index, refs[1]!.index + 6)).toBe('&sect;');
  });

  test('reads feed and sitemap URLs', () => {
    const xml =
      '<rss><channel><link>https://moleculesai.app/</link><item><link>https://moleculesai.app/blog/x/</link><enclosure url="https://moleculesai.app/a.mp3"/></item></channel></rss>';
    expect(scanXml(xml).refs.map((ref) => ref.url)).toEqual([
      'https://moleculesai.app/',
      'https://moleculesai.app/blog/x/',
      'https://moleculesai.app/a.mp3',
    ]);
  });

  test('normalises text for leak matching and maps back to the source', () => {
    const html = '<p>Don&rsquo;t ship <em>internal</em> notes&nbsp;early</p>';
    const normal = normalizeText(html, true);
    expect(normal.text).toBe('dont ship internal notes early');
    expect(html.slice(normal.offsets[normal.text.indexOf('internal')])).toMatch(/^internal/);
  });
});

describe('leak matching helpers', () => {
  test('cuts normalised text into ten-word runs with their offsets', () => {
    const text = 'one two three four five six seven eight nine ten eleven';
    expect(shinglesOf(text)).toEqual([
      { shingle: 'one two three four five six seven eight nine ten', index: 0 },
      { shingle: 'two three four five six seven eight nine ten eleven', index: 4 },
    ]);
    expect(shinglesOf('too short')).toEqual([]);
  });

  test('renders Fact and Route components as the site prints them', () => {
    const facts = loadFacts(`${import.meta.dirname}/../fixtures/checks-pass`);
    expect(
      renderFactComponents(
        'Every <Fact k="liveness.heartbeatSeconds" /> s via <Route id="heartbeat" /> or <Route id="state" pathOnly />.',
        facts,
      ),
    ).toBe('Every 30 s via POST /registry/heartbeat or /workspaces/:id/state.');
  });
});
