// Where generated and hand-made assets live, and which marketing/ folders each audience serves.
import { join } from 'node:path';

/**
 * The one rule for where assets live: the site path `/marketing/<p>` is the repo file
 * `marketing/<p>`; any other site path `/<p>` is `public/<p>`. Returns the repo-relative file.
 */
export function assetFileFor(sitePath: string): string {
  const clean = decodeURI(sitePath.split(/[?#]/)[0]!);
  if (clean.startsWith('/marketing/')) return clean.slice(1);
  return join('public', clean.slice(1));
}

/** The site path for a repo file under marketing/ or public/ (inverse of {@link assetFileFor}). */
export function sitePathFor(repoPath: string): string {
  if (repoPath.startsWith('marketing/')) return `/${repoPath}`;
  if (repoPath.startsWith('public/')) return `/${repoPath.slice('public/'.length)}`;
  throw new Error(`${repoPath} is not under marketing/ or public/`);
}

/** Folders of marketing/ each audience serves at /marketing/<folder>/. */
export const SERVED_MARKETING_DIRS = {
  public: ['assets', 'audio'],
  internal: ['assets', 'audio', 'demo', 'video'],
} as const;
