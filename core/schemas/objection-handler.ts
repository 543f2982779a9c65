// Schema of the objection handlers: each objection and its answer.
import { z } from 'astro/zod';
import { defineKindSchema } from './base.ts';

/** One objection and the answer to it. */
export const ObjectionSchema = z
  .object({
    /** What the prospect says. */
    objection: z.string().min(1),
    /** The short answer a rep can say out loud. */
    answer: z.string().min(1),
    /** Verifiable support for the answer (doc link, demo step); never an anonymous customer. */
    proof: z.string().optional(),
  })
  .strict();

/** A set of objection handlers; the MDX body holds guidance for using them. */
export const ObjectionHandlerSchema = defineKindSchema({ objections: z.array(ObjectionSchema).min(1) }, ['internal']);
export type ObjectionHandler = z.output<typeof ObjectionHandlerSchema>;
