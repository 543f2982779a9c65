// Bench: a tts rerun with nothing changed must take under a second and make no synthesis call.
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { generateVoiceovers } from '../scripts/tts/generate.ts';

/** The target for a rerun with nothing changed. */
export const TARGET_SECONDS = 1;
const REPO = fileURLToPath(new URL('..', import.meta.url));

/**
 * `npm run tts` rerun with nothing changed, over every script in content/voiceovers: wall time
 * (target < 1 s) and synthesis calls (must be 0). Runs on a copy of the scripts, the audio and
 * the manifest so the repo is never touched, with Edge pointed at a closed loopback port so
 * nothing can reach the network. Times the run in-process and as a whole `node cli.ts` process.
 */
export async function run(): Promise<{
  name: string;
  scripts: number;
  seconds: number;
  processSeconds: number;
  synthesisCalls: number;
  target: number;
  ratio: number;
  passed: boolean;
}> {
  const root = await mkdtemp(join(tmpdir(), 'tts-bench-'));
  try {
    await cp(join(REPO, 'content/voiceovers'), join(root, 'content/voiceovers'), { recursive: true });
    await mkdir(join(root, 'marketing'), { recursive: true });
    if (existsSync(join(REPO, 'marketing/audio')))
      await cp(join(REPO, 'marketing/audio'), join(root, 'marketing/audio'), { recursive: true });
    if (existsSync(join(REPO, 'marketing/manifest.json')))
      await cp(join(REPO, 'marketing/manifest.json'), join(root, 'marketing/manifest.json'));
    const edge = {
      endpoint: 'ws://127.0.0.1:9/closed',
      retry: { attempts: 1, baseDelayMs: 0, maxDelayMs: 0, jitter: 0 },
    };

    const report = await generateVoiceovers({
      root,
      provider: 'auto',
      strict: false,
      force: false,
      only: [],
      check: false,
      edge,
    });
    const seconds = report.elapsedMs / 1000;
    const started = performance.now();
    await execa(join(REPO, 'node_modules/.bin/node'), [join(REPO, 'scripts/tts/cli.ts')], {
      cwd: root,
      env: { EDGE_TTS_WSS_URL: edge.endpoint },
    });
    const processSeconds = (performance.now() - started) / 1000;

    const cached = report.results.filter((result) => result.status === 'cached').length;
    const calls = report.counters.synthesisCalls;
    const passed = calls === 0 && seconds < TARGET_SECONDS && cached === report.results.length;
    const ratio = seconds / TARGET_SECONDS;
    console.log(
      `tts: rerun of ${report.results.length} scripts, ${cached} up to date: ${seconds.toFixed(3)} s in-process, ${processSeconds.toFixed(2)} s as a process (node startup included)`,
    );
    console.log(
      `tts: ${calls} synthesis calls (must be 0); ${ratio.toFixed(2)}× the ${TARGET_SECONDS} s target ${passed ? 'ok' : calls > 0 ? 'FAILED' : 'BELOW TARGET'}`,
    );
    // Time is a ratio to report; a synthesis call on a rerun is a broken cache, so it fails the bench.
    if (calls > 0)
      throw new Error(
        `tts rerun made ${calls} synthesis calls; outputs were stale (run npm run tts) or the cache is broken`,
      );
    return {
      name: 'tts: cached rerun',
      scripts: report.results.length,
      seconds: Math.round(seconds * 1000) / 1000,
      processSeconds: Math.round(processSeconds * 100) / 100,
      synthesisCalls: calls,
      target: TARGET_SECONDS,
      ratio: Math.round(ratio * 100) / 100,
      passed,
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
