// Energy and carbon next to cost: kWh a year from host power, load and PUE, CO2e from the grid's
// carbon intensity, per platform. Expected figures are worked out by hand below, and the catalog's
// regional figures are checked against the numbers the sources print, not against the code.
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/catalog/catalog.js';
import { assumptionText } from '../src/catalog/describe.js';
import { entryVersion, versionNames } from '../src/catalog/tracker.js';
import { carbonOf, energyUse } from '../src/cost/lineItems.js';
import { evaluate } from '../src/evaluate.js';
import { isKernelcountError } from '../src/errors.js';
import { getInput, listInputs, setInput } from '../src/analysis/paths.js';
import { sensitivity } from '../src/analysis/sensitivity.js';
import { monteCarlo } from '../src/analysis/monteCarlo.js';
import { money } from '../src/money.js';
import { formatEvaluation } from '../src/report/format.js';
import { sizePlatform } from '../src/platforms/size.js';
import { parseScenarioWithCatalog } from '../src/scenario/validate.js';
import { TODAY } from './helpers.js';

/**
 * One host, on purpose: a VM platform without HA spares and one small VM.
 * Host: 120 W idle, 400 W maximum; average load 0.3; PUE 1.4.
 *   W = 120 + (400 - 120) x 0.3 = 120 + 84 = 204 W
 *   kWh a year = 204 W x 8760 h x 1.4 / 1000 = 1,787,040 x 1.4 / 1000 = 2501.856 kWh
 */
function oneHost(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'one host',
    hosts: [{ name: 'h', sockets: 1, coresPerSocket: 8, memoryGiB: 64, diskGiB: 500, price: 10000, powerIdleW: 120, powerMaxW: 400 }],
    workloads: [{ name: 'app', instances: 1, vcpus: 1, memoryGiB: 1 }],
    platforms: [{ type: 'vm', hypervisor: 'kubevirt' }],
    policy: { ha: { spareHosts: 0 } },
    ...extra,
    prices: { pue: 1.4, averageLoad: 0.3, ...((extra.prices as object | undefined) ?? {}) },
  };
}

function issues(input: unknown): Array<{ path: string; code: string; message: string }> {
  try {
    evaluate(input, { today: TODAY });
  } catch (e) {
    if (isKernelcountError(e)) return [...e.issues];
    throw e;
  }
  return [];
}

describe('kWh and CO2e of one host, by hand', () => {
  it('at the world default: 2501.856 kWh a year x 481 g = 1203.392736 kg a year', () => {
    const e = evaluate(oneHost(), { today: TODAY });
    const p = e.platforms[0]!;
    expect(p.hosts).toBe(1);
    expect(p.energy.kWhPerYear.toString()).toBe('2501.856');
    // 5-year horizon (the default): 2501.856 x 5 = 12509.28 kWh.
    expect(p.energy.kWhOverHorizon.toString()).toBe('12509.28');
    expect(p.energy.grid.gCO2ePerKWh.toString()).toBe('481');
    // 2501.856 x 481 = 2501.856 x 500 - 2501.856 x 19 = 1,250,928 - 47,535.264 = 1,203,392.736 g.
    expect(p.energy.co2eKgPerYear.toString()).toBe('1203.392736');
    expect(p.energy.co2eKgOverHorizon.toString()).toBe('6016.96368');
    // The electricity line counts the same kWh.
    expect(p.lineItems.find((li) => li.component === 'power')!.quantity.toString()).toBe('2501.856');
  });

  it('in Germany over 3 years: 2501.856 x 381 / 1000 = 953.207136 kg a year', () => {
    const e = evaluate(oneHost({ horizonYears: 3, catalogVersions: { 'carbon.gridIntensity': 'germany-2023' } }), { today: TODAY });
    const en = e.platforms[0]!.energy;
    // 2501.856 x 381 = 2501.856 x 400 - 2501.856 x 19 = 1,000,742.4 - 47,535.264 = 953,207.136 g.
    expect(en.co2eKgPerYear.toString()).toBe('953.207136');
    expect(en.co2eKgOverHorizon.toString()).toBe('2859.621408');
    expect(en.kWhOverHorizon.toString()).toBe('7505.568');
    expect(en.grid).toMatchObject({ id: 'carbon.gridIntensity', version: 'germany-2023', asOf: '2026-01-26', trust: 'vendor', overridden: false });
    expect(assumptionText(en.grid).source.url).toBe('https://ourworldindata.org/grapher/carbon-intensity-electricity?tab=table');
  });

  it('with the scenario’s own figure, under prices: or catalog:', () => {
    // 2501.856 x 120 / 1000 = 300.22272 kg a year.
    for (const own of [{ prices: { gridIntensityGPerKWh: 120 } }, { catalog: { 'carbon.gridIntensity': 120 } }]) {
      const en = evaluate(oneHost(own), { today: TODAY }).platforms[0]!.energy;
      expect(en.co2eKgPerYear.toString()).toBe('300.22272');
      expect(en.grid.overridden).toBe(true);
      expect(en.grid.version).toBeUndefined();
      expect(en.grid.trust).toBe('user');
    }
    // A decimal figure stays exact: 2501.856 x 40.7 / 1000 = 101.8255392.
    expect(evaluate(oneHost({ prices: { gridIntensityGPerKWh: 40.7 } }), { today: TODAY }).platforms[0]!.energy.co2eKgPerYear.toString()).toBe('101.8255392');
    // An own figure replaces the version chosen.
    const both = evaluate(oneHost({ prices: { gridIntensityGPerKWh: 0 }, catalogVersions: { 'carbon.gridIntensity': 'india-2023' } }), { today: TODAY });
    expect(both.platforms[0]!.energy.co2eKgOverHorizon.isZero()).toBe(true);
  });

  it('energyUse and carbonOf give the same figures from a sizing', () => {
    const { scenario, catalog } = parseScenarioWithCatalog(oneHost(), { today: TODAY });
    const sizing = sizePlatform(scenario.platforms[0]!, scenario, catalog);
    const use = energyUse(sizing, catalog);
    expect(use.wattsPerHost.toString()).toBe('204');
    expect(use.kWhPerHost.toString()).toBe('2501.856');
    expect(use.sources).toEqual(['power.pue', 'power.averageLoad']);
    const c = carbonOf(use, money(481), 2);
    expect(c.co2eKgOverHorizon.toString()).toBe('2406.785472');
    expect(c.formula).toBe('2501.856 kWh a year x 481 gCO2e/kWh / 1000 = 1203.3927 kg CO2e a year; x 2 years = 2406.7855 kg');
  });
});

describe('the regional figures', () => {
  // As printed by the sources (gCO2e/kWh, 2023): Our World in Data's table (Ember and Energy Institute),
  // Statista's pages of Ember data (world, Norway; Poland and Sweden), and the U.S. EIA FAQ.
  const printed: Record<string, number> = {
    'world-2023': 481,
    'australia-2023': 549,
    'austria-2023': 111,
    'belgium-2023': 138,
    'brazil-2023': 98,
    'bulgaria-2023': 335,
    'canada-2023': 170,
    'china-2023': 582,
    'croatia-2023': 205,
    'czechia-2023': 450,
    'denmark-2023': 152,
    'finland-2023': 79,
    'france-2023': 56,
    'germany-2023': 381,
    'greece-2023': 337,
    'hungary-2023': 204,
    'india-2023': 713,
    'ireland-2023': 291,
    'norway-2023': 30,
    'poland-2023': 662,
    'sweden-2023': 40.7,
    // EIA: 0.81 lb CO2 per kWh; 1 lb = 453.59237 g, so 367.4 g, kept to whole grams.
    'us-2023': Math.round(0.81 * 453.59237),
  };
  const entry = CATALOG['carbon.gridIntensity'];

  it('has the world average as default and one version per region, nothing more', () => {
    expect(entry.value).toBe(481);
    expect(entry.unit).toBe('gCO2e/kWh');
    expect(versionNames(entry).sort()).toEqual(Object.keys(printed).sort());
    expect(versionNames(entry)[0]).toBe('world-2023');
  });

  it.each(Object.entries(printed))('%s is %s g', (name, g) => {
    expect(entryVersion(entry, name)!.value).toBe(g);
    const e = evaluate(oneHost({ catalogVersions: { 'carbon.gridIntensity': name } }), { today: TODAY });
    expect(e.platforms[0]!.energy.grid.gCO2ePerKWh.toNumber()).toBe(g);
    expect(e.platforms[0]!.energy.grid.version).toBe(name);
  });

  it('cites each source with its date and trust', () => {
    const v = (name: string) => entryVersion(entry, name)!;
    expect(v('world-2023')).toMatchObject({ asOf: '2024-07-03', trust: 'secondary' });
    expect(v('world-2023').source.url).toBe('https://www.statista.com/statistics/943137/global-emissions-intensity-power-sector-by-country/');
    expect(v('norway-2023').source.url).toBe(v('world-2023').source.url);
    for (const n of ['france-2023', 'india-2023', 'ireland-2023']) expect(v(n)).toMatchObject({ asOf: '2026-01-26', trust: 'vendor' });
    expect(v('poland-2023').source.title).toMatch(/European Union in 2023, by country/);
    expect(v('us-2023').source.url).toBe('https://www.eia.gov/tools/faqs/faq.php?id=74&t=3');
    expect(v('us-2023').note).toMatch(/not lifecycle CO2e/);
    expect(v('us-2023').trust).toBe('secondary');
  });
});

describe('the assumptions, comparisons and summary', () => {
  it('lists the grid intensity among the assumptions, with the version and its alternatives', () => {
    const a = evaluate(oneHost({ catalogVersions: { 'carbon.gridIntensity': 'france-2023' } }), { today: TODAY }).assumptions.find((x) => x.id === 'carbon.gridIntensity')!;
    expect(a).toMatchObject({ value: 56, unit: 'gCO2e/kWh', version: 'france-2023', overridden: false, flags: [] });
    expect(a.alternatives).toContain('world-2023');
    // The world figure is dated 2024-07-03: older than 18 months on 2026-11-22.
    const world = evaluate(oneHost(), { today: TODAY }).assumptions.find((x) => x.id === 'carbon.gridIntensity')!;
    expect(world.flags).toEqual(['stale']);
  });

  it('compares CO2e with the baseline and keeps carbon out of the money', () => {
    const two = oneHost({ platforms: [{ type: 'vm', hypervisor: 'kubevirt' }, { type: 'containers' }] });
    const e = evaluate(two, { today: TODAY });
    const [vm, k8s] = e.platforms;
    const c = e.comparisons[0]!;
    expect(c.co2eKgDelta.toString()).toBe(k8s!.energy.co2eKgOverHorizon.minus(vm!.energy.co2eKgOverHorizon).toString());
    // The containers platform needs 3 nodes (cluster minimum): 3 x 1203.392736 x 5 - 6016.96368 = 12033.92736 kg more.
    expect(k8s!.hosts).toBe(3);
    expect(c.co2eKgDelta.toString()).toBe('12033.92736');
    // The TCO is still the sum of the line items, none of which is carbon.
    for (const p of e.platforms) {
      expect(p.lineItems.every((li) => li.category !== ('carbon' as string))).toBe(true);
      expect(p.tco.eq(p.lineItems.reduce((s, li) => s.plus(li.total), money(0)))).toBe(true);
    }
    expect(e.summary).toMatch(/^vm \(baseline\) needs 1 host, bound by [^;]+; its electricity emits 6\.0 t CO2e over 5 years at 481 gCO2e\/kWh\./);
  });

  it('a grid intensity of its own changes no money', () => {
    const a = evaluate(oneHost(), { today: TODAY });
    const b = evaluate(oneHost({ prices: { gridIntensityGPerKWh: 900 } }), { today: TODAY });
    expect(b.platforms[0]!.tco.eq(a.platforms[0]!.tco)).toBe(true);
  });
});

describe('validation', () => {
  it('bounds the grid intensity to 0..2000 g with the path it was given at', () => {
    expect(issues(oneHost({ prices: { gridIntensityGPerKWh: 2500 } }))).toEqual([{ code: 'too_big', path: 'prices.gridIntensityGPerKWh', message: 'must be <= 2000, got 2500' }]);
    expect(issues(oneHost({ prices: { gridIntensityGPerKWh: -1 } }))).toEqual([{ code: 'too_small', path: 'prices.gridIntensityGPerKWh', message: 'must be >= 0, got -1' }]);
    expect(issues(oneHost({ prices: { gridIntensityGPerKWh: '120' } }))).toEqual([{ code: 'invalid_type', path: 'prices.gridIntensityGPerKWh', message: 'must be a number, got "120"' }]);
    expect(issues(oneHost({ catalog: { 'carbon.gridIntensity': 2000.5 } }))).toEqual([{ code: 'too_big', path: 'catalog["carbon.gridIntensity"]', message: 'must be <= 2000, got 2000.5' }]);
    expect(issues(oneHost({ prices: { gridIntensityGPerKWh: 100 }, catalog: { 'carbon.gridIntensity': 100 } }))[0]).toMatchObject({ code: 'conflict', path: 'catalog["carbon.gridIntensity"]' });
    expect(issues(oneHost({ prices: { gridIntensityGPerKWh: 2000 } }))).toEqual([]);
    expect(issues(oneHost({ prices: { gridIntensityGPerKWh: 0 } }))).toEqual([]);
  });

  it('refuses a region that has no sourced figure', () => {
    const [i] = issues(oneHost({ catalogVersions: { 'carbon.gridIntensity': 'uk-2023' } }));
    expect(i).toMatchObject({ code: 'unknown_value', path: 'catalogVersions["carbon.gridIntensity"]' });
    expect(i!.message).toMatch(/^must be one of world-2023, australia-2023, .*, us-2023, got "uk-2023"$/);
  });
});

describe('inputs by path', () => {
  it('reads, sets and lists the grid intensity under prices: and catalog:', () => {
    const s = oneHost();
    const read = getInput(s, 'prices.gridIntensityGPerKWh');
    expect(read).toMatchObject({ path: 'prices.gridIntensityGPerKWh', source: 'default', unit: 'gCO2e/kWh', integer: false });
    expect([read.value, read.min, read.max].map(String)).toEqual(['481', '0', '2000']);
    expect(getInput(s, 'catalog.carbon.gridIntensity').value.toString()).toBe('481');
    const set = setInput(s, 'prices.gridIntensityGPerKWh', 56) as { prices: Record<string, unknown> };
    expect(set.prices.gridIntensityGPerKWh).toBe(56);
    // Once the scenario sets it under prices:, the catalog path reads it there.
    expect(getInput(set, 'catalog.carbon.gridIntensity').path).toBe('prices.gridIntensityGPerKWh');
    expect(evaluate(set, { today: TODAY }).platforms[0]!.energy.grid.gCO2ePerKWh.toString()).toBe('56');
    expect(() => setInput(s, 'prices.gridIntensityGPerKWh', 2001)).toThrow(/must be <= 2000/);
    expect(listInputs(s).map((i) => i.path)).toContain('prices.gridIntensityGPerKWh');
    const viaCatalog = { ...s, catalog: { 'carbon.gridIntensity': 200 } };
    const own = getInput(viaCatalog, 'catalog.carbon.gridIntensity');
    expect(own).toMatchObject({ path: 'catalog.carbon.gridIntensity', source: 'scenario' });
    expect(own.value.toString()).toBe('200');
  });

  it('reads the chosen region as the value in use', () => {
    expect(getInput(oneHost({ catalogVersions: { 'carbon.gridIntensity': 'poland-2023' } }), 'prices.gridIntensityGPerKWh').value.toString()).toBe('662');
  });

  it('moves no money in sensitivity or Monte Carlo', () => {
    const t = sensitivity(oneHost({ platforms: [{ type: 'vm', hypervisor: 'kubevirt' }, { type: 'containers' }] }), {
      between: ['vm', 'containers'],
      inputs: ['prices.gridIntensityGPerKWh'],
      today: TODAY,
    });
    expect(t.rows[0]!.swing.isZero()).toBe(true);
    const mc = monteCarlo(oneHost({ uncertainty: { 'prices.gridIntensityGPerKWh': { low: 30, likely: 381, high: 713 } } }), { samples: 50, today: TODAY });
    expect(mc.inputs[0]!.affects).toBe('price');
    expect(mc.platforms[0]!.tco.p10.eq(mc.platforms[0]!.tco.p90)).toBe(true);
  });
});

describe('reports', () => {
  const e = evaluate(oneHost({ catalogVersions: { 'carbon.gridIntensity': 'germany-2023' } }), { today: TODAY });

  it('table and md show kWh a year and tCO2e over the horizon with the grid used', () => {
    // 2501.856 kWh -> 2,502; 953.207136 kg x 5 = 4766.03568 kg -> 4.77 t.
    for (const text of [formatEvaluation(e, 'table'), formatEvaluation(e, 'md')]) {
      expect(text).toMatch(/vm\s*\|?\s+2,502\s*\|?\s+4\.77\s*\|?\s+baseline/);
      expect(text).toContain('Grid 381 gCO2e/kWh (carbon.gridIntensity germany-2023: Our World in Data');
      expect(text).toContain('not the carbon embodied in the hardware');
    }
  });

  it('CSV adds an energy and a carbon row per platform with the money columns empty', () => {
    const rows = formatEvaluation(e, 'csv').trim().split('\n');
    expect(rows).toContain('vm,energy,energy,Electricity use (PUE included),2501.856,kWh/year,,,,,,,,,,1 hosts x (120 W + (400 - 120) W x 0.3 load) = 204 W x 8760 h x 1.4 PUE / 1000,power.pue power.averageLoad');
    expect(rows.find((r) => r.startsWith('vm,carbon,'))).toBe(
      'vm,carbon,carbon,"CO2e of electricity (grid 381 gCO2e/kWh, germany-2023)",4766.03568,kg CO2e/5 years,,,,,,,,,,' +
        '2501.856 kWh a year x 381 gCO2e/kWh / 1000 = 953.2071 kg CO2e a year; x 5 years = 4766.0357 kg,carbon.gridIntensity',
    );
  });

  it('JSON has the energy object with exact decimals', () => {
    const j = JSON.parse(formatEvaluation(e, 'json'));
    expect(j.platforms[0].energy).toMatchObject({ kWhPerYear: '2501.856', co2eKgPerYear: '953.207136', co2eKgOverHorizon: '4766.03568', grid: { gCO2ePerKWh: '381', version: 'germany-2023' } });
  });
});
