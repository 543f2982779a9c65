// npm run check / npm run build: reads argv, runs the pipeline, prints the report and sets the exit code.
import { appendFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseBuildNow } from '../../core/publishable.ts';
import { runBuildPipeline, runCheckPipeline } from './pipeline.ts';
import { formatAnnotations } from '../lib/cli/annotations.ts';
import { countErrors, formatJsonReport, formatStepSummary, formatTextReport, type Report } from './steps/report.ts';

const USAGE = `usage: node scripts/build-checks/cli.ts <check|build> [--format text|json] [--external] [--root <dir>] [--skip-astro]

  check         source rules only (schema, mdx, asset, link, manifest, unused, draft-asset, len, claim,
                fact, duration, placeholder, secret); no build
  build         source rules, then astro build (public, internal), then out-link, secret and leak on dist/
  --format      text (default: path:line:col [rule] message — hint) or json
  --external    also fetch external links (cached in node_modules/.cache/build-checks/)
  --root        repo root to check (default: current directory)
  --skip-astro  build only: check the existing dist/ without running Astro
env: BUILD_NOW pins the clock embargoes are judged against; CI / GITHUB_ACTIONS add ::error annotations`;

function parseCommandLine(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'text' },
      external: { type: 'boolean', default: false },
      root: { type: 'string', default: '.' },
      'skip-astro': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const command = positionals[0];
  if (values.help || (command !== 'check' && command !== 'build') || positionals.length > 1) throw new Error(values.help ? '' : `unknown command "${positionals.join(' ')}"`);
  if (values.format !== 'text' && values.format !== 'json') throw new Error(`--format must be text or json, got "${values.format}"`);
  return { command, format: values.format as 'text' | 'json', external: values.external, root: resolve(values.root), skipAstro: values['skip-astro'] };
}

function print(report: Report, format: 'text' | 'json'): void {
  if (format === 'json') process.stdout.write(formatJsonReport(report));
  else process.stdout.write(formatTextReport(report));
  if (process.env.CI || process.env.GITHUB_ACTIONS) {
    const annotations = formatAnnotations(report.issues);
    if (annotations.length) process.stderr.write(`${annotations.join('\n')}\n`);
  }
  if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, formatStepSummary(report));
  const timings = report.timings ?? {};
  const astro = Object.entries(timings).filter(([key]) => key.startsWith('astro:')).reduce((sum, [, ms]) => sum + ms, 0);
  if (format === 'text' && astro > 0) {
    const checks = (timings.sourceChecks ?? 0) + (timings.outputChecks ?? 0);
    process.stdout.write(`timing: astro ${(astro / 1000).toFixed(1)} s, checks ${(checks / 1000).toFixed(1)} s (${Math.round((checks / (astro + checks)) * 100)} % of the build)\n`);
  }
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseCommandLine>;
  try {
    options = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    const message = (error as Error).message;
    process.stderr.write(`${message ? `build-checks: ${message}\n` : ''}${USAGE}\n`);
    process.exitCode = message ? 2 : 0;
    return;
  }
  const now = parseBuildNow(process.env.BUILD_NOW);
  // In JSON mode stdout is the report, so Astro's own output goes to stderr.
  const pipelineOptions = { root: options.root, now, external: options.external, skipAstro: options.skipAstro, echo: options.format === 'json' ? process.stderr : process.stdout };
  const report = options.command === 'check' ? await runCheckPipeline(pipelineOptions) : await runBuildPipeline(pipelineOptions);
  print(report, options.format);
  process.exitCode = countErrors(report.issues) > 0 ? 1 : 0;
}

await main();
