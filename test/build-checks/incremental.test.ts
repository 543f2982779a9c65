// Rebuilds: a site whose inputs did not change is linked from the last good build; one that changed is built again, cards only where their inputs changed.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execa } from 'execa';
import { writePublishingProject } from './publishing-project.ts';
import { PUBLIC_REUSED_NOTE, REUSED_NOTE } from '../../scripts/build-checks/pipeline.ts';

const REPO = join(import.meta.dirname, '../..');
const NODE = join(REPO, 'node_modules/.bin/node');
const CLI = join(REPO, 'scripts/build-checks/cli.ts');
/** Inside the repo, so the copied project resolves node_modules; git-ignored. */
const PROJECT = join(REPO, '.cache', 'incremental-tests', String(process.pid));
const POST = 'content/blog/fixture-approved.mdx';
const DRAFT = 'content/blog/fixture-draft.mdx';
const POST_PAGE = 'dist/public/blog/fixture-approved/index.html';
const ROOM_PAGE = 'dist/internal/blog/fixture-approved/index.html';
const CARD = 'dist/public/og/blog/fixture-approved.png';

function build(args: string[] = []) {
  return execa(NODE, [CLI, 'build', '--root', PROJECT, ...args], {
    cwd: REPO,
    reject: false,
    env: {
      CI: '',
      GITHUB_ACTIONS: '',
      GITHUB_STEP_SUMMARY: '',
      BUILD_NOW: '2026-04-25T00:00:00Z',
      // One parent folder for both audiences' caches: each must still get its own.
      ASTRO_CACHE_DIR: join(PROJECT, '.astro-cache'),
    },
  });
}

const read = (path: string) => readFile(join(PROJECT, path));
/** The inner HTML of a public post page's body element. */
const publicBody = (html: string) =>
  /<div class="prose body[^"]*" data-entry-body="[^"]+">([\s\S]*?)<\/div>\s*<footer/.exec(html)![1]!;
/** A card is hard-linked from the card cache, which writes a new file for every render: same inode, not rendered again. */
const inode = async (path: string) => (await stat(join(PROJECT, path))).ino;

beforeAll(() => writePublishingProject(PROJECT), 60_000);
afterAll(() => rm(PROJECT, { recursive: true, force: true }));

describe('npm run build reuses what has not changed', () => {
  test('a second build with nothing changed copies the last good site and checks it again', async () => {
    const first = await build();
    expect(first.exitCode, first.stdout).toBe(0);
    // The launch room's log is held back until the public build has finished, though it starts earlier.
    expect(first.stdout.indexOf('/.cache/astro-out/internal/')).toBeGreaterThan(
      first.stdout.indexOf('[starlight:pagefind] Finished'),
    );
    const before = await Promise.all([POST_PAGE, ROOM_PAGE, CARD].map(read));
    // The launch room shows the published post with the body the public build rendered (Expressive
    // Code's markup and stylesheet included); the draft it renders itself.
    const body = publicBody(String(before[0]));
    expect(body).toContain('class="expressive-code"');
    expect(String(before[1])).toContain(`<div data-borrowed-body="blog/fixture-approved">${body}</div>`);
    const stylesheet = /href="(\/_astro\/ec\.[^"]+\.css)"/.exec(body)![1]!;
    expect((await read(`dist/internal${stylesheet}`)).equals(await read(`dist/public${stylesheet}`))).toBe(true);
    expect(String(await read('dist/internal/blog/fixture-draft/index.html'))).not.toContain('data-borrowed-body');

    const second = await build();
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.stdout).toContain(`note: ${REUSED_NOTE}`);
    expect(second.stdout).not.toContain('[build]');
    expect(await Promise.all([POST_PAGE, ROOM_PAGE, CARD].map(read))).toEqual(before);
  }, 240_000);

  test('editing a draft builds only the launch room; the public site is linked in', async () => {
    const before = await Promise.all([POST_PAGE, ROOM_PAGE, CARD].map(read));
    const [page, card] = await Promise.all([inode(POST_PAGE), inode(CARD)]);
    const text = await readFile(join(PROJECT, DRAFT), 'utf8');
    await writeFile(join(PROJECT, DRAFT), `${text.trimEnd()}\n\nA draft sentence added after the last build.\n`);
    const result = await build();
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stdout).toContain(`note: ${PUBLIC_REUSED_NOTE}`);
    expect(result.stdout).not.toContain('/.cache/astro-out/public/');
    // The same files, not copies: the public site was not built again, nor its card rendered.
    expect(await inode(POST_PAGE)).toBe(page);
    expect(await inode(CARD)).toBe(card);
    expect(result.stdout).toContain('/.cache/astro-out/internal/');
    expect(await Promise.all([POST_PAGE, ROOM_PAGE, CARD].map(read))).toEqual(before);
    expect(String(await read('dist/internal/blog/fixture-draft/index.html'))).toContain('A draft sentence added');
  }, 240_000);

  test('editing a post renders that post again; its unchanged card is not rendered again', async () => {
    const card = await inode(CARD);
    const text = await readFile(join(PROJECT, POST), 'utf8');
    await writeFile(join(PROJECT, POST), `${text.trimEnd()}\n\nOne sentence added after the last build.\n`);
    const result = await build();
    expect(result.exitCode, result.stdout).toBe(0);
    expect(await inode(CARD)).toBe(card);
    expect(String(await read(POST_PAGE))).toContain('One sentence added after the last build.');
    expect(String(await read(ROOM_PAGE))).toContain('One sentence added after the last build.');
    // Both built, and the two never mix.
    expect(String(await read('dist/internal/blog/fixture-draft/index.html'))).toContain('Launch room (internal)');
    expect(String(await read(POST_PAGE))).not.toContain('Launch room (internal)');
  }, 240_000);

  test("changing a post's title renders its card again", async () => {
    const card = await inode(CARD);
    const before = await read(CARD);
    const text = await readFile(join(PROJECT, POST), 'utf8');
    await writeFile(join(PROJECT, POST), text.replace(/^title: "(.*)"$/m, 'title: "$1 (retitled)"'));
    const result = await build();
    expect(result.exitCode, result.stdout).toBe(0);
    expect(await inode(CARD)).not.toBe(card);
    expect((await read(CARD)).equals(before)).toBe(false);
    expect(String(await read(POST_PAGE))).toContain('(retitled)');
  }, 240_000);

  test('changing a fact renders the pages that show it again, though their entries did not change', async () => {
    const facts = await readFile(join(PROJECT, 'content/facts.yaml'), 'utf8');
    await writeFile(join(PROJECT, 'content/facts.yaml'), facts.replace('heartbeatSeconds: 30', 'heartbeatSeconds: 20'));
    const result = await build();
    expect(result.exitCode, result.stdout).toBe(0);
    const twenty = /every\s*(<[^>]+>\s*)*20(\s*<[^>]+>)*\s*seconds/;
    expect(String(await read(POST_PAGE))).toMatch(twenty);
    // The launch room shows the post with the body the public build rendered again.
    expect(String(await read(ROOM_PAGE))).toMatch(twenty);
  }, 240_000);

  test('--force builds both sites though nothing changed since the last good build', async () => {
    const result = await build(['--force']);
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.stdout).not.toContain(REUSED_NOTE);
    expect(result.stdout).toContain('/.cache/astro-out/public/');
    expect(result.stdout).toContain('/.cache/astro-out/internal/');
  }, 240_000);
});
