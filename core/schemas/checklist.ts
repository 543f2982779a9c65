// Schema of the launch checklist and its items.
import { z } from 'astro/zod';
import { defineKindSchema } from './base.ts';
import { EVIDENCE_ITEMS } from './release-report.ts';

/**
 * A launch checklist item. An item a command can prove names its `evidence` and is ticked from
 * marketing/release/release.json (`npm run release`), never by hand; the rest keep a manual `done`.
 */
export const ChecklistItemSchema = z
  .object({
    text: z.string().min(1),
    owner: z.string().min(1),
    done: z.boolean().default(false),
    evidence: z.enum(EVIDENCE_ITEMS).optional(),
    /** Live-site paths (`/`, `/rss.xml`) `npm run release -- --site <url>` checks for `site-*` evidence. */
    urls: z
      .array(z.string().regex(/^\/\S*$/, 'a site path starting with /'))
      .min(1)
      .optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    if (item.evidence && item.done)
      ctx.addIssue({
        code: 'custom',
        path: ['done'],
        message: `an item proved by evidence "${item.evidence}" is ticked by npm run release; remove done`,
      });
    const site = item.evidence === 'site-pages' || item.evidence === 'site-files';
    if (site && !item.urls)
      ctx.addIssue({ code: 'custom', path: ['urls'], message: `evidence "${item.evidence}" needs the urls to check` });
    if (item.urls && !site)
      ctx.addIssue({
        code: 'custom',
        path: ['urls'],
        message: 'urls are checked only for evidence site-pages or site-files',
      });
  });

/** The post-push checklist: phases of items. The page also lists open placeholders and draft audio. */
export const ChecklistSchema = defineKindSchema(
  {
    phases: z.array(z.object({ title: z.string().min(1), items: z.array(ChecklistItemSchema).min(1) }).strict()).min(1),
  },
  ['internal'],
);
export type Checklist = z.output<typeof ChecklistSchema>;
