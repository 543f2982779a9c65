// Connects each content kind's loader to its schema (core/schemas), plus Starlight's docs and i18n collections.
import { defineCollection } from 'astro:content';
import type { z } from 'astro/zod';
import { glob, type Loader } from 'astro/loaders';
import { docsSchema, i18nSchema } from '@astrojs/starlight/schema';
import { CONTENT_KINDS, CONTENT_PATTERN, type CollectionName } from '../core/schemas/kinds.ts';
import { GuideSchema } from '../core/schemas/guide.ts';
import { BUILD_NOW, SITE_AUDIENCE } from './lib/build-env.ts';
import { withPublishableFilter } from './lib/publishable-loader.ts';
import { withBorrowedBodies } from './lib/borrowed-body-loader.ts';
import { borrowsBodies } from '../core/borrowed-bodies.ts';

// Absolute: Astro resolves a loader's base against its root, and the launch room builds from a
// root of its own (astro.config.mjs); every build runs with the project as its working directory.
const CONTENT_ROOT = `${process.cwd()}/content`;

// Entry ids are `<folder>/<file name>`, so guides route at /guides/<name> and every id says its kind.
// The public build loads only publishable entries (src/lib/publishable.ts); the launch room loads all,
// and under `npm run build` stores published posts' bodies as placeholders (core/borrowed-bodies.ts).
function loaderFor(name: CollectionName): Loader {
  const dir = CONTENT_KINDS[name].dir;
  const loader = glob({
    base: `${CONTENT_ROOT}/${dir}`,
    pattern: CONTENT_PATTERN,
    generateId: ({ entry }) => `${dir}/${entry.replace(/\.(md|mdx)$/, '')}`,
  });
  if (SITE_AUDIENCE === 'public') return withPublishableFilter(loader, BUILD_NOW);
  return borrowsBodies(process.env, name) ? withBorrowedBodies(loader, BUILD_NOW) : loader;
}

// The schema is passed per kind (not looked up inside) so each collection keeps its own schema
// type and pages get a typed `entry.data`.
function kindCollection<Schema extends z.ZodType>(name: Exclude<CollectionName, 'docs'>, schema: Schema) {
  return defineCollection({ loader: loaderFor(name), schema });
}

const kindCollections = {
  blog: kindCollection('blog', CONTENT_KINDS.blog.schema),
  battlecards: kindCollection('battlecards', CONTENT_KINDS.battlecards.schema),
  objections: kindCollection('objections', CONTENT_KINDS.objections.schema),
  enablement: kindCollection('enablement', CONTENT_KINDS.enablement.schema),
  landing: kindCollection('landing', CONTENT_KINDS.landing.schema),
  onePagers: kindCollection('onePagers', CONTENT_KINDS.onePagers.schema),
  press: kindCollection('press', CONTENT_KINDS.press.schema),
  community: kindCollection('community', CONTENT_KINDS.community.schema),
  hn: kindCollection('hn', CONTENT_KINDS.hn.schema),
  social: kindCollection('social', CONTENT_KINDS.social.schema),
  emails: kindCollection('emails', CONTENT_KINDS.emails.schema),
  voiceovers: kindCollection('voiceovers', CONTENT_KINDS.voiceovers.schema),
  storyboards: kindCollection('storyboards', CONTENT_KINDS.storyboards.schema),
  video: kindCollection('video', CONTENT_KINDS.video.schema),
  roadmap: kindCollection('roadmap', CONTENT_KINDS.roadmap.schema),
  checklists: kindCollection('checklists', CONTENT_KINDS.checklists.schema),
  inventory: kindCollection('inventory', CONTENT_KINDS.inventory.schema),
} satisfies Record<Exclude<CollectionName, 'docs'>, unknown>;

// Starlight renders the guides; its schema is extended with ours and made strict so a typo
// in a guide's frontmatter fails the build like everywhere else. `sidebar` stays Starlight's own
// (a superset of ours with defaults its navigation relies on, such as `hidden: false`).
const docs = defineCollection({
  loader: loaderFor('docs'),
  schema: (context) =>
    docsSchema({ extend: GuideSchema.omit({ title: true, description: true, sidebar: true }) })(context).strict(),
});

// Starlight always reads an `i18n` collection for UI-string overrides; we override none. One empty
// entry for the default language keeps Astro from warning that the collection is missing or empty.
const i18n = defineCollection({
  loader: {
    name: 'no-ui-overrides',
    load: async ({ store, parseData }) => {
      store.clear();
      store.set({ id: 'en', data: await parseData({ id: 'en', data: {} }) });
    },
  },
  schema: i18nSchema(),
});

export const collections = { ...kindCollections, docs, i18n };
