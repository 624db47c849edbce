// Costs over time and energy and carbon in a real browser: the section's code and worker load only
// when asked (or when the scenario sets growth or finance); growth, a discount rate and a lease
// change its sentence, chart table and totals; a grid region or your own figure changes the CO2e;
// bad values are named at their field; phone width, dark theme, accessibility and print.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { evaluate, parseScenarioText, project } from 'kernelcount';
import { readFileSync } from 'node:fs';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { overTimeSentence } from '../../src/lib/overTime';
import { signedTonnes, tonnes } from '../../src/lib/overTimeFormat';
import { PRINT_VIEWPORT, calculatorSettled, checkA11y, expect, expectNoHorizontalOverflow, repoRoot, screenshotDir, test } from './helpers';

const SECTION_CODE = /\/_astro\/(OverTime\.|overTime\.worker)/;
const PRESET = 'vmware-to-kubernetes';
const scenario = parseScenarioText(readFileSync(path.join(repoRoot, `packages/kernelcount/examples/${PRESET}.yaml`), 'utf8'), 'yaml') as Record<string, unknown>;
/** The sentence the package's projection of the preset gives with these sections. */
const sentence = (extra: Record<string, unknown>, view: 'cash' | 'amortized' = 'cash') => overTimeSentence(project({ ...scenario, ...extra }), view);

async function shot(target: Locator | Page, testInfo: TestInfo, name: string) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}-${testInfo.project.name}.png`);
  await target.screenshot({ path: file, ...('goto' in target ? { fullPage: false } : {}) });
  await testInfo.attach(`${name}-${testInfo.project.name}`, { path: file, contentType: 'image/png' });
}

async function openOn(page: Page, gotoPage: (p: string) => Promise<void>) {
  await gotoPage('/calculator');
  await expect(page.getByTestId('summary')).toBeVisible();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
  await page.getByLabel('Preset').selectOption(PRESET);
  await expect(page.getByTestId('summary')).toContainText('vmware (the baseline) needs');
}

const field = (page: Page, p: string) => page.locator(`[data-path='${p}']`);
const fieldError = (page: Page, p: string) => page.locator('.field', { has: field(page, p) }).locator('.field-error');

async function showSection(page: Page) {
  await field(page, 'growth.percentPerYear').fill('10');
  await field(page, 'finance.discountRatePercent').fill('8');
  await expect(page.getByTestId('summary-over-time')).toHaveText(sentence({ growth: { percentPerYear: 10 }, finance: { discountRatePercent: 8 } }));
}

test.describe('costs over time', () => {
  test('loads nothing until asked; growth and a discount rate open it; its sentence, chart table and totals follow', async ({ page, gotoPage, reloadPage }, testInfo) => {
    const fetched: string[] = [];
    page.on('request', (r) => SECTION_CODE.test(r.url()) && fetched.push(r.url()));
    await openOn(page, gotoPage);
    const section = page.getByTestId('over-time');
    await expect(section.getByRole('button', { name: 'Show costs over time' })).toBeVisible();
    await page.waitForTimeout(400);
    expect(fetched, 'the section’s code and worker load only when it is shown').toEqual([]);

    // Growth alone: the section opens by itself, cash undiscounted.
    await field(page, 'growth.percentPerYear').fill('10');
    const said = page.getByTestId('summary-over-time');
    await expect(said).toHaveText(sentence({ growth: { percentPerYear: 10 } }));
    await expect(said).toContainText('in cash (no discount rate)');
    expect(fetched.some((u) => /overTime\.worker/.test(u))).toBe(true);
    expect(fetched.some((u) => /OverTime\./.test(u))).toBe(true);

    // A discount rate: present values (the package README's figures).
    await field(page, 'finance.discountRatePercent').fill('8');
    await expect(said).toHaveText(
      'Over 5 years with 10% growth a year, vmware costs $1,921,518 in present value at 8%, k8s-bare-metal $671,882, k8s-on-vmware $1,270,724 and kata $759,303; k8s-bare-metal costs least.',
    );
    await expect(page.getByTestId('over-time-inputs')).toContainText('growth 10% a year; hosts purchased, life 5 years; discount rate 8%');

    const chart = section.locator('figure[data-chart="over-time"]');
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator('canvas')).toBeVisible();
    await chart.getByRole('button', { name: /data table/ }).click();
    await expect(chart.locator('tbody tr')).toHaveCount(4);
    await expect(chart.locator('tbody tr').first()).toHaveText(/vmware\s*\$483,935\s*\$379,935\s*\$407,935\s*\$436,735\s*\$529,719\s*\$2,238,258/);

    const totals = page.getByTestId('over-time-totals');
    await expect(totals.locator('tbody tr').first()).toHaveText(/vmware\s*\$2,238,258\s*\$1,921,518\s*5\s*146,359\s*70\.4/);
    const years = page.getByTestId('over-time-years-k8s-bare-metal');
    await section.locator('details[data-platform="k8s-bare-metal"] > summary').click();
    await expect(years.locator('tbody tr')).toHaveCount(6);
    // Hosts needed 7, 8, 8, 9, 10; bought for growth 7, 1, 0, 1, 1.
    await expect(years.locator('tbody tr').nth(1)).toHaveText(/year 2\s*330\s*8\s*8\s*1\s*0\s*0\s*\$114,622\s*\$106,131/);

    // The amortized view.
    await section.getByRole('radio', { name: /amortized/ }).check();
    await expect(said).toHaveText(sentence({ growth: { percentPerYear: 10 }, finance: { discountRatePercent: 8 } }, 'amortized'));
    await expect(chart.locator('h3')).toHaveText('Amortized cost per year (USD)');
    await expect(years.locator('thead')).toContainText('amortized');
    await shot(section, testInfo, 'over-time-section');

    const ms = await page.evaluate(() => window.__kernelcountOverTime ?? []);
    testInfo.annotations.push({ type: 'projection ms (worker)', description: ms.map((x) => x.toFixed(1)).join(', ') });
    console.log(`projection + shaping in the worker (${testInfo.project.name}), ms: ${ms.map((x) => x.toFixed(1)).join(', ')}`);
    expect(ms.length).toBeGreaterThan(0);

    // The fields travel in the link: a reload keeps them and opens the section again.
    await calculatorSettled(page);
    await expect(page).toHaveURL(/#s=v1\./);
    await reloadPage();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(field(page, 'growth.percentPerYear')).toHaveValue('10');
    await expect(field(page, 'finance.discountRatePercent')).toHaveValue('8');
    await expect(page.getByTestId('summary-over-time')).toContainText('in present value at 8%');
  });

  test('a lease: the lease rate field appears and the sentence says it', async ({ page, gotoPage }) => {
    await openOn(page, gotoPage);
    await showSection(page);
    await expect(field(page, 'finance.leaseRatePercent')).toHaveCount(0);
    await field(page, 'finance.hardware').selectOption('lease');
    await field(page, 'finance.leaseRatePercent').fill('6');
    const finance = { discountRatePercent: 8, hardware: 'lease', leaseRatePercent: 6 };
    await expect(page.getByTestId('summary-over-time')).toHaveText(sentence({ growth: { percentPerYear: 10 }, finance }));
    await expect(page.getByTestId('summary-over-time')).toContainText('and hosts leased at 6% a year');
    await expect(page.getByTestId('over-time-inputs')).toContainText('hosts leased at 6% a year');
    // Back to purchase: the rate stays in the scenario, unused, and the section says so.
    await field(page, 'finance.hardware').selectOption('');
    await expect(page.getByTestId('summary-over-time')).not.toContainText('leased');
    await expect(field(page, 'finance.leaseRatePercent')).toHaveCount(0);
    await expect(page.getByTestId('over-time')).toContainText('finance.leaseRatePercent (6%) is not used: hardware is purchased');
  });

  test('a workload’s own growth: its field opens the section, the sentence counts it, it offers no range and travels in the link', async ({ page, gotoPage, reloadPage }) => {
    await openOn(page, gotoPage);
    const own = field(page, 'workloads[0].growthPercentPerYear');
    // Its placeholder is the scenario's growth, which it overrides for this workload.
    await expect(own).toHaveAttribute('placeholder', '0');
    await field(page, 'growth.percentPerYear').fill('10');
    await expect(own).toHaveAttribute('placeholder', '10');
    await expect(page.locator('button[data-range-toggle="workloads[0].growthPercentPerYear"]')).toHaveCount(0);
    await expect(page.locator('button[data-range-toggle="workloads[0].instances"]')).toHaveCount(1);

    await own.fill('25');
    const workloads = (scenario['workloads'] as Array<Record<string, unknown>>).map((w, i) => (i === 0 ? { ...w, growthPercentPerYear: 25 } : w));
    const expected = sentence({ growth: { percentPerYear: 10 }, workloads });
    expect(expected).toContain('one workload at its own rate');
    await expect(page.getByTestId('summary-over-time')).toHaveText(expected);

    // Outside the package's range: named at the field.
    await own.fill('-100');
    await expect(page.locator('.field', { has: own }).locator('.field-error')).toContainText('above -100');
    await own.fill('25');
    await calculatorSettled(page);
    await reloadPage();
    await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
    await expect(field(page, 'workloads[0].growthPercentPerYear')).toHaveValue('25');
  });

  test('a grid region changes the CO2e on the cards and in the section; so does your own figure', async ({ page, gotoPage }, testInfo) => {
    await openOn(page, gotoPage);
    const card = page.getByTestId('co2e-k8s-bare-metal');
    const world = evaluate(scenario);
    const p1 = world.platforms[1]!;
    const c1 = world.comparisons.find((c) => c.platform === p1.name)!;
    await expect(card).toHaveText(`${tonnes(p1.energy.co2eKgOverHorizon)} t (${signedTonnes(c1.co2eKgDelta)} t vs vmware)`);
    await expect(page.getByTestId('kwh-vmware')).toContainText('kWh a year');
    const grid = page.getByTestId('grid-line');
    await expect(grid).toContainText('481 gCO2e/kWh, world-2023');
    await expect(grid).toContainText('2024-07-03');

    await showSection(page);
    const totals = page.getByTestId('over-time-totals');
    const before = await totals.locator('tbody tr').first().textContent();

    const select = field(page, 'catalogVersions["carbon.gridIntensity"]');
    await expect(select.locator('option[value="germany-2023"]')).toHaveText('germany-2023: 381 gCO2e/kWh');
    await select.selectOption('france-2023');
    const fr = evaluate({ ...scenario, catalogVersions: { 'carbon.gridIntensity': 'france-2023' } });
    await expect(card).toContainText(`${tonnes(fr.platforms[1]!.energy.co2eKgOverHorizon)} t`);
    await expect(grid).toContainText('56 gCO2e/kWh, france-2023');
    await expect(grid).toContainText('Our World in Data');
    await expect(grid).toContainText('2026-01-26');
    await expect(totals.locator('tbody tr').first()).not.toHaveText(before ?? '');
    await expect(page.getByTestId('over-time-inputs')).toContainText('grid 56 gCO2e/kWh');

    await select.selectOption('(own)');
    const own = field(page, 'prices.gridIntensityGPerKWh');
    // It starts as the figure in use.
    await expect(own).toHaveValue('56');
    await expect(grid).toContainText('56 gCO2e/kWh, your own figure');
    await own.fill('120');
    await expect(grid).toContainText('120 gCO2e/kWh, your own figure');
    const mine = evaluate({ ...scenario, prices: { ...(scenario['prices'] as object), gridIntensityGPerKWh: 120 } });
    await expect(card).toContainText(`${tonnes(mine.platforms[1]!.energy.co2eKgOverHorizon)} t`);
    // Emptying the figure to type another keeps the field (and says a figure is needed).
    await own.fill('');
    await expect(fieldError(page, 'prices.gridIntensityGPerKWh')).toHaveText('is required');
    await expect(select).toHaveValue('(own)');
    await own.fill('90');
    await expect(grid).toContainText('90 gCO2e/kWh');
    await shot(page.locator('.summary'), testInfo, 'over-time-energy-cards');
    // Back to the default.
    await select.selectOption('');
    await expect(own).toHaveCount(0);
    await expect(grid).toContainText('481 gCO2e/kWh');
  });

  test('bad values show a message naming the field; a projection the package refuses names its path', async ({ page, gotoPage }) => {
    await openOn(page, gotoPage);
    const growth = field(page, 'growth.percentPerYear');
    await growth.fill('ten');
    await expect(fieldError(page, 'growth.percentPerYear')).toHaveText('must be a number of % a year, got "ten"');
    await growth.fill('-150');
    await expect(fieldError(page, 'growth.percentPerYear')).toHaveText('must be a yearly growth in percent above -100 and at most 1000, got -150');
    await expect(page.getByTestId('issues')).toContainText('growth.percentPerYear: must be a yearly growth in percent above -100');
    await expect(growth).toHaveAttribute('aria-invalid', 'true');
    await field(page, 'finance.discountRatePercent').fill('150');
    await expect(fieldError(page, 'finance.discountRatePercent')).toContainText('must be a yearly rate in percent from 0 to 100');
    await field(page, 'finance.discountRatePercent').fill('');
    await expect(fieldError(page, 'finance.discountRatePercent')).toHaveCount(0);

    // Valid for evaluate, but the growth takes a workload past the instance limit: the section says where.
    await field(page, 'horizonYears').fill('8');
    await growth.fill('1000');
    const errors = page.getByTestId('over-time-errors');
    await expect(errors).toContainText('growth.percentPerYear');
    await expect(errors).toContainText('above the limit of 10,000,000 instances per workload');
    await growth.fill('10');
    await expect(errors).toHaveCount(0);
    await expect(page.getByTestId('summary-over-time')).toContainText('Over 8 years with 10% growth a year');
  });

  test('money in the scenario’s currency: cards, charts’ tables and the section', async ({ page, gotoPage }) => {
    await openOn(page, gotoPage);
    await showSection(page);
    await field(page, 'currency').fill('EUR');
    await expect(page.getByTestId('tco-vmware')).toHaveText(/^€[\d,]+$/);
    await expect(page.getByTestId('summary-over-time')).toContainText('vmware costs €1,921,518 in present value at 8%');
    await expect(page.getByTestId('over-time-totals').locator('caption')).toContainText('(EUR)');
    await field(page, 'currency').fill('JPY');
    await expect(page.getByTestId('summary-over-time')).toContainText('vmware costs ¥1,921,518');
    const cost = page.locator('figure[data-chart="per-instance"]');
    await cost.getByRole('button', { name: /data table/ }).click();
    // Yen have no decimals, even where the table asks for two.
    await expect(cost.locator('tbody tr').first()).toHaveText(/¥[\d,]+$/);
  });

  test('phone width, dark theme and accessibility', async ({ page, gotoPage }, testInfo) => {
    // Dark from the start, so the chart is drawn in the dark theme's colours.
    await page.emulateMedia({ colorScheme: 'dark' });
    await openOn(page, gotoPage);
    await checkA11y(page, 'section closed, dark');
    await showSection(page);
    await field(page, 'finance.hardware').selectOption('lease');
    await page.getByTestId('over-time').locator('figure[data-chart="over-time"]').getByRole('button', { name: /data table/ }).click();
    await expectNoHorizontalOverflow(page);
    await checkA11y(page, 'section open, dark');
    await shot(page.getByTestId('over-time'), testInfo, 'over-time-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await checkA11y(page, 'section open, light');
    await shot(page.locator('.editor fieldset', { hasText: 'Over time' }), testInfo, 'over-time-fields');
    await shot(page.locator('.field', { has: field(page, 'catalogVersions["carbon.gridIntensity"]') }), testInfo, 'over-time-grid-field');
  });

  test('the print report includes the section when shown, and leaves it out otherwise', async ({ page, gotoPage }, testInfo) => {
    await openOn(page, gotoPage);
    const section = page.getByTestId('over-time');
    await page.emulateMedia({ media: 'print' });
    await expect(section).toBeHidden();
    await expect(page.getByTestId('co2e-vmware')).toBeVisible();
    await page.emulateMedia({ media: 'screen' });

    await section.getByRole('button', { name: 'Show costs over time' }).click();
    await expect(page.getByTestId('summary-over-time')).toContainText('Over 5 years with no growth');
    await page.setViewportSize(PRINT_VIEWPORT);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect(section).toBeVisible();
    await expect(section.locator('figure[data-chart="over-time"] table')).toBeVisible();
    for (const name of ['vmware', 'k8s-bare-metal', 'k8s-on-vmware', 'kata']) await expect(page.getByTestId(`over-time-years-${name}`)).toBeVisible();
    await expect(page.locator('.print-inputs')).toBeVisible();
    await expectNoHorizontalOverflow(page, 'print');
    await shot(section, testInfo, 'over-time-print');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await expect(section.locator('details[data-platform="kata"]')).not.toHaveAttribute('open', '');
  });
});
