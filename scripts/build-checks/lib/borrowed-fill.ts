// Filling one launch-room page with the bodies its public pages rendered, and knowing later whether those pages changed.
import { readFileSync } from 'node:fs';
import { rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PUBLIC_BODY_ATTRIBUTE, publicBodyPage } from '../../../core/borrowed-bodies.ts';
import { createLocator } from '../../../core/source-location.ts';
import { tempPathFor } from '../../../core/write-atomic.ts';
import type { Issue } from '../../../core/issue.ts';
import { placeholdersIn, publicBodyOf } from './borrowed-slots.ts';
import { scanHtml } from './html-scan.ts';
import { scopesOf, stylesFor, withBorrowedStyles } from './scoped-styles.ts';
import { readWholeFile, sameFile, type FileStamp } from './whole-file.ts';

/** Where a fill reports: the staged tree's folders as issues name them, and the list to add to. */
export interface FillReport {
  dirs: Record<'public' | 'internal', string>;
  issues: Issue[];
}

/** A public page a fill read, as it was on disk then: a fill is kept only while its pages are unchanged. */
export interface PublicStamp extends FileStamp {
  file: string;
}

/** What filling one launch-room page needed: stylesheets to warn about, assets to link, public pages read. */
export interface FilledPage {
  sheetsNeeded: Array<{ href: string; id: string }>;
  assets: string[];
  stamps: PublicStamp[];
}

/** The scopes each of a site's stylesheets styles, read once each. */
export function stylesheetScopes(site: string): (href: string) => Set<string> | undefined {
  const sheets = new Map<string, Set<string> | undefined>();
  return (href) => {
    if (!sheets.has(href)) {
      const css = href.startsWith('/') ? readTextOrUndefined(join(site, href)) : undefined;
      sheets.set(href, css === undefined ? undefined : scopesOf(css));
    }
    return sheets.get(href);
  };
}

/**
 * Fills one launch-room page from the public site `site`. Early (`'early'`), a public page that is
 * missing or not yet whole leaves the page as it is (`'waiting'`); finally, it is an error.
 */
export async function fillPage(
  room: string,
  page: { path: string; html: string },
  site: string,
  sheetScopes: (href: string) => Set<string> | undefined,
  mode: 'early' | FillReport,
): Promise<FilledPage | undefined | 'waiting'> {
  const { html } = page;
  let locate: ReturnType<typeof createLocator> | undefined;
  let out = '';
  let at = 0;
  const styles: string[] = [];
  const filled: FilledPage = { sheetsNeeded: [], assets: [], stamps: [] };
  for (const slot of placeholdersIn(html)) {
    const found = await readPublicBody(site, slot.value);
    if ('problem' in found) {
      if (mode === 'early') return 'waiting';
      mode.issues.push({
        file: `${mode.dirs.internal}/${page.path}`,
        ...(locate ??= createLocator(html))(slot.tagStart),
        rule: 'borrowed-body',
        severity: 'error',
        message: `the launch room shows ${slot.value} with the body the public build rendered, but ${mode.dirs.public}/${publicBodyPage(slot.value)} ${found.problem}`,
        hint: `the publishing rule must agree between both builds; check the public page of ${slot.value} (src/layouts/BlogPostLayout.astro marks the body with ${PUBLIC_BODY_ATTRIBUTE})`,
      });
      continue;
    }
    const { body, page: publicPage } = found;
    filled.stamps.push(found.stamp);
    const carried = stylesFor(publicPage, body, sheetScopes);
    styles.push(...carried.inline);
    filled.sheetsNeeded.push(...carried.linked.map((href) => ({ href, id: slot.value })));
    if (body.includes('/_astro/'))
      for (const ref of scanHtml(body).refs)
        if (ref.url.startsWith('/_astro/')) filled.assets.push(ref.url.split(/[?#]/)[0]!);
    out += html.slice(at, slot.innerStart) + body;
    at = slot.innerEnd;
  }
  if (at === 0) return undefined;
  await replaceFile(join(room, page.path), withBorrowedStyles(out + html.slice(at), styles));
  return filled;
}

/** Whether every public page a fill read is still the same file, unchanged, in `site`. */
export async function stillTheSame(site: string, stamps: readonly PublicStamp[]): Promise<boolean> {
  for (const stamp of stamps) {
    const now = await stat(join(site, stamp.file)).catch(() => undefined);
    if (!now || !sameFile(stamp, now)) return false;
  }
  return true;
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

/**
 * The body of entry `id` on its public page, the page and how it was on disk, or what is wrong
 * with the page. A page still being written is "not whole yet".
 */
async function readPublicBody(
  site: string,
  id: string,
): Promise<{ body: string; page: string; stamp: PublicStamp } | { problem: string }> {
  const file = publicBodyPage(id);
  const whole = await readWholeFile(join(site, file));
  if (whole === 'missing') return { problem: 'does not exist' };
  if (whole === 'partial') return { problem: 'is not whole yet' };
  const body = publicBodyOf(whole.text, id);
  return body === undefined
    ? { problem: `has no element with ${PUBLIC_BODY_ATTRIBUTE}="${id}"` }
    : { body, page: whole.text, stamp: { file, ...whole.stamp } };
}
