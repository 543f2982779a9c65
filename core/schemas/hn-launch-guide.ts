// Schema of the Hacker News launch guide: candidate Show HN titles, URL and first comment.
import { z } from 'astro/zod';
import { defineKindSchema } from './base.ts';
import { PageRefSchema } from './asset-ref.ts';

/** A Hacker News launch guide: candidate titles, the URL and the first comment; MDX body holds the playbook. */
export const HnLaunchGuideSchema = defineKindSchema(
  {
    /** The page submitted. */
    url: PageRefSchema,
    /** Candidate titles; each must read `Show HN: …` and fit 80 characters. */
    titles: z.array(z.object({ title: z.string().min(1), angle: z.string().min(1) }).strict()).min(1),
    /** The author's first comment. */
    firstComment: z.string().min(1),
  },
  ['internal'],
);
export type HnLaunchGuide = z.output<typeof HnLaunchGuideSchema>;
