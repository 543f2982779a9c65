// Tests of the test-only static server: indexes, 404 page, no escape from the root, byte ranges.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { startStaticServer, type StaticServer } from './static-server.ts';

// A raw request, so paths like /../ reach the server unnormalised (fetch would clean them up).
function get(server: StaticServer, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type?: string; body: string; range?: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          type: res.headers['content-type'],
          body,
          range: res.headers['content-range'],
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the loopback static server', () => {
  let root: string;
  let server: StaticServer;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'static-server-'));
    await mkdir(join(root, 'blog', 'post'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<h1>home</h1>');
    await writeFile(join(root, '404.html'), '<h1>not here</h1>');
    await writeFile(join(root, 'blog', 'post', 'index.html'), '<h1>post</h1>');
    await writeFile(join(root, 'audio.mp3'), '0123456789');
    await writeFile(join(tmpdir(), 'outside-secret.txt'), 'secret');
    server = await startStaticServer(root);
  });

  afterAll(async () => {
    await server.close();
    await rm(root, { recursive: true, force: true });
  });

  test('listens on 127.0.0.1 on a free port', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.port).toBeGreaterThan(0);
  });

  test('serves directory indexes with or without the trailing slash', async () => {
    expect(await get(server, '/')).toMatchObject({
      status: 200,
      type: expect.stringMatching(/^text\/html; ?charset=utf-8$/),
      body: '<h1>home</h1>',
    });
    expect(await get(server, '/blog/post/')).toMatchObject({ status: 200, body: '<h1>post</h1>' });
    expect(await get(server, '/blog/post')).toMatchObject({ status: 200, body: '<h1>post</h1>' });
  });

  test('answers 404 with the site 404 page for missing files', async () => {
    expect(await get(server, '/battlecards/x/')).toMatchObject({ status: 404, body: '<h1>not here</h1>' });
  });

  test('never serves files outside the root', async () => {
    expect((await get(server, '/../outside-secret.txt')).status).toBe(404);
    expect((await get(server, '/%2e%2e/outside-secret.txt')).status).toBe(404);
  });

  test('answers byte ranges so audio can seek', async () => {
    expect(await get(server, '/audio.mp3', { Range: 'bytes=2-5' })).toMatchObject({
      status: 206,
      type: 'audio/mpeg',
      body: '2345',
      range: 'bytes 2-5/10',
    });
    expect((await get(server, '/audio.mp3', { Range: 'bytes=20-' })).status).toBe(416);
  });
});
