import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildRealSite, type SiteBuild } from './site-build.ts';

// Rendered pages of the issue-11 pieces, read from the cached real-site build.
let site: SiteBuild;
const page = (root: string, path: string) => readFile(join(root, path, 'index.html'), 'utf8');
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('content truth on the built site', () => {
  beforeAll(async () => {
    site = await buildRealSite();
  }, 600_000);

  test('renders a conditional figure with its condition', async () => {
    const video = text(await page(site.internal, 'video/phase30-launch-video'));
    expect(video).toContain('offline after 90 s (with the Docker provisioner; otherwise 180 s) without one');
  });

  test('renders the SE kit in the launch room: checklist, timed script and champion table', async () => {
    const kit = text(await page(site.internal, 'enablement/phase30'));
    expect(kit).toContain('Before the demo');
    expect(kit).toContain('Demo script (3:00)');
    for (const span of ['0:00–0:30 (30 s)', '0:30–1:30 (60 s)', '1:30–2:30 (60 s)', '2:30–3:00 (30 s)'])
      expect(kit).toContain(span);
    expect(kit).toContain('Objection → champion');
    const home = await readFile(join(site.internal, 'index.html'), 'utf8');
    expect(home).toContain('href="/enablement/phase30/"');
  });

  test('links battlecard footnote references to sources that render on the page', async () => {
    for (const card of ['battlecards/cursor-copilot', 'battlecards/windsurf-devin']) {
      const html = await page(site.internal, card);
      const anchors = [...html.matchAll(/<sup><a href="#([^"]+)">/g)].map((match) => match[1]!);
      expect(anchors.length, card).toBeGreaterThan(2);
      for (const anchor of anchors)
        expect(html, `${card} #${anchor}`).toMatch(new RegExp(`id="${anchor}"[^>]*>[\\s\\S]*?https://`));
      expect(html).not.toMatch(/\[\^[\w-]+\]/);
    }
  });

  test('plays the Chrome DevTools MCP summary on its public post', async () => {
    const post = await page(site.public, 'blog/chrome-devtools-mcp');
    expect(post).toContain('/marketing/audio/chrome-devtools-mcp-summary.mp3');
    expect(post).toContain('/marketing/audio/chrome-devtools-mcp-summary.vtt');
  });
});
