// Splits an MDX/Markdown body into prose blocks, code blocks, references and component uses with offsets.
import { markdownToMdast, mdxToMdast } from 'satteri';

/** A run of prose (paragraph, heading or table cell) exactly as written in the file. */
export interface ProseBlock {
  /** Offset of `raw` in the file. */
  offset: number;
  raw: string;
  /** `raw` with code spans, JSX, HTML, link targets and images blanked out (same length). */
  masked: string;
  /** Inside a footnote definition (a source, not a claim). */
  inFootnote: boolean;
}

/** A fenced or indented code block exactly as written. */
export interface CodeBlock {
  offset: number;
  raw: string;
}

/** A URL the body points at. */
export interface BodyReference {
  url: string;
  offset: number;
  /** How it was written, for messages: `image`, `link`, `<Figure src>`, … */
  via: string;
  /** Element or component name for JSX/HTML references. */
  element?: string;
  attribute?: string;
}

/** A JSX component (capitalised tag) with its string attributes. */
export interface ComponentUse {
  name: string;
  offset: number;
  attributes: Map<string, { value: string; offset: number }>;
}

/** The parts of a Markdown/MDX body the checks read. */
export interface ParsedBody {
  prose: ProseBlock[];
  code: CodeBlock[];
  references: BodyReference[];
  components: ComponentUse[];
  /** Footnote definitions by identifier, with their raw text. */
  footnotes: Map<string, { raw: string; offset: number }>;
  /** Set when the file does not parse (the MDX compiler would fail too). */
  error?: { line: number; column: number; message: string };
}

interface Node {
  type: string;
  position?: { start: { offset: number }; end: { offset: number } };
  children?: Node[];
  url?: string;
  name?: string | null;
  identifier?: string;
  value?: string;
  attributes?: Array<{ type: string; name?: string; value?: unknown }>;
}

/** Attributes whose values are URLs, on any element or component. */
const URL_ATTRIBUTES = new Set(['src', 'href', 'poster', 'srcset', 'srcSet', 'data']);
const PROSE_TYPES = new Set(['paragraph', 'heading', 'tableCell']);

function attributeString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const expression = (value as { value?: string } | null)?.value?.trim();
  const literal = expression && /^(["'`])([^"'`$\\]*)\1$/.exec(expression);
  return literal ? literal[2] : undefined;
}

function spanOf(node: Node): [number, number] {
  return [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0];
}

/** Offset of `name=` inside an element's source, for precise attribute locations. */
function attributeOffset(text: string, start: number, end: number, name: string): number {
  const pattern = new RegExp(`\\b${name}\\s*=\\s*["'{]?`, 'g');
  pattern.lastIndex = start;
  const match = pattern.exec(text);
  return match && match.index < end ? match.index + match[0].length : start;
}

/** Splits a `srcset` into its URLs with their offsets inside the attribute value. */
export function splitSrcset(value: string): Array<{ url: string; index: number }> {
  const parts: Array<{ url: string; index: number }> = [];
  for (const match of value.matchAll(/(?:^|,)\s*([^\s,]+)/g)) {
    parts.push({ url: match[1]!, index: match.index + match[0].indexOf(match[1]!) });
  }
  return parts;
}

function maskRanges(raw: string, base: number, ranges: Array<[number, number]>): string {
  // UTF-16 indices, so offsets in the masked text still line up with the file text.
  const out = raw.split('');
  for (const [from, to] of ranges) {
    for (let index = Math.max(0, from - base); index < Math.min(raw.length, to - base); index++) {
      if (out[index] !== '\n') out[index] = ' ';
    }
  }
  return out.join('');
}

function collectMasks(node: Node, ranges: Array<[number, number]>): void {
  for (const child of node.children ?? []) {
    const [start, end] = spanOf(child);
    if (['inlineCode', 'mdxTextExpression', 'html', 'image', 'imageReference'].includes(child.type)) {
      ranges.push([start, end]);
    } else if (child.type === 'link') {
      const last = child.children?.at(-1);
      const textEnd = last?.position?.end.offset;
      const isAutolink = last?.type === 'text' && last.value === child.url;
      ranges.push(isAutolink || textEnd === undefined ? [start, end] : [textEnd, end]);
      collectMasks(child, ranges);
    } else if (child.type === 'mdxJsxTextElement') {
      const first = child.children?.[0]?.position?.start.offset;
      const last = child.children?.at(-1)?.position?.end.offset;
      if (first === undefined || last === undefined) ranges.push([start, end]);
      else ranges.push([start, first], [last, end]);
      collectMasks(child, ranges);
    } else collectMasks(child, ranges);
  }
}

/** Parses a content file's text (frontmatter included, so offsets are file offsets). */
export function parseBody(text: string, file: string): ParsedBody {
  const body: ParsedBody = { prose: [], code: [], references: [], components: [], footnotes: new Map() };
  let tree: Node;
  try {
    tree = (file.endsWith('.mdx') ? mdxToMdast(text) : markdownToMdast(text)) as unknown as Node;
  } catch (error) {
    const message = (error as Error).message;
    const where = /^(\d+):(\d+):\s*/.exec(message);
    body.error = {
      line: Number(where?.[1] ?? 1),
      column: Number(where?.[2] ?? 1),
      message: message.replace(/^(\d+):(\d+):\s*/, ''),
    };
    return body;
  }
  const visit = (node: Node, inFootnote: boolean): void => {
    const [start, end] = spanOf(node);
    if (PROSE_TYPES.has(node.type)) {
      const ranges: Array<[number, number]> = [];
      collectMasks(node, ranges);
      const raw = text.slice(start, end);
      body.prose.push({ offset: start, raw, masked: maskRanges(raw, start, ranges), inFootnote });
    }
    if (node.type === 'code') body.code.push({ offset: start, raw: text.slice(start, end) });
    if (node.type === 'footnoteDefinition' && node.identifier)
      body.footnotes.set(node.identifier, { raw: text.slice(start, end), offset: start });
    if ((node.type === 'image' || node.type === 'link' || node.type === 'definition') && node.url) {
      body.references.push({
        url: node.url,
        offset: start,
        via: node.type === 'definition' ? 'link definition' : node.type,
      });
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      const attributes = new Map<string, { value: string; offset: number }>();
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
        const value = attributeString(attribute.value);
        if (value !== undefined)
          attributes.set(attribute.name, { value, offset: attributeOffset(text, start, end, attribute.name) });
      }
      if (/^[A-Z]/.test(node.name)) body.components.push({ name: node.name, offset: start, attributes });
      for (const [name, { value, offset }] of attributes) {
        if (!URL_ATTRIBUTES.has(name)) continue;
        const urls = name.toLowerCase() === 'srcset' ? splitSrcset(value) : [{ url: value, index: 0 }];
        for (const { url, index } of urls)
          body.references.push({
            url,
            offset: offset + index,
            via: `<${node.name} ${name}>`,
            element: node.name,
            attribute: name,
          });
      }
    }
    if (node.type === 'html' && node.value) {
      const tag = /^<([a-zA-Z][\w-]*)/.exec(node.value)?.[1] ?? 'html';
      for (const match of node.value.matchAll(/\b(src|href|poster|srcset|data)\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
        const value = match[3] ?? match[4] ?? '';
        const valueOffset = start + match.index + match[0].indexOf(match[2]!) + 1;
        const urls = match[1]!.toLowerCase() === 'srcset' ? splitSrcset(value) : [{ url: value, index: 0 }];
        for (const { url, index } of urls)
          body.references.push({
            url,
            offset: valueOffset + index,
            via: `<${tag} ${match[1]}>`,
            element: tag,
            attribute: match[1],
          });
      }
    }
    for (const child of node.children ?? []) visit(child, inFootnote || node.type === 'footnoteDefinition');
  };
  visit(tree, false);
  return body;
}
