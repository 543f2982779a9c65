import { statSync } from 'node:fs';
import { join } from 'node:path';
import { FACTS_PATH, loadFacts } from '../../scripts/lib/load-facts.ts';
import type { Facts } from '../schemas/facts.ts';

let remembered: { root: string; stamp: string; facts: Facts } | undefined;

/**
 * {@link loadFacts} read once per process instead of once per component: every page renders
 * several `<Fact>`, `<Route>`, layouts and canonical URLs, and parsing and validating the YAML
 * each time cost more than rendering the page. The file's size and modification time are checked
 * on every call, so `astro dev` still sees an edit at once. Treat the result as read-only.
 */
export function siteFacts(root = process.cwd()): Facts {
  const info = statSync(join(root, FACTS_PATH), { throwIfNoEntry: false });
  const stamp = info ? `${info.mtimeMs}:${info.size}` : 'missing';
  if (remembered && remembered.root === root && remembered.stamp === stamp) return remembered.facts;
  // loadFacts reports a missing or invalid file with its own clear message.
  const facts = loadFacts(root);
  remembered = { root, stamp, facts };
  return facts;
}
