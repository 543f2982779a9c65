// Concurrency-limited map on p-limit: input order kept, the first failure stops new starts.
import pLimit from 'p-limit';

/**
 * Maps over items with at most `limit` operations in flight, keeping the input order in the
 * result. The first rejection rejects the whole call (operations already running finish in
 * the background, and no new ones start).
 */
export async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  operation: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const run = pLimit(Math.max(1, limit));
  return Promise.all(
    items.map((item, index) =>
      run(async () => {
        try {
          return await operation(item, index);
        } catch (error) {
          // Cleared before this task settles, so p-limit starts nothing after a failure.
          run.clearQueue();
          throw error;
        }
      }),
    ),
  );
}
