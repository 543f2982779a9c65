// The launch room's menu: every kind, linking straight to its piece when it has exactly one; worked out once per build.
import { getCollection } from 'astro:content';
import { LAUNCH_ROOM_SECTIONS, launchRoomPath, launchRoomSectionPath } from '../../core/launch-room-kinds.ts';

/** One menu item: where it links and the path prefix that marks it current. */
export interface MenuLink {
  href: string;
  match: string;
  label: string;
}

async function readMenu(): Promise<MenuLink[]> {
  const sections = await Promise.all(
    LAUNCH_ROOM_SECTIONS.map(async (section) => {
      const entries = await getCollection(section.collection);
      const only = entries.length === 1 ? entries[0] : undefined;
      return {
        href: only ? launchRoomPath(only.id) : launchRoomSectionPath(section.dir),
        match: launchRoomSectionPath(section.dir),
        label: section.label,
      };
    }),
  );
  return [
    { href: '/', match: '/', label: 'Dashboard' },
    ...sections,
    { href: '/demo/', match: '/demo/', label: 'Live demo' },
  ];
}

let menu: Promise<MenuLink[]> | undefined;

/**
 * The menu every launch-room page shows. A build's content does not change while its pages
 * render, so it is read once: per page, it was 18 collection reads (a thousand posts copied each
 * time) and a tenth of the launch room's rendering. `astro dev` reads it for every page.
 */
export function launchRoomMenu(): Promise<MenuLink[]> {
  if (import.meta.env.DEV) return readMenu();
  menu ??= readMenu();
  return menu;
}
