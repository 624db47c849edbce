// The explainer articles in a real browser: every chart hydrates when scrolled to, draws, and
// follows its controls (takeaway and data table change); the calculator link opens the article's
// scenario; the glossary links resolve; articles read well on a phone and in print.
import type { Locator, Page } from '@playwright/test';
import { PRINT_VIEWPORT, builtPages, expect, expectNoHorizontalOverflow, saveScreenshot, test } from './helpers';

const articles = builtPages().filter((p) => /^learn\/[a-z0-9-]+$/.test(p.name) && p.name !== 'learn/glossary');

async function hydrated(chart: Locator) {
  await chart.scrollIntoViewIfNeeded();
  // client:visible: the island drops its `ssr` attribute once React has taken over.
  await expect(chart.locator('xpath=ancestor::astro-island[1]')).not.toHaveAttribute('ssr', /.*/);
}

/** Moves one control to a different value: a range one step at a time, a select to another option. */
async function moveControl(page: Page, control: Locator): Promise<void> {
  const tag = await control.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') {
    const values = await control.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const current = await control.inputValue();
    await control.selectOption(values.find((v) => v !== current)!);
    return;
  }
  await control.focus();
  const atMax = await control.evaluate((el) => (el as HTMLInputElement).value === (el as HTMLInputElement).max);
  const key = atMax ? 'Home' : 'End';
  await page.keyboard.press(key);
}

test.describe('articles', () => {
  test('the index lists every article and each is reachable', async ({ page, gotoPage }) => {
    await gotoPage('/learn/');
    const links = page.locator('.article-list h2 a');
    await expect(links).toHaveCount(articles.length);
  });

  for (const article of articles) {
    test(`${article.name}: each chart draws and follows its controls`, async ({ page, gotoPage }) => {
      await gotoPage(article.urlPath);
      const charts = page.locator('[data-learn-chart]');
      const count = await charts.count();
      expect(count, 'charts on the page').toBeGreaterThan(0);
      for (let i = 0; i < count; i++) {
        const chart = charts.nth(i);
        await hydrated(chart);
        const canvas = chart.locator('canvas');
        await expect(canvas).toBeVisible();
        // Chart.js has drawn: the canvas has a backing store of the figure's size.
        await expect.poll(() => canvas.evaluate((c) => (c as HTMLCanvasElement).width)).toBeGreaterThan(100);
        const summary = chart.locator('.chart-summary');
        const table = chart.locator('table');
        const pixels = () => canvas.evaluate((c) => (c as HTMLCanvasElement).toDataURL());
        const controls = chart.locator('[data-control]');
        expect(await controls.count(), 'controls').toBeGreaterThan(0);
        let bothChanged = false;
        for (let j = 0; j < (await controls.count()); j++) {
          const before = { summary: await summary.textContent(), table: await table.textContent(), pixels: await pixels() };
          await moveControl(page, controls.nth(j));
          // Every control changes what the reader sees: the takeaway or the table.
          await expect
            .poll(async () => (await summary.textContent()) !== before.summary || (await table.textContent()) !== before.table, {
              message: `moving control ${j} of chart ${i} changes the takeaway or the table`,
            })
            .toBe(true);
          await expect(summary).not.toContainText('NaN');
          // Some control must redraw the chart along with the takeaway. (A control may change only the
          // takeaway at other settings' defaults: node size does not move a fixed reservation's bars.)
          if (!bothChanged && (await summary.textContent()) !== before.summary) {
            await page.waitForTimeout(50);
            bothChanged = (await pixels()) !== before.pixels;
          }
        }
        expect(bothChanged, `some control of chart ${i} changes both the takeaway and the chart`).toBe(true);
        // The data table opens for readers who want the numbers.
        await chart.getByRole('button', { name: /data table/ }).click();
        await expect(table).toBeVisible();
      }
    });
  }

  test('the calculator link opens the article scenario', async ({ page, gotoPage }) => {
    await gotoPage(articles[0]!.urlPath);
    const link = page.getByTestId('try-calculator');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/calculator\/#s=v1\./);
    await link.click();
    await expect(page.getByTestId('summary')).toBeVisible();
    await expect(page.locator('.notice.error')).toHaveCount(0);
  });

  test('a glossary link from an article lands on its entry', async ({ page, gotoPage }) => {
    await gotoPage(articles[0]!.urlPath);
    const term = page.locator('.prose a.term').first();
    const id = (await term.getAttribute('data-term'))!;
    await term.click();
    await expect(page).toHaveURL(new RegExp(`/learn/glossary/#${id}$`));
    await expect(page.locator(`#${id}`)).toBeInViewport();
  });

  test('an article reads on a phone and in print', async ({ page, gotoPage }, testInfo) => {
    const a = articles[0]!;
    await gotoPage(a.urlPath);
    await expectNoHorizontalOverflow(page, a.name);
    await hydrated(page.locator('[data-learn-chart]').first());
    await saveScreenshot(page, testInfo, `article-${a.name.replace('/', '-')}`);
    await page.setViewportSize(PRINT_VIEWPORT);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.learn-controls').first()).toBeHidden();
    await expect(page.locator('.chart-table table').first()).toBeVisible();
    await expect(page.locator('.sources')).toBeVisible();
  });
});
