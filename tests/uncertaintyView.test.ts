// The calculator's uncertainty results: the package's Monte Carlo result as plain data, the
// probability sentence, the TCO chart's P10-P90 band and its table, and error messages.
import { evaluate, KernelcountError, monteCarlo, startMonteCarlo } from 'kernelcount';
import { describe, expect, it } from 'vitest';
import { SEED, bandChart, errorMessage, probabilitySentence, probabilityText, rangesTable, summarize, type UncertaintySummary } from '../src/lib/uncertaintyView';

const scenario = {
  name: 'band',
  hosts: [{ name: 'r760', sockets: 2, coresPerSocket: 32, memoryGiB: 1024, diskGiB: 7680, price: 38000 }],
  workloads: [{ name: 'api', instances: 40, vcpus: 0.5, memoryGiB: 1 }],
  uncertainty: {
    'prices.electricityPerKWh': { low: 0.08, likely: 0.12, high: 0.2 },
    'workloads[api].instances': { low: 30, likely: 40, high: 60 },
  },
};

const asEntered = (s: object) => evaluate(s).platforms.map((p) => ({ name: p.name, type: p.type, tco: p.tco.toFixed() }));

describe('the Monte Carlo result as plain data', () => {
  const result = monteCarlo(scenario, { samples: 400, seed: SEED });
  const s = summarize(result);

  it('survives structured cloning (the worker posts it) with exact decimal strings', () => {
    const clone = structuredClone(s);
    expect(clone).toEqual(s);
    expect(clone.platforms[0]!.tco.p10).toBe(result.platforms[0]!.tco.p10.toFixed());
    expect(s.samples).toBe(400);
    expect(s.seed).toBe(1);
    expect(s.inputs.map((i) => i.path)).toEqual(['prices.electricityPerKWh', 'workloads[api].instances']);
  });
  it('is the same however the run is split into chunks (the worker steps it in slices)', () => {
    const run = startMonteCarlo(scenario, { samples: 400, seed: SEED });
    while (run.done < run.total) run.step(37);
    expect(summarize(run.result())).toEqual(s);
  });
  it('has P10 <= P50 <= P90 for every platform', () => {
    for (const p of s.platforms) {
      expect(Number(p.tco.p10)).toBeLessThanOrEqual(Number(p.tco.p50));
      expect(Number(p.tco.p50)).toBeLessThanOrEqual(Number(p.tco.p90));
    }
  });

  it('draws the band over the totals as entered, with a table carrying the probabilities', () => {
    const entered = asEntered(scenario);
    const c = bandChart(s, entered);
    expect(c.labels).toEqual(['vm', 'containers', 'containers-in-vms', 'microvm']);
    expect(c.types).toEqual(['vm', 'containers', 'containers-in-vms', 'microvm']);
    expect(c.asEntered).toEqual(entered.map((p) => Math.round(Number(p.tco))));
    c.band.forEach(([lo, hi], i) => {
      expect(lo).toBe(Math.round(Number(s.platforms[i]!.tco.p10)));
      expect(hi).toBe(Math.round(Number(s.platforms[i]!.tco.p90)));
      expect(lo).toBeLessThanOrEqual(c.p50[i]!);
      expect(c.p50[i]!).toBeLessThanOrEqual(hi);
    });
    expect(c.table.columns).toEqual(['platform', 'as entered', 'P10', 'P50', 'P90', 'mean', 'cheaper than vm']);
    expect(c.table.rows[0]![6]).toBe('baseline');
    const containers = s.comparisons.find((x) => x.a === 'containers')!;
    expect(c.table.rows[1]![6]).toBe(`${probabilityText(containers.probabilityACheaper)} of samples`);
    expect(c.table.rows[0]![2]).toMatch(/^\$\d{1,3}(,\d{3})*$/);
    expect(c.summary).toMatch(/^Bars are each total as entered; the boxes hold 80% of the 400 samples \(P10 to P90\): widest for .+, narrowest for .+\.$/);
    expect(JSON.stringify(c)).not.toMatch(/NaN|undefined|Infinity/);
  });
  it('says so when a platform does not move between P10 and P90', () => {
    const flat = { ...s, platforms: s.platforms.map((p, i) => (i === 1 ? { ...p, tco: { ...p.tco, p10: '500000', p50: '500000', p90: '500000' } } : p)) };
    expect(bandChart(flat, asEntered(scenario)).summary).toContain('narrowest for containers (P10 and P90 both $500,000)');
  });
  it('lists the ranges sampled', () => {
    const t = rangesTable(s);
    expect(t.rows).toEqual([
      ['prices.electricityPerKWh', '0.08', '0.12', '0.2', 'decimals', 'cost only'],
      ['workloads[api].instances', '30', '40', '60', 'whole numbers', 'sizing and cost'],
    ]);
  });
});

describe('the probability sentence', () => {
  const base: UncertaintySummary = {
    currency: 'USD',
    horizonYears: 5,
    baseline: 'vm',
    seed: 1,
    samples: 10000,
    requestedSamples: 10000,
    complete: true,
    inputs: [],
    platforms: [],
    comparisons: [],
  };
  const cmp = (a: string, p: number) => ({ a, b: 'vm', difference: { p10: '0', p50: '0', p90: '0', mean: '0', min: '0', max: '0' }, probabilityACheaper: p, aCheaper: 0, bCheaper: 0, equal: 0 });
  it('says it in one sentence for every platform against the baseline', () => {
    expect(probabilitySentence({ ...base, comparisons: [cmp('containers', 0.4)] })).toBe('In 10,000 samples (seed 1), containers costs less than vm (the baseline) in 40.0% of them.');
    expect(probabilitySentence({ ...base, comparisons: [cmp('containers', 0), cmp('k8s', 0.4)] })).toBe('In 10,000 samples (seed 1), containers costs less than vm (the baseline) in 0% of them, and k8s in 40.0%.');
    expect(probabilitySentence({ ...base, comparisons: [cmp('a', 1), cmp('b', 0.5), cmp('c', 0.0004)] })).toBe(
      'In 10,000 samples (seed 1), a costs less than vm (the baseline) in 100% of them, b in 50.0% and c in under 0.1%.',
    );
    expect(probabilitySentence(base)).toMatch(/one platform, so nothing to compare/);
  });
  it('never rounds a few samples away', () => {
    expect(probabilityText(0)).toBe('0%');
    expect(probabilityText(0.0001)).toBe('under 0.1%');
    expect(probabilityText(0.9999)).toBe('over 99.9%');
    expect(probabilityText(1)).toBe('100%');
    expect(probabilityText(0.1234)).toBe('12.3%');
  });
});

describe('errors', () => {
  it('names the input the package names', () => {
    const bad = { ...scenario, hosts: [{ ...scenario.hosts[0], powerIdleW: 300, powerMaxW: 700 }], uncertainty: { 'hosts[0].powerIdleW': { low: 200, likely: 300, high: 900 } } };
    let caught: unknown;
    try {
      startMonteCarlo(bad, { samples: 10 });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(KernelcountError);
    const m = errorMessage((caught as KernelcountError).issues);
    expect(m.message).toMatch(/^with every range at its high value: hosts\[0\]\.powerMaxW: /);
    expect(m.inputs).toEqual(['hosts[0].powerMaxW']);
    expect(errorMessage([{ path: 'workloads[1]', message: 'sample 3 of seed 1, does not fit' }])).toEqual({ message: 'workloads[1]: sample 3 of seed 1, does not fit', inputs: ['workloads[1]'] });
  });
});
