// Live-site URLs the checklist names that did not answer 200 with the right content type (only with --site).
import type { Finding } from '../lib/blocker.ts';
import type { RuleContext } from './rule.ts';

/** One blocker per failing URL, at the line of the checklist that lists it. */
export function findLiveSiteBlockers({ site }: RuleContext): Finding[] {
  return (site ?? [])
    .filter((probe) => !probe.ok)
    .map((probe) => ({ kind: 'site-url' as const, file: probe.file, line: probe.line, column: probe.column, message: `${probe.url} ${probe.problem}`, fix: `deploy dist/public again (npm run build) and check ${probe.path} is served as ${probe.expected}` }));
}
