// `npm run doctest`: runs every runnable block of the guides and posts against the platform and writes the evidence.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { runCommand } from '../lib/cli/run-command.ts';
import { envIssue, usageIssue } from '../lib/cli/usage-issue.ts';
import type { Issue } from '../../core/issue.ts';
import { collectPages } from './steps/collect-pages.ts';
import { runPages } from './steps/run-pages.ts';
import { DEFAULT_OUT_DIR, writeReports } from './steps/write-reports.ts';
import { buildReport, collectIssues } from './lib/build-report.ts';
import { doctestInputsHash } from './lib/inputs-hash.ts';
import { renderJunit } from './lib/render-junit.ts';
import { renderText } from './lib/render-text.ts';

interface DoctestOptions {
  root: string;
  check: boolean;
  out: string;
  only: string[];
  noWait: boolean;
  replaceFinal: boolean;
  platformUrl: string | undefined;
  adminToken: string | undefined;
  orgId: string | undefined;
}

const USAGE = `usage: npm run doctest -- [--check] [--only <content file>]… [--out <dir>] [--no-wait] [--replace-final] [--root <dir>]
  runs every bash/python block of content/guides and content/blog, as one reader would, and writes
  doctest.json, doctest.txt and doctest.junit.xml to marketing/doctest/ (or --out)
  --check          validate the annotations only; run nothing
  --replace-final  let a stand-in (draft) report replace one verified on a real platform
environment: PLATFORM_URL + ADMIN_TOKEN (another platform; unset = a fresh embedded stand-in per page), MOLECULE_ORG_ID`;

async function currentCommit(root: string): Promise<string | null> {
  const result = await execa('git', ['rev-parse', 'HEAD'], { cwd: root, reject: false });
  return result.exitCode === 0 ? String(result.stdout).trim() : null;
}

await runCommand<DoctestOptions>({
  name: 'doctest',
  usage: USAGE,
  options: {
    check: { type: 'boolean' },
    out: { type: 'string' },
    only: { type: 'string', multiple: true },
    'no-wait': { type: 'boolean' },
    'replace-final': { type: 'boolean' },
    root: { type: 'string' },
  },
  parse({ values, env }) {
    const issues: Issue[] = [];
    const root = resolve(String(values.root ?? process.cwd()));
    const only = (values.only as string[] | undefined) ?? [];
    for (const file of only) {
      if (!/^content\/(guides|blog)\/[^/]+\.mdx?$/.test(file))
        issues.push(
          usageIssue('--only', `"${file}" is not a guide or post`, 'e.g. --only content/guides/remote-workspaces.mdx'),
        );
      else if (!existsSync(resolve(root, file))) issues.push(usageIssue('--only', `${file} does not exist`));
    }
    const platformUrl = env.PLATFORM_URL?.trim().replace(/\/+$/, '') || undefined;
    if (platformUrl && !/^https?:\/\/[^/]+/.test(platformUrl))
      issues.push(
        envIssue('PLATFORM_URL', `not an http(s) URL: "${platformUrl}"`, 'or unset it to use the embedded stand-in'),
      );
    if (issues.length) return { issues };
    const options = {
      root,
      check: values.check === true,
      out: String(values.out ?? DEFAULT_OUT_DIR),
      only,
      noWait: values['no-wait'] === true,
      replaceFinal: values['replace-final'] === true,
    };
    return {
      options: {
        ...options,
        platformUrl,
        adminToken: env.ADMIN_TOKEN || undefined,
        orgId: env.MOLECULE_ORG_ID || undefined,
      },
    };
  },
  async run(options, { signal, stdout, stderr }) {
    const { pages, issues } = collectPages(options.root, options.only);
    const blockCount = pages.reduce((sum, page) => sum + page.blocks.length, 0);
    if (options.check || issues.some((issue) => issue.severity === 'error')) {
      if (options.check)
        stdout.write(
          `doctest --check: ${pages.length} pages, ${blockCount} runnable blocks${issues.length ? '' : ', every annotation valid'}\n`,
        );
      return { issues };
    }
    const startedAt = new Date();
    const run = await runPages(pages, {
      platform: { url: options.platformUrl, adminToken: options.adminToken },
      orgId: options.orgId,
      signal,
      onPage: (file, pass) => stderr.write(`doctest: ${file}${pass ? ` [${pass}]` : ''}\n`),
    });
    if (signal.aborted) return { issues };
    const all = [...issues, ...collectIssues(run.results)];
    const report = buildReport({
      results: run.results,
      issues: all,
      platform: run.platform,
      commit: await currentCommit(options.root),
      startedAt,
      finishedAt: new Date(),
    });
    const text = renderText(report, run.results, all);
    stdout.write(text);
    const sources = pages.map((page) => page.file);
    const written = await writeReports(
      options.root,
      options.out,
      { json: `${JSON.stringify(report, null, 2)}\n`, text, junit: renderJunit(report, run.results) },
      {
        provider: report.platform.kind,
        sources,
        inputsHash: doctestInputsHash(options.root, sources),
        details: { ok: report.ok, ...report.totals },
      },
      {
        noWait: options.noWait,
        signal,
        replaceFinal: options.replaceFinal,
        onWait: (message) => stderr.write(`doctest: ${message}\n`),
      },
    );
    return { issues: [...all, ...written] };
  },
});
