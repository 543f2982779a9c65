// Schema of marketing/release/release.json, the evidence `npm run release` leaves for the launch room and the checklist.
import { z } from 'astro/zod';

/** Repo-relative path of the release report. */
export const RELEASE_REPORT_PATH = 'marketing/release/release.json';

/**
 * What a command can prove about the launch; a checklist item names one of these as its `evidence`
 * and is ticked from the release report instead of by hand.
 */
export const EVIDENCE_ITEMS = [
  'checks-pass',
  'no-placeholders',
  'no-draft-audio',
  'outputs-current',
  'demo-real-platform',
  'docs-verified',
  'site-pages',
  'site-files',
] as const;
export type EvidenceItem = (typeof EVIDENCE_ITEMS)[number];

/** Where the platform-facing evidence (demo run, doctest) came from. */
export const ReleasePlatformSchema = z
  .object({ kind: z.enum(['stand-in', 'platform']), url: z.string().nullable() })
  .strict();

/** One thing that stops the launch (or that the team accepted on purpose with `--accept <kind>`). */
export const ReleaseBlockerSchema = z
  .object({
    group: z.string().min(1),
    kind: z.string().min(1),
    file: z.string(),
    line: z.number().int().nonnegative(),
    column: z.number().int().nonnegative(),
    message: z.string(),
    /** The command (or edit) that clears it. */
    fix: z.string(),
    accepted: z.boolean(),
  })
  .strict();
export type ReleaseBlocker = z.output<typeof ReleaseBlockerSchema>;

/** One proved (or disproved) checklist fact, with when and on which commit it was established. */
export const ReleaseEvidenceSchema = z
  .object({
    item: z.enum(EVIDENCE_ITEMS),
    ok: z.boolean(),
    at: z.string().datetime(),
    commit: z.string().nullable(),
    detail: z.string(),
  })
  .strict();
export type ReleaseEvidence = z.output<typeof ReleaseEvidenceSchema>;

/** The whole report: go (`ready`) or no-go, and why. */
export const ReleaseReportSchema = z
  .object({
    schema: z.literal(1),
    commit: z.string().nullable(),
    generatedAt: z.string().datetime(),
    platform: ReleasePlatformSchema,
    ready: z.boolean(),
    blockers: z.array(ReleaseBlockerSchema),
    evidence: z.array(ReleaseEvidenceSchema),
  })
  .strict();
export type ReleaseReport = z.output<typeof ReleaseReportSchema>;
