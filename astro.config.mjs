// @ts-check
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import { audienceRoutes } from './src/integrations/audience-routes.ts';
import { marketingFiles } from './src/integrations/marketing-files.ts';
import { shareCards } from './src/integrations/share-cards.ts';
import { parseBuildNow } from './core/publishable.ts';
import { loadFacts } from './core/facts.ts';
import { astroRootFor } from './core/astro-root.ts';
import { BRAND_PALETTE, renderPaletteCss } from './core/brand-palette.ts';

// One source, two sites: SITE_AUDIENCE=public builds dist/public (what the world sees),
// SITE_AUDIENCE=internal builds dist/internal (the launch room). Internal pages are never
// even routed in the public build.
const audience = process.env.SITE_AUDIENCE === 'internal' ? 'internal' : 'public';
// Embargoes are judged against the build clock; BUILD_NOW (ISO date) pins it for tests and previews.
// It is fixed here once for the whole build and read by src/lib/build-env.ts from the environment,
// not inlined: an inlined value would change Astro's config hash, and so drop its content cache,
// on every build.
process.env.BUILD_NOW = parseBuildNow(process.env.BUILD_NOW).toISOString();
const projectRoot = fileURLToPath(new URL('.', import.meta.url));
const facts = loadFacts(projectRoot);
// The launch room builds from a root of its own (core/astro-root.ts), so both sites can build at once.
const root = astroRootFor(projectRoot, audience);
mkdirSync(root, { recursive: true });

const publicIntegrations = [
  starlight({
    title: 'Molecule AI Docs',
    disable404Route: true,
    customCss: ['./src/styles/brand.css'],
    favicon: '/logo.svg',
    // Starlight writes og:title/description/url itself; guides share the site card as their image.
    head: [
      { tag: 'meta', attrs: { property: 'og:image', content: `${facts.site.canonicalHost}/og/site.png` } },
      { tag: 'meta', attrs: { name: 'twitter:image', content: `${facts.site.canonicalHost}/og/site.png` } },
      { tag: 'meta', attrs: { name: 'theme-color', content: BRAND_PALETTE.bg } },
      { tag: 'style', content: renderPaletteCss() },
    ],
    // Starlight resolves autogenerate directories against each entry's file path; ours live in content/guides.
    sidebar: [{ label: 'Guides', items: [{ autogenerate: { directory: 'content/guides' } }] }],
    components: {
      SiteTitle: './src/components/StarlightSiteTitle.astro',
      // The title plus the "verified" note from the last doctest run (marketing/doctest/doctest.json).
      PageTitle: './src/components/StarlightPageTitle.astro',
      // The brand is dark only: no theme picker, and the provider always sets data-theme="dark".
      ThemeProvider: './src/components/StarlightThemeProvider.astro',
      ThemeSelect: './src/components/StarlightThemeSelect.astro',
    },
  }),
  sitemap({ filter: (page) => !page.includes('/404') }),
];

export default defineConfig({
  root,
  srcDir: join(projectRoot, 'src'),
  publicDir: join(projectRoot, 'public'),
  site: facts.site.canonicalHost,
  // SITE_OUT_DIR lets `npm run build` write both audiences into one temporary sibling of dist/
  // and swap it in only when the whole run passed (scripts/build-checks/pipeline.ts).
  outDir: resolve(projectRoot, process.env.SITE_OUT_DIR || join('dist', audience)),
  // One cache per audience, always (ASTRO_CACHE_DIR only moves the parent, for tests and benches):
  // it holds the content store, and a launch-room entry read into the public site would be a leak.
  cacheDir: join(resolve(projectRoot, process.env.ASTRO_CACHE_DIR || 'node_modules/.astro'), audience),
  trailingSlash: 'ignore',
  // Both sites render every page on every build, four at a time, so a page's file writes overlap
  // the next page's rendering: on a cold build of 1,000 posts that is 2–3 s faster than Astro's
  // incremental build (experimental.incrementalBuild), which renders one page at a time and writes
  // each page twice (the page and its cached copy); for the launch room beside the public build it
  // saves 2 s of CPU. A site with nothing of its own changed is not built at all (the last good one
  // is linked in: scripts/build-checks/steps/build-inputs.ts).
  build: { format: 'directory', concurrency: 4 },
  integrations: [
    ...(audience === 'public' ? publicIntegrations : []),
    mdx(),
    audienceRoutes(audience),
    marketingFiles(audience),
    shareCards(audience),
  ],
  vite: {
    build: {
      rolldownOptions: {
        // Every MDX page's asset-propagation module starts with Astro's "use astro:head-inject"
        // marker, which the bundler warns about once per page (a thousand code frames for a
        // thousand posts). The marker is Astro's own and harmless; every other warning stays.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && /astro:head-inject/.test(warning.message)) return;
          warn(warning);
        },
      },
    },
    define: {
      'import.meta.env.SITE_AUDIENCE': JSON.stringify(audience),
      // Astro gives entries' files relative to its root, which for the launch room is not the project.
      'import.meta.env.ASTRO_ROOT': JSON.stringify(root),
    },
  },
});
