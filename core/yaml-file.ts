// Reads a YAML data file and validates it with a zod schema, every problem located at file:line:col.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import type { Issue } from './issue.ts';
import { createLocator } from './source-location.ts';
import { offsetOfYamlPath } from './yaml-path.ts';

/** The part of a zod schema this reader needs (any schema's `safeParse` fits). */
export interface SafeParser<Data> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: Data }
    | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };
}

/** A YAML file as read: data when valid, the document when it parsed, located problems otherwise. */
export interface YamlFile<Data> {
  /** Undefined when the file is missing, does not parse or breaks its schema. */
  data: Data | undefined;
  /** The parsed document (undefined when missing or unparsable), for locating key paths. */
  doc: Document | undefined;
  /** False when the file does not exist (no issue is reported for that). */
  exists: boolean;
  issues: Issue[];
}

/** Reads `root/file` and validates it; problems carry `rule` and the line and column of the key they concern. */
export function readYamlFile<Data>(root: string, file: string, schema: SafeParser<Data>, rule: string): YamlFile<Data> {
  if (!existsSync(join(root, file))) return { data: undefined, doc: undefined, exists: false, issues: [] };
  const text = readFileSync(join(root, file), 'utf8');
  const locate = createLocator(text);
  const issues: Issue[] = [];
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      issues.push({
        file,
        ...locate(error.pos[0]),
        rule,
        severity: 'error',
        message: `cannot parse: ${error.message.split('\n')[0]}`,
      });
    }
    return { data: undefined, doc: undefined, exists: true, issues };
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return { data: parsed.data, doc, exists: true, issues };
  for (const issue of parsed.error.issues) {
    const path = issue.path.map((part) => (typeof part === 'number' ? part : String(part)));
    issues.push({
      file,
      ...locate(offsetOfYamlPath(doc, path)),
      rule,
      severity: 'error',
      message: `${path.join('.') || '(root)'}: ${issue.message}`,
    });
  }
  return { data: undefined, doc, exists: true, issues };
}
