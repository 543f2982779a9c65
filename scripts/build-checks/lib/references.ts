// Collects every reference a source makes (links, images, components, frontmatter fields, facts URLs).
import type { ContentFile } from '../../../core/content-files.ts';
import type { CollectionName } from '../../../core/schemas/kinds.ts';
import { isPublishable, type PublishableFields } from '../../../core/publishable.ts';
import { FACTS_PATH } from '../../../core/facts.ts';
import type { CheckContext } from '../check.ts';
import { bodyOf } from './text-units.ts';

/** What a reference must point at. */
export type Expectation = 'any' | 'voiceover' | 'repo-file';

/** One reference from a source file to a page, an asset or a voice-over. */
export interface Reference {
  file: string;
  offset: number;
  /** As written (a URL, a site path, a voice-over id or a repo path). */
  target: string;
  /** How it was written, for messages: `image`, `<Figure src>`, `hero`, … */
  via: string;
  expect: Expectation;
  /** `public` when readers of the public site (or of posts and emails) follow it. */
  audience: 'public' | 'any';
  /** The content entry it comes from (undefined for the facts file). */
  entry?: ContentFile;
}

/** Frontmatter fields typed as asset, page or voice-over references, per collection (`*` = every list item). */
export const REFERENCE_FIELDS: Partial<Record<CollectionName, Array<{ path: string; expect: Expectation }>>> = {
  blog: [
    { path: 'hero', expect: 'any' },
    { path: 'audio', expect: 'voiceover' },
  ],
  docs: [{ path: 'audio', expect: 'voiceover' }],
  social: [
    { path: 'posts.*.image', expect: 'any' },
    { path: 'posts.*.link', expect: 'any' },
  ],
  hn: [{ path: 'url', expect: 'any' }],
  landing: [
    { path: 'primaryCta.href', expect: 'any' },
    { path: 'secondaryCta.href', expect: 'any' },
    { path: 'bottomCta.href', expect: 'any' },
  ],
  video: [{ path: 'acts.*.voiceover', expect: 'voiceover' }],
  storyboards: [{ path: 'narration', expect: 'voiceover' }],
  inventory: [{ path: 'items.*.path', expect: 'repo-file' }],
};

/** Components whose attributes name something other than a URL. */
export const COMPONENT_REFERENCES: Record<string, Record<string, Expectation>> = {
  VoiceoverPlayer: { id: 'voiceover' },
};

/** Kinds whose words are published outside the launch room once approved, so their links must work publicly. */
const OUTWARD_KINDS: ReadonlySet<CollectionName> = new Set([
  'social',
  'hn',
  'emails',
  'community',
  'press',
  'onePagers',
  'landing',
]);

/** Where an entry's links are followed from: the public site (or the outside world), or anywhere. */
export function audienceOf(entry: ContentFile, now: Date): 'public' | 'any' {
  if (!entry.data) return 'any';
  if (isPublishable(entry.data as unknown as PublishableFields, now)) return 'public';
  return OUTWARD_KINDS.has(entry.collection) && entry.data.status === 'approved' ? 'public' : 'any';
}

function valuesAt(
  data: unknown,
  parts: readonly string[],
  path: Array<string | number> = [],
): Array<{ path: Array<string | number>; value: unknown }> {
  if (parts.length === 0) return [{ path, value: data }];
  const [head, ...rest] = parts;
  if (head === '*')
    return Array.isArray(data) ? data.flatMap((item, index) => valuesAt(item, rest, [...path, index])) : [];
  const next = (data as Record<string, unknown> | undefined)?.[head!];
  return next === undefined ? [] : valuesAt(next, rest, [...path, head!]);
}

const FACTS_URL = /https?:\/\/[^\s"'<>)\]]+/g;

/** Every reference in content (bodies and typed frontmatter fields) and in the facts file. */
export function collectReferences(ctx: CheckContext): Reference[] {
  return ctx.memo('references', () => {
    const { sources } = ctx;
    const references: Reference[] = [];
    for (const entry of sources.content) {
      const audience = audienceOf(entry, sources.now);
      const body = bodyOf(ctx, entry);
      for (const ref of body.references) {
        references.push({
          file: entry.file,
          offset: ref.offset,
          target: ref.url,
          via: ref.via,
          expect: 'any',
          audience,
          entry,
        });
      }
      for (const component of body.components) {
        for (const [attribute, expect] of Object.entries(COMPONENT_REFERENCES[component.name] ?? {})) {
          const value = component.attributes.get(attribute);
          if (value)
            references.push({
              file: entry.file,
              offset: value.offset,
              target: value.value,
              via: `<${component.name} ${attribute}>`,
              expect,
              audience,
              entry,
            });
        }
      }
      for (const field of REFERENCE_FIELDS[entry.collection] ?? []) {
        for (const { path, value } of valuesAt(entry.data, field.path.split('.'))) {
          if (typeof value !== 'string') continue;
          references.push({
            file: entry.file,
            offset: entry.offsetOf(path) ?? 0,
            target: value,
            via: path.join('.'),
            expect: field.expect,
            audience,
            entry,
          });
        }
      }
    }
    const factsText = sources.facts ? sources.textOf(FACTS_PATH) : '';
    for (const match of factsText.matchAll(FACTS_URL)) {
      references.push({
        file: FACTS_PATH,
        offset: match.index,
        target: match[0],
        via: 'facts URL',
        expect: 'any',
        audience: 'public',
      });
    }
    return references;
  });
}
