// Tests of the fleet diagram rendered in a real Chromium.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BRAND_MERMAID_CONFIG } from '../../scripts/assets/brand-theme.ts';
import { extractSvgTexts, MIN_LABEL_CONTRAST, normalizeLabel } from '../../scripts/assets/diagram-check.ts';
import { generateAssets, type GenerateReport } from '../../scripts/assets/generate.ts';
import { planAssets } from '../../scripts/assets/plan.ts';
import { readManifest } from '../../core/manifest.ts';
import { makeTempRoot } from './temp-root.ts';

const SOURCE = 'content/diagrams/phase30-fleet-diagram.mmd';
const SVG = 'marketing/assets/phase30-fleet-diagram.svg';
const PNG = 'marketing/assets/phase30-fleet-diagram.png';
/** Every label the fleet diagram must show, as the issue asks for them. */
const REQUIRED_LABELS = [
  'AWS EC2',
  'LangGraph',
  'GCP',
  'Developer laptop',
  'Claude Code',
  'On-prem server',
  'CrewAI',
  'REMOTE',
  'HTTPS',
  'A2A proxy',
  'POST /workspaces/:id/a2a',
  'WebSocket',
  'One canvas. All agents.',
];

describe('fleet diagram in a real Chromium', () => {
  let root: string;
  let cleanup: () => Promise<void>;
  let first: GenerateReport;

  beforeAll(async () => {
    ({ root, cleanup } = await makeTempRoot([[SOURCE, SOURCE]]));
    first = await generateAssets({ root });
  });
  afterAll(() => cleanup());

  test('renders the SVG and PNG with no problems', () => {
    expect(first.issues).toEqual([]);
    expect(first.results.map((result) => result.status)).toEqual(['written']);
    expect(first.chromiumVersion).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  test('keeps every label as SVG text and none in foreignObject', async () => {
    const svg = await readFile(join(root, SVG), 'utf8');
    expect(svg).not.toContain('<foreignObject');
    const texts = extractSvgTexts(svg).map(normalizeLabel).join('|');
    for (const label of REQUIRED_LABELS) expect(texts).toContain(normalizeLabel(label));
    const { details } = (await readManifest(root)).entries[SVG]!;
    expect(details).toMatchObject({ checks: { labels: 15, foreignObjects: 0 } });
  });

  test('writes the PNG at twice the SVG size with every label region visible', async () => {
    const manifest = await readManifest(root);
    const svgEntry = manifest.entries[SVG]!;
    const meta = await sharp(join(root, PNG)).metadata();
    expect(meta.width).toBe(svgEntry.width! * 2);
    expect(Math.abs(meta.height! - svgEntry.height! * 2)).toBeLessThanOrEqual(2);
    const checks = svgEntry.details!.checks as { minContrast: number };
    expect(checks.minContrast).toBeGreaterThanOrEqual(MIN_LABEL_CONTRAST);
    expect(manifest.entries[PNG]!.bytesHash).not.toBe(svgEntry.bytesHash);
  });

  test('keeps its words when rasterised outside a browser (librsvg via sharp)', async () => {
    const svg = await readFile(join(root, SVG), 'utf8');
    const withText = await sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true });
    const withoutText = await sharp(Buffer.from(svg.replace(/<text\b[\s\S]*?<\/text>/g, '')))
      .raw()
      .toBuffer();
    let differing = 0;
    for (let index = 0; index < withoutText.length; index += withText.info.channels) {
      if (Math.abs(withText.data[index]! - withoutText[index]!) > 60) differing++;
    }
    // Text covers a few percent of the diagram; a renderer that dropped it would differ by ~0.
    expect(differing / (withText.info.width * withText.info.height)).toBeGreaterThan(0.01);
  });

  test('a second run renders nothing and leaves the files untouched', async () => {
    const before = (await stat(join(root, PNG))).mtimeMs;
    const second = await generateAssets({ root });
    expect(second.results.map((result) => result.status)).toEqual(['up-to-date']);
    expect((await stat(join(root, PNG))).mtimeMs).toBe(before);
  });

  test('the plan reports the inputs hash the cache recorded', async () => {
    const manifest = await readManifest(root);
    const plan = await planAssets(root);
    expect(plan.map((item) => item.path).sort()).toEqual([PNG, SVG]);
    for (const item of plan) expect(item.inputsHash).toBe(manifest.entries[item.path]!.inputsHash);
    expect(plan[0]!.command).toBe('npm run assets -- --only phase30-fleet-diagram');
  });

  test('re-renders an output that was edited by hand', async () => {
    await writeFile(join(root, SVG), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const third = await generateAssets({ root, only: ['phase30-fleet-diagram'] });
    expect(third.results[0]).toMatchObject({ status: 'written', reason: `${SVG} changed since it was rendered` });
    expect(await readFile(join(root, SVG), 'utf8')).toContain('One canvas. All agents.');
  });

  test('names npm run setup when no browser can be found', async () => {
    const report = await generateAssets({
      root,
      force: true,
      env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium' },
    });
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({ file: SOURCE, rule: 'chromium' });
    expect(`${report.issues[0]!.message} ${report.issues[0]!.hint}`).toContain('npm run setup');
  });

  test('uses the brand theme: base theme, dark background and SVG text labels', () => {
    expect(BRAND_MERMAID_CONFIG).toMatchObject({
      theme: 'base',
      htmlLabels: false,
      flowchart: { htmlLabels: false },
      themeVariables: { background: '#0A0E1A' },
    });
  });
});
