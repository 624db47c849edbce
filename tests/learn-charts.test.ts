/**
 * Every article chart, checked the same way: its controls and defaults agree, every control value
 * at its ends (and every option) gives a chart with finite numbers, a table the same shape as the
 * chart, and a takeaway without NaN; and moving each control changes what the reader sees.
 */
import { describe, expect, test } from 'vitest';
import { checkDefinition, rangeValues, type LearnChartDef, type Params } from '../src/lib/learn/chart';

const modules = import.meta.glob<Record<string, unknown>>('../src/lib/learn/charts/*.ts', { eager: true });

function isDef(x: unknown): x is LearnChartDef {
  return typeof x === 'object' && x !== null && 'id' in x && 'controls' in x && 'compute' in x && 'defaults' in x;
}

const defs: LearnChartDef[] = Object.values(modules).flatMap((m) => Object.values(m).filter(isDef));

function variants(def: LearnChartDef): Params[] {
  const out: Params[] = [def.defaults];
  for (const c of def.controls) {
    const values = c.kind === 'range' ? [c.min, c.max, rangeValues(c)[Math.floor(rangeValues(c).length / 2)]!] : c.options.map((o) => o.value);
    for (const v of values) out.push({ ...def.defaults, [c.key]: v });
  }
  return out;
}

const BAD_TEXT = /NaN|Infinity|undefined|\[object/;

test('there are article charts, with unique ids', () => {
  expect(defs.length).toBeGreaterThan(0);
  expect(new Set(defs.map((d) => d.id)).size).toBe(defs.length);
});

describe.each(defs.map((d) => [d.id, d] as const))('chart %s', (_id, def) => {
  test('controls and defaults agree', () => {
    expect(checkDefinition(def)).toEqual([]);
  });

  test.each(variants(def).map((p) => [JSON.stringify(p), p] as const))('computes a sound chart at %s', (_label, params) => {
    const c = def.compute(params);
    expect(c.id).toBe(def.id);
    expect(c.title.length).toBeGreaterThan(5);
    expect(c.summary).not.toMatch(BAD_TEXT);
    expect(c.summary.length).toBeGreaterThan(20);
    expect(c.labels.length).toBeGreaterThan(0);
    for (const s of c.series) {
      expect(s.data).toHaveLength(c.labels.length);
      for (const v of s.data) expect(Number.isFinite(v), `${s.label}: ${v}`).toBe(true);
    }
    expect(c.table.rows.length).toBeGreaterThan(0);
    for (const r of c.table.rows) {
      expect(r).toHaveLength(c.table.columns.length);
      for (const cell of r) expect(cell).not.toMatch(BAD_TEXT);
    }
    expect(c.table.numeric).toHaveLength(c.table.columns.length);
  });

  test('is pure: the same parameters give the same chart', () => {
    expect(def.compute({ ...def.defaults })).toEqual(def.compute({ ...def.defaults }));
  });

  test('every control changes what the reader sees somewhere in its range', () => {
    const base = def.compute(def.defaults);
    const seen = (p: Params) => {
      const c = def.compute(p);
      return JSON.stringify([c.summary, c.table.rows, c.series.map((s) => s.data)]);
    };
    for (const c of def.controls) {
      const values = c.kind === 'range' ? rangeValues(c) : c.options.map((o) => o.value);
      const changed = values.some((v) => v !== def.defaults[c.key] && seen({ ...def.defaults, [c.key]: v }) !== seen(def.defaults));
      expect(changed, `control ${c.key} never changes the chart`).toBe(true);
    }
    expect(base.summary).toBeTruthy();
  });
});
