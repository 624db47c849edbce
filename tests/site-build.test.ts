// Checks the built site (dist/). `npm test` builds the site before Vitest runs.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const indexPath = repo('dist/index.html');
const notFoundPath = repo('dist/404.html');
const pkgVersion: string = JSON.parse(
  readFileSync(repo('packages/kernelcount/package.json'), 'utf8'),
).version;

function readBuilt(file: string): string {
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run build:site\` first`);
  }
  return readFileSync(file, 'utf8');
}

/** Every URL loaded by the page itself: script src, link href, and other src attributes. */
function resourceUrls(html: string): string[] {
  const urls: string[] = [];
  const tag = /<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>/gi;
  for (const [element] of html.matchAll(tag)) {
    for (const m of element.matchAll(/\b(?:src|href|srcset|data)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      urls.push(m[2] ?? m[3] ?? m[4] ?? '');
    }
  }
  // @import and url() in inline styles
  for (const m of html.matchAll(/url\(\s*['"]?([^'")\s]+)/gi)) urls.push(m[1]!);
  for (const m of html.matchAll(/@import\s+['"]([^'"]+)/gi)) urls.push(m[1]!);
  return urls;
}

function isExternal(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed.startsWith('//')) return true;
  if (!/^https?:/i.test(trimmed)) return false;
  return new URL(trimmed).hostname !== '127.0.0.1';
}

describe('built site', () => {
  it('has an index page titled kernelcount', () => {
    const html = readBuilt(indexPath);
    expect(html).toMatch(/<title>kernelcount<\/title>/);
    expect(html).toMatch(/<html lang="en"/);
  });

  it('shows the version of the kernelcount workspace package', () => {
    const html = readBuilt(indexPath);
    expect(pkgVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(html).toContain(`data-testid="kernelcount-version">${pkgVersion}<`);
  });

  it('loads nothing from outside the site', () => {
    for (const file of [indexPath, notFoundPath]) {
      const html = readBuilt(file);
      const external = resourceUrls(html).filter(isExternal);
      expect(external, file).toEqual([]);
    }
  });

  it('has a 404 page', () => {
    expect(readBuilt(notFoundPath)).toMatch(/Page not found/);
  });
});

describe('external URL detection used above', () => {
  it('flags CDN script and stylesheet URLs but not local ones', () => {
    const html =
      '<script src="https://cdn.example.com/x.js"></script><link rel="stylesheet" href="//fonts.example.com/a.css">' +
      '<script src="/_astro/a.js"></script><link href="http://127.0.0.1:4321/b.css"><style>@import "https://x.test/c.css";</style>';
    expect(resourceUrls(html).filter(isExternal)).toEqual([
      'https://cdn.example.com/x.js',
      '//fonts.example.com/a.css',
      'https://x.test/c.css',
    ]);
  });
});
