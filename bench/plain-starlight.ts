// The build bench's baseline: a plain Starlight site (same Astro, Starlight and Node) with the same generated pages, no checks, no cards.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { readPackageVersion } from '../scripts/lib/package-version.ts';
import { generatedPostBody } from './generated-posts.ts';
import { timeCommand, type TimedRun } from './peak-rss.ts';

const REPO = join(import.meta.dirname, '..');
const NODE = join(REPO, 'node_modules/.bin/node');

/** The packages a plain Starlight site needs, at the versions this checkout has installed. */
function baselinePackages(): Record<string, string> {
  return Object.fromEntries(['astro', '@astrojs/starlight', 'sharp'].map((name) => [name, readPackageVersion(name)]));
}

/**
 * Creates a plain Starlight project in `root` and installs it from the npm registry (npm's cache
 * makes this quick after our own install). Its pages are ours with the facts written out, so both
 * sites render the same words, code block and links; the sidebar lists one link, like our blog.
 */
export async function createPlainStarlight(root: string, pages: number): Promise<void> {
  const dependencies = baselinePackages();
  writeFileSync(
    join(root, 'package.json'),
    `${JSON.stringify({ name: 'plain-starlight-baseline', private: true, type: 'module', dependencies }, null, 2)}\n`,
  );
  writeFileSync(
    join(root, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
export default defineConfig({
  site: 'https://example.com',
  integrations: [starlight({ title: 'Baseline', sidebar: [{ label: 'Home', link: '/' }] })],
});
`,
  );
  mkdirSync(join(root, 'src/content/docs/blog'), { recursive: true });
  writeFileSync(
    join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  writeFileSync(join(root, 'src/content/docs/index.mdx'), '---\ntitle: Baseline\n---\n\nThe home page.\n');
  mkdirSync(join(root, 'public'), { recursive: true });
  writeFileSync(join(root, 'public/logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n');
  for (let index = 0; index < pages; index++) {
    const name = `post-${String(index).padStart(4, '0')}`;
    const front = `---\ntitle: Generated post ${index}\ndescription: One of ${pages} generated posts for the build benchmark.\n---\n`;
    writeFileSync(join(root, `src/content/docs/blog/${name}.mdx`), front + generatedPostBody(index, pages, 'plain'));
  }
  await execa(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
    { cwd: root, env: { npm_config_engine_strict: 'false' } },
  );
}

/** One `astro build` of the baseline, timed from outside, with its peak RSS. */
export async function buildPlainStarlight(root: string): Promise<TimedRun> {
  const run = await timeCommand(NODE, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    env: { ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
  });
  if (run.exitCode !== 0)
    throw new Error(
      `the plain Starlight baseline did not build (exit ${run.exitCode}):\n${run.output.split('\n').slice(-15).join('\n')}`,
    );
  return run;
}
