// Test helper: reads built pages' text, meta tags and JSON-LD.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { listSiteFiles } from './site-build.ts';

/** One built file as searchable text. */
export interface SiteText {
  file: string;
  text: string;
}

const TEXT_FILES = /\.(html|xml|txt|json|js|mjs|css|svg|webmanifest)$/;
// Pagefind writes gzip-compressed fragments, metadata and index chunks.
const PAGEFIND_FILES = /\.(pf_fragment|pf_meta|pf_index)$/;

/** Every text-bearing file of a built site, Pagefind files decompressed; images and audio skipped. */
export async function readSiteText(dir: string): Promise<SiteText[]> {
  const files = await listSiteFiles(dir);
  const texts: SiteText[] = [];
  for (const file of files) {
    if (TEXT_FILES.test(file)) texts.push({ file, text: await readFile(join(dir, file), 'utf8') });
    else if (PAGEFIND_FILES.test(file))
      texts.push({ file, text: gunzipSync(await readFile(join(dir, file))).toString('latin1') });
  }
  return texts;
}

/** The files (with a snippet) in which a needle occurs, for readable failure messages. */
export function findInSite(texts: readonly SiteText[], needle: string): string[] {
  return texts.flatMap(({ file, text }) => {
    const index = text.indexOf(needle);
    return index === -1
      ? []
      : [`${file}: …${text.slice(Math.max(0, index - 60), index + needle.length + 60).replace(/\s+/g, ' ')}…`];
  });
}

/** The JSON-LD objects on an HTML page. */
export function extractJsonLd(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/g)].map((match) =>
    JSON.parse(match[1]!),
  );
}

/** `content` of a `<meta property|name="…">` tag. */
export function metaContent(html: string, key: string): string | undefined {
  const tag = [...html.matchAll(/<meta\s[^>]*>/g)]
    .map((match) => match[0])
    .find((candidate) => candidate.includes(`"${key}"`));
  return tag ? /content="([^"]*)"/.exec(tag)?.[1]?.replace(/&amp;/g, '&') : undefined;
}
