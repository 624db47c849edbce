// Every internal link on every built page leads somewhere (a built file, and the fragment's id on
// it) and goes there directly: a folder's page is linked with its trailing slash, since the server
// (like static hosts) answers `/calculator` with a redirect to `/calculator/`. Needs the built site.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, brokenLinks, readPage, redirectingLinks } from '../src/lib/docs/builtHtml';

/** Site paths of the built pages: `/`, `/calculator/`, `/learn/density/`, `/404.html`. */
function pages(dir = DIST): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== '_astro') out.push(...pages(full));
    } else if (e.name.endsWith('.html')) {
      const rel = `/${path.relative(DIST, full).split(path.sep).join('/')}`;
      out.push(rel.endsWith('/index.html') || rel === '/index.html' ? rel.slice(0, -'index.html'.length) : rel);
    }
  }
  return out.sort();
}

const all = pages();

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
