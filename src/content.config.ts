import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { CONTENT_KINDS, CONTENT_PATTERN, type CollectionName } from './schemas/kinds.ts';
import { GuideSchema } from './schemas/guide.ts';

const CONTENT_ROOT = './content';

// Entry ids are `<folder>/<file name>`, so guides route at /guides/<name> and every id says its kind.
function loaderFor(name: CollectionName) {
  const dir = CONTENT_KINDS[name].dir;
  return glob({
    base: `${CONTENT_ROOT}/${dir}`,
    pattern: CONTENT_PATTERN,
    generateId: ({ entry }) => `${dir}/${entry.replace(/\.(md|mdx)$/, '')}`,
  });
}

const kindCollections = Object.fromEntries(
  (Object.keys(CONTENT_KINDS) as CollectionName[])
    .filter((name) => name !== 'docs')
    .map((name) => [name, defineCollection({ loader: loaderFor(name), schema: CONTENT_KINDS[name].schema })]),
);

// Starlight renders the guides; its schema is extended with ours and made strict so a typo
// in a guide's frontmatter fails the build like everywhere else.
const docs = defineCollection({
  loader: loaderFor('docs'),
  schema: (context) => docsSchema({ extend: GuideSchema.omit({ title: true, description: true }) })(context).strict(),
});

export const collections = { ...kindCollections, docs };
