// The folder each audience's Astro build has as its root: the project for the public site, a folder of its own for the launch room.
import { join } from 'node:path';

/**
 * The launch room's root, relative to the project. Astro keeps per-build state in `<root>/.astro/`
 * (the list of MDX modules it bundles, different per audience), so with a root of its own the
 * launch room can build while the public site does. Its sources, content and public files stay
 * the project's.
 */
export const ROOM_ROOT_DIR = '.cache/room-root';

/** The absolute root Astro builds `audience` from. */
export function astroRootFor(projectRoot: string, audience: 'public' | 'internal'): string {
  return audience === 'internal' ? join(projectRoot, ROOM_ROOT_DIR) : projectRoot;
}
