// Schema of a guide (Starlight docs page): sidebar order and optional voice-over.
import { z } from 'astro/zod';
import { DoctestFrontmatterSchema } from './doctest-frontmatter.ts';
import { defineKindSchema } from './base.ts';

/**
 * A docs guide, rendered by Starlight. Besides our shared fields it accepts the few Starlight
 * keys we use (`sidebar`), so the strict check still catches typos.
 */
export const GuideSchema = defineKindSchema(
  {
    /** Starlight sidebar placement. */
    sidebar: z.object({ order: z.number().int().optional(), label: z.string().optional() }).strict().optional(),
    /** A voice-over that belongs to the guide, by voice-over id. */
    audio: z.string().optional(),
    /** How `npm run doctest` runs the page's blocks (alternatives, loopback mappings). */
    doctest: DoctestFrontmatterSchema.optional(),
  },
  ['public', 'internal'],
);
export type Guide = z.output<typeof GuideSchema>;
export type GuideInput = z.input<typeof GuideSchema>;
