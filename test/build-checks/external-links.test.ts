// Tests of the external link fetcher and its cache against a loopback server.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkExternalUrls } from '../../scripts/build-checks/lib/external-links.ts';

let server: Server;
let base: string;
let hits: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'external-'));

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(`${request.method} ${request.url}`);
    if (request.url === '/head-refused' && request.method === 'HEAD') response.writeHead(405).end();
    else if (request.url === '/gone') response.writeHead(404).end();
    else if (request.url === '/busy') response.writeHead(429).end();
    else response.writeHead(200).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  base = `http://127.0.0.1:${address.port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

test('checks external links over HTTP and answers again from the cache', async () => {
  const cacheFile = join(dir, 'cache.json');
  const urls = [`${base}/fine`, `${base}/gone`, `${base}/head-refused`, `${base}/busy`];
  const first = await checkExternalUrls(urls, { cacheFile });
  expect(urls.map((url) => [first.get(url)?.ok, first.get(url)?.status])).toEqual([
    [true, 200],
    [false, 404],
    [true, 200],
    [true, 429],
  ]);
  expect(hits).toContain('GET /head-refused');
  expect(Object.keys(JSON.parse(readFileSync(cacheFile, 'utf8')))).toHaveLength(4);

  hits = [];
  const second = await checkExternalUrls(urls, { cacheFile });
  // Good answers are reused; the failure is younger than an hour, so it is reused too.
  expect(hits).toEqual([]);
  expect(second.get(`${base}/gone`)?.status).toBe(404);

  hits = [];
  await checkExternalUrls([`${base}/gone`], { cacheFile, now: new Date(Date.now() + 2 * 3600_000) });
  expect(hits).toEqual(['HEAD /gone']);
});
