/**
 * Reading the built site (dist/) in tests: pages, text with entities decoded, ids, elements by id,
 * and internal links that must resolve to a built file and, with a fragment, to an id on it.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { scenarioParam } from '../urlState.ts';
import { REPO_ROOT } from './run.ts';

export const DIST = path.join(REPO_ROOT, 'dist');

/** The built site's HTML files, relative to `dir` with `/` separators, sorted; none when it is not built. */
export function builtHtmlFiles(dir = DIST): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
    .map((f) => f.split(path.sep).join('/'))
    .filter((f) => f.endsWith('.html'))
    .sort();
}

/** The site path a built HTML file is served at: `index.html` is `/`, `docs/index.html` `/docs/`, `404.html` `/404.html`. */
export function sitePathOf(file: string): string {
  return `/${file === 'index.html' || file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file}`;
}

/** The built file for a site path (`/docs`, `/docs/`, `/favicon.svg`), or undefined. */
export function builtFile(sitePath: string): string | undefined {
  const clean = decodeURI(sitePath.split('#')[0]!.split('?')[0]!);
  const base = path.join(DIST, clean);
  for (const f of [base, path.join(base, 'index.html'), `${base.replace(/\/$/, '')}.html`]) {
    if (f.startsWith(DIST) && existsSync(f) && statSync(f).isFile()) return f;
  }
  return undefined;
}

/** The HTML of a built page; throws with a hint when the site is not built. */
export function readPage(sitePath: string): string {
  const file = builtFile(sitePath);
  if (!file) throw new Error(`${sitePath} is not in dist/: run \`npm run build\` (or \`npm test\`, which builds first)`);
  return readFileSync(file, 'utf8');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return NAMED[e.toLowerCase()] ?? m;
  });
}

/** Text content: tags removed, entities decoded (whitespace kept as written). */
export function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''));
}

/** Every id on the page, decoded, in order (duplicates kept, so a test can find them). */
export function idsOf(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => decodeEntities(m[1]!));
}

/** Attribute value as written in the HTML for a raw string (what Astro escapes). */
export function attr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** From a start tag at `start` (tag name `name`), the outer HTML up to its matching end tag. */
function outerFrom(html: string, start: number, name: string): string | undefined {
  const re = new RegExp(`<(/?)${name}\\b[^>]*>`, 'gi');
  re.lastIndex = start;
  let depth = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[0].endsWith('/>')) continue;
    depth += m[1] ? -1 : 1;
    if (depth === 0) return html.slice(start, m.index + m[0].length);
  }
  return undefined;
}

/** The outer HTML of the element carrying `id` (nested elements of the same name handled). */
export function elementById(html: string, id: string): string | undefined {
  return elementByAttr(html, 'id', id);
}

/** The outer HTML of the first element whose start tag has `name="value"`. */
export function elementByAttr(html: string, name: string, value: string): string | undefined {
  const re = new RegExp(`<([a-z0-9]+)\\b[^>]*\\s${name}="${escapeRe(attr(value))}"[^>]*>`);
  const m = re.exec(html);
  return m ? outerFrom(html, m.index, m[1]!) : undefined;
}

/** Matches the `<time>` element of an ISO date, whatever other attributes it carries. */
export function timeTag(date: string): RegExp {
  return new RegExp(`<time datetime="${escapeRe(date)}"[^>]*>${escapeRe(date)}</time>`);
}

/** Text inside the element (its start and end tag removed). */
export function innerText(outer: string): string {
  return textOf(outer.replace(/^<[^>]*>/, '').replace(/<\/[a-z0-9]+>$/i, ''));
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Links of `<a href>` on the page that stay on the site: `/...` and `#...`. */
export function internalLinks(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\shref="([^"]*)"/gi)].map((m) => decodeEntities(m[1]!)).filter((h) => h.startsWith('/') || h.startsWith('#'));
}

/** Internal links of a page that lead nowhere: no built file, or no element with the fragment's id. */
export function brokenLinks(html: string, sitePath: string): string[] {
  const broken: string[] = [];
  const ownIds = new Set(idsOf(html));
  const cache = new Map<string, Set<string>>();
  for (const href of new Set(internalLinks(html))) {
    if (href.startsWith('//')) continue;
    const [target, fragment] = href.split('#', 2) as [string, string | undefined];
    let ids = ownIds;
    if (target !== '' && target !== sitePath) {
      const file = builtFile(target);
      if (!file) {
        broken.push(href);
        continue;
      }
      if (!fragment) continue;
      if (!cache.has(file)) cache.set(file, new Set(idsOf(readFileSync(file, 'utf8'))));
      ids = cache.get(file)!;
    }
    // A scenario in the calculator's link (#s=v1....) is state, not an element's id.
    if (fragment && scenarioParam(`#${fragment}`) === null && !ids.has(decodeURIComponent(fragment))) broken.push(href);
  }
  return broken;
}

/**
 * Internal links to a folder's page written without its trailing slash (`/docs`, `/assumptions#x`):
 * the server answers each with a redirect to `/docs/` before the page, a round trip on every click.
 */
export function redirectingLinks(html: string): string[] {
  return [...new Set(internalLinks(html))].filter((href) => {
    const target = href.split('#')[0]!.split('?')[0]!;
    if (target === '' || target.endsWith('/') || href.startsWith('//')) return false;
    const file = builtFile(target);
    return file !== undefined && path.basename(file) === 'index.html' && !target.endsWith('.html');
  });
}
