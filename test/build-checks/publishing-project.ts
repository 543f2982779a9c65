// Test helper: a copy of the project's code with the site-publishing fixture as its content, for real `npm run build` runs.
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';

const REPO = join(import.meta.dirname, '../..');
/** What an Astro build of the site needs besides content; node_modules is found in the repo above the copy. */
const PARTS = ['core', 'src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json'];

/**
 * Writes the project at `project` (inside the repo, so it resolves node_modules): our code plus the
 * fixture's content, less the social set and voice-over that are there for other rules, so the
 * copy passes the source checks and builds.
 */
export async function writePublishingProject(project: string): Promise<void> {
  await rm(project, { recursive: true, force: true });
  for (const part of PARTS) await cp(join(REPO, part), join(project, part), { recursive: true });
  await cp(join(REPO, 'test/fixtures/site-publishing/content'), join(project, 'content'), { recursive: true });
  await rm(join(project, 'content/social'), { recursive: true });
  await rm(join(project, 'content/voiceovers'), { recursive: true });
}
