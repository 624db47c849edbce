/*
 * Shared helpers for the browser tests (Playwright, real Chromium, the BUILT site in dist/).
 *
 * How to use them in a new spec, e.g. tests/e2e/calculator.spec.ts:
 *
 *   import { test, expect, checkA11y } from './helpers';
 *
 *   test('the calculator shows a total', async ({ page, gotoPage }) => {
 *     await gotoPage('/calculator');          // navigates, waits for load, expects status 200
 *     await page.getByLabel('Hosts').fill('3');
 *     await expect(page.getByTestId('total')).toBeVisible();
 *     await checkA11y(page);                  // axe: no serious/critical WCAG 2.1 AA violation
 *   });
 *
 * - Import `test` and `expect` from here, not from '@playwright/test'. The test's
 *   `page` is watched from its first request: console errors, uncaught page
 *   errors, failed requests, HTTP errors (status >= 400), any request to a host
 *   other than 127.0.0.1 (those are aborted, never sent) and every
 *   Content-Security-Policy violation the page reports (a `securitypolicyviolation`
 *   event, recorded by an init script in every document). When the test ends, the
 *   `pageWatch` fixture fails it if anything was seen, listing what; a test that
 *   expects some console error says so with
 *   `test.use({ allowedConsoleErrors: [/pattern/] })`, and one that provokes a CSP
 *   violation on purpose `test.use({ allowedCspViolations: [/pattern/] })`.
 * - `gotoPage(path, { status })` goes to a path of the site (baseURL is the local
 *   server; status defaults to 200, the 404 page passes 404).
 * - `reloadPage()` reloads the page the same way, once no request of the old one is in flight
 *   (gotoPage waits for that too when a page is already open): a request cut short by the test's
 *   own navigation is not the site's failure, and would fail the watch.
 * - `pageWatch.problems()` reads the findings so far, for a test that wants to assert mid-way;
 *   `pageWatch.quiet()` waits until no request has been in flight for a moment.
 * - `checkA11y(page, label?)` runs axe-core with the WCAG 2.0 A/AA and 2.1 AA tags
 *   and fails on serious or critical violations; call it after
 *   `page.emulateMedia({ colorScheme: 'dark' })` to check the dark theme.
 * - `expectNoHorizontalOverflow(page)` fails when the page is wider than the
 *   viewport and names the elements that stick out. For print, first
 *   `page.setViewportSize(PRINT_VIEWPORT)` (A4's printable width) and
 *   `page.emulateMedia({ media: 'print' })`.
 * - `saveScreenshot(page, testInfo, name)` writes
 *   test-results/screenshots/<name>-<project>.png (gitignored; at most
 *   SCREENSHOT_MAX_HEIGHT CSS px tall) and attaches it to the report.
 * - `builtPages()` lists every page in dist/ with its URL path and expected status.
 * - `calculatorSettled(page)` waits until the calculator has evaluated its draft and written
 *   it to the link and the autosave; use it after an edit, not a fixed delay.
 *
 * The server is scripts/start.mjs serving dist/ (see playwright.config.ts);
 * `npm test` builds the site first. Run alone with `npx playwright test` after
 * `npm run build:site`.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type Request, type TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtHtmlFiles } from '../../src/lib/docs/builtHtml';

export { expect };

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const distDir = path.join(repoRoot, 'dist');
export const screenshotDir = path.join(repoRoot, 'test-results', 'screenshots');

/** Hosts a page may load from: only the local test server. */
const LOCAL_HOSTS = new Set(['127.0.0.1']);
/** URL schemes that never reach the network. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

export const A11Y_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa'];
const BLOCKING_IMPACTS = new Set(['serious', 'critical']);

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  externalRequests: string[];
  /** `securitypolicyviolation` events: directive, what was blocked, where, and a sample. */
  cspViolations: string[];
}

export interface PageWatch {
  /** Everything seen so far on the test's page. */
  problems(): PageProblems;
  /** Responses with this URL and status are expected (the 404 page itself). */
  expectStatus(url: string, status: number): void;
  /** A request to this URL is expected to fail (a test that provokes a block on purpose). */
  expectFailure(url: string): void;
  /**
   * Waits until the page has had no request in flight for QUIET_MS (a chunk loaded late, or the
   * favicon Chromium fetches again after each history.replaceState). Navigating away earlier would
   * abort such a request, and the watch would fail the test on it.
   */
  quiet(): Promise<void>;
}

/** How long the page must go without a request in flight before it counts as quiet. */
const QUIET_MS = 500;

export interface GotoOptions {
  /** Expected HTTP status of the document; 200 by default. */
  status?: number;
}

export type GotoPage = (urlPath: string, options?: GotoOptions) => Promise<void>;
export type ReloadPage = () => Promise<void>;

/** The note on a failed test whose page had stopped drawing frames. */
const STALLED_FRAMES = 'the page had stopped drawing frames (requestAnimationFrame did not run within 2 s), so waits for a stable element could not end';

/** Whether the page still draws: a requestAnimationFrame callback runs within 2 s (false if the page does not answer in 3 s). */
async function drawsFrames(page: Page): Promise<boolean> {
  const inPage = page
    .evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          requestAnimationFrame(() => resolve(true));
          setTimeout(() => resolve(false), 2_000);
        }),
    )
    .catch(() => false);
  return Promise.race([inPage, new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3_000))]);
}

function isExternal(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return true;
  }
  if (LOCAL_SCHEMES.has(parsed.protocol)) return false;
  return !LOCAL_HOSTS.has(parsed.hostname);
}

export const test = base.extend<{
  allowedConsoleErrors: RegExp[];
  allowedCspViolations: RegExp[];
  pageWatch: PageWatch;
  gotoPage: GotoPage;
  reloadPage: ReloadPage;
}>({
  allowedConsoleErrors: [[], { option: true }],
  allowedCspViolations: [[], { option: true }],

  pageWatch: [
    async ({ page, allowedConsoleErrors, allowedCspViolations }, use, testInfo) => {
      const found: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], externalRequests: [], cspViolations: [] };
      const expected = new Map<string, number>();
      const expectedFailures = new Set<string>();

      // Nothing leaves the machine: abort every request to another host and record it.
      await page.route(
        (url) => isExternal(url.href),
        (route) => {
          found.externalRequests.push(`${route.request().method()} ${route.request().url()}`);
          return route.abort('blockedbyclient');
        },
      );
      // Every document reports its CSP violations here, from before its first script runs (the
      // binding and the init script are not subject to the page's policy).
      await page.exposeFunction('__kcCspViolation', (v: string) => {
        if (!allowedCspViolations.some((re) => re.test(v))) found.cspViolations.push(v);
      });
      await page.addInitScript(() => {
        window.addEventListener(
          'securitypolicyviolation',
          (e) => {
            const report = (window as unknown as { __kcCspViolation?: (v: string) => void }).__kcCspViolation;
            const where = `${e.sourceFile || e.documentURI}${e.lineNumber ? `:${e.lineNumber}` : ''}`;
            report?.(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${where}${e.sample ? `: ${e.sample}` : ''}`);
          },
          true,
        );
      });
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        const where = msg.location().url;
        // Chromium logs an expected error status of a document as a console error.
        const status = /status of (\d{3})/.exec(text);
        if (status && expected.get(where) === Number(status[1])) return;
        if (allowedConsoleErrors.some((re) => re.test(text))) return;
        found.consoleErrors.push(where ? `${text} (${where})` : text);
      });
      page.on('pageerror', (err) => found.pageErrors.push(err.stack ?? err.message));
      // Requests under way, and when the last one ended: what quiet() waits on.
      const inFlight = new Set<Request>();
      let lastEnded = Date.now();
      page.on('request', (req) => inFlight.add(req));
      const ended = (req: Request) => {
        inFlight.delete(req);
        lastEnded = Date.now();
      };
      page.on('requestfinished', ended);
      page.on('requestfailed', ended);
      page.on('requestfailed', (req) => {
        if (isExternal(req.url())) return; // already recorded above
        if (expectedFailures.has(req.url())) return;
        found.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText ?? 'failed'}`);
      });
      page.on('response', (res) => {
        const status = res.status();
        if (status < 400 || expected.get(res.url()) === status) return;
        found.failedRequests.push(`${res.request().method()} ${res.url()}: HTTP ${status}`);
      });

      const watch: PageWatch = {
        problems: () => structuredClone(found),
        expectStatus: (url, status) => void expected.set(url, status),
        expectFailure: (url) => void expectedFailures.add(url),
        quiet: async () => {
          // Quiet from the call on too: a request can start a moment after the test's last step
          // (the favicon after a history.replaceState).
          const since = Date.now();
          const busy = () => {
            if (inFlight.size > 0) return [...inFlight].map((r) => r.url());
            const idleFor = Date.now() - Math.max(lastEnded, since);
            return idleFor >= QUIET_MS ? [] : [`(none, but only for ${idleFor} ms)`];
          };
          await expect.poll(busy, { message: 'requests in flight', timeout: 20_000, intervals: [50] }).toEqual([]);
        },
      };
      await use(watch);

      // A failed test whose page had stopped drawing says so: headless Chromium now and then stops
      // producing animation frames for a page, and then every wait for a stable element (clicks,
      // scrolls, screenshots) runs out, whatever the site does. The summary of npm test shows this.
      if (testInfo.status !== testInfo.expectedStatus && !page.isClosed() && !(await drawsFrames(page))) {
        testInfo.annotations.push({ type: 'browser', description: STALLED_FRAMES });
      }

      // The findings in the message's first line too, which is what a run's summary shows.
      const seen = Object.entries(found)
        .filter(([, list]) => list.length > 0)
        .map(([kind, list]) => `${kind}: ${list.map((x: string) => x.split('\n')[0]).join(' | ')}`);
      expect(found, `console errors, page errors, failed or external requests, CSP violations on the page${seen.length ? ` (${seen.join('; ')})` : ''}`).toEqual({
        consoleErrors: [],
        pageErrors: [],
        failedRequests: [],
        externalRequests: [],
        cspViolations: [],
      });
    },
    { auto: true, box: true },
  ],

  gotoPage: async ({ page, pageWatch, baseURL }, use) => {
    await use(async (urlPath, { status = 200 } = {}) => {
      if (!baseURL) throw new Error('baseURL is not set: run the tests through playwright.config.ts');
      const url = new URL(urlPath, baseURL).href;
      if (status !== 200) pageWatch.expectStatus(url, status);
      // Leaving a page mid-request would abort the request: let the one open finish first.
      if (page.url() !== 'about:blank') await pageWatch.quiet();
      const response = await page.goto(url, { waitUntil: 'load' });
      expect(response, `no response for ${urlPath}`).not.toBeNull();
      expect(response!.status(), `HTTP status of ${urlPath}`).toBe(status);
      // Let late requests (islands hydrating, lazy chunks) finish and report.
      await page.waitForLoadState('networkidle');
    });
  },

  reloadPage: async ({ page, pageWatch }, use) => {
    await use(async () => {
      await pageWatch.quiet();
      const response = await page.reload({ waitUntil: 'load' });
      expect(response, 'no response to the reload').not.toBeNull();
      expect(response!.status(), `HTTP status of ${page.url()} on reload`).toBe(200);
      await page.waitForLoadState('networkidle');
    });
  },
});

/**
 * Waits until the calculator has caught up with its draft: evaluated it, and written it to the link
 * and the autosave (the page lists what it is still doing in `data-pending`). Use this after an
 * edit instead of a fixed delay, which a loaded machine can outrun.
 */
export async function calculatorSettled(page: Page): Promise<void> {
  await expect(page.locator('.calculator')).toHaveAttribute('data-pending', '', { timeout: 15_000 });
}

/** Runs axe-core (WCAG 2.0 A/AA, 2.1 AA) and fails on any serious or critical violation. */
export async function checkA11y(page: Page, label = ''): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(A11Y_TAGS).analyze();
  const blocking = results.violations
    .filter((v) => BLOCKING_IMPACTS.has(v.impact ?? ''))
    .map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      count: v.nodes.length,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.trim()),
    }));
  expect(blocking, `serious or critical axe violations${label ? ` (${label})` : ''}`).toEqual([]);
}

/** Fails when the document is wider than the viewport, naming the widest elements that stick out. */
export async function expectNoHorizontalOverflow(page: Page, label = ''): Promise<void> {
  const report = await page.evaluate(() => {
    const doc = document.documentElement;
    const limit = doc.clientWidth;
    const culprits: string[] = [];
    if (doc.scrollWidth > limit) {
      for (const el of Array.from(document.body.querySelectorAll('*'))) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > limit + 1) {
          const id = el.id ? `#${el.id}` : '';
          const cls = el.classList.length ? `.${Array.from(el.classList).join('.')}` : '';
          culprits.push(`${el.tagName.toLowerCase()}${id}${cls} right=${Math.round(r.right)}`);
        }
      }
    }
    return { scrollWidth: doc.scrollWidth, clientWidth: limit, culprits: culprits.slice(0, 10) };
  });
  expect(
    report.scrollWidth,
    `page is ${report.scrollWidth}px wide in a ${report.clientWidth}px viewport${label ? ` (${label})` : ''}; ` +
      `sticking out: ${report.culprits.join(', ') || 'none found'}`,
  ).toBeLessThanOrEqual(report.clientWidth);
}

/** Tallest screenshot kept, in CSS pixels: the long reference pages would otherwise make 10+ MB images. */
export const SCREENSHOT_MAX_HEIGHT = 6000;

/**
 * Saves a screenshot of the top of the page, at most SCREENSHOT_MAX_HEIGHT CSS px (one image pixel per
 * CSS pixel), to test-results/screenshots/<name>-<project>.png and attaches it to the report.
 * The viewport grows to that height for the shot and is put back after: Playwright's fullPage
 * mode renders the whole page first, which takes over 30 s for the long pages under print media.
 */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name.replaceAll('/', '_')}-${testInfo.project.name}.png`);
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('saveScreenshot needs a page with a fixed viewport');
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  const height = Math.min(Math.max(pageHeight, viewport.height), SCREENSHOT_MAX_HEIGHT);
  if (height !== viewport.height) await page.setViewportSize({ width: viewport.width, height });
  try {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: file, scale: 'css' });
  } finally {
    if (height !== viewport.height) await page.setViewportSize(viewport);
  }
  await testInfo.attach(`${name}-${testInfo.project.name}`, { path: file, contentType: 'image/png' });
  return file;
}

/**
 * The printable width of an A4 page with 1 cm margins (190 mm at 96 CSS px per inch; US Letter
 * with Chromium's default margins is wider), in CSS pixels. Print checks lay pages out at this
 * width whatever the device: paper, not the phone's screen, decides what fits.
 */
export const PRINT_VIEWPORT = { width: 718, height: 1047 };

export interface BuiltPage {
  /** Short name: `index`, `404`, `docs`, `learn/foo`. Used in test titles and screenshot names. */
  name: string;
  /** The HTML file, relative to dist/. */
  file: string;
  /** Where the browser goes: `/`, `/docs/`; the 404 page is reached through a missing URL. */
  urlPath: string;
  /** HTTP status the server answers with. */
  status: number;
}

/** Path of a URL that no page has, answered by dist/404.html with status 404. */
export const MISSING_PATH = '/no-such-page-kernelcount-e2e';

/** Every HTML page in dist/, sorted, with the URL the static server gives it. */
export function builtPages(dir = distDir): BuiltPage[] {
  return builtHtmlFiles(dir).map((file) => {
    if (file === '404.html') return { name: '404', file, urlPath: MISSING_PATH, status: 404 };
    if (file === 'index.html') return { name: 'index', file, urlPath: '/', status: 200 };
    if (file.endsWith('/index.html')) {
      const dirName = file.slice(0, -'/index.html'.length);
      return { name: dirName, file, urlPath: `/${dirName}/`, status: 200 };
    }
    const base = file.slice(0, -'.html'.length);
    return { name: base, file, urlPath: `/${base}`, status: 200 };
  });
}
