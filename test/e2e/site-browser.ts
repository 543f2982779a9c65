// Test helper: serves a cached real-site build on loopback and opens system Chromium on it.
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { findChromium, chromiumArgs } from '../../scripts/lib/find-chromium.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { buildRealSite } from '../site/site-build.ts';

/** A built site served on loopback with a system Chromium ready to visit it. */
export interface SiteInBrowser {
  /** Origin of the loopback server, e.g. `http://127.0.0.1:43123`. */
  readonly url: string;
  readonly browser: Browser;
}

/**
 * For a describe block: builds the real site (cached by content hash), serves one audience's
 * output on loopback and launches headless Chromium; closes both when the block ends.
 */
export function useSiteInBrowser(audience: 'public' | 'internal'): SiteInBrowser {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const site = await buildRealSite();
    server = await startStaticServer(site[audience]);
    browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs() });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      return server!.url;
    },
    get browser() {
      return browser!;
    },
  };
}
