/**
 * What the build was asked for, fixed at config time by astro.config.mjs (SITE_AUDIENCE and
 * BUILD_NOW are read there and inlined), so pages and loaders never read the environment.
 */
const env = import.meta.env as unknown as { SITE_AUDIENCE?: string; BUILD_NOW?: string };

/** The site being built: `public` (dist/public) or `internal` (the launch room). */
export const SITE_AUDIENCE: 'public' | 'internal' = env.SITE_AUDIENCE === 'internal' ? 'internal' : 'public';

/** The instant embargoes are compared with. */
export const BUILD_NOW: Date = env.BUILD_NOW ? new Date(env.BUILD_NOW) : new Date();
