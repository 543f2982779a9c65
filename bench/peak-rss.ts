// Runs a command timed from outside, with the peak resident memory GNU time reports for it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

/** One timed run: wall time, the largest process's peak RSS, the exit code and what it printed. */
export interface TimedRun {
  totalMs: number;
  /** Peak RSS in MiB of the largest process of the run (GNU time's %M: the command or its biggest child). */
  peakRssMiB: number;
  exitCode: number;
  stdout: string;
  output: string;
}

const GNU_TIME = '/usr/bin/time';

/** Runs `command args` under `/usr/bin/time -f %M` (install the `time` package where it is missing). */
export async function timeCommand(
  command: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<TimedRun> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const report = join(dir, 'rss');
  try {
    const started = performance.now();
    const result = await execa(GNU_TIME, ['-f', '%M', '-o', report, command, ...args], {
      ...options,
      reject: false,
      all: true,
    });
    const totalMs = performance.now() - started;
    const kib = Number(readFileSync(report, 'utf8').trim().split('\n').pop());
    return {
      totalMs,
      peakRssMiB: kib / 1024,
      exitCode: result.exitCode ?? 1,
      stdout: result.stdout,
      output: result.all ?? '',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
