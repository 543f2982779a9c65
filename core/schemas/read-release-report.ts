// Reads marketing/release/release.json for the launch room (src/ may import this; it never imports scripts/release).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  RELEASE_REPORT_PATH,
  ReleaseReportSchema,
  type EvidenceItem,
  type ReleaseEvidence,
  type ReleaseReport,
} from './release-report.ts';

/** The report, or why there is none to show (never run, or unreadable). */
export type ReleaseReportState =
  { report: ReleaseReport; problem?: undefined } | { report?: undefined; problem: string };

/** Reads and validates the release report under `root`; a missing or invalid file is a problem, not a crash. */
export function readReleaseReport(root: string): ReleaseReportState {
  let text: string;
  try {
    text = readFileSync(join(root, RELEASE_REPORT_PATH), 'utf8');
  } catch {
    return { problem: `${RELEASE_REPORT_PATH} does not exist yet: run npm run release` };
  }
  try {
    const parsed = ReleaseReportSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { report: parsed.data };
    const first = parsed.error.issues[0]!;
    return { problem: `${RELEASE_REPORT_PATH}: ${first.path.join('.')}: ${first.message}` };
  } catch (error) {
    return { problem: `${RELEASE_REPORT_PATH} is not JSON: ${(error as Error).message}` };
  }
}

/** The evidence entry that proves `item`, if the report has one. */
export function findEvidence(report: ReleaseReport | undefined, item: EvidenceItem): ReleaseEvidence | undefined {
  return report?.evidence.find((entry) => entry.item === item);
}

/** Blockers grouped in report order, accepted ones last within each group. */
export function groupBlockers(report: ReleaseReport): Array<{ group: string; blockers: ReleaseReport['blockers'] }> {
  const groups = new Map<string, ReleaseReport['blockers']>();
  for (const blocker of report.blockers) groups.set(blocker.group, [...(groups.get(blocker.group) ?? []), blocker]);
  return [...groups].map(([group, blockers]) => ({
    group,
    blockers: [...blockers].sort((a, b) => Number(a.accepted) - Number(b.accepted)),
  }));
}
