// The routes each audience's build will have, derived from src/routes and the content, for the link rules.
import { join, relative } from 'node:path';
import type { ContentFile } from '../../../core/content-files.ts';
import { listFiles } from '../../../core/list-files.ts';
import { explainUnpublishable, type PublishableFields } from '../../../core/publishable.ts';
import { pathForEntry, pathForTag, ogImagePath, patternFor } from '../../../core/site-urls.ts';
import { LAUNCH_ROOM_SECTIONS, launchRoomPath, launchRoomSectionPath } from '../../../core/launch-room-kinds.ts';

/** Which of the two builds a path belongs to. */
export type Audience = 'public' | 'internal';

/** The pages (and generated endpoints such as /rss.xml) one build will contain, known without building. */
export interface RouteSet {
  /** Normalised paths (`/blog/x/`, `/rss.xml`). */
  paths: Set<string>;
  /** Dynamic route files we cannot expand from content; anything they could match is accepted. */
  wildcards: Array<{ pattern: string; regex: RegExp }>;
}

/** Both builds' routes, plus why a content page is missing from the public one. */
export interface SiteRoutes {
  public: RouteSet;
  internal: RouteSet;
  /** Public-site path of a content entry that is held back → the entry id and why. */
  heldBack: Map<string, { id: string; reason: string }>;
}

const ROUTES_DIR = 'src/routes';
/** Files the public build's integrations write besides pages. */
const PUBLIC_GENERATED = ['/sitemap-index.xml', '/sitemap-0.xml'];

/**
 * Normalises a site path for lookup: no query or fragment, decoded, and a trailing slash on
 * page paths (those without a file extension), matching Astro's `build.format: 'directory'`.
 */
export function normalizeSitePath(path: string): string {
  let clean = path.split(/[?#]/)[0]!;
  try {
    clean = decodeURI(clean);
  } catch {
    // A malformed escape stays as written; the lookup then simply fails.
  }
  if (!clean.startsWith('/')) clean = `/${clean}`;
  clean = clean.replace(/\/{2,}/g, '/').replace(/\/index\.html$/, '/');
  if (/\.[a-z0-9]+$/i.test(clean)) return clean;
  return clean.endsWith('/') ? clean : `${clean}/`;
}

/** True when the path is a page or file the build will produce (or a dynamic route could). */
export function routeExists(routes: RouteSet, path: string): boolean {
  const normal = normalizeSitePath(path);
  return routes.paths.has(normal) || routes.wildcards.some(({ regex }) => regex.test(normal));
}

function listRouteFiles(dir: string): string[] {
  return listFiles(dir, { patterns: ['**/*.{astro,ts,js,md,mdx}'] }).map((file) => join(dir, file));
}

function patternToPath(pattern: string): string {
  return normalizeSitePath(pattern === '/' ? '/' : pattern);
}

function patternToRegex(pattern: string): RegExp {
  const source = patternToPath(pattern)
    .split(/(\[\.\.\.[^\]]+\]|\[[^\]]+\])/)
    .map((part) =>
      part.startsWith('[...') ? '.*' : part.startsWith('[') ? '[^/]+' : part.replace(/[.*+?^${}()|\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${source}$`);
}

/**
 * Expands a dynamic route file from content where the site's URL helpers say what it renders
 * (posts, tags, OG cards, launch-room sections and entries); returns undefined otherwise.
 */
function expandPattern(
  pattern: string,
  audience: Audience,
  entries: readonly ContentFile[],
  dirs: readonly string[],
): string[] | undefined {
  const shape = pattern.replace(/\[\.\.\.[^\]]+\]|\[[^\]]+\]/g, '*');
  const blog = entries.filter((entry) => entry.collection === 'blog');
  if (shape === '/blog/*') return blog.map((entry) => pathForEntry(entry.id));
  if (shape === '/blog/tags/*')
    return [...new Set(blog.flatMap((entry) => (entry.data?.tags as string[] | undefined) ?? []))].map(pathForTag);
  const dir = /^\/([\w-]+)\/\*$/.exec(shape)?.[1];
  if (dir && dirs.includes(dir))
    return entries.filter((entry) => entry.id.startsWith(`${dir}/`)).map((entry) => pathForEntry(entry.id));
  if (audience === 'internal' && shape === '/*') return dirs.map(launchRoomSectionPath);
  if (audience === 'internal' && shape === '/*/*') return entries.map((entry) => launchRoomPath(entry.id));
  return undefined;
}

function buildRouteSet(root: string, audience: Audience, entries: readonly ContentFile[]): RouteSet {
  const paths = new Set<string>();
  const wildcards: RouteSet['wildcards'] = [];
  const dirs = LAUNCH_ROOM_SECTIONS.map((section) => section.dir);
  const audienceDir = join(root, ROUTES_DIR, audience);
  for (const file of listRouteFiles(audienceDir)) {
    const pattern = patternFor(file, audienceDir);
    if (!pattern.includes('[')) {
      paths.add(patternToPath(pattern));
      continue;
    }
    const expanded = expandPattern(pattern, audience, entries, dirs);
    if (expanded) for (const path of expanded) paths.add(normalizeSitePath(path));
    else wildcards.push({ pattern: `${relative(root, file)} (${pattern})`, regex: patternToRegex(pattern) });
  }
  paths.add('/');
  if (audience === 'public') {
    // Posts, their index, tag pages and share cards (src/integrations/share-cards.ts), and guides
    // (Starlight renders those without a route file of ours).
    const blog = entries.filter((entry) => entry.collection === 'blog');
    for (const entry of entries)
      if (entry.collection === 'docs' || entry.collection === 'blog') paths.add(pathForEntry(entry.id));
    for (const entry of blog) paths.add(ogImagePath(entry.id));
    if (blog.length > 0) paths.add('/blog/');
    for (const tag of new Set(blog.flatMap((entry) => (entry.data?.tags as string[] | undefined) ?? [])))
      paths.add(pathForTag(tag));
    for (const path of PUBLIC_GENERATED) paths.add(path);
  } else {
    // The launch room has a page for every kind and every entry.
    for (const dir of dirs) paths.add(launchRoomSectionPath(dir));
    for (const entry of entries) paths.add(launchRoomPath(entry.id));
  }
  return { paths, wildcards };
}

/**
 * Derives both builds' routes from content and src/routes/<audience>/, so links can be checked
 * on sources without running Astro. The public set only includes publishable entries.
 */
export function deriveSiteRoutes(root: string, content: readonly ContentFile[], now: Date): SiteRoutes {
  const heldBack = new Map<string, { id: string; reason: string }>();
  const publishable = content.filter((entry) => {
    if (!entry.data) return false;
    const reason = explainUnpublishable(entry.data as unknown as PublishableFields, now);
    if (reason !== undefined) heldBack.set(normalizeSitePath(pathForEntry(entry.id)), { id: entry.id, reason });
    return reason === undefined;
  });
  const valid = content.filter((entry) => entry.data);
  return {
    public: buildRouteSet(root, 'public', publishable),
    internal: buildRouteSet(root, 'internal', valid),
    heldBack,
  };
}
