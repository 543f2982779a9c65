/**
 * What runs inside the Chromium page: Mermaid renders one definition, then the page reports the
 * labels the source declares, every SVG `<text>` with its box, and the SVG itself. This file is
 * part of the inputs hash, so changing how diagrams are drawn re-renders them.
 */

/** A box in CSS pixels, relative to the diagram's top-left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A label the Mermaid source declares (node text, edge text, subgraph title, diagram title). */
export interface DeclaredLabel {
  kind: 'node' | 'edge' | 'cluster' | 'title';
  /** Node or subgraph id, or `from->to` for an edge. */
  id: string;
  /** Label text with `<br/>` turned into newlines. */
  text: string;
}

/** One `<text>` element as laid out in the page. */
export interface RenderedText {
  text: string;
  /** What the text belongs to, from its nearest Mermaid group. */
  role: 'node' | 'edge' | 'cluster' | 'title' | 'other';
  /** For node texts: the node's shape box, which the text must stay inside. */
  shape?: Box;
  box: Box;
  /** Computed fill and font family, for the messages of failed checks. */
  fill: string;
  fontFamily: string;
}

/** What the page hands back for one diagram. */
export interface PageRenderResult {
  svg: string;
  width: number;
  height: number;
  /** Where the SVG sits in the page, for the screenshot clip. */
  clip: Box;
  diagramType: string;
  declared: DeclaredLabel[];
  texts: RenderedText[];
  /** Points along every link, every few pixels, to find links drawn across labels. */
  links: Array<{ id: string; points: Array<[number, number]> }>;
  /** Whether the bundled font face finished loading before layout. */
  fontLoaded: boolean;
}

/** Arguments of {@link renderInPage}; plain JSON so they cross into the page. */
export interface PageRenderArgs {
  definition: string;
  config: Record<string, unknown>;
  svgId: string;
  fontCss: string;
  background: string;
  fontFamily: string;
}

/** The page every diagram is drawn in: the bundled font as data URLs, nothing fetched. */
export function buildPageHtml(fontCss: string, background: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><style>${fontCss}
html, body { margin: 0; padding: 0; background: ${background}; }
#container { display: inline-block; }</style></head><body><div id="container"></div></body></html>`;
}

/** The slice of Mermaid's parsed-diagram database the label inventory reads (methods differ per diagram type). */
interface MermaidDiagramDb {
  getVertices?(): Map<string, MermaidVertex> | Record<string, MermaidVertex>;
  getEdges?(): Array<{ start: string; end: string; text?: string }>;
  getSubGraphs?(): Array<{ id: string; title?: string }>;
  getDiagramTitle?(): string;
}
interface MermaidVertex {
  id: string;
  text?: string;
}
/** The slice of the page's `mermaid` global the renderer calls. */
interface MermaidGlobal {
  initialize(config: Record<string, unknown>): void;
  mermaidAPI: { getDiagramFromText(definition: string): Promise<{ type: string; db: MermaidDiagramDb }> };
  render(id: string, definition: string): Promise<{ svg: string }>;
}

/**
 * Runs in the page (serialised by puppeteer, so it may only use its arguments and browser globals).
 * Mermaid is the global the page loaded from `mermaid.min.js`.
 */
export async function renderInPage(args: PageRenderArgs): Promise<PageRenderResult> {
  const mermaid = (globalThis as unknown as { mermaid: MermaidGlobal }).mermaid;
  const fontLoads = await Promise.all([
    document.fonts.load(`400 16px ${args.fontFamily}`),
    document.fonts.load(`700 16px ${args.fontFamily}`),
  ]);
  await document.fonts.ready;
  mermaid.initialize({ startOnLoad: false, ...args.config });

  const diagram = await mermaid.mermaidAPI.getDiagramFromText(args.definition);
  const declared: DeclaredLabel[] = [];
  const clean = (text: unknown) =>
    String(text ?? '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<[^>]+>/g, '')
      .trim();
  const db = diagram.db;
  if (typeof db.getVertices === 'function') {
    const vertices = db.getVertices();
    for (const vertex of vertices instanceof Map ? vertices.values() : Object.values(vertices)) {
      declared.push({ kind: 'node', id: vertex.id, text: clean(vertex.text ?? vertex.id) });
    }
  }
  if (typeof db.getEdges === 'function') {
    for (const edge of db.getEdges())
      if (clean(edge.text)) declared.push({ kind: 'edge', id: `${edge.start}->${edge.end}`, text: clean(edge.text) });
  }
  if (typeof db.getSubGraphs === 'function') {
    for (const graph of db.getSubGraphs())
      if (clean(graph.title)) declared.push({ kind: 'cluster', id: graph.id, text: clean(graph.title) });
  }
  const title = db.getDiagramTitle ? clean(db.getDiagramTitle()) : '';
  if (title) declared.push({ kind: 'title', id: 'title', text: title });

  const container = document.getElementById('container')!;
  container.innerHTML = '';
  const { svg: markup } = await mermaid.render(args.svgId, args.definition);
  container.innerHTML = markup;
  const svg = container.querySelector('svg')!;
  const ns = 'http://www.w3.org/2000/svg';
  const viewBox = svg.viewBox.baseVal;
  // A painted background (not CSS) so renderers that ignore styles still show the dark ground.
  const ground = document.createElementNS(ns, 'rect');
  for (const [name, value] of Object.entries({
    x: viewBox.x,
    y: viewBox.y,
    width: viewBox.width,
    height: viewBox.height,
  }))
    ground.setAttribute(name, String(value));
  ground.setAttribute('fill', args.background);
  ground.setAttribute('class', 'brand-ground');
  const firstDrawn = [...svg.children].find((child) => !['title', 'desc', 'style', 'defs'].includes(child.tagName));
  svg.insertBefore(ground, firstDrawn ?? null);
  const fontStyle = document.createElementNS(ns, 'style');
  fontStyle.textContent = args.fontCss;
  svg.appendChild(fontStyle);
  // Mermaid writes each word as its own <tspan> (" EC2" with a leading space). librsvg drops
  // that space, so words run together outside a browser: join runs that share a style into one
  // tspan, and keep spaces as written.
  for (const row of svg.querySelectorAll('.text-outer-tspan')) {
    const runs = [...row.children] as SVGTSpanElement[];
    for (let index = runs.length - 1; index > 0; index--) {
      const previous = runs[index - 1]!;
      const current = runs[index]!;
      const sameStyle = ['font-weight', 'font-style', 'class', 'style'].every(
        (name) => previous.getAttribute(name) === current.getAttribute(name),
      );
      if (sameStyle && current.children.length === 0 && previous.children.length === 0) {
        previous.textContent = `${previous.textContent ?? ''}${current.textContent ?? ''}`;
        current.remove();
      }
    }
  }
  svg.setAttributeNS('http://www.w3.org/XML/1998/namespace', 'xml:space', 'preserve');
  svg.setAttribute('width', String(viewBox.width));
  svg.setAttribute('height', String(viewBox.height));
  svg.style.maxWidth = 'none';
  svg.style.backgroundColor = args.background;
  await document.fonts.ready;

  const origin = svg.getBoundingClientRect();
  const boxOf = (element: Element): Box => {
    const rect = element.getBoundingClientRect();
    return { x: rect.left - origin.left, y: rect.top - origin.top, width: rect.width, height: rect.height };
  };
  const texts: RenderedText[] = [...svg.querySelectorAll('text')].map((node) => {
    const group = node.closest('.edgeLabel, .cluster-label, .node, .cluster');
    const role = node.matches('.flowchartTitleText, .titleText')
      ? 'title'
      : group?.matches('.edgeLabel')
        ? 'edge'
        : group?.matches('.cluster-label, .cluster')
          ? 'cluster'
          : group?.matches('.node')
            ? 'node'
            : 'other';
    const shape =
      role === 'node' ? group!.querySelector(':scope > rect, :scope > path, :scope > polygon, :scope > circle') : null;
    const fill = getComputedStyle(node.querySelector('.text-inner-tspan') ?? node).fill;
    return {
      text: node.textContent ?? '',
      role,
      ...(shape ? { shape: boxOf(shape) } : {}),
      box: boxOf(node),
      fill,
      fontFamily: getComputedStyle(node).fontFamily,
    };
  });
  const links = [...svg.querySelectorAll('path.flowchart-link, path[data-edge="true"]')].map((element) => {
    const path = element as SVGPathElement;
    const matrix = path.getScreenCTM()!;
    const length = path.getTotalLength();
    const points: Array<[number, number]> = [];
    for (let at = 0; at <= length; at += 3) {
      const point = new DOMPoint(path.getPointAtLength(at).x, path.getPointAtLength(at).y).matrixTransform(matrix);
      points.push([point.x - origin.left, point.y - origin.top]);
    }
    return { id: path.dataset.id ?? path.id, points };
  });
  return {
    svg: new XMLSerializer().serializeToString(svg),
    width: viewBox.width,
    height: viewBox.height,
    clip: { x: origin.left, y: origin.top, width: origin.width, height: origin.height },
    diagramType: diagram.type,
    declared,
    texts,
    links,
    fontLoaded: fontLoads.every((faces) => faces.length > 0),
  };
}
