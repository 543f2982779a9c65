// Reads the last doctest report for the site: each page's verification (platform, date, counts) and whether it may say "verified".
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCTEST_REPORT_PATH, DoctestReportSchema, type DoctestReport } from './doctest-report.ts';
import { readWhileUnchanged } from '../file-memo.ts';

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

/**
 * Reads marketing/doctest/doctest.json under `root`; undefined when it is missing or not a valid
 * report. Every guide and launch-room page asks, so the parsed report is kept while the file is
 * unchanged (core/file-memo.ts). Treat the result as read-only.
 */
export function readDoctestReport(root: string): DoctestReport | undefined {
  return readWhileUnchanged(join(root, DOCTEST_REPORT_PATH), (exists) => (exists ? parseReport(root) : undefined));
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
