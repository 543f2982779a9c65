// Reads the last doctest report for the site: each page's verification (platform, date, counts) and whether it may say "verified".
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DOCTEST_REPORT_PATH, DoctestReportSchema, type DoctestReport } from './doctest-report.ts';

/** A page's last verification, as the launch room and the public guide pages show it. */
export interface PageVerification {
  file: string;
  platform: DoctestReport['platform'];
  /** When the run finished (ISO). */
  at: string;
  passed: number;
  failed: number;
  notRun: number;
  /** True only when the run passed and no block of this page failed: the public "verified" note. */
  verified: boolean;
}

const remembered = new Map<string, { stamp: string; report: DoctestReport | undefined }>();

/**
 * Reads marketing/doctest/doctest.json under `root`; undefined when it is missing or not a valid
 * report. Every guide and launch-room page asks, so the parsed report is kept until the file's size
 * or modification time changes (`astro dev` sees a new run at once). Treat the result as read-only.
 */
export function readDoctestReport(root: string): DoctestReport | undefined {
  const info = statSync(join(root, DOCTEST_REPORT_PATH), { throwIfNoEntry: false });
  const stamp = info ? `${info.mtimeMs}:${info.size}` : 'missing';
  const known = remembered.get(root);
  if (known?.stamp === stamp) return known.report;
  const report = info ? parseReport(root) : undefined;
  remembered.set(root, { stamp, report });
  return report;
}

function parseReport(root: string): DoctestReport | undefined {
  let text: string;
  try {
    text = readFileSync(join(root, DOCTEST_REPORT_PATH), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = DoctestReportSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The verification of one repo-relative content file, or undefined when the last run did not cover it. */
export function findPageVerification(report: DoctestReport | undefined, file: string): PageVerification | undefined {
  const page = report?.pages.find((entry) => entry.file === file);
  if (!report || !page) return undefined;
  const { passed, failed, notRun } = page;
  return {
    file,
    platform: report.platform,
    at: report.finishedAt,
    passed,
    failed,
    notRun,
    verified: report.ok && failed === 0 && passed > 0,
  };
}
