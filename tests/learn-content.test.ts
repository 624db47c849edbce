/**
 * The explainer articles as written (content/learn/*.mdx) and as built (dist/learn). Fails when an
 * article lacks a description, sources, a live chart or a calculator link, quotes a model figure
 * typed by hand, cites a catalog figure it does not list in its sources, or links to a page or
 * anchor that does not exist. `npm test` builds the site before Vitest runs.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { hasCatalogEntry } from '../src/lib/learn/catalogFigures';
import { GLOSSARY } from '../src/lib/learn/glossary';
import { loadScenario } from '../src/lib/learn/scenarioLink';

const root = fileURLToPath(new URL('..', import.meta.url));
const contentDir = path.join(root, 'content/learn');
const dist = path.join(root, 'dist');

interface Article {
  slug: string;
  file: string;
  data: Record<string, unknown>;
  body: string;
}

function readArticles(): Article[] {
  return readdirSync(contentDir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const text = readFileSync(path.join(contentDir, f), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!m) throw new Error(`${f}: no frontmatter`);
      return { slug: f.replace(/\.mdx$/, ''), file: f, data: parseYaml(m[1]!) as Record<string, unknown>, body: m[2]! };
    });
}

const articles = readArticles();

/** The body as a reader sees it: no imports/exports, code, JSX tags, or link targets. */
function proseOf(body: string): string {
  return body
    .split('\n')
    .filter((l) => !/^(import|export)\s/.test(l))
    .join('\n')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/<[A-Za-z][^>]*?\/>/g, ' ') // self-closing components: <Fig v={...} />
    .replace(/<\/?[A-Za-z][^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ');
}

/**
 * A figure with a unit typed into prose: `512 MiB`, `8%`, `$1,069`, `125 ms`. Model and catalog
 * figures must come from <Fig> or <Cat> so the prose cannot drift from the package.
 */
const TYPED_FIGURE = /(?<![\w.-])(?:\$\s?\d[\d,.]*|\d[\d,.]*\s?(?:%|MiB|GiB|TiB|MB|GB|KiB|KB|ms|millicores|vCPUs?|W|kW|kWh|USD|per cent)(?![\w]))/g;

test('the typed-figure check catches figures in prose and ignores those rendered by components', () => {
  const body = "import x from 'y';\nA VM takes 512 MiB, costs $1,069 and boots in 125 ms; 8% is kept.\n<Fig v={f.a} /> and <Cat id=\"k8s.maxPodsPerNode\" /> in 1974.";
  expect([...proseOf(body).matchAll(TYPED_FIGURE)].map((m) => m[0])).toEqual(['512 MiB', '$1,069', '125 ms', '8%']);
});

test('there are 12 to 16 articles, and a FAQ among them', () => {
  expect(articles.length).toBeGreaterThanOrEqual(12);
  expect(articles.length).toBeLessThanOrEqual(16);
  expect(articles.map((a) => a.slug)).toContain('faq');
});

test('the articles cover every point of the topic list (1-17)', () => {
  const covered = new Set(articles.flatMap((a) => (a.data['covers'] as number[]) ?? []));
  const missing = Array.from({ length: 17 }, (_, i) => i + 1).filter((n) => !covered.has(n));
  expect(missing).toEqual([]);
});

test('reading order has no gaps or repeats', () => {
  const orders = articles.map((a) => a.data['order'] as number).sort((a, b) => a - b);
  expect(orders).toEqual(orders.map((_, i) => i + 1));
});

describe.each(articles.map((a) => [a.slug, a] as const))('article %s', (_slug, a) => {
  test('has a title, a description of 40-220 characters, an updated date and sources', () => {
    expect(typeof a.data['title']).toBe('string');
    const d = a.data['description'];
    expect(typeof d, 'description').toBe('string');
    expect((d as string).length).toBeGreaterThanOrEqual(40);
    expect((d as string).length).toBeLessThanOrEqual(220);
    expect(String(a.data['updated'])).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(Array.isArray(a.data['sources']) && (a.data['sources'] as unknown[]).length > 0, 'sources').toBe(true);
  });

  test('has at least one live chart island, hydrated when visible', () => {
    const islands = [...a.body.matchAll(/^import (\w+) from '\.\.\/\.\.\/src\/islands\/learn\/(\w+)\.tsx';$/gm)];
    expect(islands.length, 'imports a chart island from src/islands/learn').toBeGreaterThan(0);
    for (const [, name, file] of islands) {
      expect(existsSync(path.join(root, `src/islands/learn/${file}.tsx`)), `${file}.tsx exists`).toBe(true);
      expect(a.body, `<${name} client:visible /> is used`).toMatch(new RegExp(`<${name}\\s+client:visible\\s*/>`));
    }
  });

  test('its calculator scenario loads and evaluates', () => {
    expect(() => loadScenario(String(a.data['calculator']))).not.toThrow();
  });

  test('cites every catalog figure it quotes, and only ids that exist', () => {
    const listed = new Set(((a.data['sources'] as Array<Record<string, string>>) ?? []).filter((s) => 'catalog' in s).map((s) => s['catalog']));
    for (const id of listed) expect(hasCatalogEntry(id!), `source ${id}`).toBe(true);
    for (const [, id] of a.body.matchAll(/<Cat\s+id="([^"]+)"/g)) {
      expect(hasCatalogEntry(id!), `<Cat id="${id}">`).toBe(true);
      expect(listed.has(id!), `<Cat id="${id}"> is quoted but not listed under sources`).toBe(true);
    }
  });

  test('types no model figure by hand: figures with units come from <Fig> or <Cat>', () => {
    const typed = [...proseOf(a.body).matchAll(TYPED_FIGURE)].map((m) => m[0]);
    expect(typed).toEqual([]);
  });

  test('quotes computed values only through <Fig> (a bare {expression} could print nothing)', () => {
    const bare = proseOf(a.body).match(/\{[A-Za-z_$][\w.$[\]'"]*\}/g) ?? [];
    expect(bare).toEqual([]);
  });
});

// ---- the built pages ----------------------------------------------------------------------------

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? htmlFiles(p) : f.endsWith('.html') ? [p] : [];
  });
}

/** dist file for a site path: `/learn/x` -> dist/learn/x/index.html. */
function fileFor(urlPath: string): string | null {
  const clean = decodeURIComponent(urlPath.replace(/[?#].*$/, ''));
  const candidates = clean.endsWith('/') ? [path.join(dist, clean, 'index.html')] : [path.join(dist, clean), path.join(dist, clean, 'index.html'), path.join(dist, `${clean}.html`)];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

const idsIn = (html: string) => new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));

describe('built articles', () => {
  const pages = existsSync(path.join(dist, 'learn')) ? htmlFiles(path.join(dist, 'learn')) : [];

  test('every article, the index and the glossary are built', () => {
    expect(existsSync(path.join(dist, 'learn/index.html')), 'run `npm run build:site` first').toBe(true);
    expect(existsSync(path.join(dist, 'learn/glossary/index.html'))).toBe(true);
    for (const a of articles) expect(existsSync(path.join(dist, `learn/${a.slug}/index.html`)), a.slug).toBe(true);
  });

  test('no internal link on any page is broken, anchors included', () => {
    const broken: string[] = [];
    for (const file of htmlFiles(dist)) {
      const html = readFileSync(file, 'utf8');
      const here = idsIn(html);
      for (const [, href] of html.matchAll(/<a\b[^>]*\shref="([^"]*)"/g)) {
        if (/^(https?:|mailto:|data:)/.test(href!)) continue;
        const [p, frag] = href!.split('#') as [string, string | undefined];
        if (frag !== undefined && frag.startsWith('s=')) continue; // calculator scenario, checked elsewhere
        const target = p === '' ? file : fileFor(p);
        if (!target) {
          broken.push(`${path.relative(dist, file)} -> ${href}`);
          continue;
        }
        if (frag) {
          const ids = target === file ? here : idsIn(readFileSync(target, 'utf8'));
          if (!ids.has(decodeURIComponent(frag))) broken.push(`${path.relative(dist, file)} -> ${href} (no such anchor)`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  test('each article page has its chart in the HTML before any JavaScript: takeaway and data table', () => {
    for (const a of articles) {
      const html = readFileSync(path.join(dist, `learn/${a.slug}/index.html`), 'utf8');
      expect(html, a.slug).toMatch(/<astro-island[^>]*client="visible"/);
      expect(html, a.slug).toMatch(/class="chart-summary"[^>]*>[^<]{20,}/);
      expect(html, a.slug).toMatch(/<table[\s\S]*?<caption>/);
      expect(html, `${a.slug}: calculator link`).toMatch(/href="\/calculator\/#s=v1\.[A-Za-z0-9_-]+"/);
      // The encoded scenario in the calculator link is base64url and may spell anything.
      const text = html.replace(/#s=v1\.[A-Za-z0-9_-]+/g, '#s=');
      expect(text, `${a.slug}: no NaN`).not.toMatch(/NaN|Infinity|undefined/);
    }
  });

  test('articles link glossary terms, and every glossary link has its entry', () => {
    const glossary = readFileSync(path.join(dist, 'learn/glossary/index.html'), 'utf8');
    const ids = idsIn(glossary);
    for (const t of GLOSSARY) expect(ids.has(t.id), t.id).toBe(true);
    let links = 0;
    for (const p of pages) for (const [, id] of readFileSync(p, 'utf8').matchAll(/href="\/learn\/glossary\/?#([^"]+)"/g)) {
      links += 1;
      expect(ids.has(id!), id).toBe(true);
    }
    expect(links).toBeGreaterThan(articles.length);
  });

  test('the index lists every article in reading order', () => {
    const html = readFileSync(path.join(dist, 'learn/index.html'), 'utf8');
    const order = [...html.matchAll(/<h2><a href="\/learn\/([a-z0-9-]+)\/"/g)].map((m) => m[1]);
    const expected = [...articles].sort((x, y) => (x.data['order'] as number) - (y.data['order'] as number)).map((a) => a.slug);
    expect(order).toEqual(expected);
  });
});
