// The calculator in a real browser: it follows edits, keeps the scenario in the link, refuses bad
// links cleanly, exports what the CLI evaluates to the same totals, imports, prints, and is accessible.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { PRINT_VIEWPORT, calculatorSettled, checkA11y, expect, expectNoHorizontalOverflow, repoRoot, saveScreenshot, test } from './helpers';

const cli = path.join(repoRoot, 'packages/kernelcount/bin/kernelcount.js');

async function ready(page: Page) {
  await expect(page.getByTestId('summary')).toBeVisible();
  // Hydrated: the island has attached its handlers (the toolbar is interactive).
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

/** Each test has its own browser context, so storage starts empty: no autosave to restore. */
async function fresh(page: Page, gotoPage: (p: string) => Promise<void>) {
  await gotoPage('/calculator');
  await ready(page);
}

function cardFigures(page: Page) {
  return page.locator('.card').evaluateAll((cards) =>
    cards.map((c) => ({
      name: c.querySelector('h3')?.textContent ?? '',
      hosts: c.querySelector('[data-testid^="hosts-"]')?.textContent ?? '',
      tco: c.querySelector('[data-testid^="tco-"]')?.textContent ?? '',
    })),
  );
}

test.describe('calculator', () => {
  test('shows results for the first preset, with charts and their data tables', async ({ page, gotoPage }, testInfo) => {
    await fresh(page, gotoPage);
    await expect(page.getByTestId('summary')).toContainText('(the baseline) needs');
    expect(await page.locator('.card').count()).toBe(4);
    const chart = page.locator('figure[data-chart="hosts"]');
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator('canvas')).toBeVisible();
    const toggle = chart.getByRole('button', { name: /data table/ });
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(chart.locator('table')).toBeVisible();
    await expect(chart.locator('tbody tr')).toHaveCount(4);
    await saveScreenshot(page, testInfo, 'calculator-results');
  });

  test('opened on a later day than the build: hydrates without a mismatch, then dates the report with that day', async ({ page, gotoPage }) => {
    // The server rendered the build day into the print header; a browser on another day used to
    // render its own day at once, and React threw hydration error #418 (the page watch fails on it).
    await page.clock.setFixedTime(new Date('2031-03-04T10:00:00Z'));
    await fresh(page, gotoPage);
    await expect(page.locator('.print-header > p').first()).toContainText(/Computed with kernelcount \S+ on 2031-03-04\./);
  });

  test('an edit changes the summary, the cards and the charts; an invalid edit shows at the field and keeps the results', async ({ page, gotoPage }) => {
    await fresh(page, gotoPage);
    const before = await page.getByTestId('summary').textContent();
    const hostsChart = page.getByTestId('summary-hosts');
    const chartBefore = await hostsChart.textContent();
    const instances = page.locator('input[data-path="workloads[0].instances"]');
    await instances.fill('600');
    await expect(page.getByTestId('summary')).not.toHaveText(before ?? '');
    await expect(hostsChart).not.toHaveText(chartBefore ?? '');
    const valid = await cardFigures(page);

    await instances.fill('lots');
    await expect(page.locator('.field-error').first()).toContainText('must be a number');
    await expect(instances).toHaveAttribute('aria-invalid', 'true');
    expect(await cardFigures(page)).toEqual(valid);

    await instances.fill('600');
    // A value the package refuses: the issue shows at its field and in the list; results stay.
    const name = page.locator('input[data-path="workloads[1].name"]');
    await name.fill('api');
    await expect(page.getByTestId('issues')).toContainText('workloads[1].name');
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    expect(await cardFigures(page)).toEqual(valid);
  });

  test('says what it is still working on: busy results until evaluated, the link pending until written', async ({ page, gotoPage }) => {
    // A paused clock, so each step of the debounce is observed rather than raced (an installed
    // clock still runs with real time until it is paused).
    await page.clock.install();
    await fresh(page, gotoPage);
    await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
    const root = page.locator('.calculator');
    const results = page.locator('.result-pane');
    // The preset's own link is written 400 ms after the page is ready.
    await expect
      .poll(async () => {
        await page.clock.runFor(100);
        return root.getAttribute('data-pending');
      })
      .toBe('');
    await expect(results).toHaveAttribute('aria-busy', 'false');
    const link = page.url();

    await page.locator('input[data-path="workloads[0].instances"]').fill('600');
    await expect(root).toHaveAttribute('data-pending', 'evaluate link');
    await expect(results).toHaveAttribute('aria-busy', 'true');
    await page.clock.runFor(200);
    await expect(root).toHaveAttribute('data-pending', 'link');
    await expect(results).toHaveAttribute('aria-busy', 'false');
    expect(page.url()).toBe(link);
    await page.clock.runFor(400);
    await expect(root).toHaveAttribute('data-pending', '');
    expect(page.url()).not.toBe(link);

    // An edit the package refuses (a duplicate name) is checked too: not busy once it is listed.
    await page.locator('input[data-path="workloads[1].name"]').fill('api');
    await expect(results).toHaveAttribute('aria-busy', 'true');
    await page.clock.runFor(200);
    await expect(page.getByTestId('issues')).toBeVisible();
    await expect(results).toHaveAttribute('aria-busy', 'false');
  });

  test('the link reproduces the exact result, and the autosave restores it', async ({ page, gotoPage, context }) => {
    await fresh(page, gotoPage);
    await page.locator('input[data-path="workloads[0].instances"]').fill('600');
    await calculatorSettled(page);
    const url = page.url();
    expect(url).toMatch(/#s=v1\./);
    const figures = await cardFigures(page);

    const other = await context.browser()!.newContext();
    const p2 = await other.newPage();
    await p2.goto(url);
    await ready(p2);
    await expect(p2.getByTestId('banner')).toContainText('from the link');
    expect(await cardFigures(p2)).toEqual(figures);
    await other.close();

    // Same browser, no link: the autosaved scenario comes back, and Reset to preset discards it.
    await gotoPage('/calculator');
    await ready(page);
    await expect(page.getByTestId('banner')).toContainText('Restored');
    expect(await cardFigures(page)).toEqual(figures);
    await page.getByRole('button', { name: 'Reset to preset' }).click();
    await expect.poll(async () => (await cardFigures(page))[0]?.hosts).not.toBe(figures[0]?.hosts);
  });

  for (const [name, hash] of [
    ['script in the link', '#s=v1.<script>alert(1)</script>'],
    ['another version', '#s=v9.AAAA'],
    ['cut short', '#s=v1.q1bKzc8rSc1VslIqSizJz0nNy0'],
    ['oversized', `#s=v1.${'A'.repeat(70_000)}`],
  ] as const) {
    test(`a bad link (${name}) shows a message and loads the default`, async ({ page, gotoPage }) => {
      let dialog = false;
      page.on('dialog', (d) => {
        dialog = true;
        void d.dismiss();
      });
      await gotoPage(`/calculator${hash}`);
      await ready(page);
      await expect(page.getByTestId('banner')).toContainText('could not be read');
      await expect(page.getByTestId('summary')).toContainText('needs');
      expect(dialog).toBe(false);
      expect(await page.locator('.card').count()).toBeGreaterThan(0);
    });
  }

  test('a link whose scenario is invalid names the problems and loads the default', async ({ page, gotoPage }) => {
    await gotoPage('/calculator');
    await ready(page);
    // Build the link in the page with the same encoding the app uses (deflate-raw, base64url).
    const link = await page.evaluate(async () => {
      const json = new TextEncoder().encode(JSON.stringify({ hosts: [{ name: '<img src=x onerror=alert(1)>', sockets: -2 }], workloads: [] }));
      const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
      let bin = '';
      bytes.forEach((b) => (bin += String.fromCharCode(b)));
      return `#s=v1.${btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
    });
    // Pasting a link into the address bar of the open page loads it too (a hash change).
    await page.evaluate((h) => (window.location.hash = h), link);
    await expect(page.getByTestId('banner')).toContainText('not valid');
    await expect(page.getByTestId('banner')).toContainText('hosts[0].sockets');
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  });

  test('the exported scenario evaluated by the CLI gives the totals the page shows', async ({ page, gotoPage }, testInfo) => {
    await fresh(page, gotoPage);
    await page.getByRole('combobox').first().selectOption('windows-lob-sql');
    await expect(page.getByTestId('summary')).toContainText('vm (the baseline)');
    await page.locator('input[data-path="workloads[0].instances"]').fill('9');
    await calculatorSettled(page);
    const shown = await cardFigures(page);
    await page.getByText('Export', { exact: true }).click();
    for (const [button, ext] of [
      ['Scenario as JSON', 'json'],
      ['Scenario as YAML', 'yaml'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      const file = testInfo.outputPath(`scenario.${ext}`);
      await download.saveAs(file);
      const out = JSON.parse(execFileSync(process.execPath, [cli, 'evaluate', file, '--format', 'json'], { encoding: 'utf8' }));
      for (const card of shown) {
        const p = out.platforms.find((x: { name: string }) => x.name === card.name);
        const whole = Math.round(Number(p.tco)).toLocaleString('en-US');
        expect(card.tco, `${card.name} (${ext})`).toBe(`$${whole}`);
        expect(card.hosts.startsWith(String(p.hosts)), `${card.name} hosts`).toBe(true);
      }
    }
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Results as CSV' }).click()]);
    expect(readFileSync(await csv.path(), 'utf8').split('\n')[0]).toMatch(/^platform,category,component,name/);
  });

  test('imports a scenario file and drops a bad one with a message', async ({ page, gotoPage }, testInfo) => {
    await fresh(page, gotoPage);
    const good = testInfo.outputPath('good.json');
    writeFileSync(good, JSON.stringify({ name: 'imported', hosts: [{ name: 'h', sockets: 1, coresPerSocket: 8, memoryGiB: 64, diskGiB: 500, price: 5000 }], workloads: [{ name: 'w', instances: 3, vcpus: 1, memoryGiB: 2 }] }));
    await page.locator('input[type=file]').setInputFiles(good);
    await expect(page.getByTestId('banner')).toContainText('Loaded good.json');
    await expect(page.locator('input[data-path="name"]')).toHaveValue('imported');
    const bad = testInfo.outputPath('bad.yaml');
    writeFileSync(bad, 'hosts: [unclosed\n');
    await page.locator('input[type=file]').setInputFiles(bad);
    await expect(page.getByTestId('banner')).toContainText('could not be read');
    await expect(page.locator('input[data-path="name"]')).toHaveValue('imported');
  });

  test('loads a scenario file dropped on the page', async ({ page, gotoPage }) => {
    await fresh(page, gotoPage);
    const yaml = 'name: dropped\nhosts:\n  - { name: h, sockets: 1, coresPerSocket: 8, memoryGiB: 64, diskGiB: 500, price: 5000 }\nworkloads:\n  - { name: w, instances: 3, vcpus: 1, memoryGiB: 2 }\n';
    const transfer = await page.evaluateHandle((text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], 'dropped.yaml', { type: 'text/yaml' }));
      return dt;
    }, yaml);
    const target = page.locator('.calculator');
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await expect(target).toHaveClass(/dragging/);
    await target.dispatchEvent('drop', { dataTransfer: transfer });
    await expect(page.getByTestId('banner')).toContainText('Loaded dropped.yaml');
    await expect(page.locator('input[data-path="name"]')).toHaveValue('dropped');
    await expect(target).not.toHaveClass(/dragging/);
  });

  test('adds, duplicates and removes workloads', async ({ page, gotoPage }) => {
    await fresh(page, gotoPage);
    const rows = page.locator('input[data-path$=".instances"][data-path^="workloads"]');
    const n = await rows.count();
    await page.getByRole('button', { name: 'Add a workload' }).click();
    await expect(rows).toHaveCount(n + 1);
    await page.getByRole('button', { name: 'Duplicate api' }).click();
    await expect(rows).toHaveCount(n + 2);
    await expect(page.locator('input[data-path="workloads[1].name"]')).toHaveValue('api (2)');
    await page.getByRole('button', { name: 'Remove api (2)' }).click();
    await expect(rows).toHaveCount(n + 1);
  });

  test('prints a report with line items and assumptions', async ({ page, gotoPage }, testInfo) => {
    await fresh(page, gotoPage);
    await page.setViewportSize(PRINT_VIEWPORT);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.print-header')).toBeVisible();
    await expect(page.locator('.print-header')).toContainText('Computed with kernelcount');
    await expect(page.locator('.edit-pane')).toBeHidden();
    await expect(page.locator('[data-line-items] table').first()).toBeVisible();
    await expect(page.locator('.assumptions-table')).toBeVisible();
    await expectNoHorizontalOverflow(page);
    await saveScreenshot(page, testInfo, 'calculator-report-print');
  });

  test('is accessible in light and dark', async ({ page, gotoPage }, testInfo) => {
    test.setTimeout(90_000);
    await fresh(page, gotoPage);
    await checkA11y(page, 'calculator light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkA11y(page, 'calculator dark');
    await saveScreenshot(page, testInfo, 'calculator-results-dark');
  });

  test('records evaluate + render times', async ({ page, gotoPage }, testInfo) => {
    test.setTimeout(60_000);
    await fresh(page, gotoPage);
    // Timings are written down for the README, not asserted (a timed test would be flaky).
    await page.evaluate(() => {
      window.__kernelcountTimings = [];
      window.__kernelcountFrames = [];
    });
    const instances = page.locator('input[data-path="workloads[0].instances"]');
    for (let i = 0; i < 11; i++) {
      await instances.fill(String(20 + i * 5));
      await page.waitForTimeout(250);
    }
    const t = await page.evaluate(() => ({ evaluateRender: window.__kernelcountTimings ?? [], toNextFrame: window.__kernelcountFrames ?? [] }));
    const dir = path.join(repoRoot, 'test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `calculator-timings-${testInfo.project.name}.json`), JSON.stringify(t, null, 2));
    expect(t.evaluateRender.length).toBeGreaterThan(5);
  });
});
