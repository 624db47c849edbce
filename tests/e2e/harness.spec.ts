// The browser tests' own harness (helpers.ts), where its behaviour decides whether a test can pass
// on a busy machine: a navigation the test makes waits for the old page's requests, because a
// request cut short by that navigation would be reported by the page watch as the site's failure.
// The favicon stands in for any late request: Chromium fetches it again after a history change,
// which is how the calculator's link writes put one in flight just before a test reloads.
import type { Page, Request } from '@playwright/test';
import { expect, test } from './helpers';

const SLOW_MS = 1_500;

/** Holds every favicon request for SLOW_MS before it goes to the server. */
async function slowFavicon(page: Page) {
  await page.route('**/favicon.svg', async (route) => {
    await new Promise((r) => setTimeout(r, SLOW_MS));
    // The request may have been cancelled meanwhile (the control case below): nothing to send.
    await route.continue().catch(() => undefined);
  });
}

/** Opens a page without waiting for its late requests, so the slowed favicon is still in flight. */
async function openWithFaviconInFlight(page: Page, baseURL: string | undefined) {
  const favicon = page.waitForRequest('**/favicon.svg');
  await page.goto(new URL('/assumptions/', baseURL).href, { waitUntil: 'domcontentloaded' });
  return favicon;
}

test.describe('the test harness', () => {
  test('reloadPage waits for a request still in flight instead of cutting it short', async ({ page, baseURL, reloadPage, pageWatch }) => {
    await slowFavicon(page);
    const favicon = await openWithFaviconInFlight(page, baseURL);
    await reloadPage();
    const response = await favicon.response();
    expect(response?.status(), 'the favicon request finished').toBe(200);
    expect(pageWatch.problems().failedRequests).toEqual([]);
  });

  test('gotoPage from an open page waits for it the same way', async ({ page, baseURL, gotoPage, pageWatch }) => {
    await slowFavicon(page);
    const favicon = await openWithFaviconInFlight(page, baseURL);
    await gotoPage('/docs/');
    expect((await favicon.response())?.status()).toBe(200);
    expect(pageWatch.problems().failedRequests).toEqual([]);
  });

  test('control: a plain reload at that moment does cut the request short (what the watch would report)', async ({ page, baseURL, pageWatch }) => {
    await slowFavicon(page);
    const failed: Request[] = [];
    page.on('requestfailed', (r) => failed.push(r));
    const favicon = await openWithFaviconInFlight(page, baseURL);
    // Told in advance, so this expected failure does not fail the test at the end.
    pageWatch.expectFailure(favicon.url());
    await page.reload({ waitUntil: 'load' });
    await expect.poll(() => failed.map((r) => r.url())).toContain(favicon.url());
    expect(failed.find((r) => r.url() === favicon.url())?.failure()?.errorText).toMatch(/ABORTED/);
    await page.waitForLoadState('networkidle');
  });
});
