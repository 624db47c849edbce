// The site's security in a real browser, served by scripts/start.mjs with the headers of
// dist/_headers (the policy a static host sends) and each page's CSP meta:
// - every page arrives with the security headers and loads, hydrates and draws with no CSP
//   violation and no CSP or Permissions-Policy message in the console; so does the calculator
//   after edits, the import dialog, ranges (Monte Carlo), costs over time, the charts and print;
// - every request from every page goes to this machine;
// - the policy is enforced, not just sent: an injected inline script, an inline handler, a string
//   passed to setTimeout, a fetch to another origin and framing the site are all blocked;
// - script payloads in scenario, workload, host and platform names, arriving from the editor, from
//   imported YAML / RVTools CSV / kubectl JSON files and from a shared link, show as text and never
//   run: checked with the CSP switched off (bypassCSP), so the app's own rendering is what is tested.
// The helpers' page watch also fails any test in any spec on a CSP violation (securitypolicyviolation
// events, recorded by an init script) or a request to another host.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ConsoleMessage, Locator, Page } from '@playwright/test';
import YAML from 'yaml';
import { headersFor, parseHeadersFile } from '../../scripts/security-policy.mjs';
import { encodeScenario } from '../../src/lib/urlState';
import { PRINT_VIEWPORT, builtPages, calculatorSettled, distDir, expect, repoRoot, test } from './helpers';

const pages = builtPages();
if (pages.length === 0) throw new Error('dist/ has no HTML pages: run `npm run build:site` first');
const headerRules = parseHeadersFile(readFileSync(path.join(distDir, '_headers'), 'utf8'));

/** Console text about a security policy: a CSP refusal or report, or a header the browser could not parse. */
const POLICY_MESSAGE = /content.security.policy|refused to|permissions.policy|cross-origin-opener-policy|x-frame-options/i;

/** Records console messages of any type (errors and warnings) about a policy, from the page and its workers. */
function watchPolicyMessages(page: Page): string[] {
  const seen: string[] = [];
  const onMessage = (msg: ConsoleMessage) => {
    if (POLICY_MESSAGE.test(msg.text())) seen.push(`${msg.type()}: ${msg.text()}`);
  };
  page.on('console', onMessage);
  page.on('worker', (w) => w.on('console', onMessage));
  return seen;
}

/** Scrolls to the bottom a screen at a time, so every client:visible island hydrates and every chart draws. */
async function scrollThrough(page: Page) {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = page.viewportSize()?.height ?? 800;
  for (let y = 0; y < height; y += step) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(30);
  }
  // The page grows as charts draw: bring each island still waiting for hydration into view.
  for (let i = 0; i < 40 && (await page.locator('astro-island[ssr]').count()) > 0; i++) {
    await page.evaluate(() => {
      const el = document.querySelector('astro-island[ssr]');
      (el?.firstElementChild ?? el)?.scrollIntoView({ block: 'center' });
    });
    await page.waitForTimeout(100);
  }
  // Charts that drew above an island can have moved it out of view before it was seen: go down the
  // page again, slowly, while any island still waits.
  for (let pass = 0; pass < 3 && (await page.locator('astro-island[ssr]').count()) > 0; pass++) {
    const full = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < full; y += Math.floor(step / 2)) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(150);
    }
  }
  await page.waitForLoadState('networkidle');
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0, { timeout: 30_000 });
}

/** How long one step of moving a control may take: a stuck step then fails by name, with its call log. */
const CONTROL_STEP_MS = 20_000;

/** Moves every chart control of an article once: a select to another option, a range to its other end. */
async function moveEveryControl(page: Page) {
  const controls = page.locator('[data-learn-chart] [data-control]');
  for (let i = 0; i < (await controls.count()); i++) {
    const control = controls.nth(i);
    await control.scrollIntoViewIfNeeded({ timeout: CONTROL_STEP_MS });
    if ((await control.evaluate((el) => el.tagName)) === 'SELECT') {
      const values = await control.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const current = await control.inputValue();
      await control.selectOption(values.find((v) => v !== current)!, { timeout: CONTROL_STEP_MS });
    } else {
      await control.focus({ timeout: CONTROL_STEP_MS });
      const atMax = await control.evaluate((el) => (el as HTMLInputElement).value === (el as HTMLInputElement).max);
      await page.keyboard.press(atMax ? 'Home' : 'End');
    }
  }
}

async function calculatorReady(page: Page) {
  await expect(page.getByTestId('summary')).toBeVisible();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

test.describe('security headers and policy, page by page', () => {
  for (const p of pages) {
    test(`${p.name}: the security headers, a CSP meta, and no CSP violation once everything has loaded`, async ({ page, gotoPage, pageWatch }) => {
      const messages = watchPolicyMessages(page);
      const documentResponse = page.waitForResponse((r) => r.request().isNavigationRequest());
      await gotoPage(p.urlPath, { status: p.status });
      const headers = (await documentResponse).headers();
      const expected = headersFor(headerRules, p.urlPath);
      expect(Object.keys(expected).length, 'rules in dist/_headers for this path').toBeGreaterThan(5);
      for (const [name, value] of Object.entries(expected)) expect(headers[name.toLowerCase()], name).toBe(value);
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      await expect(page.locator('head meta[http-equiv="content-security-policy"]')).toHaveCount(1);
      await expect(page.locator('head meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');

      await scrollThrough(page);
      if (p.name.startsWith('learn/')) await moveEveryControl(page);
      await page.waitForLoadState('networkidle');
      expect(pageWatch.problems().cspViolations).toEqual([]);
      expect(messages).toEqual([]);
    });
  }
});

test('every request from every page goes to this machine (127.0.0.1), none to another host', async ({ page, gotoPage }) => {
  test.setTimeout(300_000);
  const requests: string[] = [];
  // Requests still under way when the next page is opened would be aborted (and fail the page
  // watch): a chart's Chart.js chunk can start after the network was idle. Wait them out.
  const inFlight = new Set<object>();
  page.on('request', (r) => {
    requests.push(r.url());
    inFlight.add(r);
  });
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  for (const p of pages) {
    await gotoPage(p.urlPath, { status: p.status });
    await scrollThrough(page);
    await expect.poll(() => inFlight.size, { timeout: 20_000 }).toBe(0);
    await page.waitForTimeout(200);
    await expect.poll(() => inFlight.size, { timeout: 20_000 }).toBe(0);
  }
  const external = requests.filter((u) => {
    const url = new URL(u);
    return !['data:', 'blob:', 'about:'].includes(url.protocol) && url.hostname !== '127.0.0.1';
  });
  expect(external).toEqual([]);
  // The pages did load things (their documents, scripts, styles, icon), so the list was watched.
  expect(requests.filter((u) => new URL(u).pathname.startsWith('/_astro/')).length).toBeGreaterThan(pages.length);
  expect(new Set(requests.map((u) => new URL(u).pathname)).size).toBeGreaterThan(pages.length + 10);
});

test.describe('the calculator under the policy', () => {
  test('edits, ranges and Monte Carlo, costs over time, the import dialog, charts and print raise no CSP violation', async ({ page, gotoPage, pageWatch }) => {
    test.setTimeout(180_000);
    const messages = watchPolicyMessages(page);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await gotoPage('/calculator');
    await calculatorReady(page);

    // Edits redraw the results and the charts.
    await page.getByLabel('Preset').selectOption('windows-lob-sql');
    await expect(page.getByTestId('summary')).toContainText('(the baseline) needs');
    await page.locator('input[data-path="workloads[0].instances"]').fill('30');
    await expect(page.getByTestId('summary')).toContainText('needs');
    const hostsChart = page.locator('figure[data-chart="hosts"]');
    await hostsChart.scrollIntoViewIfNeeded();
    await expect(hostsChart.locator('canvas')).toBeVisible();
    const box = await hostsChart.locator('canvas').boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2); // a tooltip
    await hostsChart.getByRole('button', { name: /data table/ }).click();
    await expect(hostsChart.locator('table')).toBeVisible();

    // A range: the Monte Carlo runs in a worker and draws its band.
    await page.locator('button[data-range-toggle="workloads[0].instances"]').click();
    await expect(page.getByTestId('uncertainty-sentence')).toContainText('samples', { timeout: 60_000 });
    await expect(page.locator('figure[data-chart="tco-band"] canvas')).toBeVisible();

    // Costs over time: its own worker and chart.
    await page.locator('[data-path="growth.percentPerYear"]').fill('10');
    await expect(page.getByTestId('summary-over-time')).toContainText('Over', { timeout: 60_000 });
    await expect(page.locator('figure[data-chart="over-time"] canvas')).toBeVisible();

    // The import dialog: kubectl JSON through the import worker.
    await page.locator('input[type=file][aria-label^="Import a scenario file"]').setInputFiles(path.join(repoRoot, 'tests/fixtures/kubectl-pods.json'));
    const dialog = page.getByRole('dialog');
    await expect(page.getByTestId('import-status')).toContainText('imported into');
    await dialog.getByRole('button', { name: 'Replace the current scenario' }).click();
    await expect(dialog).toBeHidden();
    await calculatorReady(page);

    // The printable report.
    await page.setViewportSize(PRINT_VIEWPORT);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-header')).toBeVisible();
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });

    await page.waitForLoadState('networkidle');
    expect(workers.some((u) => /uncertainty\.worker/.test(u)), 'the Monte Carlo worker ran').toBe(true);
    expect(workers.some((u) => /overTime\.worker/.test(u)), 'the over-time worker ran').toBe(true);
    expect(workers.some((u) => /ImportWorker/.test(u)), 'the import worker ran').toBe(true);
    expect(pageWatch.problems().cspViolations).toEqual([]);
    expect(messages).toEqual([]);
  });
});

test.describe('the policy is enforced', () => {
  // These violations are the point of the test; each is also checked for below.
  test.use({
    allowedCspViolations: [/^(script-src-elem|script-src-attr|script-src|connect-src) blocked/],
    allowedConsoleErrors: [/Content Security Policy|Refused to|frame-ancestors|X-Frame-Options|Failed to fetch/i],
  });

  test('an injected script, inline handler, string timer, fetch to another origin and a frame of the site are blocked', async ({ page, gotoPage, pageWatch, baseURL }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { __kcSeen: string[] };
      w.__kcSeen = [];
      window.addEventListener('securitypolicyviolation', (e) => w.__kcSeen.push(e.effectiveDirective), true);
    });
    await gotoPage('/calculator');
    await calculatorReady(page);
    // The frame's document is refused by frame-ancestors 'none' (and X-Frame-Options: DENY).
    pageWatch.expectFailure(new URL('/docs/', baseURL).href);
    const result = await page.evaluate(async () => {
      const w = window as unknown as { __kcRan?: string[]; __kcSeen: string[] };
      w.__kcRan = [];
      const s = document.createElement('script');
      s.textContent = "window.__kcRan.push('script')";
      document.body.append(s);
      const holder = document.createElement('div');
      holder.innerHTML = `<img src="/favicon.svg" onload="window.__kcRan.push('handler')">`;
      document.body.append(holder);
      // A string passed to setTimeout is eval; the policy has no 'unsafe-eval'.
      (setTimeout as unknown as (code: string, ms: number) => void)("window.__kcRan.push('timer')", 0);
      let fetched = 'sent';
      try {
        await fetch('https://example.com/kernelcount-csp-test');
      } catch {
        fetched = 'blocked';
      }
      const frame = document.createElement('iframe');
      frame.src = '/docs/';
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve));
      document.body.append(frame);
      await loaded;
      await new Promise((r) => setTimeout(r, 300));
      let framed: string | null;
      try {
        framed = frame.contentDocument?.title ?? null;
      } catch {
        framed = null;
      }
      return { ran: w.__kcRan, seen: [...new Set(w.__kcSeen)].sort(), fetched, framed };
    });
    expect(result.ran, 'nothing injected ran').toEqual([]);
    expect(result.fetched).toBe('blocked');
    // The frame holds Chromium's error page (another origin, so no document), not the docs page.
    expect(result.framed ?? '').not.toContain('kernelcount');
    expect(result.seen).toEqual(['connect-src', 'script-src', 'script-src-attr', 'script-src-elem']);
  });
});

// ---- Script payloads in user input ----

/** window.__kcXss is set by whichever payload runs. */
const PAYLOADS = [
  `<img src=x onerror="window.__kcXss='img'">`,
  `<script>window.__kcXss='script'</script>`,
  `"><svg onload="window.__kcXss='svg'">`,
  `javascript:window.__kcXss='url'//`,
] as const;

/** The example scenario with a payload in every name a user controls. */
function payloadScenario(): Record<string, unknown> {
  const base = YAML.parse(readFileSync(path.join(repoRoot, 'packages/kernelcount/examples/linux-microservices.yaml'), 'utf8')) as {
    hosts: Array<Record<string, unknown>>;
    workloads: Array<Record<string, unknown>>;
    platforms: Array<Record<string, unknown>>;
  };
  return {
    ...base,
    name: PAYLOADS.join(' '),
    description: PAYLOADS[1],
    hosts: [{ ...base.hosts[0], name: PAYLOADS[0] }],
    workloads: [...base.workloads, { ...base.workloads[2], name: 'fourth' }].map((w, i) => ({ ...w, name: PAYLOADS[i] })),
    platforms: base.platforms.map((p, i) => (i === 1 ? { ...p, name: PAYLOADS[2] } : p)),
  };
}

/** Nothing from a payload ran or became markup: no flag, no element it would create, no handler attribute, no script. */
async function expectInert(page: Page) {
  const state = await page.evaluate(() => ({
    ran: (window as unknown as { __kcXss?: string }).__kcXss ?? null,
    elements: document.querySelectorAll('img[src="x"], svg[onload], a[href^="javascript:" i], iframe, object, embed').length,
    handlers: Array.from(document.querySelectorAll('*')).filter((el) => Array.from(el.attributes).some((a) => /^on/i.test(a.name))).length,
    scripts: Array.from(document.scripts).filter((s) => (s.textContent ?? '').includes('__kcXss')).length,
  }));
  expect(state).toEqual({ ran: null, elements: 0, handlers: 0, scripts: 0 });
}

/** The text of the first column of one table of the printed inputs. */
function printedNames(page: Page, caption: 'Hosts' | 'Workloads'): Locator {
  return page.locator('.print-inputs table', { has: page.locator('caption', { hasText: caption }) }).locator('tbody tr td:first-child');
}

/** A CSV field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a quote or a comma. */
const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

async function drop(page: Page, files: Array<{ name: string; type: string; text: string }>) {
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: f.type }));
    return dt;
  }, files);
  const target = page.locator('.calculator');
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

test.describe('script payloads in names show as text and never run', () => {
  // The policy would block an injected script anyway; with it off, these tests see what the
  // app itself does with the text.
  test.use({ bypassCSP: true });

  test('typed into the editor: inputs, results, charts, print report, CSV and Markdown', async ({ page, gotoPage }, testInfo) => {
    test.setTimeout(120_000);
    await gotoPage('/calculator');
    await calculatorReady(page);
    const scenario = payloadScenario();
    await page.locator('input[data-path="name"]').fill(String(scenario.name));
    for (let i = 0; i < 3; i++) await page.locator(`input[data-path="workloads[${i}].name"]`).fill(PAYLOADS[i]!);
    await page.locator('input[data-path="hosts[0].name"]').fill(PAYLOADS[3]);
    await expect(page.getByTestId('summary')).toContainText('needs');
    await calculatorSettled(page);
    await expectInert(page);

    const hostsChart = page.locator('figure[data-chart="hosts"]');
    await hostsChart.scrollIntoViewIfNeeded();
    const box = await hostsChart.locator('canvas').boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2);

    await page.setViewportSize(PRINT_VIEWPORT);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-header h1')).toHaveText(`kernelcount report: ${scenario.name}`);
    await expect(printedNames(page, 'Workloads')).toHaveText([PAYLOADS[0], PAYLOADS[1], PAYLOADS[2]]);
    await expect(printedNames(page, 'Hosts')).toHaveText([PAYLOADS[3]]);
    await expectInert(page);
    await page.emulateMedia({ media: 'screen' });

    await page.getByText('Export', { exact: true }).click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Results as CSV' }).click()]);
    const csvText = readFileSync(await csv.path(), 'utf8');
    // The host's name is in the hardware line's label.
    expect(csvText).toContain(`,${csvField(`Hardware (${PAYLOADS[3]}, amortized over 5 years)`)},`);
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Results as Markdown' }).click()]);
    const mdText = readFileSync(await md.path(), 'utf8');
    expect(mdText.split('\n')[0]).toContain('window.__kcXss');
    // Escaped for viewers that render raw HTML: no < without its backslash anywhere in the report.
    expect(mdText).not.toMatch(/(^|[^\\])</);
    await testInfo.attach('payload-report.md', { body: mdText, contentType: 'text/markdown' });
    await expectInert(page);
  });

  test('in a shared link: names, platform name in cards, chart tables and summary', async ({ page, gotoPage }) => {
    const scenario = payloadScenario();
    await gotoPage(`/calculator${await encodeScenario(scenario)}`);
    await calculatorReady(page);
    await expect(page.getByTestId('banner')).toContainText('from the link');
    await expect(page.locator('input[data-path="name"]')).toHaveValue(String(scenario.name));
    for (let i = 0; i < 4; i++) await expect(page.locator(`input[data-path="workloads[${i}].name"]`)).toHaveValue(PAYLOADS[i]!);
    // The platform named with a payload: its card heading and the hosts chart's data table.
    await expect(page.locator('.card h3', { hasText: PAYLOADS[2] })).toHaveText(PAYLOADS[2]);
    const hostsChart = page.locator('figure[data-chart="hosts"]');
    await hostsChart.scrollIntoViewIfNeeded();
    await hostsChart.getByRole('button', { name: /data table/ }).click();
    await expect(hostsChart.locator('tbody th, tbody td').filter({ hasText: PAYLOADS[2] })).toHaveCount(1);
    await expect(page.getByTestId('summary')).toContainText(PAYLOADS[2]);
    await expectInert(page);
  });

  test('in an imported scenario file (YAML)', async ({ page, gotoPage }) => {
    await gotoPage('/calculator');
    await calculatorReady(page);
    const scenario = payloadScenario();
    await page.locator('input[type=file][aria-label^="Import a scenario file"]').setInputFiles({
      name: 'payload.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(YAML.stringify(scenario)),
    });
    await expect(page.getByTestId('banner')).toContainText('Loaded payload.yaml');
    await expect(page.locator('input[data-path="name"]')).toHaveValue(String(scenario.name));
    await expect(page.locator('input[data-path="workloads[1].name"]')).toHaveValue(PAYLOADS[1]);
    await expectInert(page);
  });

  test('in an RVTools CSV (VM names, guest OS, the file name) and kubectl JSON (namespaces, owners)', async ({ page, gotoPage }) => {
    test.setTimeout(120_000);
    await gotoPage('/calculator');
    await calculatorReady(page);

    // RVTools: the template's VM name shows in the skipped list, the guest OS in the adjusted list,
    // the file name in the dialog's title and the scenario name.
    const csv = readFileSync(path.join(repoRoot, 'tests/fixtures/RVTools_export_vInfo.csv'), 'utf8')
      .replaceAll('"tmpl-rhel9"', csvField(PAYLOADS[0]))
      .replaceAll('FreeBSD 13.2-RELEASE', PAYLOADS[1]);
    const fileName = `${PAYLOADS[2]}.csv`;
    await drop(page, [{ name: fileName, type: 'text/csv', text: csv }]);
    const dialog = page.getByRole('dialog');
    await expect(page.getByTestId('import-status')).toContainText('imported into');
    await expect(dialog).toContainText(fileName);
    await expect(page.getByTestId('import-skipped')).toContainText(PAYLOADS[0]);
    await expect(page.getByTestId('import-adjusted')).toContainText(PAYLOADS[1]);
    await expectInert(page);
    await dialog.getByRole('button', { name: 'Replace the current scenario' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator('input[data-path="name"]')).toHaveValue(`RVTools import: ${fileName}`);
    await expectInert(page);

    // kubectl: workloads are named namespace/owner.
    const pods = JSON.parse(readFileSync(path.join(repoRoot, 'tests/fixtures/kubectl-pods.json'), 'utf8')) as {
      items: Array<{ metadata: { namespace?: string } }>;
    };
    for (const item of pods.items) item.metadata.namespace = PAYLOADS[3];
    await drop(page, [{ name: 'pods.json', type: 'application/json', text: JSON.stringify(pods) }]);
    await expect(page.getByTestId('import-status')).toContainText('imported into');
    await expect(page.getByTestId('import-workloads')).toContainText(`${PAYLOADS[3]}/`);
    await expectInert(page);
    await page.getByRole('dialog').getByRole('button', { name: 'Replace the current scenario' }).click();
    await expect(page.locator('input[data-path="workloads[0].name"]')).toHaveValue(new RegExp(`^${PAYLOADS[3].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`));
    await expectInert(page);
  });
});
