// Where each content kind appears in the launch room: its section path and menu label.
import { CONTENT_KINDS, type CollectionName } from './schemas/kinds.ts';

/** How one content kind appears in the launch room: its section path and its menu label. */
export interface LaunchRoomSection {
  collection: CollectionName;
  /** Folder under content/ and the URL segment, e.g. `battlecards`. */
  dir: string;
  /** Menu label, e.g. "Battlecards". */
  label: string;
}

const MENU_LABELS: Record<CollectionName, string> = {
  blog: 'Blog posts',
  docs: 'Guides',
  landing: 'Landing copy',
  press: 'Press',
  battlecards: 'Battlecards',
  objections: 'Objections',
  enablement: 'SE kit',
  onePagers: 'One-pager',
  community: 'Community',
  hn: 'Hacker News',
  social: 'Social queue',
  emails: 'Email drip',
  voiceovers: 'Voice-overs',
  storyboards: 'Storyboards',
  video: 'Video',
  roadmap: 'Roadmap',
  checklists: 'Checklist',
  inventory: 'Assets',
};

/** Every kind in launch-room menu order (public-facing first, then sales, channels, media, ops). */
export const LAUNCH_ROOM_SECTIONS: readonly LaunchRoomSection[] = (Object.keys(MENU_LABELS) as CollectionName[]).map(
  (collection) => ({ collection, dir: CONTENT_KINDS[collection].dir, label: MENU_LABELS[collection] }),
);

/** Launch-room path of one entry: `/<dir>/<name>/` (ids are already `<dir>/<name>`). */
export function launchRoomPath(id: string): string {
  return `/${id}/`;
}

/** Launch-room path of a kind's index page. */
export function launchRoomSectionPath(dir: string): string {
  return `/${dir}/`;
}

/** The entry's file name without its folder, e.g. `remote-workspaces` for `guides/remote-workspaces`. */
export function entryName(id: string): string {
  return id.slice(id.indexOf('/') + 1);
}
