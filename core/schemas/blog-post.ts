// Schema of a blog post: author, dates, hero image and optional voice-over.
import { z } from 'astro/zod';
import { DoctestFrontmatterSchema } from './doctest-frontmatter.ts';
import { defineKindSchema, DateSchema } from './base.ts';
import { AssetRefSchema } from './asset-ref.ts';

/** A blog post. Public once `approved`; JSON-LD, OG image and reading time come from the layout. */
export const BlogPostSchema = defineKindSchema(
  {
    /** Publication date, required for posts (feeds and sort order). */
    published: DateSchema,
    /** Byline shown on the post and in JSON-LD. */
    author: z.string().min(1).default('Molecule AI'),
    /** Optional hero image (site path). */
    hero: AssetRefSchema({ kinds: ['image'] }).optional(),
    /** Alt text for the hero image; required when `hero` is set. */
    heroAlt: z.string().optional(),
    /** A voice-over that reads the post, by voice-over id. */
    audio: z.string().optional(),
    /** How `npm run doctest` runs the page's blocks (alternatives, loopback mappings). */
    doctest: DoctestFrontmatterSchema.optional(),
  },
  ['public', 'internal'],
).refine((post) => !post.hero || post.heroAlt, { message: 'heroAlt is required when hero is set', path: ['heroAlt'] });
export type BlogPost = z.output<typeof BlogPostSchema>;
export type BlogPostInput = z.input<typeof BlogPostSchema>;
