// Stage: fills the launch room's borrowed-body placeholders with the bodies the public build rendered, and their assets.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BORROWED_BODY_ATTRIBUTE, publicBodyPage } from '../../../core/borrowed-bodies.ts';
import { listFiles } from '../../../core/list-files.ts';
import type { Issue } from '../../../core/issue.ts';
import { linkFile } from '../../lib/link-tree.ts';
import { mapWithLimit } from '../../lib/map-limit.ts';
import { repeatUntil } from '../../lib/repeat-until.ts';
import { fillPage, stillTheSame, stylesheetScopes, type FilledPage } from '../lib/borrowed-fill.ts';

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

/** Pages in flight at once: each is small, so the time goes to file-system round trips. */
const FILES_IN_FLIGHT = 64;
/** How often an early fill looks again for public pages Astro has written since. */
const EARLY_ROUND_MS = 150;

/** Launch-room pages filled while the public site was still building, by page (relative to the launch room). */
export type EarlyFills = Map<string, FilledPage>;

/**
 * Fills launch-room pages while the public build is still writing its pages into `draft` (Astro's
 * work folder), from each public page as soon as it is whole, until `until` settles. Nothing is
 * reported here: {@link fillBorrowedBodies} keeps a fill only while the public pages it read are
 * the same files in the finished site, and fills the rest itself.
 */
export async function fillBorrowedBodiesEarly(
  room: string,
  draft: string,
  until: Promise<unknown>,
): Promise<EarlyFills> {
  const early: EarlyFills = new Map();
  // Each page is read once; a page waiting for its public page is only looked at again.
  const pending = new Map((await borrowingPages(room)).map((page) => [page.path, page]));
  const sheetScopes = stylesheetScopes(draft);
  await repeatUntil(until, EARLY_ROUND_MS, async (stopped) => {
    await mapWithLimit([...pending.values()], FILES_IN_FLIGHT, async (page) => {
      if (stopped()) return;
      const filled = await fillPage(room, page, draft, sheetScopes, 'early').catch(() => 'waiting' as const);
      if (filled === 'waiting') return;
      pending.delete(page.path);
      if (filled) early.set(page.path, filled);
    });
    return pending.size === 0;
  });
  return early;
}

/**
 * Puts into every launch-room placeholder (`data-borrowed-body`) the inner HTML of the public
 * page's body (`data-entry-body`), byte for byte, and links into the launch room every built asset
 * (`/_astro/…`) that body references, such as Expressive Code's stylesheet, and puts into its
 * head the public page's inline styles of the components in the body (lib/scoped-styles.ts). A
 * page is rewritten through a new file, never in place, because its old copy may be a hard link to
 * the last good dist/. A placeholder that stays empty is an error naming the page and the public
 * page it needed. Pages in `early` whose public pages did not change since are left as they are.
 */
export async function fillBorrowedBodies(tree: BorrowTree, early: EarlyFills = new Map()): Promise<BorrowReport> {
  const room = join(tree.root, tree.dirs.internal);
  const site = join(tree.root, tree.dirs.public);
  const issues: Issue[] = [];
  const sheetScopes = stylesheetScopes(site);
  const pages = listFiles(room, { patterns: ['**/*.html'] });
  const rewritten = await mapWithLimit(pages, FILES_IN_FLIGHT, async (path) => {
    const known = early.get(path);
    if (known && (await stillTheSame(site, known.stamps))) return known;
    const page = { path, html: await readFile(join(room, path), 'utf8') };
    if (!page.html.includes(BORROWED_BODY_ATTRIBUTE)) return undefined;
    const filled = await fillPage(room, page, site, sheetScopes, { dirs: tree.dirs, issues });
    return filled === 'waiting' ? undefined : filled;
  });
  // Pages are filled at once, so the stylesheets they need are said afterwards, once each, in page order.
  const warned = new Set<string>();
  for (const { href, id } of rewritten.flatMap((page) => page?.sheetsNeeded ?? [])) {
    if (warned.has(href)) continue;
    warned.add(href);
    issues.push({
      file: `${tree.dirs.public}/${publicBodyPage(id)}`,
      line: 1,
      column: 1,
      rule: 'borrowed-body',
      severity: 'warning',
      message: `a component in the body of ${id} is styled in ${href}, a stylesheet of the whole public page, so the launch room shows it unstyled`,
      hint: 'keep content components small enough for Astro to inline their styles, or give the launch room a view of its own for this kind',
    });
  }
  const assets = new Set(rewritten.flatMap((page) => page?.assets ?? []));
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
  return { issues, pages: rewritten.filter((page) => page !== undefined).length };
}

/** The launch room's pages (paths relative to it, with their HTML) that have a placeholder, filled or not. */
async function borrowingPages(room: string): Promise<Array<{ path: string; html: string }>> {
  const pages = await mapWithLimit(listFiles(room, { patterns: ['**/*.html'] }), FILES_IN_FLIGHT, async (path) => ({
    path,
    html: await readFile(join(room, path), 'utf8'),
  }));
  return pages.filter((page) => page.html.includes(BORROWED_BODY_ATTRIBUTE));
}
