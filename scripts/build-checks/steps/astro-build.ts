// Runs `astro build` for one audience into a given folder, echoing its output, and reports its errors as issues.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Transform, type Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { execa } from 'execa';
import type { Issue } from '../../../core/issue.ts';
import { parseAstroErrors } from '../lib/astro-errors.ts';

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
  /** Absolute folder Astro writes into (passed as SITE_OUT_DIR); default `dist/<audience>`. */
  outDir?: string;
  /** The build clock, passed as BUILD_NOW so Astro and the checks agree on embargoes. */
  now: Date;
  /** Where Astro's own output goes while it runs (colour codes removed). */
  echo: Writable;
  env?: Record<string, string>;
  /** Aborting kills Astro (Ctrl-C). */
  signal?: AbortSignal;
}

function plainText(): Transform {
  return new Transform({ transform: (chunk, _encoding, done) => done(null, stripVTControlCharacters(String(chunk))) });
}

/** Runs `astro build` for one audience with the project's pinned Node, echoing its output live. */
export async function runAstroBuild(options: AstroBuildOptions): Promise<AstroBuildResult> {
  const started = performance.now();
  const pinned = join(options.root, 'node_modules/.bin/node');
  const node = existsSync(pinned) ? pinned : process.execPath;
  // Node's own resolution from the root, so a checkout nested in another project still finds Astro.
  const astro = join(
    dirname(createRequire(join(options.root, 'package.json')).resolve('astro/package.json')),
    'bin/astro.mjs',
  );
  const outDir = options.outDir ? { SITE_OUT_DIR: options.outDir } : {};
  // --force: the two audiences load different entries into one content-layer cache, and a
  // renamed or removed file otherwise leaves a dangling module in it that breaks the next build.
  const child = execa(node, [astro, 'build', '--force'], {
    cwd: options.root,
    env: {
      ...options.env,
      ...outDir,
      SITE_AUDIENCE: options.audience,
      BUILD_NOW: options.now.toISOString(),
      FORCE_COLOR: '0',
      NO_COLOR: '1',
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    reject: false,
    all: true,
    cancelSignal: options.signal,
    forceKillAfterDelay: 3_000,
  });
  const echo = plainText();
  echo.pipe(options.echo, { end: false });
  child.all?.pipe(echo);
  const result = await child;
  const durationMs = performance.now() - started;
  if (result.exitCode === 0) return { ok: true, durationMs, issues: [] };
  const issues = parseAstroErrors(result.all ?? '', options.root, options.audience);
  if (issues.length === 0) {
    const tail =
      stripVTControlCharacters(result.all ?? '')
        .trim()
        .split('\n')
        .slice(-1)[0] ?? '';
    const how = result.isCanceled ? 'was stopped' : `exited ${result.exitCode}`;
    issues.push({
      file: 'astro.config.mjs',
      line: 1,
      column: 1,
      rule: 'astro',
      severity: 'error',
      message: `astro build (${options.audience}) ${how}: ${tail}`,
    });
  }
  return { ok: false, durationMs, issues };
}
