// The one brand palette (dark only): site CSS variables, the diagram theme and the cards all read it from here.

/**
 * Every brand colour by its CSS name (`--brand-<name>`). Text colours are chosen for WCAG AA
 * (≥ 4.5:1) on every background they sit on; test/site/contrast.test.ts computes the ratios.
 * Purple is 4.55:1 on the page but fails on panels, so purple text uses `purple-text`.
 */
export const BRAND_PALETTE = {
  /** Deep navy page and diagram background. */
  bg: '#0a0e1a',
  /** Panels, cards and diagram node fills. */
  panel: '#111827',
  /** Raised panels and accent-low surfaces. */
  'panel-high': '#16233d',
  /** Panel edges, hairlines, subgraph borders. */
  edge: '#1f2a40',
  /** Darkest hairline shade. */
  shade: '#05070d',
  /** Molecule Blue: the platform and its links. */
  blue: '#4a90d9',
  /** Lightest blue accent (Starlight accent-high). */
  'blue-high': '#b9d5f4',
  /** REMOTE agents. */
  purple: '#8b5cf6',
  /** Purple as text on panels. */
  'purple-text': '#a78bfa',
  /** Online agents and the canvas. */
  green: '#22c55e',
  /** The WebSocket fanout, warnings. */
  amber: '#f59e0b',
  /** Errors. */
  red: '#f87171',
  /** Body text. */
  text: '#cbd5e1',
  /** Secondary text; the diagrams' body text. */
  muted: '#94a3b8',
  /** Faint text (Starlight gray-4). */
  faint: '#64748b',
  /** Brightest body text (Starlight gray-1). */
  bright: '#e2e8f0',
  /** Titles and labels on panels. */
  title: '#f1f5f9',
  /** Section heads and eyebrows. */
  heading: '#60a5fa',
  /** Links, and the primary button's hover. */
  link: '#7fb2ea',
  /** Text on an accent (buttons, the INTERNAL banner). */
  'on-accent': '#0a0e1a',
  /** Warning notice background. */
  'amber-tint': '#1c1608',
  /** Error notice background. */
  'red-tint': '#1f0d0d',
  /** LinkedIn channel badge. */
  'linkedin-tint': '#0f2f55',
  /** Diagram fills: platform, fanout and canvas nodes, subgraphs. */
  'blue-fill': '#12203a',
  'amber-fill': '#21190b',
  'green-fill': '#0f2a1c',
  'cluster-fill': '#0d1322',
} as const;
export type BrandPaletteName = keyof typeof BRAND_PALETTE;

/** The palette as CSS custom properties on `:root` (`--brand-bg: #0a0e1a; …`), injected into every page's head. */
export function renderPaletteCss(): string {
  const lines = Object.entries(BRAND_PALETTE).map(([name, value]) => `--brand-${name}: ${value};`);
  return `:root { ${lines.join(' ')} }`;
}

const upper = (hex: string) => hex.toUpperCase();

/**
 * The palette's roles in generated visuals (the Mermaid theme in scripts/assets/brand-theme.ts,
 * social and OG cards in scripts/lib/brand-card.ts), upper-case as the SVGs have always written them.
 */
export const BRAND_COLORS = {
  background: upper(BRAND_PALETTE.bg),
  panel: upper(BRAND_PALETTE.panel),
  edge: upper(BRAND_PALETTE.edge),
  blue: upper(BRAND_PALETTE.blue),
  remote: upper(BRAND_PALETTE.purple),
  online: upper(BRAND_PALETTE.green),
  fanout: upper(BRAND_PALETTE.amber),
  /** Body text in diagrams and cards (7.5:1 on the background). */
  text: upper(BRAND_PALETTE.muted),
  title: upper(BRAND_PALETTE.title),
  heading: upper(BRAND_PALETTE.heading),
} as const;
export type BrandColor = keyof typeof BRAND_COLORS;
