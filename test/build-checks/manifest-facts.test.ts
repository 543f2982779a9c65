import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { probeAudio } from '../../scripts/lib/measure-audio.ts';

const REPO = join(import.meta.dirname, '../..');
const NODE = join(REPO, 'node_modules/.bin/node');
const AUDIO = 'marketing/audio/phase30-announce.mp3';
const CAST = 'marketing/demo/phase30-walkthrough.cast';

let root: string;
let manifestText: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'manifest-facts-'));
  for (const part of ['content', 'marketing', 'public', 'src/routes'])
    if (existsSync(join(REPO, part))) cpSync(join(REPO, part), join(root, part), { recursive: true });
  manifestText = readFileSync(join(root, 'marketing/manifest.json'), 'utf8');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const check = () =>
  execa(NODE, [join(REPO, 'scripts/build-checks/cli.ts'), 'check', '--root', root], {
    cwd: REPO,
    reject: false,
    env: { CI: '' },
  });

describe('facts a file can prove are read from the file', () => {
  test('a hand-edited manifest cannot hide a stand-in recording, a draft or a wrong duration', async () => {
    const manifest = JSON.parse(manifestText) as {
      entries: Record<string, { provider?: string; draft: boolean; durationSeconds?: number }>;
    };
    for (const [path, entry] of Object.entries(manifest.entries))
      if (path.startsWith('marketing/demo/')) Object.assign(entry, { provider: 'platform', draft: false });
    Object.assign(manifest.entries[AUDIO]!, { durationSeconds: 12.3, draft: false });
    writeFileSync(join(root, 'marketing/manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    try {
      const result = await check();
      const measured = (await probeAudio(join(root, AUDIO))).durationSeconds;
      expect(result.exitCode).toBe(1);
      expect(result.stdout).toMatch(
        new RegExp(
          `^marketing/manifest\\.json:\\d+:\\d+ \\[manifest\\] ${CAST.replace(/[./]/g, '\\$&')} is listed as provider "platform", draft false, but the recording itself was made on the stand-in platform`,
          'm',
        ),
      );
      expect(result.stdout).toContain(
        `[manifest] ${AUDIO} is listed as 12.3 s, but the file measures ${measured.toFixed(1)} s`,
      );
      expect(result.stdout).toContain(
        `[manifest] ${AUDIO} is listed as final (draft false), but the file is tagged as an espeak-ng DRAFT`,
      );
    } finally {
      writeFileSync(join(root, 'marketing/manifest.json'), manifestText);
    }
  }, 60_000);

  test('tts and check give an off-target voice-over the same verdict, from the measured length', async () => {
    const script = join(root, 'content/voiceovers/phase30-announce.md');
    const original = readFileSync(script, 'utf8');
    writeFileSync(script, original.replace(/^targetSeconds: \d+$/m, 'targetSeconds: 200'));
    try {
      const measured = (await probeAudio(join(root, AUDIO))).durationSeconds.toFixed(1);
      const built = await check();
      expect(built.exitCode).toBe(1);
      expect(built.stdout).toMatch(
        new RegExp(
          `content/voiceovers/phase30-announce\\.md:\\d+:\\d+ \\[duration\\] ${AUDIO.replace(/[./]/g, '\\$&')} measures ${measured} s, more than 10 % from targetSeconds 200`,
        ),
      );
      const tts = await execa(
        NODE,
        [join(REPO, 'scripts/tts/cli.ts'), '--provider', 'espeak', '--only', 'phase30-announce'],
        { cwd: root, reject: false, env: { NO_COLOR: '1' } },
      );
      expect(tts.exitCode).toBe(1);
      expect(tts.stderr).toMatch(
        new RegExp(
          `content/voiceovers/phase30-announce\\.md:\\d+:\\d+ \\[tts-duration\\] ${AUDIO.replace(/[./]/g, '\\$&')} measures [\\d.]+ s \\(espeak\\), more than 10 % from targetSeconds 200`,
        ),
      );
    } finally {
      writeFileSync(script, original);
    }
  }, 120_000);
});
