import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentFile } from '../../lib/content-files.ts';
import { explainUnpublishable, type PublishableFields } from '../../../src/lib/publishable.ts';
import { pathForEntry } from '../../../src/lib/site-urls.ts';
import { launchRoomPath } from '../../../src/lib/launch-room-kinds.ts';
import { SERVED_MARKETING_DIRS } from '../../../src/integrations/marketing-files.ts';
import type { Check, CheckContext } from '../check.ts';
import type { BuiltAudience } from '../built-site.ts';
import { normalizeText, wordWindows, type NormalizedText } from '../text-match.ts';
import { bodyOf, frontmatterStrings } from '../text-units.ts';
import { builtFileFor } from './out-link.ts';

/** Words per distinctive snippet, and snippets taken per held-back piece. */
export const SNIPPET_WORDS = 10;
export const SNIPPETS_PER_ENTRY = 6;
/** Titles shorter than this many words are too generic to search for. */
export const MIN_TITLE_WORDS = 3;

interface Needle {
  entry: ContentFile;
  reason: string;
  what: string;
  text: string;
}

/** Searchable text of built public files: pages, feeds, sitemaps and Pagefind fragments (gzip). */
function searchableFiles(ctx: CheckContext, audience: BuiltAudience): Array<{ file: string; text: NormalizedText }> {
  const out: Array<{ file: string; text: NormalizedText }> = [];
  for (const file of [...audience.files].sort()) {
    if (/\.(html|xml|txt|json)$/.test(file) && !file.includes('/pagefind/')) {
      out.push({ file, text: normalizeText(ctx.sources.textOf(file), /\.(html|xml)$/.test(file)) });
    } else if (file.endsWith('.pf_fragment') || file.endsWith('.pf_meta') || file.endsWith('.pf_index')) {
      let raw = gunzipSync(readFileSync(join(ctx.sources.root, file))).toString('utf8');
      // Pagefind prefixes decompressed payloads with a signature.
      raw = raw.replace(/^pagefind_dcd/, '');
      out.push({ file, text: normalizeText(raw, true) });
    }
  }
  return out;
}

/** Distinctive snippets (title, body and frontmatter word windows) of held-back pieces, absent from published text. */
function needlesFor(ctx: CheckContext, held: Array<{ entry: ContentFile; reason: string }>, published: string): Needle[] {
  const needles: Needle[] = [];
  for (const { entry, reason } of held) {
    const candidates: Array<{ what: string; text: string }> = [];
    const title = normalizeText(String(entry.data?.title ?? '')).text;
    if (title.split(' ').length >= MIN_TITLE_WORDS) candidates.push({ what: 'title', text: title });
    const prose = bodyOf(ctx, entry).prose.filter((block) => !block.inFootnote).map((block) => block.masked);
    const fields = frontmatterStrings(entry.data).map(({ value }) => value);
    for (const window of wordWindows([...prose, ...fields].join('  '), SNIPPET_WORDS, SNIPPETS_PER_ENTRY * 4)) {
      candidates.push({ what: 'text', text: window });
    }
    let taken = 0;
    for (const candidate of candidates) {
      if (published.includes(candidate.text)) continue;
      needles.push({ entry, reason, ...candidate });
      if (++taken > SNIPPETS_PER_ENTRY) break;
    }
  }
  return needles;
}

/**
 * Nothing held back from the public site reaches dist/public: no page of an internal, draft,
 * review or embargoed piece, no launch-room route, no internal-only marketing folder, and none
 * of their titles or distinctive sentences in pages, feeds, the sitemap or the search index.
 */
export const leakCheck: Check = {
  id: 'leak',
  phase: 'output',
  description: 'internal, unapproved or embargoed pieces (pages, titles, text) are absent from dist/public, RSS, sitemap and Pagefind',
  run(ctx) {
    const audience = ctx.site?.audiences.find((candidate) => candidate.audience === 'public');
    if (!audience) return;
    const { content, routes, now } = ctx.sources;
    const held = content.flatMap((entry) => {
      const reason = entry.data ? explainUnpublishable(entry.data as unknown as PublishableFields, now) : undefined;
      return reason ? [{ entry, reason }] : [];
    });
    for (const { entry, reason } of held) {
      for (const path of new Set([pathForEntry(entry.id), launchRoomPath(entry.id)])) {
        const file = builtFileFor(path, audience);
        if (file) ctx.report({ file, line: 1, column: 1, message: `page of ${entry.id} (${reason}) is in the public build at ${path}`, hint: `${entry.file} must not be published yet` });
      }
    }
    for (const path of routes.internal.paths) {
      if (routes.public.paths.has(path) || routes.heldBack.has(path)) continue;
      const file = builtFileFor(path, audience);
      if (file) ctx.report({ file, line: 1, column: 1, message: `launch-room page ${path} is in the public build` });
    }
    for (const file of audience.files) {
      const folder = /^[^/]+\/[^/]+\/marketing\/([^/]+)\//.exec(file)?.[1];
      if (folder && !(SERVED_MARKETING_DIRS.public as readonly string[]).includes(folder)) {
        ctx.report({ file, line: 1, column: 1, message: `marketing/${folder}/ is internal-only but ${file} is in the public build` });
      }
    }
    const published = content
      .filter((entry) => entry.data && !held.some((item) => item.entry === entry))
      .map((entry) => normalizeText(entry.text).text)
      .join(' | ');
    const needles = needlesFor(ctx, held, published);
    if (needles.length === 0) return;
    for (const { file, text } of searchableFiles(ctx, audience)) {
      const reported = new Set<string>();
      for (const needle of needles) {
        if (reported.has(needle.entry.id)) continue;
        const index = text.text.indexOf(needle.text);
        if (index === -1) continue;
        reported.add(needle.entry.id);
        const offset = text.offsets[index]!;
        const location = file.endsWith('.html') || file.endsWith('.xml') || file.endsWith('.txt') || file.endsWith('.json') ? { offset } : { line: 1, column: 1 };
        ctx.report({
          file,
          ...location,
          message: `${needle.what} of ${needle.entry.id} (${needle.reason}) appears in the public build: "${needle.text}"`,
          hint: `${needle.entry.file} must not be published yet; find what rendered it`,
        });
      }
    }
  },
};
