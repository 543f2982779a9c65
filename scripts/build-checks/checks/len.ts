// Rule `len`: posts, titles, subjects and one-pagers fit their channel's limit.
import { measureText, type Channel } from '../../../core/channel-limits.ts';
import type { ContentFile } from '../../../core/content-files.ts';
import type { Check, CheckContext } from '../check.ts';
import { bodyOf } from '../lib/text-units.ts';

/** The form every HN title must take. */
export const HN_TITLE_PREFIX = 'Show HN: ';

/** Every measured item of an entry: channel, label, text and key path. */
function measuredItems(
  entry: ContentFile,
): Array<{ channel: Channel; label: string; text: string; path: Array<string | number> }> {
  const data = entry.data as Record<string, unknown> | undefined;
  if (!data) return [];
  const items: Array<{ channel: Channel; label: string; text: string; path: Array<string | number> }> = [];
  if (entry.collection === 'social') {
    (data.posts as Array<{ id: string; channel: 'x' | 'linkedin'; text: string }>).forEach((post, index) => {
      items.push({
        channel: post.channel,
        label: `${post.channel === 'x' ? 'X' : 'LinkedIn'} post "${post.id}"`,
        text: post.text,
        path: ['posts', index, 'text'],
      });
    });
  }
  if (entry.collection === 'community') {
    (
      data.posts as Array<{ platform: 'discord' | 'slack' | 'reddit'; room: string; title?: string; text: string }>
    ).forEach((post, index) => {
      items.push({
        channel: post.platform,
        label: `${post.platform} message for ${post.room}`,
        text: post.text,
        path: ['posts', index, 'text'],
      });
      if (post.title !== undefined)
        items.push({
          channel: 'reddit-title',
          label: `reddit title for ${post.room}`,
          text: post.title,
          path: ['posts', index, 'title'],
        });
    });
  }
  if (entry.collection === 'hn') {
    (data.titles as Array<{ title: string }>).forEach((title, index) => {
      items.push({ channel: 'hn-title', label: 'HN title', text: title.title, path: ['titles', index, 'title'] });
    });
  }
  if (entry.collection === 'emails') {
    items.push({ channel: 'email-subject', label: 'email subject', text: String(data.subject), path: ['subject'] });
    items.push({
      channel: 'email-subject',
      label: 'email alt subject',
      text: String(data.altSubject),
      path: ['altSubject'],
    });
    items.push({ channel: 'email-preview', label: 'email preview', text: String(data.preview), path: ['preview'] });
  }
  return items;
}

function checkOnePager(ctx: CheckContext, entry: ContentFile): void {
  const maxWords = Number(entry.data?.maxWords);
  const words = bodyOf(ctx, entry)
    .prose.map((block) => block.masked)
    .join(' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  if (words > maxWords) {
    ctx.report({
      file: entry.file,
      offset: entry.offsetOf(['maxWords'], true) ?? entry.bodyOffset,
      message: `one-pager body is ${words} words; it must fit one page (maxWords ${maxWords})`,
      hint: `cut ${words - maxWords} words`,
    });
  }
}

/** Social, community, HN and email copy fits each channel's limit, measured the channel's way. */
export const lenCheck: Check = {
  id: 'len',
  phase: 'source',
  description:
    'X ≤ 280 weighted, LinkedIn ≤ 3,000, Discord ≤ 2,000, HN title ≤ 80 as "Show HN: …", email subject ≤ 60, preview ≤ 100',
  run(ctx) {
    for (const entry of ctx.sources.content) {
      if (entry.collection === 'onePagers' && entry.data) checkOnePager(ctx, entry);
      for (const item of measuredItems(entry)) {
        const offset = entry.offsetOf(item.path) ?? 0;
        const measured = measureText(item.channel, item.text);
        if (!measured.ok) {
          ctx.report({
            file: entry.file,
            offset,
            message: `${item.label} is ${measured.length} ${measured.unit}; the limit is ${measured.limit}`,
            hint: `cut ${measured.length - measured.limit}`,
          });
        }
        if (item.channel === 'hn-title' && !item.text.startsWith(HN_TITLE_PREFIX)) {
          ctx.report({
            file: entry.file,
            offset,
            message: `HN title must start with "${HN_TITLE_PREFIX}"`,
            hint: `write "${HN_TITLE_PREFIX}${item.text.replace(/^Show HN\s*[—–:-]?\s*/i, '')}"`,
          });
        }
      }
    }
  },
};
