// Runs that must have happened on a real platform: the last demo recording and every doctest block.
import { DEMO_FAILED_DIR, DEMO_JUNIT_PATH } from '../lib/recorded-outputs.ts';
import type { Finding } from '../lib/blocker-kinds.ts';
import { formatUtc } from './content-readiness.ts';
import type { RuleContext } from './command-outcomes.ts';

const REAL_DEMO = 'PLATFORM_URL=<platform> ADMIN_TOKEN=<token> npm run demo';
const REAL_DOCTEST = 'PLATFORM_URL=<platform> ADMIN_TOKEN=<token> npm run doctest';

/** The last demo run: recorded, passed, and made against a real platform. */
export function findDemoBlockers({ evidence }: RuleContext): Finding[] {
  const run = evidence.values['demo-run'];
  if (!run) return [];
  const where = evidence.values.manifest?.locate(DEMO_JUNIT_PATH);
  const at =
    where && evidence.values.manifest?.manifest.entries[DEMO_JUNIT_PATH]
      ? { file: 'marketing/manifest.json', ...where }
      : { file: DEMO_JUNIT_PATH, line: 1, column: 1 };
  const when = run.at ? ` (${formatUtc(new Date(run.at))})` : '';
  if (!run.recorded)
    return [
      {
        kind: 'demo-failed',
        file: DEMO_JUNIT_PATH,
        line: 0,
        column: 0,
        message: 'there is no demo recording',
        fix: REAL_DEMO,
      },
    ];
  const findings: Finding[] = [];
  if (!run.passed)
    findings.push({
      kind: 'demo-failed',
      file: DEMO_JUNIT_PATH,
      line: 1,
      column: 1,
      message: `the last demo run${when} failed ${run.failures} step(s)`,
      fix: `fix what its JUnit names, then ${REAL_DEMO}`,
    });
  if (run.failedRunLeft)
    findings.push({
      kind: 'demo-failed',
      file: DEMO_FAILED_DIR,
      line: 0,
      column: 0,
      message: `a demo run after the recording${when} failed; its partial recording is in ${DEMO_FAILED_DIR}/`,
      fix: `read ${DEMO_FAILED_DIR}/, fix it, then ${REAL_DEMO}`,
    });
  if (run.draft || run.provider === 'stand-in')
    findings.push({
      kind: 'demo-platform',
      ...at,
      message: `the last demo run${when} was made on the ${run.provider ?? 'stand-in'} platform, not a real one`,
      fix: REAL_DEMO,
    });
  return findings;
}

/** Every doc block that failed, was not run, or passed only on the stand-in, at its MDX line. */
export function findDoctestBlockers({ evidence }: RuleContext): Finding[] {
  const report = evidence.values.doctest;
  if (!report) return [];
  const standIn = report.platform.kind === 'stand-in';
  return report.pages.flatMap((page) =>
    page.blocks.flatMap((block): Finding[] => {
      const name = block.pass ? `${block.pass} block` : 'block';
      const where = { file: page.file, line: block.line, column: 1 };
      if (block.status === 'failed')
        return [
          {
            kind: 'doc-failed',
            ...where,
            message: `${name} failed its last doctest${block.reason ? `: ${block.reason}` : ''}`,
            fix: `fix the guide or the platform, then ${block.command}`,
          },
        ];
      if (block.status === 'not-run')
        return [
          {
            kind: 'doc-unverified',
            ...where,
            message: `${name} was not run${block.reason ? `: ${block.reason}` : ''}`,
            fix: REAL_DOCTEST,
          },
        ];
      if (standIn)
        return [
          {
            kind: 'doc-unverified',
            ...where,
            message: `${name} passed on the stand-in only, not against a real platform`,
            fix: REAL_DOCTEST,
          },
        ];
      return [];
    }),
  );
}
