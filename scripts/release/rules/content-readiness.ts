// Content not ready to ship: open placeholders, pieces not approved, embargoes still in force.
import { findPlaceholders } from '../../../core/placeholders.ts';
import { createLocator } from '../../../core/source-location.ts';
import type { Finding } from '../lib/blocker-kinds.ts';
import type { RuleContext } from './command-outcomes.ts';

type Data = { status?: string; embargo?: Date; mergeFields?: string[] };

function at(
  file: { text: string; offsetOf(path: readonly string[], atKey?: boolean): number | undefined },
  key: string,
) {
  return createLocator(file.text)(file.offsetOf([key], true) ?? 0);
}

/** `2026-04-20 13:00 UTC`. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Every placeholder left in any piece (an email's own merge fields excepted), at its line and column. */
export function findPlaceholderBlockers({ evidence }: RuleContext): Finding[] {
  return (evidence.values.content ?? []).flatMap((file) => {
    const data = file.data as Data | undefined;
    const locate = createLocator(file.text);
    return findPlaceholders(file.text, data?.mergeFields ?? []).map((found) => ({
      kind: 'placeholder' as const,
      file: file.file,
      ...locate(found.offset),
      message: `open placeholder ${found.text.length > 40 ? `${found.text.slice(0, 37)}…]` : found.text} in ${file.id}`,
      fix: `write the real text in ${file.file}`,
    }));
  });
}

/** Every piece of the launch whose status is not `approved`, at its `status:` line. */
export function findUnapprovedPieces({ evidence }: RuleContext): Finding[] {
  return (evidence.values.content ?? []).flatMap((file) => {
    const status = (file.data as Data | undefined)?.status;
    if (!status || status === 'approved') return [];
    return [
      {
        kind: 'unapproved' as const,
        file: file.file,
        ...at(file, 'status'),
        message: `${file.id} is ${status}, not approved`,
        fix: `finish its review, then set status: approved in ${file.file}`,
      },
    ];
  });
}

/** Every piece whose embargo is still in the future at the release clock (BUILD_NOW or now). */
export function findEmbargoes({ evidence, now }: RuleContext): Finding[] {
  return (evidence.values.content ?? []).flatMap((file) => {
    const embargo = (file.data as Data | undefined)?.embargo;
    if (!(embargo instanceof Date) || embargo.getTime() <= now.getTime()) return [];
    return [
      {
        kind: 'embargo' as const,
        file: file.file,
        ...at(file, 'embargo'),
        message: `${file.id} is under embargo until ${formatUtc(embargo)} (now ${formatUtc(now)})`,
        fix: `release after ${formatUtc(embargo)}, or move embargo: in ${file.file} if the date changed`,
      },
    ];
  });
}
