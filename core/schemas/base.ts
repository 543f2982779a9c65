// The frontmatter every content kind shares: audience, status, dates, tags and owner.
import { z } from 'astro/zod';

/** Who may see a piece: `public` pieces ship on the public site, `internal` ones only in the launch room. */
export const AudienceSchema = z.enum(['public', 'internal']);
export type Audience = z.output<typeof AudienceSchema>;

/** Editorial state. Only `approved` pieces may be published; `draft` and `review` may carry placeholders. */
export const StatusSchema = z.enum(['draft', 'review', 'approved']);
export type Status = z.output<typeof StatusSchema>;

/** A calendar date written as YAML `2026-04-20` (or a full ISO timestamp); normalised to a `Date`. */
export const DateSchema = z.coerce.date({ error: 'expected a date like 2026-04-20' });

/** A timecode `m:ss` (or `m:ss.s`, or plain seconds) normalised to seconds. */
export const TimecodeSchema = z
  .union([z.number().nonnegative(), z.string().regex(/^\d+:[0-5]\d(\.\d+)?$/, 'expected a timecode like 1:05')])
  .transform((value) => {
    if (typeof value === 'number') return value;
    const [minutes, seconds] = value.split(':');
    return Number(minutes) * 60 + Number(seconds);
  });

/** Fields every content kind carries. */
export const BaseFields = {
  /** Headline shown in lists, `<title>` and cards. */
  title: z.string().min(1),
  /** One or two sentences; used for meta descriptions and previews. */
  description: z.string().min(1),
  /** See {@link AudienceSchema}. */
  audience: AudienceSchema,
  /** See {@link StatusSchema}. */
  status: StatusSchema,
  /** First publication date. */
  published: DateSchema.optional(),
  /** Last meaningful update. */
  updated: DateSchema.optional(),
  /** Nothing may go public before this instant. */
  embargo: DateSchema.optional(),
  /** Lower-case topic tags. */
  tags: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'tags are lower-case kebab-case')).default([]),
  /** The person or team answerable for the piece. */
  owner: z.string().min(1),
};

/**
 * Builds the strict schema for one content kind: the shared fields, the kind's own fields,
 * and the audiences the kind allows (with the first as default). Unknown keys are errors.
 */
export function defineKindSchema<Fields extends z.ZodRawShape>(
  fields: Fields,
  audiences: readonly [z.output<typeof AudienceSchema>, ...z.output<typeof AudienceSchema>[]],
) {
  // Spelled out so a kind's own field (e.g. a required `published`) replaces the shared one in
  // the inferred type too; a plain spread of a generic would intersect the two.
  type Shape = Omit<typeof BaseFields, keyof Fields | 'audience'> & {
    audience: z.ZodDefault<z.ZodEnum<{ [K in (typeof audiences)[number]]: K }>>;
  } & Fields;
  const shape = { ...BaseFields, audience: z.enum(audiences).default(audiences[0]), ...fields } as unknown as Shape;
  return z.object(shape).strict();
}
