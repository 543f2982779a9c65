/**
 * The claim-hygiene rule list: words and shapes that make a marketing claim. A sentence that
 * matches one must carry a GFM footnote reference `[^id]` whose definition contains a link or
 * a repo path (see README, rule `claim`). Edit this list to tighten or relax the policy; to
 * mention a banned word without claiming it (a style guide), put it in backticks.
 */
export interface ClaimRule {
  /** Short name shown in messages. */
  id: string;
  pattern: RegExp;
  /** Why it needs a source. */
  why: string;
  /** Words just before a match that make it a specification rather than a claim. */
  exemptAfter?: RegExp;
}

/** The rules, in the order they are reported. Patterns are case-insensitive and global. */
export const CLAIM_RULES: readonly ClaimRule[] = [
  {
    id: 'only',
    pattern:
      /\b(?:the only|only)\s+(?:[\w-]+\s+)?(?:platforms?|products?|tools?|solutions?|vendors?|company|companies|orchestrators?|systems?|options?)\b|\bonly one (?:that|to|with)\b/gi,
    why: 'exclusivity',
  },
  {
    id: 'first',
    pattern:
      /\b(?:the|our|world'?s|industry'?s)\s+first\s+(?:[\w-]+\s+)?(?:platforms?|products?|tools?|solutions?|vendors?|company|to)\b|\bfirst[- ]ever\b|\bindustry[- ]first\b|\bfirst[- ]mover\b/gi,
    why: 'priority',
  },
  {
    id: 'compliance',
    pattern: /\bSOC\s?[12]\b|\bISO\s?27001\b|\bHIPAA\b|\bFedRAMP\b|\bGDPR[- ]compliant\b/gi,
    why: 'certification',
  },
  {
    id: 'comparison',
    pattern: /\b(?:better|faster|cheaper|safer|more secure|more reliable)\s+than\b/gi,
    why: 'comparison with others',
  },
  { id: 'guarantee', pattern: /\bguarantee[ds]?\b/gi, why: 'guarantee' },
  {
    id: 'superlative',
    pattern:
      /\b(?:fastest|cheapest|most secure|most advanced|best[- ]in[- ]class|world[- ]class|industry[- ]leading|market[- ]leading)\b/gi,
    why: 'superlative',
  },
  {
    id: 'percentage',
    pattern: /(?<![+\-±\w.])\d+(?:\.\d+)?\s?%/g,
    why: 'statistic',
    exemptAfter:
      /\b(?:top|bottom|left|right|within|zoom|scale|opacity|volume|rate|speed|width|height|margin|padding|crop|tolerance|at)\W+(?:\w+\W+)?$/i,
  },
  {
    id: 'multiplier',
    pattern: /\b\d+(?:\.\d+)?\s?[x×]\s+(?:faster|cheaper|more|less|fewer|smaller)\b/gi,
    why: 'statistic',
  },
  {
    id: 'adoption',
    pattern:
      /\b\d[\d,.]*\s?[kKmM]?\+?\s+(?:GitHub\s+)?(?:stars|customers|users|teams|companies|developers|downloads|installs)\b/g,
    why: 'adoption figure',
  },
  { id: 'latency', pattern: /\bsub-\d+\s?(?:ms|milliseconds?)\b/gi, why: 'performance figure' },
];
