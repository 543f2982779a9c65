// Tests of the checkout lock: waiting, --no-wait and taking over a dead holder's lock.
import { execa } from 'execa';
import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { acquireCheckoutLock, CheckoutLockedError, LOCK_DIR } from '../../scripts/lib/checkout-lock.ts';

const NODE = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url));
const tempRoot = () => mkdtemp(join(tmpdir(), 'lock-test-'));

describe('acquireCheckoutLock', () => {
  test('a second taker fails at once with --no-wait and names the holder', async () => {
    const root = await tempRoot();
    const release = await acquireCheckoutLock(root, { command: 'npm run build' });
    const second = acquireCheckoutLock(root, { command: 'npm run tts', noWait: true });
    await expect(second).rejects.toBeInstanceOf(CheckoutLockedError);
    await expect(second).rejects.toThrow(/npm run build \(pid \d+/);
    await release();
  });

  test('a second taker waits until the first releases, and is told whom it waits for', async () => {
    const root = await tempRoot();
    const release = await acquireCheckoutLock(root, { command: 'npm run build' });
    const order: string[] = [];
    let waitedFor = '';
    const second = acquireCheckoutLock(root, {
      command: 'npm run demo',
      onWait: (owner) => (waitedFor = owner?.command ?? ''),
    }).then((r) => {
      order.push('second');
      return r;
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    order.push('first released');
    await release();
    await (
      await second
    )();
    expect(order).toEqual(['first released', 'second']);
    expect(waitedFor).toBe('npm run build');
  });

  test('takes over at once a lock whose holder was killed outright', async () => {
    const root = await tempRoot();
    const holder = execa(
      NODE,
      [
        '-e',
        `
      const { acquireCheckoutLock } = await import(${JSON.stringify(new URL('../../scripts/lib/checkout-lock.ts', import.meta.url).href)});
      await acquireCheckoutLock(${JSON.stringify(root)}, { command: 'killed run' });
      console.log('locked'); setInterval(() => {}, 1000);`,
      ],
      { reject: false, input: '' },
    );
    await new Promise<void>((resolve) =>
      holder.stdout?.on('data', (chunk) => String(chunk).includes('locked') && resolve()),
    );
    holder.kill('SIGKILL');
    await holder;
    const started = Date.now();
    const release = await acquireCheckoutLock(root, { command: 'next run', noWait: true });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(JSON.parse(await readFile(join(root, `${LOCK_DIR}.owner.json`), 'utf8')).command).toBe('next run');
    await release();
  });

  test('treats a lock with no owner file as held until it goes stale', async () => {
    const root = await tempRoot();
    await mkdir(join(root, LOCK_DIR), { recursive: true });
    await writeFile(join(root, '.cache', 'unrelated'), '');
    await expect(acquireCheckoutLock(root, { command: 'x', noWait: true })).rejects.toThrow(
      'another run holds the checkout lock',
    );
  });
});
