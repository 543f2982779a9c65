// Renders the social cards with the brand card renderer, checks their text regions and records them.
import { join } from 'node:path';
import { composeBrandCard, findCardOverlaps } from '../lib/brand-card.ts';
import { hashBytes } from '../../core/hash.ts';
import type { Issue } from '../../core/issue.ts';
import { updateManifest } from '../../core/manifest.ts';
import { writeFileAtomic } from '../../core/write-atomic.ts';
import { MIN_LABEL_CONTRAST } from './diagram-check.ts';
import { assetCommand, type SocialCardJob } from './jobs.ts';
import { readRaster, regionContrast } from './raster.ts';
import type { AssetResult } from './result.ts';

/**
 * Renders social cards with the brand card renderer, checks size and that every text block is
 * visible in the final PNG, then writes each card atomically and records it in the manifest.
 */
export async function renderCards(
  root: string,
  jobs: readonly SocialCardJob[],
  options: { now: () => Date; reasons: Map<string, string>; onResult?: (result: AssetResult) => void },
): Promise<AssetResult[]> {
  const results: AssetResult[] = [];
  for (const job of jobs) {
    const started = performance.now();
    const reason = options.reasons.get(job.name);
    let result: AssetResult;
    try {
      const card = await composeBrandCard(job.card);
      const raster = await readRaster(card.png);
      const issues: Issue[] = [];
      const problem = (message: string, hint: string) =>
        issues.push({
          file: job.source,
          ...job.sourceAt,
          rule: 'social-card',
          severity: 'error',
          message: `${job.name}: ${message}`,
          hint,
        });
      if (raster.width !== job.card.width || raster.height !== job.card.height) {
        problem(
          `card is ${raster.width}×${raster.height}, expected ${job.card.width}×${job.card.height} for ${job.channel}`,
          'check scripts/lib/brand-card.ts',
        );
      }
      // Text must stand out from the ground; the faint motif is decoration, measured only for overlap.
      const { decoration: _decoration, ...texts } = card.regions;
      for (const [block, region] of Object.entries(texts)) {
        const contrast = regionContrast(raster, {
          x: region.left,
          y: region.top,
          width: region.width,
          height: region.height,
        });
        if (contrast < MIN_LABEL_CONTRAST)
          problem(
            `${block} text is blank on the card (contrast ${contrast.toFixed(2)})`,
            'check the card colours in core/brand-palette.ts',
          );
      }
      for (const block of findCardOverlaps(card.regions))
        problem(
          `${block} text overlaps the fleet motif`,
          'shorten the text; scripts/lib/brand-card.ts keeps a gutter before the motif',
        );
      if (issues.length) result = { job, status: 'failed', reason, issues, ms: 0 };
      else {
        await writeFileAtomic(join(root, job.output), card.png);
        const entries = {
          [job.output]: {
            generator: 'assets:social-card',
            command: assetCommand(job.name),
            inputsHash: job.inputsHash,
            bytesHash: hashBytes(card.png),
            size: card.png.length,
            width: card.width,
            height: card.height,
            provider: 'sharp',
            draft: false,
            sources: [job.source],
            createdAt: options.now().toISOString(),
            details: {
              channel: job.channel,
              ...job.card,
              titleFontSize: card.titleFontSize,
              truncated: card.truncated,
            },
          },
        };
        await updateManifest(root, entries);
        result = { job, status: 'written', reason, issues: [], ms: 0, entries };
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result = {
        job,
        status: 'failed',
        reason,
        issues: [
          {
            file: job.source,
            ...job.sourceAt,
            rule: 'social-card',
            severity: 'error',
            message: `${job.name}: ${message}`,
          },
        ],
        ms: 0,
      };
    }
    result.ms = Math.round(performance.now() - started);
    options.onResult?.(result);
    results.push(result);
  }
  return results;
}
