// Schema of a press release: embargo, dateline and press contact.
import { z } from 'astro/zod';
import { defineKindSchema, DateSchema } from './base.ts';

/** A press release. Public only after its embargo has passed. */
export const PressReleaseSchema = defineKindSchema(
  {
    /** Required for press: the page is withheld from the public site until then. */
    embargo: DateSchema,
    /** Dateline city, e.g. "San Francisco". */
    dateline: z.string().min(1),
    /** Italic subhead under the headline. */
    subhead: z.string().min(1),
    /** Media contact; placeholders allowed while in review. */
    contact: z.object({ name: z.string(), email: z.string() }).strict(),
  },
  ['public', 'internal'],
);
export type PressRelease = z.output<typeof PressReleaseSchema>;
