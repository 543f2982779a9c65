// Schema of a demo storyboard: moments with timecodes, narration, on-screen text and the demo steps they cover.
import { z } from 'astro/zod';
import { defineKindSchema, TimecodeSchema } from './base.ts';
import { SceneKindSchema } from './film-scene.ts';

/** The steps `npm run demo` knows; a storyboard moment lists the steps it covers. */
export const DEMO_STEP_KINDS = [
  'health',
  'create-workspace',
  'seed-secrets',
  'start-agent',
  'canvas',
  'a2a-canvas',
  'a2a-peer',
  'teardown',
] as const;
export const DemoStepKindSchema = z.enum(DEMO_STEP_KINDS);
export type DemoStepKind = z.output<typeof DemoStepKindSchema>;

/** One moment of a demo: a time span, what is said, and what is on screen. */
export const MomentSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    start: TimecodeSchema,
    end: TimecodeSchema,
    /** Spoken narration for the span. */
    narration: z.string().min(1),
    /** What the viewer sees. */
    onScreen: z.string().min(1),
    /** Demo runner steps shown in this moment (live demos only). */
    steps: z.array(DemoStepKindSchema).default([]),
    /** What the narrated film shows for this moment (`npm run video`); default: terminal, or canvas for the canvas step. */
    scenes: z.array(SceneKindSchema).optional(),
  })
  .strict()
  .refine((moment) => moment.end > moment.start, { message: 'end must be after start', path: ['end'] });

/** A demo storyboard; the MDX body is the demo README (prerequisites, steps, code references). */
export const DemoStoryboardSchema = defineKindSchema(
  {
    /** True when `npm run demo` drives this storyboard. */
    live: z.boolean().default(false),
    /** Narration voice-over id, if one exists. */
    narration: z.string().optional(),
    moments: z.array(MomentSchema).min(1),
  },
  ['internal'],
).superRefine((board, ctx) => {
  board.moments.forEach((moment, index) => {
    const previous = board.moments[index - 1];
    if (previous && moment.start < previous.end) {
      ctx.addIssue({
        code: 'custom',
        path: ['moments', index, 'start'],
        message: `overlaps the previous moment (ends ${previous.end}s)`,
      });
    }
  });
});
export type DemoStoryboard = z.output<typeof DemoStoryboardSchema>;
