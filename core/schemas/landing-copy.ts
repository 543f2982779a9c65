// Schema of the landing copy the public home page renders: hero, calls to action and three benefits.
import { z } from 'astro/zod';
import { defineKindSchema } from './base.ts';
import { PageRefSchema } from './asset-ref.ts';

const CtaSchema = z
  .object({ label: z.string().min(1), href: PageRefSchema, microcopy: z.string().optional() })
  .strict();

/** Landing page copy: the public home page renders it. */
export const LandingCopySchema = defineKindSchema(
  {
    hero: z.object({ headline: z.string().min(1), subheadline: z.string().min(1) }).strict(),
    primaryCta: CtaSchema,
    secondaryCta: CtaSchema.optional(),
    /** Exactly three benefit blocks. */
    benefits: z
      .array(z.object({ label: z.string().min(1), headline: z.string().min(1), body: z.string().min(1) }).strict())
      .length(3),
    /** Closing call to action. */
    bottomCta: CtaSchema.extend({ headline: z.string().min(1) }).strict(),
  },
  ['public', 'internal'],
);
export type LandingCopy = z.output<typeof LandingCopySchema>;
