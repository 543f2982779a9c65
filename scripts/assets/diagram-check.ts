// Checks a rendered diagram kept its words: SVG text labels, legible PNG pixels, no overlaps, the expected size.
import { DomUtils, parseDocument } from 'htmlparser2';
import { createLocator } from '../../core/source-location.ts';
import type { Issue } from '../../core/issue.ts';
import { BRAND_FONT } from '../lib/brand-font.ts';
import type { Box, DeclaredLabel, PageRenderResult, RenderedText } from './diagram-page.ts';
import { readRaster, regionContrast, type Raster } from './raster.ts';

/** Luminance spread (0–1) a label's pixels must reach; legible text on the brand panels is 0.35–0.9. */
export const MIN_LABEL_CONTRAST = 0.2;
/** Smallest and largest sensible diagram, in CSS pixels. */
export const DIAGRAM_MIN_SIZE = 240;
export const DIAGRAM_MAX_SIZE = 4000;
/** Overlap below this many square pixels is anti-aliasing, not a collision. */
const OVERLAP_TOLERANCE_PX2 = 4;

/** Everything the checks look at: the source, what the page measured, and the files about to be written. */
export interface DiagramCheckInput {
  /** Repo-relative source path, for messages. */
  file: string;
  source: string;
  rendered: Pick<PageRenderResult, 'width' | 'height' | 'declared' | 'texts' | 'links' | 'fontLoaded'>;
  scale: number;
  svg: string;
  png: Buffer;
}

/** What the checks measured, recorded in the manifest. */
export interface DiagramCheckSummary {
  labels: number;
  svgTexts: number;
  foreignObjects: number;
  minContrast: number;
  png: { width: number; height: number };
}

/**
 * Proves a rendering kept its words: every declared label is SVG `<text>` (no `<foreignObject>`),
 * every label's pixels in the PNG stand out from their background, nothing overlaps, and the PNG
 * is the SVG at the expected scale. Returns one issue per problem, located in the source.
 */
export async function checkDiagram(
  input: DiagramCheckInput,
): Promise<{ issues: Issue[]; summary: DiagramCheckSummary }> {
  const issues: Issue[] = [];
  const locate = createLocator(input.source);
  const at = (label?: DeclaredLabel | string) => {
    const needle = typeof label === 'string' ? label : label?.text.split('\n')[0];
    const offset = needle ? input.source.indexOf(needle) : -1;
    return offset >= 0 ? locate(offset) : { line: 1, column: 1 };
  };
  const report = (rule: string, message: string, hint: string, where?: DeclaredLabel | string) =>
    issues.push({ file: input.file, ...at(where), rule, severity: 'error', message, hint });

  const svgTexts = extractSvgTexts(input.svg);
  const foreignObjects = (input.svg.match(/<foreignObject\b/g) ?? []).length;
  if (foreignObjects > 0) {
    report(
      'diagram-text',
      `${foreignObjects} labels are HTML inside <foreignObject>, which librsvg, Inkscape and image viewers leave blank`,
      'keep htmlLabels: false (top level and flowchart) in scripts/assets/brand-theme.ts',
    );
  }
  if (svgTexts.length === 0)
    report('diagram-text', 'the SVG has no <text> at all', 'check the diagram renders labels as SVG text');
  const present = new Set(svgTexts.map(normalizeLabel));
  for (const label of input.rendered.declared) {
    if (!present.has(normalizeLabel(label.text))) {
      report(
        'diagram-label',
        `${label.kind} label "${oneLine(label.text)}" is missing from the SVG text`,
        'the renderer dropped it; look for HTML-only label syntax or a theme that hides text',
        label,
      );
    }
    const outside = [...label.text].filter((char) => !inFontRange(char.codePointAt(0)!));
    if (outside.length)
      report(
        'diagram-font',
        `${label.kind} label "${oneLine(label.text)}" uses ${[...new Set(outside)].join(' ')}, which the bundled font subset lacks`,
        'use Latin characters or add a font subset in scripts/lib/brand-font.ts',
        label,
      );
  }
  if (!input.rendered.fontLoaded)
    report(
      'diagram-font',
      `the bundled ${BRAND_FONT.family} font did not load in the page`,
      'check scripts/assets/fonts/ is intact',
    );

  const raster = await readRaster(input.png);
  const expected = {
    width: Math.round(input.rendered.width * input.scale),
    height: Math.round(input.rendered.height * input.scale),
  };
  if (Math.abs(raster.width - expected.width) > 2 || Math.abs(raster.height - expected.height) > 2) {
    report(
      'diagram-size',
      `PNG is ${raster.width}×${raster.height}, expected ${expected.width}×${expected.height} (the SVG at ${input.scale}×)`,
      'the screenshot clip did not match the SVG',
    );
  }
  for (const [name, value] of [
    ['width', input.rendered.width],
    ['height', input.rendered.height],
  ] as const) {
    if (value < DIAGRAM_MIN_SIZE || value > DIAGRAM_MAX_SIZE)
      report(
        'diagram-size',
        `SVG ${name} is ${Math.round(value)} px, expected ${DIAGRAM_MIN_SIZE}–${DIAGRAM_MAX_SIZE}`,
        'split the diagram or change its direction',
      );
  }

  const minContrast = checkLegibility(input, raster, report);
  checkOverlaps(input.rendered.texts, input.rendered.links, report);
  return {
    issues,
    summary: {
      labels: input.rendered.declared.length,
      svgTexts: svgTexts.length,
      foreignObjects,
      minContrast,
      png: { width: raster.width, height: raster.height },
    },
  };
}

type Report = (rule: string, message: string, hint: string, where?: DeclaredLabel | string) => void;

function checkLegibility(input: DiagramCheckInput, raster: Raster, report: Report): number {
  let min = 1;
  for (const text of input.rendered.texts) {
    if (!text.text.trim()) continue;
    const contrast = regionContrast(raster, scaleBox(text.box, input.scale));
    min = Math.min(min, contrast);
    if (contrast < MIN_LABEL_CONTRAST) {
      const declared = input.rendered.declared.find(
        (label) => normalizeLabel(label.text) === normalizeLabel(text.text),
      );
      const name = declared ? oneLine(declared.text) : text.text;
      report(
        'diagram-blank',
        `label "${name}" is blank in the PNG (contrast ${contrast.toFixed(2)}, need ≥ ${MIN_LABEL_CONTRAST}; text fill ${text.fill})`,
        'the theme paints text in (nearly) the colour behind it; fix the text colours in scripts/assets/brand-theme.ts or core/brand-palette.ts',
        declared ?? text.text,
      );
    }
  }
  return Math.round(min * 1000) / 1000;
}

function checkOverlaps(texts: readonly RenderedText[], links: PageRenderResult['links'], report: Report): void {
  const visible = texts.filter((text) => text.text.trim() && text.box.width > 0);
  for (let i = 0; i < visible.length; i++) {
    for (let j = i + 1; j < visible.length; j++) {
      if (intersection(visible[i]!.box, visible[j]!.box) > OVERLAP_TOLERANCE_PX2) {
        report(
          'diagram-overlap',
          `labels "${visible[i]!.text}" and "${visible[j]!.text}" overlap`,
          'add spacing (flowchart.nodeSpacing/rankSpacing) or shorten a label',
          visible[i]!.text,
        );
      }
    }
    const text = visible[i]!;
    if (text.shape && !contains(text.shape, text.box, 1)) {
      report(
        'diagram-overlap',
        `label "${text.text}" spills out of its box`,
        'shorten the label or add <br/>',
        text.text,
      );
    }
    // Edge labels sit on their own link by design (on an opaque plate); only other labels must stay clear.
    if (text.role === 'edge') continue;
    const inner = { x: text.box.x + 2, y: text.box.y + 2, width: text.box.width - 4, height: text.box.height - 4 };
    const crossing = links.find((link) =>
      link.points.some(
        ([x, y]) => x > inner.x && x < inner.x + inner.width && y > inner.y && y < inner.y + inner.height,
      ),
    );
    if (crossing)
      report(
        'diagram-overlap',
        `link ${crossing.id} is drawn across label "${text.text}"`,
        'reorder nodes or change the direction so links route around labels',
        text.text,
      );
  }
}

/** Every `<text>` element's content (its `<tspan>`s joined), entities decoded, parsed as XML by htmlparser2. */
export function extractSvgTexts(svg: string): string[] {
  const document = parseDocument(svg, { xmlMode: true });
  return DomUtils.getElementsByTagName('text', document, true).map((element) => DomUtils.textContent(element));
}

/** Label text without whitespace or Markdown emphasis, so wrapped and unwrapped forms compare equal. */
export function normalizeLabel(text: string): string {
  return text.replace(/[*_`]/g, '').replace(/\s+/g, '');
}

function inFontRange(code: number): boolean {
  return code === 10 || BRAND_FONT.unicodeRange.some(([from, to]) => code >= from && code <= to);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' / ');
}

function scaleBox(box: Box, scale: number): Box {
  return { x: box.x * scale, y: box.y * scale, width: box.width * scale, height: box.height * scale };
}

function intersection(a: Box, b: Box): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function contains(outer: Box, inner: Box, tolerance: number): boolean {
  return (
    inner.x >= outer.x - tolerance &&
    inner.y >= outer.y - tolerance &&
    inner.x + inner.width <= outer.x + outer.width + tolerance &&
    inner.y + inner.height <= outer.y + outer.height + tolerance
  );
}
