// A URL with no page gets dist/404.html with HTTP status 404, and a way home.
import { expect, MISSING_PATH, test } from './helpers';

test('a missing URL answers 404 with the "Page not found" page', async ({ page, gotoPage }) => {
  await gotoPage(MISSING_PATH, { status: 404 });
  await expect(page).toHaveTitle(/Page not found/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('a missing URL deeper in the tree gets the same page, styled', async ({ page, gotoPage }) => {
  await gotoPage('/no/such/page/', { status: 404 });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  // The inline stylesheet applies at any depth: the body keeps its reading width.
  const maxWidth = await page.evaluate(() => getComputedStyle(document.body).maxWidth);
  expect(maxWidth).not.toBe('none');
});

test('the 404 page links back to the home page', async ({ page, gotoPage }) => {
  await gotoPage(MISSING_PATH, { status: 404 });
  await page.getByRole('link', { name: 'Go to the kernelcount home page' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('kernelcount');
});
