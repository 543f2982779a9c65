// Browser tests of the public site: home, search, a post's share data, no launch-room page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium, chromiumArgs } from '../../scripts/lib/find-chromium.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { readContent, type ContentFile } from '../../core/content-files.ts';
import { loadFacts } from '../../core/facts.ts';
import { isPublishable, type PublishableFields } from '../../core/publishable.ts';
import { LAUNCH_ROOM_SECTIONS } from '../../core/launch-room-kinds.ts';
import { buildRealSite, REPO_ROOT } from '../site/site-build.ts';

const SEARCH_TIMEOUT_MS = 20_000;
// Sections that exist only in the launch room (blog, guides and press also have public pages).
const INTERNAL_ONLY_DIRS = LAUNCH_ROOM_SECTIONS.map((section) => section.dir).filter(
  (dir) => !['blog', 'guides', 'press'].includes(dir),
);

type Data = PublishableFields & { title: string; description: string; hero?: { headline: string } };

describe('the public site in a real browser', () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  let content: ContentFile[];
  const host = loadFacts(REPO_ROOT).site.canonicalHost;
  const now = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const published = (collection: string) =>
    content.filter(
      (file) => file.collection === collection && file.data && isPublishable(file.data as unknown as Data, now),
    );
  const name = (file: ContentFile) => file.id.slice(file.id.indexOf('/') + 1);

  beforeAll(async () => {
    const site = await buildRealSite();
    content = readContent(REPO_ROOT);
    server = await startStaticServer(site.public);
    browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs() });
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('renders the home page from the landing copy', async () => {
    const response = await page.goto(`${server.url}/`);
    expect(response?.status()).toBe(200);
    const landing = published('landing')[0];
    const heading = await page.locator('h1').first().textContent();
    if (landing) expect(heading?.trim()).toBe((landing.data as unknown as Data).hero!.headline);
    expect(await page.locator('.benefit').count()).toBe(landing ? 3 : 0);
    const newest = published('blog').sort((a, b) => {
      const date = (file: ContentFile) => (file.data as unknown as { published: Date }).published.getTime();
      return date(b) - date(a) || a.id.localeCompare(b.id);
    });
    for (const post of newest.slice(0, 3)) {
      expect(await page.locator(`a[href="/blog/${name(post)}/"]`).count()).toBeGreaterThan(0);
    }
  });

  test('finds a guide with the Starlight search on a guide page', async () => {
    const guide = published('docs')[0]!;
    const title = (guide.data as unknown as Data).title;
    await page.goto(`${server.url}/guides/${name(guide)}/`);
    await page.locator('site-search button[data-open-modal]').click();
    const input = page.locator('dialog[open] input[type="search"], dialog[open] .pagefind-ui__search-input').first();
    await input.fill(title);
    const result = page.locator(`.pagefind-ui__result-link[href^="/guides/${name(guide)}/"]`).first();
    await result.waitFor({ timeout: SEARCH_TIMEOUT_MS });
    expect((await result.textContent())?.trim()).toContain(title.split(' ')[0]);
  });

  test('gives a blog post its OG image (which loads) and BlogPosting JSON-LD', async () => {
    const post = published('blog')[0]!;
    await page.goto(`${server.url}/blog/${name(post)}/`);
    const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(ogImage).toBe(`${host}/og/blog/${name(post)}.png`);
    expect(await page.locator('meta[name="twitter:image"]').getAttribute('content')).toBe(ogImage);
    // The absolute URL is on the canonical host; the same path must load from the built site.
    const image = await page.request.get(`${server.url}${new URL(ogImage!).pathname}`);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/png');
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
    expect(jsonLd).toMatchObject({
      '@type': 'BlogPosting',
      headline: (post.data as unknown as Data).title,
      image: { url: ogImage },
    });
  });

  test('answers 404 for launch-room pages', async () => {
    const internal = content.filter((file) => INTERNAL_ONLY_DIRS.includes(file.id.split('/')[0]!));
    expect(internal.length).toBeGreaterThan(0);
    const paths = [...INTERNAL_ONLY_DIRS.map((dir) => `/${dir}/`), ...internal.map((file) => `/${file.id}/`)];
    for (const path of paths) {
      const response = await page.request.get(`${server.url}${path}`);
      expect({ path, status: response.status() }).toEqual({ path, status: 404 });
    }
  });

  test('links nowhere near the launch room from the home page', async () => {
    await page.goto(`${server.url}/`);
    const hrefs = await page
      .locator('a[href]')
      .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(hrefs.length).toBeGreaterThan(5);
    const internalLinks = hrefs.filter((href) => {
      const url = new URL(href);
      return INTERNAL_ONLY_DIRS.includes(url.pathname.split('/')[1] ?? '');
    });
    expect(internalLinks).toEqual([]);
    for (const href of hrefs.filter((link) => link.startsWith(server.url))) {
      const response = await page.request.get(href);
      expect({ href, status: response.status() }).toEqual({ href, status: 200 });
    }
  });
});
