// Title card, end card and the fleet diagram revealed node by node, edge by edge, as HTML stills.
import { BRAND_COLORS } from '../../../core/brand-palette.ts';
import { escapeHtml, overlayHtml, stillPage, type Overlays } from '../lib/brand-css.ts';

const c = BRAND_COLORS;
const CARD_CSS = `
.card{position:absolute;inset:0;display:flex;flex-direction:column;align-items:center;justify-content:center;text-align:center;gap:28px}
.eyebrow{font:700 30px Inter;color:${c.heading};letter-spacing:.12em;text-transform:uppercase}
.title{font:700 84px/1.1 Inter;color:${c.title};max-width:1500px}
.sub{font:400 36px Inter;color:${c.text};max-width:1400px}
.url{font:700 40px Inter;color:${c.blue}}
.badge{padding:10px 26px;border-radius:999px;background:${c.remote};color:#fff;font:700 34px Inter}
.draft{position:absolute;right:40px;top:28px;font:700 22px Inter;color:#FBBF24}`;

/** The film's opening title. */
export function titlePage(options: { eyebrow: string; title: string; subtitle: string; draftNote?: string }): string {
  const draft = options.draftNote ? `<div class="draft">${escapeHtml(options.draftNote)}</div>` : '';
  return stillPage(
    CARD_CSS,
    `<div class="card"><div class="eyebrow">${escapeHtml(options.eyebrow)}</div><div class="title">${escapeHtml(options.title)}</div><div class="sub">${escapeHtml(options.subtitle)}</div></div>${draft}`,
  );
}

/** The closing card: product, badge and the guide's URL. */
export function endCardPage(options: { brand: string; product: string; badge: string; url: string }): string {
  return stillPage(
    CARD_CSS,
    `<div class="card"><div class="title">${escapeHtml(options.brand)}</div><div class="sub">${escapeHtml(options.product)}</div><div class="badge">${escapeHtml(options.badge)}</div><div class="url">${escapeHtml(options.url)}</div></div>`,
  );
}

/** How many reveal steps a Mermaid flowchart SVG has: its nodes one at a time, then its edges one at a time. */
export function countRevealSteps(svg: string): { nodes: number; edges: number } {
  const nodes = (svg.match(/<g class="node[ "]/g) ?? []).length;
  const paths = /<g class="edgePaths">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
  return { nodes, edges: (paths.match(/<path/g) ?? []).length };
}

/** The diagram with `nodes` nodes and `edges` edges shown (the rest hidden), centred on the frame. */
export function diagramPage(svg: string, shown: { nodes: number; edges: number }, overlays: Overlays = {}): string {
  const css = `.dia{position:absolute;inset:60px 120px;display:flex;align-items:center;justify-content:center}
.dia svg{max-width:100%;max-height:100%;width:auto;height:100%}
.dia .nodes>.node:nth-child(n+${shown.nodes + 1}){opacity:0}
.dia .edgePaths>path:nth-child(n+${shown.edges + 1}){opacity:0}
.dia .edgeLabels>.edgeLabel:nth-child(n+${shown.edges + 1}){opacity:0}`;
  const inline = svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/\swidth="[^"]*"/, '')
    .replace(/\sheight="[^"]*"/, '');
  return stillPage(css, `<div class="dia">${inline}</div>${overlayHtml(overlays)}`);
}
