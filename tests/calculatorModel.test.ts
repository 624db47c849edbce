// The calculator's logic without a browser: editing by path, reading typed numbers, and charts
// whose every number is the package's.
import { readFileSync } from 'node:fs';
import { evaluate, parseScenarioText, safeEvaluate, sumMoney } from 'kernelcount';
import { describe, expect, it } from 'vitest';
import {
  costChart,
  densityScenario,
  efficiency,
  getAt,
  hostsChart,
  issuesByPath,
  layersChart,
  licensingChart,
  parseNumberField,
  pathKey,
  perInstanceChart,
  removeAt,
  setAt,
  uniqueName,
} from '../src/lib/calculatorModel';

const example = (name: string) => parseScenarioText(readFileSync(new URL(`../packages/kernelcount/examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml') as Record<string, unknown>;

describe('editing the scenario by path', () => {
  it('writes the paths the package reports issues at', () => {
    expect(pathKey(['workloads', 2, 'memoryGiB'])).toBe('workloads[2].memoryGiB');
    expect(pathKey(['catalog', 'power.pue'])).toBe('catalog["power.pue"]');
    expect(pathKey(['prices', 'licences', 'windows-server-standard'])).toBe('prices.licences["windows-server-standard"]');
  });
  it('sets, reads and removes without mutating the input', () => {
    const a = { hosts: [{ name: 'h', sockets: 2 }] };
    const b = setAt(a, ['hosts', 0, 'sockets'], 4);
    expect(a.hosts[0]!.sockets).toBe(2);
    expect(getAt(b, ['hosts', 0, 'sockets'])).toBe(4);
    const c = setAt(b, ['policy', 'ha', 'spareHosts'], 2);
    expect(getAt(c, ['policy', 'ha'])).toEqual({ spareHosts: 2 });
    expect(setAt(c, ['policy', 'ha', 'spareHosts'], undefined)).toEqual({ hosts: [{ name: 'h', sockets: 4 }], policy: { ha: {} } });
    expect(removeAt({ w: [1, 2, 3] }, ['w'], 1)).toEqual({ w: [1, 3] });
  });
  it('names copies uniquely', () => {
    expect(uniqueName('api', ['api'])).toBe('api (2)');
    expect(uniqueName('api (2)', ['api', 'api (2)'])).toBe('api (3)');
    expect(uniqueName('new', ['api'])).toBe('new');
  });
  it.each([
    ['12', {}, { ok: true, value: 12 }],
    [' 1,024 ', {}, { ok: true, value: 1024 }],
    ['0.5', {}, { ok: true, value: 0.5 }],
    ['', {}, { ok: true, value: undefined }],
    ['', { required: true }, { ok: false, message: 'is required' }],
    ['abc', { unit: 'GiB' }, { ok: false, message: 'must be a number of GiB, got "abc"' }],
    ['NaN', {}, { ok: false, message: 'must be a number, got "NaN"' }],
    ['Infinity', {}, { ok: false, message: 'must be a number, got "Infinity"' }],
    ['1e999', {}, { ok: false, message: 'must be a finite number' }],
    ['2.5', { integer: true }, { ok: false, message: 'must be a whole number' }],
    ['-1', { min: 0 }, { ok: false, message: 'must be at least 0' }],
  ])('reads %j %j', (text, opts, want) => {
    expect(parseNumberField(text, opts)).toEqual(want);
  });
  it('groups the package issues by path for their fields', () => {
    const r = safeEvaluate({ hosts: [{ name: 'h', sockets: 0, coresPerSocket: 8, memoryGiB: 64, price: 1 }], workloads: [{ name: 'w', instances: 1, vcpus: 1, memoryGiB: -2 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const m = issuesByPath(r.error.issues);
      expect(m.get('hosts[0].sockets')?.[0]).toMatch(/>= 1/);
      expect(m.get('workloads[0].memoryGiB')?.[0]).toMatch(/> 0/);
    }
  });
});

describe('charts carry the package numbers', () => {
  const e = evaluate(example('windows-lob-sql'), { today: '2026-11-22' });
  it('hosts per platform: load + spare = hosts', () => {
    const c = hostsChart(e);
    e.platforms.forEach((p, i) => {
      expect(c.series[0]!.data[i]! + c.series[1]!.data[i]!).toBe(p.hosts);
    });
    expect(c.table.rows).toHaveLength(e.platforms.length);
  });
  it('cost per year by category sums to the yearly cost (rounded to whole units for the chart)', () => {
    const c = costChart(e);
    e.platforms.forEach((p, i) => {
      const sum = c.series.reduce((a, s) => a + s.data[i]!, 0);
      expect(Math.abs(sum - p.yearlyCost[0]!.toNumber())).toBeLessThan(c.series.length);
      expect(sumMoney(Object.values(p.costByCategory)).toString()).toBe(p.tco.toString());
    });
  });
  it('layers per host and efficiency come from the evaluation', () => {
    const m = layersChart(e, 'memoryMiB');
    expect(m.series.map((s) => s.key)).toEqual(['hostReserve', 'hypervisor', 'guestOs', 'runtime', 'app', 'free']);
    for (const p of e.platforms) {
      const eff = efficiency(p);
      expect(eff.app + eff.overhead + eff.idle).toBeCloseTo(1, 9);
    }
  });
  it('per instance-month and the licensing options considered', () => {
    expect(perInstanceChart(e).series[0]!.data).toEqual(e.platforms.map((p) => p.costPerInstanceMonth.toDecimalPlaces(2).toNumber()));
    const lic = licensingChart(e);
    expect(lic).not.toBeNull();
    expect(lic!.summary).toMatch(/cheaper from 11 guests/);
  });
  it('the density probe scenario is valid for every example', () => {
    for (const name of ['linux-microservices', 'vmware-to-kubernetes', 'windows-lob-sql']) {
      for (const size of [0.25, 16]) {
        const r = safeEvaluate(densityScenario(example(name), size), { today: '2026-11-22' });
        expect(r.ok, name).toBe(true);
      }
    }
  });
});
