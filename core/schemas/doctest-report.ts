// The doctest evidence file (marketing/doctest/doctest.json): which guide and post commands ran against which platform, and how they fared.
import { z } from 'astro/zod';

/** Repo-relative path of the JSON report `npm run doctest` writes. */
export const DOCTEST_REPORT_PATH = 'marketing/doctest/doctest.json';

/** One code block of one pass: passed, failed or not run (with the reason). */
export const DoctestBlockSchema = z
  .object({
    /** 1-based line of the block's opening fence in the MDX file. */
    line: z.number().int().positive(),
    /** The alternative this result belongs to (e.g. "Path A"); null on a page without alternatives. */
    pass: z.string().nullable(),
    status: z.enum(['passed', 'failed', 'not-run']),
    reason: z.string().optional(),
    /** The block's text as the reader sees it (redacted). */
    command: z.string(),
  })
  .strict();
export type DoctestBlock = z.output<typeof DoctestBlockSchema>;

/** One guide or post. */
export const DoctestPageSchema = z
  .object({
    /** Repo-relative path, e.g. content/guides/remote-workspaces.mdx. */
    file: z.string(),
    passed: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    notRun: z.number().int().nonnegative(),
    blocks: z.array(DoctestBlockSchema),
  })
  .strict();
export type DoctestPage = z.output<typeof DoctestPageSchema>;

/** The whole report (schema 1, fixed between the doctest, release and launch-room engineers). */
export const DoctestReportSchema = z
  .object({
    schema: z.literal(1),
    commit: z.string().nullable(),
    startedAt: z.string().datetime(),
    finishedAt: z.string().datetime(),
    platform: z.object({ kind: z.enum(['stand-in', 'platform']), url: z.string().nullable() }).strict(),
    ok: z.boolean(),
    totals: z
      .object({
        passed: z.number().int().nonnegative(),
        failed: z.number().int().nonnegative(),
        notRun: z.number().int().nonnegative(),
        warnings: z.number().int().nonnegative(),
      })
      .strict(),
    pages: z.array(DoctestPageSchema),
  })
  .strict();
export type DoctestReport = z.output<typeof DoctestReportSchema>;
