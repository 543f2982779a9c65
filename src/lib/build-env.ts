/**
 * What the build was asked for, fixed at config time by astro.config.mjs: SITE_AUDIENCE is
 * inlined there; BUILD_NOW is pinned in the environment of the build (inlining it would change
 * Astro's config hash on every build and so drop its incremental page cache).
 */
// Only this exact expression is inlined: reading import.meta.env as an object would inline every
// variable of the build's environment (BUILD_NOW among them) into the code, and so into its hash.
const audience: unknown = import.meta.env.SITE_AUDIENCE;

/** The site being built: `public` (dist/public) or `internal` (the launch room). */
export const SITE_AUDIENCE: 'public' | 'internal' = audience === 'internal' ? 'internal' : 'public';

/** The instant embargoes are compared with. */
export const BUILD_NOW: Date = process.env.BUILD_NOW ? new Date(process.env.BUILD_NOW) : new Date();
