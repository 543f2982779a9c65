// Reads content/ files as plain Node sees them: frontmatter validated with the kind's schema, problems located.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { offsetOfYamlPath } from './yaml-path.ts';
import { CONTENT_KINDS, type CollectionName } from './schemas/kinds.ts';
import { createLocator } from './source-location.ts';
import type { Issue } from './issue.ts';
import { describeSchemaIssue } from './schema-issue.ts';

/** One content file as plain-Node scripts see it: frontmatter validated with the kind's schema. */
export interface ContentFile<Data = Record<string, unknown>> {
  collection: CollectionName;
  /** `<folder>/<name>`, the same id Astro uses. */
  id: string;
  /** Repo-relative path. */
  file: string;
  /** Whole file text. */
  text: string;
  /** Parsed, validated and normalised frontmatter (undefined when invalid). */
  data: Data | undefined;
  /** Markdown/MDX after the frontmatter. */
  body: string;
  /** Offset of the body in `text`. */
  bodyOffset: number;
  /** Offset in `text` of a frontmatter key path such as `posts.2.text` (value start), if present. */
  offsetOf(path: readonly (string | number)[], atKey?: boolean): number | undefined;
  /** Schema and YAML problems, each with file, line and column. */
  issues: Issue[];
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** Reads one file of a collection and validates it. */
export function readContentFile(root: string, collection: CollectionName, file: string): ContentFile {
  const text = readFileSync(join(root, file), 'utf8');
  const locate = createLocator(text);
  const match = FRONTMATTER.exec(text);
  const yamlStart = 4;
  const issues: Issue[] = [];
  const at = (offset: number) => locate(offset);
  // Offset 0 is line 1, column 1: a problem with no better place is reported at the file's start.
  const schemaIssue = (offset: number, message: string, hint?: string): Issue => ({
    file,
    ...at(offset),
    rule: 'schema',
    severity: 'error',
    message,
    ...(hint ? { hint } : {}),
  });
  const name = file
    .split('/')
    .pop()!
    .replace(/\.(md|mdx)$/, '');
  const id = `${CONTENT_KINDS[collection].dir}/${name}`;
  if (!match) {
    issues.push(schemaIssue(0, 'missing frontmatter (--- … ---)'));
    return {
      collection,
      id,
      file,
      text,
      data: undefined,
      body: text,
      bodyOffset: 0,
      offsetOf: () => undefined,
      issues,
    };
  }
  const doc = parseDocument(match[1]!, { uniqueKeys: true, prettyErrors: false, schema: 'core' });
  for (const error of [...doc.errors, ...doc.warnings]) {
    issues.push(schemaIssue(yamlStart + (error.pos?.[0] ?? 0), `YAML: ${error.message.split('\n')[0]}`));
  }
  const offsetOf = (path: readonly (string | number)[], atKey = false): number | undefined =>
    yamlStart + offsetOfYamlPath(doc, path, atKey);
  let data: Record<string, unknown> | undefined;
  if (issues.length === 0) {
    const input = doc.toJS({ maxAliasCount: 0 }) ?? {};
    const parsed = CONTENT_KINDS[collection].schema.safeParse(input);
    if (parsed.success) data = parsed.data as Record<string, unknown>;
    else {
      for (const zodIssue of parsed.error.issues) {
        // An unknown key is reported where the key itself is written, not at its parent.
        const path = zodIssue.code === 'unrecognized_keys' ? [...zodIssue.path, zodIssue.keys[0]!] : zodIssue.path;
        const offset = offsetOf(path as (string | number)[], zodIssue.code === 'unrecognized_keys') ?? yamlStart;
        const { message, hint } = describeSchemaIssue(zodIssue, CONTENT_KINDS[collection].schema, input);
        issues.push(schemaIssue(offset, message, hint));
      }
    }
  }
  const bodyOffset = match[0].length;
  return { collection, id, file, text, data, body: text.slice(bodyOffset), bodyOffset, offsetOf, issues };
}

/** Reads every file of the given collections (all by default), sorted by path. */
export function readContent(root: string, collections = Object.keys(CONTENT_KINDS) as CollectionName[]): ContentFile[] {
  return collections.flatMap((collection) => {
    const dir = join('content', CONTENT_KINDS[collection].dir);
    if (!existsSync(join(root, dir))) return [];
    return readdirSync(join(root, dir))
      .filter((name) => /\.(md|mdx)$/.test(name) && !name.startsWith('_'))
      .sort()
      .map((name) => readContentFile(root, collection, `${dir}/${name}`));
  });
}
