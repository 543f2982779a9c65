// Explains why an entry a page asks for is not in this build (held back, unpublished or absent).
import { readContent } from '../../core/content-files.ts';
import type { CollectionName } from '../../core/schemas/kinds.ts';
import { CONTENT_KINDS } from '../../core/schemas/kinds.ts';
import { explainUnpublishable, type PublishableFields } from '../../core/publishable.ts';
import { BUILD_NOW, SITE_AUDIENCE } from './build-env.ts';

/**
 * Explains why a referenced entry is not in a collection: it does not exist, or (public build)
 * it exists but is held back, with the fix. Used by components that embed other entries.
 */
export function describeMissingEntry(collection: CollectionName, id: string): string {
  const folder = `content/${CONTENT_KINDS[collection].dir}/`;
  const file = readContent(process.cwd(), [collection]).find((candidate) => candidate.id === id);
  if (!file) return `no ${CONTENT_KINDS[collection].label} with that id in ${folder}`;
  const reason = file.data
    ? explainUnpublishable(file.data as unknown as PublishableFields, BUILD_NOW)
    : 'its frontmatter is invalid';
  if (SITE_AUDIENCE === 'public' && reason) {
    return `${file.file} is held back from the public site (${reason}) but this public page embeds it — set audience: public and status: approved there, or remove the embed`;
  }
  return `${file.file} could not be loaded${reason ? ` (${reason})` : ''}`;
}
