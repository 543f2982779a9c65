// The films' look: brand palette, the bundled fonts as data URLs, and the base CSS every still starts from.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BRAND_COLORS } from '../../../core/brand-palette.ts';
import { BRAND_FONT } from '../../lib/brand-font.ts';

/** Frame size of every film and still. */
export const FRAME = { width: 1920, height: 1080 } as const;

const monoFile = (name: string) => fileURLToPath(new URL(`../fonts/${name}`, import.meta.url));

/** The bundled terminal font (DejaVu Sans Mono, see scripts/video/fonts/README.md). */
export const MONO_FONT = {
  family: 'Launch Mono',
  regular: monoFile('DejaVuSansMono.ttf'),
  bold: monoFile('DejaVuSansMono-Bold.ttf'),
} as const;

/** Every font file a still depends on, for the inputs hash. */
export const VIDEO_FONT_FILES = [
  MONO_FONT.regular,
  MONO_FONT.bold,
  BRAND_FONT.woff2.regular,
  BRAND_FONT.woff2.bold,
] as const;

/** The terminal palette: ANSI colours mapped onto the brand. */
export const TERMINAL_COLORS = {
  background: '#0B1020',
  foreground: '#CBD5E1',
  dim: '#7C8AA5',
  ansi: ['#1F2A40', '#F87171', BRAND_COLORS.online, '#FBBF24', BRAND_COLORS.blue, '#A78BFA', '#22D3EE', '#E2E8F0'],
} as const;

let fontCss: string | undefined;

function dataUrl(path: string, type: string): string {
  return `url(data:${type};base64,${readFileSync(path).toString('base64')})`;
}

/** `@font-face` rules for Inter and the terminal font, embedded so the page loads nothing. */
export function fontFaces(): string {
  fontCss ??= [
    `@font-face{font-family:Inter;font-weight:400;src:${dataUrl(BRAND_FONT.woff2.regular, 'font/woff2')} format('woff2')}`,
    `@font-face{font-family:Inter;font-weight:700;src:${dataUrl(BRAND_FONT.woff2.bold, 'font/woff2')} format('woff2')}`,
    `@font-face{font-family:'${MONO_FONT.family}';font-weight:400;src:${dataUrl(MONO_FONT.regular, 'font/ttf')} format('truetype')}`,
    `@font-face{font-family:'${MONO_FONT.family}';font-weight:700;src:${dataUrl(MONO_FONT.bold, 'font/ttf')} format('truetype')}`,
  ].join('\n');
  return fontCss;
}

/** A whole still page: fonts, reset, brand background, then the scene's own CSS and body. */
export function stillPage(css: string, body: string): string {
  const c = BRAND_COLORS;
  const base = `*{box-sizing:border-box;margin:0;padding:0}html,body{width:${FRAME.width}px;height:${FRAME.height}px;overflow:hidden}
body{background:${c.background};color:${c.title};font-family:Inter,sans-serif;-webkit-font-smoothing:antialiased}
.chip{position:absolute;right:90px;top:38px;padding:8px 24px;border-radius:999px;background:#1B1533;border:2px solid ${c.remote};color:${c.title};font:700 26px Inter}
.lower-third{position:absolute;left:0;bottom:96px;padding:22px 56px 22px 96px;background:linear-gradient(90deg,${c.panel} 80%,transparent);border-left:10px solid ${c.blue}}
.lower-third .eyebrow{font:700 24px Inter;color:${c.heading};letter-spacing:.08em;text-transform:uppercase}
.lower-third .name{font:700 44px Inter;color:${c.title};margin-top:6px}
.kit-mark{position:absolute;right:40px;bottom:28px;font:400 20px Inter;color:${c.text}}`;
  return `<!doctype html><html><head><meta charset="utf-8"><style id="fonts">${fontFaces()}</style><style id="scene">${base}\n${css}</style></head><body>${body}</body></html>`;
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The overlays a still may carry: a caption chip and a lower third (moment or act title). */
export interface Overlays {
  chip?: string;
  lowerThird?: { eyebrow: string; name: string };
}

/** HTML of the overlays, drawn over any scene. */
export function overlayHtml(overlays: Overlays): string {
  const parts: string[] = [];
  if (overlays.chip) parts.push(`<div class="chip">${escapeHtml(overlays.chip)}</div>`);
  if (overlays.lowerThird) {
    parts.push(
      `<div class="lower-third"><div class="eyebrow">${escapeHtml(overlays.lowerThird.eyebrow)}</div><div class="name">${escapeHtml(overlays.lowerThird.name)}</div></div>`,
    );
  }
  return parts.join('');
}
