/**
 * The one publishability rule. A piece ships on the public site only when it is meant for the
 * public, has been approved, and its embargo (if any) has passed at build time. Plain TypeScript
 * with no Astro imports, so build checks and tests apply the very same rule.
 */

/** The frontmatter fields the rule reads; every content kind has them. */
export interface PublishableFields {
  audience: 'public' | 'internal';
  status: 'draft' | 'review' | 'approved';
  embargo?: Date;
}

/** Why a piece is held back, or undefined when it may be published. */
export function explainUnpublishable(data: PublishableFields, now: Date): string | undefined {
  if (data.audience !== 'public') return `audience is ${data.audience}`;
  if (data.status !== 'approved') return `status is ${data.status}`;
  if (data.embargo && data.embargo.getTime() > now.getTime()) return `embargoed until ${data.embargo.toISOString()}`;
  return undefined;
}

/** True when the piece may appear on the public site, its feeds, sitemap and search index. */
export function isPublishable(data: PublishableFields, now: Date): boolean {
  return explainUnpublishable(data, now) === undefined;
}

/**
 * Parses the build clock: an ISO date or timestamp (the `BUILD_NOW` override used by tests and
 * previews of embargoed pages), or the current time when absent.
 */
export function parseBuildNow(value: string | undefined, fallback = new Date()): Date {
  if (value === undefined || value === '') return fallback;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) {
    throw new Error(`BUILD_NOW="${value}" is not a date — use an ISO date such as 2026-04-20 or 2026-04-20T09:00:00Z`);
  }
  return parsed;
}
