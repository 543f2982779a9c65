/** What a blog post's structured data is built from: its frontmatter plus URLs the layout knows. */
export interface BlogPostingInput {
  title: string;
  description: string;
  published: Date;
  updated?: Date;
  author: string;
  tags: readonly string[];
  /** Canonical URL of the post. */
  url: string;
  /** Absolute URL of the post's OG image. */
  image: string;
  publisher: { name: string; logo: string; url: string };
  wordCount?: number;
}

/**
 * The schema.org `BlogPosting` for a post. Built by the layout from frontmatter, never written
 * by hand in content. An author that is the company itself is an Organization, others a Person.
 */
export function buildBlogPostingJsonLd(input: BlogPostingInput): Record<string, unknown> {
  const isOrganization = input.author === input.publisher.name || /\b(team|devrel|molecule ai)\b/i.test(input.author);
  return {
    '@context': 'https://schema.org',
    '@type': 'BlogPosting',
    headline: input.title,
    description: input.description,
    datePublished: input.published.toISOString(),
    dateModified: (input.updated ?? input.published).toISOString(),
    author: { '@type': isOrganization ? 'Organization' : 'Person', name: input.author },
    publisher: {
      '@type': 'Organization',
      name: input.publisher.name,
      url: input.publisher.url,
      logo: { '@type': 'ImageObject', url: input.publisher.logo },
    },
    image: { '@type': 'ImageObject', url: input.image, width: 1200, height: 630 },
    url: input.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    ...(input.tags.length ? { keywords: input.tags.join(', ') } : {}),
    ...(input.wordCount ? { wordCount: input.wordCount } : {}),
  };
}

/** JSON for a `<script type="application/ld+json">`: `<` is escaped so text can never close the tag. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
