// Every page in dist/, found at run time, so a page added later is checked without a new spec:
// it loads cleanly from this machine only, has one <h1>, a <title> and lang="en", passes axe in
// the light and dark themes, and prints on A4 without horizontal overflow. Screenshots of each page
// at both widths go to test-results/screenshots/.
//
// "One <h1>" counts the level-1 headings a reader gets in that medium (the accessibility tree):
// a page may keep a screen heading and a print-only report heading, one hidden in each medium.
import {
  builtPages,
  checkA11y,
  expect,
  expectNoHorizontalOverflow,
  PRINT_VIEWPORT,
  saveScreenshot,
  test,
} from './helpers';

const pages = builtPages();
if (pages.length === 0) throw new Error('dist/ has no HTML pages: run `npm run build:site` first');

for (const p of pages) {
  test.describe(`page ${p.name} (${p.urlPath})`, () => {
    test('loads with no errors, only local requests, one h1, a title and lang="en"', async ({
      page,
      gotoPage,
    }, testInfo) => {
      await page.emulateMedia({ colorScheme: 'light' });
      await gotoPage(p.urlPath, { status: p.status });
      // Soft: one run reports every missing piece.
      await expect.soft(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect.soft(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect.soft(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expect.soft(page.locator('head > title')).toHaveCount(1);
      expect.soft((await page.title()).trim(), 'document title').not.toBe('');
      await expectNoHorizontalOverflow(page, 'screen');
      await saveScreenshot(page, testInfo, p.name);
    });

    test('hydrates without a mismatch when opened years after the build', async ({ page, gotoPage }) => {
      // A static page is built once and read on later days: islands must render the build's
      // figures first (a different first render throws React's hydration error, which the page
      // watch reports), however old the defaults have become by then.
      await page.clock.setFixedTime(new Date('2031-03-04T10:00:00Z'));
      await gotoPage(p.urlPath, { status: p.status });
      await page.mouse.wheel(0, 20000);
      await expect(page.locator('astro-island[ssr]:not([client="visible"])')).toHaveCount(0);
    });

    for (const colorScheme of ['light', 'dark'] as const) {
      test(`has no serious or critical axe violations in the ${colorScheme} theme`, async ({
        page,
        gotoPage,
      }, testInfo) => {
        await page.emulateMedia({ colorScheme });
        await gotoPage(p.urlPath, { status: p.status });
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
          colorScheme === 'dark',
        );
        await checkA11y(page, `${colorScheme} theme`);
        if (colorScheme === 'dark') await saveScreenshot(page, testInfo, `${p.name}-dark`);
      });
    }

    test('renders for print on A4 without horizontal overflow', async ({ page, gotoPage }, testInfo) => {
      await page.setViewportSize(PRINT_VIEWPORT);
      await page.emulateMedia({ media: 'print' });
      await gotoPage(p.urlPath, { status: p.status });
      expect(await page.evaluate(() => matchMedia('print').matches)).toBe(true);
      await expect.soft(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expectNoHorizontalOverflow(page, 'print');
      await saveScreenshot(page, testInfo, `${p.name}-print`);
    });
  });
}
