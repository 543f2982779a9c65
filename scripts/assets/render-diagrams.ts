// Renders the diagrams in the shared browser session, checks them and records them in the manifest.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hashBytes } from '../../core/hash.ts';
import { createLocator } from '../../core/source-location.ts';
import type { Issue } from '../../core/issue.ts';
import { updateManifest, type ManifestEntry } from '../../core/manifest.ts';
import { writeFileAtomic } from '../../core/write-atomic.ts';
import { applyBrandClasses } from './brand-theme.ts';
import { checkDiagram } from './diagram-check.ts';
import { DiagramRenderError, type DiagramSession } from './diagram-session.ts';
import { assetCommand, type DiagramJob } from './jobs.ts';
import { optimisePng } from './optimise-png.ts';
import type { AssetResult } from './result.ts';

/**
 * Renders diagrams one after another in one browser session, checks each result and writes
 * SVG + PNG (atomically, then the manifest entries) only when every check passes. A failed
 * diagram leaves the previous files untouched.
 */
export async function renderDiagrams(
  root: string,
  jobs: readonly DiagramJob[],
  session: DiagramSession,
  options: {
    chromiumVersion: string;
    now: () => Date;
    reasons: Map<string, string>;
    onResult?: (result: AssetResult) => void;
  },
): Promise<AssetResult[]> {
  const results: AssetResult[] = [];
  for (const job of jobs) {
    const started = performance.now();
    const result = await renderOne(root, job, session, options).catch(async (error: unknown): Promise<AssetResult> => ({
      job,
      status: 'failed',
      reason: options.reasons.get(job.name),
      issues: [renderIssue(job, await readFile(join(root, job.source), 'utf8').catch(() => ''), error)],
      ms: 0,
    }));
    result.ms = Math.round(performance.now() - started);
    options.onResult?.(result);
    results.push(result);
  }
  return results;
}

async function renderOne(
  root: string,
  job: DiagramJob,
  session: DiagramSession,
  options: { chromiumVersion: string; now: () => Date; reasons: Map<string, string> },
): Promise<AssetResult> {
  const source = await readFile(join(root, job.source), 'utf8');
  const rendered = await session.render(applyBrandClasses(source), { svgId: job.name });
  const svg = `${rendered.svg}\n`;
  const png = await optimisePng(rendered.png);
  const { issues, summary } = await checkDiagram({
    file: job.source,
    source,
    rendered,
    scale: rendered.scale,
    svg,
    png,
  });
  const reason = options.reasons.get(job.name);
  if (issues.length) return { job, status: 'failed', reason, issues, ms: 0 };

  await writeFileAtomic(join(root, job.svg), svg);
  await writeFileAtomic(join(root, job.png), png);
  const base = {
    generator: 'assets:diagram',
    command: assetCommand(job.name),
    inputsHash: job.inputsHash,
    provider: 'chromium',
    draft: false,
    sources: [job.source],
    createdAt: options.now().toISOString(),
    details: {
      chromium: options.chromiumVersion,
      diagramType: rendered.diagramType,
      scale: rendered.scale,
      checks: summary,
    },
  };
  const entries: Record<string, ManifestEntry> = {
    [job.svg]: {
      ...base,
      bytesHash: hashBytes(svg),
      size: Buffer.byteLength(svg),
      width: Math.round(rendered.width),
      height: Math.round(rendered.height),
    },
    [job.png]: {
      ...base,
      bytesHash: hashBytes(png),
      size: png.length,
      width: summary.png.width,
      height: summary.png.height,
    },
  };
  await updateManifest(root, entries);
  return { job, status: 'written', reason, issues: [], ms: 0, entries };
}

function renderIssue(job: DiagramJob, source: string, error: unknown): Issue {
  const message = error instanceof Error ? error.message : String(error);
  // Mermaid's excerpt drops newlines, so only the part before the next indentation run is one source line.
  const near =
    error instanceof DiagramRenderError && error.near
      ? source.indexOf(error.near.split(/\s{2,}/)[0]!.slice(0, 24))
      : -1;
  return {
    file: job.source,
    ...(near >= 0 ? createLocator(source)(near) : { line: 1, column: 1 }),
    rule: error instanceof DiagramRenderError ? 'diagram-syntax' : 'diagram-render',
    severity: 'error',
    message: `render ${job.name}: ${message}`,
    hint: 'check the Mermaid syntax (https://mermaid.js.org/syntax/flowchart.html); the previous outputs were kept',
  };
}
