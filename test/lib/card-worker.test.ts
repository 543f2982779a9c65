// Cards rendered on a worker thread land in the card cache, byte for byte what the renderer makes.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execa } from 'execa';
import { renderBrandCard } from '../../scripts/lib/brand-card.ts';
import { renderCardsOffThread } from '../../scripts/lib/card-worker.ts';

const ROOT = join(import.meta.dirname, '../..');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'card-worker-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('rendering cards off the main thread', () => {
  test('stores each card in the cache and says where, in the order asked', async () => {
    const cards = [
      { title: 'Remote agents register', eyebrow: 'Molecule AI blog', subtitle: 'DevRel · 1 March 2026' },
      { title: 'Secrets pulled at boot', eyebrow: 'Molecule AI blog' },
    ];
    const results = await renderCardsOffThread(ROOT, cards, { dir }).results();
    expect(results).toHaveLength(2);
    for (const [index, result] of results.entries()) {
      if (!('path' in result)) throw new Error(`card ${index} failed: ${JSON.stringify(result)}`);
      expect(result.path.startsWith(dir)).toBe(true);
      expect((await readFile(result.path)).equals(await renderBrandCard(cards[index]!))).toBe(true);
    }
  });

  test('gives a card it cannot render its error and still renders the others', async () => {
    const results = await renderCardsOffThread(ROOT, [{ title: '   ' }, { title: 'Heartbeats every thirty seconds' }], {
      dir,
    }).results();
    expect(results[0]).toEqual({ error: expect.stringMatching(/card title is empty/) });
    expect(results[1]).toHaveProperty('path');
  });

  test('does not keep a process alive that never asks for the results, and keeps one that does', async () => {
    const script = (ask: boolean, out: string) => `
      import { renderCardsOffThread } from ${JSON.stringify(join(ROOT, 'scripts/lib/card-worker.ts'))};
      const cards = Array.from({ length: 60 }, (_, i) => ({ title: 'Background card ' + i }));
      const job = renderCardsOffThread(${JSON.stringify(ROOT)}, cards, { dir: ${JSON.stringify(out)} });
      ${ask ? 'console.log((await job.results()).length);' : ''}`;
    const count = async (out: string) =>
      (await readdir(out, { recursive: true }).catch(() => [] as string[])).filter((name) => name.endsWith('.png'))
        .length;
    const run = async (ask: boolean, out: string) => {
      const file = join(dir, `${ask ? 'asks' : 'leaves'}.mjs`);
      await writeFile(file, script(ask, out));
      return execa(join(ROOT, 'node_modules/.bin/node'), [file]);
    };
    const left = join(dir, 'left');
    await run(false, left);
    expect(await count(left)).toBeLessThan(60);
    const asked = join(dir, 'asked');
    const { stdout } = await run(true, asked);
    expect(stdout.trim()).toBe('60');
    expect(await count(asked)).toBe(60);
  }, 60_000);

  test('fails with the missing module named when the root has no worker', async () => {
    await expect(renderCardsOffThread(dir, [{ title: 'x' }]).results()).rejects.toThrow(
      /card worker .*card-worker\.ts is missing/,
    );
  });
});
