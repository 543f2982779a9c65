// The renderer's identity for cache keys: every .ts and font under scripts/video, library and tool versions.
import { FILM_DIR } from '../../../core/film-timeline.ts';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { hashBytes, hashJson } from '../../../core/hash.ts';
import { readPackageVersion } from '../../lib/package-version.ts';
import { VIDEO_FONT_FILES } from './brand-css.ts';

/** Where the films go. */
export const VIDEO_DIR = FILM_DIR;
/** The command that regenerates films and captures. */
export const VIDEO_COMMAND = 'npm run video';

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : /\.(ts|ttf)$/.test(name) ? [full] : [];
  });
}

let cached: string | undefined;

/** `ffmpeg version 5.1.9…` (first line), or `missing`. */
export function readFfmpegVersion(): string {
  try {
    return execFileSync('ffmpeg', ['-version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .split('\n')[0]!
      .split(' Copyright')[0]!;
  } catch {
    return 'missing';
  }
}

/** Hash of the renderer code, fonts, playwright-core and @xterm/headless versions and the ffmpeg version. */
export function rendererVersion(): string {
  if (cached) return cached;
  const dir = join(import.meta.dirname, '..');
  const code = Object.fromEntries(
    listFiles(dir)
      .sort()
      .map((file) => [relative(dir, file), hashBytes(readFileSync(file))]),
  );
  const fonts = VIDEO_FONT_FILES.map((file) => hashBytes(readFileSync(file)));
  cached = hashJson({
    code,
    fonts,
    playwright: readPackageVersion('playwright-core'),
    xterm: readPackageVersion('@xterm/headless'),
    ffmpeg: readFfmpegVersion(),
  });
  return cached;
}
