/**
 * What the build was asked for, fixed at config time by astro.config.mjs: SITE_AUDIENCE is
 * inlined there; BUILD_NOW is pinned in the environment of the build (inlining it would change
 * Astro's config hash on every build and so drop its content cache).
 */
import { relative, resolve, sep } from 'node:path';

// Only this exact expression is inlined: reading import.meta.env as an object would inline every
// variable of the build's environment (BUILD_NOW among them) into the code, and so into its hash.
const audience: unknown = import.meta.env.SITE_AUDIENCE;

/** The site being built: `public` (dist/public) or `internal` (the launch room). */
export const SITE_AUDIENCE: 'public' | 'internal' = audience === 'internal' ? 'internal' : 'public';

/** The folder Astro builds from: the project, or the launch room's own root under .cache/ (astro.config.mjs). */
const astroRoot: unknown = import.meta.env.ASTRO_ROOT;

/**
 * An entry's file as the project names it (`content/guides/x.mdx`). Astro gives `filePath`
 * relative to its root, and the launch room builds from a root of its own.
 */
export function projectFilePath(filePath: string | undefined): string | undefined {
  if (!filePath) return undefined;
  const root = typeof astroRoot === 'string' ? astroRoot : process.cwd();
  return relative(process.cwd(), resolve(root, filePath)).split(sep).join('/');
}

/** The instant embargoes are compared with. */
export const BUILD_NOW: Date = process.env.BUILD_NOW ? new Date(process.env.BUILD_NOW) : new Date();
