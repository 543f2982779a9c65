// npm run doctest as a real process: the real guides pass on the stand-in, and each kind of bad block fails at its path:line.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DoctestReportSchema } from '../../core/schemas/doctest-report.ts';
import { createSandbox, type Sandbox } from '../../scripts/demo/sandbox/server.ts';
import { doctestProcesses, fixture, makeRoot, REPO, runDoctest, startDoctest, workFolders } from './helpers.ts';

const GUIDE = 'content/guides/remote-workspaces.mdx';
const guideText = readFileSync(join(REPO, GUIDE), 'utf8');
const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
const readReport = (dir: string) =>
  DoctestReportSchema.parse(JSON.parse(readFileSync(join(dir, 'out/doctest.json'), 'utf8')));

describe('npm run doctest over the real guides and posts', () => {
  let tree: ReturnType<typeof makeRoot>;
  beforeAll(() => {
    tree = makeRoot({});
  });
  afterAll(() => tree.cleanup());

  test('the real guides pass on the stand-in, SDK blocks reported not run, with text, JSON and JUnit reports', async () => {
    const result = await runDoctest(['--out', join(tree.root, 'out')]);
    expect(result.exitCode, result.all).toBe(0);
    const report = readReport(tree.root);
    expect(report.ok).toBe(true);
    expect(report.platform).toEqual({ kind: 'stand-in', url: null });
    expect(report.totals.failed).toBe(0);
    const guide = report.pages.find((page) => page.file === GUIDE)!;
    expect(new Set(guide.blocks.map((block) => block.pass))).toEqual(new Set(['Path A', 'Path B']));
    expect(guide.passed).toBeGreaterThanOrEqual(12);
    const sdk = report.pages.flatMap((page) => page.blocks).filter((block) => block.command.includes('molecule_agent'));
    expect(sdk.length).toBeGreaterThanOrEqual(2);
    for (const block of sdk)
      expect(block, JSON.stringify(block)).toMatchObject({ status: 'not-run', reason: 'needs molecule-ai-sdk' });
    // Tokens the blocks printed or sent never reach a report.
    const all = ['doctest.json', 'doctest.txt', 'doctest.junit.xml']
      .map((name) => readFileSync(join(tree.root, 'out', name), 'utf8'))
      .join('\n');
    expect(all).not.toMatch(/"auth_token":"[A-Za-z0-9_-]{43}"/);
    expect(all).toContain('<testcase classname="content/guides/remote-workspaces.mdx"');
    expect(all).toMatch(/skip {2}content\/blog\/remote-workspaces-ga\.mdx:\d+ {2}not run: needs molecule-ai-sdk/);
  });

  test('--check validates the real annotations without running anything', async () => {
    const result = await runDoctest(['--check']);
    expect(result.exitCode, result.all).toBe(0);
    expect(result.stdout).toMatch(/\d+ pages, \d+ runnable blocks, every annotation valid/);
  });
});

describe("npm run doctest failures, at the block's path:line", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await createSandbox({ adminToken: 'doctest-test-admin-token-0123456789abcdefghijk' });
  });
  afterAll(() => sandbox.close());

  test("a route misspelled inside a guide's curl block fails there; no process, work folder or workspace is left", async () => {
    const broken = guideText.replace(
      '"$PLATFORM_URL/registry/register" \\\n  -H "Content-Type: application/json" -d "$CARD" | jq',
      '"$PLATFORM_URL/registry/registr" \\\n  -H "Content-Type: application/json" -d "$CARD" | jq',
    );
    expect(broken).not.toBe(guideText);
    const tree = makeRoot({ 'remote-workspaces.mdx': broken });
    const before = workFolders();
    try {
      const result = await runDoctest(['--root', tree.root, '--out', 'out'], {
        PLATFORM_URL: sandbox.url,
        ADMIN_TOKEN: 'doctest-test-admin-token-0123456789abcdefghijk',
      });
      expect(result.exitCode, result.all).toBe(1);
      const fence = lineOf(broken, '```bash\nCARD=');
      expect(result.stderr).toContain(
        `content/guides/remote-workspaces.mdx:${fence}:1 [doctest] [Path A] POST /registry/registr → 404`,
      );
      expect(result.stderr).not.toContain('doctest-test-admin-token');
      const report = readReport(tree.root);
      expect(report.platform.kind).toBe('platform');
      expect(report.ok).toBe(false);
      expect(report.pages[0]!.blocks.find((block) => block.line > fence && block.pass === 'Path A')).toMatchObject({
        status: 'not-run',
        reason: `an earlier block failed (line ${fence})`,
      });
      expect(doctestProcesses()).toEqual([]);
      expect(workFolders().filter((name) => !before.includes(name))).toEqual([]);
      const live = [...sandbox.store.workspaces.values()].filter((row) => row.status !== 'removed');
      expect(live.map((row) => row.name)).toEqual([]);
    } finally {
      tree.cleanup();
    }
  });

  test('a changed expected status fails at the block with the status and the body', async () => {
    const changed = guideText.replace('pass: Path A\nexpect: [status 201', 'pass: Path A\nexpect: [status 200');
    expect(changed).not.toBe(guideText);
    const tree = makeRoot({ 'remote-workspaces.mdx': changed });
    try {
      const result = await runDoctest(['--root', tree.root, '--out', 'out', '--only', GUIDE]);
      expect(result.exitCode, result.all).toBe(1);
      const fence = lineOf(changed, '```bash\nWORKSPACE_ID=$(curl');
      expect(result.stderr).toMatch(
        new RegExp(
          `remote-workspaces\\.mdx:${fence}:1 \\[doctest\\] \\[Path A\\] expect status 200: POST /workspaces → 201 — body: \\{"id":`,
        ),
      );
    } finally {
      tree.cleanup();
    }
  });

  test('a Python block with a syntax error, a block whose server never starts and one that times out fail at their lines', async () => {
    const tree = makeRoot({
      'python.mdx': fixture('python-syntax-error.mdx'),
      'server.mdx': fixture('server-never-starts.mdx'),
      'slow.mdx': fixture('block-timeout.mdx'),
    });
    try {
      const result = await runDoctest(['--root', tree.root, '--out', 'out']);
      expect(result.exitCode, result.all).toBe(1);
      const python = lineOf(fixture('python-syntax-error.mdx'), '```python');
      expect(result.stderr).toMatch(
        new RegExp(`content/guides/python\\.mdx:${python + 2}:1 \\[doctest\\] \`python3 \\(SyntaxError`),
      );
      const server = lineOf(fixture('server-never-starts.mdx'), '```bash');
      expect(result.stderr).toMatch(
        new RegExp(
          `content/guides/server\\.mdx:${server}:1 \\[doctest\\] timed out after 2 s waiting for port \\d+ to accept connections \\(wait: \\$DOCTEST_AGENT_PORT\\) — last output: agent: giving up`,
        ),
      );
      const slow = lineOf(fixture('block-timeout.mdx'), '```bash');
      expect(result.stderr).toContain(
        `content/guides/slow.mdx:${slow}:1 [doctest] timed out after 1 s running the block (timeout: 1) — last output: waiting for the platform`,
      );
      expect(doctestProcesses()).toEqual([]);
    } finally {
      tree.cleanup();
    }
  });

  test('a page with only norun blocks is a warning, not a success', async () => {
    const tree = makeRoot({ 'norun.mdx': fixture('only-norun.mdx') });
    try {
      const result = await runDoctest(['--root', tree.root, '--out', 'out']);
      expect(result.exitCode, result.all).toBe(0);
      expect(result.stderr).toContain(
        'warning [doctest-none] no block of this page ran (configures the platform host itself)',
      );
      const report = readReport(tree.root);
      expect(report.ok).toBe(false);
      expect(report.totals).toMatchObject({ passed: 0, failed: 0, notRun: 1 });
    } finally {
      tree.cleanup();
    }
  });

  test('annotations that do not parse or name unknown expectations and keys fail --check at their lines (exit 1)', async () => {
    const text = fixture('bad-annotations.mdx');
    const tree = makeRoot({ 'bad.mdx': text });
    try {
      const result = await runDoctest(['--root', tree.root, '--check']);
      expect(result.exitCode, result.all).toBe(1);
      expect(result.stderr).toContain(
        `bad.mdx:${lineOf(text, '[status 201')}:1 [doctest-annotation] annotation does not parse`,
      );
      expect(result.stderr).toContain(
        `bad.mdx:${lineOf(text, 'stauts')}:1 [doctest-annotation] unknown expectation "stauts 200" — did you mean "status …"?`,
      );
      expect(result.stderr).toContain(
        `bad.mdx:${lineOf(text, 'bakground')}:1 [doctest-annotation] annotation Unrecognized key: "bakground"`,
      );
    } finally {
      tree.cleanup();
    }
  });

  test("a plain Python block and a capture run in the page's session; a capture that finds nothing names the jq path and shows the body; a differing sample answer is drift", async () => {
    const text = fixture('capture-and-drift.mdx');
    const tree = makeRoot({ 'capture.mdx': text });
    try {
      const result = await runDoctest(['--root', tree.root, '--out', 'out']);
      expect(result.exitCode, result.all).toBe(1);
      expect(result.stderr).toContain(
        `capture.mdx:${lineOf(text, '# 200 {"status":"healthy"}')}:1 warning [doctest-drift] the doc shows 200 {"status":"healthy"} but the platform answered 200 {"status":"ok"}`,
      );
      expect(result.stderr).toContain(
        'capture TOKEN: .auth_token finds nothing in GET /health → 200 — body: {"status":"ok"}',
      );
      const report = readReport(tree.root);
      expect(report.pages[0]!.blocks.map((block) => block.status)).toEqual(['passed', 'passed', 'passed', 'failed']);
    } finally {
      tree.cleanup();
    }
  });

  test('Ctrl-C stops the run mid-page with exit 130 and leaves no process behind', async () => {
    const tree = makeRoot({});
    const child = startDoctest(['--out', join(tree.root, 'out')]);
    // Interrupt once the first page is running (its progress line is printed as it starts).
    await new Promise<void>((resolve) =>
      child.stderr!.on('data', (chunk: Buffer) => String(chunk).includes('doctest: content/') && resolve()),
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
    child.kill('SIGINT');
    const result = await child;
    expect(result.exitCode, String(result.all)).toBe(130);
    expect(doctestProcesses()).toEqual([]);
    // An interrupted run publishes nothing.
    expect(existsSync(join(tree.root, 'out'))).toBe(false);
    tree.cleanup();
  });

  test('reports under marketing/ get draft manifest entries, and a stand-in run never replaces a platform-verified report unless asked', async () => {
    const tree = makeRoot({ 'norun.mdx': fixture('only-norun.mdx') });
    try {
      const first = await runDoctest(['--root', tree.root]);
      expect(first.exitCode, first.all).toBe(0);
      const manifestPath = join(tree.root, 'marketing/manifest.json');
      const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
      const entry = manifest.entries['marketing/doctest/doctest.json'];
      expect(entry).toMatchObject({
        generator: 'doctest',
        command: 'npm run doctest',
        provider: 'stand-in',
        draft: true,
        sources: ['content/guides/norun.mdx'],
      });
      expect(Object.keys(manifest.entries).sort()).toEqual([
        'marketing/doctest/doctest.json',
        'marketing/doctest/doctest.junit.xml',
        'marketing/doctest/doctest.txt',
      ]);
      // Pretend the last run was on a real platform: the next stand-in run must keep it.
      manifest.entries['marketing/doctest/doctest.json'] = { ...entry, provider: 'platform', draft: false };
      writeFileSync(manifestPath, JSON.stringify(manifest));
      const before = readFileSync(join(tree.root, 'marketing/doctest/doctest.json'), 'utf8');
      const kept = await runDoctest(['--root', tree.root]);
      expect(kept.exitCode, kept.all).toBe(0);
      expect(kept.stderr).toContain(
        'marketing/doctest/doctest.json warning [doctest-final] kept the report verified on a real platform',
      );
      expect(readFileSync(join(tree.root, 'marketing/doctest/doctest.json'), 'utf8')).toBe(before);
      const replaced = await runDoctest(['--root', tree.root, '--replace-final']);
      expect(replaced.exitCode, replaced.all).toBe(0);
      expect(readFileSync(join(tree.root, 'marketing/doctest/doctest.json'), 'utf8')).not.toBe(before);
    } finally {
      tree.cleanup();
    }
  });

  test('usage problems exit 2', async () => {
    expect((await runDoctest(['--only', 'content/press/phase30.mdx'])).exitCode).toBe(2);
    expect((await runDoctest(['--check'], { PLATFORM_URL: 'ftp://x' })).exitCode).toBe(2);
  });
});
