// Tests of the share cards in the built public site.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { composeBrandCard } from '../../scripts/lib/brand-card.ts';
import { readContent, type ContentFile } from '../../core/content-files.ts';
import { isPublishable, type PublishableFields } from '../../core/publishable.ts';
import { buildRealSite, REPO_ROOT, type SiteBuild } from './site-build.ts';

type PostData = PublishableFields & { title: string; author: string; published: Date };

describe('share cards in the built public site', () => {
  let site: SiteBuild;
  let posts: Array<{ name: string; data: PostData }>;

  beforeAll(async () => {
    site = await buildRealSite();
    const now = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
    posts = readContent(REPO_ROOT)
      .filter(
        (file: ContentFile) =>
          file.collection === 'blog' && file.data && isPublishable(file.data as unknown as PostData, now),
      )
      .map((file) => ({ name: file.id.slice(file.id.indexOf('/') + 1), data: file.data as unknown as PostData }));
  });

  test('gives every published post its own card, pixel for pixel what the renderer makes of its title, set in the bundled Inter', async () => {
    expect(posts.length).toBeGreaterThan(0);
    for (const { name, data } of posts) {
      const built = await readFile(join(site.public, 'og', 'blog', `${name}.png`));
      const date = data.published.toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
      // Rendered here, outside any bundle, where the font paths are the module's own: a build
      // that fell back to a system font, or served another post's card, gives other bytes.
      const expected = await composeBrandCard({
        title: data.title,
        eyebrow: 'Molecule AI blog',
        subtitle: `${data.author} · ${date}`,
        width: 1200,
        height: 630,
      });
      expect(built.equals(expected.png), `og/blog/${name}.png differs from a fresh render of "${data.title}"`).toBe(
        true,
      );
    }
  });
});
