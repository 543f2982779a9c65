// Tests of the site built from the real launch content (both audiences).
import { beforeAll, describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { readContent, type ContentFile } from '../../core/content-files.ts';
import { loadFacts } from '../../core/facts.ts';
import { LAUNCH_ROOM_SECTIONS, launchRoomPath, launchRoomSectionPath } from '../../core/launch-room-kinds.ts';
import { isPublishable, type PublishableFields } from '../../core/publishable.ts';
import { resolveStaticFile } from '../helpers/static-server.ts';
import { buildFixtureSite, buildRealSite, listSiteFiles, REPO_ROOT, type SiteBuild } from './site-build.ts';
import { extractJsonLd, findInSite, metaContent, readSiteText, type SiteText } from './site-text.ts';

type Data = PublishableFields & { title: string; description: string };

function entryName(id: string): string {
  return id.slice(id.indexOf('/') + 1);
}

describe('the site built from the real launch content', () => {
  let site: SiteBuild;
  let content: ContentFile[];
  let publicText: SiteText[];
  const now = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const host = loadFacts(REPO_ROOT).site.canonicalHost;
  const publishable = (collection: string) =>
    content.filter(
      (file) => file.collection === collection && file.data && isPublishable(file.data as unknown as Data, now),
    );

  beforeAll(async () => {
    site = await buildRealSite();
    content = readContent(REPO_ROOT);
    publicText = await readSiteText(site.public);
  });

  test('lists every published post in the RSS feed with canonical links', async () => {
    const rss = await readFile(join(site.public, 'rss.xml'), 'utf8');
    const posts = publishable('blog');
    expect(posts.length).toBeGreaterThan(0);
    for (const post of posts) expect(rss).toContain(`<link>${host}/blog/${entryName(post.id)}/</link>`);
    expect([...rss.matchAll(/<item>/g)]).toHaveLength(posts.length);
  });

  test('puts every published post and guide in the sitemap on the canonical host', async () => {
    const sitemap = await readFile(join(site.public, 'sitemap-0.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    expect(locs.every((loc) => loc.startsWith(`${host}/`))).toBe(true);
    for (const post of publishable('blog')) expect(locs).toContain(`${host}/blog/${entryName(post.id)}/`);
    for (const guide of publishable('docs')) expect(locs).toContain(`${host}/guides/${entryName(guide.id)}/`);
    expect(locs.some((loc) => loc.includes('/404'))).toBe(false);
  });

  test('indexes guides and posts with Pagefind', async () => {
    const entry = JSON.parse(await readFile(join(site.public, 'pagefind', 'pagefind-entry.json'), 'utf8'));
    const pages = Object.values(entry.languages as Record<string, { page_count: number }>).reduce(
      (sum, language) => sum + language.page_count,
      0,
    );
    expect(pages).toBeGreaterThanOrEqual(publishable('blog').length + publishable('docs').length);
    const fragments = publicText
      .filter(({ file }) => file.endsWith('.pf_fragment'))
      .map(({ text }) => text)
      .join('\n');
    for (const guide of publishable('docs')) expect(fragments).toContain(`"url":"/guides/${entryName(guide.id)}/"`);
    for (const post of publishable('blog')) expect(fragments).toContain(`"url":"/blog/${entryName(post.id)}/"`);
    const guide = await readFile(
      join(site.public, 'guides', entryName(publishable('docs')[0]!.id), 'index.html'),
      'utf8',
    );
    expect(guide).toContain('id="starlight__search"');
  });

  test('renders a 1200×630 PNG share card for every published post', async () => {
    for (const post of publishable('blog')) {
      const meta = await sharp(join(site.public, 'og', 'blog', `${entryName(post.id)}.png`)).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
        format: 'png',
        width: 1200,
        height: 630,
      });
    }
  });

  test('gives each post a BlogPosting JSON-LD and OG tags built from its frontmatter', async () => {
    for (const post of publishable('blog')) {
      const name = entryName(post.id);
      const html = await readFile(join(site.public, 'blog', name, 'index.html'), 'utf8');
      const data = post.data as unknown as Data & { published: Date; author: string };
      const [ld] = extractJsonLd(html) as Array<Record<string, unknown>>;
      expect(ld).toMatchObject({
        '@type': 'BlogPosting',
        headline: data.title,
        description: data.description,
        datePublished: data.published.toISOString(),
        url: `${host}/blog/${name}/`,
        image: { url: `${host}/og/blog/${name}.png` },
        author: { name: data.author },
        publisher: { '@type': 'Organization' },
      });
      expect(metaContent(html, 'og:image')).toBe(`${host}/og/blog/${name}.png`);
      expect(metaContent(html, 'twitter:image')).toBe(`${host}/og/blog/${name}.png`);
      expect(html).toContain(`<link rel="canonical" href="${host}/blog/${name}/"`);
      expect(html).toContain('data-pagefind-body');
    }
  });

  test('builds a launch-room page for every piece of content, drafts and internal pieces included', async () => {
    const pages = new Set(await listSiteFiles(site.internal));
    expect(pages.has('index.html')).toBe(true);
    const missing = content.filter((file) => !pages.has(`${file.id}/index.html`)).map((file) => file.id);
    expect(missing).toEqual([]);
    const dashboard = await readFile(join(site.internal, 'index.html'), 'utf8');
    for (const file of content) expect(dashboard).toContain(`href="/${file.id}/"`);
    expect(dashboard).toContain('INTERNAL');
  });

  test('keeps every internal, draft or embargoed title out of dist/public, feeds and search index included', () => {
    const heldBack = content.filter((file) => file.data && !isPublishable(file.data as unknown as Data, now));
    expect(heldBack.length).toBeGreaterThan(0);
    const leaks = heldBack.flatMap((file) => {
      const { title } = file.data as unknown as Data;
      return findInSite(publicText, title).map((where) => `${file.id} "${title}" in ${where}`);
    });
    expect(leaks).toEqual([]);
  });

  test('resolves every link between pages of each build', async () => {
    const demoBuilt = existsSync(join(site.internal, 'demo', 'index.html'));
    for (const dir of [site.public, site.internal]) {
      const pages = (await listSiteFiles(dir)).filter((file) => file.endsWith('.html'));
      const broken: string[] = [];
      let checked = 0;
      for (const page of pages) {
        const html = await readFile(join(dir, page), 'utf8');
        for (const [, href] of html.matchAll(/<a\s[^>]*href="(\/[^"#?]*)[^"]*"/g)) {
          // The launch-room menu links /demo/, which the demo command's pages provide.
          if (href === '/demo/' && !demoBuilt && dir === site.internal) continue;
          checked++;
          if (!(await resolveStaticFile(dir, href!))) broken.push(`${page} → ${href}`);
        }
      }
      expect([...new Set(broken)]).toEqual([]);
      expect(checked).toBeGreaterThan(pages.length);
    }
  });

  test('gives every launch-room page the same menu, linking a kind with one piece straight to it', async () => {
    const pages = (await listSiteFiles(site.internal)).filter((file) => file.endsWith('.html'));
    const menuOf = (html: string) =>
      [...(/<nav class="room-nav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '').matchAll(/<a[^>]*href="([^"]+)"/g)].map(
        (match) => match[1],
      );
    const first = menuOf(await readFile(join(site.internal, 'index.html'), 'utf8'));
    for (const section of LAUNCH_ROOM_SECTIONS) {
      const entries = content.filter((file) => file.collection === section.collection && file.data);
      expect(first).toContain(
        entries.length === 1 ? launchRoomPath(entries[0]!.id) : launchRoomSectionPath(section.dir),
      );
    }
    for (const page of pages.filter((file) => file !== '404.html'))
      expect(menuOf(await readFile(join(site.internal, page), 'utf8')), page).toEqual(first);
  });

  test('routes no launch-room section in the public build', async () => {
    const files = await listSiteFiles(site.public);
    const internalDirs = [
      'battlecards',
      'objections',
      'landing',
      'one-pagers',
      'community',
      'hn',
      'social',
      'emails',
      'voiceovers',
      'storyboards',
      'video',
      'roadmap',
      'checklists',
      'inventory',
      'demo',
    ];
    expect(files.filter((file) => internalDirs.includes(file.split('/')[0]!))).toEqual([]);
  });

  test('ships only the generated files public pages reference, none made for internal pieces', async () => {
    const shipped = (await listSiteFiles(site.public)).filter((file) => file.startsWith('marketing/'));
    const pageText = publicText.map((page) => page.text).join('\n');
    expect(shipped.length).toBeGreaterThan(0);
    for (const file of shipped) expect(pageText, file).toContain(`/${file}`);
    const internalAudio = content
      .filter((file) => file.collection === 'voiceovers' && (file.data as Data | undefined)?.audience === 'internal')
      .map((file) => (file.data as unknown as { output: string }).output);
    expect(internalAudio.length).toBeGreaterThan(0);
    for (const output of internalAudio) expect(shipped).not.toContain(output);
    expect(new Set(await listSiteFiles(site.internal))).toContain(internalAudio[0]);
  });
});

describe('publishing rules on a controlled fixture', () => {
  const FIXTURE = 'site-publishing';
  const BEFORE_EMBARGO = '2029-12-31T00:00:00Z';
  const AFTER_EMBARGO = '2030-01-02T00:00:00Z';
  // Markers written into held-back fixture pieces; none may reach the public site in any form.
  const HELD_BACK_MARKERS = [
    'Zanzibar',
    'ZANZIBAR',
    'zanzibartag',
    'Quokka',
    'QUOKKA',
    'Wombat',
    'WOMBAT',
    'Narwhal',
    'NARWHAL',
    'Ocelot',
    'OCELOT',
    'fixture-draft',
    'fixture-internal',
  ];
  let before: SiteBuild;
  let after: SiteBuild;
  let beforeText: SiteText[];

  beforeAll(async () => {
    before = await buildFixtureSite(FIXTURE, BEFORE_EMBARGO);
    after = await buildFixtureSite(FIXTURE, AFTER_EMBARGO, ['public']);
    beforeText = await readSiteText(before.public);
  });

  test('publishes only public, approved, unembargoed pieces', () => {
    const leaks = HELD_BACK_MARKERS.flatMap((marker) =>
      findInSite(beforeText, marker).map((where) => `${marker} in ${where}`),
    );
    expect(leaks).toEqual([]);
    expect(existsSync(join(before.public, 'blog', 'fixture-approved', 'index.html'))).toBe(true);
    expect(existsSync(join(before.public, 'guides', 'fixture-guide', 'index.html'))).toBe(true);
    expect(findInSite(beforeText, 'lighthousekeeper').some((where) => where.startsWith('pagefind/fragment/'))).toBe(
      true,
    );
  });

  test('does not build the press pages before the embargo and builds them after it', async () => {
    expect(existsSync(join(before.public, 'press'))).toBe(false);
    const release = await readFile(join(after.public, 'press', 'fixture-release', 'index.html'), 'utf8');
    expect(release).toContain('NARWHALBODY');
    expect(existsSync(join(after.public, 'press', 'index.html'))).toBe(true);
    expect(await readFile(join(after.public, 'sitemap-0.xml'), 'utf8')).toContain('/press/fixture-release/');
  });

  test('shows drafts, internal pieces and the embargo in the launch room', async () => {
    const draft = await readFile(join(before.internal, 'blog', 'fixture-draft', 'index.html'), 'utf8');
    expect(draft).toContain('ZANZIBARBODY');
    expect(draft).toMatch(/<strong>DRAFT<\/strong> — not approved yet/);
    const press = await readFile(join(before.internal, 'press', 'fixture-release', 'index.html'), 'utf8');
    expect(press).toContain('EMBARGOED');
    const battlecard = await readFile(join(before.internal, 'battlecards', 'fixture', 'index.html'), 'utf8');
    expect(battlecard).toContain('OCELOTPITCH');
    expect(battlecard).toContain('Everything already runs on Ocelot');
  });

  test('marks an over-limit social post in red with its measured length', async () => {
    const queue = await readFile(join(before.internal, 'social', 'index.html'), 'utf8');
    expect(queue).toMatch(/class="meter over"[^>]*data-length="(2[89]\d|[3-9]\d\d)" data-limit="280"/);
    expect(queue).toMatch(/class="meter ok"[^>]*data-length="\d+" data-limit="280"/);
  });

  test('plans a voice-over from words and pace and flags its missing audio', async () => {
    const html = await readFile(join(before.internal, 'voiceovers', 'fixture-narration', 'index.html'), 'utf8');
    expect(html).toContain('missing');
    expect(html).toMatch(/15 words ÷ 150\/min =\s*<span class="meter ok"[^>]*>6\.0 s/);
  });
});

describe('a public page that embeds a held-back piece', () => {
  test('fails the public build and names the file to fix', async () => {
    await expect(buildFixtureSite('site-embed-held-back', '2026-05-01T00:00:00Z', ['public'])).rejects.toThrow(
      /content\/voiceovers\/internal-narration\.md is held back from the public site \(audience is internal\)/,
    );
  });
});
