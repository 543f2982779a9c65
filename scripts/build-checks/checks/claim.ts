// Rule `claim`: a claim word (only, first, fastest, percentages, …) needs a source in the same sentence.
import type { Check, CheckContext } from '../check.ts';
import { CLAIM_RULES } from '../lib/claim-rules.ts';
import { bodyOf, textUnitsOf, type TextUnit } from '../lib/text-units.ts';

const FOOTNOTE_REF = /\[\^([^\]\s]+)\]/g;
// A source is a URL, a Markdown link, or a repo path such as docs/api.md, org/repo#123 or src/x.go:42.
const SOURCE_FORMS = [/https?:\/\/\S+/, /\]\([^)\s]+\)/, /(?:^|[\s`(])[\w.-]+\/[\w./-]*(?:\.\w+|#\d+)(?::\d+)?/];

/** Start and end of the sentence around `index` in `text`; footnote references after the full stop belong to it. */
export function sentenceAround(text: string, index: number): [number, number] {
  let start = 0;
  for (const boundary of text.slice(0, index).matchAll(/[.!?](?:\[\^[^\]\s]+\])*\s+|\n\s*\n/g))
    start = boundary.index + boundary[0].length;
  const after = /[.!?](?:\[\^[^\]\s]+\])*(?=\s|$)|\n\s*\n/g;
  after.lastIndex = index;
  const end = after.exec(text);
  return [start, end ? end.index + end[0].length : text.length];
}

/** Why the sentence's footnotes do not source it, or undefined when one of them does. */
function unsourcedReason(sentence: string, footnotes: Map<string, { raw: string }>): string | undefined {
  const refs = [...sentence.matchAll(FOOTNOTE_REF)].map((match) => match[1]!);
  if (refs.length === 0) return 'no footnote';
  for (const ref of refs) {
    const definition = footnotes.get(ref.toLowerCase()) ?? footnotes.get(ref);
    if (!definition) return `footnote [^${ref}] has no definition`;
    const text = definition.raw.replace(/^\[\^[^\]]+\]:\s*/, '');
    if (SOURCE_FORMS.some((form) => form.test(text))) return undefined;
  }
  return `footnote ${refs.map((ref) => `[^${ref}]`).join(', ')} gives no link or repo path`;
}

function checkUnit(ctx: CheckContext, file: string, unit: TextUnit, footnotes: Map<string, { raw: string }>): void {
  for (const rule of CLAIM_RULES) {
    for (const match of unit.masked.matchAll(rule.pattern)) {
      if (rule.exemptAfter?.test(unit.masked.slice(Math.max(0, match.index - 30), match.index))) continue;
      const [start, end] = sentenceAround(unit.masked, match.index);
      const reason = unsourcedReason(unit.text.slice(start, end), footnotes);
      if (!reason) continue;
      const where = unit.path ? ` (${unit.path})` : '';
      ctx.report({
        file,
        offset: unit.offsetAt(match.index),
        message: `"${match[0]}" needs a source (${rule.why} claim)${where}: ${reason}`,
        hint: 'add a footnote [^id] to the sentence whose definition links to the source, or reword',
      });
    }
  }
}

/** Claims (only, first, SOC 2, better than, guaranteed, fastest, percentages, …) carry a footnoted source. */
export const claimCheck: Check = {
  id: 'claim',
  phase: 'source',
  description: 'claim words need a footnote [^id] whose definition holds a link or repo path (rules in claim-rules.ts)',
  run(ctx) {
    for (const entry of ctx.sources.content) {
      if (!entry.data) continue;
      const footnotes = bodyOf(ctx, entry).footnotes;
      for (const unit of textUnitsOf(ctx, entry)) {
        if (unit.kind === 'code' || unit.inFootnote) continue;
        checkUnit(ctx, entry.file, unit, footnotes);
      }
    }
  },
};
