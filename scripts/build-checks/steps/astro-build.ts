// Runs `astro build` for one audience into a given folder, echoing its output, and reports its errors as issues.
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { setPriority } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Transform, type Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { execa } from 'execa';
import type { Issue } from '../../../core/issue.ts';
import { parseAstroErrors } from '../lib/astro-errors.ts';
import { astroRootFor } from '../../../core/astro-root.ts';

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
  /**
   * Absolute folder the finished site is moved into; default `dist/<audience>`. Astro itself always
   * writes into {@link astroWorkDir}, whose path never changes (see there).
   */
  outDir?: string;
  /** The build clock, passed as BUILD_NOW so Astro and the checks agree on embargoes. */
  now: Date;
  /** Where Astro's own output goes while it runs (colour codes removed). */
  echo: Writable;
  env?: Record<string, string>;
  /** Drop Astro's content cache first (`astro build --force`). */
  force?: boolean;
  /** Aborting kills Astro (Ctrl-C). */
  signal?: AbortSignal;
  /**
   * Scheduling priority (nice, 0–19) for this build: a build off the critical path yields the CPU
   * to the one on it. Set right after the spawn, so every thread Astro starts inherits it.
   */
  niceness?: number;
}

/**
 * Where Astro writes an audience before the site is moved to its `outDir`: always the same path
 * (under the git-ignored .cache/), because Astro puts its outDir into the code of the pages that
 * use astro:assets, and a new path per build would change their code from one build to the next.
 * The checkout lock keeps two builds from sharing it.
 */
export function astroWorkDir(root: string, audience: 'public' | 'internal'): string {
  return join(root, '.cache/astro-out', audience);
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
  const workDir = options.outDir ? astroWorkDir(options.root, options.audience) : undefined;
  const outDir = workDir ? { SITE_OUT_DIR: workDir } : {};
  // Each audience has its own cacheDir (astro.config.mjs), so its content store only ever holds
  // that audience's entries.
  const child = execa(node, [astro, 'build', ...(options.force ? ['--force'] : [])], {
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
  if (options.niceness && child.pid !== undefined) {
    try {
      setPriority(child.pid, options.niceness);
    } catch {
      // A system that refuses is only slower; the build is the same.
    }
  }
  const echo = plainText();
  echo.pipe(options.echo, { end: false });
  child.all?.pipe(echo);
  const result = await child;
  if (result.exitCode === 0 && workDir && options.outDir) {
    await mkdir(dirname(options.outDir), { recursive: true });
    await rm(options.outDir, { recursive: true, force: true });
    await rename(workDir, options.outDir);
  } else if (workDir) await rm(workDir, { recursive: true, force: true });
  const durationMs = performance.now() - started;
  if (result.exitCode === 0) return { ok: true, durationMs, issues: [] };
  const issues = parseAstroErrors(
    result.all ?? '',
    options.root,
    options.audience,
    astroRootFor(options.root, options.audience),
  );
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
