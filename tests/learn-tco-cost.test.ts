/**
 * The TCO article's charts: the presets match the package's example files, and the cost lines
 * they show are the catalog's formulas worked by hand (amortization, support, power with PUE,
 * colocation per kW), not the chart's own output.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { CATALOG, parseScenarioText } from 'kernelcount';
import { PRESETS, PRESET_IDS } from '../src/lib/learn/charts/tcoPresets';
import { DEFAULT_ELECTRICITY, categoryRows, presetScenario, tcoBreakdown, tcoFigures, tcoPerInstance } from '../src/lib/learn/charts/tcoCost';
import { run } from '../src/lib/learn/charts/common';

const examples = fileURLToPath(new URL('../packages/kernelcount/examples/', import.meta.url));

describe('presets', () => {
  test('one preset per example file', () => {
    const files = readdirSync(examples).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
    expect([...PRESET_IDS].sort()).toEqual(files);
  });

  test.each([...PRESET_IDS])('%s is the example file, field for field', (id) => {
    expect(PRESETS[id]).toEqual(parseScenarioText(readFileSync(`${examples}${id}.yaml`, 'utf8')));
  });

  test("the electricity slider starts at the default preset's own price", () => {
    expect(DEFAULT_ELECTRICITY).toBe(0.12);
    expect(tcoBreakdown.defaults.electricity).toBe(0.12);
  });
});

describe('cost lines for the 40 Linux microservices preset, by hand', () => {
  // Host: $38,000, 250 W idle, 900 W maximum. Preset: $0.12 per kWh, PUE 1.5.
  const rows = categoryRows(run(presetScenario('linux-microservices', 0.12)));
  const vm = rows.find((r) => r.type === 'vm')!;
  const load = Number(CATALOG['power.averageLoad'].value);
  const years = Number(CATALOG['hardware.amortizationYears'].value);
  const support = Number(CATALOG['hardware.supportPercentPerYear'].value);
  const colo = Number(CATALOG['facilities.colocationPerKWMonth'].value);

  test('catalog figures as sourced: 5 years, 10% support, $184.06 per kW-month, half load', () => {
    expect([years, support, colo, load]).toEqual([5, 10, 184.06, 0.5]);
  });

  test('hardware: price / 5 years + 10% support, per host', () => {
    expect(vm.byCategory.hardware).toBeCloseTo(vm.hosts * (38000 / 5 + 3800), 6);
  });

  test('power: (250 + 650 x 0.5) W x 8,760 h x PUE 1.5 / 1000 x $0.12, per host', () => {
    expect(vm.byCategory.power).toBeCloseTo(vm.hosts * ((575 * 8760 * 1.5) / 1000) * 0.12, 6);
  });

  test('electricity price scales the power line and nothing else', () => {
    const dear = categoryRows(run(presetScenario('linux-microservices', 0.36))).find((r) => r.type === 'vm')!;
    expect(dear.byCategory.power).toBeCloseTo(vm.byCategory.power * 3, 6);
    expect(dear.byCategory.hardware).toBe(vm.byCategory.hardware);
    expect(dear.byCategory.labour).toBe(vm.byCategory.labour);
  });

  test('colocation: 0.9 kW x 12 months x $184.06, per host', () => {
    expect(vm.byCategory.facilities).toBeCloseTo(vm.hosts * 0.9 * 12 * 184.06, 6);
  });

  test('cost per instance-month = a year / 40 instances / 12 (years are alike)', () => {
    expect(vm.perInstanceMonth).toBeCloseTo(vm.perYear / 40 / 12, 6);
  });
});

describe('charts and prose agree', () => {
  test('the breakdown takeaway quotes the cheapest and dearest platform of the year', () => {
    const c = tcoBreakdown.compute(tcoBreakdown.defaults);
    const f = tcoFigures();
    expect(c.summary).toContain(f.nestedYear);
    expect(c.summary).toContain(f.vmYear);
  });

  test('cost per instance-month falls as the fleet grows, on every platform', () => {
    const c = tcoPerInstance.compute(tcoPerInstance.defaults);
    for (const s of c.series) expect(s.data.at(-1)!).toBeLessThan(s.data[0]!);
  });

  test('running hosts emptier costs more per instance', () => {
    const full = tcoPerInstance.compute({ cpuTarget: 0.8 });
    const half = tcoPerInstance.compute({ cpuTarget: 0.5 });
    for (let i = 0; i < full.series.length; i++) expect(half.series[i]!.data.at(-1)!).toBeGreaterThan(full.series[i]!.data.at(-1)!);
  });
});
