// Stage: the output rules on a built tree (staged or dist/), with issues named as the user knows the files.
import type { Issue } from '../../../core/issue.ts';
import type { Check, CheckOptions } from '../check.ts';
import type { Sources } from './collect.ts';
import { readBuiltSite, DIST_DIRS } from './built-site.ts';
import { runChecks, type RunState } from './run-checks.ts';

// Output issues name the temporary tree; the user knows it as dist/.
export function renameTemp(issue: Issue, tempRel: string): Issue {
  const rename = (text: string) => text.split(`${tempRel}/`).join('dist/');
  return {
    ...issue,
    file: rename(issue.file),
    message: rename(issue.message),
    ...(issue.hint ? { hint: rename(issue.hint) } : {}),
  };
}

/**
 * Runs the output rules on the audience folders `dirs` (every rule is per site, so the sites can
 * be checked apart: `audiences`, default both); a missing folder is an error. The time goes to
 * `timings.outputChecks`.
 */
export async function checkBuiltSite(
  checks: readonly Check[],
  sources: Sources,
  options: CheckOptions & { root: string },
  state: RunState,
  dirs: Record<'public' | 'internal', string>,
  timings: Record<string, number>,
  audiences: ReadonlyArray<'public' | 'internal'> = ['public', 'internal'],
) {
  const started = performance.now();
  const site = readBuiltSite(options.root, Object.fromEntries(audiences.map((audience) => [audience, dirs[audience]])));
  const missing: Issue[] = [];
  for (const audience of audiences) {
    if (!site.audiences.some((built) => built.audience === audience)) {
      missing.push({
        file: DIST_DIRS[audience],
        line: 1,
        column: 1,
        rule: 'out-link',
        severity: 'error',
        message: `${DIST_DIRS[audience]} does not exist`,
        hint: 'run npm run build',
      });
    }
  }
  const output = await runChecks(checks, 'output', sources, options, state, site);
  timings.outputChecks = Math.round(performance.now() - started);
  return { issues: [...missing, ...output.issues], notes: output.notes };
}
