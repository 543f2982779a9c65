// Schemas for references to assets (by kind and extension) and to pages, shared by every content kind.
import { z } from 'astro/zod';

/** File extensions per asset kind. */
export const ASSET_EXTENSIONS = {
  image: ['png', 'jpg', 'jpeg', 'webp', 'svg', 'gif', 'avif'],
  audio: ['mp3', 'ogg', 'wav', 'm4a'],
  captions: ['vtt'],
  video: ['mp4', 'webm'],
  cast: ['cast'],
  data: ['json', 'xml', 'md'],
} as const;
export type AssetKind = keyof typeof ASSET_EXTENSIONS;

/**
 * A site URL to an asset. The one rule for where assets live:
 * `/marketing/<path>` is the file `marketing/<path>` (generated deliverables),
 * any other `/<path>` is `public/<path>` (hand-made static files).
 */
export function AssetRefSchema(options: { kinds: readonly AssetKind[] }) {
  const allowed = options.kinds.flatMap((kind) => ASSET_EXTENSIONS[kind]);
  return z
    .string()
    .regex(/^\/[^\s?#]+$/, 'asset references are site paths starting with "/" (e.g. /marketing/assets/x.png)')
    .refine((value) => allowed.includes(value.split('.').pop()?.toLowerCase() as never), {
      message: `expected a ${options.kinds.join(' or ')} file (${allowed.join(', ')})`,
    });
}

/** A link to a page of the site (`/blog/…`, `/guides/…`) or an absolute http(s) URL. */
export const PageRefSchema = z
  .string()
  .regex(/^(\/|https?:\/\/)/, 'expected a site path starting with "/" or an http(s) URL');
