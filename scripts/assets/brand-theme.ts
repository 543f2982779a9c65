import { fileURLToPath } from 'node:url';

/**
 * The launch palette (deep navy diagram palette). Every generated visual takes its colours from
 * here: the Mermaid theme below, social and OG cards (`scripts/lib/brand-card.ts`).
 */
export const BRAND_COLORS = {
  /** Deep navy page and diagram background. */
  background: '#0A0E1A',
  /** Panels and node fills. */
  panel: '#111827',
  /** Panel edges, subgraph borders. */
  edge: '#1F2A40',
  /** Molecule Blue: the platform and its links. */
  blue: '#4A90D9',
  /** REMOTE agents. */
  remote: '#8B5CF6',
  /** Online agents and the canvas. */
  online: '#22C55E',
  /** The WebSocket fanout. */
  fanout: '#F59E0B',
  /** Body text (7.3:1 on the background, passes WCAG AA). */
  text: '#94A3B8',
  /** Titles and labels on panels. */
  title: '#F1F5F9',
  /** Section heads and eyebrows. */
  heading: '#60A5FA',
} as const;
export type BrandColor = keyof typeof BRAND_COLORS;

const fontFile = (name: string) => fileURLToPath(new URL(`./fonts/${name}`, import.meta.url));

/**
 * The bundled brand font (Inter, SIL OFL 1.1; see scripts/assets/fonts/README.md). Full TTFs for
 * sharp/Pango text, a Latin-subset woff2 for Chromium and for embedding in diagram SVGs.
 */
export const BRAND_FONT = {
  family: 'Inter',
  /** CSS stack: the bundled face first, then look-alikes for a viewer that blocks embedded fonts. */
  cssStack: "Inter, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif",
  ttf: { regular: fontFile('Inter_400Regular.ttf'), bold: fontFile('Inter_700Bold.ttf') },
  woff2: { regular: fontFile('inter-latin-400-normal.woff2'), bold: fontFile('inter-latin-700-normal.woff2') },
  /** Code points the woff2 subset covers (from @fontsource/inter's latin subset). */
  unicodeRange: [
    [0x20, 0xff], [0x131, 0x131], [0x152, 0x153], [0x2bb, 0x2bc], [0x2c6, 0x2c6], [0x2da, 0x2da], [0x2dc, 0x2dc],
    [0x304, 0x304], [0x308, 0x308], [0x329, 0x329], [0x2000, 0x206f], [0x20ac, 0x20ac], [0x2122, 0x2122],
    [0x2191, 0x2191], [0x2193, 0x2193], [0x2212, 0x2212], [0x2215, 0x2215], [0xfeff, 0xfeff], [0xfffd, 0xfffd],
  ] as ReadonlyArray<readonly [number, number]>,
} as const;

/** Every font file a render depends on, for the inputs hash. */
export const BRAND_FONT_FILES = [
  BRAND_FONT.ttf.regular,
  BRAND_FONT.ttf.bold,
  BRAND_FONT.woff2.regular,
  BRAND_FONT.woff2.bold,
] as const;

/**
 * Roles a diagram source assigns with `class <ids> <role>` (nodes) or `class <edgeId> <role>`
 * (links with an id, `a e1@--> b`). Their styles live only here: the renderer appends one
 * `classDef` per role to every flowchart, so the .mmd file holds structure and words only and
 * still renders (unstyled) anywhere else.
 */
export const DIAGRAM_ROLE_STYLES = {
  remote: `fill:${BRAND_COLORS.panel},stroke:${BRAND_COLORS.remote},stroke-width:2px`,
  platform: `fill:#12203A,stroke:${BRAND_COLORS.blue},stroke-width:2px`,
  fanout: `fill:#21190B,stroke:${BRAND_COLORS.fanout},stroke-width:2px`,
  canvas: `fill:#0F2A1C,stroke:${BRAND_COLORS.online},stroke-width:2.5px`,
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
    clusterBkg: '#0D1322',
    clusterBorder: c.edge,
    titleColor: c.heading,
    edgeLabelBackground: c.background,
  },
  themeCSS: BRAND_THEME_CSS,
} as const;
export type MermaidConfig = Record<string, unknown>;

/** Background painted behind every diagram (SVG and PNG). */
export const DIAGRAM_BACKGROUND = c.background;
