// Tests of the build report: sorting, counts, JSON and annotations.
import { describe, expect, test } from 'vitest';
import type { Issue } from '../../core/issue.ts';
import { formatAnnotations } from '../../scripts/lib/cli/annotations.ts';
import { formatJsonReport, formatStepSummary, formatTextReport } from '../../scripts/build-checks/steps/report.ts';

const ISSUES: Issue[] = [
  {
    file: 'content/social/phase30.mdx',
    line: 12,
    column: 11,
    rule: 'len',
    severity: 'error',
    message: 'X post "x-a" is 312 weighted characters; the limit is 280',
    hint: 'cut 32',
  },
  {
    file: 'content/blog/a.mdx',
    line: 9,
    column: 3,
    rule: 'asset',
    severity: 'error',
    message: 'image: missing file marketing/assets/x.png',
  },
  {
    file: 'marketing/assets/old.svg',
    line: 1,
    column: 1,
    rule: 'unused',
    severity: 'warning',
    message: 'marketing/assets/old.svg is not referenced',
  },
  {
    file: 'content/blog/a.mdx',
    line: 4,
    column: 8,
    rule: 'fact',
    severity: 'error',
    message: 'says 60 s, facts: 90 s, with a comma: and colon',
  },
];

describe('report', () => {
  test('prints notes, issues sorted by file and position, then the count line', () => {
    expect(formatTextReport({ issues: ISSUES, notes: ['stale check skipped for demo'] }, { verbose: true }))
      .toMatchInlineSnapshot(`
      "note: stale check skipped for demo
      content/blog/a.mdx:4:8 [fact] says 60 s, facts: 90 s, with a comma: and colon
      content/blog/a.mdx:9:3 [asset] image: missing file marketing/assets/x.png
      content/social/phase30.mdx:12:11 [len] X post "x-a" is 312 weighted characters; the limit is 280 — cut 32
      marketing/assets/old.svg:1:1 warning [unused] marketing/assets/old.svg is not referenced
      3 errors: 1 fact, 1 asset, 1 len (1 warning)
      "
    `);
  });

  test('prints warnings grouped by kind with a count and the command that lists them, unless verbose', () => {
    const draft = (path: string, provider: string): Issue => ({
      file: 'marketing/manifest.json',
      line: 3,
      column: 5,
      rule: 'draft-asset',
      severity: 'warning',
      message: `${path} is a draft (made by ${provider}), not the final deliverable`,
    });
    const warnings = [
      draft('marketing/audio/a.mp3', 'espeak'),
      draft('marketing/audio/a.vtt', 'espeak'),
      draft('marketing/demo/x.cast', 'stand-in'),
      ISSUES[2]!,
      ISSUES[0]!,
    ];
    const text = formatTextReport({ issues: warnings, notes: [] });
    expect(text.split('\n')).toEqual([
      'content/social/phase30.mdx:12:11 [len] X post "x-a" is 312 weighted characters; the limit is 280 — cut 32',
      'warning: 1 files in marketing/ nothing references (unused) — npm run build -- --verbose',
      'warning: 2 draft audio files (espeak) — npm run release',
      'warning: 1 draft recording files (stand-in) — npm run release',
      '1 error: 1 len (4 warnings)',
      '',
    ]);
    expect(formatTextReport({ issues: warnings, notes: [] }, { verbose: true }).split('\n')).toHaveLength(7);
  });

  test('says so when there is nothing to report', () => {
    expect(formatTextReport({ issues: [], notes: [] })).toBe('no problems\n');
  });

  test('gives machines ok, counts and sorted issues as JSON', () => {
    const report = JSON.parse(formatJsonReport({ issues: ISSUES, notes: [], timings: { sourceChecks: 12 } }));
    expect(report).toMatchObject({
      ok: false,
      errors: 3,
      warnings: 1,
      summary: '3 errors: 1 fact, 1 asset, 1 len (1 warning)',
      timingsMs: { sourceChecks: 12 },
    });
    expect(report.issues.map((issue: Issue) => `${issue.file}:${issue.line}`)).toEqual([
      'content/blog/a.mdx:4',
      'content/blog/a.mdx:9',
      'content/social/phase30.mdx:12',
      'marketing/assets/old.svg:1',
    ]);
  });

  test('escapes GitHub annotation properties and data', () => {
    expect(formatAnnotations(ISSUES)[0]).toBe(
      '::error file=content/blog/a.mdx,line=4,col=8,title=[fact]::says 60 s, facts: 90 s, with a comma: and colon',
    );
    expect(formatAnnotations(ISSUES)[3]).toBe(
      '::warning file=marketing/assets/old.svg,line=1,col=1,title=[unused]::marketing/assets/old.svg is not referenced',
    );
    expect(formatAnnotations([{ ...ISSUES[0]!, file: 'a,b:c.mdx', message: '100%\nnext' }])[0]).toBe(
      '::error file=a%2Cb%3Ac.mdx,line=12,col=11,title=[len]::100%25%0Anext — cut 32',
    );
  });

  test('writes a Markdown table for the job summary', () => {
    expect(formatStepSummary({ issues: ISSUES.slice(1, 2), notes: [] })).toContain(
      '| `content/blog/a.mdx:9:3` | error | asset | image: missing file marketing/assets/x.png |',
    );
  });
});
