// Test helper: real Astro builds of the repo or a fixture, cached by content and code hash.
import { execFile } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { hashBytes, hashJson } from '../../core/hash.ts';

const run = promisify(execFile);

/** Repo root (tests run from it). */
export const REPO_ROOT = process.cwd();
/** Where test builds live: inside the repo so the copied projects resolve node_modules, and git-ignored. */
export const SITE_TEST_CACHE = join(REPO_ROOT, '.cache', 'site-tests');
/** What a project copy needs to build. */
const PROJECT_PARTS = ['core', 'src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];
/** What a site build depends on; a change to any of these files means a new build (other scripts/ folders are other commands). */
// core/ and scripts/lib are what the site imports; scripts/demo is hashed by the demo page's staleness note.
const SITE_INPUTS = [
  'core',
  'src',
  'public',
  'scripts/lib',
  'scripts/assets',
  'scripts/demo',
  'astro.config.mjs',
  'package.json',
];
const BUILD_TIMEOUT_MS = 240_000;
const VITEST_ENV_KEYS = /^(VITEST.*|TEST|DEV|PROD|MODE|SSR|BASE_URL)$/;

/** Both audiences of one build. */
export interface SiteBuild {
  /** Project root that was built (the repo, or a copy with fixture content). */
  root: string;
  public: string;
  internal: string;
}

async function listFiles(path: string): Promise<string[]> {
  const info = await stat(path).catch(() => undefined);
  if (!info) return [];
  if (info.isFile()) return [path];
  const names = (await readdir(path)).filter((name) => !name.startsWith('.') && name !== 'node_modules');
  return (await Promise.all(names.map((name) => listFiles(join(path, name))))).flat();
}

let codeHash: Promise<string> | undefined;
/** Hash of the site code, computed once per test file so all its builds agree even while others edit the tree. */
function hashSiteCode(): Promise<string> {
  codeHash ??= hashTree(REPO_ROOT, SITE_INPUTS);
  return codeHash;
}

async function hashTree(root: string, parts: readonly string[]): Promise<string> {
  const files = (await Promise.all(parts.map((part) => listFiles(join(root, part))))).flat().sort();
  const entries = await Promise.all(files.map(async (file) => [relative(root, file), hashBytes(await readFile(file))]));
  return hashJson(entries).slice('sha256:'.length, 'sha256:'.length + 16);
}

/**
 * Runs `astro build` for one audience of a project into outDir, in a child process with its own
 * content cache. Fails with Astro's output when the build fails.
 */
export async function buildAudience(
  root: string,
  audience: 'public' | 'internal',
  outDir: string,
  buildNow?: string,
): Promise<void> {
  // Vitest exports NODE_ENV=test, DEV=1, MODE=test…; Astro would pick them up and build in dev
  // mode (no Starlight search UI), so the child gets the environment a shell build would have.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !VITEST_ENV_KEYS.test(key)));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    SITE_AUDIENCE: audience,
    ASTRO_CACHE_DIR: join(outDir, '..', `.astro-cache-${audience}`),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  if (buildNow) env.BUILD_NOW = buildNow;
  else delete env.BUILD_NOW;
  try {
    await run(process.execPath, [join(REPO_ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], {
      cwd: root,
      env,
      timeout: BUILD_TIMEOUT_MS,
      maxBuffer: 32 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`astro build (${audience}) of ${root} failed:\n${stdout.slice(-6000)}\n${stderr.slice(-4000)}`, {
      cause: error,
    });
  }
}

/** A temp build dir left by a crashed run; younger ones may belong to a run in progress. */
const STALE_TEMP_MS = 15 * 60_000;

/** Deletes earlier builds of the same kind (names starting with `prefix`) that `keep` does not match. */
async function pruneBuilds(prefix: string, keep: string): Promise<void> {
  const names = await readdir(SITE_TEST_CACHE).catch(() => [] as string[]);
  const doomed = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || name.includes(keep)) continue;
    const path = join(SITE_TEST_CACHE, name);
    if (name.endsWith('.tmp')) {
      const info = await stat(path).catch(() => undefined);
      if (!info || Date.now() - info.mtimeMs < STALE_TEMP_MS) continue;
    }
    doomed.push(rm(path, { recursive: true, force: true }));
  }
  await Promise.all(doomed);
}

async function buildOnce(
  key: string,
  root: string,
  audiences: ReadonlyArray<'public' | 'internal'>,
  buildNow?: string,
): Promise<string> {
  const done = join(SITE_TEST_CACHE, key);
  if (existsSync(join(done, '.complete'))) return done;
  const work = `${done}.${process.pid}.tmp`;
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  for (const audience of audiences) await buildAudience(root, audience, join(work, audience), buildNow);
  await writeFile(join(work, '.complete'), new Date().toISOString());
  // Another run may have finished the same build meanwhile; either copy is good.
  await rm(done, { recursive: true, force: true });
  await rename(work, done);
  return done;
}

/**
 * Builds the real repo (both audiences) once per content+code hash and UTC day (embargoes move
 * with the clock), and reuses it across test files and runs.
 */
export async function buildRealSite(): Promise<SiteBuild> {
  const day = new Date().toISOString().slice(0, 10);
  const key = `real-${await hashSiteCode()}-${await hashTree(REPO_ROOT, ['content', 'marketing'])}-${day}`;
  await pruneBuilds('real-', key);
  const dir = await buildOnce(key, REPO_ROOT, ['public', 'internal'], `${day}T00:00:00Z`);
  return { root: REPO_ROOT, public: join(dir, 'public'), internal: join(dir, 'internal') };
}

/**
 * Builds a copy of the project whose content/ (and marketing/, if any) comes from
 * test/fixtures/<fixture>/, at a pinned build clock, for controlled publishing cases.
 */
export async function buildFixtureSite(
  fixture: string,
  buildNow: string,
  audiences: ReadonlyArray<'public' | 'internal'> = ['public', 'internal'],
): Promise<SiteBuild> {
  const fixtureDir = join(REPO_ROOT, 'test', 'fixtures', fixture);
  const codeHash = await hashSiteCode();
  const contentHash = await hashTree(fixtureDir, ['content', 'marketing']);
  const stamp = buildNow.replace(/[^0-9]/g, '').slice(0, 12);
  const root = join(SITE_TEST_CACHE, `project-${fixture}-${codeHash}-${contentHash}`);
  await pruneBuilds(`project-${fixture}-`, `${codeHash}-${contentHash}`);
  await pruneBuilds(`fixture-${fixture}-`, `${codeHash}-${contentHash}`);
  if (!existsSync(join(root, '.complete'))) {
    await rm(root, { recursive: true, force: true });
    for (const part of PROJECT_PARTS) await cp(join(REPO_ROOT, part), join(root, part), { recursive: true });
    await cp(join(fixtureDir, 'content'), join(root, 'content'), { recursive: true });
    if (existsSync(join(fixtureDir, 'marketing')))
      await cp(join(fixtureDir, 'marketing'), join(root, 'marketing'), { recursive: true });
    await writeFile(join(root, '.complete'), '');
  }
  const dir = await buildOnce(
    `fixture-${fixture}-${codeHash}-${contentHash}-${stamp}-${audiences.join('+')}`,
    root,
    audiences,
    buildNow,
  );
  return { root, public: join(dir, 'public'), internal: join(dir, 'internal') };
}

/** Every file under a built site, relative paths sorted. */
export async function listSiteFiles(dir: string): Promise<string[]> {
  return (await listFiles(dir)).map((file) => relative(dir, file)).sort();
}
