import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FactsSchema, type Facts } from '../../src/schemas/facts.ts';

/** Repo-relative path of the facts file. */
export const FACTS_PATH = 'content/facts.yaml';

/** Loads and validates content/facts.yaml; errors name the file and the key. */
export function loadFacts(root = process.cwd()): Facts {
  const text = readFileSync(join(root, FACTS_PATH), 'utf8');
  const parsed = FactsSchema.safeParse(parse(text));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${FACTS_PATH}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(lines.join('\n'));
  }
  return parsed.data;
}

/** Reads a dotted path such as `liveness.offlineAfterSeconds` from the facts. */
export function factAt(facts: Facts, key: string): unknown {
  return key.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], facts);
}
