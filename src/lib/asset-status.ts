// Where an asset stands for the launch room: on disk and final, a draft, or missing, with size and shape.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Manifest } from '../../core/manifest.ts';
import { assetFileFor } from '../../core/asset-path.ts';

/** Where an asset stands: on disk and final, on disk but a draft/fallback, or not there. */
export type AssetState = 'present' | 'draft' | 'missing';

/** One asset as the launch room reports it. */
export interface AssetStatus {
  /** Repo-relative path, e.g. marketing/audio/phase30-announce.mp3. */
  path: string;
  state: AssetState;
  size?: number;
  width?: number;
  height?: number;
  durationSeconds?: number;
  /** Generator and engine from the manifest, e.g. "tts · espeak". */
  madeBy?: string;
  /** Why it is a draft, from the manifest. */
  note?: string;
  /** Command that (re)generates it, from the manifest. */
  command?: string;
}

/**
 * Describes an asset from the file on disk and its manifest entry. A file the manifest marks
 * `draft` (a fallback voice, a stand-in recording) is `draft` even though it exists.
 */
export async function describeAsset(root: string, manifest: Manifest, path: string): Promise<AssetStatus> {
  const entry = manifest.entries[path];
  const info = await stat(join(root, path)).catch(() => undefined);
  if (!info?.isFile()) return { path, state: 'missing', command: entry?.command };
  let { width, height } = entry ?? {};
  if ((width === undefined || height === undefined) && /\.(png|jpe?g|webp|gif|avif|svg)$/i.test(path)) {
    const meta = await sharp(join(root, path))
      .metadata()
      .catch(() => undefined);
    width = meta?.width;
    height = meta?.height;
  }
  return {
    path,
    state: entry?.draft ? 'draft' : 'present',
    size: info.size,
    width,
    height,
    durationSeconds: entry?.durationSeconds,
    madeBy: entry ? [entry.generator, entry.provider].filter(Boolean).join(' · ') : 'hand-made',
    note: entry?.draft ? `draft from the ${entry.provider ?? entry.generator} fallback` : undefined,
    command: entry?.command,
  };
}

/** `128.9 kB` style sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(2)} MB`;
}

/** True when the file behind a site path (`/marketing/…` or a `public/` file) exists in the repo. */
export function siteAssetExists(root: string, sitePath: string): boolean {
  return existsSync(join(root, assetFileFor(sitePath)));
}
