import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { findSecrets } from '../../scripts/build-checks/lib/secret-shapes.ts';
import { redact } from '../../scripts/lib/redact.ts';

const REPO = join(import.meta.dirname, '../..');
/** A fresh 43-character base64url token, the platform's own format. */
const token = () => randomBytes(32).toString('base64url');

describe('the secret rule', () => {
  const TOKEN = token();
  const CAUGHT: Array<[form: string, text: string]> = [
    ['a lower-case authorization header', `authorization: bearer ${TOKEN}`],
    ['an upper-case header', `AUTHORIZATION: BEARER ${TOKEN}`],
    ['the register template export', `export WORKSPACE_AUTH_TOKEN=${TOKEN}`],
    ['a quoted .env key', `DEMO_API_KEY="${TOKEN}"`],
    ['a *_SECRET assignment', `CLIENT_SECRET = ${TOKEN}`],
    ['a JSON value', `{"workspaceToken": "${TOKEN}"}`],
    ['a JSON api key', `{ "api_key" : "${TOKEN}" }`],
    ['a YAML value', `auth:\n  token: ${TOKEN}\n`],
    ['a URL query parameter', `wss://platform.example/ws?token=${TOKEN}&org=acme`],
    ['an access_token query parameter', `https://x.test/cb?code=1&access_token=${TOKEN}`],
  ];
  test.each(CAUGHT)('catches %s', (_form, text) => {
    const hits = findSecrets(text);
    expect(hits).toHaveLength(1);
    expect(text.slice(hits[0]!.index, hits[0]!.index + TOKEN.length)).toBe(TOKEN);
  });

  const ALLOWED: Array<[form: string, text: string]> = [
    ['a shell variable', 'export WORKSPACE_AUTH_TOKEN=$WORKSPACE_AUTH_TOKEN'],
    ['an angle-bracket placeholder', 'Authorization: Bearer <token>'],
    ['a redacted value', 'authorization: bearer «redacted»'],
    ['a braced variable', 'curl "$URL?token=${TOKEN}"'],
    ['a key named in prose', 'the sidebar key: remote-workspaces-getting-started'],
    ['a JSON placeholder', '{"auth_token": "your-workspace-token-goes-here"}'],
    ['an x-ed out token', `token: ${'x'.repeat(43)}`],
  ];
  test.each(ALLOWED)('allows %s', (_form, text) => {
    expect(findSecrets(text)).toEqual([]);
  });

  test('redact removes the value of every caught form', () => {
    for (const [, text] of CAUGHT) expect(redact(text)).not.toContain(TOKEN);
  });
});

describe('npm run check on a copy of the real launch', () => {
  const root = mkdtempSync(join(tmpdir(), 'secret-real-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('fails on a pasted register template and a lower-case header, without printing either value', async () => {
    for (const part of ['content', 'marketing', 'public', 'src/routes'])
      if (existsSync(join(REPO, part))) cpSync(join(REPO, part), join(root, part), { recursive: true });
    const file = join(root, 'content/guides/remote-workspaces.mdx');
    const [header, exported] = [token(), token()];
    writeFileSync(
      file,
      `${readFileSync(file, 'utf8').trimEnd()}\n\n\`\`\`sh\ncurl -H 'authorization: bearer ${header}' https://moleculesai.app/health\nexport WORKSPACE_AUTH_TOKEN=${exported}\n\`\`\`\n`,
    );
    const baseline = await execa(
      join(REPO, 'node_modules/.bin/node'),
      [join(REPO, 'scripts/build-checks/cli.ts'), 'check', '--root', join(REPO, 'content', '..')],
      { cwd: REPO, reject: false },
    );
    expect(baseline.stdout).not.toContain('[secret]');
    const result = await execa(
      join(REPO, 'node_modules/.bin/node'),
      [join(REPO, 'scripts/build-checks/cli.ts'), 'check', '--root', root],
      { cwd: REPO, reject: false, env: { CI: '' } },
    );
    expect(result.exitCode).toBe(1);
    const secrets = result.stdout
      .split('\n')
      .filter((line) => line.includes('[secret]') && line.startsWith('content/guides/remote-workspaces.mdx:'));
    expect(secrets).toHaveLength(2);
    expect(result.stdout + result.stderr).not.toContain(header);
    expect(result.stdout + result.stderr).not.toContain(exported);
  }, 60_000);
});
