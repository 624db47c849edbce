// The editor's Over time and grid carbon fields as scenario edits: what each choice writes, what the
// package then reads from it, and that links and exports carry it all unchanged. Also money in its
// currency on every chart.
import { readFileSync } from 'node:fs';
import { CATALOG, evaluate, parseScenarioText, safeEvaluate } from 'kernelcount';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { costChart, cumulativeChart, licensingChart, perInstanceChart, setAt } from '../src/lib/calculatorModel';
import { moneyAxis } from '../src/components/charts/chartjs';
import { formatCurrency } from '../src/lib/format';
import { GRID_DEFAULT, OWN, gridChoice, gridOptions, hasOverTime, prunedEdit, withGridChoice } from '../src/lib/overTimeFields';
import { decodeScenario, encodeScenario } from '../src/lib/urlState';

const example = (name: string) => parseScenarioText(readFileSync(new URL(`../packages/kernelcount/examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml') as Record<string, unknown>;
const TODAY = '2026-11-22';
/** What the editor's `set` does with an edit. */
const edit = (d: Record<string, unknown>, path: Array<string | number>, v: unknown) => setAt(d, ...prunedEdit(d, path, v));

describe('Over time fields <-> scenario', () => {
  it('writes growth and finance, and drops a section the edit empties (growth: {} is an error)', () => {
    const d0 = example('linux-microservices');
    const d1 = edit(d0, ['growth', 'percentPerYear'], 10);
    expect(d1['growth']).toEqual({ percentPerYear: 10 });
    expect(safeEvaluate(setAt(d0, ['growth'], {}), { today: TODAY }).ok).toBe(false);
    const d2 = edit(d1, ['growth', 'percentPerYear'], undefined);
    expect('growth' in d2).toBe(false);
    expect(safeEvaluate(d2, { today: TODAY }).ok).toBe(true);

    const f1 = edit(edit(d0, ['finance', 'discountRatePercent'], 8), ['finance', 'hardware'], 'lease');
    expect(f1['finance']).toEqual({ discountRatePercent: 8, hardware: 'lease' });
    const f2 = edit(f1, ['finance', 'hardware'], undefined);
    expect(f2['finance']).toEqual({ discountRatePercent: 8 });
    expect(edit(f2, ['finance', 'discountRatePercent'], undefined)['finance']).toBeUndefined();
    expect(d0['growth']).toBeUndefined(); // never mutated
  });

  it('tells whether the scenario sets anything over time', () => {
    const d = example('linux-microservices');
    expect(hasOverTime(d)).toBe(false);
    expect(hasOverTime({ ...d, growth: {} })).toBe(false);
    expect(hasOverTime({ ...d, growth: { percentPerYear: 0 } })).toBe(true);
    expect(hasOverTime({ ...d, finance: { hardware: 'lease' } })).toBe(true);
    const ws = (d['workloads'] as Array<Record<string, unknown>>).map((w) => ({ ...w, growthPercentPerYear: 5 }));
    expect(hasOverTime({ ...d, workloads: ws })).toBe(true);
  });

  it('the package reads what the fields write (and names the field when it refuses it)', () => {
    const d = edit(edit(example('vmware-to-kubernetes'), ['growth', 'percentPerYear'], -150), ['finance', 'discountRatePercent'], 150);
    const r = safeEvaluate(d, { today: TODAY });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.issues.map((i) => i.path).sort()).toEqual(['finance.discountRatePercent', 'growth.percentPerYear']);
  });
});

describe('grid carbon choice <-> scenario', () => {
  it('lists the catalog’s regions with their figures, the default first, your own last', () => {
    const o = gridOptions();
    const versions = Object.keys(CATALOG['carbon.gridIntensity'].versions ?? {});
    expect(o.map((x) => x.value)).toEqual([...versions, OWN]);
    expect(o).toContainEqual({ value: 'germany-2023', label: 'germany-2023: 381 gCO2e/kWh' });
    expect(GRID_DEFAULT).toBe('world average: 481 gCO2e/kWh (default)');
  });

  it('a region sets catalogVersions and clears an own figure; the default clears both; own keeps the figure', () => {
    const d0 = { ...example('vmware-to-kubernetes'), prices: { gridIntensityGPerKWh: 120 } };
    expect(gridChoice(d0)).toBe(OWN);
    const de = withGridChoice(d0, 'germany-2023');
    expect(de['catalogVersions']).toEqual({ 'carbon.gridIntensity': 'germany-2023' });
    expect(de['prices']).toBeUndefined();
    expect(gridChoice(de)).toBe('germany-2023');
    expect(evaluate(de, { today: TODAY }).platforms[0]!.energy.grid).toMatchObject({ version: 'germany-2023', asOf: '2026-01-26' });
    expect(evaluate(de, { today: TODAY }).platforms[0]!.energy.grid.gCO2ePerKWh.toString()).toBe('381');

    const back = withGridChoice(de, '');
    expect(back['catalogVersions']).toBeUndefined();
    expect(gridChoice(back)).toBe('');
    expect(gridChoice({ ...back, catalogVersions: { 'carbon.gridIntensity': 'world-2023' } })).toBe('');

    // Your own figure starts as the figure in use: the region's, or the world average.
    const mine = withGridChoice(de, OWN);
    expect(mine['catalogVersions']).toBeUndefined();
    expect(mine['prices']).toEqual({ gridIntensityGPerKWh: 381 });
    expect(gridChoice(mine)).toBe(OWN);
    expect(withGridChoice(back, OWN)['prices']).toEqual({ gridIntensityGPerKWh: 481 });
    expect(withGridChoice({ ...mine, prices: { gridIntensityGPerKWh: 12 } }, OWN)['prices']).toEqual({ gridIntensityGPerKWh: 12 });
    const own = withGridChoice({ ...de, catalog: { 'carbon.gridIntensity': 99 } }, OWN);
    expect(own['catalogVersions']).toBeUndefined();
    expect(own['catalog']).toEqual({ 'carbon.gridIntensity': 99 });
    expect(gridChoice(own)).toBe(OWN);
    expect(withGridChoice(own, 'france-2023')['catalog']).toBeUndefined();
    // Other prices stay when the own figure goes.
    const mixed = { ...de, prices: { electricityPerKWh: 0.2, gridIntensityGPerKWh: 50 } };
    expect(withGridChoice(mixed, 'france-2023')['prices']).toEqual({ electricityPerKWh: 0.2 });
  });
});

describe('the fields travel with the scenario', () => {
  const scenario = {
    ...example('windows-lob-sql'),
    currency: 'EUR',
    growth: { percentPerYear: 12.5 },
    finance: { discountRatePercent: 7, hardware: 'lease', leaseRatePercent: 4 },
    catalogVersions: { 'carbon.gridIntensity': 'france-2023' },
  };
  it('round-trips through the URL state exactly', async () => {
    const d = await decodeScenario(await encodeScenario(scenario));
    expect(d).toEqual({ ok: true, scenario });
    const own = { ...scenario, catalogVersions: undefined, prices: { gridIntensityGPerKWh: 42 } };
    const d2 = await decodeScenario(await encodeScenario(own));
    expect(d2.ok && gridChoice(d2.scenario as Record<string, unknown>)).toBe(OWN);
  });
  it('round-trips through the JSON and YAML exports, and the package reads the same', () => {
    expect(JSON.parse(JSON.stringify(scenario))).toEqual(scenario);
    expect(YAML.parse(YAML.stringify(scenario))).toEqual(scenario);
    const e = evaluate(YAML.parse(YAML.stringify(scenario)), { today: TODAY });
    expect(e.scenario.currency).toBe('EUR');
    expect(e.platforms[0]!.energy.grid.version).toBe('france-2023');
  });
});

describe('money in the scenario’s currency on every chart', () => {
  it('formats with Intl, never more decimals than the currency has', () => {
    expect(formatCurrency(1234.5, 'EUR', 2)).toBe('€1,234.50');
    expect(formatCurrency(1234.5, 'JPY', 2)).toBe('¥1,235');
    expect(formatCurrency(1234.5, 'CHF')).toBe('CHF\u00a01,235');
  });
  it('gives charts short money ticks and full tooltips in the currency', () => {
    const eur = moneyAxis('EUR', (c) => c.parsed.y);
    expect(eur.ticks.callback(1234567)).toBe('€1.23M');
    expect(eur.ticks.callback('350000')).toBe('€350K');
    expect(eur.tooltip.callbacks.label({ dataset: { label: 'vm' }, parsed: { x: 0, y: 483934.856 }, raw: null })).toBe('vm: €483,934.86');
    const jpy = moneyAxis('JPY', (c) => c.raw as [number, number]);
    expect(jpy.tooltip.callbacks.label({ dataset: { label: 'input +20%' }, parsed: { x: 0, y: 0 }, raw: [-1200.4, 3400.6] })).toBe('input +20%: -¥1,200 to ¥3,401');
  });
  it('the charts with money say their currency for the axis and tooltips', () => {
    const e = evaluate({ ...example('windows-lob-sql'), currency: 'GBP' }, { today: TODAY });
    for (const c of [costChart(e), cumulativeChart(e), perInstanceChart(e), licensingChart(e)!]) {
      expect(c.money?.currency).toBe('GBP');
      expect(c.table.rows[0]!.slice(1).join(' ')).toMatch(/£/);
    }
  });
});
