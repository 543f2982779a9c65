/**
 * `npm run demo`: the live Phase 30 walkthrough. Reads the live storyboard, validates it and
 * the environment, runs a real remote agent against the platform (or the embedded stand-in),
 * and records the run to marketing/demo/. The only file that reads argv/env, prints, and sets
 * the exit code.
 */
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { formatIssue, sortIssues, summarizeIssues, type Issue } from '../lib/issue.ts';
import { loadFacts } from '../lib/load-facts.ts';
import { parseDemoArgs } from './args.ts';
import { runDemo, type RunFacts } from './run.ts';
import { parseDemoScript } from './script/parse.ts';
import { stripAnsi } from './terminal.ts';

const USAGE = `usage: npm run demo -- [--check] [--fast] [--out <dir>] [--keep] [--video] [--create-with-url] [--timeout <s>] [--storyboard <id>]
environment: PLATFORM_URL, ADMIN_TOKEN, MOLECULE_ORG_ID, AGENT_PUBLIC_URL, AGENT_PORT, AGENT_HOST, DEMO_API_KEY, CANVAS_ORIGIN, MOLECULE_TOKEN_DIR
without PLATFORM_URL the demo runs against the embedded stand-in platform`;

const root = process.cwd();
const { options, issues: argIssues, help } = parseDemoArgs(process.argv.slice(2), process.env, root);
if (help) {
  console.log(USAGE);
  process.exit(0);
}
const { script, issues: scriptIssues } = parseDemoScript(root, options.storyboard);
const issues: Issue[] = [...argIssues, ...scriptIssues];
let facts: RunFacts | undefined;
try {
  const loaded = loadFacts(root);
  facts = { badge: loaded.product.badge, heartbeatSeconds: loaded.liveness.heartbeatSeconds, offlineAfterSeconds: loaded.liveness.offlineAfterSeconds, sweepSeconds: loaded.liveness.sweepSeconds };
} catch (error) {
  issues.push({ file: 'content/facts.yaml', line: 1, column: 1, rule: 'demo', severity: 'error', message: (error as Error).message.split('\n')[0]!, hint: 'the demo prints the badge and heartbeat interval from the facts file' });
}
const sorted = sortIssues(issues);
for (const issue of sorted) console.error(formatIssue(issue));
const hasErrors = sorted.some((issue) => issue.severity === 'error');
if (sorted.length > 0) console.error(`demo: ${summarizeIssues(sorted)}`);
if (hasErrors || !script || !facts) {
  console.error('demo: nothing was run; fix the problems above (npm run demo -- --check validates without running)');
  process.exit(1);
}

const target = options.platform.kind === 'embedded' ? 'the embedded stand-in platform' : options.platform.url.replace(/\/\/[^@/]*@/, '//');
if (options.check) {
  console.log(`demo script ok: ${script.steps.length} steps in ${script.moments.length} moments from ${script.storyboard.file}`);
  console.log(`would run against ${target} and write ${relative(root, options.outDir) || '.'}/`);
  process.exit(0);
}

const interrupt = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // A second Ctrl-C means "now": execa's cleanup still kills the agent on exit.
    if (interrupt.signal.aborted) process.exit(130);
    console.error(`\ndemo: ${signal} received — stopping the agent and cleaning up (press Ctrl-C again to quit at once)`);
    interrupt.abort(signal);
  });
}
const color = Boolean(process.stdout.isTTY && !process.env.NO_COLOR) || Boolean(process.env.FORCE_COLOR);
const outcome = await runDemo(script, options, facts, {
  root,
  interrupt: interrupt.signal,
  write: (chunk) => process.stdout.write(color ? chunk : stripAnsi(chunk)),
});

const shown = (path: string) => relative(root, path) || path;
console.log(`\nrecording ${outcome.status === 'passed' ? 'written' : 'so far kept'} in ${shown(outcome.recording.dir)}/:`);
for (const file of outcome.recording.files) console.log(`  ${shown(file)}`);
if (outcome.recording.manifestEntries.length > 0) console.log(`manifest: ${outcome.recording.manifestEntries.length} entries updated in marketing/manifest.json${outcome.platform.kind === 'stand-in' ? ' (provider stand-in, draft)' : ''}`);
if (outcome.failure) {
  const at = outcome.failure.at;
  console.error(formatIssue({ file: at ? script.storyboard.file : 'demo', line: at?.line ?? 1, column: at?.column ?? 1, rule: 'demo', severity: 'error', message: `${outcome.failure.kind}: ${outcome.failure.message}`, hint: outcome.failure.hint }));
  process.exitCode = interrupt.signal.aborted ? 130 : 1;
} else if (options.video) {
  // `--video`: record and render in one go; the video command prints its own progress and problems.
  const rendered = await execa(process.execPath, [join(import.meta.dirname, '..', 'video', 'cli.ts')], { cwd: root, stdio: 'inherit', reject: false, cancelSignal: interrupt.signal });
  process.exitCode = rendered.exitCode ?? 1;
} else {
  process.exitCode = 0;
}
