// Schema of the launch checklist and its items.
import { z } from 'astro/zod';
import { defineKindSchema } from './base.ts';

/** A launch checklist item. */
export const ChecklistItemSchema = z
  .object({ text: z.string().min(1), owner: z.string().min(1), done: z.boolean().default(false) })
  .strict();

/** The post-push checklist: phases of items. The page also lists open placeholders and draft audio. */
export const ChecklistSchema = defineKindSchema(
  {
    phases: z.array(z.object({ title: z.string().min(1), items: z.array(ChecklistItemSchema).min(1) }).strict()).min(1),
  },
  ['internal'],
);
export type Checklist = z.output<typeof ChecklistSchema>;
