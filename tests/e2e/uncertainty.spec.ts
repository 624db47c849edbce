// Ranges in the calculator, in a real browser: a field's "± range" toggle reveals low / likely /
// high; the Monte Carlo runs in a worker with progress, then the P10-P90 band over the TCO bars and
// the probability sentence; a link gives the same figures (and the package's own); typing while it
// runs goes to the field at once; bad ranges are named; phone width, dark, print and accessibility.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { CATALOG, monteCarlo } from 'kernelcount';
import YAML from 'yaml';
import { formatCurrency } from '../../src/lib/format';
import { encodeScenario } from '../../src/lib/urlState';
import { PRINT_VIEWPORT, checkA11y, expect, expectNoHorizontalOverflow, repoRoot, screenshotDir, test } from './helpers';

const cli = path.join(repoRoot, 'packages/kernelcount/bin/kernelcount.js');
const UNCERTAINTY_CODE = /\/_astro\/(Uncertainty\.|UncertaintyRangeInputs\.|uncertainty\.worker)/;

const windowsScenario = YAML.parse(readFileSync(path.join(repoRoot, 'packages/kernelcount/examples/windows-lob-sql.yaml'), 'utf8')) as Record<string, unknown>;
/** The package README's example ranges on the Windows preset. */
const ranged = {
  ...windowsScenario,
  uncertainty: {
    'prices.electricityPerKWh': { low: 0.08, likely: 0.11, high: 0.2 },
    'hosts[0].price': { low: 20000, likely: 24000, high: 30000 },
    'workloads[iis-app].instances': { low: 20, likely: 24, high: 36 },
  },
};

async function shot(target: Locator, testInfo: TestInfo, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}-${testInfo.project.name}.png`);
  await target.screenshot({ path: file });
  await testInfo.attach(`${name}-${testInfo.project.name}`, { path: file, contentType: 'image/png' });
}

async function ready(page: Page) {
  await expect(page.getByTestId('summary')).toBeVisible();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

function watchUncertaintyCode(page: Page): string[] {
  const fetched: string[] = [];
  page.on('request', (r) => UNCERTAINTY_CODE.test(r.url()) && fetched.push(r.url()));
  return fetched;
}

const field = (page: Page, p: string) => page.locator(`input[data-path="${p}"]`);
const rangeOf = (page: Page, key: string) => page.locator(`.range-inputs[data-range="${key}"]`);

test.describe('uncertainty', () => {
  test('a range on a field: progress, then the band on the TCO chart and the probability sentence', async ({ page, gotoPage }, testInfo) => {
    const fetched = watchUncertaintyCode(page);
    await gotoPage('/calculator');
    await ready(page);
    await page.getByLabel('Preset').selectOption('windows-lob-sql');
    await expect(page.getByTestId('summary')).toContainText('(the baseline) needs');
    await page.waitForTimeout(300);
    expect(fetched, 'nothing of the Monte Carlo loads for a scenario without ranges').toEqual([]);
    await expect(page.getByTestId('uncertainty')).toHaveCount(0);

    // The toggle beside the instances field reveals low / likely / high, 20% either side to start.
    const toggle = page.locator('button[data-range-toggle="workloads[0].instances"]');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const range = rangeOf(page, 'workloads[iis-app].instances');
    await expect(range.locator('[data-range-end="low"]')).toHaveValue('19');
    await expect(range.locator('[data-range-end="likely"]')).toHaveValue('24');
    await expect(range.locator('[data-range-end="high"]')).toHaveValue('29');
    await range.locator('[data-range-end="high"]').fill('36');

    // Progress while the worker samples, then the sentence and the band.
    const section = page.getByTestId('uncertainty');
    await expect(page.getByTestId('uncertainty-progress')).toBeVisible();
    const sentence = page.getByTestId('uncertainty-sentence');
    await expect(sentence).toHaveText(/^In 10,000 samples \(seed 1\), containers costs less than vm \(the baseline\) in [\d.]+% of them, and containers-in-vms in [\d.]+%\.$/, { timeout: 30_000 });
    await expect(page.getByTestId('uncertainty-progress')).toHaveCount(0);
    expect(fetched.some((u) => /uncertainty\.worker/.test(u)), 'the samples run in a worker').toBe(true);

    const chart = section.locator('figure[data-chart="tco-band"]');
    await expect(chart.locator('canvas')).toBeVisible();
    await expect(chart.getByTestId('summary-tco-band')).toContainText('the boxes hold 80% of the 10,000 samples (P10 to P90)');
    await chart.getByRole('button', { name: /data table/ }).click();
    const rows = chart.locator('tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(chart.locator('thead')).toContainText('cheaper than vm');
    await expect(rows.first()).toContainText('baseline');
    await expect(rows.nth(1)).toContainText('% of samples');
    // The bar as entered is the card's total.
    const vmTotal = await page.getByTestId('tco-vm').textContent();
    await expect(rows.first().locator('td').first()).toHaveText(vmTotal!);
    await expect(section.getByTestId('ranges-table')).toContainText('workloads[iis-app].instances');

    await checkA11y(page, 'uncertainty section and range editor');
    await expectNoHorizontalOverflow(page, 'uncertainty');
    await shot(section, testInfo, 'uncertainty-band');
    await shot(range.locator('xpath=ancestor::div[contains(@class,"item")][1]'), testInfo, 'uncertainty-editor');

    // Dark theme: the box and mark follow the page's colours.
    await page.emulateMedia({ colorScheme: 'dark' });
    await checkA11y(page, 'uncertainty, dark');
    await shot(section, testInfo, 'uncertainty-band-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Fewer samples: the selector reruns.
    await page.getByTestId('uncertainty-samples').selectOption('1000');
    await expect(sentence).toContainText('In 1,000 samples (seed 1)', { timeout: 30_000 });

    // The print report carries the band figures.
    await page.setViewportSize(PRINT_VIEWPORT);
    await page.emulateMedia({ media: 'print' });
    await expect(section).toBeVisible();
    await expect(section.getByTestId('band-table')).toBeVisible();
    await expect(section.getByTestId('uncertainty-sentence')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });

    // Renaming the workload moves its range to the new name.
    await field(page, 'workloads[0].name').fill('web');
    await expect(rangeOf(page, 'workloads[web].instances')).toBeVisible();
    await expect(section.getByTestId('ranges-table')).toContainText('workloads[web].instances', { timeout: 30_000 });

    // Removing the range removes the section.
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(section).toHaveCount(0);
  });

  test('the same link gives the same P10 / P90, and they are the package’s and the CLI’s own', async ({ page, gotoPage, browser }, testInfo) => {
    const hash = await encodeScenario(ranged);
    await gotoPage(`/calculator${hash}`);
    await ready(page);
    const table = page.getByTestId('band-table');
    await expect(page.getByTestId('uncertainty-sentence')).toBeVisible({ timeout: 30_000 });
    const first = await table.locator('tbody').textContent();
    const firstSentence = await page.getByTestId('uncertainty-sentence').textContent();

    // The package, in Node, with the same seed and samples.
    const r = monteCarlo(ranged, { samples: 10_000, seed: 1 });
    const vm = r.platforms.find((p) => p.platform === 'vm')!;
    const vmRow = table.locator('tbody tr').first();
    await expect(vmRow.locator('td').nth(1)).toHaveText(formatCurrency(vm.tco.p10, 'USD'));
    await expect(vmRow.locator('td').nth(2)).toHaveText(formatCurrency(vm.tco.p50, 'USD'));
    await expect(vmRow.locator('td').nth(3)).toHaveText(formatCurrency(vm.tco.p90, 'USD'));
    const civ = r.comparisons.find((c) => c.a === 'containers-in-vms')!;
    expect(firstSentence).toContain(`containers-in-vms in ${(Math.round(civ.probabilityACheaper * 1000) / 10).toFixed(1)}%`);

    // The exported scenario carries the ranges exactly; the CLI samples it to the same figures; importing it gives them back.
    await page.getByText('Export', { exact: true }).click();
    for (const [button, ext] of [
      ['Scenario as JSON', 'json'],
      ['Scenario as YAML', 'yaml'],
    ] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
      const file = testInfo.outputPath(`ranged.${ext}`);
      await download.saveAs(file);
      const text = readFileSync(file, 'utf8');
      expect((ext === 'json' ? JSON.parse(text) : YAML.parse(text)).uncertainty, ext).toEqual(ranged.uncertainty);
      const out = JSON.parse(execFileSync(process.execPath, [cli, 'uncertainty', file, '--seed', '1', '--format', 'json'], { encoding: 'utf8' }));
      const cliVm = out.platforms.find((p: { platform: string }) => p.platform === 'vm');
      expect(formatCurrency(cliVm.tco.p90, 'USD'), `CLI on the ${ext} export`).toBe(await vmRow.locator('td').nth(3).textContent());
    }
    await page.getByLabel('Preset').selectOption('linux-microservices');
    await expect(page.getByTestId('uncertainty')).toHaveCount(0);
    await page.locator('input[type=file]').setInputFiles(testInfo.outputPath('ranged.yaml'));
    await expect(page.getByTestId('banner')).toContainText('Loaded ranged.yaml');
    await expect(page.getByTestId('uncertainty-sentence')).toHaveText(firstSentence!, { timeout: 30_000 });

    // Another browser context (no autosave, no shared state) opening the same link.
    const context = await browser.newContext();
    const other = await context.newPage();
    await other.goto(page.url().replace(/#.*/, '') + hash);
    await expect(other.getByTestId('uncertainty-sentence')).toBeVisible({ timeout: 30_000 });
    expect(await other.getByTestId('band-table').locator('tbody').textContent()).toBe(first);
    expect(await other.getByTestId('uncertainty-sentence').textContent()).toBe(firstSentence);
    // The ranges from the link show at their fields.
    await expect(other.locator('button[data-range-toggle="hosts[0].price"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(rangeOf(other, 'hosts[0].price').locator('[data-range-end="high"]')).toHaveValue('30000');
    await context.close();
  });

  test('typing while the samples run goes to the field at once; the run starts again for the new scenario', async ({ page, gotoPage }) => {
    const fetched = watchUncertaintyCode(page);
    await gotoPage(`/calculator${await encodeScenario(ranged)}`);
    await ready(page);
    await expect(page.getByTestId('uncertainty-progress')).toBeVisible();
    const price = field(page, 'hosts[0].price');
    await price.click();
    await price.fill('');
    await price.pressSequentially('26000', { delay: 20 });
    await expect(price).toHaveValue('26000');
    // The likely value follows the field; the samples ran in the worker, not on the page.
    await expect(rangeOf(page, 'hosts[0].price').locator('[data-range-end="likely"]')).toHaveValue('26000');
    expect(fetched.some((u) => /uncertainty\.worker/.test(u))).toBe(true);
    await expect(page.getByTestId('uncertainty-sentence')).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('uncertainty-progress')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('band-table').locator('tbody tr').first().locator('td').first()).toHaveText((await page.getByTestId('tco-vm').textContent())!);
    const runs = await page.evaluate(() => window.__kernelcountUncertainty ?? []);
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.at(-1)!.samples).toBe(10_000);
    // The range is in the link (the address bar was rewritten with the scenario).
    await expect.poll(() => page.evaluate(() => window.location.hash)).toMatch(/^#s=v1\./);
  });

  test('a bad range is named at its field and kept as typed; a range that breaks sampling names the input', async ({ page, gotoPage }, testInfo) => {
    await gotoPage('/calculator');
    await ready(page);
    await page.getByLabel('Preset').selectOption('windows-lob-sql');
    await page.locator('button[data-range-toggle="workloads[0].instances"]').click();
    const range = rangeOf(page, 'workloads[iis-app].instances');
    const low = range.locator('[data-range-end="low"]');
    await low.fill('abc');
    await expect(range.getByTestId('range-error')).toHaveText('Instances, low end of the range: must be a number of copies, got "abc"');
    await expect(low).toHaveAttribute('aria-invalid', 'true');
    await low.fill('30');
    await expect(range.getByTestId('range-error')).toHaveText('Instances, low end of the range: must be at most the likely value (24), got 30');
    await low.fill('20.5');
    await expect(range.getByTestId('range-error')).toHaveText('Instances, low end of the range: must be a whole number copies');
    await expect(low).toHaveValue('20.5');
    // Moving the field up to the typed range makes it valid.
    await low.fill('30');
    await range.locator('[data-range-end="high"]').fill('40');
    await expect(range.getByTestId('range-error')).toContainText('must be at most the likely value (24), got 30');
    await field(page, 'workloads[0].instances').fill('32');
    await expect(range.getByTestId('range-error')).toHaveCount(0);
    await expect(range.locator('[data-range-end="likely"]')).toHaveValue('32');
    await expect(page.getByTestId('uncertainty-sentence')).toBeVisible({ timeout: 30_000 });

    // Idle power up to 700 W while the host's maximum is 650 W: the run refuses, naming the input.
    await page.locator('button[data-range-toggle="hosts[0].powerIdleW"]').click();
    await rangeOf(page, 'hosts[2x16-core 512 GiB].powerIdleW').locator('[data-range-end="high"]').fill('700');
    const error = page.getByTestId('uncertainty-error');
    await expect(error).toBeVisible({ timeout: 30_000 });
    await expect(error).toContainText('powerMaxW');
    await expect(error).toContainText('with every range at its high value');
    await checkA11y(page, 'range errors');
    await shot(error, testInfo, 'uncertainty-error');

    // Emptying a field with a range: the field takes its default, and so does the likely value.
    await page.locator('button[data-range-toggle="prices.electricityPerKWh"]').click();
    const electricity = rangeOf(page, 'prices.electricityPerKWh');
    await expect(electricity.locator('[data-range-end="likely"]')).toHaveValue('0.11');
    await field(page, 'prices.electricityPerKWh').fill('');
    await expect(electricity.locator('[data-range-end="likely"]')).toHaveValue(String(Number(CATALOG['power.pricePerKWh'].value)));
    await expect(electricity.getByTestId('range-error')).toContainText('Electricity, low end of the range: must be at most the likely value');
  });

  test('ranges the form has no field for are listed with their problem and can be removed', async ({ page, gotoPage }) => {
    await gotoPage('/calculator');
    await ready(page);
    const scenario = {
      ...windowsScenario,
      uncertainty: { 'catalog.power.pue': { low: 1.2, likely: 1.5, high: 1.9 }, 'workloads[gone].instances': { low: 1, likely: 2, high: 3 } },
    };
    await page.locator('input[type=file]').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
    await expect(page.getByTestId('banner')).toContainText('has problems');
    const others = page.getByTestId('other-ranges');
    await expect(others.locator('li')).toHaveCount(2);
    await expect(others.locator('li').nth(1)).toContainText('no workload named "gone"');
    await checkA11y(page, 'other ranges');
    await others.getByRole('button', { name: 'Remove the range of workloads[gone].instances' }).click();
    await expect(others.locator('li')).toHaveCount(1);
    await expect(page.getByTestId('issues')).toHaveCount(0);
    await expect(page.getByTestId('ranges-table')).toContainText('catalog.power.pue', { timeout: 30_000 });
  });
});
