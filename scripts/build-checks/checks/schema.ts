// Rule `schema`: frontmatter, content/facts.yaml and marketing/manifest.json are valid, problems at their keys.
import type { Check } from '../check.ts';

/**
 * Frontmatter matches its kind's strict schema (misspelled or unknown keys included), and the
 * facts file and manifest parse. The problems were found while loading; this reports them.
 */
export const schemaCheck: Check = {
  id: 'schema',
  phase: 'source',
  description: 'frontmatter per kind, content/facts.yaml and marketing/manifest.json are valid',
  run(ctx) {
    for (const entry of ctx.sources.content) {
      for (const issue of entry.issues) ctx.report({ ...issue });
    }
    for (const issue of ctx.sources.loadIssues) ctx.report({ ...issue });
  },
};
