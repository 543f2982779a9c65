// Bench: npm run doctest over every runnable block in content/ against the stand-in, against the 30 s target.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { DoctestReportSchema } from '../core/schemas/doctest-report.ts';

/** The target: every runnable block in content/ against the stand-in, process start to exit. */
export const TARGET_SECONDS = 30;
const REPO = fileURLToPath(new URL('..', import.meta.url));

/**
 * `npm run doctest` over the real guides and posts against fresh embedded stand-ins (one per page
 * and pass), as a real process writing into a temp folder (the committed reports are never touched):
 * wall time against the 30 s target, and how many blocks ran.
 */
export async function run(): Promise<{
  name: string;
  seconds: number;
  target: number;
  ratio: number;
  blocks: number;
  passed: boolean;
}> {
  const out = await mkdtemp(join(tmpdir(), 'doctest-bench-'));
  try {
    const started = performance.now();
    const result = await execa(
      join(REPO, 'node_modules/.bin/node'),
      [join(REPO, 'scripts/doctest/cli.ts'), '--out', out],
      {
        cwd: REPO,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' },
        extendEnv: false,
        reject: false,
        all: true,
      },
    );
    const seconds = (performance.now() - started) / 1000;
    if (result.exitCode !== 0)
      throw new Error(`npm run doctest exited ${result.exitCode}:\n${String(result.all).slice(-3000)}`);
    const report = DoctestReportSchema.parse(JSON.parse(await readFile(join(out, 'doctest.json'), 'utf8')));
    const { passed, failed, notRun } = report.totals;
    const ratio = seconds / TARGET_SECONDS;
    const ok = seconds < TARGET_SECONDS;
    console.log(
      `doctest: ${report.pages.length} pages, ${passed} blocks passed, ${failed} failed, ${notRun} not run, against the stand-in in ${seconds.toFixed(2)} s wall`,
    );
    console.log(`doctest: ${ratio.toFixed(2)}× the ${TARGET_SECONDS} s target ${ok ? 'ok' : 'BELOW TARGET'}`);
    return {
      name: 'doctest: every runnable block in content/',
      seconds: Math.round(seconds * 100) / 100,
      target: TARGET_SECONDS,
      ratio: Math.round(ratio * 100) / 100,
      blocks: passed + failed + notRun,
      passed: ok,
    };
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
