// The shape of one build-check rule and of the context it reports problems to.
import type { Issue, Severity } from '../../core/issue.ts';
import type { Sources } from './steps/collect.ts';
import type { BuiltSite } from './steps/built-site.ts';

/** `source` checks read content/, marketing/ and public/; `output` checks read dist/ after Astro. */
export type Phase = 'source' | 'output';

/** What a check hands to `report`: a location as an offset into a known file, or as line and column. */
export interface Finding {
  file: string;
  /** Character offset into the file's text (converted to line:col by the context). */
  offset?: number;
  line?: number;
  column?: number;
  /** Defaults to the reporting check's id. */
  rule?: string;
  severity?: Severity;
  message: string;
  hint?: string;
}

/** Options the command line passes through to checks. */
export interface CheckOptions {
  /** Fetch external links (cached) instead of skipping them. */
  external: boolean;
}

/** Everything a check may read, plus the two ways it talks back. */
export interface CheckContext {
  sources: Sources;
  /** Present for `output` checks only. */
  site?: BuiltSite;
  options: CheckOptions;
  report(finding: Finding): void;
  /** A visible remark that is not a problem (e.g. a check that could not run fully). */
  note(text: string): void;
  /** Computes a value once per run and shares it between checks (e.g. the reference graph). */
  memo<Value>(key: string, compute: () => Value): Value;
}

/** One rule: its id (as printed in `[rule]` and documented in README), when it runs, and what it does. */
export interface Check {
  id: string;
  phase: Phase;
  description: string;
  run(ctx: CheckContext): void | Promise<void>;
}

/** The outcome of running checks: issues (unsorted) and notes. */
export interface CheckRun {
  issues: Issue[];
  notes: string[];
}
