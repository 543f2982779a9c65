// Finds the system Chromium or Chrome and the flags it needs here.
import { existsSync } from 'node:fs';

/** Where a system Chromium or Chrome usually lives, in the order we try them. */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * Finds the system browser: `PUPPETEER_EXECUTABLE_PATH` or `CHROME_PATH` first, then the usual
 * install paths. Throws with the fix when none is there.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.PUPPETEER_EXECUTABLE_PATH || env.CHROME_PATH;
  if (explicit) {
    if (existsSync(explicit)) return explicit;
    throw new Error(
      `browser not found at ${explicit} (from PUPPETEER_EXECUTABLE_PATH/CHROME_PATH) — run \`npm run setup\``,
    );
  }
  const found = CHROMIUM_CANDIDATES.find((candidate) => existsSync(candidate));
  if (!found) throw new Error('no Chromium or Chrome found — run `npm run setup` (or set PUPPETEER_EXECUTABLE_PATH)');
  return found;
}

/**
 * Flags for a headless browser on a closed network: no background fetches, no sandbox only
 * when running as root (Chromium refuses to start as root with it).
 */
export function chromiumArgs(): string[] {
  const args = [
    '--headless=new',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return args;
}
