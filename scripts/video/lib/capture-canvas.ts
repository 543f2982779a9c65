// Captures a real canvas (CANVAS_URL) with Playwright: 1440 px wide, waiting on the REMOTE badge's text, never on a sleep.
import type { Browser } from 'playwright-core';

/** Width of a canvas capture, per the capture instructions. */
export const CAPTURE_WIDTH = 1440;
export const CAPTURE_HEIGHT = 900;

/** How to reach the canvas: its URL and, per the contract's canvas auth, a session cookie or a bearer. */
export interface CanvasTarget {
  url: string;
  /** `name=value` of the tenant's session cookie (CANVAS_SESSION_COOKIE). */
  cookie?: string;
  /** Bearer credential (CANVAS_TOKEN), sent as `Authorization` to the canvas's own origin only. */
  token?: string;
  /** Text of the node that must be visible (the remote workspace's name). */
  nodeName: string;
  badge: string;
  timeoutMs: number;
}

/** The capture could not show what it must (badge not visible, cropped, or the page never loaded). */
export class CaptureError extends Error {}

/**
 * Opens the canvas in a fresh context, waits for the node's name and the badge text to be visible,
 * checks the badge lies wholly inside the 1440-px viewport (not cropped), and screenshots it.
 */
export async function captureCanvas(
  browser: Browser,
  target: CanvasTarget,
  outPath: string,
): Promise<{ width: number; height: number }> {
  const origin = new URL(target.url).origin;
  const context = await browser.newContext({
    viewport: { width: CAPTURE_WIDTH, height: CAPTURE_HEIGHT },
    deviceScaleFactor: 1,
  });
  try {
    if (target.cookie) {
      const [name, ...rest] = target.cookie.split('=');
      await context.addCookies([{ name: name!.trim(), value: rest.join('=').trim(), url: origin }]);
    }
    if (target.token) {
      await context.route(`${origin}/**`, (route) =>
        route.continue({ headers: { ...route.request().headers(), authorization: `Bearer ${target.token}` } }),
      );
    }
    const page = await context.newPage();
    await page.goto(target.url, { waitUntil: 'domcontentloaded', timeout: target.timeoutMs });
    const node = page.getByText(target.nodeName, { exact: true }).first();
    const badge = page.getByText(target.badge, { exact: true }).first();
    try {
      await node.waitFor({ state: 'visible', timeout: target.timeoutMs });
      await badge.waitFor({ state: 'visible', timeout: target.timeoutMs });
    } catch {
      throw new CaptureError(
        `the canvas at ${origin} never showed "${target.nodeName}" with "${target.badge}" within ${target.timeoutMs / 1000} s`,
      );
    }
    const box = await badge.boundingBox();
    if (!box || box.x < 0 || box.y < 0 || box.x + box.width > CAPTURE_WIDTH || box.y + box.height > CAPTURE_HEIGHT) {
      throw new CaptureError(
        `the "${target.badge}" badge is outside the ${CAPTURE_WIDTH}×${CAPTURE_HEIGHT} view (it would be cropped)`,
      );
    }
    await page.screenshot({ path: outPath, type: 'png' });
    return { width: CAPTURE_WIDTH, height: CAPTURE_HEIGHT };
  } finally {
    await context.close();
  }
}
