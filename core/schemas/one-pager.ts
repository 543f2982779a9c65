// Schema of a printable one-pager with its word budget.
import { z } from 'astro/zod';
import { defineKindSchema } from './base.ts';

/** A printable one-page sales sheet; body is MDX and must fit one printed A4/Letter page. */
export const OnePagerSchema = defineKindSchema(
  {
    /** Upper bound on body words so the page prints on one sheet. */
    maxWords: z.number().int().positive().default(550),
  },
  ['internal'],
);
export type OnePager = z.output<typeof OnePagerSchema>;
