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
const META_URLS = new Set(['og:image', 'og:image:url', 'og:image:secure_url', 'og:audio', 'og:video', 'og:url', 'twitter:image', 'twitter:image:src']);
/** `<link rel>` values that name hosts, not resources. */
const LINK_RELS_SKIPPED = /\b(?:preconnect|dns-prefetch)\b/i;

const ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', ndash: '–', mdash: '—', hellip: '…', middot: '·', times: '×', star: '★',
};

/** Decodes the character references HTML attribute values use. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const point = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return Number.isFinite(point) ? String.fromCodePoint(point) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

const TOKEN = /<!--[\s\S]*?-->|<(script|style)\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/\1\s*>|<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;

function readAttributes(source: string, base: number): Map<string, { value: string; index: number }> {
  const attributes = new Map<string, { value: string; index: number }>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const raw = match[2] ?? match[3] ?? match[4];
    if (raw === undefined) continue;
    const valueStart = match[0].length - raw.length - (match[4] === undefined ? 1 : 0);
    attributes.set(match[1]!.toLowerCase(), { value: decodeEntities(raw), index: base + match.index + valueStart });
  }
  return attributes;
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
  for (const match of html.matchAll(TOKEN)) {
    if (match[0].startsWith('<!--')) continue;
    const rawTag = match[1] ?? match[4]!;
    const tag = rawTag.toLowerCase();
    const attributeSource = match[2] ?? match[5] ?? '';
    const attributes = readAttributes(attributeSource, match.index + 1 + rawTag.length);
    const id = attributes.get('id')?.value;
    if (id) ids.add(id);
    if (tag === 'a' && attributes.get('name')) ids.add(attributes.get('name')!.value);
    if (tag === 'script' && /ld\+json/i.test(attributes.get('type')?.value ?? '')) {
      collectJsonLdUrls(match[3] ?? '', match.index + match[0].indexOf('>') + 1, refs);
      continue;
    }
    if (tag === 'meta') {
      const key = (attributes.get('property') ?? attributes.get('name'))?.value.toLowerCase();
      const content = attributes.get('content');
      if (key && META_URLS.has(key) && content) refs.push({ url: content.value, index: content.index, via: `meta[${key}]` });
      continue;
    }
    if (tag === 'link' && LINK_RELS_SKIPPED.test(attributes.get('rel')?.value ?? '')) continue;
    for (const name of URL_ATTRIBUTES[tag] ?? []) {
      const attribute = attributes.get(name);
      if (!attribute) continue;
      const urls = name === 'srcset' ? splitSrcset(attribute.value) : [{ url: attribute.value.trim(), index: 0 }];
      for (const { url, index } of urls) refs.push({ url, index: attribute.index + index, via: `${tag}[${name}]` });
    }
  }
  return { refs, ids };
}

/** Scans an RSS/Atom feed or sitemap for the URLs it lists. */
export function scanXml(xml: string): HtmlScan {
  const refs: HtmlRef[] = [];
  for (const match of xml.matchAll(/<(loc|link|url|guid)(?:\s[^>]*)?>\s*([^<\s]+)\s*<\/\1>/g)) {
    refs.push({ url: decodeEntities(match[2]!), index: match.index + match[0].indexOf(match[2]!), via: `xml<${match[1]}>` });
  }
  for (const match of xml.matchAll(/<(enclosure|atom:link|link|media:content)\b[^>]*?\b(url|href)="([^"]+)"/g)) {
    refs.push({ url: decodeEntities(match[3]!), index: match.index + match[0].lastIndexOf(match[3]!), via: `xml<${match[1]} ${match[2]}>` });
  }
  return { refs, ids: new Set() };
}
