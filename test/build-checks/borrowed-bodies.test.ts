// The launch room's borrowed-body placeholders are filled from the public pages, byte for byte, with their assets.
import { link, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { fillBorrowedBodies, fillBorrowedBodiesEarly } from '../../scripts/build-checks/steps/borrowed-bodies.ts';
import { startRoomStage } from '../../scripts/build-checks/steps/room-stage.ts';
import { findElementRanges } from '../../scripts/build-checks/lib/element-ranges.ts';
import { borrowedBodyPlaceholder } from '../../core/borrowed-bodies.ts';

const DIRS = { public: 'stage/public', internal: 'stage/internal' };
const BODY =
  '<h2 id="intro">Intro</h2><div class="expressive-code"><link rel="stylesheet" href="/_astro/ec.abc.css"/><pre>curl</pre></div><p>Last &amp; <a href="/blog/other/">other</a></p>';
let root: string;

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
}
const publicPage = (body: string) =>
  `<!doctype html><html><body><article><div class="prose body" data-entry-body="blog/first">${body}</div><footer>tags</footer></article></body></html>`;
const roomPage = (inside: string) =>
  `<!doctype html><html><body>\n<main><section class="entry-body prose">${inside}</section><p>menu</p></main></body></html>`;
const read = (path: string) => readFile(join(root, path), 'utf8');

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'borrowed-bodies-'));
  await put('stage/public/blog/first/index.html', publicPage(BODY));
  await put('stage/public/_astro/ec.abc.css', '.expressive-code{}');
  await put('stage/internal/blog/first/index.html', roomPage(borrowedBodyPlaceholder('blog/first')));
  await put('stage/internal/blog/draft/index.html', roomPage('<p>the room rendered this draft itself</p>'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('filling the launch room with the bodies the public build rendered', () => {
  test('puts the public body into the placeholder byte for byte and links the stylesheet it references', async () => {
    const report = await fillBorrowedBodies({ root, dirs: DIRS });
    expect(report).toEqual({ issues: [], pages: 1 });
    expect(await read('stage/internal/blog/first/index.html')).toBe(
      roomPage(`<div data-borrowed-body="blog/first">${BODY}</div>`),
    );
    const [source, copy] = await Promise.all(
      ['stage/public/_astro/ec.abc.css', 'stage/internal/_astro/ec.abc.css'].map((path) => stat(join(root, path))),
    );
    expect(copy!.ino).toBe(source!.ino);
  });

  test('on the launch-room stage thread, fills the room and then checks it, links of the borrowed body included', async () => {
    const stage = startRoomStage({ root, now: new Date(), external: false, checkIds: ['out-link'] });
    try {
      const report = await stage.run(DIRS);
      expect(report.borrowed).toEqual({ issues: [], pages: 1 });
      expect(await read('stage/internal/blog/first/index.html')).toContain(
        `data-borrowed-body="blog/first">${BODY}</div>`,
      );
      // The body links to /blog/other/, a page of the public site the launch room does not have.
      expect(report.issues.map((issue) => [issue.file, issue.rule, issue.message])).toEqual([
        ['stage/internal/blog/first/index.html', 'out-link', expect.stringContaining('/blog/other/')],
      ]);
    } finally {
      await stage.stop();
    }
  });

  test('the stage refuses a rule it does not know, rather than leave it unchecked', () => {
    expect(() =>
      startRoomStage({ root, now: new Date(), external: false, checkIds: ['out-link', 'no-such-rule'] }),
    ).toThrow('the launch-room stage knows no rule no-such-rule');
  });

  test('the stage reports a failed fill and checks nothing more', async () => {
    await rm(join(root, 'stage/public/blog/first'), { recursive: true });
    const stage = startRoomStage({ root, now: new Date(), external: false, checkIds: ['out-link'] });
    try {
      const report = await stage.run(DIRS);
      expect(report.borrowed.issues.map((issue) => issue.rule)).toEqual(['borrowed-body']);
      expect(report.issues).toEqual([]);
    } finally {
      await stage.stop();
    }
  });

  test('leaves a page without a placeholder untouched, the same file', async () => {
    const before = (await stat(join(root, 'stage/internal/blog/draft/index.html'))).ino;
    await fillBorrowedBodies({ root, dirs: DIRS });
    expect((await stat(join(root, 'stage/internal/blog/draft/index.html'))).ino).toBe(before);
  });

  test('fills a page again with the new body, writing a new file so the last good copy it was linked to stays', async () => {
    await fillBorrowedBodies({ root, dirs: DIRS });
    const lastGood = join(root, 'dist-last-good.html');
    await link(join(root, 'stage/internal/blog/first/index.html'), lastGood);
    const kept = await readFile(lastGood, 'utf8');
    await put('stage/public/blog/first/index.html', publicPage('<p>The edited body.</p>'));
    await fillBorrowedBodies({ root, dirs: DIRS });
    expect(await read('stage/internal/blog/first/index.html')).toBe(
      roomPage('<div data-borrowed-body="blog/first"><p>The edited body.</p></div>'),
    );
    expect(await readFile(lastGood, 'utf8')).toBe(kept);
  });

  test('fails naming the room page, its line and the public page it needed when that page has no body', async () => {
    await rm(join(root, 'stage/public/blog/first'), { recursive: true });
    const report = await fillBorrowedBodies({ root, dirs: DIRS });
    expect(report.pages).toBe(0);
    expect(report.issues).toMatchObject([
      {
        file: 'stage/internal/blog/first/index.html',
        line: 2,
        column: 41,
        rule: 'borrowed-body',
        severity: 'error',
        message: expect.stringContaining('stage/public/blog/first/index.html does not exist'),
      },
    ]);
    expect(await read('stage/internal/blog/first/index.html')).toContain(borrowedBodyPlaceholder('blog/first'));
  });

  test('fails when the public page exists but marks no body, or the body of another entry', async () => {
    await put(
      'stage/public/blog/first/index.html',
      publicPage(BODY).replace('data-entry-body="blog/first"', 'data-entry-body="blog/second"'),
    );
    const report = await fillBorrowedBodies({ root, dirs: DIRS });
    expect(report.issues.map((issue) => issue.message)).toEqual([
      expect.stringContaining('stage/public/blog/first/index.html has no element with data-entry-body="blog/first"'),
    ]);
  });

  test('fails when the body references a built asset the public build did not write', async () => {
    await rm(join(root, 'stage/public/_astro/ec.abc.css'));
    const report = await fillBorrowedBodies({ root, dirs: DIRS });
    expect(report.issues.map((issue) => [issue.file, issue.rule])).toEqual([
      ['stage/public/_astro/ec.abc.css', 'borrowed-body'],
    ]);
    expect(existsSync(join(root, 'stage/internal/_astro/ec.abc.css'))).toBe(false);
  });
});

describe('carrying the styles of the components in a borrowed body', () => {
  const scoped = '.brand-figure:where(.astro-khyig4bw){margin:1.5rem 0}';
  const figure = '<figure class="brand-figure astro-khyig4bw"><img src="/x.png"></figure>';
  const styledPage = (links = '') =>
    publicPage(figure).replace(
      '<html>',
      `<html><head><style>:root{--brand-bg:#0a0e1a}</style><style>${scoped}</style>${links}</head>`,
    );

  test('puts into the room page head the inline style of each component in the body, and no other', async () => {
    await put('stage/public/blog/first/index.html', styledPage());
    await put(
      'stage/internal/blog/first/index.html',
      roomPage(borrowedBodyPlaceholder('blog/first')).replace('<html>', '<html><head><title>room</title></head>'),
    );
    await fillBorrowedBodies({ root, dirs: DIRS });
    const once = await read('stage/internal/blog/first/index.html');
    expect(once).toContain(`<title>room</title><style data-borrowed-style>${scoped}</style></head>`);
    expect(once).not.toContain('--brand-bg');
    // Filled again (the room page linked from the last good build): the style is replaced, not repeated.
    await fillBorrowedBodies({ root, dirs: DIRS });
    expect((await read('stage/internal/blog/first/index.html')).split('data-borrowed-style').length - 1).toBe(1);
  });

  test('warns once, naming the stylesheet, when a component of the bodies is styled in a linked one', async () => {
    await put('stage/public/_astro/layout.css', `body{margin:0}${scoped}`);
    const linked = styledPage('<link rel="stylesheet" href="/_astro/layout.css">').replace(
      `<style>${scoped}</style>`,
      '',
    );
    await put('stage/public/blog/first/index.html', linked);
    // A second post with the same component: still one warning.
    await put('stage/public/blog/second/index.html', linked.replace('blog/first', 'blog/second'));
    await put('stage/internal/blog/second/index.html', roomPage(borrowedBodyPlaceholder('blog/second')));
    const report = await fillBorrowedBodies({ root, dirs: DIRS });
    expect(report.issues).toMatchObject([
      {
        file: 'stage/public/blog/first/index.html',
        severity: 'warning',
        message: expect.stringContaining('/_astro/layout.css'),
      },
    ]);
    expect(report.pages).toBe(2);
  });
});

describe('filling the launch room while the public site is still being written', () => {
  // The public build writes into a work folder that becomes stage/public when it has finished.
  const DRAFT = 'astro-out/public';
  const until = () => {
    let finish: () => void = () => undefined;
    return { done: new Promise<void>((resolve) => (finish = resolve)), finish: () => finish() };
  };
  beforeEach(async () => {
    await rm(join(root, 'stage/public'), { recursive: true });
    await put(`${DRAFT}/_astro/ec.abc.css`, '.expressive-code{}');
  });

  test('fills a page once its public page is whole, and keeps that fill when the page is unchanged at the end', async () => {
    const run = until();
    const early = fillBorrowedBodiesEarly(join(root, 'stage/internal'), join(root, DRAFT), run.done);
    // Half written at first (no </html> yet): the room page waits for the rest.
    await put(`${DRAFT}/blog/first/index.html`, publicPage(BODY).slice(0, -20));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await read('stage/internal/blog/first/index.html')).toContain(borrowedBodyPlaceholder('blog/first'));
    await put(`${DRAFT}/blog/first/index.html`, publicPage(BODY));
    const fills = await early;
    expect([...fills.keys()]).toEqual(['blog/first/index.html']);
    const filledAt = (await stat(join(root, 'stage/internal/blog/first/index.html'))).ino;
    run.finish();
    await rename(join(root, DRAFT), join(root, 'stage/public'));
    expect(await fillBorrowedBodies({ root, dirs: DIRS }, fills)).toEqual({ issues: [], pages: 1 });
    // Not written a second time, and the asset its body references is linked as before.
    expect((await stat(join(root, 'stage/internal/blog/first/index.html'))).ino).toBe(filledAt);
    expect(await read('stage/internal/blog/first/index.html')).toBe(
      roomPage(`<div data-borrowed-body="blog/first">${BODY}</div>`),
    );
    expect(existsSync(join(root, 'stage/internal/_astro/ec.abc.css'))).toBe(true);
  });

  test('fills a page again when its public page changed after the early fill', async () => {
    await put(`${DRAFT}/blog/first/index.html`, publicPage('<p>first draft of the body</p>'));
    const run = until();
    const early = fillBorrowedBodiesEarly(join(root, 'stage/internal'), join(root, DRAFT), run.done);
    const fills = await early;
    expect(await read('stage/internal/blog/first/index.html')).toContain('first draft of the body');
    run.finish();
    await rename(join(root, DRAFT), join(root, 'stage/public'));
    await put('stage/public/blog/first/index.html', publicPage(BODY));
    expect(await fillBorrowedBodies({ root, dirs: DIRS }, fills)).toEqual({ issues: [], pages: 1 });
    expect(await read('stage/internal/blog/first/index.html')).toBe(
      roomPage(`<div data-borrowed-body="blog/first">${BODY}</div>`),
    );
  });

  test('on the stage thread, told the launch room is built first, fills from the work folder and reports as usual', async () => {
    await put(`${DRAFT}/blog/first/index.html`, publicPage(BODY));
    const stage = startRoomStage({ root, now: new Date(), external: false, checkIds: ['truncated'] });
    try {
      stage.roomBuilt({ internal: DIRS.internal, draft: join(root, DRAFT) });
      // Filled from the work folder before the public build is over (run() has not been called).
      const page = 'stage/internal/blog/first/index.html';
      for (let tries = 0; tries < 50 && !(await read(page)).includes(BODY); tries++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await read(page)).toContain(`data-borrowed-body="blog/first">${BODY}</div>`);
      const filledAt = (await stat(join(root, page))).ino;
      await rename(join(root, DRAFT), join(root, 'stage/public'));
      const report = await stage.run(DIRS);
      // The public page did not change, so the early fill is kept, not written again.
      expect((await stat(join(root, page))).ino).toBe(filledAt);
      expect(report.borrowed).toEqual({ issues: [], pages: 1 });
      expect(report.issues).toEqual([]);
      expect(await read('stage/internal/blog/first/index.html')).toContain(
        `data-borrowed-body="blog/first">${BODY}</div>`,
      );
    } finally {
      await stage.stop();
    }
  });

  test('stops when told and leaves a page whose public page never came to the end, which reports it', async () => {
    const run = until();
    const early = fillBorrowedBodiesEarly(join(root, 'stage/internal'), join(root, DRAFT), run.done);
    setTimeout(run.finish, 300);
    expect((await early).size).toBe(0);
    await rename(join(root, DRAFT), join(root, 'stage/public'));
    const report = await fillBorrowedBodies({ root, dirs: DIRS }, await early);
    expect(report.issues).toMatchObject([
      {
        file: 'stage/internal/blog/first/index.html',
        rule: 'borrowed-body',
        message: expect.stringContaining('does not exist'),
      },
    ]);
  });
});

describe('finding an element and its inner HTML', () => {
  test('matches nested elements of the same name to the right end tag, void elements included', () => {
    const html = '<div a="x"><div><img src="i.png"><br></div>tail</div><div a="y"></div>';
    const ranges = findElementRanges(html, 'a');
    expect(ranges.map((range) => [range.value, html.slice(range.innerStart, range.innerEnd)])).toEqual([
      ['x', '<div><img src="i.png"><br></div>tail'],
      ['y', ''],
    ]);
    expect(ranges[1]!.tagStart).toBe(html.lastIndexOf('<div a="y">'));
  });
});
