// Finds every URL a built page, feed or sitemap links to (with its offset) and the ids it offers, via htmlparser2.
import { decodeHTMLAttribute, decodeXML } from 'entities';
import { QuoteType, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { splitSrcset } from './markdown-body.ts';

/** A URL found in built HTML or XML, with its offset in the file. */
export interface HtmlRef {
  url: string;
  index: number;
  /** `a[href]`, `img[srcset]`, `meta[og:image]`, `json-ld`, `xml<loc>`, … */
  via: string;
}

/** What one built file links to, and the fragment targets it offers. */
export interface HtmlScan {
  refs: HtmlRef[];
  /** Values of `id` (and `a[name]`) attributes. */
  ids: Set<string>;
}

/** Attributes holding URLs, per tag. */
const URL_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  area: ['href'],
  img: ['src', 'srcset'],
  source: ['src', 'srcset'],
  audio: ['src'],
  video: ['src', 'poster'],
  track: ['src'],
  link: ['href'],
  script: ['src'],
  iframe: ['src'],
  embed: ['src'],
  object: ['data'],
};
/** `<meta>` properties/names whose `content` is a URL of ours. */
const META_URLS = new Set([
  'og:image',
  'og:image:url',
  'og:image:secure_url',
  'og:audio',
  'og:video',
  'og:url',
  'twitter:image',
  'twitter:image:src',
]);
/** `<link rel>` values that name hosts, not resources. */
const LINK_RELS_SKIPPED = /\b(?:preconnect|dns-prefetch)\b/i;
/** Feed and sitemap elements whose text is a URL, and elements whose attribute is one. */
const XML_TEXT_URLS = new Set(['loc', 'link', 'url', 'guid']);
const XML_ATTRIBUTE_URLS: Record<string, string> = {
  enclosure: 'url',
  'atom:link': 'href',
  link: 'href',
  'media:content': 'url',
};

/** An attribute's decoded value and the offset of its first character in the file. */
type Attributes = Map<string, { value: string; index: number }>;

/** What the scanners hear from the tokenizer: each start tag with its attributes, text and end tags. */
interface TagListener {
  onTag(name: string, attributes: Attributes): void;
  onText?(start: number, end: number): void;
  onEndTag?(name: string): void;
}

/**
 * Runs htmlparser2's tokenizer (`<script>`/`<style>` bodies kept raw, comments skipped) and reports
 * start tags with their attribute values, decoded by `entities`, and the offset where each value starts.
 */
function tokenize(source: string, xmlMode: boolean, listener: TagListener): void {
  let tag = '';
  let attributes: Attributes = new Map();
  let name = '';
  let nameEnd = 0;
  let value = '';
  const valueStart = (quote: QuoteType): number => {
    let at = nameEnd;
    while (/\s/.test(source[at] ?? '')) at++;
    if (source[at] === '=') at++;
    while (/\s/.test(source[at] ?? '')) at++;
    return quote === QuoteType.Double || quote === QuoteType.Single ? at + 1 : at;
  };
  const decode = xmlMode ? decodeXML : decodeHTMLAttribute;
  const ignore = () => undefined;
  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      tag = source.slice(start, end).toLowerCase();
      attributes = new Map();
    },
    onattribname(start, end) {
      name = source.slice(start, end).toLowerCase();
      nameEnd = end;
      value = '';
    },
    onattribdata(start, end) {
      value += source.slice(start, end);
    },
    onattribentity: ignore,
    onattribend(quote) {
      if (quote !== QuoteType.NoValue && !attributes.has(name))
        attributes.set(name, { value: decode(value), index: valueStart(quote) });
    },
    onopentagend: () => listener.onTag(tag, attributes),
    onselfclosingtag: () => listener.onTag(tag, attributes),
    onclosetag: (start, end) => listener.onEndTag?.(source.slice(start, end).toLowerCase()),
    ontext: (start, end) => listener.onText?.(start, end),
    ontextentity: ignore,
    oncdata: (start, end) => listener.onText?.(start, end),
    oncomment: ignore,
    ondeclaration: ignore,
    onprocessinginstruction: ignore,
    onend: ignore,
  };
  // Entities stay in the raw slices (decoded above), so text offsets are offsets into the file.
  const tokenizer = new Tokenizer({ xmlMode, decodeEntities: false }, callbacks);
  tokenizer.write(source);
  tokenizer.end();
}

function collectJsonLdUrls(json: string, base: number, refs: HtmlRef[]): void {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    refs.push({ url: '', index: base, via: 'json-ld (invalid JSON)' });
    return;
  }
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (/^(?:https?:\/\/|\/)[^\s]*$/.test(value) && value.length > 1) {
        const at = json.indexOf(JSON.stringify(value).slice(1, -1));
        refs.push({ url: value, index: base + Math.max(0, at), via: 'json-ld' });
      }
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(data);
}

/** Scans built HTML for every URL a reader or crawler follows, and for the ids it defines. */
export function scanHtml(html: string): HtmlScan {
  const refs: HtmlRef[] = [];
  const ids = new Set<string>();
  // A JSON-LD block being read: where its text starts and the text so far.
  let jsonLd: { start: number; text: string } | undefined;
  tokenize(html, false, {
    onTag(tag, attributes) {
      const id = attributes.get('id')?.value;
      if (id) ids.add(id);
      if (tag === 'a' && attributes.get('name')?.value) ids.add(attributes.get('name')!.value);
      if (tag === 'script' && /ld\+json/i.test(attributes.get('type')?.value ?? '')) {
        jsonLd = { start: -1, text: '' };
        return;
      }
      if (tag === 'meta') {
        const key = (attributes.get('property') ?? attributes.get('name'))?.value.toLowerCase();
        const content = attributes.get('content');
        if (key && META_URLS.has(key) && content)
          refs.push({ url: content.value, index: content.index, via: `meta[${key}]` });
        return;
      }
      if (tag === 'link' && LINK_RELS_SKIPPED.test(attributes.get('rel')?.value ?? '')) return;
      for (const name of URL_ATTRIBUTES[tag] ?? []) {
        const attribute = attributes.get(name);
        if (!attribute) continue;
        const urls = name === 'srcset' ? splitSrcset(attribute.value) : [{ url: attribute.value.trim(), index: 0 }];
        for (const { url, index } of urls) refs.push({ url, index: attribute.index + index, via: `${tag}[${name}]` });
      }
    },
    onText(start, end) {
      if (!jsonLd) return;
      if (jsonLd.start < 0) jsonLd.start = start;
      jsonLd.text += html.slice(start, end);
    },
    onEndTag(tag) {
      if (tag !== 'script' || !jsonLd) return;
      collectJsonLdUrls(jsonLd.text, Math.max(0, jsonLd.start), refs);
      jsonLd = undefined;
    },
  });
  return { refs, ids };
}

/** Scans an RSS/Atom feed or sitemap for the URLs it lists. */
export function scanXml(xml: string): HtmlScan {
  const refs: HtmlRef[] = [];
  const open: string[] = [];
  tokenize(xml, true, {
    onTag(tag, attributes) {
      open.push(tag);
      const attribute = XML_ATTRIBUTE_URLS[tag];
      const found = attribute ? attributes.get(attribute) : undefined;
      if (found) refs.push({ url: found.value, index: found.index, via: `xml<${tag} ${attribute}>` });
    },
    onText(start, end) {
      const tag = open.at(-1) ?? '';
      if (!XML_TEXT_URLS.has(tag)) return;
      const text = xml.slice(start, end);
      const url = text.trim();
      if (url) refs.push({ url: decodeXML(url), index: start + text.indexOf(url), via: `xml<${tag}>` });
    },
    onEndTag(tag) {
      const at = open.lastIndexOf(tag);
      if (at >= 0) open.length = at;
    },
  });
  return { refs, ids: new Set() };
}
