// Reads marketing/doctest/doctest.json (written by `npm run doctest`) through the doctest report's own schema.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOCTEST_REPORT_PATH, DoctestReportSchema, type DoctestReport } from '../../../core/schemas/doctest-report.ts';

/** The report, or a sentence saying why there is none. */
export async function readDoctestEvidence(root: string): Promise<{ report: DoctestReport } | { problem: string }> {
  let text: string;
  try {
    text = await readFile(join(root, DOCTEST_REPORT_PATH), 'utf8');
  } catch {
    return { problem: `${DOCTEST_REPORT_PATH} does not exist` };
  }
  try {
    const parsed = DoctestReportSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { report: parsed.data };
    const first = parsed.error.issues[0]!;
    return { problem: `${DOCTEST_REPORT_PATH}: ${first.path.join('.')}: ${first.message}` };
  } catch (error) {
    return { problem: `${DOCTEST_REPORT_PATH} is not JSON: ${(error as Error).message}` };
  }
}
