import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const REPO = join(import.meta.dirname, '../..');
const NODE = join(REPO, 'node_modules/.bin/node');
const CHECK = join(REPO, 'scripts/build-checks/cli.ts');

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'bad-input-'));
  for (const part of ['content', 'marketing', 'public', 'src/routes'])
    if (existsSync(join(REPO, part))) cpSync(join(REPO, part), join(root, part), { recursive: true });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('every command reports bad input as path:line:col', () => {
  test('npm run check runs the source checks before astro sync, which would only print a YAML stack trace', () => {
    const scripts = (
      JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    expect(scripts.check).toMatch(/^node scripts\/build-checks\/cli\.ts check && npm run typecheck( && .+)?$/);
  });

  test('a broken facts.yaml and a frontmatter without its status are located, with no stack trace', async () => {
    const post = join(root, 'content/blog/deploy-anywhere.mdx');
    writeFileSync(post, readFileSync(post, 'utf8').replace(/^status: .*\n/m, ''));
    const facts = join(root, 'content/facts.yaml');
    const lines = readFileSync(facts, 'utf8').trimEnd().split('\n').length;
    writeFileSync(facts, `${readFileSync(facts, 'utf8').trimEnd()}\nbroken: [unclosed\n`);
    const result = await execa(NODE, [CHECK, 'check', '--root', root], { cwd: REPO, reject: false, env: { CI: '' } });
    expect(result.exitCode).toBe(1);
    // The parser names the broken line or the end of the file just after it.
    expect(result.stdout).toMatch(
      new RegExp(`^content/facts\\.yaml:(${lines + 1}|${lines + 2}):\\d+ \\[schema\\] cannot parse`, 'm'),
    );
    expect(result.stdout).toMatch(
      /^content\/blog\/deploy-anywhere\.mdx:\d+:\d+ \[schema\] missing required key "status" — add status:/m,
    );
    expect(result.stdout + result.stderr).not.toMatch(/node_modules\/yaml|\n\s+at /);
  });

  test('check from a subfolder finds the checkout root', async () => {
    const fromRoot = await execa(NODE, [CHECK, 'check'], { cwd: REPO, reject: false, env: { CI: '' } });
    const fromContent = await execa(NODE, [CHECK, 'check'], {
      cwd: join(REPO, 'content/blog'),
      reject: false,
      env: { CI: '' },
    });
    expect(fromContent.stdout).not.toContain('facts file is missing');
    expect(fromContent.stdout.trim().split('\n').at(-1)).toBe(fromRoot.stdout.trim().split('\n').at(-1));
    expect(fromContent.exitCode).toBe(fromRoot.exitCode);
  });

  test('a script with a bad directive gets its own located error, not a spurious --only one', async () => {
    const tts = mkdtempSync(join(tmpdir(), 'bad-directive-'));
    try {
      cpSync(join(REPO, 'test/fixtures/tts-scripts'), tts, { recursive: true });
      const script = join(tts, 'content/voiceovers/hello-remote.md');
      writeFileSync(script, `${readFileSync(script, 'utf8').trimEnd()}\n\n[pause for effect]\n`);
      const result = await execa(NODE, [join(REPO, 'scripts/tts/cli.ts'), '--check', '--only', 'hello-remote'], {
        cwd: tts,
        reject: false,
        env: { NO_COLOR: '1' },
      });
      expect(result.exitCode).toBe(1);
      expect(result.stderr).toMatch(
        /content\/voiceovers\/hello-remote\.md:\d+:1 \[tts-text\] unknown directive "\[pause for effect\]"/,
      );
      expect(result.stderr).not.toContain('[tts-only]');
    } finally {
      rmSync(tts, { recursive: true, force: true });
    }
  });
});
