// Schema of the internal roadmap brief: what shipped, what is out of scope, known issues.
import { z } from 'astro/zod';
import { defineKindSchema } from './base.ts';

/** Internal roadmap brief: what shipped, what is out of scope, known issues. MDX body. */
export const RoadmapBriefSchema = defineKindSchema(
  {
    /** Known issues with ids like KI-001. */
    knownIssues: z
      .array(z.object({ id: z.string().regex(/^KI-\d{3}$/), summary: z.string().min(1) }).strict())
      .default([]),
  },
  ['internal'],
);
export type RoadmapBrief = z.output<typeof RoadmapBriefSchema>;
