// `npm run release`: one command that says whether the launch can ship, and why not. Reads argv/env, prints, sets the exit code.
import { appendFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseBuildNow } from '../../core/publishable.ts';
import { RELEASE_REPORT_PATH } from '../../core/schemas/release-report.ts';
import { CheckoutLockedError } from '../lib/checkout-lock.ts';
import type { Issue } from '../../core/issue.ts';
import { formatAnnotations } from '../lib/cli/annotations.ts';
import { runCommand } from '../lib/cli/run-command.ts';
import { envIssue, usageIssue } from '../lib/cli/usage-issue.ts';
import { suggestKey } from '../../core/schema-issue.ts';
import { BLOCKER_KIND_IDS, isBlockerKind, type BlockerKindId } from './lib/blocker-kinds.ts';
import { openBlockers, renderMarkdownReport, renderTextReport } from './render/report-formats.ts';
import { runRelease, type ReleaseOptions } from './run-release.ts';

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `usage: npm run release -- [--format text|json|markdown] [--accept <kind>]… [--offline] [--site <url>]
                           [--evidence <dir>] [--no-write] [--no-wait] [--root <dir>]

Runs once each: the build checks of both audiences (with external links), npm run doctest, and the
generators' --check (tts, assets, video, demo); reads the manifest, content and demo recording; prints
every blocker with its path:line and the command that clears it. Exit 0 only when nothing blocks.

  --format     text (default), json (the release report) or markdown (PR / CI job summary)
  --accept     ship with a known exception: that kind's blockers are listed as accepted (repeatable)
               kinds: ${BLOCKER_KIND_IDS.join(', ')}
  --offline    skip the external-link check (the report says so)
  --site       deployed site to check the checklist's live-site URLs against (200 + content type)
  --evidence   re-read the captures of an earlier run from <dir> (e.g. .cache/release/evidence); runs nothing
  --no-write   do not write marketing/release/release.json
  --no-wait    fail at once if another run holds the checkout lock
  --root       checkout to release (default: current directory)
env: BUILD_NOW pins the embargo clock; PLATFORM_URL/ADMIN_TOKEN reach doctest and the demo; GITHUB_STEP_SUMMARY gets the Markdown report`;

function blockerIssue(blocker: ReturnType<typeof openBlockers>[number]): Issue {
  return {
    file: blocker.file,
    line: blocker.line,
    column: blocker.column,
    rule: blocker.kind,
    severity: 'error',
    message: blocker.message,
    hint: blocker.fix,
  };
}

await runCommand<ReleaseOptions & { format: Format }>({
  name: 'release',
  usage: USAGE,
  options: {
    format: { type: 'string' },
    accept: { type: 'string', multiple: true },
    offline: { type: 'boolean' },
    site: { type: 'string' },
    evidence: { type: 'string' },
    'no-write': { type: 'boolean' },
    'no-wait': { type: 'boolean' },
    root: { type: 'string' },
  },
  parse({ values, env }) {
    const issues: Issue[] = [];
    const format = (values.format as string | undefined) ?? 'text';
    if (!(FORMATS as readonly string[]).includes(format))
      issues.push(usageIssue('--format', `must be text, json or markdown, got "${format}"`));
    const accept = new Set<BlockerKindId>();
    for (const kind of (values.accept as string[] | undefined) ?? []) {
      if (isBlockerKind(kind)) accept.add(kind);
      else {
        const near = suggestKey(kind, BLOCKER_KIND_IDS);
        issues.push(
          usageIssue(
            '--accept',
            `unknown blocker kind "${kind}"`,
            near ? `did you mean "${near}"?` : `one of: ${BLOCKER_KIND_IDS.join(', ')}`,
          ),
        );
      }
    }
    const site = values.site as string | undefined;
    if (site !== undefined && !/^https?:\/\/[^/\s]+/.test(site))
      issues.push(usageIssue('--site', `must be an http(s) URL, got "${site}"`, 'e.g. --site https://moleculesai.app'));
    const root = resolve((values.root as string | undefined) ?? '.');
    const evidenceDir = values.evidence === undefined ? undefined : resolve(root, values.evidence as string);
    if (evidenceDir && !existsSync(evidenceDir))
      issues.push(
        usageIssue(
          '--evidence',
          `${evidenceDir} does not exist`,
          'run npm run release once; it leaves its captures in .cache/release/evidence',
        ),
      );
    let now = new Date();
    try {
      now = parseBuildNow(env.BUILD_NOW);
    } catch (error) {
      issues.push(envIssue('BUILD_NOW', (error as Error).message));
    }
    if (issues.length) return { issues };
    return {
      options: {
        root,
        format: format as Format,
        accept,
        offline: values.offline === true,
        evidenceDir,
        site,
        write: values['no-write'] !== true,
        noWait: values['no-wait'] === true,
        now,
      },
    };
  },
  async run(options, { signal, stdout, stderr, env }) {
    const progress = (line: string) => stderr.write(`${line}\n`);
    const onWait = () => progress('release: waiting for another run to release the checkout lock…');
    let outcome: Awaited<ReturnType<typeof runRelease>>;
    try {
      outcome = await runRelease(options, { env, signal, progress, onWait });
    } catch (error) {
      if (!(error instanceof CheckoutLockedError)) throw error;
      return {
        issues: [
          {
            file: RELEASE_REPORT_PATH,
            line: 0,
            column: 0,
            rule: 'lock',
            severity: 'error',
            message: error.message,
            hint: 'wait for it, or drop --no-wait',
          },
        ],
      };
    }
    if (signal.aborted) {
      progress('release: interrupted; no report printed and nothing written');
      return { issues: [], printed: true };
    }
    const { report, notes } = outcome;
    if (options.format === 'json') stdout.write(`${JSON.stringify({ ...report, notes }, null, 2)}\n`);
    else if (options.format === 'markdown') stdout.write(renderMarkdownReport(report, notes));
    else stdout.write(renderTextReport(report, notes));
    if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, renderMarkdownReport(report, notes));
    const issues = openBlockers(report).map(blockerIssue);
    if ((env.CI || env.GITHUB_ACTIONS) && issues.length) stderr.write(`${formatAnnotations(issues).join('\n')}\n`);
    return { issues, printed: true };
  },
});
