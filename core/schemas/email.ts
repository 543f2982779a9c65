// Schema of one email of a drip: step, send day, subject, alternate subject, preview and merge fields.
import { z } from 'astro/zod';
import { defineKindSchema } from './base.ts';

/** One step of an email drip; the MDX body is the email body (merge fields as `{{first_name}}`). */
export const EmailSchema = defineKindSchema(
  {
    /** Drip name, e.g. "phase30-drip". */
    drip: z.string().regex(/^[a-z0-9-]+$/),
    /** Position in the drip, from 1. */
    step: z.number().int().positive(),
    /** Days after sign-up or launch when this step goes out. */
    sendDay: z.number().int().nonnegative(),
    /** ≤ 60 characters. */
    subject: z.string().min(1),
    /** A/B alternative, ≤ 60 characters. */
    altSubject: z.string().min(1),
    /** Inbox preview text, ≤ 100 characters. */
    preview: z.string().min(1),
    /** Merge fields the body may use. */
    mergeFields: z.array(z.string().regex(/^[a-z_]+$/)).default(['first_name']),
  },
  ['internal'],
);
export type Email = z.output<typeof EmailSchema>;
