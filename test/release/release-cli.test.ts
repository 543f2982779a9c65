// npm run release end to end as a child process: fixture launches re-read with --evidence, one run that really runs its commands.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ReleaseReportSchema, type ReleaseReport } from '../../core/schemas/release-report.ts';
import { hashBytes } from '../../core/hash.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';

const REPO = process.cwd();
const NODE = join(REPO, 'node_modules/.bin/node');
const CLI = join(REPO, 'scripts/release/cli.ts');
const FIXTURES = join(REPO, 'test/fixtures');
const BLOCKED = join(FIXTURES, 'release-blocked');
const CLEAR = join(FIXTURES, 'release-clear');
const NOW = '2026-05-01T00:00:00Z';

function release(root: string, args: string[], env: Record<string, string> = {}) {
  return execa(NODE, [CLI, '--root', root, ...args], {
    cwd: REPO,
    reject: false,
    env: { CI: '', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '', BUILD_NOW: NOW, ...env },
  });
}

function json(stdout: string): ReleaseReport {
  const { notes, ...report } = JSON.parse(stdout) as ReleaseReport & { notes: string[] };
  expect(Array.isArray(notes)).toBe(true);
  return ReleaseReportSchema.parse(report);
}

function where(blocker: { file: string; line: number; column: number }): string {
  return blocker.line > 0 ? `${blocker.file}:${blocker.line}:${blocker.column}` : blocker.file;
}

function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('npm run release on a fixture launch with every blocker kind', () => {
  let report: ReleaseReport;
  let exitCode: number | undefined;
  beforeAll(async () => {
    const run = await release(BLOCKED, ['--evidence', 'evidence', '--no-write', '--format', 'json']);
    exitCode = run.exitCode;
    report = json(run.stdout);
  });

  test('fails the release and says why in the report', () => {
    expect(exitCode).toBe(1);
    expect(report.ready).toBe(false);
    expect(report.commit).toBe('1111111111111111111111111111111111111111');
    expect(report.platform).toEqual({ kind: 'stand-in', url: null });
  });

  test('puts each blocker kind at its location', async () => {
    const press = await readFile(join(BLOCKED, 'content/press/launch.mdx'), 'utf8');
    const located = report.blockers.map((blocker) => `${blocker.kind} ${where(blocker)}`);
    expect(located).toEqual(
      expect.arrayContaining([
        'draft-audio marketing/manifest.json:15:5',
        'draft-recording marketing/manifest.json:26:5',
        'draft-capture marketing/manifest.json:4:5',
        'stale-output content/voiceovers/intro.md:3:1',
        `unapproved content/press/launch.mdx:${lineOf(press, 'status:')}:1`,
        `embargo content/press/launch.mdx:${lineOf(press, 'embargo:')}:1`,
        `placeholder content/press/launch.mdx:${lineOf(press, '[NAME]')}:${press.split('\n')[lineOf(press, '[NAME]') - 1]!.indexOf('[NAME]') + 1}`,
        'demo-platform marketing/manifest.json:26:5',
        'demo-failed marketing/demo/phase30-walkthrough.junit.xml:1:1',
        'doc-unverified content/guides/start.mdx:12:1',
        'doc-failed content/guides/start.mdx:20:1',
        'channel-limit content/social/launch.mdx:14:11',
        'fact content/blog/hello.mdx:11:1',
        'claim content/blog/hello.mdx:12:5',
        'check-error content/blog/hello.mdx:13:2',
        'unverified npm run assets -- --check',
        'unverified npm run video -- --check',
      ]),
    );
    expect(report.blockers.find((blocker) => blocker.kind === 'embargo')!.message).toContain('2030-01-01 09:00 UTC');
    expect(
      report.blockers.find((blocker) => blocker.kind === 'unverified' && blocker.file.includes('assets'))!.message,
    ).toBe('cannot verify: `npm run assets` is not available');
    expect(report.blockers.find((blocker) => blocker.kind === 'draft-audio')!.fix).toContain('--strict');
  });

  test('reports a build-check placeholder once, from the content itself', () => {
    expect(report.blockers.filter((blocker) => blocker.message.includes('[NAME]'))).toHaveLength(1);
  });

  test('ticks no checklist evidence the fixture disproves', () => {
    expect(Object.fromEntries(report.evidence.map((proof) => [proof.item, proof.ok]))).toEqual({
      'checks-pass': false,
      'no-placeholders': false,
      'no-draft-audio': false,
      'outputs-current': false,
      'demo-real-platform': false,
      'docs-verified': false,
      'site-pages': false,
      'site-files': false,
    });
    expect(report.evidence.find((proof) => proof.item === 'checks-pass')).toMatchObject({
      at: '2026-04-19T12:00:00.000Z',
      commit: '1111111111111111111111111111111111111111',
    });
  });

  test('turns an accepted kind into accepted items and still fails on the rest', async () => {
    const run = await release(BLOCKED, [
      '--evidence',
      'evidence',
      '--no-write',
      '--format',
      'json',
      '--accept',
      'draft-audio',
      '--accept',
      'embargo',
    ]);
    const accepted = json(run.stdout).blockers.filter((blocker) => blocker.accepted);
    expect(run.exitCode).toBe(1);
    expect(accepted.map((blocker) => blocker.kind).sort()).toEqual(['draft-audio', 'embargo']);
    const kinds = [...new Set(report.blockers.map((blocker) => blocker.kind))].flatMap((kind) => ['--accept', kind]);
    const all = await release(BLOCKED, ['--evidence', 'evidence', '--no-write', ...kinds]);
    expect(all.exitCode).toBe(0);
    expect(all.stdout).toContain(`READY — nothing blocks the launch (${report.blockers.length} accepted)`);
    expect(all.stdout).toContain('Accepted on purpose (--accept)');
  });

  test('annotates each open blocker at its file and line under CI', async () => {
    const run = await release(BLOCKED, ['--evidence', 'evidence', '--no-write', '--accept', 'draft-audio'], {
      CI: 'true',
    });
    const annotations = run.stderr.split('\n').filter((line) => line.startsWith('::error '));
    expect(annotations).toHaveLength(report.blockers.length - 1);
    expect(annotations).toContain(
      '::error file=content/social/launch.mdx,line=14,col=11,title=[channel-limit]::[len] x post x-technical is 312 weighted characters, limit 280 — cut 32 characters',
    );
    expect(annotations.some((line) => line.includes('[draft-audio]'))).toBe(false);
  });

  test('refuses an unknown kind as a usage error with a suggestion', async () => {
    const run = await release(BLOCKED, ['--evidence', 'evidence', '--no-write', '--accept', 'draft-adio']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--accept [usage] unknown blocker kind "draft-adio" — did you mean "draft-audio"?');
  });

  test('prints the same blockers in the terminal and in Markdown, and appends Markdown to the job summary', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'release-summary-'));
    try {
      const summary = join(dir, 'summary.md');
      await writeFile(summary, '# earlier step\n');
      const text = await release(BLOCKED, ['--evidence', 'evidence', '--no-write'], { GITHUB_STEP_SUMMARY: summary });
      const markdown = await release(BLOCKED, ['--evidence', 'evidence', '--no-write', '--format', 'markdown']);
      expect(text.stdout.split('\n')[0]).toBe('NOT READY — 17 blockers in 5 groups');
      const fromText = text.stdout
        .split('\n')
        .filter((line) => / \[[\w-]+\] /.test(line) && line.startsWith('  '))
        .map((line) => {
          const match = /^ {2}(.+?) \[([\w-]+)\] (.*) — fix: (.*)$/.exec(line)!;
          return [match[1], match[2], match[3], match[4]].join(' | ');
        });
      const fromMarkdown = markdown.stdout
        .split('\n')
        .filter((line) => line.startsWith('| `'))
        .map((line) => {
          // Where and Fix are code spans; the message is plain text.
          const cells = line
            .slice(2, -2)
            .split(' | ')
            .map((cell, index) => (index === 0 || index === 3 ? cell.slice(1, -1) : cell).replace(/\\\|/g, '|'));
          return cells.join(' | ');
        });
      expect(fromText).toHaveLength(17);
      expect(fromMarkdown).toEqual(fromText);
      expect(markdown.stdout).toContain('## Release: NOT READY — 17 blockers in 5 groups');
      expect(markdown.stdout).toContain('commit 111111111111');
      const appended = await readFile(summary, 'utf8');
      expect(appended.startsWith('# earlier step\n## Release: NOT READY')).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('npm run release on a fixture launch with nothing open', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await startStaticServer(join(BLOCKED, 'site'));
  });
  afterAll(() => server.close());

  test('exits 0 and says READY', async () => {
    const run = await release(CLEAR, ['--evidence', 'evidence', '--no-write']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('READY — nothing blocks the launch');
    expect(run.stdout).toContain('platform evidence from a real platform (https://acme.moleculesai.app)');
  });

  test('checks the live-site URLs given --site: 200 with the right content type, a 404 blocks at its checklist line', async () => {
    const run = await release(CLEAR, [
      '--evidence',
      'evidence',
      '--no-write',
      '--format',
      'json',
      '--site',
      server.url,
    ]);
    const report = json(run.stdout);
    const checklist = await readFile(join(CLEAR, 'content/checklists/post-push.mdx'), 'utf8');
    expect(run.exitCode).toBe(1);
    expect(report.blockers.map((blocker) => `${blocker.kind} ${blocker.file}:${blocker.line}`)).toEqual([
      `site-url content/checklists/post-push.mdx:${lineOf(checklist, 'intro.vtt')}`,
    ]);
    expect(report.blockers[0]!.message).toBe(`${server.url}/marketing/audio/intro.vtt answered 404`);
    expect(report.evidence.find((proof) => proof.item === 'site-pages')).toMatchObject({
      ok: true,
      detail: '2 URLs answered 200 with the right content type',
    });
    expect(report.evidence.find((proof) => proof.item === 'site-files')!.ok).toBe(false);
  });

  test('writes release.json and its manifest entry together, leaving no stage behind', async () => {
    const root = await mkdtemp(join(tmpdir(), 'release-write-'));
    try {
      await cp(CLEAR, root, { recursive: true });
      const run = await release(root, ['--evidence', 'evidence']);
      expect(run.exitCode).toBe(0);
      const bytes = await readFile(join(root, 'marketing/release/release.json'), 'utf8');
      const written = ReleaseReportSchema.parse(JSON.parse(bytes));
      expect(written.ready).toBe(true);
      const manifest = JSON.parse(await readFile(join(root, 'marketing/manifest.json'), 'utf8'));
      expect(manifest.entries['marketing/release/release.json']).toMatchObject({
        generator: 'release',
        command: 'npm run release',
        bytesHash: hashBytes(bytes),
        draft: false,
      });
      expect(manifest.entries['marketing/audio/intro.mp3'].provider).toBe('edge');
      expect(
        existsSync(join(root, '.cache/stage'))
          ? await import('node:fs/promises').then((fs) => fs.readdir(join(root, '.cache/stage')))
          : [],
      ).toEqual([]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('npm run release running its commands', () => {
  test('stops its running command on Ctrl-C, exits 130 and writes nothing', async () => {
    const root = await mkdtemp(join(tmpdir(), 'release-int-'));
    try {
      await cp(join(CLEAR, 'content'), join(root, 'content'), { recursive: true });
      await cp(join(CLEAR, 'marketing'), join(root, 'marketing'), { recursive: true });
      await writeFile(
        join(root, 'slow.mjs'),
        "import { writeFileSync } from 'node:fs';\nwriteFileSync('slow.pid', String(process.pid));\nsetTimeout(() => {}, 60_000);\n",
      );
      await writeFile(
        join(root, 'package.json'),
        JSON.stringify({ name: 'fixture', private: true, scripts: { doctest: 'node slow.mjs' } }),
      );
      const child = release(root, ['--offline']);
      const pidFile = join(root, 'slow.pid');
      for (let i = 0; i < 200 && !existsSync(pidFile); i++) await new Promise((done) => setTimeout(done, 50));
      const pid = Number(await readFile(pidFile, 'utf8'));
      child.kill('SIGINT');
      const run = await child;
      expect(run.exitCode).toBe(130);
      expect(run.stdout).toBe('');
      expect(existsSync(join(root, 'marketing/release/release.json'))).toBe(false);
      await new Promise((done) => setTimeout(done, 300));
      // Gone, or a zombie waiting for a container init that does not reap: either way it runs no more.
      const state = await readFile(`/proc/${pid}/stat`, 'utf8').then(
        (stat) => stat.split(') ')[1]![0],
        () => 'gone',
      );
      expect(['gone', 'Z', 'X']).toContain(state);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  test('runs each command once, reports a missing script as unverifiable, and leaves captures --evidence re-reads', async () => {
    const root = await mkdtemp(join(tmpdir(), 'release-run-'));
    try {
      await cp(join(CLEAR, 'content'), join(root, 'content'), { recursive: true });
      await cp(join(CLEAR, 'marketing'), join(root, 'marketing'), { recursive: true });
      // Two small generators of this fixture checkout: tts reports a stale output, demo is up to date.
      await writeFile(
        join(root, 'tts.mjs'),
        "console.log('content/voiceovers/intro.md:2:1 [tts-stale] marketing/audio/intro.mp3 is stale — run npm run tts'); process.exitCode = 1;\n",
      );
      await writeFile(
        join(root, 'demo.mjs'),
        "console.log(process.argv.includes('--check') ? 'recording up to date' : 'ran');\n",
      );
      await writeFile(
        join(root, 'package.json'),
        JSON.stringify({ name: 'fixture', private: true, scripts: { tts: 'node tts.mjs', demo: 'node demo.mjs' } }),
      );
      const run = await release(root, ['--offline', '--no-write', '--format', 'json']);
      const report = json(run.stdout);
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain('release: npm run tts -- --check');
      const located = report.blockers.map((blocker) => `${blocker.kind} ${where(blocker)}: ${blocker.message}`);
      expect(located).toEqual(
        expect.arrayContaining([
          'stale-output content/voiceovers/intro.md:2:1: [tts-stale] marketing/audio/intro.mp3 is stale',
          'unverified npm run doctest: cannot verify: `npm run doctest` is not available',
          'unverified npm run video -- --check: cannot verify: `npm run video` is not available',
        ]),
      );
      expect(
        located.some((line) => line.startsWith('unverified node scripts/build-checks/cli.ts build --format json:')),
      ).toBe(true);
      expect(JSON.parse(run.stdout).notes).toContain('external links not checked (--offline)');
      const again = await release(root, ['--evidence', '.cache/release/evidence', '--no-write', '--format', 'json']);
      expect(json(again.stdout).blockers).toEqual(report.blockers);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
