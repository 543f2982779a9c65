// Schema of the launch video package: acts with timecodes and renditions.
import { z } from 'astro/zod';
import { defineKindSchema, TimecodeSchema } from './base.ts';
import { SceneKindSchema } from './film-scene.ts';

/** One act of the launch video. */
export const ActSchema = z
  .object({
    title: z.string().min(1),
    start: TimecodeSchema,
    end: TimecodeSchema,
    /** Voice-over id whose text is read over this act. */
    voiceover: z.string().optional(),
    /** Shots, in order. */
    shots: z.array(z.string().min(1)).min(1),
    /** What the rendered film shows for this act (`npm run video`), in order. */
    scenes: z.array(SceneKindSchema).optional(),
    /** Live-storyboard moment ids whose recording the act's terminal and canvas scenes show. */
    moments: z.array(z.string().regex(/^[a-z0-9-]+$/)).optional(),
  })
  .strict();

/** The video production package for the editor; MDX body carries specs and review checklist. */
export const VideoPackageSchema = defineKindSchema(
  {
    targetSeconds: z.number().positive(),
    acts: z.array(ActSchema).min(1),
    /** Deliverable renditions, e.g. "1920x1080 H.264 30 fps". */
    renditions: z.array(z.string().min(1)).min(1),
  },
  ['internal'],
);
export type VideoPackage = z.output<typeof VideoPackageSchema>;
