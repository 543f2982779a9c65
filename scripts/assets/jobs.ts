// Turns diagram sources and social posts into render jobs with their outputs and inputs hashes.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashBytes, hashJson } from '../../core/hash.ts';
import { readPackageVersion } from '../lib/package-version.ts';
import type { Issue } from '../../core/issue.ts';
import { BRAND_COLORS } from '../../core/brand-palette.ts';
import { BRAND_FONT_FILES, BRAND_FONT } from '../lib/brand-font.ts';
import { BRAND_MERMAID_CONFIG, DIAGRAM_ROLE_STYLES } from './brand-theme.ts';
import { collectSocialCards, type SocialCardJob } from './social-jobs.ts';

/** Where diagram sources live, one `.mmd` file per diagram. */
export const DIAGRAM_DIR = 'content/diagrams';
/** Where diagram outputs go: `<name>.svg` and `<name>.png`. */
export const DIAGRAM_OUTPUT_DIR = 'marketing/assets';
/** The command that regenerates one asset, shown by the build when an asset is stale. */
export const assetCommand = (name: string) => `npm run assets -- --only ${name}`;

/** Files whose code decides what a diagram or card looks like; part of the inputs hash. */
const DIAGRAM_RENDERER_FILES = ['brand-theme.ts', 'diagram-page.ts', 'diagram-session.ts', 'optimise-png.ts'];
// Cards take only the palette and the font (hashed as values below), not the Mermaid theme.
const CARD_RENDERER_FILES = ['../lib/brand-card.ts'];

/** One Mermaid diagram to render to SVG and PNG. */
export interface DiagramJob {
  kind: 'diagram';
  name: string;
  /** Repo-relative `.mmd` path. */
  source: string;
  svg: string;
  png: string;
  inputsHash: string;
}

export type AssetJob = DiagramJob | SocialCardJob;
export type { SocialCardJob };

/**
 * Everything `npm run assets` would produce, with the inputs hash of each: cheap (reads sources,
 * fonts and package versions; starts no browser). The Chromium version is not in this hash; the
 * cache compares it separately (see cache.ts), so a build on a machine with another Chromium does
 * not call committed assets stale.
 */
export function collectJobs(root: string): { jobs: AssetJob[]; issues: Issue[] } {
  const fonts = BRAND_FONT_FILES.map((file) => hashBytes(readFileSync(file)));
  const here = new URL('.', import.meta.url);
  const codeHash = (files: string[]) => files.map((file) => hashBytes(readFileSync(new URL(file, here))));
  const tools = {
    mermaid: readPackageVersion('mermaid'),
    mermaidCli: readPackageVersion('@mermaid-js/mermaid-cli'),
    puppeteerCore: readPackageVersion('puppeteer-core'),
    sharp: readPackageVersion('sharp'),
  };
  const diagramBase = {
    theme: BRAND_MERMAID_CONFIG,
    roles: DIAGRAM_ROLE_STYLES,
    fonts,
    code: codeHash(DIAGRAM_RENDERER_FILES),
    tools,
  };
  const diagrams: DiagramJob[] = listDiagramSources(root).map((source) => {
    const name = source
      .split('/')
      .pop()!
      .replace(/\.mmd$/, '');
    return {
      kind: 'diagram',
      name,
      source,
      svg: `${DIAGRAM_OUTPUT_DIR}/${name}.svg`,
      png: `${DIAGRAM_OUTPUT_DIR}/${name}.png`,
      inputsHash: hashJson({ kind: 'diagram', source: hashBytes(readFileSync(join(root, source))), ...diagramBase }),
    };
  });
  const cardBase = {
    fonts: fonts.slice(0, 2),
    font: BRAND_FONT.family,
    colors: BRAND_COLORS,
    code: codeHash(CARD_RENDERER_FILES),
    tools: { sharp: tools.sharp },
  };
  const cards = collectSocialCards(root, (card) => hashJson({ kind: 'social-card', card, ...cardBase }));
  return { jobs: [...diagrams, ...cards.jobs], issues: cards.issues };
}

/** Output paths of a job. */
export function outputsOf(job: AssetJob): string[] {
  return job.kind === 'diagram' ? [job.svg, job.png] : [job.output];
}

/** Keeps the jobs `--only` names (by asset name, output path or kind: `diagrams`, `cards`). */
export function selectJobs(jobs: readonly AssetJob[], only: readonly string[]): AssetJob[] {
  if (only.length === 0) return [...jobs];
  return jobs.filter((job) =>
    only.some(
      (name) =>
        name === job.name ||
        outputsOf(job).includes(name) ||
        (name === 'diagrams' && job.kind === 'diagram') ||
        (name === 'cards' && job.kind === 'social-card'),
    ),
  );
}

function listDiagramSources(root: string): string[] {
  const dir = join(root, DIAGRAM_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mmd'))
    .sort()
    .map((name) => `${DIAGRAM_DIR}/${name}`);
}
