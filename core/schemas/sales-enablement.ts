// Schema of the sales-enablement kit: SE pre-demo checklist, timed demo script, objection → champion table.
import { z } from 'astro/zod';
import { defineKindSchema, TimecodeSchema } from './base.ts';

/** One thing a solutions engineer checks before the call. */
export const PreDemoItemSchema = z
  .object({
    item: z.string().min(1),
    /** What breaks on the call if it is skipped. */
    why: z.string().min(1),
  })
  .strict();

/** One segment of the timed demo script. */
export const ScriptSegmentSchema = z
  .object({
    start: TimecodeSchema,
    end: TimecodeSchema,
    title: z.string().min(1),
    /** What the SE says. */
    say: z.string().min(1),
    /** What is on screen while they say it. */
    show: z.string().min(1),
  })
  .strict()
  .refine((segment) => segment.end > segment.start, { message: 'end must be after start', path: ['end'] });

/** Who inside the buyer's org carries the answer to one objection, and what to hand them. */
export const ChampionRowSchema = z
  .object({
    objection: z.string().min(1),
    /** The role that usually raises it. */
    raisedBy: z.string().min(1),
    /** The role that can answer it internally. */
    champion: z.string().min(1),
    /** What to give the champion: a doc, a demo step, a check they can run. */
    armWith: z.string().min(1),
  })
  .strict();

/** The kit; the MDX body holds how to use it. */
export const SalesEnablementSchema = defineKindSchema(
  {
    preDemoChecklist: z.array(PreDemoItemSchema).min(3),
    /** Length of the demo script in seconds; segments run back to back from 0:00 to here. */
    demoSeconds: z.number().int().positive(),
    demoScript: z.array(ScriptSegmentSchema).min(2),
    champions: z.array(ChampionRowSchema).min(3),
  },
  ['internal'],
).superRefine((kit, ctx) => {
  kit.demoScript.forEach((segment, index) => {
    const expected = index === 0 ? 0 : kit.demoScript[index - 1]!.end;
    if (segment.start !== expected)
      ctx.addIssue({
        code: 'custom',
        path: ['demoScript', index, 'start'],
        message: `must start at ${expected}s, where the previous segment ends`,
      });
  });
  const last = kit.demoScript.at(-1);
  if (last && last.end !== kit.demoSeconds) {
    ctx.addIssue({
      code: 'custom',
      path: ['demoScript', kit.demoScript.length - 1, 'end'],
      message: `must end at demoSeconds (${kit.demoSeconds}s)`,
    });
  }
});
export type SalesEnablement = z.output<typeof SalesEnablementSchema>;
