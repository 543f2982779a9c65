// Reads marketing/doctest/doctest.json (written by `npm run doctest`), exactly the shared interface of the doctest report.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'astro/zod';

/** Repo-relative path of the doctest report. */
export const DOCTEST_REPORT_PATH = 'marketing/doctest/doctest.json';

// Mirrors DoctestReportSchema (src/schemas/doctest-report.ts, issue 14); non-strict so a richer report still reads.
const BlockSchema = z.object({
  line: z.number().int(),
  pass: z.string().nullable(),
  status: z.enum(['passed', 'failed', 'not-run']),
  reason: z.string().optional(),
  command: z.string(),
});
export const DoctestEvidenceSchema = z.object({
  schema: z.literal(1),
  commit: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string(),
  platform: z.object({ kind: z.enum(['stand-in', 'platform']), url: z.string().nullable() }),
  ok: z.boolean(),
  totals: z.object({ passed: z.number(), failed: z.number(), notRun: z.number(), warnings: z.number() }),
  pages: z.array(z.object({ file: z.string(), passed: z.number(), failed: z.number(), notRun: z.number(), blocks: z.array(BlockSchema) })),
});
export type DoctestEvidence = z.output<typeof DoctestEvidenceSchema>;

/** The report, or a sentence saying why there is none. */
export async function readDoctestEvidence(root: string): Promise<{ report: DoctestEvidence } | { problem: string }> {
  let text: string;
  try {
    text = await readFile(join(root, DOCTEST_REPORT_PATH), 'utf8');
  } catch {
    return { problem: `${DOCTEST_REPORT_PATH} does not exist` };
  }
  try {
    const parsed = DoctestEvidenceSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { report: parsed.data };
    const first = parsed.error.issues[0]!;
    return { problem: `${DOCTEST_REPORT_PATH}: ${first.path.join('.')}: ${first.message}` };
  } catch (error) {
    return { problem: `${DOCTEST_REPORT_PATH} is not JSON: ${(error as Error).message}` };
  }
}
