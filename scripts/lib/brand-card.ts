// The brand card renderer (OG and social cards): navy ground, fleet motif, Inter text that never overlaps the motif.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import sharp from 'sharp';
import { BRAND_COLORS } from '../../core/brand-palette.ts';
import { BRAND_FONT } from './brand-font.ts';
import { blendLayers, CardBufferPool } from './card-raster.ts';
import { encodeCardPng, preparePngBackground, type PngBackground } from './card-png.ts';

/** What goes on a card. */
export interface BrandCardOptions {
  /** Headline; wrapped to at most {@link TITLE_MAX_LINES} lines, shrunk, then cut with an ellipsis. */
  title: string;
  /** Small upper-case line above the title, e.g. "Phase 30 · Remote Workspaces". */
  eyebrow?: string;
  /** One or two lines under the title. */
  subtitle?: string;
  /** Pixels; 1200 for OG and social cards. */
  width?: number;
  /** Pixels; 630 for OG/LinkedIn, 675 for X. */
  height?: number;
}

/** A text block's box on the card, in pixels. */
export interface CardRegion {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** A rendered card with where its text landed (the checks crop these to prove the text is visible). */
export interface ComposedBrandCard {
  png: Buffer;
  width: number;
  height: number;
  regions: {
    wordmark: CardRegion;
    title: CardRegion;
    eyebrow?: CardRegion;
    subtitle?: CardRegion;
    decoration: CardRegion;
  };
  /** Title size after shrinking to fit, in pixels. */
  titleFontSize: number;
  /** True when the title or subtitle had to be cut. */
  truncated: boolean;
}

/** Raised for options no card can be made from. */
export class BrandCardError extends Error {
  override name = 'BrandCardError';
}

export const DEFAULT_CARD_WIDTH = 1200;
export const DEFAULT_CARD_HEIGHT = 630;
export const TITLE_MAX_LINES = 3;
const TITLE_SIZES = [76, 70, 64, 58, 52, 48, 44];
const SUBTITLE_SIZES = [30, 27, 24];
const SUBTITLE_MAX_LINES = 2;
/** Inter's line box is about 1.21 em; used to turn a block height into a line count. */
const LINE_HEIGHT_EM = 1.21;

/** Raw pixels of one text block (RGBA, straight alpha), so compositing never re-decodes a PNG. */
interface TextBlock {
  image: Buffer;
  width: number;
  height: number;
}

/** Text blocks kept per process; the wordmark and eyebrows repeat on every card of a build. */
const TEXT_MEMO_LIMIT = 64;
const backgrounds = new Map<string, Promise<PngBackground>>();
const cardBuffers = new CardBufferPool();
const textBlocks = new Map<string, Promise<TextBlock>>();

/**
 * Renders a brand card (deep navy, fleet motif, Inter) as an optimised PNG. Text is laid out by
 * Pango through sharp with the bundled TTF passed as `fontfile`, so the card looks the same on
 * every machine whatever fonts are installed; long titles wrap, then shrink, then get an ellipsis.
 */
export async function renderBrandCard(options: BrandCardOptions): Promise<Buffer> {
  return (await composeBrandCard(options)).png;
}

/** {@link renderBrandCard} plus the text regions and fitting details, for checks and tests. */
export async function composeBrandCard(options: BrandCardOptions): Promise<ComposedBrandCard> {
  const width = options.width ?? DEFAULT_CARD_WIDTH;
  const height = options.height ?? DEFAULT_CARD_HEIGHT;
  validateOptions(options.title, width, height);
  const scale = width / DEFAULT_CARD_WIDTH;
  const pad = Math.round(80 * scale);
  const decoration = motifRegion(width, height, scale);
  // The text column ends a gutter before the fleet motif, so text and decoration never share pixels.
  const textWidth = decoration.left - Math.round(MOTIF_GUTTER * scale) - pad;
  const header = Math.round(44 * scale);
  const footer = Math.round(28 * scale);
  const gap = Math.round(22 * scale);

  const wordmark = await renderText('Molecule AI', {
    size: 30 * scale,
    bold: true,
    color: BRAND_COLORS.title,
    width: textWidth,
  });
  const eyebrow = options.eyebrow?.trim()
    ? await renderText(options.eyebrow.trim().toUpperCase(), {
        size: 22 * scale,
        bold: true,
        color: BRAND_COLORS.heading,
        width: textWidth,
        letterSpacing: 0.08,
      })
    : undefined;
  const subtitleFit = options.subtitle?.trim()
    ? await fitText(
        options.subtitle.trim(),
        SUBTITLE_SIZES.map((size) => size * scale),
        SUBTITLE_MAX_LINES,
        { bold: false, color: BRAND_COLORS.text, width: textWidth },
      )
    : undefined;
  const available =
    height -
    2 * pad -
    header -
    footer -
    (eyebrow ? eyebrow.height + gap : 0) -
    (subtitleFit ? subtitleFit.block.height + gap : 0);
  const titleFit = await fitText(
    options.title.trim(),
    TITLE_SIZES.map((size) => size * scale),
    TITLE_MAX_LINES,
    {
      bold: true,
      color: BRAND_COLORS.title,
      width: textWidth,
      maxHeight: available,
    },
  );

  // Pango crops blocks to their ink, so the title-to-subtitle gap is wider to look even.
  const stack: Array<{ key: 'eyebrow' | 'title' | 'subtitle'; block: TextBlock; gapBefore: number }> = [
    ...(eyebrow ? [{ key: 'eyebrow' as const, block: eyebrow, gapBefore: 0 }] : []),
    { key: 'title', block: titleFit.block, gapBefore: eyebrow ? gap : 0 },
    ...(subtitleFit ? [{ key: 'subtitle' as const, block: subtitleFit.block, gapBefore: Math.round(gap * 1.6) }] : []),
  ];
  const contentHeight = stack.reduce((sum, item) => sum + item.gapBefore + item.block.height, 0);
  const areaTop = pad + header;
  // The bottom margin is optically smaller than the top one: the brand rule sits there.
  const areaHeight = height - Math.round(pad * 0.6) - footer - areaTop;
  let y = areaTop + Math.max(0, Math.round((areaHeight - contentHeight) / 2));
  const placed: Partial<Record<'eyebrow' | 'title' | 'subtitle', CardRegion>> = {};
  for (const item of stack) {
    y += item.gapBefore;
    placed[item.key] = { left: pad, top: y, width: item.block.width, height: item.block.height };
    y += item.block.height;
  }
  const markCenter = pad + Math.round(20 * scale);
  const wordmarkRegion = {
    left: pad + Math.round(58 * scale),
    top: markCenter - Math.round(wordmark.height / 2),
    width: wordmark.width,
    height: wordmark.height,
  };
  const regions = {
    wordmark: wordmarkRegion,
    title: placed.title!,
    ...(placed.eyebrow ? { eyebrow: placed.eyebrow } : {}),
    ...(placed.subtitle ? { subtitle: placed.subtitle } : {}),
    decoration,
  };
  const overlaps = findCardOverlaps(regions);
  if (overlaps.length > 0)
    throw new BrandCardError(
      `card text overlaps the decoration: ${overlaps.join(', ')} — shorten the text or move the motif`,
    );
  const layers = [
    { ...wordmark, left: wordmarkRegion.left, top: wordmarkRegion.top },
    ...stack.map((item) => ({ ...item.block, left: placed[item.key]!.left, top: placed[item.key]!.top })),
  ];
  const background = await backgroundFor(width, height, pad, scale);
  const pixels = cardBuffers.take(background.raster.data.length);
  let png: Buffer;
  try {
    const card = blendLayers(background.raster, layers, pixels);
    // Lossless on purpose (a palette fringes small text); only the rows under text are compressed anew.
    png = await encodeCardPng(
      background,
      card,
      layers.map((layer) => [layer.top, layer.top + layer.height] as const),
    );
  } finally {
    cardBuffers.give(pixels);
  }
  return {
    png,
    width,
    height,
    regions,
    titleFontSize: titleFit.size,
    truncated: titleFit.truncated || Boolean(subtitleFit?.truncated),
  };
}

function validateOptions(title: string, width: number, height: number): void {
  if (!title?.trim()) throw new BrandCardError('card title is empty — give the post or page a title');
  for (const [name, value] of [
    ['width', width],
    ['height', height],
  ] as const) {
    if (!Number.isInteger(value) || value < 300 || value > 4096) {
      throw new BrandCardError(`card ${name} must be a whole number of pixels from 300 to 4096, got ${value}`);
    }
  }
}

interface TextStyle {
  bold: boolean;
  color: string;
  width: number;
  letterSpacing?: number;
  maxHeight?: number;
}

/** Tries each size until the text fits its line and height budget; at the smallest size, cuts words. */
async function fitText(
  text: string,
  sizes: number[],
  maxLines: number,
  style: TextStyle,
): Promise<{ block: TextBlock; size: number; truncated: boolean }> {
  const fits = (block: TextBlock, size: number) =>
    block.height <= size * LINE_HEIGHT_EM * (maxLines + 0.5) &&
    (style.maxHeight === undefined || block.height <= style.maxHeight);
  for (const size of sizes) {
    const block = await renderText(text, { ...style, size });
    if (fits(block, size)) return { block, size, truncated: false };
  }
  const size = sizes.at(-1)!;
  const words = text.split(/\s+/);
  for (let count = words.length - 1; count > 0; count--) {
    const block = await renderText(
      `${words
        .slice(0, count)
        .join(' ')
        .replace(/[\s,;:.\u2014-]+$/, '')}\u2026`,
      { ...style, size },
    );
    if (fits(block, size)) return { block, size, truncated: true };
  }
  return { block: await renderText(`${words[0]!.slice(0, 20)}\u2026`, { ...style, size }), size, truncated: true };
}

/** Where the bundled fonts sit relative to the project root. */
export const BRAND_FONT_DIR = 'scripts/assets/fonts';
let fontFiles: { regular: string; bold: string } | undefined;

/**
 * The bundled Inter TTFs the renderer passes to Pango. Inside a bundled build (Astro/Vite) the
 * module-relative paths in brand-theme.ts point into the bundle's chunk folder, and Pango would
 * silently fall back to a system font, so the project root's copy is used then; a font that is
 * nowhere fails the card instead of changing its look.
 */
export function resolveBrandFontFiles(root = process.cwd()): { regular: string; bold: string } {
  if (fontFiles) return fontFiles;
  const locate = (file: string) => {
    const candidates = [file, join(root, BRAND_FONT_DIR, basename(file))];
    const found = candidates.find((candidate) => existsSync(candidate));
    if (!found)
      throw new BrandCardError(
        `bundled font ${basename(file)} not found (looked at ${candidates.join(', ')}) — run from the project root or restore ${BRAND_FONT_DIR}`,
      );
    return found;
  };
  fontFiles = { regular: locate(BRAND_FONT.ttf.regular), bold: locate(BRAND_FONT.ttf.bold) };
  return fontFiles;
}

/** {@link renderTextBlock}, remembered per process for the blocks every card repeats. */
function renderText(text: string, style: TextStyle & { size: number }): Promise<TextBlock> {
  const key = JSON.stringify([text, style.size, style.bold, style.color, style.width, style.letterSpacing ?? 0]);
  const known = textBlocks.get(key);
  if (known) return known;
  const block = renderTextBlock(text, style);
  // A failed render is not remembered, so a later card can try again.
  block.catch(() => textBlocks.delete(key));
  if (textBlocks.size >= TEXT_MEMO_LIMIT) textBlocks.delete(textBlocks.keys().next().value!);
  textBlocks.set(key, block);
  return block;
}

/** One Pango text block, wrapped at `width`, transparent background. */
async function renderTextBlock(text: string, style: TextStyle & { size: number }): Promise<TextBlock> {
  const spacing = style.letterSpacing ? ` letter_spacing="${Math.round(style.letterSpacing * style.size * 1024)}"` : '';
  const { data, info } = await sharp({
    text: {
      text: `<span foreground="${style.color}"${spacing}>${escapeMarkup(text)}</span>`,
      font: `${BRAND_FONT.family} ${style.bold ? 'Bold' : 'Regular'} ${Math.round(style.size)}px`,
      fontfile: style.bold ? resolveBrandFontFiles().bold : resolveBrandFontFiles().regular,
      width: Math.round(style.width),
      wrap: 'word',
      rgba: true,
      dpi: 72,
    },
  })
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 4)
    throw new BrandCardError(
      `text block came back with ${info.channels} channels, expected RGBA — check the sharp/libvips build`,
    );
  return { image: data, width: info.width, height: info.height };
}

/** The text-free background for one size, rasterised once per process (it never changes within a build). */
function backgroundFor(width: number, height: number, pad: number, scale: number): Promise<PngBackground> {
  const key = `${width}x${height}`;
  const known = backgrounds.get(key);
  if (known) return known;
  // The ground is opaque: its alpha is dropped once, so every card blends onto plain RGB.
  const raster = sharp(Buffer.from(backgroundSvg(width, height, pad, scale)))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
    .then(({ data, info }) => preparePngBackground({ data, width: info.width, height: info.height }));
  raster.catch(() => backgrounds.delete(key));
  backgrounds.set(key, raster);
  return raster;
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Space kept free between the text column and the fleet motif (at 1200 px wide). */
const MOTIF_GUTTER = 40;

/** The fleet motif's geometry: four agents feeding a hub that fans out to the canvas, at the right edge. */
function motifLayout(width: number, height: number, scale: number) {
  const s = (value: number) => Math.round(value * scale * 10) / 10;
  const hubX = width - s(130);
  const hubY = height / 2 + s(10);
  const agents = [-150, -50, 50, 150].map((dy, index) => ({
    x: width - s(270) + (index % 2) * s(40),
    y: hubY + s(dy),
  }));
  return { s, hubX, hubY, agents, agentRadius: s(16), hubRadius: s(30), endX: width - s(40), endRadius: s(20) };
}

/** The box the motif is drawn in (its circles' extents), which text must stay out of. */
function motifRegion(width: number, height: number, scale: number): CardRegion {
  const { agents, agentRadius, hubY, hubRadius } = motifLayout(width, height, scale);
  const left = Math.floor(Math.min(...agents.map((agent) => agent.x)) - agentRadius);
  const top = Math.floor(Math.min(hubY - hubRadius, ...agents.map((agent) => agent.y - agentRadius)));
  const bottom = Math.ceil(Math.max(hubY + hubRadius, ...agents.map((agent) => agent.y + agentRadius)));
  return { left, top, width: width - left, height: bottom - top };
}

/** Names of the text regions that share pixels with the decoration (`title`, `subtitle`, …); empty when the layout is clean. */
export function findCardOverlaps(regions: ComposedBrandCard['regions']): string[] {
  const { decoration, ...texts } = regions;
  return Object.entries(texts)
    .filter(([, region]) => region && intersects(region, decoration))
    .map(([name]) => name);
}

function intersects(a: CardRegion, b: CardRegion): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

/** Navy ground, soft brand glows, the three-node mark and a faint fleet motif; no text. */
function backgroundSvg(width: number, height: number, pad: number, scale: number): string {
  const c = BRAND_COLORS;
  const { s, hubX, hubY, agents, agentRadius, hubRadius, endX, endRadius } = motifLayout(width, height, scale);
  const mark = `<g transform="translate(${pad} ${pad - s(2)}) scale(${scale})">
    <rect width="44" height="44" rx="11" fill="${c.panel}" stroke="${c.edge}" stroke-width="1.5"/>
    <path d="M12 30 L22 12 L32 30 Z" fill="none" stroke="${c.blue}" stroke-width="2"/>
    <circle cx="22" cy="12" r="5" fill="${c.blue}"/><circle cx="12" cy="30" r="5" fill="${c.remote}"/><circle cx="32" cy="30" r="5" fill="${c.online}"/>
  </g>`;
  const motif = `<g opacity="0.16">
    ${agents.map((a) => `<path d="M${a.x} ${a.y} C ${a.x + s(90)} ${a.y}, ${hubX - s(90)} ${hubY}, ${hubX} ${hubY}" stroke="${c.remote}" stroke-width="${s(3)}" fill="none"/>`).join('')}
    <path d="M${hubX} ${hubY} L ${endX} ${hubY}" stroke="${c.fanout}" stroke-width="${s(4)}"/>
    ${agents.map((a) => `<circle cx="${a.x}" cy="${a.y}" r="${agentRadius}" fill="${c.remote}"/>`).join('')}
    <circle cx="${hubX}" cy="${hubY}" r="${hubRadius}" fill="${c.blue}"/><circle cx="${endX}" cy="${hubY}" r="${endRadius}" fill="${c.online}"/>
  </g>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
  <defs>
    <radialGradient id="glow-blue" cx="85%" cy="10%" r="70%"><stop offset="0" stop-color="${c.blue}" stop-opacity="0.30"/><stop offset="1" stop-color="${c.blue}" stop-opacity="0"/></radialGradient>
    <radialGradient id="glow-purple" cx="5%" cy="100%" r="60%"><stop offset="0" stop-color="${c.remote}" stop-opacity="0.22"/><stop offset="1" stop-color="${c.remote}" stop-opacity="0"/></radialGradient>
    <linearGradient id="rule" x1="0" x2="1"><stop offset="0" stop-color="${c.remote}"/><stop offset="0.45" stop-color="${c.blue}"/><stop offset="0.8" stop-color="${c.online}"/><stop offset="1" stop-color="${c.fanout}"/></linearGradient>
  </defs>
  <rect width="100%" height="100%" fill="${c.background}"/>
  <rect width="100%" height="100%" fill="url(#glow-blue)"/>
  <rect width="100%" height="100%" fill="url(#glow-purple)"/>
  ${motif}
  ${mark}
  <rect x="0" y="${height - s(8)}" width="${width}" height="${s(8)}" fill="url(#rule)"/>
</svg>`;
}
