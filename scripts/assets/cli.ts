// npm run assets: renders the fleet diagram and the social cards, then prints what was done.
import { parseArgs } from 'node:util';
import { formatIssue, sortIssues, summarizeIssues } from '../../core/issue.ts';
import { readManifest } from '../../core/manifest.ts';
import { findOutdatedOutputs } from '../../core/plan-status.ts';
import { generateAssets } from './generate.ts';
import { planAssets } from './plan.ts';
import { outputsOf } from './jobs.ts';
import type { AssetResult } from './result.ts';

const USAGE = `usage: npm run assets [-- --force] [-- --only <name>[,<name>…]] [-- --check]

Renders content/diagrams/*.mmd to marketing/assets/<name>.svg + .png (one Chromium session) and a
card for every social post whose image is /marketing/assets/social/<campaign>-<id>.png.
  --force        re-render even when the cache says up to date
  --only <name>  an asset name, an output path, "diagrams" or "cards" (repeatable, comma-separated)
  --check        render nothing; exit 1 if an output is missing or stale`;

function printResult(result: AssetResult): void {
  const outputs = outputsOf(result.job).join(', ');
  const seconds = `${(result.ms / 1000).toFixed(1)} s`;
  if (result.status === 'up-to-date') console.log(`  = ${outputs} up to date`);
  else if (result.status === 'written') console.log(`  ✓ ${outputs} rendered (${result.reason ?? 'stale'}) in ${seconds}`);
  else console.log(`  ✗ ${outputs} failed (${result.issues.length} ${result.issues.length === 1 ? 'problem' : 'problems'})`);
}

async function main(): Promise<void> {
  let values: { force?: boolean; only?: string[]; check?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { force: { type: 'boolean' }, only: { type: 'string', multiple: true }, check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (error) {
    console.error(`assets: ${(error as Error).message}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (values.check) {
    // No browser starts: the plan's hashes against the manifest, as the build's manifest rule does.
    const outdated = await findOutdatedOutputs(process.cwd(), planAssets, await readManifest(process.cwd()));
    for (const output of outdated) console.error(`${output.path} [assets] ${output.state} — run ${output.command}`);
    console.log(`assets: ${outdated.length === 0 ? 'every output up to date' : `${outdated.length} missing or stale`}`);
    if (outdated.length > 0) process.exitCode = 1;
    return;
  }
  const only = (values.only ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  const report = await generateAssets({ root: process.cwd(), force: values.force, only, env: process.env, onResult: printResult });

  for (const path of report.removed) console.log(`  - ${path} removed (no post or diagram uses it any more)`);
  const issues = sortIssues(report.issues);
  for (const issue of issues) console.error(formatIssue(issue));
  const count = (status: AssetResult['status']) => report.results.filter((result) => result.status === status).length;
  const parts = [`${count('written')} rendered`, `${count('up-to-date')} up to date`, ...(count('failed') ? [`${count('failed')} failed`] : [])];
  const browser = report.chromiumVersion ? ` · Chromium ${report.chromiumVersion}` : '';
  console.log(`assets: ${parts.join(', ')}${browser}${issues.length ? ` · ${summarizeIssues(issues)}` : ''}`);
  if (issues.some((issue) => issue.severity === 'error')) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`assets: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
