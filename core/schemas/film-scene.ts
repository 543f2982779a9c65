import { z } from 'astro/zod';

/**
 * Scene kinds `npm run video` renders, listed in a storyboard moment's or a video act's `scenes`.
 * `title`, `terminal`, `canvas`, `diagram` and `end-card` take screen time (in the order listed);
 * `lower-third` (the moment's or act's title) and `caption-chip` (the quoted "Caption…" text of
 * the moment's onScreen or the act's shots) are drawn over them.
 */
export const SCENE_KINDS = [
  'title',
  'lower-third',
  'terminal',
  'canvas',
  'diagram',
  'caption-chip',
  'end-card',
] as const;
export const SceneKindSchema = z.enum(SCENE_KINDS);
export type SceneKind = z.output<typeof SceneKindSchema>;
