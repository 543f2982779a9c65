// Rule `leak`: nothing held back (internal, draft, review, embargoed) reaches dist/public/.
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentFile } from '../../../core/content-files.ts';
import { FACTS_PATH, factAt } from '../../../core/facts.ts';
import type { Facts } from '../../../core/schemas/facts.ts';
import { explainUnpublishable, type PublishableFields } from '../../../core/publishable.ts';
import { pathForEntry } from '../../../core/site-urls.ts';
import { launchRoomPath } from '../../../core/launch-room-kinds.ts';
import { SERVED_MARKETING_DIRS } from '../../../core/asset-path.ts';
import type { Check, CheckContext } from '../check.ts';
import type { BuiltAudience } from '../steps/built-site.ts';
import { normalizeText, shinglesOf, type NormalizedText } from '../lib/text-match.ts';
import { builtFileScan } from '../lib/built-file-scans.ts';
import { bodyOf, frontmatterStrings } from '../lib/text-units.ts';
import { builtFileFor } from './out-link.ts';

/** Titles shorter than this many words are too generic to search for. */
export const MIN_TITLE_WORDS = 3;

interface Held {
  entry: ContentFile;
  reason: string;
}

/** Replaces `<Fact k>` and `<Route id>` with what they print, so published text compares as rendered. */
export function renderFactComponents(text: string, facts: Facts | undefined): string {
  if (!facts) return text;
  return text
    .replace(/<Fact\s+k=["']([^"']+)["'][^>]*\/>/g, (whole, key: string) => {
      const value = factAt(facts, key);
      return value instanceof Date
        ? value.toISOString().slice(0, 10)
        : value === undefined || typeof value === 'object'
          ? whole
          : String(value);
    })
    .replace(/<Route\s+id=["']([^"']+)["']([^>]*)\/>/g, (whole, id: string, rest: string) => {
      const route = facts.routes.find((candidate) => candidate.id === id);
      if (!route) return whole;
      return /pathOnly/.test(rest) ? route.path : `${route.method} ${route.path}`;
    });
}

/** The entries the public site must not show, each with why. */
export function heldBackEntries(content: readonly ContentFile[], now: Date): Held[] {
  return content.flatMap((entry) => {
    const reason = entry.data ? explainUnpublishable(entry.data as unknown as PublishableFields, now) : undefined;
    return reason ? [{ entry, reason }] : [];
  });
}

/** Searchable text of built public files: pages, feeds, sitemaps and Pagefind fragments (gzip). */
function searchableFiles(
  ctx: CheckContext,
  audience: BuiltAudience,
): Array<{ file: string; text: NormalizedText; located: boolean }> {
  const out: Array<{ file: string; text: NormalizedText; located: boolean }> = [];
  for (const file of [...audience.files].sort()) {
    if (/\.(html|xml|txt|json)$/.test(file) && !file.includes('/pagefind/')) {
      const text = builtFileScan(ctx, 'leakText', file, () => ctx.sources.textOf(file));
      out.push({ file, text, located: true });
    } else if (/\.pf_(fragment|meta|index)$/.test(file)) {
      // Pagefind gzips its files and prefixes the payload with a signature.
      const raw = gunzipSync(readFileSync(join(ctx.sources.root, file)))
        .toString('utf8')
        .replace(/^pagefind_dcd/, '');
      out.push({ file, text: normalizeText(raw, true), located: false });
    }
  }
  return out;
}

/** Runs of words a held-back piece wrote (body prose and frontmatter text), never across a gap. */
function segmentsOf(ctx: CheckContext, entry: ContentFile): string[] {
  const prose = bodyOf(ctx, entry)
    .prose.filter((block) => !block.inFootnote)
    .map((block) => block.masked);
  const fields = frontmatterStrings(entry.data).map(({ value }) => value);
  return [...prose, ...fields]
    .flatMap((text) => text.split(/\s{2,}|\[\^[^\]]*\]/))
    .map((segment) => normalizeText(segment).text);
}

function checkPages(ctx: CheckContext, audience: BuiltAudience, held: readonly Held[]): void {
  const { routes } = ctx.sources;
  for (const { entry, reason } of held) {
    for (const path of new Set([pathForEntry(entry.id), launchRoomPath(entry.id)])) {
      const file = builtFileFor(path, audience);
      if (file)
        ctx.report({
          file,
          line: 1,
          column: 1,
          message: `page of ${entry.id} (${reason}) is in the public build at ${path}`,
          hint: `${entry.file} must not be published yet`,
        });
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
      ctx.report({
        file,
        line: 1,
        column: 1,
        message: `marketing/${folder}/ is internal-only but ${file} is in the public build`,
      });
    }
  }
}

/**
 * Nothing held back from the public site reaches dist/public: no page of an internal, draft,
 * review or embargoed piece, no launch-room route, no internal-only marketing folder, and none
 * of their titles or sentences (any run of ten words they wrote that published pieces and
 * the facts do not also contain) in pages, feeds, the sitemap or the Pagefind index.
 */
export const leakCheck: Check = {
  id: 'leak',
  phase: 'output',
  description:
    'internal, unapproved or embargoed pieces (pages, titles, text) are absent from dist/public, RSS, sitemap and Pagefind',
  run(ctx) {
    const audience = ctx.site?.audiences.find((candidate) => candidate.audience === 'public');
    if (!audience) return;
    const { content, now } = ctx.sources;
    const held = heldBackEntries(content, now);
    checkPages(ctx, audience, held);
    if (held.length === 0) return;
    // Text that published pieces (with <Fact>/<Route> as they render) or the facts also contain is not a leak.
    const publishedTexts = [
      ...content
        .filter((entry) => entry.data && !held.some((item) => item.entry === entry))
        .map((entry) => renderFactComponents(entry.text, ctx.sources.facts)),
      ctx.sources.textOf(FACTS_PATH),
    ];
    const published = publishedTexts.map((text) => normalizeText(text).text).join(' | ');
    // Only the held-back text is indexed (it is small); published and built text are streamed past it.
    const wanted = new Map<string, Held[]>();
    for (const item of held)
      for (const segment of segmentsOf(ctx, item.entry))
        for (const { shingle } of shinglesOf(segment)) wanted.set(shingle, [...(wanted.get(shingle) ?? []), item]);
    for (const { shingle } of shinglesOf(published)) wanted.delete(shingle);
    const files = searchableFiles(ctx, audience);
    const reported = new Set<string>();
    const report = (file: number, index: number, item: Held, what: string, quote: string) => {
      const { file: path, text, located } = files[file]!;
      if (reported.has(`${path}|${item.entry.id}`)) return;
      reported.add(`${path}|${item.entry.id}`);
      ctx.report({
        file: path,
        ...(located ? { offset: text.offsets[index]! } : { line: 1, column: 1 }),
        message: `${what} of ${item.entry.id} (${item.reason}) appears in the public build: "${quote}"`,
        hint: `${item.entry.file} must not be published yet; find what rendered it`,
      });
    };
    for (const item of held) {
      const title = normalizeText(String(item.entry.data?.title ?? '')).text;
      if (title.split(' ').length >= MIN_TITLE_WORDS && !published.includes(title)) {
        files.forEach(({ text }, file) => {
          const index = text.text.indexOf(title);
          if (index !== -1) report(file, index, item, 'title', title);
        });
      }
    }
    // Each held-back run of words is reported where it first appears, in file order.
    files.forEach(({ text }, file) => {
      if (wanted.size === 0) return;
      for (const { shingle, index } of shinglesOf(text.text)) {
        const items = wanted.get(shingle);
        if (!items) continue;
        wanted.delete(shingle);
        for (const item of items) report(file, index, item, 'text', shingle);
      }
    });
  },
};
