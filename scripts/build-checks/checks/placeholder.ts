// Rule `placeholder`: no [NAME], TBD or {{…}} left in an approved piece.
import { findPlaceholders } from '../../../core/placeholders.ts';
import type { ContentFile } from '../../../core/content-files.ts';
import type { Check, CheckContext } from '../check.ts';
import { bodyOf, frontmatterStrings, maskInlineCode, offsetInField } from '../lib/text-units.ts';

/** One unresolved placeholder with its file offset. */
export interface OpenPlaceholder {
  text: string;
  offset: number;
}

/**
 * Every placeholder in an entry (`[NAME]`, `[Date]`, `TBD`, `{{…}}` except the email's own
 * merge fields), in frontmatter strings and body prose; code is left alone.
 */
export function findOpenPlaceholders(ctx: CheckContext, entry: ContentFile): OpenPlaceholder[] {
  const merge = entry.collection === 'emails' ? ((entry.data?.mergeFields as string[] | undefined) ?? []) : [];
  const found: OpenPlaceholder[] = [];
  for (const { path, value } of frontmatterStrings(entry.data)) {
    for (const placeholder of findPlaceholders(value, merge))
      found.push({ text: placeholder.text, offset: offsetInField(entry, path, value, placeholder.offset) });
  }
  // Raw prose, not the masked text: MDX reads `{{x}}` as an expression, which masking would hide.
  for (const block of bodyOf(ctx, entry).prose) {
    for (const placeholder of findPlaceholders(maskInlineCode(block.raw), merge))
      found.push({ text: placeholder.text, offset: block.offset + placeholder.offset });
  }
  return found;
}

/** Placeholders are allowed only while a piece is `draft` or `review`. */
export const placeholderCheck: Check = {
  id: 'placeholder',
  phase: 'source',
  description: 'no [NAME], [Date], TBD or {{…}} (outside email merge fields) in approved pieces',
  run(ctx) {
    for (const entry of ctx.sources.content) {
      if (entry.data?.status !== 'approved') continue;
      for (const placeholder of findOpenPlaceholders(ctx, entry)) {
        ctx.report({
          file: entry.file,
          offset: placeholder.offset,
          message: `placeholder ${placeholder.text} in an approved piece`,
          hint: 'fill it in, or set status: review until it is resolved',
        });
      }
    }
  },
};
