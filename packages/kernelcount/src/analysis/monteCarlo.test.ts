import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../evaluate.js';
import { money } from '../money.js';
import { TODAY, baseScenario, loadExample } from '../../test/helpers.js';
import { monteCarlo, spread, startMonteCarlo, type UncertaintyResult } from './monteCarlo.js';

const RANGES = {
  'prices.electricityPerKWh': { low: 0.08, likely: 0.12, high: 0.2 },
  'workloads[api].instances': { low: 20, likely: 24, high: 40 },
  'catalog.licence.vvf': { low: 100, likely: 135, high: 200 },
};

function linux(uncertainty: Record<string, unknown> = RANGES): Record<string, unknown> {
  return { ...(loadExample('linux-microservices.yaml') as Record<string, unknown>), uncertainty };
}

const json = (r: UncertaintyResult) => JSON.stringify(r);

describe('spread', () => {
  it('takes nearest-rank percentiles, worked by hand', () => {
    // 10 values 10..100: P10 is the 1st (ceil(0.1 x 10) = 1), P50 the 5th, P90 the 9th; mean 55.
    const s = spread([70, 10, 100, 40, 20, 90, 30, 60, 50, 80].map((x) => money(x)));
    expect([s.p10, s.p50, s.p90, s.mean, s.min, s.max].map(String)).toEqual(['10', '50', '90', '55', '10', '100']);
    // 3 values: P10 the 1st, P50 the 2nd (ceil(1.5) = 2), P90 the 3rd (ceil(2.7) = 3).
    const t = spread(['0.3', '0.1', '0.2'].map((x) => money(x)));
    expect([t.p10, t.p50, t.p90, t.mean].map(String)).toEqual(['0.1', '0.2', '0.3', '0.2']);
  });

  it('orders amounts that one float cannot tell apart', () => {
    const a = money('1000000000000.0000000001');
    const b = money('1000000000000.0000000002');
    expect(a.toNumber()).toBe(b.toNumber());
    const s = spread([b, a]);
    expect([s.min, s.max].map(String)).toEqual([a.toString(), b.toString()]);
  });
});

describe('monteCarlo', () => {
  it('gives the same result for the same seed, another for another seed', () => {
    const a = monteCarlo(linux(), { samples: 300, seed: 42, today: TODAY });
    const b = monteCarlo(linux(), { samples: 300, seed: 42, today: TODAY });
    const c = monteCarlo(linux(), { samples: 300, seed: 43, today: TODAY });
    expect(json(a)).toBe(json(b));
    expect(json(a)).not.toBe(json(c));
    expect(a).toMatchObject({ seed: 42, samples: 300, requestedSamples: 300, complete: true, distribution: 'pert' });
    expect(a.inputs.map((i) => [i.path, i.integer, i.affects])).toEqual([
      ['prices.electricityPerKWh', false, 'price'],
      ['workloads[api].instances', true, 'sizing'],
      ['catalog.licence.vvf', false, 'price'],
    ]);
  });

  it('gives the same result run in chunks of any size', () => {
    const whole = monteCarlo(linux(), { samples: 250, seed: 7, today: TODAY });
    const run = startMonteCarlo(linux(), { samples: 250, seed: 7, today: TODAY });
    for (const n of [1, 37, 100, 500]) run.step(n);
    expect(run.done).toBe(250);
    expect(json(run.result())).toBe(json(whole));
    const progress: number[] = [];
    const chunked = monteCarlo(linux(), { samples: 250, seed: 7, today: TODAY, chunkSize: 60, onProgress: (p) => void progress.push(p.done) });
    expect(progress).toEqual([60, 120, 180, 240, 250]);
    expect(json(chunked)).toBe(json(whole));
  });

  it('stops between chunks when asked and says how far it got', () => {
    const r = monteCarlo(linux(), { samples: 1000, seed: 1, today: TODAY, chunkSize: 100, onProgress: (p) => p.done < 300 });
    expect(r).toMatchObject({ samples: 300, requestedSamples: 1000, complete: false });
    expect(json(r)).toBe(json({ ...monteCarlo(linux(), { samples: 300, seed: 1, today: TODAY }), requestedSamples: 1000, complete: false }));
  });

  it('prices each sample exactly as evaluate does with its inputs', () => {
    const run = startMonteCarlo(linux(), { samples: 40, seed: 5, today: TODAY });
    run.step();
    for (const i of [0, 13, 39]) {
      const s = run.sample(i);
      const e = evaluate(s.scenario, { today: TODAY });
      expect(e.platforms.map((p) => p.tco.toString())).toEqual(run.platforms.map((name) => run.tcos(name)[i]!.toString()));
    }
  });

  it('draws whole-number inputs as whole numbers over the whole range, others to 6 significant digits', () => {
    const run = startMonteCarlo(linux(), { samples: 1, seed: 3 });
    const instances = new Set<number>();
    for (let i = 0; i < 3000; i++) {
      const v = run.sample(i).values;
      const n = v['workloads[api].instances']!;
      expect(Number.isInteger(n) && n >= 20 && n <= 40).toBe(true);
      instances.add(n);
      const price = v['prices.electricityPerKWh']!;
      expect(price >= 0.08 && price <= 0.2).toBe(true);
      expect(Number(price.toPrecision(6))).toBe(price);
    }
    expect(instances.has(20)).toBe(true);
    expect(instances.has(24)).toBe(true);
    expect(instances.size).toBeGreaterThanOrEqual(18);
  });

  it('lands every TCO between the TCOs at the ends of a range the cost rises with', () => {
    // Only the electricity price varies, and the TCO rises with it: every sample lies between the
    // TCO at 0.08 and the TCO at 0.20, and at a fixed range (low = likely = high) it is that TCO.
    const at = (price: number) => evaluate({ ...linux({}), uncertainty: undefined, prices: { ...(linux({}).prices as object), electricityPerKWh: price } }, { today: TODAY });
    const low = at(0.08);
    const high = at(0.2);
    const r = monteCarlo(linux({ 'prices.electricityPerKWh': { low: 0.08, likely: 0.12, high: 0.2 } }), { samples: 200, today: TODAY });
    r.platforms.forEach((p, k) => {
      expect(p.tco.min.gte(low.platforms[k]!.tco)).toBe(true);
      expect(p.tco.max.lte(high.platforms[k]!.tco)).toBe(true);
    });
    const fixed = monteCarlo(linux({ 'prices.electricityPerKWh': { low: 0.1, likely: 0.1, high: 0.1 } }), { samples: 20, today: TODAY });
    const e = at(0.1);
    fixed.platforms.forEach((p, k) => {
      expect([p.tco.p10, p.tco.p50, p.tco.p90, p.tco.mean, p.tco.min, p.tco.max].map(String)).toEqual(new Array(6).fill(e.platforms[k]!.tco.toString()));
    });
  });

  it('compares every platform with the baseline, or the two named', () => {
    const all = monteCarlo(linux(), { samples: 100, today: TODAY });
    expect(all.comparisons.map((c) => [c.a, c.b])).toEqual([
      ['containers', 'vm'],
      ['containers-in-vms', 'vm'],
      ['microvm', 'vm'],
    ]);
    const two = monteCarlo(linux(), { samples: 100, today: TODAY, between: ['vm', 'containers'] });
    expect(two.platforms.map((p) => p.platform)).toEqual(['vm', 'containers']);
    expect(two.comparisons).toHaveLength(1);
    const c = two.comparisons[0]!;
    expect(c).toMatchObject({ a: 'vm', b: 'containers' });
    expect(c.aCheaper + c.bCheaper + c.equal).toBe(100);
    expect(c.probabilityACheaper).toBe(c.aCheaper / 100);
    // The difference is vm - containers, the opposite of the default pair's containers - vm.
    expect(c.difference.mean.toString()).toBe(all.comparisons[0]!.difference.mean.negated().toString());
  });

  it('keeps P10 <= P50 <= P90 and min <= mean <= max, for any seed, sample count and ranges', () => {
    const base = baseScenario();
    fc.assert(
      fc.property(
        fc.nat({ max: 2 ** 32 - 1 }),
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 0, max: 30 }),
        (seed, samples, width, at, extra) => {
          const low = 0.05;
          const high = low + width;
          const likely = Number((low + at * width).toPrecision(6));
          const scenario = {
            ...base,
            uncertainty: {
              'prices.electricityPerKWh': { low, likely: Math.min(high, Math.max(low, likely)), high },
              'workloads[api].instances': { low: 10, likely: 10 + Math.floor(extra / 2), high: 10 + extra },
            },
          };
          const r = monteCarlo(scenario, { samples, seed, today: TODAY });
          for (const s of [...r.platforms.map((p) => p.tco), ...r.comparisons.map((c) => c.difference)]) {
            expect(s.min.lte(s.p10) && s.p10.lte(s.p50) && s.p50.lte(s.p90) && s.p90.lte(s.max)).toBe(true);
            expect(s.min.lte(s.mean) && s.mean.lte(s.max)).toBe(true);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  it('refuses bad options and a scenario without ranges, naming what is wrong', () => {
    const issues = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(issues(() => monteCarlo(linux(), { samples: 0 }))).toBe('samples: must be at least 1, got 0');
    expect(issues(() => monteCarlo(linux(), { samples: 2.5 }))).toBe('samples: must be a whole number of samples, got 2.5');
    expect(issues(() => monteCarlo(linux(), { samples: 2_000_000 }))).toBe('samples: must be at most 1,000,000, got 2000000');
    expect(issues(() => monteCarlo(linux(), { seed: -1 }))).toBe('seed: must be at least 0, got -1');
    expect(issues(() => monteCarlo(linux(), { seed: Number.NaN }))).toBe('seed: must be a whole number, got NaN');
    expect(issues(() => monteCarlo(linux(), { between: ['vm'] }))).toBe('between: must name two platforms, A and B');
    expect(issues(() => monteCarlo(linux(), { between: ['vm', 'k8s'] }))).toBe('between: no platform named "k8s"; platforms are "vm", "containers", "containers-in-vms", "microvm"');
    expect(issues(() => monteCarlo(linux(), { between: ['vm', 'vm'] }))).toBe('between: names "vm" twice; name two different platforms');
    expect(issues(() => monteCarlo(linux({})))).toMatch(/^uncertainty: the scenario gives no ranges: add an uncertainty: section/);
    expect(issues(() => startMonteCarlo(linux(), { samples: 5 }).result())).toBe('no sample has run yet: call step() first');
    // A sample that breaks the scenario is reported with its number and values, not skipped.
    const tooBig = { ...baseScenario(), uncertainty: { 'workloads[db].memoryGiB': { low: 16, likely: 100, high: 400 } } };
    expect(issues(() => monteCarlo(tooBig, { samples: 200, seed: 1 }))).toMatch(/^uncertainty: sample \d+ of seed 1, with workloads\[db\]\.memoryGiB = [\d.]+: workloads\[1\]: one instance of "db" on platform "[^"]+" needs \d+ MiB of memory/);
  });
});
