// The home page: what a first-time visitor sees and can reach from it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, repoRoot, test } from './helpers';

const pkgVersion: string = JSON.parse(
  readFileSync(path.join(repoRoot, 'packages/kernelcount/package.json'), 'utf8'),
).version;

test.beforeEach(async ({ gotoPage }) => {
  await gotoPage('/');
});

test('names the tool in the title and the heading', async ({ page }) => {
  await expect(page).toHaveTitle('kernelcount');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('kernelcount');
});

test('shows the version of the kernelcount package the site was built with', async ({ page }) => {
  await expect(page.getByTestId('kernelcount-version')).toHaveText(pkgVersion);
});

test('leads to the calculator and has the main navigation', async ({ page }) => {
  await expect(page.getByRole('main').locator('a[href="/calculator/"]').first()).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav).toBeVisible();
  await expect(nav.getByRole('link')).toHaveText(['Calculator', 'Learn', 'Assumptions', 'Package & CLI']);
});

test('says that nothing entered leaves the browser', async ({ page }) => {
  await expect(page.getByRole('contentinfo')).toContainText('nothing you enter is sent anywhere');
});

test('the first Tab reaches a visible skip link that moves to the main content', async ({ page }) => {
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
