// Stage: fills the launch room's borrowed-body placeholders with the bodies the public build rendered, and their assets.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { BORROWED_BODY_ATTRIBUTE, PUBLIC_BODY_ATTRIBUTE, publicBodyPage } from '../../../core/borrowed-bodies.ts';
import { createLocator } from '../../../core/source-location.ts';
import { listFiles } from '../../../core/list-files.ts';
import { tempPathFor } from '../../../core/write-atomic.ts';
import type { Issue } from '../../../core/issue.ts';
import { linkFile } from '../../lib/link-tree.ts';
import { mapWithLimit } from '../../lib/map-limit.ts';
import { placeholdersIn, publicBodyOf } from '../lib/borrowed-slots.ts';
import { scanHtml } from '../lib/html-scan.ts';
import { scopesOf, stylesFor, withBorrowedStyles } from '../lib/scoped-styles.ts';

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

/**
 * Puts into every launch-room placeholder (`data-borrowed-body`) the inner HTML of the public
 * page's body (`data-entry-body`), byte for byte, and links into the launch room every built asset
 * (`/_astro/…`) that body references, such as Expressive Code's stylesheet, and puts into its
 * head the public page's inline styles of the components in the body (lib/scoped-styles.ts). A
 * page is rewritten through a new file, never in place, because its old copy may be a hard link to
 * the last good dist/. A placeholder that stays empty is an error naming the page and the public page it needed.
 */
export async function fillBorrowedBodies(tree: BorrowTree): Promise<BorrowReport> {
  const room = join(tree.root, tree.dirs.internal);
  const site = join(tree.root, tree.dirs.public);
  const issues: Issue[] = [];
  const assets = new Set<string>();
  // The scopes each of the public site's stylesheets styles, read once each.
  const sheets = new Map<string, Set<string> | undefined>();
  const sheetScopes = (href: string) => {
    if (!sheets.has(href)) {
      const css = href.startsWith('/') ? readTextOrUndefined(join(site, href)) : undefined;
      sheets.set(href, css === undefined ? undefined : scopesOf(css));
    }
    return sheets.get(href);
  };
  const rewritten = await mapWithLimit(listFiles(room, { patterns: ['**/*.html'] }), FILES_IN_FLIGHT, async (page) => {
    const html = await readFile(join(room, page), 'utf8');
    if (!html.includes(BORROWED_BODY_ATTRIBUTE)) return undefined;
    let locate: ReturnType<typeof createLocator> | undefined;
    let out = '';
    let at = 0;
    const styles: string[] = [];
    const sheetsNeeded: Array<{ href: string; id: string }> = [];
    for (const slot of placeholdersIn(html)) {
      const found = await readPublicBody(site, slot.value);
      if ('problem' in found) {
        issues.push({
          file: `${tree.dirs.internal}/${page}`,
          ...(locate ??= createLocator(html))(slot.tagStart),
          rule: 'borrowed-body',
          severity: 'error',
          message: `the launch room shows ${slot.value} with the body the public build rendered, but ${tree.dirs.public}/${publicBodyPage(slot.value)} ${found.problem}`,
          hint: `the publishing rule must agree between both builds; check the public page of ${slot.value} (src/layouts/BlogPostLayout.astro marks the body with ${PUBLIC_BODY_ATTRIBUTE})`,
        });
        continue;
      }
      const { body, page: publicPage } = found;
      const carried = stylesFor(publicPage, body, sheetScopes);
      styles.push(...carried.inline);
      sheetsNeeded.push(...carried.linked.map((href) => ({ href, id: slot.value })));
      if (body.includes('/_astro/'))
        for (const ref of scanHtml(body).refs)
          if (ref.url.startsWith('/_astro/')) assets.add(ref.url.split(/[?#]/)[0]!);
      out += html.slice(at, slot.innerStart) + body;
      at = slot.innerEnd;
    }
    if (at === 0) return undefined;
    await replaceFile(join(room, page), withBorrowedStyles(out + html.slice(at), styles));
    return sheetsNeeded;
  });
  // Pages are filled at once, so the stylesheets they need are said afterwards, once each, in page order.
  const warned = new Set<string>();
  for (const { href, id } of rewritten.flatMap((page) => page ?? [])) {
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

/** Writes `text` as a new file over `path`, whose folder exists (its old inode may be a link into the last good dist/). */
async function replaceFile(path: string, text: string): Promise<void> {
  const temp = tempPathFor(path);
  await writeFile(temp, text);
  await rename(temp, path);
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** The body of entry `id` on its public page, and the page, or what is wrong with the page. */
async function readPublicBody(site: string, id: string): Promise<{ body: string; page: string } | { problem: string }> {
  const page = await readFile(join(site, publicBodyPage(id)), 'utf8').catch(() => undefined);
  if (page === undefined) return { problem: 'does not exist' };
  const body = publicBodyOf(page, id);
  return body === undefined ? { problem: `has no element with ${PUBLIC_BODY_ATTRIBUTE}="${id}"` } : { body, page };
}
