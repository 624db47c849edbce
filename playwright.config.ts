// Browser tests of the BUILT site (dist/), driving Debian's Chromium.
//   npm test                      builds the site, then runs these among every other check
//   npx playwright test           after `npm run build:site`; serves dist/ itself
// Playwright cannot download browsers here, so it launches /usr/bin/chromium
// (`node scripts/ensure-chromium.mjs` installs it when it is missing).
import { defineConfig } from '@playwright/test';
import { CHROMIUM, CHROMIUM_FLAGS } from './scripts/chromium.mjs';


// scripts/start.mjs serves dist/ without building, answers a missing URL with
// dist/404.html and status 404, and prints `http://127.0.0.1:PORT/` once it
// listens (moving up from PORT when that port is busy). The `wait` pattern
// below reads that line; Playwright stores the named group in
// process.env.KC_E2E_PORT before the workers start, and each worker reads this
// file again, so baseURL is defined wherever a test runs.
const port = process.env.KC_E2E_PORT;
const startPort = 20000 + (process.pid % 20000);

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Vitest's JSON report and the budgets report also live in test-results/:
  // Playwright empties its own outputDir at the start of a run, so it gets a sub-folder.
  outputDir: 'test-results/playwright',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  // One retry, in a new browser, for one browser fault: headless Chromium now and then stops
  // drawing a page (requestAnimationFrame never runs again), and every later wait for a stable
  // element on it runs out. Measured here: about 1 learn-page load in 300 with the security spec's
  // scrolling, on a quiet machine; nothing brings the page back (waiting, bringToFront, a viewport
  // change, focus emulation, the lifecycle state, a screenshot). A test that fails for any reason
  // is retried once; npm test's summary names each test that passed only on its retry, with the
  // first attempt's error and the harness's note when the page had stopped drawing.
  retries: 1,
  workers: 2,
  // The reference pages are long (the assumptions page has thousands of elements): axe and
  // screenshots of them take seconds, more on a busy 2-core machine.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  webServer: {
    command: 'node scripts/start.mjs',
    env: { PORT: String(startPort) },
    wait: { stdout: /http:\/\/127\.0\.0\.1:(?<kc_e2e_port>\d+)\// },
    stdout: 'ignore',
    stderr: 'pipe',
    timeout: 20_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
  },
  use: {
    baseURL: port ? `http://127.0.0.1:${port}` : undefined,
    launchOptions: {
      // An explicit executablePath replaces the browser Playwright would look
      // for (no channel: channels name other browsers). Playwright adds
      // --headless itself as headless defaults to true; it is listed anyway.
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
    },
    // Traces snapshot the DOM at every step, which takes minutes on the long reference pages:
    // off here; `npx playwright test --trace on` records them when you need one.
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      use: { browserName: 'chromium', viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
    },
    {
      name: 'phone',
      use: {
        browserName: 'chromium',
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    },
  ],
});
