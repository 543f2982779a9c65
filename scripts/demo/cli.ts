/**
 * `npm run demo`: the live Phase 30 walkthrough. Reads the live storyboard, validates it and
 * the environment, runs a real remote agent against the platform (or the embedded stand-in),
 * and records the run to marketing/demo/. The only file that reads argv/env and prints; it runs
 * on the shared CLI harness under the checkout lock.
 */
import { join, relative } from 'node:path';
import { execa } from 'execa';
import { runLocked } from '../lib/cli/locked-run.ts';
import { findRepoRoot } from '../lib/cli/repo-root.ts';
import { InterruptedError, runCommand } from '../lib/cli/run-command.ts';
import { isUsageIssue } from '../lib/cli/usage-issue.ts';
import type { Issue } from '../../core/issue.ts';
import { loadFacts } from '../../core/facts.ts';
import { describeConditional } from '../../core/fact-condition.ts';
import type { Facts } from '../../core/schemas/facts.ts';
import { DEMO_FLAGS, parseDemoArgs, type DemoOptions } from './args.ts';
import { runDemo, type DemoOutcome, type RunFacts } from './run.ts';
import { parseDemoScript } from './script/parse.ts';
import type { DemoScript } from './script/demo-script.ts';
import { stripAnsi } from './terminal.ts';

const USAGE = `usage: npm run demo -- [--check] [--fast] [--out <dir>] [--keep] [--video] [--create-with-url] [--timeout <s>] [--storyboard <id>] [--no-wait]
environment: PLATFORM_URL, ADMIN_TOKEN, MOLECULE_ORG_ID, AGENT_PUBLIC_URL, AGENT_PORT, AGENT_HOST, DEMO_API_KEY, CANVAS_ORIGIN, MOLECULE_TOKEN_DIR
without PLATFORM_URL the demo runs against the embedded stand-in platform`;

/** The terminal lines naming what a run could not remove, each with the command that removes it. */
export function describeLeftBehind(left: DemoOutcome['leftBehind']): string[] {
  const lines = left.workspaces.map(
    (id) =>
      `  workspace ${id} on ${left.platformUrl} — remove it: curl -X DELETE -H "Authorization: Bearer $ADMIN_TOKEN" ${left.platformUrl}/workspaces/${id}?confirm=true`,
  );
  if (left.tokenFolder) lines.push(`  token folder ${left.tokenFolder} — remove it: rm -rf '${left.tokenFolder}'`);
  return lines.length ? ['left behind by this run:', ...lines] : [];
}

const root = findRepoRoot(process.cwd());

// The offline figure holds only under a condition (Docker provisioner, else the TTL): say it with its condition.
function describeOfflineAfter(facts: Facts): string {
  const condition = facts.conditions?.find((entry) => entry.fact === 'liveness.offlineAfterSeconds');
  return condition ? describeConditional(facts, condition) : `${facts.liveness.offlineAfterSeconds} s`;
}

function readFacts(issues: Issue[]): RunFacts | undefined {
  try {
    const loaded = loadFacts(root);
    return {
      badge: loaded.product.badge,
      heartbeatSeconds: loaded.liveness.heartbeatSeconds,
      offlineAfterSeconds: loaded.liveness.offlineAfterSeconds,
      offlineAfterText: describeOfflineAfter(loaded),
      sweepSeconds: loaded.liveness.sweepSeconds,
    };
  } catch (error) {
    issues.push({
      file: 'content/facts.yaml',
      line: 1,
      column: 1,
      rule: 'demo',
      severity: 'error',
      message: (error as Error).message.split('\n')[0]!,
      hint: 'the demo prints the badge and heartbeat interval from the facts file',
    });
    return undefined;
  }
}

type DemoCliOptions = DemoOptions & { noWait: boolean; script: DemoScript | undefined; facts: RunFacts | undefined };

await runCommand<DemoCliOptions>({
  name: 'demo',
  usage: USAGE,
  options: DEMO_FLAGS,
  // Flags, environment, storyboard and facts are all validated here, before anything runs, and reported together.
  parse({ values, env }) {
    const { options, issues } = parseDemoArgs(values, env, process.cwd());
    const parsed = parseDemoScript(root, options.storyboard);
    issues.push(...parsed.issues);
    const facts = readFacts(issues);
    const broken = !parsed.script || !facts || issues.some((issue) => issue.severity === 'error');
    if (broken)
      process.stderr.write(
        'demo: nothing was run; fix the problems below (npm run demo -- --check validates without running)\n',
      );
    // A bad flag or variable is a usage error (exit 2); a broken storyboard or facts file is a content problem (exit 1).
    if (issues.some((issue) => issue.severity === 'error' && isUsageIssue(issue))) return { issues };
    return { options: { ...options, script: broken ? undefined : parsed.script, facts }, issues };
  },
  async run(options, { signal, stdout, stderr }) {
    const { script, facts } = options;
    const issues: Issue[] = [];
    if (!script || !facts) return { issues };
    const target =
      options.platform.kind === 'embedded'
        ? 'the embedded stand-in platform'
        : options.platform.url.replace(/\/\/[^@/]*@/, '//');
    if (options.check) {
      stdout.write(
        `demo script ok: ${script.steps.length} steps in ${script.moments.length} moments from ${script.storyboard.file}\n`,
      );
      stdout.write(`would run against ${target} and write ${relative(root, options.outDir) || '.'}/\n`);
      return { issues };
    }
    const interrupt = new AbortController();
    signal.addEventListener(
      'abort',
      () => interrupt.abort(signal.reason instanceof InterruptedError ? signal.reason.signalName : 'SIGINT'),
      { once: true },
    );
    const color = Boolean(process.stdout.isTTY && !process.env.NO_COLOR) || Boolean(process.env.FORCE_COLOR);
    const runIssues = await runLocked(
      root,
      { command: 'npm run demo', noWait: options.noWait, signal, stderr },
      async () => {
        const outcome = await runDemo(script, options, facts, {
          root,
          interrupt: interrupt.signal,
          write: (chunk) => stdout.write(color ? chunk : stripAnsi(chunk)),
        });
        const shown = (path: string) => relative(root, path) || path;
        stdout.write(
          `\nrecording ${outcome.status === 'passed' ? 'written' : 'so far kept'} in ${shown(outcome.recording.dir)}/:\n`,
        );
        for (const file of outcome.recording.files) stdout.write(`  ${shown(file)}\n`);
        if (outcome.recording.manifestEntries.length > 0)
          stdout.write(
            `manifest: ${outcome.recording.manifestEntries.length} entries updated in marketing/manifest.json${outcome.platform.kind === 'stand-in' ? ' (provider stand-in, draft)' : ''}\n`,
          );
        const left = describeLeftBehind(outcome.leftBehind);
        if (left.length && !(options.keep && outcome.status === 'passed')) stderr.write(`${left.join('\n')}\n`);
        if (!outcome.failure) return [];
        const at = outcome.failure.at;
        const issue: Issue = {
          file: at ? script.storyboard.file : 'demo',
          line: at?.line ?? 0,
          column: at?.column ?? 0,
          rule: 'demo',
          severity: 'error',
          message: `${outcome.failure.kind}: ${outcome.failure.message}`,
          hint: outcome.failure.hint,
        };
        return [issue];
      },
    );
    if (runIssues.length > 0 || !options.video || signal.aborted) return { issues: [...issues, ...runIssues] };
    // `--video`: record and render in one go, once the demo's lock is released (the video command takes its own);
    // it prints its own progress and problems.
    const rendered = await execa(process.execPath, [join(import.meta.dirname, '..', 'video', 'cli.ts')], {
      cwd: root,
      stdio: 'inherit',
      reject: false,
      cancelSignal: signal,
    });
    if (rendered.exitCode === 0) return { issues };
    return {
      issues: [
        ...issues,
        {
          file: 'npm run video',
          line: 0,
          column: 0,
          rule: 'demo-video',
          severity: 'error',
          message: `rendering the films exited ${rendered.exitCode ?? 'on a signal'}`,
          hint: 'its problems are printed above',
        },
      ],
    };
  },
});
