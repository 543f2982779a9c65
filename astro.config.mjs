// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import starlight from '@astrojs/starlight';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { audienceRoutes } from './src/integrations/audience-routes.ts';
import { marketingFiles } from './src/integrations/marketing-files.ts';

// One source, two sites: SITE_AUDIENCE=public builds dist/public (what the world sees),
// SITE_AUDIENCE=internal builds dist/internal (the launch room). Internal pages are never
// even routed in the public build.
const audience = process.env.SITE_AUDIENCE === 'internal' ? 'internal' : 'public';
const facts = parse(readFileSync(new URL('./content/facts.yaml', import.meta.url), 'utf8'));

const publicIntegrations = [
  starlight({
    title: 'Molecule AI Docs',
    disable404Route: true,
    customCss: ['./src/styles/brand.css'],
    sidebar: [{ label: 'Guides', items: [{ autogenerate: { directory: 'guides' } }] }],
    components: { SiteTitle: './src/components/StarlightSiteTitle.astro' },
  }),
  sitemap({ filter: (page) => !page.includes('/404') }),
];

export default defineConfig({
  site: facts.site.canonicalHost,
  outDir: `./dist/${audience}`,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  integrations: [
    ...(audience === 'public' ? publicIntegrations : []),
    mdx(),
    audienceRoutes(audience),
    marketingFiles(audience),
  ],
  vite: { define: { 'import.meta.env.SITE_AUDIENCE': JSON.stringify(audience) } },
});
