// Stage: runs `astro build` for one audience and turns its errors into located issues.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { execa } from 'execa';
import type { Writable } from 'node:stream';
import type { Issue } from '../../../core/issue.ts';

/** What one `astro build` did. */
export interface AstroBuildResult {
  ok: boolean;
  durationMs: number;
  /** Problems Astro reported, located where Astro says (or at astro.config.mjs). */
  issues: Issue[];
}

/** Options for {@link runAstroBuild}. */
export interface AstroBuildOptions {
  root: string;
  audience: 'public' | 'internal';
  /** The build clock, passed as BUILD_NOW so Astro and the checks agree on embargoes. */
  now: Date;
  /** Where Astro's own output goes while it runs. */
  echo: Writable;
  env?: Record<string, string>;
}

const LOCATION = /((?:\/|\.\/)?[\w@./-]+\.(?:mdx?|astro|ts|mjs|js|ya?ml|json)):(\d+)(?::(\d+))?/;

/** Turns Astro's error output into located issues (rule `astro`). */
export function parseAstroErrors(output: string, root: string, audience: string): Issue[] {
  const lines = output.split('\n');
  const issues: Issue[] = [];
  lines.forEach((line, index) => {
    if (!/\[ERROR\]|^\s*error\s|Error:/.test(line)) return;
    const message = line.replace(/^.*?\[ERROR\]\s*(\[[\w:-]+\]\s*)?/, '').replace(/^\s*error\s+/, '').trim();
    const nearby = lines.slice(index, index + 12).join('\n');
    const where = LOCATION.exec(nearby);
    let file = 'astro.config.mjs';
    if (where) file = isAbsolute(where[1]!) ? relative(root, where[1]!) : where[1]!.replace(/^\.\//, '');
    issues.push({
      file,
      line: where ? Number(where[2]) : 1,
      column: where?.[3] ? Number(where[3]) : 1,
      rule: 'astro',
      severity: 'error',
      message: `astro build (${audience}): ${message || 'failed'}`,
    });
  });
  return issues;
}

/** Runs `astro build` for one audience with the project's pinned Node, echoing its output live. */
export async function runAstroBuild(options: AstroBuildOptions): Promise<AstroBuildResult> {
  const started = performance.now();
  const pinned = join(options.root, 'node_modules/.bin/node');
  const node = existsSync(pinned) ? pinned : process.execPath;
  // Node's own resolution from the root, so a checkout nested in another project still finds Astro.
  const astro = join(dirname(createRequire(join(options.root, 'package.json')).resolve('astro/package.json')), 'bin/astro.mjs');
  // --force: the two audiences load different entries into one content-layer cache, and a
  // renamed or removed file otherwise leaves a dangling module in it that breaks the next build.
  const result = await execa(node, [astro, 'build', '--force'], {
    cwd: options.root,
    // Telemetry off: its first-run notice is noise in every build log.
    env: { ...options.env, SITE_AUDIENCE: options.audience, BUILD_NOW: options.now.toISOString(), FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1' },
    reject: false,
    all: true,
    stdout: ['pipe', options.echo],
    stderr: ['pipe', options.echo],
  });
  const durationMs = performance.now() - started;
  if (result.exitCode === 0) return { ok: true, durationMs, issues: [] };
  const issues = parseAstroErrors(result.all ?? '', options.root, options.audience);
  if (issues.length === 0) {
    const tail = (result.all ?? '').trim().split('\n').slice(-1)[0] ?? '';
    issues.push({ file: 'astro.config.mjs', line: 1, column: 1, rule: 'astro', severity: 'error', message: `astro build (${options.audience}) exited ${result.exitCode}: ${tail}` });
  }
  return { ok: false, durationMs, issues };
}
