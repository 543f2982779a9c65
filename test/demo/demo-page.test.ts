// Tests of the launch-room demo page in a real browser: the player, the steps and the staleness note.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../site/site-build.ts';
import { useSiteInBrowser } from '../e2e/site-browser.ts';
import { planDemoRecording } from '../../scripts/demo/plan.ts';

describe('the launch-room demo page in a real browser', () => {
  const site = useSiteInBrowser('internal');

  test('plays the committed cast with the bundled asciinema-player and lists every step', async () => {
    const transcript = JSON.parse(
      readFileSync(join(REPO_ROOT, 'marketing/demo/phase30-walkthrough.transcript.json'), 'utf8'),
    );
    const visible = transcript.steps.filter((step: { hidden: boolean }) => !step.hidden);
    const page = await site.browser.newPage();
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(site.url)) external.push(request.url());
    });
    await page.goto(`${site.url}/demo/`);
    await page.locator('#demo-player .ap-wrapper').waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-demo-steps] tbody tr').count()).toBe(visible.length);
    // Jumping to the last moment renders that part of the recording in the player's terminal.
    await page.locator('button.seek').last().click();
    await expect
      .poll(() => page.locator('#demo-player .ap-term').innerText(), { timeout: 15_000 })
      .toContain('teardown');
    const cast = await page.request.get(`${site.url}/marketing/demo/phase30-walkthrough.cast`);
    expect(cast.status()).toBe(200);
    expect(external).toEqual([]);
    await page.close();
  });

  test('says the recording is stale exactly when the manifest rule of the build does', async () => {
    // Inside the bundled site the runner's code must be read from the checkout, not the bundle folder.
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'marketing/manifest.json'), 'utf8'));
    const planned = await planDemoRecording(REPO_ROOT);
    const stale = planned.some((entry) => manifest.entries[entry.path]?.inputsHash !== entry.inputsHash);
    const page = await site.browser.newPage();
    await page.goto(`${site.url}/demo/`);
    expect(await page.locator('[data-demo-stale]').count()).toBe(stale ? 1 : 0);
    await page.close();
  });
});
