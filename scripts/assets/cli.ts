// `npm run assets`: the only assets file that reads argv and prints; on the shared CLI harness, under the checkout lock.
import { runLocked } from '../lib/cli/locked-run.ts';
import { findRepoRoot } from '../lib/cli/repo-root.ts';
import { runCommand } from '../lib/cli/run-command.ts';
import { usageIssue } from '../lib/cli/usage-issue.ts';
import type { Issue } from '../../core/issue.ts';
import { summarizeIssues } from '../../core/issue.ts';
import { checkAssets } from './check.ts';
import { AssetsUsageError, generateAssets } from './generate.ts';
import { outputsOf } from './jobs.ts';
import type { AssetResult } from './result.ts';

const USAGE = `usage: npm run assets [-- --force] [-- --only <name>[,<name>…]] [-- --check] [-- --no-wait]

Renders content/diagrams/*.mmd to marketing/assets/<name>.svg + .png (one Chromium session) and a
card for every social post whose image is /marketing/assets/social/<campaign>-<id>.png.
  --force        re-render even when the cache says up to date
  --only <name>  an asset name, an output path, "diagrams" or "cards" (repeatable, comma-separated)
  --check        render nothing; exit 1 if any asset is missing or stale
  --no-wait      fail at once if another run holds the checkout lock`;

interface AssetsOptions {
  force: boolean;
  check: boolean;
  noWait: boolean;
  only: string[];
}

function formatResult(result: AssetResult): string {
  const outputs = outputsOf(result.job).join(', ');
  const seconds = `${(result.ms / 1000).toFixed(1)} s`;
  if (result.status === 'up-to-date') return `  = ${outputs} up to date`;
  if (result.status === 'written') return `  ✓ ${outputs} rendered (${result.reason ?? 'stale'}) in ${seconds}`;
  return `  ✗ ${outputs} failed (${result.issues.length} ${result.issues.length === 1 ? 'problem' : 'problems'})`;
}

await runCommand<AssetsOptions>({
  name: 'assets',
  usage: USAGE,
  options: {
    force: { type: 'boolean' },
    check: { type: 'boolean' },
    'no-wait': { type: 'boolean' },
    only: { type: 'string', multiple: true },
  },
  parse({ values }) {
    if (values.check && values.force)
      return { issues: [usageIssue('--check', '--check renders nothing; it cannot be combined with --force')] };
    const only = ((values.only as string[] | undefined) ?? [])
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter(Boolean);
    return {
      options: { force: values.force === true, check: values.check === true, noWait: values['no-wait'] === true, only },
    };
  },
  async run(options, { signal, stdout, stderr }) {
    const root = findRepoRoot(process.cwd());
    const say = (line: string) => stdout.write(`${line}\n`);
    try {
      if (options.check) {
        const { checks, issues } = await checkAssets(root, options.only);
        for (const check of checks)
          say(
            `  ${check.stale ? '✗' : '='} ${outputsOf(check.job).join(', ')} ${check.stale ? `stale (${check.stale})` : 'up to date'}`,
          );
        say(
          `assets: ${checks.filter((check) => !check.stale).length} up to date, ${checks.filter((check) => check.stale).length} missing or stale; nothing rendered`,
        );
        return { issues };
      }
      const issues = await runLocked(
        root,
        { command: 'npm run assets', noWait: options.noWait, signal, stderr },
        async (): Promise<Issue[]> => {
          const report = await generateAssets({
            root,
            force: options.force,
            only: options.only,
            env: process.env,
            onResult: (result) => say(formatResult(result)),
          });
          for (const path of report.removed) say(`  - ${path} removed (no post or diagram uses it any more)`);
          const count = (status: AssetResult['status']) =>
            report.results.filter((result) => result.status === status).length;
          const parts = [
            `${count('written')} rendered`,
            `${count('up-to-date')} up to date`,
            ...(count('failed') ? [`${count('failed')} failed`] : []),
          ];
          const browser = report.chromiumVersion ? ` · Chromium ${report.chromiumVersion}` : '';
          say(
            `assets: ${parts.join(', ')}${browser}${report.issues.length ? ` · ${summarizeIssues(report.issues)}` : ''}`,
          );
          return report.issues;
        },
      );
      return { issues };
    } catch (error) {
      if (error instanceof AssetsUsageError) return { issues: [usageIssue('--only', error.message)] };
      throw error;
    }
  },
});
