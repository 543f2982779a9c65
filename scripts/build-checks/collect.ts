import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { readContent, type ContentFile } from '../lib/content-files.ts';
import { FACTS_PATH } from '../lib/load-facts.ts';
import { MANIFEST_PATH, ManifestSchema, type Manifest } from '../lib/manifest.ts';
import { createLocator } from '../lib/source-location.ts';
import type { Issue } from '../lib/issue.ts';
import { FactsSchema, type Facts } from '../../src/schemas/facts.ts';
import { deriveSiteRoutes, type SiteRoutes } from './site-routes.ts';
import { listRepoFiles, type RepoFiles } from './repo-files.ts';
import { loadGeneratorPlans, GENERATORS, type Generator, type PlanResult } from './generator-plans.ts';
import { offsetOfYamlPath } from '../lib/yaml-path.ts';

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
}

/** Options for {@link collectSources}. */
export interface CollectOptions {
  now?: Date;
  /** Generators whose plans the stale check compares with (default: tts, assets, demo). */
  generators?: readonly Generator[];
}

function loadYaml<Data>(
  root: string,
  file: string,
  schema: { safeParse(value: unknown): { success: true; data: Data } | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } } },
  rule: string,
  issues: Issue[],
  locate: (file: string, offset: number) => { line: number; column: number },
): { data: Data | undefined; doc: Document | undefined } {
  if (!existsSync(join(root, file))) return { data: undefined, doc: undefined };
  const text = readFileSync(join(root, file), 'utf8');
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      issues.push({ file, ...locate(file, error.pos[0]), rule, severity: 'error', message: `cannot parse: ${error.message.split('\n')[0]}` });
    }
    return { data: undefined, doc: undefined };
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return { data: parsed.data, doc };
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
    issues.push({ file, ...locate(file, offsetOfYamlPath(doc, path)), rule, severity: 'error', message: `${path.join('.') || '(root)'}: ${issue.message}` });
  }
  return { data: undefined, doc };
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
  if (!existsSync(join(root, FACTS_PATH))) {
    loadIssues.push({ file: FACTS_PATH, line: 1, column: 1, rule: 'schema', severity: 'error', message: 'facts file is missing', hint: 'every launch needs content/facts.yaml' });
  }
  const facts = loadYaml<Facts>(root, FACTS_PATH, FactsSchema, 'schema', loadIssues, locate);
  const manifest = loadYaml<Manifest>(root, MANIFEST_PATH, ManifestSchema, 'manifest', loadIssues, locate);
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
  };
}
