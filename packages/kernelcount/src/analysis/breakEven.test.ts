import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KernelcountError } from '../errors.js';
import { evaluate } from '../evaluate.js';
import { Money, money } from '../money.js';
import { TODAY, baseScenario, loadExample } from '../../test/helpers.js';
import { HALF_CENT, breakEven, licenceBreakEvens, shortestIn } from './breakEven.js';
import { setInput } from './paths.js';

type Raw = Record<string, any>;

function tcos(s: unknown, a: string, b: string): [Money, Money] {
  const e = evaluate(s, { today: TODAY });
  return [e.platforms.find((p) => p.name === a)!.tco, e.platforms.find((p) => p.name === b)!.tco];
}

function errorOf(f: () => unknown): KernelcountError {
  try {
    f();
  } catch (e) {
    return e as KernelcountError;
  }
  throw new Error('expected a KernelcountError');
}

/**
 * Two container platforms on two host types that differ only in price and power: "hungry" costs
 * 10,000 and draws 400 W idle / 800 W max; "frugal" costs 20,000 and draws 100 / 300 W. Every
 * other cost is zeroed (no admin cost, colocation or hardware support), so over 5 years each host
 * costs its price plus 5 years of electricity:
 *   load 0.5, PUE 1.5: hungry 600 W -> 600 x 8760 x 1.5 / 1000 = 7,884 kWh a year,
 *                       frugal 200 W -> 2,628 kWh a year.
 * Both platforms pack the same workload on hosts of the same capacity, so they need the same N
 * hosts, and TCO = N x (price + 5 x kWh x p). Equal when 10,000 + 39,420 p = 20,000 + 13,140 p:
 *   p = 10,000 / 26,280 = 0.38051750380517503805... (a repeating decimal) per kWh.
 */
function twoHosts(): Raw {
  const shape = { sockets: 2, coresPerSocket: 16, memoryGiB: 256, diskGiB: 2000 };
  return {
    name: 'price vs power',
    hosts: [
      { name: 'hungry', ...shape, price: 10000, powerIdleW: 400, powerMaxW: 800 },
      { name: 'frugal', ...shape, price: 20000, powerIdleW: 100, powerMaxW: 300 },
    ],
    workloads: [{ name: 'api', instances: 40, vcpus: 1, memoryGiB: 2, imageMiB: 100 }],
    platforms: [
      { type: 'containers', name: 'on-hungry', host: 'hungry' },
      { type: 'containers', name: 'on-frugal', host: 'frugal' },
    ],
    prices: { electricityPerKWh: 0.1, pue: 1.5, averageLoad: 0.5, adminCostPerYear: 0, colocationPerKWMonth: 0, hardwareSupportPercentPerYear: 0 },
  };
}
const P_STAR = new Money(10000).div(26280);

describe('break-even of a continuous input', () => {
  it('solves the electricity price where a cheap, hungry host costs the same as a dear, frugal one', () => {
    const s = twoHosts();
    const r = breakEven(s, { input: 'prices.electricityPerKWh', between: ['on-hungry', 'on-frugal'], range: { low: 0, high: 1 }, today: TODAY });
    expect(r.kind).toBe('equal');
    expect(r.cheaperBelow).toBe('on-hungry');
    expect(r.cheaperFrom).toBe('on-frugal');
    // The exact root of the linear piece, to 40 significant digits.
    expect(r.exact!.minus(P_STAR).abs().lt('1e-30')).toBe(true);
    // The value shown is a short decimal within a tenth of a cent of the root.
    expect(r.value!.toFixed().length).toBeLessThan(14);
    expect(r.value!.minus(P_STAR).abs().lt('0.000001')).toBe(true);
    // At the value, independently evaluated: equal to the cent, and TCO = N x (10,000 + 39,420 p).
    const [a, b] = tcos(setInput(s, 'prices.electricityPerKWh', r.value!), 'on-hungry', 'on-frugal');
    expect(a.minus(b).abs().lt(HALF_CENT)).toBe(true);
    const hosts = evaluate(s, { today: TODAY }).platforms[0]!.hosts;
    expect(a.toString()).toBe(new Money(10000).plus(r.value!.times(39420)).times(hosts).toString());
    expect(r.at!.costs.map(String)).toEqual([a.toString(), b.toString()]);
  });

  it('reports no break-even, and which is cheaper, when the order does not change in the range', () => {
    const s = twoHosts();
    const r = breakEven(s, { input: 'prices.electricityPerKWh', between: ['on-hungry', 'on-frugal'], range: { low: 0, high: '0.3' }, today: TODAY });
    expect(r).toMatchObject({ kind: 'none', value: null, cheaperBelow: 'on-hungry', cheaperFrom: null });
    for (const x of [0, '0.3']) {
      const [a, b] = tcos(setInput(s, 'prices.electricityPerKWh', x), 'on-hungry', 'on-frugal');
      expect(a.lt(b)).toBe(true);
    }
    expect(r.text).toMatch(/^on-hungry stays cheaper than on-frugal from prices.electricityPerKWh = 0 USD\/kWh to 0.3 USD\/kWh/);
  });

  it('finds where the costs jump past each other and says no value costs the same', () => {
    // CPU overcommit changes the number of hosts in whole steps: TCO is a step function of it.
    // At 0.10 per kWh a frugal host costs 21,314 over 5 years and a hungry one 13,942: with the
    // same host count the hungry platform is cheaper, but overcommitting the frugal one's CPU lets
    // it run the CPU-bound workload on fewer hosts.
    const s = twoHosts();
    s.workloads = [{ name: 'api', instances: 800, vcpus: 1, memoryGiB: 1, imageMiB: 100 }];
    const r = breakEven(s, { input: 'platforms[on-frugal].cpuOvercommit', between: ['on-hungry', 'on-frugal'], range: { low: 1, high: 4 }, today: TODAY });
    expect(r.kind).toBe('step');
    const before = r.before!;
    const at = r.at!;
    // Each side, evaluated independently, has a different cheaper platform, and neither is a tie.
    const [ba, bb] = tcos(setInput(s, 'platforms[on-frugal].cpuOvercommit', before.value), 'on-hungry', 'on-frugal');
    const [aa, ab] = tcos(setInput(s, 'platforms[on-frugal].cpuOvercommit', at.value), 'on-hungry', 'on-frugal');
    expect(Math.sign(ba.minus(bb).toNumber())).toBe(-Math.sign(aa.minus(ab).toNumber()));
    expect(ba.minus(bb).abs().gte(HALF_CENT) && aa.minus(ab).abs().gte(HALF_CENT)).toBe(true);
    // ... and the two values are within a ten-billionth of the range of each other.
    expect(at.value.minus(before.value).lte(new Money(3).times('1e-10'))).toBe(true);
    expect(r.text).toMatch(/no value makes them cost the same/);
  });

  // Property: wherever the search says "equal", an independent evaluation at the value printed
  // has the two totals within half a cent.
  it('is equal to the cent at the value it returns (property)', () => {
    const s = loadExample('linux-microservices.yaml');
    const inputs = ['prices.electricityPerKWh', 'hosts[0].price', 'prices.adminCostPerYear', 'prices.licences.vvf', 'prices.physicalServersPerAdmin', 'prices.pue'];
    fc.assert(
      fc.property(
        fc.constantFrom(...inputs),
        fc.constantFrom<[string, string]>(['vm', 'containers'], ['vm', 'containers-in-vms'], ['containers', 'containers-in-vms'], ['containers', 'vm']),
        fc.integer({ min: 2, max: 40 }),
        (input, between, samples) => {
          const r = breakEven(s, { input, between, samples, today: TODAY });
          if (r.kind === 'equal') {
            const [a, b] = tcos(setInput(s, input, r.value!), between[0], between[1]);
            expect(a.minus(b).abs().lt(HALF_CENT), `${input} = ${r.value}`).toBe(true);
          } else if (r.kind === 'step') {
            expect(Math.sign(r.before!.difference.toNumber())).toBe(-Math.sign(r.at!.difference.toNumber()));
          } else {
            const signs = new Set(r.samples.map((p) => Math.sign(p.difference.toNumber())));
            expect(signs.size).toBe(1);
          }
        },
      ),
      { numRuns: 20, seed: 6 },
    );
  });
});

describe('break-even of a whole-number input', () => {
  it('returns the first count at which the cheaper platform flips, as a brute-force scan finds it', () => {
    const s = loadExample('linux-microservices.yaml');
    const r = breakEven(s, { input: 'workloads[api].instances', between: ['vm', 'containers'], range: { low: 0, high: 40 }, today: TODAY });
    // Brute force: every count from 0 up.
    const sign = (n: number) => {
      const [a, b] = tcos(setInput(s, 'workloads[api].instances', n), 'vm', 'containers');
      const d = a.minus(b);
      return { d, s: d.abs().lt(HALF_CENT) ? 0 : Math.sign(d.toNumber()), a, b };
    };
    const first = sign(0).s;
    let n = 1;
    while (sign(n).s === first) n++;
    expect(r.value!.toNumber()).toBe(n);
    expect(r.kind).toBe(sign(n).s === 0 ? 'equal' : 'step');
    expect(r.before!.value.toNumber()).toBe(n - 1);
    expect(r.at!.costs.map(String)).toEqual([sign(n).a.toString(), sign(n).b.toString()]);
    expect(r.before!.costs.map(String)).toEqual([sign(n - 1).a.toString(), sign(n - 1).b.toString()]);
    expect(r.integer).toBe(true);
    if (r.kind === 'step') expect(r.text).toMatch(/No whole number in between makes them cost the same/);
  });

  it('returns values on the input\'s step (sizes in GiB move in whole MiB)', () => {
    const s = loadExample('linux-microservices.yaml');
    const r = breakEven(s, { input: 'workloads[api].vcpus', between: ['containers', 'containers-in-vms'], range: { low: '0.1', high: 4 }, today: TODAY });
    expect(r.kind).toBe('step');
    // vCPUs are whole millicores: neighbouring values 0.001 apart.
    expect(r.at!.value.minus(r.before!.value).toString()).toBe('0.001');
    expect(r.at!.value.times(1000).isInteger()).toBe(true);
  });

  it('narrows a default range to the values that evaluate, and says so', () => {
    const s = baseScenario();
    // 10 x 16 GiB does not fit the default 32 GiB node VM of containers-in-vms.
    const r = breakEven(s, { input: 'workloads[db].memoryGiB', between: ['vm', 'containers-in-vms'], today: TODAY });
    expect(r.notes.join(' ')).toMatch(/^range narrowed to .* the scenario is invalid \(workloads\[1\]: one instance of "db"/);
    expect(r.range.high.lt(160)).toBe(true);
  });
});

describe('break-even errors', () => {
  const s = baseScenario();
  it('names the platforms, the range and the input', () => {
    expect(() => breakEven(s, { input: 'hosts[0].price', between: ['vm', 'k8s'], today: TODAY })).toThrowErrorMatchingInlineSnapshot(
      `[KernelcountError: between[1]: no platform named "k8s"; platforms are "vm", "containers", "containers-in-vms", "microvm"]`,
    );
    expect(errorOf(() => breakEven(s, { input: 'hosts[0].price', between: ['vm', 'vm'] })).issues[0]).toMatchObject({ code: 'conflict', path: 'between' });
    expect(errorOf(() => breakEven(s, { input: 'hosts[0].price', between: ['vm'] })).issues[0]).toMatchObject({ code: 'invalid_type', path: 'between' });
    expect(errorOf(() => breakEven(s, { input: 'hosts[0].price', between: ['vm', 'containers'], range: { low: 5, high: 5 } })).issues[0]).toMatchObject({ code: 'conflict', path: 'range' });
    expect(() => breakEven(s, { input: 'prices.pue', between: ['vm', 'containers'], range: { low: '0.5', high: 2 } })).toThrowErrorMatchingInlineSnapshot(`[KernelcountError: range.low: prices.pue must be >= 1, got 0.5]`);
    expect(errorOf(() => breakEven(s, { input: 'workloads[api].instances', between: ['vm', 'containers'], range: { low: '1.5', high: 9 } })).issues[0]).toMatchObject({ code: 'not_integer', path: 'range.low' });
    expect(errorOf(() => breakEven(s, { input: 'workloads[nope].instances', between: ['vm', 'containers'] })).issues[0]).toMatchObject({ code: 'unknown_value', path: 'workloads[nope].instances' });
    expect(errorOf(() => breakEven(s, { input: 'hosts[0].price', between: ['vm', 'containers'], samples: 1 })).issues[0]).toMatchObject({ path: 'samples' });
    // An input at 0 has no default range.
    expect(errorOf(() => breakEven({ ...s, prices: { adminCostPerYear: 0 } }, { input: 'prices.adminCostPerYear', between: ['vm', 'containers'] })).issues[0]).toMatchObject({ code: 'required', path: 'range' });
  });

  it('refuses a range the caller gave that makes the scenario invalid, naming the value', () => {
    const e = errorOf(() => breakEven(s, { input: 'workloads[db].memoryGiB', between: ['vm', 'containers-in-vms'], range: { low: 1, high: 200 }, today: TODAY }));
    expect(e.issues[0]!.path).toBe('range');
    expect(e.issues[0]!.message).toMatch(/^at workloads\[db\]\.memoryGiB = [\d.]+ the scenario is invalid: workloads\[1\]: one instance of "db"/);
  });
});

describe('licence break-evens in the same vocabulary', () => {
  // Windows Server 2022 (licensing guide): every physical core, at least 16 per server; Standard
  // covers 2 VMs per full licensing, Datacenter unlimited. At the example's 1176 (Standard) and 6771
  // (Datacenter) per 16 cores over 5 years, a host of 2 x 16 cores pays per year:
  //   Standard: 32 x 1176 / 16 / 5 = 470.40 per 2 VMs;  Datacenter: 32 x 6771 / 16 / 5 = 2708.40.
  // 10 VMs: 5 x 470.40 = 2352.00 < 2708.40;  11 VMs: 6 x 470.40 = 2822.40 > 2708.40.
  it('gives the VM count where Datacenter beats stacked Standard, with both costs on each side', () => {
    const all = licenceBreakEvens(loadExample('windows-lob-sql.yaml'), { today: TODAY });
    const vm = all.find((r) => r.platform === 'vm')!;
    expect(vm).toMatchObject({
      subject: 'licence',
      input: 'guests per host',
      kind: 'step',
      integer: true,
      between: ['windows-server-standard/per-core', 'windows-server-datacenter/per-core'],
      cheaperBelow: 'windows-server-standard/per-core',
      cheaperFrom: 'windows-server-datacenter/per-core',
      measure: 'licence cost per host per year',
    });
    expect(vm.value!.toNumber()).toBe(11);
    expect(vm.at!.costs.map(String)).toEqual(['2822.4', '2708.4']);
    expect(vm.before!.value.toNumber()).toBe(10);
    expect(vm.before!.costs.map(String)).toEqual(['2352', '2708.4']);
    // The busiest vm host runs 20 VMs: Standard would be 10 x 470.40 = 4704.
    expect(vm.current!.costs.map(String)).toEqual(['4704', '2708.4']);
    expect(vm.text).toMatch(/^windows-server-datacenter\/per-core becomes cheaper than windows-server-standard\/per-core at 11 guests per host/);
  });

  it('filters by platform and refuses unknown names', () => {
    const s = loadExample('windows-lob-sql.yaml');
    expect(licenceBreakEvens(s, { platforms: ['containers'], today: TODAY }).map((r) => r.platform)).toEqual(['containers']);
    expect(licenceBreakEvens(loadExample('linux-microservices.yaml'), { today: TODAY })).toEqual([]);
    expect(errorOf(() => licenceBreakEvens(s, { platforms: ['nope'] })).issues[0]).toMatchObject({ code: 'unknown_value', path: 'platforms[0]' });
  });
});

describe('shortestIn', () => {
  it('picks the decimal with the fewest digits in an interval', () => {
    expect(shortestIn(money('0.3805'), money('0.3806')).toString()).toBe('0.3805');
    expect(shortestIn(money('0.38051'), money('0.38059')).toString()).toBe('0.38051');
    expect(shortestIn(money('1234'), money('1299')).toString()).toBe('1240');
    expect(shortestIn(money('-1'), money('1')).toString()).toBe('0');
    expect(shortestIn(money('7'), money('7')).toString()).toBe('7');
  });
});
