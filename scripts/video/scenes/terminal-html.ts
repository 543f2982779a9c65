// Draws one terminal screen as an HTML still: a window in the brand palette, the bundled monospace font.
import { BRAND_COLORS } from '../../../core/brand-palette.ts';
import { escapeHtml, MONO_FONT, overlayHtml, stillPage, TERMINAL_COLORS, type Overlays } from '../lib/brand-css.ts';
import type { CellRun } from './terminal-screens.ts';

/** Terminal text size at 1080p (the package asks for at least 20 px). */
export const TERMINAL_FONT_PX = 26;

const CSS = `
.win{position:absolute;left:50px;top:36px;right:50px;bottom:36px;border-radius:16px;background:${TERMINAL_COLORS.background};border:2px solid ${BRAND_COLORS.edge};overflow:hidden}
.tb{height:52px;display:flex;align-items:center;gap:12px;padding:0 22px;background:${BRAND_COLORS.panel};border-bottom:2px solid ${BRAND_COLORS.edge}}
.tb i{width:16px;height:16px;border-radius:50%;background:${BRAND_COLORS.edge}}
.tb span{margin-left:16px;font:400 20px Inter;color:${BRAND_COLORS.text}}
pre{padding:14px 24px;font:400 ${TERMINAL_FONT_PX}px/1.07 '${MONO_FONT.family}',monospace;color:${TERMINAL_COLORS.foreground};white-space:pre}
pre b{font-weight:700}.d{color:${TERMINAL_COLORS.dim}}
${TERMINAL_COLORS.ansi.map((color, index) => `.c${index},.c${index + 8}{color:${color}}`).join('')}`;

function runHtml(run: CellRun): string {
  const classes = [run.fg >= 0 ? `c${run.fg}` : '', run.dim ? 'd' : ''].filter(Boolean).join(' ');
  const text = escapeHtml(run.text);
  const inner = run.bold ? `<b>${text}</b>` : text;
  return classes ? `<span class="${classes}">${inner}</span>` : inner;
}

/** The still of one screen, with the window title and any overlays. */
export function terminalPage(rows: readonly CellRun[][], options: { title: string; overlays?: Overlays }): string {
  const body = rows.map((row) => row.map(runHtml).join('')).join('\n');
  const bar = `<div class="tb"><i></i><i></i><i></i><span>${escapeHtml(options.title)}</span></div>`;
  return stillPage(CSS, `<div class="win">${bar}<pre>${body}</pre></div>${overlayHtml(options.overlays ?? {})}`);
}
