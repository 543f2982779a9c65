// Schema of a battlecard: competitor, comparison rows and when they win.
import { z } from 'astro/zod';
import { defineKindSchema } from './base.ts';

/** One row of a comparison table. */
export const ComparisonRowSchema = z
  .object({
    /** What is compared, e.g. "Where agents run". */
    dimension: z.string().min(1),
    /** The competitor's answer. */
    them: z.string().min(1),
    /** Molecule's answer. */
    us: z.string().min(1),
  })
  .strict();

/** A sales battlecard against one competitor. The talk track is the MDX body. */
export const BattlecardSchema = defineKindSchema(
  {
    /** Competitor as buyers name it. */
    competitor: z.string().min(1),
    /** How they pitch themselves, in our words. */
    theirPitch: z.string().min(1),
    /** The buyer's worry this card answers. */
    buyerConcern: z.string().min(1),
    /** Side-by-side comparison, at least three rows. */
    comparison: z.array(ComparisonRowSchema).min(3),
    /** Where they are genuinely stronger; honesty wins deals. */
    theyWinWhen: z.array(z.string()).default([]),
  },
  ['internal'],
);
export type Battlecard = z.output<typeof BattlecardSchema>;
