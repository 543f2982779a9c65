// Fills the launch room's borrowed bodies on a worker thread, so the public site's output checks run meanwhile.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fillBorrowedBodies, type BorrowReport, type BorrowTree } from './borrowed-bodies.ts';

interface WorkerInput {
  borrowTree: BorrowTree;
}

/**
 * Runs {@link fillBorrowedBodies} on its own thread: the fill is mostly file-system round trips
 * and the output checks are parsing on the main thread, so each runs on its own core. Aborting
 * stops the thread; the caller then discards the staged tree.
 */
export function fillBorrowedBodiesOffThread(tree: BorrowTree, signal?: AbortSignal): Promise<BorrowReport> {
  const worker = new Worker(new URL(import.meta.url), { workerData: { borrowTree: tree } satisfies WorkerInput });
  const stop = () => void worker.terminate();
  signal?.addEventListener('abort', stop, { once: true });
  return new Promise<BorrowReport>((resolve, reject) => {
    worker.once('message', (report: BorrowReport) => resolve(report));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`the borrowed-body fill stopped (exit ${code}) before it reported`)),
    );
  }).finally(() => signal?.removeEventListener('abort', stop));
}

if (!isMainThread && parentPort && (workerData as Partial<WorkerInput>)?.borrowTree) {
  const port = parentPort;
  void fillBorrowedBodies((workerData as WorkerInput).borrowTree).then((report) => {
    port.postMessage(report);
    port.close();
  });
}
