// Stage: fills the launch room's borrowed-body placeholders with the bodies the public build rendered, and their assets.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BORROWED_BODY_ATTRIBUTE, PUBLIC_BODY_ATTRIBUTE, publicBodyPage } from '../../../core/borrowed-bodies.ts';
import { createLocator } from '../../../core/source-location.ts';
import { listFiles } from '../../../core/list-files.ts';
import { tempPathFor } from '../../../core/write-atomic.ts';
import type { Issue } from '../../../core/issue.ts';
import { linkFile } from '../../lib/link-tree.ts';
import { mapWithLimit } from '../../lib/map-limit.ts';
import { findElementRanges, type ElementRange } from '../lib/element-ranges.ts';
import { scanHtml } from '../lib/html-scan.ts';

/** The staged tree: both sites, as absolute folders and as the paths issues name. */
export interface BorrowTree {
  root: string;
  /** Root-relative folders of the two sites, e.g. `.dist.next-x/public`. */
  dirs: Record<'public' | 'internal', string>;
}

/** What the fill did. */
export interface BorrowReport {
  issues: Issue[];
  /** Launch-room pages rewritten. */
  pages: number;
}

/** A placeholder as core/borrowed-bodies.ts writes it, before anything is put in. */
const EMPTY_PLACEHOLDER = new RegExp(`<div ${BORROWED_BODY_ATTRIBUTE}="([^"]+)"></div>`, 'g');

/** Pages in flight at once: each is small, so the time goes to file-system round trips. */
const FILES_IN_FLIGHT = 64;

/**
 * Puts into every launch-room placeholder (`data-borrowed-body`) the inner HTML of the public
 * page's body (`data-entry-body`), byte for byte, and links into the launch room every built asset
 * (`/_astro/…`) that body references, such as Expressive Code's stylesheet. A page is rewritten
 * through a new file, never in place, because its old copy may be a hard link to the last good
 * dist/. A placeholder that stays empty is an error naming the page and the public page it needed.
 */
export async function fillBorrowedBodies(tree: BorrowTree): Promise<BorrowReport> {
  const room = join(tree.root, tree.dirs.internal);
  const site = join(tree.root, tree.dirs.public);
  const issues: Issue[] = [];
  const assets = new Set<string>();
  const rewritten = await mapWithLimit(listFiles(room, { patterns: ['**/*.html'] }), FILES_IN_FLIGHT, async (page) => {
    const html = await readFile(join(room, page), 'utf8');
    if (!html.includes(BORROWED_BODY_ATTRIBUTE)) return false;
    let locate: ReturnType<typeof createLocator> | undefined;
    let out = '';
    let at = 0;
    for (const slot of placeholdersIn(html)) {
      const body = await readPublicBody(site, slot.value);
      if (typeof body !== 'string') {
        issues.push({
          file: `${tree.dirs.internal}/${page}`,
          ...(locate ??= createLocator(html))(slot.tagStart),
          rule: 'borrowed-body',
          severity: 'error',
          message: `the launch room shows ${slot.value} with the body the public build rendered, but ${tree.dirs.public}/${publicBodyPage(slot.value)} ${body.problem}`,
          hint: `the publishing rule must agree between both builds; check the public page of ${slot.value} (src/layouts/BlogPostLayout.astro marks the body with ${PUBLIC_BODY_ATTRIBUTE})`,
        });
        continue;
      }
      if (body.includes('/_astro/'))
        for (const ref of scanHtml(body).refs)
          if (ref.url.startsWith('/_astro/')) assets.add(ref.url.split(/[?#]/)[0]!);
      out += html.slice(at, slot.innerStart) + body;
      at = slot.innerEnd;
    }
    if (at === 0) return false;
    await replaceFile(join(room, page), out + html.slice(at));
    return true;
  });
  for (const asset of [...assets].sort()) {
    const target = join(room, asset);
    if (existsSync(target)) continue;
    if (!existsSync(join(site, asset))) {
      issues.push({
        file: `${tree.dirs.public}${asset}`,
        line: 1,
        column: 1,
        rule: 'borrowed-body',
        severity: 'error',
        message: `a borrowed body references ${asset}, which the public build did not write`,
      });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    await linkFile(join(site, asset), target);
  }
  return { issues, pages: rewritten.filter(Boolean).length };
}

/** The inner HTML of the body element of entry `id`'s public page, or what is wrong with the page. */
async function readPublicBody(site: string, id: string): Promise<string | { problem: string }> {
  const file = join(site, publicBodyPage(id));
  const html = await readFile(file, 'utf8').catch(() => undefined);
  if (html === undefined) return { problem: 'does not exist' };
  // Only the marked element is parsed: from its start tag to its end tag.
  const at = html.indexOf(`${PUBLIC_BODY_ATTRIBUTE}="${id}"`);
  const tagStart = at === -1 ? -1 : html.lastIndexOf('<', at);
  const marked = tagStart === -1 ? undefined : findElementRanges(html.slice(tagStart), PUBLIC_BODY_ATTRIBUTE)[0];
  if (!marked || marked.tagStart !== 0 || marked.value !== id)
    return { problem: `has no element with ${PUBLIC_BODY_ATTRIBUTE}="${id}"` };
  return html.slice(tagStart + marked.innerStart, tagStart + marked.innerEnd);
}

/** The placeholders of a launch-room page: as the room build wrote them (empty), or already filled by an earlier run. */
function placeholdersIn(html: string): ElementRange[] {
  const empty = [...html.matchAll(EMPTY_PLACEHOLDER)].map((match) => {
    const innerStart = match.index + match[0].length - '</div>'.length;
    return { value: match[1]!, tagStart: match.index, innerStart, innerEnd: innerStart };
  });
  return empty.length > 0 ? empty : findElementRanges(html, BORROWED_BODY_ATTRIBUTE);
}

/** Writes `text` as a new file over `path`, whose folder exists (its old inode may be a link into the last good dist/). */
async function replaceFile(path: string, text: string): Promise<void> {
  const temp = tempPathFor(path);
  await writeFile(temp, text);
  await rename(temp, path);
}
