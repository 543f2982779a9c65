// Fetches external URLs for the `external` rule, with a cache in node_modules/.cache/build-checks.
import { readFile } from 'node:fs/promises';
import { writeFileAtomic } from '../../../core/write-atomic.ts';

/** What fetching one external URL said. */
export interface ExternalResult {
  ok: boolean;
  status?: number;
  error?: string;
  /** ISO time of the check. */
  checkedAt: string;
}

/** Options for {@link checkExternalUrls}. */
export interface ExternalOptions {
  /** JSON cache file; results are reused until they expire. */
  cacheFile: string;
  now?: Date;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Where the cache lives by default (inside node_modules, so it is never committed). */
export const DEFAULT_EXTERNAL_CACHE = 'node_modules/.cache/build-checks/external-links.json';
/** Good answers are trusted for a week, failures retried after an hour. */
export const OK_MAX_AGE_MS = 7 * 24 * 3600_000;
export const FAILURE_MAX_AGE_MS = 3600_000;
export const DEFAULT_EXTERNAL_TIMEOUT_MS = 15_000;
/** Pause between two requests to the same host, to stay clear of rate limits. */
export const PER_HOST_DELAY_MS = 500;

async function readCache(file: string): Promise<Record<string, ExternalResult>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Record<string, ExternalResult>;
  } catch {
    return {};
  }
}

async function probe(
  url: string,
  fetcher: typeof fetch,
  timeoutMs: number,
): Promise<Omit<ExternalResult, 'checkedAt'>> {
  try {
    let response = await fetcher(url, { method: 'HEAD', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    // Many servers refuse HEAD; ask again with GET before calling the link broken.
    if ([403, 405, 501].includes(response.status))
      response = await fetcher(url, { method: 'GET', redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    // 429 means "slow down", not "gone".
    return { ok: response.ok || response.status === 429, status: response.status };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/**
 * Checks external URLs (opt-in: `--external`), hosts in parallel and each host's URLs one by
 * one with a pause, reusing cached answers that have not expired. Writes the cache back.
 */
export async function checkExternalUrls(
  urls: readonly string[],
  options: ExternalOptions,
): Promise<Map<string, ExternalResult>> {
  const now = options.now ?? new Date();
  const fetcher = options.fetch ?? fetch;
  const cache = await readCache(options.cacheFile);
  const results = new Map<string, ExternalResult>();
  const byHost = new Map<string, string[]>();
  for (const url of new Set(urls)) {
    const cached = cache[url];
    const age = cached ? now.getTime() - Date.parse(cached.checkedAt) : Infinity;
    if (cached && age < (cached.ok ? OK_MAX_AGE_MS : FAILURE_MAX_AGE_MS)) {
      results.set(url, cached);
      continue;
    }
    const host = new URL(url).host;
    byHost.set(host, [...(byHost.get(host) ?? []), url]);
  }
  await Promise.all(
    [...byHost.values()].map(async (hostUrls) => {
      for (const [index, url] of hostUrls.entries()) {
        if (index > 0) await new Promise((resolve) => setTimeout(resolve, PER_HOST_DELAY_MS));
        const result = {
          ...(await probe(url, fetcher, options.timeoutMs ?? DEFAULT_EXTERNAL_TIMEOUT_MS)),
          checkedAt: new Date().toISOString(),
        };
        results.set(url, result);
        cache[url] = result;
      }
    }),
  );
  if (byHost.size > 0) await writeFileAtomic(options.cacheFile, `${JSON.stringify(cache, null, 2)}\n`);
  return results;
}
