// What every blocker rule sees: the gathered evidence and the clock embargoes are judged by.
import type { GatheredEvidence } from '../steps/gather-evidence.ts';
import type { LocatedProbe } from '../steps/probe-live-site.ts';
import type { Finding } from '../lib/blocker.ts';

/** Inputs of one rule. */
export interface RuleContext {
  evidence: GatheredEvidence;
  now: Date;
  /** What the live site answered, when `--site` was given. */
  site?: LocatedProbe[];
}

/** One blocker rule: evidence in, findings out. */
export type BlockerRule = (context: RuleContext) => Finding[];
