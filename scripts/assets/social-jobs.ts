// Finds the social posts whose image is a card this command renders, with the card's size and text.
import { readContent, type ContentFile } from '../../core/content-files.ts';
import { assetFileFor } from '../../core/asset-path.ts';
import { createLocator } from '../../core/source-location.ts';
import { loadFacts } from '../../core/facts.ts';
import type { Issue } from '../../core/issue.ts';
import type { SocialPost, SocialPostSet } from '../../core/schemas/social-post-set.ts';

/** Where social cards live on the site; a post's `image` under here is a card this command renders. */
export const SOCIAL_CARD_DIR = '/marketing/assets/social/';
/** Past this length a hook is cut back to the part before its colon, when it has one. */
export const HOOK_MAX_CHARS = 120;
/** Card size per channel: X shows 16:9 (1200×675), LinkedIn 1.91:1 (1200×630). */
export const CARD_SIZES = { x: { width: 1200, height: 675 }, linkedin: { width: 1200, height: 630 } } as const;

/** The words and size on one card. */
export interface CardSpec {
  eyebrow: string;
  title: string;
  subtitle: string;
  width: number;
  height: number;
}

/** One social card to render. */
export interface SocialCardJob {
  kind: 'social-card';
  /** `<campaign>-<post id>`. */
  name: string;
  /** Repo-relative PNG path. */
  output: string;
  /** The social file the post is in, and where the post names its image. */
  source: string;
  sourceAt: { line: number; column: number };
  channel: SocialPost['channel'];
  card: CardSpec;
  inputsHash: string;
}

/**
 * Finds every social post whose `image` is a card under {@link SOCIAL_CARD_DIR} and describes
 * its card. A card path that does not follow `<campaign>-<post id>.png` is reported where it is
 * written, so two posts cannot silently share or swap cards.
 */
export function collectSocialCards(
  root: string,
  hashCard: (card: CardSpec) => string,
): { jobs: SocialCardJob[]; issues: Issue[] } {
  const jobs: SocialCardJob[] = [];
  const issues: Issue[] = [];
  let host: string | undefined;
  const siteHost = () => (host ??= new URL(loadFacts(root).site.canonicalHost).host);
  for (const file of readContent(root, ['social'])) {
    if (!file.data) {
      if (file.text.includes(SOCIAL_CARD_DIR))
        issues.push(
          ...file.issues.map((issue) => ({
            ...issue,
            hint: `${issue.hint ?? 'fix the frontmatter'} (no cards rendered from this file)`,
          })),
        );
      continue;
    }
    const set = file.data as unknown as SocialPostSet;
    set.posts.forEach((post, index) => {
      if (!post.image?.startsWith(SOCIAL_CARD_DIR)) return;
      const name = `${set.campaign}-${post.id}`;
      const expected = `${SOCIAL_CARD_DIR}${name}.png`;
      if (post.image !== expected) {
        issues.push(
          issueAt(
            file,
            ['posts', index, 'image'],
            `card path ${post.image} does not match the post`,
            `use ${expected} (<campaign>-<post id>.png)`,
          ),
        );
        return;
      }
      const card: CardSpec = { ...describeCard(set, post, siteHost()), ...CARD_SIZES[post.channel] };
      if (!post.imageAlt?.includes(card.title)) {
        issues.push({
          ...issueAt(
            file,
            ['posts', index, 'imageAlt'],
            `alt text does not contain the card's headline "${card.title}"`,
            'describe what the card shows (label, headline, host) so screen readers get the same words',
          ),
          severity: 'warning',
        });
      }
      const sourceAt = createLocator(file.text)(file.offsetOf(['posts', index, 'image']) ?? 0);
      jobs.push({
        kind: 'social-card',
        name,
        output: assetFileFor(expected),
        source: file.file,
        sourceAt,
        channel: post.channel,
        card,
        inputsHash: hashCard(card),
      });
    });
  }
  return { jobs, issues };
}

/**
 * The words on a post's card: the campaign and the post's angle as the eyebrow
 * ("Phase 30 · Technical"), the post's opening sentence as the headline, the site as the sign-off.
 */
export function describeCard(
  set: Pick<SocialPostSet, 'title' | 'campaign'>,
  post: Pick<SocialPost, 'label' | 'text'>,
  host: string,
): Omit<CardSpec, 'width' | 'height'> {
  const campaign = set.title.replace(/\s+(social\s+)?(posts?|copy)$/i, '').trim() || set.campaign;
  return { eyebrow: `${campaign} · ${post.label}`, title: hookOf(post.text), subtitle: host };
}

/** A post's first sentence (or first line), without links, hashtags or mentions. */
export function hookOf(text: string): string {
  const firstLine =
    text
      .split('\n')
      .map((line) =>
        line
          .replace(/https?:\/\/\S+/g, '')
          .replace(/(^|\s)[#@]\w+/g, '')
          .trim(),
      )
      .find(Boolean) ?? '';
  const sentence = (/^(.+?[.!?])(\s|$)/.exec(firstLine)?.[1] ?? firstLine).trim();
  // A long sentence that opens with "X: …" reads better on a card as just "X".
  const lead = /^([^:]{12,}):\s/.exec(sentence)?.[1];
  return sentence.length > HOOK_MAX_CHARS && lead ? lead : sentence;
}

function issueAt(file: ContentFile, path: Array<string | number>, message: string, hint: string): Issue {
  const offset = file.offsetOf(path) ?? 0;
  return {
    file: file.file,
    ...createLocator(file.text)(offset),
    rule: 'social-card',
    severity: 'error',
    message,
    hint,
  };
}
