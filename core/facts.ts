// The one reader of content/facts.yaml: validated, located problems, cached per root until the file changes.
import { join } from 'node:path';
import { FactsSchema, type Facts } from './schemas/facts.ts';
import { readYamlFile, type YamlFile } from './yaml-file.ts';
import { readWhileUnchanged } from './file-memo.ts';

/** Repo-relative path of the facts file. */
export const FACTS_PATH = 'content/facts.yaml';

/**
 * Reads content/facts.yaml under `root` once per process while it is unchanged: every page renders
 * several `<Fact>`, `<Route>` and canonical URLs, and the checks, the demo and the site all ask for
 * it; `astro dev` sees an edit at once (core/file-memo.ts). A missing file is reported as a
 * `schema` issue. Treat the result as read-only.
 */
export function readFacts(root = process.cwd()): YamlFile<Facts> {
  return readWhileUnchanged(join(root, FACTS_PATH), () => {
    const file = readYamlFile(root, FACTS_PATH, FactsSchema, 'schema');
    if (!file.exists) {
      file.issues.push({
        file: FACTS_PATH,
        line: 1,
        column: 1,
        rule: 'schema',
        severity: 'error',
        message: 'facts file is missing',
        hint: 'every launch needs content/facts.yaml',
      });
    }
    return file;
  });
}

/** The validated facts; throws one line per problem (`content/facts.yaml:3:5 key: message`) when missing or invalid. */
export function loadFacts(root = process.cwd()): Facts {
  const { data, issues } = readFacts(root);
  if (data) return data;
  throw new Error(issues.map((issue) => `${issue.file}:${issue.line}:${issue.column} ${issue.message}`).join('\n'));
}

/** Reads a dotted path such as `liveness.offlineAfterSeconds` from the facts. */
export function factAt(facts: Facts, key: string): unknown {
  return key.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], facts);
}
