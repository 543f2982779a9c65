// Tests of the diagram label checks on real renderings (SVG text, blank labels, overlaps).
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BRAND_COLORS } from '../../core/brand-palette.ts';
import { BRAND_MERMAID_CONFIG } from '../../scripts/assets/brand-theme.ts';
import { checkDiagram } from '../../scripts/assets/diagram-check.ts';
import { openDiagramSession, type DiagramSession } from '../../scripts/assets/diagram-session.ts';
import { collectJobs, type DiagramJob } from '../../scripts/assets/jobs.ts';
import { renderDiagrams } from '../../scripts/assets/render-diagrams.ts';
import { findChromium } from '../../scripts/lib/find-chromium.ts';
import { readManifest } from '../../core/manifest.ts';
import { BLANK_LABELS_THEME, HTML_LABELS_THEME } from '../fixtures/assets/diagrams/blank-labels-theme.ts';
import { makeTempRoot } from './temp-root.ts';

const FLEET = 'content/diagrams/phase30-fleet-diagram.mmd';
const PREVIOUS = 'previous good bytes';

/** Renders the jobs with a session whose theme is swapped for `config`. */
function withTheme(session: DiagramSession, config: Record<string, unknown>): DiagramSession {
  return { ...session, render: (definition, options) => session.render(definition, { ...options, config }) };
}

describe('label checks on real renderings', () => {
  let session: DiagramSession;
  let root: string;
  let cleanup: () => Promise<void>;
  let jobs: DiagramJob[];
  const run = (theme: Record<string, unknown>, only = jobs) =>
    renderDiagrams(root, only, withTheme(session, theme), {
      chromiumVersion: 'test',
      now: () => new Date(0),
      reasons: new Map(),
    });

  beforeAll(async () => {
    ({ root, cleanup } = await makeTempRoot([
      [FLEET, FLEET],
      ['test/fixtures/assets/diagrams/broken.mmd', 'content/diagrams/broken.mmd'],
    ]));
    await mkdir(join(root, 'marketing/assets'), { recursive: true });
    await writeFile(join(root, 'marketing/assets/phase30-fleet-diagram.svg'), PREVIOUS);
    await writeFile(join(root, 'marketing/assets/phase30-fleet-diagram.png'), PREVIOUS);
    jobs = collectJobs(root).jobs.filter((job): job is DiagramJob => job.kind === 'diagram');
    session = await openDiagramSession({ executablePath: findChromium(), config: BRAND_MERMAID_CONFIG });
  });
  afterAll(async () => {
    await session?.close();
    await cleanup();
  });

  test('fails a diagram whose labels come out blank and keeps the previous files', async () => {
    const [result] = await run(
      BLANK_LABELS_THEME,
      jobs.filter((job) => job.name === 'phase30-fleet-diagram'),
    );
    expect(result!.status).toBe('failed');
    const blank = result!.issues.filter((issue) => issue.rule === 'diagram-blank');
    // All 16 texts: 7 nodes, 6 edge labels, 2 subgraph titles and the diagram title.
    expect(blank).toHaveLength(16);
    expect(blank.map((issue) => issue.message).join('\n')).toContain('label "HTTPS" is blank in the PNG');
    expect(blank.find((issue) => issue.message.includes('label "Canvas / One canvas. All agents."'))).toMatchObject({
      file: FLEET,
      line: 23,
      column: 11,
    });
    expect(await readFile(join(root, 'marketing/assets/phase30-fleet-diagram.png'), 'utf8')).toBe(PREVIOUS);
    expect((await readManifest(root)).entries).toEqual({});
  });

  test('fails a diagram whose labels are HTML in foreignObject', async () => {
    const [result] = await run(
      HTML_LABELS_THEME,
      jobs.filter((job) => job.name === 'phase30-fleet-diagram'),
    );
    expect(result!.status).toBe('failed');
    const rules = new Set(result!.issues.map((issue) => issue.rule));
    expect(rules).toContain('diagram-text');
    expect(rules).toContain('diagram-label');
    expect(result!.issues.find((issue) => issue.rule === 'diagram-text')!.message).toMatch(
      /labels are HTML inside <foreignObject>/,
    );
    expect(await readFile(join(root, 'marketing/assets/phase30-fleet-diagram.svg'), 'utf8')).toBe(PREVIOUS);
  });

  test('reports a Mermaid syntax error against the source file', async () => {
    const [result] = await run(
      BRAND_MERMAID_CONFIG,
      jobs.filter((job) => job.name === 'broken'),
    );
    expect(result!.status).toBe('failed');
    // Line 5 of the fixture, at the first "{": Mermaid itself counts lines without frontmatter and comments.
    expect(result!.issues[0]).toMatchObject({
      file: 'content/diagrams/broken.mmd',
      line: 5,
      column: 9,
      rule: 'diagram-syntax',
    });
    expect(result!.issues[0]!.message).toBe('render broken: mermaid: parse error, unexpected DIAMOND_START');
  });

  test('passes the brand theme on the same diagram', async () => {
    const [result] = await run(
      BRAND_MERMAID_CONFIG,
      jobs.filter((job) => job.name === 'phase30-fleet-diagram'),
    );
    expect(result!.issues).toEqual([]);
    expect(result!.status).toBe('written');
  });
});

describe('layout checks', () => {
  const box = (x: number, y: number, width = 80, height = 20) => ({ x, y, width, height });
  const render = async (
    texts: Array<{ text: string; box: ReturnType<typeof box>; shape?: ReturnType<typeof box>; role?: 'node' | 'edge' }>,
    links: Array<{ id: string; points: Array<[number, number]> }> = [],
  ) => {
    // Light bars over half of each label box stand in for glyphs, so only the layout rules can fail.
    const png = await sharp({ create: { width: 600, height: 600, channels: 3, background: BRAND_COLORS.background } })
      .composite(
        texts.map((text) => ({
          input: { create: { width: text.box.width * 2, height: text.box.height, channels: 3, background: '#ffffff' } },
          left: text.box.x * 2,
          top: text.box.y * 2,
        })),
      )
      .png()
      .toBuffer();
    const svg = texts.map((text) => `<text>${text.text}</text>`).join('');
    return checkDiagram({
      file: 'x.mmd',
      source: texts.map((text) => text.text).join('\n'),
      scale: 2,
      svg,
      png,
      rendered: {
        width: 300,
        height: 300,
        fontLoaded: true,
        declared: [],
        links,
        texts: texts.map((text) => ({ role: 'node', fill: '#fff', fontFamily: 'Inter', ...text })),
      },
    });
  };

  test.each([
    // Two labels drawn on top of each other.
    [
      'overlapping labels',
      [
        { text: 'EC2', box: box(10, 10) },
        { text: 'AWS EC2', box: box(40, 15) },
      ],
      [],
      'labels "EC2" and "AWS EC2" overlap',
    ],
    // A label wider than the node that holds it.
    [
      'a label spilling out of its box',
      [{ text: 'Developer laptop', box: box(10, 10, 120), shape: box(20, 5, 60, 30) }],
      [],
      'label "Developer laptop" spills out of its box',
    ],
    // A link drawn straight through a subgraph title.
    [
      'a link across a label',
      [{ text: 'MOLECULE PLATFORM', box: box(100, 50) }],
      [
        {
          id: 'L_gcp_proxy_0',
          points: [
            [90, 60],
            [140, 60],
            [190, 60],
          ] as Array<[number, number]>,
        },
      ],
      'link L_gcp_proxy_0 is drawn across label "MOLECULE PLATFORM"',
    ],
  ])('reports %s', async (_name, texts, links, message) => {
    const { issues } = await render(texts, links);
    expect(issues.map((issue) => `${issue.rule}: ${issue.message}`)).toContain(`diagram-overlap: ${message}`);
  });

  test('accepts an edge label sitting on its own link', async () => {
    const { issues } = await render(
      [{ text: 'HTTPS', box: box(100, 50), role: 'edge' }],
      [
        {
          id: 'L_a_b_0',
          points: [
            [140, 40],
            [140, 60],
            [140, 80],
          ],
        },
      ],
    );
    expect(issues).toEqual([]);
  });
});
