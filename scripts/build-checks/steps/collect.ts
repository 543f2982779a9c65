// Stage: loads content, facts, manifest, files, routes and generator plans once per run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from 'yaml';
import { readContent, type ContentFile } from '../../../core/content-files.ts';
import { readFacts } from '../../../core/facts.ts';
import { readYamlFile } from '../../../core/yaml-file.ts';
import { MANIFEST_PATH, ManifestSchema, type Manifest } from '../../../core/manifest.ts';
import { createLocator } from '../../../core/source-location.ts';
import type { Issue } from '../../../core/issue.ts';
import type { Facts } from '../../../core/schemas/facts.ts';
import { deriveSiteRoutes, type SiteRoutes } from '../lib/site-routes.ts';
import { listRepoFiles, type RepoFiles } from '../lib/repo-files.ts';
import { loadGeneratorPlans, GENERATORS, type Generator, type PlanResult } from '../lib/generator-plans.ts';

/** Everything the source checks read, loaded once per run from a repo (or fixture) root. */
export interface Sources {
  root: string;
  /** The build clock embargoes are judged against. */
  now: Date;
  content: ContentFile[];
  /** Content by id (`blog/x`, `voiceovers/y`). */
  entries: Map<string, ContentFile>;
  /** Undefined when content/facts.yaml is missing or invalid (reported as `schema`). */
  facts: Facts | undefined;
  factsDoc: Document | undefined;
  manifest: Manifest;
  manifestDoc: Document | undefined;
  files: RepoFiles;
  routes: SiteRoutes;
  plans: PlanResult;
  /** Problems found while loading (facts or manifest unreadable), already located. */
  loadIssues: Issue[];
  /** Converts an offset into a known file's text to line and column. */
  locate(file: string, offset: number): { line: number; column: number };
  /** Text of a file the checks read (content, facts, manifest, or any repo file). */
  textOf(file: string): string;
  /** Records `text` as the text of `file`, read elsewhere (a built page read while Astro wrote it). */
  remember(file: string, text: string): void;
}

/** Options for {@link collectSources}. */
export interface CollectOptions {
  now?: Date;
  /** Generators whose plans the stale check compares with (default: tts, assets, demo). */
  generators?: readonly Generator[];
}

/** Loads content, facts, the manifest, files on disk, routes and generator plans for the checks. */
export async function collectSources(root: string, options: CollectOptions = {}): Promise<Sources> {
  const now = options.now ?? new Date();
  const texts = new Map<string, string>();
  const locators = new Map<string, (offset: number) => { line: number; column: number }>();
  const textOf = (file: string): string => {
    let text = texts.get(file);
    if (text === undefined) {
      text = existsSync(join(root, file)) ? readFileSync(join(root, file), 'utf8') : '';
      texts.set(file, text);
    }
    return text;
  };
  const locate = (file: string, offset: number) => {
    let locator = locators.get(file);
    if (!locator) locators.set(file, (locator = createLocator(textOf(file))));
    return locator(offset);
  };
  const content = readContent(root);
  for (const entry of content) texts.set(entry.file, entry.text);
  const loadIssues: Issue[] = [];
  const facts = readFacts(root);
  const manifest = readYamlFile<Manifest>(root, MANIFEST_PATH, ManifestSchema, 'manifest');
  loadIssues.push(...facts.issues, ...manifest.issues);
  return {
    root,
    now,
    content,
    entries: new Map(content.map((entry) => [entry.id, entry])),
    facts: facts.data,
    factsDoc: facts.doc,
    manifest: manifest.data ?? { version: 1, entries: {} },
    manifestDoc: manifest.doc,
    files: listRepoFiles(root),
    routes: deriveSiteRoutes(root, content, now),
    plans: await loadGeneratorPlans(root, options.generators ?? GENERATORS),
    loadIssues,
    locate,
    textOf,
    remember: (file, text) => void texts.set(file, text),
  };
}
