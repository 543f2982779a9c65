// Schema of a social post set: X and LinkedIn posts with text, image and link.
import { z } from 'astro/zod';
import { defineKindSchema } from './base.ts';
import { AssetRefSchema, PageRefSchema } from './asset-ref.ts';

/** One post on one channel. */
export const SocialPostSchema = z
  .object({
    /** Stable id within the set, e.g. "x-technical". */
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** X (280 weighted characters) or LinkedIn (3,000 characters). */
    channel: z.enum(['x', 'linkedin']),
    /** Angle, e.g. "Technical". */
    label: z.string().min(1),
    /** The post exactly as published, link included. */
    text: z.string().min(1),
    /** Card image (site path); `npm run assets` renders cards under /marketing/assets/social/. */
    image: AssetRefSchema({ kinds: ['image'] }).optional(),
    /** Alt text for the image. */
    imageAlt: z.string().optional(),
    /** Landing URL for the post. */
    link: PageRefSchema.optional(),
  })
  .strict()
  .refine((post) => !post.image || post.imageAlt, {
    message: 'imageAlt is required when image is set',
    path: ['imageAlt'],
  });
export type SocialPost = z.output<typeof SocialPostSchema>;

/** A campaign's social posts; MDX body holds scheduling notes. */
export const SocialPostSetSchema = defineKindSchema(
  {
    /** Campaign slug, e.g. "phase30". */
    campaign: z.string().regex(/^[a-z0-9-]+$/),
    posts: z.array(SocialPostSchema).min(1),
    hashtags: z.array(z.string().regex(/^#\w+$/)).default([]),
  },
  ['internal'],
);
export type SocialPostSet = z.output<typeof SocialPostSetSchema>;
