// The share-cards integration's cross-check between the cards it places and the post pages Astro built.
import { describe, expect, test } from 'vitest';
import { findCardMismatches } from '../../src/integrations/share-cards.ts';

const card = (name: string) => ({ source: `content/blog/${name}.mdx:2:8`, page: `/blog/${name}/` });

describe('share cards against the built post pages', () => {
  test('agree when every post page has its card, whatever else was built', () => {
    const pages = ['blog/a/', 'blog/b/', 'blog/', 'blog/tags/agents/', 'guides/x/', ''].map((pathname) => ({
      pathname,
    }));
    expect(findCardMismatches([card('a'), card('b')], pages)).toEqual([]);
  });

  test('name a post page built without a card, and a card whose post page was not built', () => {
    const pages = [{ pathname: 'blog/a/' }, { pathname: 'blog/held/' }];
    expect(findCardMismatches([card('a'), card('gone')], pages)).toEqual([
      '/blog/held/ was built without a share card',
      'content/blog/gone.mdx:2:8 has a share card but its page /blog/gone/ was not built',
    ]);
  });
});
