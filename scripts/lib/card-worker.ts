// Renders brand cards into the card cache on a worker thread, so a build's main thread never waits on them.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import pLimit from 'p-limit';
import { createBrandCardCache } from './brand-card-cache.ts';
import type { BrandCardOptions } from './brand-card.ts';

/** This module, relative to the project root (page and config code may run from a bundle). */
export const CARD_WORKER_MODULE = 'scripts/lib/card-worker.ts';
/** Cards rendered at once inside the worker: sharp draws and encodes each on its own threads. */
const AT_ONCE = 2;

/** One card's outcome: stored in the cache at `path`, or the bytes when the cache could not store them. */
export type CardResult = { path: string; png?: Uint8Array } | { error: string };

interface WorkerInput {
  root: string;
  /** The card cache folder, relative to root or absolute; the project's default when absent. */
  dir?: string;
  cards: readonly BrandCardOptions[];
}

/** Cards rendering on a worker thread; until someone asks for the results, it does not keep the process alive. */
export interface CardJob {
  /** Where each card is stored, in the order asked; keeps the process alive until the worker answers. */
  results(): Promise<CardResult[]>;
}

/**
 * Starts rendering every card missing from the project's card cache (node_modules/.cache/og-cards)
 * on one worker thread. A card that fails gives its error message; the worker itself failing
 * rejects. A process that ends without asking (a build that failed) ends the worker with it; the
 * cards stored so far stay in the cache.
 */
export function renderCardsOffThread(
  root: string,
  cards: readonly BrandCardOptions[],
  options: { dir?: string } = {},
): CardJob {
  const module = join(root, CARD_WORKER_MODULE);
  if (!existsSync(module)) {
    const missing = Promise.reject(new Error(`card worker ${module} is missing`));
    missing.catch(() => undefined);
    return { results: () => missing };
  }
  const worker = new Worker(module, { workerData: { root, cards, ...options } satisfies WorkerInput });
  const answer = new Promise<CardResult[]>((resolve, reject) => {
    worker.once('message', (results: CardResult[]) => resolve(results));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`card worker exited with code ${code} before it answered`)));
  });
  // After the listeners: adding a 'message' listener holds the process again.
  worker.unref();
  // Awaited through results(); this only keeps a failure nobody asked about from counting as unhandled.
  answer.catch(() => undefined);
  return {
    results() {
      worker.ref();
      return answer;
    },
  };
}

async function work(input: WorkerInput): Promise<CardResult[]> {
  const cache = createBrandCardCache({ root: input.root, dir: input.dir });
  const limit = pLimit(AT_ONCE);
  return Promise.all(
    input.cards.map((card) =>
      limit(async (): Promise<CardResult> => {
        try {
          const png = await cache.render(card);
          const path = cache.pathOf(card);
          // A card the cache could not store (a full or read-only disk) travels as bytes.
          return existsSync(path) ? { path } : { path, png };
        } catch (error) {
          return { error: (error as Error).message };
        }
      }),
    ),
  );
}

if (!isMainThread && parentPort && (workerData as Partial<WorkerInput>)?.cards) {
  const port = parentPort;
  void work(workerData as WorkerInput).then((results) => {
    port.postMessage(results);
    port.close();
  });
}
