// Test helper: runs the build checks on a fixture tree and returns its findings.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Issue } from '../../core/issue.ts';
import { ALL_CHECKS } from '../../scripts/build-checks/all-checks.ts';
import { collectSources } from '../../scripts/build-checks/steps/collect.ts';
import { createRunState, runChecks } from '../../scripts/build-checks/steps/run-checks.ts';
import { readBuiltSite } from '../../scripts/build-checks/steps/built-site.ts';
import type { CheckRun } from '../../scripts/build-checks/check.ts';
import type { GeneratorPlan } from '../../core/manifest.ts';

/** Fixture trees live here. */
export const FIXTURES = join(import.meta.dirname, '../fixtures');
/** The clock fixtures are judged at (after the pass fixture's blog date, before its press embargo). */
export const FIXTURE_NOW = new Date('2026-05-01T00:00:00Z');

/**
 * Runs every rule on a fixture tree: source rules on its content/, marketing/ and public/, then
 * (when it has `built/`) the output rules on built/public and built/internal. The tree's
 * `plan.ts` stands in for the generators' plans.
 */
export async function checkFixture(name: string): Promise<CheckRun> {
  const root = join(FIXTURES, name);
  const plan = join(root, 'plan.ts');
  const generators = existsSync(plan)
    ? [
        {
          name: 'fixture',
          file: `test/fixtures/${name}/plan.ts`,
          plan: ((await import(plan)) as { planFixture: GeneratorPlan }).planFixture,
        },
      ]
    : [];
  const sources = await collectSources(root, { now: FIXTURE_NOW, generators });
  const state = createRunState();
  const options = { external: false };
  const source = await runChecks(ALL_CHECKS, 'source', sources, options, state);
  const site = readBuiltSite(root, { public: 'built/public', internal: 'built/internal' });
  const output = site.audiences.length
    ? await runChecks(ALL_CHECKS, 'output', sources, options, state, site)
    : { issues: [], notes: [] };
  return { issues: [...source.issues, ...output.issues], notes: [...source.notes, ...output.notes] };
}

/** `file:line:col [rule] message` lines, for readable assertions. */
export function describeIssues(issues: readonly Issue[]): string[] {
  return issues.map((issue) => `${issue.file}:${issue.line}:${issue.column} [${issue.rule}] ${issue.message}`);
}
