// Asks the live site for each URL the checklist names: 200, and the content type its extension calls for.
import { extname } from 'node:path';
import { lookup } from 'mrmime';

/** What one URL answered. */
export interface SiteProbe {
  path: string;
  url: string;
  ok: boolean;
  status?: number;
  contentType?: string;
  expected: string;
  problem?: string;
}

/** Page paths (`/`, `/blog/`) are HTML; files are what their extension says (`.mp3` → audio/mpeg). */
export function expectedContentType(path: string): string {
  const ext = extname(new URL(path, 'http://x').pathname);
  return ext ? (lookup(ext) ?? 'application/octet-stream') : 'text/html';
}

// RSS is served as application/rss+xml, application/xml or text/xml; all are right for an .xml file.
function sameType(actual: string, expected: string): boolean {
  const base = actual.split(';')[0]!.trim().toLowerCase();
  if (expected.endsWith('xml') && /(^|[/+])xml$/.test(base)) return true;
  return base === expected;
}

/** Fetches every path under `site` (one at a time, redirects followed) and judges each answer. */
export async function probeSite(
  site: string,
  paths: readonly string[],
  signal: AbortSignal,
  timeoutMs = 15_000,
): Promise<SiteProbe[]> {
  const probes: SiteProbe[] = [];
  for (const path of paths) {
    const url = new URL(path.replace(/^\//, ''), site.endsWith('/') ? site : `${site}/`).href;
    const expected = expectedContentType(path);
    try {
      const response = await fetch(url, {
        redirect: 'follow',
        signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
      });
      await response.body?.cancel();
      const contentType = response.headers.get('content-type') ?? '';
      const ok = response.status === 200 && sameType(contentType, expected);
      const problem =
        response.status !== 200
          ? `answered ${response.status}`
          : ok
            ? undefined
            : `served as ${contentType || 'no content type'}, expected ${expected}`;
      probes.push({ path, url, ok, status: response.status, contentType, expected, ...(problem ? { problem } : {}) });
    } catch (error) {
      if (signal.aborted) throw error;
      probes.push({ path, url, ok: false, expected, problem: `no answer: ${(error as Error).message}` });
    }
  }
  return probes;
}
