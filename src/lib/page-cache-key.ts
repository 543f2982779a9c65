// Cache keys for Astro's incremental build: a keyed page is copied from the last build while its key and its code are unchanged.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { listFiles } from '../../core/list-files.ts';
import { hashBytes, hashJson } from '../../core/hash.ts';
import { FACTS_PATH } from '../../core/facts.ts';
import { CONTENT_KINDS, type CollectionName } from '../../core/schemas/kinds.ts';

/**
 * Astro tracks a page's code (its module graph) and the content entries it renders; a page key
 * must name everything else its HTML comes from. Pages read, besides their own entries:
 * - facts.yaml (`<Fact>`, `<Route>`, layouts), marketing/ (audio, films, doctest and release
 *   reports, asset states) and public/ (whether a hero or card exists);
 * - entries of the small kinds (a post's `<VoiceoverPlayer>` reads its voice-over entry).
 * Those files go into one digest per build, by path, size and modification time. Blog posts and
 * guides, the kinds that come in hundreds, are left out on purpose: editing one post must not
 * re-render the other thousand. A page that shows another post or guide must key on it itself.
 */
const BULK_KINDS: ReadonlySet<CollectionName> = new Set(['blog', 'docs']);
const SCANNED_DIRS = ['marketing', 'public'];

let siteInputs: string | undefined;

function describeTree(root: string, dir: string): Array<[string, number, number]> {
  return listFiles(join(root, dir)).map((file) => {
    const info = statSync(join(root, dir, file));
    return [`${dir}/${file}`, info.size, Math.round(info.mtimeMs)];
  });
}

/** The digest of every non-entry input a page may read, computed once per build. */
export function siteInputsDigest(root = process.cwd()): string {
  if (siteInputs) return siteInputs;
  const small = (Object.keys(CONTENT_KINDS) as CollectionName[])
    .filter((kind) => !BULK_KINDS.has(kind))
    .map((kind) => `content/${CONTENT_KINDS[kind].dir}`);
  siteInputs = hashJson({
    facts: existsSync(join(root, FACTS_PATH)) ? hashBytes(readFileSync(join(root, FACTS_PATH))) : null,
    trees: [...SCANNED_DIRS, ...small].map((dir) => describeTree(root, dir)),
  });
  return siteInputs;
}

/** One content entry as a key part: its id and the loader's digest of its file. */
export interface KeyedEntry {
  id: string;
  digest?: string | number;
}

/** The key of a page: the entries it shows (ids and digests), any page-specific parts, and the site inputs. */
export function pageCacheKey(entries: readonly KeyedEntry[], ...parts: unknown[]): string {
  return hashJson({
    entries: entries.map((entry) => [entry.id, entry.digest === undefined ? null : String(entry.digest)]),
    parts,
    site: siteInputsDigest(),
  });
}
