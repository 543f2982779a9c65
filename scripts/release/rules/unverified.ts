// Sources that proved nothing (command missing, crashed, or no recorded run): the launch cannot be called ready without them.
import { findingAt, type Finding } from '../lib/blocker.ts';
import type { RuleContext } from './rule.ts';

/** One blocker per unverified source, located at its command. */
export function findUnverifiedSources({ evidence }: RuleContext): Finding[] {
  return evidence.outcomes
    .filter((outcome) => outcome.unverified)
    .map((outcome) => {
      const command = outcome.command ?? outcome.kind;
      const fix = outcome.unverified!.includes('is not available') ? `add the script to package.json (it lands with its issue), then npm run release` : `run ${command} by hand, fix what stops it, then npm run release`;
      return findingAt('unverified', command, outcome.unverified!, fix);
    });
}
