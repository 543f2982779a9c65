import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { CONTENT_KINDS, CONTENT_PATTERN, type CollectionName } from './schemas/kinds.ts';
import { GuideSchema } from './schemas/guide.ts';
import { BUILD_NOW, SITE_AUDIENCE } from './lib/build-env.ts';
import { withPublishableFilter } from './lib/publishable-loader.ts';

const CONTENT_ROOT = './content';

// Entry ids are `<folder>/<file name>`, so guides route at /guides/<name> and every id says its kind.
// The public build loads only publishable entries (src/lib/publishable.ts); the launch room loads all.
function loaderFor(name: CollectionName): Loader {
  const dir = CONTENT_KINDS[name].dir;
  const loader = glob({
    base: `${CONTENT_ROOT}/${dir}`,
    pattern: CONTENT_PATTERN,
    generateId: ({ entry }) => `${dir}/${entry.replace(/\.(md|mdx)$/, '')}`,
  });
  return SITE_AUDIENCE === 'public' ? withPublishableFilter(loader, BUILD_NOW) : loader;
}

const kindCollections = Object.fromEntries(
  (Object.keys(CONTENT_KINDS) as CollectionName[])
    .filter((name) => name !== 'docs')
    .map((name) => [name, defineCollection({ loader: loaderFor(name), schema: CONTENT_KINDS[name].schema })]),
);

// Starlight renders the guides; its schema is extended with ours and made strict so a typo
// in a guide's frontmatter fails the build like everywhere else. `sidebar` stays Starlight's own
// (a superset of ours with defaults its navigation relies on, such as `hidden: false`).
const docs = defineCollection({
  loader: loaderFor('docs'),
  schema: (context) =>
    docsSchema({ extend: GuideSchema.omit({ title: true, description: true, sidebar: true }) })(context).strict(),
});

export const collections = { ...kindCollections, docs };
