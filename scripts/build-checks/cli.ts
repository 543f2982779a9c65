// `npm run check` / `npm run build`: the only file of build-checks that reads argv/env, prints and sets the exit code.
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseBuildNow } from '../../core/publishable.ts';
import { formatAnnotations } from '../lib/cli/annotations.ts';
import { enableCompileCache } from '../lib/cli/compile-cache.ts';
import { runLocked } from '../lib/cli/locked-run.ts';
import { findRepoRoot } from '../lib/cli/repo-root.ts';
import { runCommand } from '../lib/cli/run-command.ts';
import { envIssue, usageIssue } from '../lib/cli/usage-issue.ts';
import type { Issue } from '../../core/issue.ts';
import { runCheckPipeline } from './check-pipeline.ts';
import { runBuildPipeline } from './pipeline.ts';
import { formatJsonReport, formatStepSummary, formatTextReport, type Report } from './steps/report.ts';

const USAGE = `usage: node scripts/build-checks/cli.ts <check|build> [--format text|json] [--external] [--root <dir>] [--skip-astro] [--force] [--no-wait]

  check         source rules only (schema, mdx, asset, link, manifest, unused, draft-asset, len, claim,
                fact, duration, placeholder, secret); no build
  build         source rules, then astro build (public, internal) into a temporary sibling of dist/, then
                truncated, out-link, secret and leak on it; dist/ is replaced only when everything passed
  --format      text (default: path:line:col [rule] message — hint) or json
  --external    also fetch external links (cached in node_modules/.cache/build-checks/)
  --root        repo root to check (default: the checkout containing the current directory)
  --skip-astro  build only: check the existing dist/ without running Astro
  --force       build only: build both sites with Astro, content cache dropped (astro build --force). By
                default a site whose inputs all match the last good build's (dist/build-inputs.json) is
                linked from that build and checked again instead of built
  --no-wait     build only: fail at once if another run holds the checkout lock instead of waiting
  --verbose     print every warning (default: one line per kind with its count)
env: BUILD_NOW pins the clock embargoes are judged against; CI / GITHUB_ACTIONS add ::error annotations`;

interface BuildCliOptions {
  command: 'check' | 'build';
  format: 'text' | 'json';
  external: boolean;
  root: string;
  skipAstro: boolean;
  force: boolean;
  noWait: boolean;
  verbose: boolean;
  now: Date;
}

function print(report: Report, format: 'text' | 'json', verbose: boolean): void {
  process.stdout.write(format === 'json' ? formatJsonReport(report) : formatTextReport(report, { verbose }));
  if (process.env.CI || process.env.GITHUB_ACTIONS) {
    const annotations = formatAnnotations(report.issues);
    if (annotations.length) process.stderr.write(`${annotations.join('\n')}\n`);
  }
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, formatStepSummary(report));
  const timings = report.timings ?? {};
  // The audiences overlap, so `astro` (their combined wall time) is used when present.
  const astro =
    timings.astro ??
    Object.entries(timings)
      .filter(([key]) => key.startsWith('astro:'))
      .reduce((sum, [, ms]) => sum + ms, 0);
  if (format === 'text' && astro > 0) {
    const checks = (timings.sourceChecks ?? 0) + (timings.outputChecks ?? 0);
    process.stdout.write(
      `timing: astro ${(astro / 1000).toFixed(1)} s, checks ${(checks / 1000).toFixed(1)} s (${Math.round((checks / (astro + checks)) * 100)} % of the build)\n`,
    );
  }
}

// The pipeline loads its rules after starting Astro; with the cache they load in two thirds of the time.
enableCompileCache();

await runCommand<BuildCliOptions>({
  name: 'build-checks',
  usage: USAGE,
  allowPositionals: true,
  options: {
    format: { type: 'string', default: 'text' },
    external: { type: 'boolean', default: false },
    root: { type: 'string' },
    'skip-astro': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    'no-wait': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
  parse({ values, positionals, env }) {
    const issues: Issue[] = [];
    const command = positionals[0];
    if ((command !== 'check' && command !== 'build') || positionals.length > 1)
      issues.push(usageIssue('argv', `unknown command "${positionals.join(' ')}"`, 'use check or build'));
    if (values.format !== 'text' && values.format !== 'json')
      issues.push(usageIssue('--format', `must be text or json, got "${values.format}"`));
    let now = new Date();
    try {
      now = parseBuildNow(env.BUILD_NOW);
    } catch (error) {
      issues.push(envIssue('BUILD_NOW', (error as Error).message, 'an ISO date such as 2026-04-20T13:00:00Z'));
    }
    if (issues.length) return { issues };
    const root = typeof values.root === 'string' ? resolve(values.root) : findRepoRoot(process.cwd());
    const options = {
      command: command as 'check' | 'build',
      format: values.format as 'text' | 'json',
      external: values.external === true,
      root,
      skipAstro: values['skip-astro'] === true,
      force: values.force === true,
      noWait: values['no-wait'] === true,
      verbose: values.verbose === true,
      now,
    };
    return { options };
  },
  async run(options, { signal, stderr }) {
    // In JSON mode stdout is the report, so Astro's own output goes to stderr.
    const pipeline = {
      root: options.root,
      now: options.now,
      external: options.external,
      skipAstro: options.skipAstro,
      force: options.force,
      signal,
      echo: options.format === 'json' ? process.stderr : process.stdout,
    };
    if (options.command === 'check') {
      const report = await runCheckPipeline(pipeline);
      print(report, options.format, options.verbose);
      return { issues: report.issues, printed: true };
    }
    let report: Report | undefined;
    const lockIssues = await runLocked(
      options.root,
      { command: 'npm run build', noWait: options.noWait, signal, stderr },
      async () => {
        report = await runBuildPipeline(pipeline);
        return report.issues;
      },
    );
    report ??= { issues: lockIssues, notes: ['dist/ kept from the last good build'] };
    print(report, options.format, options.verbose);
    return { issues: report.issues, printed: true };
  },
});
