// Stage 2: runs every page, each alternative as its own pass on a fresh platform, one page after another.
import { execa } from 'execa';
import { randomUUID } from 'node:crypto';
import type { PageResult } from '../lib/block-result.ts';
import { runPass, type PassContext } from '../lib/run-pass.ts';
import type { PlatformChoice } from '../lib/platform-target.ts';
import type { PageSpec } from './collect-pages.ts';

/** What the run was asked for. */
export interface RunOptions {
  platform: PlatformChoice;
  orgId: string | undefined;
  signal: AbortSignal;
  /** Called when a page starts, for progress lines. */
  onPage?: (file: string, pass: string | null) => void;
}

/** Whether `python3 -c "import <module>"` works here (`molecule_agent`: then SDK blocks run too). */
export async function isImportable(module: string): Promise<boolean> {
  const result = await execa('python3', ['-c', `import ${module}`], { reject: false });
  return result.exitCode === 0;
}

// A URL with user:password@ must not reach a report.
function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString().replace(/\/$/, '');
}

/** Runs the pages; `platform` reports where the last pass ran (stand-in URLs differ per pass). */
export async function runPages(
  pages: readonly PageSpec[],
  options: RunOptions,
): Promise<{ results: PageResult[]; platform: { kind: 'stand-in' | 'platform'; url: string | null }; runId: string }> {
  const runId = randomUUID();
  const [sdkAvailable, requestsAvailable] = await Promise.all([
    isImportable('molecule_agent'),
    isImportable('requests'),
  ]);
  let platform: { kind: 'stand-in' | 'platform'; url: string | null } = {
    kind: options.platform.url ? 'platform' : 'stand-in',
    url: options.platform.url ? withoutCredentials(options.platform.url) : null,
  };
  const ctx: PassContext = {
    platform: options.platform,
    orgId: options.orgId,
    sdkAvailable,
    requestsAvailable,
    signal: options.signal,
    runId,
    onPlatform: (kind, url) => (platform = { kind, url: kind === 'stand-in' ? null : withoutCredentials(url) }),
  };
  const results: PageResult[] = [];
  for (const page of pages) {
    const result: PageResult = { file: page.file, blocks: [], problems: [] };
    results.push(result);
    for (const pass of page.passes) {
      if (options.signal.aborted) break;
      options.onPage?.(page.file, pass);
      const { blocks, problems } = await runPass(page, pass, ctx);
      result.blocks.push(...blocks);
      result.problems.push(...problems);
    }
  }
  return { results, platform, runId };
}
