// Every internal link on every built page leads somewhere (a built file, and the fragment's id on
// it) and goes there directly: a folder's page is linked with its trailing slash, since the server
// (like static hosts) answers `/calculator` with a redirect to `/calculator/`. Needs the built site.
import { describe, expect, it } from 'vitest';
import { brokenLinks, builtHtmlFiles, readPage, redirectingLinks, sitePathOf } from '../src/lib/docs/builtHtml';

/** Site paths of the built pages: `/`, `/calculator/`, `/learn/density/`, `/404.html`. */
const all = builtHtmlFiles().map(sitePathOf);

describe('links between the built pages', () => {
  it('finds the pages', () => {
    expect(all).toEqual(expect.arrayContaining(['/', '/calculator/', '/assumptions/', '/docs/', '/learn/', '/404.html']));
    expect(all.length).toBeGreaterThan(10);
  });

  for (const page of all) {
    it(`${page}: every internal link resolves, without a redirect`, () => {
      const html = readPage(page);
      expect(brokenLinks(html, page), 'links to nothing').toEqual([]);
      expect(redirectingLinks(html), 'links a folder without its trailing slash').toEqual([]);
    });
  }
});
