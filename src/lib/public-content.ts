// The public site's view of the content: only publishable entries, in the order each page lists them.
import { getCollection, type CollectionEntry } from 'astro:content';
import { readContent } from '../../core/content-files.ts';
import { isPublishable, type PublishableFields } from '../../core/publishable.ts';
import type { CollectionName } from '../../core/schemas/kinds.ts';
import { BUILD_NOW } from './build-env.ts';

/**
 * The public site's view of the content. The public build's loaders already drop unpublishable
 * entries; applying the same rule here keeps a page honest even if it is built some other way.
 */
function publishable<Entry extends { data: PublishableFields }>(entries: Entry[]): Entry[] {
  return entries.filter((entry) => isPublishable(entry.data, BUILD_NOW));
}

/**
 * Whether a kind has any publishable entry on disk. The public build's loaders drop held-back
 * entries, and Astro warns "collection … does not exist or is empty" when asked for a kind they
 * emptied (the press release before its embargo); asking the publishing rule first keeps that noise out.
 */
function hasPublishableEntries(collection: CollectionName): boolean {
  return readContent(process.cwd(), [collection]).some(
    (file) => file.data !== undefined && isPublishable(file.data as unknown as PublishableFields, BUILD_NOW),
  );
}

/** Published blog posts, newest first. */
export async function getPublicPosts(): Promise<CollectionEntry<'blog'>[]> {
  const posts = publishable(await getCollection('blog'));
  return posts.sort((a, b) => b.data.published.getTime() - a.data.published.getTime() || a.id.localeCompare(b.id));
}

/** Published guides in sidebar order (then by title). */
export async function getPublicGuides(): Promise<CollectionEntry<'docs'>[]> {
  const guides = publishable(await getCollection('docs'));
  const order = (entry: CollectionEntry<'docs'>) => entry.data.sidebar?.order ?? Number.MAX_SAFE_INTEGER;
  return guides.sort((a, b) => order(a) - order(b) || a.data.title.localeCompare(b.data.title));
}

/** The landing copy the home page renders: the most recently updated publishable entry, if any. */
export async function getLandingCopy(): Promise<CollectionEntry<'landing'> | undefined> {
  const entries = publishable(await getCollection('landing'));
  const stamp = (entry: CollectionEntry<'landing'>) => (entry.data.updated ?? entry.data.published)?.getTime() ?? 0;
  return entries.sort((a, b) => stamp(b) - stamp(a) || a.id.localeCompare(b.id))[0];
}

/** Press releases whose embargo has passed, newest first. */
export async function getPublishedPress(): Promise<CollectionEntry<'press'>[]> {
  if (!hasPublishableEntries('press')) return [];
  const releases = publishable(await getCollection('press'));
  return releases.sort((a, b) => b.data.embargo.getTime() - a.data.embargo.getTime());
}

/** Every tag used by a published post, with its posts, alphabetically. */
export async function getPublicTags(): Promise<Array<{ tag: string; posts: CollectionEntry<'blog'>[] }>> {
  const posts = await getPublicPosts();
  const byTag = new Map<string, CollectionEntry<'blog'>[]>();
  for (const post of posts) for (const tag of post.data.tags) byTag.set(tag, [...(byTag.get(tag) ?? []), post]);
  return [...byTag].sort(([a], [b]) => a.localeCompare(b)).map(([tag, tagged]) => ({ tag, posts: tagged }));
}
