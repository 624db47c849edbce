// Checks the built /assumptions page (dist/) against the package's CATALOG and RULES.
// `npm test` builds the site before Vitest runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOG, CatalogView, RULES, entryVersion, evaluate, parseScenarioText, versionNames } from 'kernelcount';
import type { CatalogEntry, CatalogId } from 'kernelcount';
import { beforeAll, describe, expect, it } from 'vitest';
import { attr, brokenLinks, elementByAttr, elementById, idsOf, innerText, readPage, textOf, timeTag } from '../src/lib/docs/builtHtml.ts';
import { DEFAULT_GROUPS, RULE_GROUPS, ruleFlags, valueShape } from '../src/lib/docs/catalog.ts';
import { EXAMPLES_DIR } from '../src/lib/docs/run.ts';

const entries = Object.values(CATALOG) as CatalogEntry[];
let html = '';
/** The date the page's flags were computed for, as the page states it. */
let builtOn = '';

beforeAll(() => {
  html = readPage('/assumptions');
  const m = /Flags as of <time datetime="(\d{4}-\d{2}-\d{2})"/.exec(html);
  if (!m) throw new Error('the page does not say which date its flags are computed for');
  builtOn = m[1]!;
});

/** The package's own flags for a catalog figure (and version) as of a date. */
function packageFlags(id: string, today: string, version?: string): string[] {
  const view = new CatalogView({}, today);
  view.get(id as CatalogId, version);
  return [...view.assumptions()[0]!.flags];
}

/** The badges of a kind shown inside an element: `trust` or `flag`. */
function badges(outer: string, kind: 'trust' | 'flag'): string[] {
  return [...outer.matchAll(new RegExp(`class="badge ${kind}-([a-z]+)"`, 'g'))].map((m) => m[1]!);
}

/** An element's HTML without its nested "Other named versions" block (so badges of versions are not counted). */
function withoutVersions(outer: string): string {
  const i = outer.indexOf('class="versions');
  return i < 0 ? outer : outer.slice(0, i);
}

describe('/assumptions', () => {
  it('ships no JavaScript', () => {
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/\son[a-z]+="/i); // no inline event handlers
  });

  it('has a title and is marked as the current page in the navigation', () => {
    expect(html).toMatch(/<title>Assumptions \| kernelcount<\/title>/);
    expect(html).toMatch(/<a href="\/assumptions\/"[^>]*aria-current="page"/);
  });

  it('states the counts and the date of its flags', () => {
    expect(builtOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const text = textOf(html);
    expect(text).toContain(`${entries.length} defaults and ${RULES.length} rules`);
  });

  it('shows every default with its id anchor, label, as-of date, trust and source', () => {
    for (const e of entries) {
      const el = elementById(html, e.id);
      expect(el, e.id).toBeDefined();
      const head = withoutVersions(el!);
      expect(head, e.id).toMatch(/^<article\b/);
      expect(head, e.id).toMatch(timeTag(e.asOf));
      expect(badges(head, 'trust'), e.id).toEqual([e.trust]);
      expect(textOf(head), e.id).toContain(e.label);
      expect(textOf(head), e.id).toContain(e.source.title);
      if (e.source.url) expect(head, e.id).toContain(`href="${attr(e.source.url)}"`);
      if (e.note) expect(textOf(head), e.id).toContain(e.note);
    }
  });

  it('flags every default as the package does for the build date', () => {
    for (const e of entries) {
      const head = withoutVersions(elementById(html, e.id)!);
      const flags = packageFlags(e.id, builtOn);
      expect(badges(head, 'flag'), e.id).toEqual(flags);
      // an empty attribute is written without a value
      expect(head, e.id).toMatch(flags.length ? new RegExp(`data-flags="${flags.join(' ')}"`) : /\sdata-flags(="")?[\s>]/);
    }
  });

  it('shows each value as the package holds it, with its unit', () => {
    for (const e of entries) {
      const text = textOf(withoutVersions(elementById(html, e.id)!));
      const shape = valueShape(e.value);
      expect(text, e.id).toContain(e.unit);
      if (shape.kind === 'scalar') expect(text, e.id).toContain(shape.text);
      if (shape.kind === 'record') for (const [k, v] of shape.items) expect(text, `${e.id}.${k}`).toMatch(new RegExp(`${k}\\s+${v.replace('.', '\\.')}`));
      if (shape.kind === 'table') {
        for (const row of shape.rows) for (const cell of row.cells) if (cell !== null) expect(text, `${e.id} ${row.memoryMiB}`).toContain(String(cell));
      }
      if (shape.kind === 'json') expect(text, e.id).toContain(shape.text);
    }
  });

  it('shows every named version with its own value, source, date, trust and flags, the default marked', () => {
    let count = 0;
    for (const e of entries) {
      const names = versionNames(e);
      for (const name of names) {
        count++;
        const v = entryVersion(e, name)!;
        const anchor = `${e.id}@${name}`;
        expect(idsOf(html), anchor).toContain(anchor);
        if (name === names[0]) {
          // the default: its line is in the entry's head, marked
          const line = elementById(html, anchor)!;
          expect(textOf(line), anchor).toMatch(new RegExp(`Version ${name.replace(/[.+]/g, '\\$&')} \\(default\\)`));
          continue;
        }
        const el = elementById(html, anchor)!;
        expect(el, anchor).toMatch(timeTag(v.asOf));
        expect(badges(el, 'trust'), anchor).toEqual([v.trust]);
        expect(badges(el, 'flag'), anchor).toEqual(packageFlags(e.id, builtOn, name));
        expect(textOf(el), anchor).toContain(v.source.title);
        const shape = valueShape(v.value);
        if (shape.kind === 'scalar') expect(textOf(el), anchor).toContain(shape.text);
        if (shape.kind === 'record') for (const [, x] of shape.items) expect(textOf(el), anchor).toContain(x);
      }
    }
    expect(count).toBeGreaterThan(0);
  });

  it('groups the defaults under a heading per id prefix', () => {
    const starts = DEFAULT_GROUPS.map((g) => ({ g, at: html.indexOf(`id="defaults-${g.id}"`) }));
    for (const s of starts) expect(s.at, s.g.title).toBeGreaterThan(0);
    expect(html).toMatch(new RegExp(`<h3[^>]*>${DEFAULT_GROUPS[0]!.title}</h3>`));
    const rulesAt = html.indexOf('id="rules"');
    for (const e of entries) {
      const prefix = e.id.split('.')[0]!;
      const i = starts.findIndex((s) => s.g.prefixes.includes(prefix));
      expect(i, `${e.id} has no group`).toBeGreaterThanOrEqual(0);
      const at = html.indexOf(`id="${attr(e.id)}"`);
      const next = starts[i + 1]?.at ?? rulesAt;
      expect(at > starts[i]!.at && at < next, `${e.id} under ${starts[i]!.g.title}`).toBe(true);
    }
  });

  it('shows every rule with its anchor, summary, as-of date, trust, flags and source, grouped by kind', () => {
    const starts = RULE_GROUPS.map((g) => ({ g, at: html.indexOf(`id="${g.id}"`) }));
    for (const s of starts) expect(s.at, s.g.title).toBeGreaterThan(0);
    for (const r of RULES) {
      const el = elementById(html, r.id);
      expect(el, r.id).toBeDefined();
      const head = withoutVersions(el!);
      expect(head, r.id).toMatch(timeTag(r.asOf));
      expect(badges(head, 'trust'), r.id).toEqual([r.trust]);
      expect(badges(head, 'flag'), r.id).toEqual(ruleFlags(r, builtOn));
      expect(textOf(head), r.id).toContain(r.summary);
      expect(textOf(head), r.id).toContain(r.source.title);
      for (const f of r.functions) expect(textOf(head), `${r.id} ${f}`).toContain(f);
      for (const id of r.catalogIds) expect(head, `${r.id} reads ${id}`).toContain(`href="#${attr(id)}"`);
      for (const v of r.versions ?? []) expect(textOf(el!), `${r.id}@${v.name}`).toContain(`${v.name}: ${v.summary}`);
      const i = starts.findIndex((s) => s.g.kind === r.kind);
      const at = html.indexOf(`id="${attr(r.id)}"`);
      expect(at > starts[i]!.at && at < (starts[i + 1]?.at ?? html.length), `${r.id} under ${starts[i]!.g.title}`).toBe(true);
    }
  });

  it('flags rules with the same threshold the package uses for its figures', () => {
    // ruleFlags is ours (rules are not catalog figures); it must agree with the package on every figure.
    for (const day of [builtOn, '2020-01-15', '2030-06-01']) {
      for (const e of entries) expect(ruleFlags(e, day), `${e.id} on ${day}`).toEqual(packageFlags(e.id, day));
    }
  });

  it('gives every element a unique id', () => {
    const ids = idsOf(html);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('has no broken internal links', () => {
    expect(brokenLinks(html, '/assumptions')).toEqual([]);
  });

  it('shows the override example as it is on disk, and the example works', () => {
    const file = readFileSync(path.join(EXAMPLES_DIR, 'overrides.yaml'), 'utf8');
    const shown = elementByAttr(html, 'data-source', 'overrides.yaml');
    expect(shown).toBeDefined();
    expect(innerText(shown!).replace(/^scenario\.yaml \(part\)/, '').trim()).toBe(file.trim());

    const scenario = `${file}
hosts: [{ name: h, sockets: 2, coresPerSocket: 16, memoryGiB: 512, diskGiB: 2000, price: 20000 }]
workloads:
  - { name: l, instances: 10, vcpus: 1, memoryGiB: 2 }
  - { name: w, instances: 4, vcpus: 2, memoryGiB: 4, os: windows }
platforms: [{ type: vm }, { type: containers, reservation: gdc }]
`;
    const result = evaluate(parseScenarioText(scenario, 'yaml'));
    const used = result.assumptions;
    const parsed = parseScenarioText(file, 'yaml') as {
      catalog: Record<string, unknown>;
      catalogVersions: Record<string, string>;
    };
    for (const id of Object.keys(parsed.catalog)) expect(used.some((a) => a.id === id && a.overridden), id).toBe(true);
    for (const [id, v] of Object.entries(parsed.catalogVersions)) {
      expect(used.some((a) => a.id === id && a.version === String(v)), `${id}@${v}`).toBe(true);
    }
  });
});
