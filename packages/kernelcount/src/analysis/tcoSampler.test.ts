import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repeatedSum } from '../cost/lineItems.js';
import { KernelcountError } from '../errors.js';
import { evaluate } from '../evaluate.js';
import { quoteLicences } from '../licensing/engine.js';
import { Money, sumMoney } from '../money.js';
import { sizePlatform } from '../platforms/size.js';
import { parseScenarioWithCatalog } from '../scenario/validate.js';
import { TODAY, baseScenario, exampleFiles, loadExample } from '../../test/helpers.js';
import { createTcoSampler } from './tcoSampler.js';
import { isPriceCatalogId, resolveInputPath, type InputPath } from './uncertaintyPaths.js';

type Range = { path: string; low: number; high: number; integer?: boolean };

function resolved(input: unknown, ranges: readonly Range[]): InputPath[] {
  return ranges.map((r) => {
    const p = resolveInputPath(input, r.path);
    if (!('canonical' in p)) throw new Error(`${r.path}: ${p.message}`);
    return p;
  });
}

/** Values within each range: whole numbers where the input takes them, otherwise any double. */
function valuesArb(inputs: readonly InputPath[], ranges: readonly Range[]): fc.Arbitrary<number[]> {
  return fc.tuple(
    ...ranges.map((r, i) =>
      inputs[i]!.integer ? fc.integer({ min: r.low, max: r.high }) : fc.double({ min: r.low, max: r.high, noNaN: true, noDefaultInfinity: true }),
    ),
  );
}

/** Every kind of input: host price and power, prices:, licence prices, flat licences, catalog figures, sizing inputs. */
const CASES: Array<{ name: string; input: () => unknown; ranges: Range[] }> = [
  {
    name: 'linux-microservices',
    input: () => loadExample('linux-microservices.yaml'),
    ranges: [
      { path: 'prices.electricityPerKWh', low: 0.05, high: 0.3 },
      { path: 'workloads[api].instances', low: 0, high: 60 },
      { path: 'catalog.licence.vvf', low: 50, high: 300 },
      { path: 'hosts[0].price', low: 20000, high: 60000 },
      { path: 'hosts[0].powerIdleW', low: 100, high: 300 },
      { path: 'hosts[0].powerMaxW', low: 600, high: 1200 },
      { path: 'prices.adminCostPerYear', low: 60000, high: 200000 },
      { path: 'prices.amortizationYears', low: 3, high: 7 },
      { path: 'prices.pue', low: 1.1, high: 2 },
      { path: 'policy.cpuOvercommit', low: 1, high: 4 },
      { path: 'platforms[containers-in-vms].nodeVm.vcpus', low: 4, high: 32 },
    ],
  },
  {
    name: 'windows-lob-sql',
    input: () => loadExample('windows-lob-sql.yaml'),
    ranges: [
      { path: 'prices.licences.windows-server-datacenter', low: 4000, high: 9000 },
      { path: 'prices.licences.windows-server-standard', low: 800, high: 1500 },
      { path: 'prices.licences.sql-server-standard', low: 3000, high: 5000 },
      { path: 'prices.softwareAssurancePercentPerYear', low: 15, high: 35 },
      { path: 'workloads[iis-app].instances', low: 10, high: 60 },
      { path: 'workloads[sql-server].memoryGiB', low: 16, high: 64 },
      { path: 'catalog.power.averageLoad', low: 0.2, high: 0.8 },
    ],
  },
  {
    name: 'vmware-to-kubernetes',
    input: () => loadExample('vmware-to-kubernetes.yaml'),
    ranges: [
      { path: 'catalog.licence.vcf', low: 200, high: 500 },
      { path: 'catalog.licence.rhel', low: 500, high: 1200 },
      { path: 'catalog.licence.rhel-vdc', low: 2000, high: 3500 },
      { path: 'workloads[web].instances', low: 80, high: 200 },
      { path: 'platforms[vmware].cpuOvercommit', low: 1, high: 4 },
      { path: 'catalog.k8s.generic.reservation.kubeReservedMemoryMiB', low: 1024, high: 4096 },
      { path: 'prices.electricityPerKWh', low: 0.05, high: 0.2 },
    ],
  },
  {
    name: 'a flat per-instance licence and a managed control plane',
    input: () => {
      const s = baseScenario();
      (s.workloads as Array<Record<string, unknown>>)[0]!.licences = [{ name: 'APM agent', pricePerInstanceYear: 90 }];
      s.platforms = [{ type: 'vm' }, { type: 'containers', controlPlane: 'eks' }];
      return s;
    },
    ranges: [
      { path: 'workloads[api].licences[0].pricePerInstanceYear', low: 0, high: 500 },
      { path: 'catalog.controlPlane.eks', low: 0.05, high: 0.2 },
      { path: 'workloads[db].instances', low: 1, high: 6 },
    ],
  },
];

describe('createTcoSampler', () => {
  for (const c of CASES) {
    it(`gives exactly the TCOs evaluate gives, for random values (${c.name})`, () => {
      const input = c.input();
      const inputs = resolved(input, c.ranges);
      const sampler = createTcoSampler(input, inputs, { today: TODAY });
      fc.assert(
        fc.property(valuesArb(inputs, c.ranges), (values) => {
          const fast = sampler.tcos(values).map((m) => m.toString());
          const slow = evaluate(sampler.scenarioWith(values), { today: TODAY }).platforms.map((p) => p.tco.toString());
          expect(fast).toEqual(slow);
        }),
        { numRuns: 25 },
      );
    });
  }

  it('prices only the platforms asked for, with the same figures', () => {
    const input = loadExample('linux-microservices.yaml');
    const inputs = resolved(input, [{ path: 'prices.electricityPerKWh', low: 0, high: 1 }]);
    const sampler = createTcoSampler(input, inputs, { today: TODAY, platforms: ['microvm', 'vm'] });
    expect(sampler.platforms).toEqual(['vm', 'microvm']);
    const e = evaluate(sampler.scenarioWith([0.2]), { today: TODAY });
    expect(sampler.tcos([0.2]).map(String)).toEqual([e.platforms[0]!.tco.toString(), e.platforms[3]!.tco.toString()]);
    expect(() => createTcoSampler(input, inputs, { platforms: ['vm', 'mainframe'] })).toThrowErrorMatchingInlineSnapshot(
      `[KernelcountError: platforms: no platform named "mainframe"; platforms are "vm", "containers", "containers-in-vms", "microvm"]`,
    );
  });

  it('names the values when they make the scenario invalid', () => {
    const input = baseScenario();
    const inputs = resolved(input, [
      { path: 'workloads[db].memoryGiB', low: 1, high: 400 },
      { path: 'hosts[0].powerIdleW', low: 100, high: 900 },
    ]);
    const sampler = createTcoSampler(input, inputs, { platforms: ['vm'] });
    // 300 GiB of app memory: more than the 256 GiB host.
    expect(() => sampler.tcos([300, 200])).toThrow(KernelcountError);
    expect(() => sampler.tcos([300, 200])).toThrow(/^uncertainty: with workloads\[db\]\.memoryGiB = 300, hosts\[0\]\.powerIdleW = 200: workloads\[1\]: one instance of "db" on platform "vm" needs/);
    // Idle power above the host's 600 W maximum.
    expect(() => sampler.tcos([16, 700])).toThrow('uncertainty: with workloads[db].memoryGiB = 16, hosts[0].powerIdleW = 700: hosts[0].powerMaxW: must be >= powerIdleW (700 W), got 600; narrow the ranges so every value in them is valid');
    expect(() => sampler.tcos([16])).toThrow(RangeError);
  });
});

describe('what the sampler relies on', () => {
  it('sizing reads no catalog figure it treats as a price', () => {
    const scenarios = [...exampleFiles().map((f) => loadExample(f)), baseScenario()];
    for (const s of scenarios) {
      const { scenario, catalog } = parseScenarioWithCatalog(s, { today: TODAY });
      for (const p of scenario.platforms) sizePlatform(p, scenario, catalog);
      const read = catalog.assumptions().map((a) => a.id);
      expect(read.length).toBeGreaterThan(5);
      expect(read.filter(isPriceCatalogId)).toEqual([]);
    }
  });

  it('quotes the same lines with the break-even search off, and no break-even', () => {
    const usage = { hosts: [{ count: 3, sockets: 2, coresPerSocket: 16, oses: 12 }, { count: 1, sockets: 2, coresPerSocket: 16, oses: 3 }] };
    const products = ['windows-server-standard', 'windows-server-datacenter'];
    const allow = ['windows-server-standard/per-core', 'windows-server-datacenter/per-core'];
    const full = quoteLicences(products, usage, { allow });
    const off = quoteLicences(products, usage, { allow, breakEvenSearchLimit: 0 });
    expect(JSON.stringify(off.lines)).toBe(JSON.stringify(full.lines));
    expect(off.annualCost.toString()).toBe(full.annualCost.toString());
    expect(full.hostGroups.some((g) => g.breakEven !== null)).toBe(true);
    expect(off.hostGroups.map((g) => g.breakEven)).toEqual([null, null]);
  });

  it('repeatedSum equals adding the amount that many times', () => {
    const digits = fc.stringMatching(/^[1-9]\d{0,39}$/);
    fc.assert(
      fc.property(digits, fc.integer({ min: -45, max: 20 }), fc.boolean(), fc.integer({ min: 1, max: 30 }), (m, exp, negative, times) => {
        const amount = new Money(`${negative ? '-' : ''}${m}e${exp}`);
        const added = sumMoney(new Array<Money>(times).fill(amount));
        expect(repeatedSum(amount, times).toString()).toBe(added.toString());
      }),
      { numRuns: 1000 },
    );
    // 40-digit amounts take the additions: 1/3 three times is 0.999...9 (40 nines), not 1; 2/3
    // twice passes 1, so the second addition rounds.
    const third = new Money(1).div(3);
    expect(repeatedSum(third, 3).toString()).toBe(`0.${'9'.repeat(40)}`);
    for (const amount of [third, new Money(2).div(3), new Money(2).div(30).times(123456.7), new Money(-7).div(9)]) {
      for (const times of [2, 3, 5, 7, 30]) {
        expect(repeatedSum(amount, times).toString(), `${amount} x ${times}`).toBe(sumMoney(new Array<Money>(times).fill(amount)).toString());
      }
    }
  });
});
