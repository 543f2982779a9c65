// The arrangement by which the launch room shows a published post with the body the public build rendered.
import type { CollectionName } from './schemas/kinds.ts';
import { pathForEntry } from './site-urls.ts';

/**
 * Kinds whose published bodies the launch room borrows from the public build instead of compiling
 * their MDX a second time: the public site renders each on a page of ours, marked with
 * {@link PUBLIC_BODY_ATTRIBUTE}. Blog posts are the kind that grows into the thousands.
 */
export const BORROWED_BODY_KINDS: ReadonlySet<CollectionName> = new Set(['blog']);

/** Set (to `1`) by `npm run build` for the launch room, whose pages it fills after both builds. */
export const BORROW_ENV = 'BORROW_PUBLIC_BODIES';

/** On the public page, the element whose inner HTML is the entry's rendered body. */
export const PUBLIC_BODY_ATTRIBUTE = 'data-entry-body';

/** In the launch room, the element the public body is put into. */
export const BORROWED_BODY_ATTRIBUTE = 'data-borrowed-body';

/** Whether a launch-room build leaves published bodies of `collection` to the pipeline. */
export function borrowsBodies(env: NodeJS.ProcessEnv, collection: CollectionName): boolean {
  return env[BORROW_ENV] === '1' && BORROWED_BODY_KINDS.has(collection);
}

/** What the launch room renders where a borrowed body goes; ids are `<folder>/<name>`, safe in an attribute. */
export function borrowedBodyPlaceholder(id: string): string {
  return `<div ${BORROWED_BODY_ATTRIBUTE}="${id}"></div>`;
}

/** The public page (relative to the public site's root) that holds the body of entry `id`. */
export function publicBodyPage(id: string): string {
  return `${pathForEntry(id).slice(1)}index.html`;
}
