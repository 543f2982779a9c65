// Test-only loopback server for built sites (sirv: indexes, clean URLs, byte ranges) with real 404 pages.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

/** Loopback only: the server is for tests, never for the network. */
export const STATIC_SERVER_HOST = '127.0.0.1';

/** Types sirv's table lacks (asciicasts, Pagefind's index files). */
const EXTRA_TYPES: Record<string, string> = {
  '.cast': 'application/x-asciicast',
  '.vtt': 'text/vtt; charset=utf-8',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

/** A running static server. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  url: string;
  port: number;
  close(): Promise<void>;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

/** Maps a URL path to a file under root the way static hosts do (`/a/` → `a/index.html`, `/a` → `a.html` or `a/index.html`). */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  } catch {
    return undefined;
  }
  const base = resolve(root);
  const target = resolve(base, `.${decoded}`);
  if (target !== base && !target.startsWith(base + sep)) return undefined;
  const candidates = decoded.endsWith('/')
    ? [join(target, 'index.html')]
    : [target, `${target}.html`, join(target, 'index.html')];
  for (const candidate of candidates) if (await isFile(candidate)) return candidate;
  return undefined;
}

/**
 * Serves a built site folder on 127.0.0.1 (a free port unless one is given). Missing files get
 * a real 404 status (with the site's 404.html as body when there is one).
 */
export async function startStaticServer(root: string, options: { port?: number } = {}): Promise<StaticServer> {
  const serve = sirv(root, {
    dev: true,
    dotfiles: false,
    extensions: ['html'],
    setHeaders(response, path) {
      const type = EXTRA_TYPES[path.slice(path.lastIndexOf('.'))];
      if (type) response.setHeader('Content-Type', type);
    },
    async onNoMatch(request, response) {
      const notFound = join(root, '404.html');
      const body = (await isFile(notFound)) ? await readFile(notFound) : 'not found';
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(request.method === 'HEAD' ? undefined : body);
    },
  });
  const server = createServer((request, response) => serve(request, response));
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, STATIC_SERVER_HOST, () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${STATIC_SERVER_HOST}:${port}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
