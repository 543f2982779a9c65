// The brand in diagrams: the Mermaid theme, its text styles and the role styles a .mmd file assigns.
import { BRAND_COLORS, BRAND_PALETTE } from '../../core/brand-palette.ts';
import { BRAND_FONT } from '../lib/brand-font.ts';

const p = BRAND_PALETTE;
const upper = (hex: string) => hex.toUpperCase();

/**
 * Roles a diagram source assigns with `class <ids> <role>` (nodes) or `class <edgeId> <role>`
 * (links with an id, `a e1@--> b`). Their styles live only here: the renderer appends one
 * `classDef` per role to every flowchart, so the .mmd file holds structure and words only and
 * still renders (unstyled) anywhere else.
 */
export const DIAGRAM_ROLE_STYLES = {
  remote: `fill:${BRAND_COLORS.panel},stroke:${BRAND_COLORS.remote},stroke-width:2px`,
  platform: `fill:${upper(p['blue-fill'])},stroke:${BRAND_COLORS.blue},stroke-width:2px`,
  fanout: `fill:${upper(p['amber-fill'])},stroke:${BRAND_COLORS.fanout},stroke-width:2px`,
  canvas: `fill:${upper(p['green-fill'])},stroke:${BRAND_COLORS.online},stroke-width:2.5px`,
  fanoutLink: `stroke:${BRAND_COLORS.fanout},stroke-width:3.5px`,
} as const;
export type DiagramRole = keyof typeof DIAGRAM_ROLE_STYLES;

const c = BRAND_COLORS;

/**
 * Text styles Mermaid's themeVariables cannot express. Mermaid scopes this CSS to the diagram's
 * own SVG, so it travels with the file.
 */
export const BRAND_THEME_CSS = [
  `.flowchartTitleText, .titleText { font-size: 22px; font-weight: 700; fill: ${c.title}; }`,
  `.cluster-label text { fill: ${c.heading}; font-weight: 700; letter-spacing: 0.06em; font-size: 15px; }`,
  // Rows are placed in em of the text's own size, so these change weight and colour, never size.
  `.node .text-outer-tspan:first-child .text-inner-tspan { font-weight: 700; }`,
  `.node.remote .text-outer-tspan:last-child .text-inner-tspan { fill: ${c.remote}; font-weight: 700; letter-spacing: 0.06em; }`,
  `.edgeLabel text { fill: ${c.text}; }`,
  // Opaque label plates, so a link never runs through its own label.
  `.edgeLabel rect, .edgeLabel .background { opacity: 1; fill: ${c.background}; }`,
].join('\n');

/** Adds the brand `classDef` lines to a flowchart definition (other diagram types are returned as they are). */
export function applyBrandClasses(definition: string): string {
  if (!/^\s*(flowchart|graph)\b/m.test(definition)) return definition;
  const defs = Object.entries(DIAGRAM_ROLE_STYLES).map(([role, style]) => `  classDef ${role} ${style}`);
  return `${definition.trimEnd()}\n${defs.join('\n')}\n`;
}

/**
 * The Mermaid configuration every diagram is rendered with: the `base` theme (the only one that
 * takes `themeVariables`), SVG `<text>` labels instead of HTML in `<foreignObject>` (so librsvg,
 * Inkscape and image viewers show them), deterministic ids (so unchanged input gives unchanged bytes).
 */
export const BRAND_MERMAID_CONFIG = {
  theme: 'base',
  darkMode: true,
  htmlLabels: false,
  securityLevel: 'strict',
  deterministicIds: true,
  deterministicIDSeed: 'molecule',
  fontFamily: BRAND_FONT.cssStack,
  flowchart: {
    htmlLabels: false,
    useMaxWidth: false,
    curve: 'basis',
    padding: 18,
    nodeSpacing: 34,
    rankSpacing: 90,
    diagramPadding: 24,
    wrappingWidth: 260,
    // Breathing room between the diagram title and the first subgraph.
    titleTopMargin: 44,
    // Room under subgraph titles, so links converging on a node below do not cross the title.
    subGraphTitleMargin: { top: 6, bottom: 26 },
  },
  themeVariables: {
    darkMode: true,
    background: c.background,
    fontFamily: BRAND_FONT.cssStack,
    fontSize: '17px',
    primaryColor: c.panel,
    primaryTextColor: c.title,
    primaryBorderColor: c.blue,
    secondaryColor: c.panel,
    tertiaryColor: c.background,
    mainBkg: c.panel,
    nodeBorder: c.blue,
    nodeTextColor: c.title,
    textColor: c.title,
    lineColor: c.blue,
    clusterBkg: upper(p['cluster-fill']),
    clusterBorder: c.edge,
    titleColor: c.heading,
    edgeLabelBackground: c.background,
  },
  themeCSS: BRAND_THEME_CSS,
} as const;
export type MermaidConfig = Record<string, unknown>;

/** Background painted behind every diagram (SVG and PNG). */
export const DIAGRAM_BACKGROUND = c.background;
