// Where borrowed bodies go in a launch-room page and where they come from in a public page, found in the HTML.
import { BORROWED_BODY_ATTRIBUTE, PUBLIC_BODY_ATTRIBUTE } from '../../../core/borrowed-bodies.ts';
import { findElementRanges, type ElementRange } from './element-ranges.ts';

/** A placeholder as core/borrowed-bodies.ts writes it, before anything is put in. */
const EMPTY_PLACEHOLDER = new RegExp(`<div ${BORROWED_BODY_ATTRIBUTE}="([^"]+)"></div>`, 'g');

/** The placeholders of a launch-room page: as the room build wrote them (empty), or already filled by an earlier run. */
export function placeholdersIn(html: string): ElementRange[] {
  const empty = [...html.matchAll(EMPTY_PLACEHOLDER)].map((match) => {
    const innerStart = match.index + match[0].length - '</div>'.length;
    return { value: match[1]!, tagStart: match.index, innerStart, innerEnd: innerStart };
  });
  const all = html.split(`${BORROWED_BODY_ATTRIBUTE}="`).length - 1;
  return empty.length === all ? empty : findElementRanges(html, BORROWED_BODY_ATTRIBUTE);
}

/** The inner HTML of the element of `page` marked as the public body of entry `id`, byte for byte. */
export function publicBodyOf(page: string, id: string): string | undefined {
  // Only the marked element is parsed: from its start tag to its end tag.
  const at = page.indexOf(`${PUBLIC_BODY_ATTRIBUTE}="${id}"`);
  const tagStart = at === -1 ? -1 : page.lastIndexOf('<', at);
  const marked = tagStart === -1 ? undefined : findElementRanges(page.slice(tagStart), PUBLIC_BODY_ATTRIBUTE)[0];
  if (!marked || marked.tagStart !== 0 || marked.value !== id) return undefined;
  return page.slice(tagStart + marked.innerStart, tagStart + marked.innerEnd);
}
