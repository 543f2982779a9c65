// Tests of the BlogPosting JSON-LD built from frontmatter.
import { describe, expect, test } from 'vitest';
import { buildBlogPostingJsonLd, serializeJsonLd } from '../../src/lib/json-ld.ts';
import { countReadableWords, readingMinutes } from '../../src/lib/reading-time.ts';

const POST = {
  title: 'Remote Workspaces is GA',
  description: 'Agents anywhere.',
  published: new Date('2026-04-20T00:00:00Z'),
  author: 'Ada Lovelace',
  tags: ['launch', 'platform'],
  url: 'https://moleculesai.app/blog/remote-workspaces-ga/',
  image: 'https://moleculesai.app/og/blog/remote-workspaces-ga.png',
  publisher: { name: 'Molecule AI', url: 'https://moleculesai.app', logo: 'https://moleculesai.app/logo.png' },
};

describe('BlogPosting JSON-LD', () => {
  test('builds headline, dates, author, publisher, image and url from frontmatter', () => {
    expect(buildBlogPostingJsonLd(POST)).toMatchObject({
      '@type': 'BlogPosting',
      headline: 'Remote Workspaces is GA',
      datePublished: '2026-04-20T00:00:00.000Z',
      // Without an update, the modification date is the publication date.
      dateModified: '2026-04-20T00:00:00.000Z',
      author: { '@type': 'Person', name: 'Ada Lovelace' },
      publisher: { '@type': 'Organization', name: 'Molecule AI', logo: { url: 'https://moleculesai.app/logo.png' } },
      image: { url: POST.image, width: 1200, height: 630 },
      url: POST.url,
      keywords: 'launch, platform',
    });
  });

  test('treats a team byline as an Organization', () => {
    expect(buildBlogPostingJsonLd({ ...POST, author: 'Molecule AI DevRel' }).author).toEqual({
      '@type': 'Organization',
      name: 'Molecule AI DevRel',
    });
  });

  test('escapes < so a title can never close the script tag', () => {
    const json = serializeJsonLd({ headline: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json).headline).toBe('</script><script>alert(1)</script>');
  });
});

describe('reading time', () => {
  test('counts only words a reader reads', () => {
    const body =
      'import Fact from \'../x.astro\';\n\n# Title\n\nOne two [three](https://x.y) <Fact k="a" />\n\n```sh\nnot counted here\n```\n';
    expect(countReadableWords(body)).toBe(4);
    expect(readingMinutes('word '.repeat(660))).toBe(3);
    expect(readingMinutes('')).toBe(1);
  });
});
