// The component styles a built page carries for one fragment of it, so the fragment looks the same on another page.

/** Astro's style scopes, as classes (`astro-1a2b3c4d`) or attributes (`data-astro-cid-…`), in HTML and in CSS alike. */
const SCOPE_TOKEN = /\bastro-[a-z0-9]{8}\b|\bdata-astro-cid-[a-z0-9]+\b/g;
const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style>/g;
const STYLESHEET_LINK = /<link\b[^>]*\brel="stylesheet"[^>]*>/g;

/** Marks the styles put into a page with a borrowed fragment, so a later fill replaces them. */
export const BORROWED_STYLE_ATTRIBUTE = 'data-borrowed-style';

/** What a fragment needs from its page: inline styles to carry, and stylesheets that would drag the page's own styles along. */
export interface FragmentStyles {
  /** CSS of each `<style>` in the page's head that styles a scope used in the fragment. */
  inline: string[];
  /** `href`s of linked stylesheets in the head that also style such a scope. */
  linked: string[];
}

/** The style scopes named in `text` (a fragment of HTML, or CSS). */
export function scopesOf(text: string): Set<string> {
  return new Set(text.match(SCOPE_TOKEN) ?? []);
}

/**
 * The styles of `page` (a built page) that apply to the scopes in `fragment` (part of its body).
 * Astro inlines each small component stylesheet in the head as a `<style>` of its own, holding
 * only that component's scoped rules, so carrying those is exact; a component whose styles were
 * bundled into a linked stylesheet is reported in `linked` (`sheetScopes` gives the scopes a linked file styles).
 */
export function stylesFor(
  page: string,
  fragment: string,
  sheetScopes: (href: string) => ReadonlySet<string> | undefined,
): FragmentStyles {
  const scopes = scopesOf(fragment);
  const result: FragmentStyles = { inline: [], linked: [] };
  if (scopes.size === 0) return result;
  const head = page.slice(0, Math.max(0, page.indexOf('</head>')));
  const styles = (named: ReadonlySet<string>) => [...named].some((scope) => scopes.has(scope));
  for (const [, css] of head.matchAll(STYLE_ELEMENT)) if (styles(scopesOf(css!))) result.inline.push(css!);
  for (const [link] of head.matchAll(STYLESHEET_LINK)) {
    const href = /\bhref="([^"]+)"/.exec(link)?.[1];
    const named = href ? sheetScopes(href) : undefined;
    if (href && named && styles(named)) result.linked.push(href);
  }
  return result;
}

/** `html` with the styles carried by an earlier fill removed and `inline` put in before `</head>`. */
export function withBorrowedStyles(html: string, inline: readonly string[]): string {
  const cleared = html.replace(new RegExp(`<style ${BORROWED_STYLE_ATTRIBUTE}>[\\s\\S]*?</style>`, 'g'), '');
  const head = cleared.indexOf('</head>');
  if (head === -1 || inline.length === 0) return cleared;
  const styles = [...new Set(inline)].map((css) => `<style ${BORROWED_STYLE_ATTRIBUTE}>${css}</style>`).join('');
  return cleared.slice(0, head) + styles + cleared.slice(head);
}
