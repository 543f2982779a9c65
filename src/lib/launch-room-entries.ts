// Every content entry as the launch room lists it, whatever its kind.
import { getCollection } from 'astro:content';
import type { CollectionName } from '../../core/schemas/kinds.ts';
import { CONTENT_KINDS } from '../../core/schemas/kinds.ts';
import { LAUNCH_ROOM_SECTIONS } from '../../core/launch-room-kinds.ts';
import { explainUnpublishable, type PublishableFields } from '../../core/publishable.ts';
import { BUILD_NOW, projectFilePath } from './build-env.ts';

/** What the launch room shows about any entry, whatever its kind. */
export interface RoomEntry {
  collection: CollectionName;
  id: string;
  /** Singular kind label, e.g. "battlecard". */
  kindLabel: string;
  title: string;
  description: string;
  audience: 'public' | 'internal';
  status: 'draft' | 'review' | 'approved';
  owner: string;
  published?: Date;
  embargo?: Date;
  /** Repo-relative source file. */
  filePath?: string;
  /** Why it is not on the public site, or undefined when it is. */
  heldBack?: string;
}

/** Every entry of every kind, in menu order then by title. */
export async function getRoomEntries(): Promise<RoomEntry[]> {
  const all: RoomEntry[] = [];
  for (const section of LAUNCH_ROOM_SECTIONS) {
    const entries = await getCollection(section.collection);
    const rows = entries.map((entry) => {
      const data = entry.data as PublishableFields & {
        title: string;
        description: string;
        owner: string;
        published?: Date;
      };
      return {
        collection: section.collection,
        id: entry.id,
        kindLabel: CONTENT_KINDS[section.collection].label,
        title: data.title,
        description: data.description,
        audience: data.audience,
        status: data.status,
        owner: data.owner,
        published: data.published,
        embargo: data.embargo,
        filePath: projectFilePath(entry.filePath),
        heldBack: explainUnpublishable(data, BUILD_NOW),
      } satisfies RoomEntry;
    });
    all.push(...rows.sort((a, b) => a.title.localeCompare(b.title)));
  }
  return all;
}

/** `2026-04-20` or `2026-04-20 13:00 UTC` when the time matters. */
export function formatStamp(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** `1:05` from seconds (with tenths when not whole). */
export function formatTimecode(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds - minutes * 60;
  const whole = Number.isInteger(rest) ? String(rest).padStart(2, '0') : rest.toFixed(1).padStart(4, '0');
  return `${minutes}:${whole}`;
}
