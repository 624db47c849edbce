// The rules registry is what the CLI, README and site list: every rule must be callable from the
// package, cite a source and date, and appear in the package README.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { CATALOG } from '../src/catalog/catalog.js';
import { RULES } from '../src/rules/registry.js';
import { LICENCE_PRODUCTS } from '../src/licensing/productText.js';
import { pkgRoot } from './helpers.js';

describe('rules registry', () => {
  it('has unique ids and covers every licensed product', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of Object.keys(LICENCE_PRODUCTS)) expect(ids).toContain(`licence/${p}`);
  });
  it.each(RULES.map((r) => [r.id, r] as const))('%s is exported, sourced, dated and reads real catalog ids', (_id, r) => {
    for (const f of r.functions) expect(typeof (api as Record<string, unknown>)[f], f).toBe('function');
    expect(r.source.title.length).toBeGreaterThan(10);
    expect(r.asOf).toMatch(/^\d{4}-\d{2}/);
    for (const id of r.catalogIds) expect(CATALOG, id).toHaveProperty([id]);
  });
  it('the package README lists every rule (run with UPDATE_README=1 to regenerate its table)', () => {
    const file = path.join(pkgRoot, 'README.md');
    const readme = readFileSync(file, 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, 'README needs the rules markers').toBeGreaterThan(0);
    const current = readme.slice(start, end + END.length);
    const wanted = rulesBlock();
    if (process.env.UPDATE_README && current !== wanted) writeFileSync(file, readme.replace(current, wanted));
    else expect(current).toBe(wanted);
    for (const r of RULES) expect(readme, r.id).toContain(`\`${r.id}\``);
  });
});

const START = '<!-- rules:start (generated from RULES by test/registry.test.ts) -->';
const END = '<!-- rules:end -->';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The README's table of rules, generated from the registry so it cannot drift. */
function rulesBlock(): string {
  const rows = RULES.map((r) => {
    const source = r.source.url ? `[${cell(r.source.title)}](${r.source.url})` : cell(r.source.title);
    const fns = r.functions.length ? r.functions.map((f) => `\`${f}\``).join(', ') : 'input';
    const versions = r.versions?.length ? ` Versions: ${r.versions.map((v) => `${v.name} (${cell(v.summary)})`).join('; ')}.` : '';
    return `| \`${r.id}\` | ${cell(r.summary)}${versions} | ${fns} | ${source} | ${r.asOf} | ${r.trust} |`;
  });
  return [START, '', '| rule | what it computes | function | source | as of | trust |', '|---|---|---|---|---|---|', ...rows, '', END].join('\n');
}
