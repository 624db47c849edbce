import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { TODAY, baseScenario, exampleFiles, loadExample } from '../../test/helpers.js';
import { evaluate, safeEvaluate } from '../evaluate.js';
import type { LineItem } from '../cost/lineItems.js';
import { money, sumMoney, ZERO, type Money } from '../money.js';
import { sizePlatform } from '../platforms/size.js';
import { scenarioJsonSchema } from '../scenario/schema.js';
import { project, safeProject, type Projection, type ProjectOptions } from './project.js';

// Counts sizings (the real function runs): a year with the instances of another must not size again.
vi.mock('../platforms/size.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../platforms/size.js')>();
  return { ...m, sizePlatform: vi.fn(m.sizePlatform) };
});

type Raw = Record<string, unknown>;

const example = (file: string, extra: Raw = {}): Raw => ({ ...(loadExample(file) as Raw), ...extra });
const run = (input: unknown, options: ProjectOptions = {}) => project(input, { today: TODAY, ...options });

/**
 * Only hardware costs money: host price 10,000, support 10% a year, life (amortization) 2 years;
 * no electricity, colocation, labour or licences (containers on bare metal, stacked control plane).
 */
function hardwareOnly(extra: Raw = {}): Raw {
  return {
    name: 'hardware only',
    horizonYears: 2,
    hosts: [{ name: 'h', sockets: 2, coresPerSocket: 16, memoryGiB: 256, diskGiB: 2000, price: 10000, powerIdleW: 200, powerMaxW: 600 }],
    workloads: [{ name: 'api', instances: 20, vcpus: 0.5, memoryGiB: 1, imageMiB: 100 }],
    platforms: [{ type: 'containers' }],
    prices: { electricityPerKWh: 0, colocationPerKWMonth: 0, adminCostPerYear: 0, hardwareSupportPercentPerYear: 10, amortizationYears: 2 },
    ...extra,
  };
}

/** The scenario with each workload at the instances `project` gave it in `year`. */
function atYear(input: Raw, p: Projection, year: number): Raw {
  const workloads = (input.workloads as Raw[]).map((w, i) => ({ ...w, instances: p.growth.workloads[i]!.instances[year - 1] }));
  return { ...input, workloads };
}

const isHardware = (li: LineItem) => li.category === 'hardware';
const isPerpetual = (li: LineItem) => li.spread?.item.startsWith('licence:') ?? false;
const sumCost = (lines: readonly LineItem[]) => sumMoney(lines.map((l) => l.annualCost));

describe('spread purchases in evaluate', () => {
  it('marks the hardware line and perpetual licences, nothing yearly', () => {
    const e = evaluate(example('windows-lob-sql.yaml'), { today: TODAY });
    for (const p of e.platforms) {
      const marked = p.lineItems.filter((li) => li.spread).map((li) => [li.component, li.spread!.item, li.spread!.years]);
      expect(marked[0]).toEqual(['hardware', 'host:2x16-core 512 GiB', 5]);
      for (const [component, item, years] of marked.slice(1)) {
        expect(['windows-server', 'sql-server']).toContain(component);
        expect(item).toMatch(/^licence:(windows-server-(standard|datacenter)\/per-core|sql-server-standard\/per-vm)$/);
        expect(years).toBe(5);
      }
      // Support, assurance, power, facilities, labour and subscriptions are yearly: unmarked.
      expect(p.lineItems.filter((li) => !li.spread).map((li) => li.component)).not.toContain('hardware');
    }
    const vmware = evaluate(example('vmware-to-kubernetes.yaml'), { today: TODAY });
    // VMware by subscription: only the hosts are a spread purchase.
    for (const p of vmware.platforms) expect(p.lineItems.filter((li) => li.spread).map((li) => li.component)).toEqual(['hardware']);
  });
});

describe('project: without growth it is evaluate', () => {
  for (const file of exampleFiles()) {
    it(`${file}: the amortized total equals evaluate's TCO exactly, and so does the cash over one host life`, () => {
      const input = example(file);
      const e = evaluate(input, { today: TODAY });
      const p = run(input);
      expect(p.finance.hostLifeYears).toBe(5);
      expect(p.scenario.horizonYears).toBe(5);
      expect(p.platforms.map((x) => x.name)).toEqual(e.platforms.map((x) => x.name));
      p.platforms.forEach((pl, k) => {
        const ev = e.platforms[k]!;
        expect(pl.totals.amortized.toString(), pl.name).toBe(ev.tco.toString());
        pl.years.forEach((y, i) => expect(y.amortized.total.eq(ev.yearlyCost[i]!), `${pl.name} year ${y.year}`).toBe(true));
        // Bought in full in year 1 over exactly one life: the same money, paid sooner.
        expect(pl.totals.cash.toString(), pl.name).toBe(ev.tco.toString());
        expect(pl.years.map((y) => y.hosts.bought)).toEqual([ev.hosts, 0, 0, 0, 0]);
        expect(pl.totals.presentValue.eq(pl.totals.cash)).toBe(true);
      });
    });
  }

  it('leased at 0% over exactly one life, hardware costs what it does amortized', () => {
    for (const file of exampleFiles()) {
      const p = run(example(file), { hardware: 'lease', leaseRatePercent: 0 });
      for (const pl of p.platforms) {
        for (const y of pl.years) {
          const cash = y.cash.lines.filter(isHardware);
          const amortized = y.amortized.lines.filter(isHardware);
          expect(cash.map((l) => [l.name, l.quantity.toString(), l.annualCost.toString()])).toEqual(amortized.map((l) => [l.name, l.quantity.toString(), l.annualCost.toString()]));
        }
      }
    }
  });

  it('pays perpetual licences and hosts in full in year 1, then only yearly costs', () => {
    // windows-lob-sql buys Windows Server and SQL Server licences outright (perpetual).
    const p = run(example('windows-lob-sql.yaml'));
    const e = evaluate(example('windows-lob-sql.yaml'), { today: TODAY });
    p.platforms.forEach((pl, k) => {
      const spread = e.platforms[k]!.lineItems.filter((li) => li.spread);
      expect(spread.some((li) => li.spread!.item.startsWith('licence:')), pl.name).toBe(true);
      const spreadPerYear = sumCost(spread);
      const [first, ...rest] = pl.years;
      // Year 1: the year's amortized cost plus the four more years of every spread purchase.
      expect(first!.cash.total.toString()).toBe(first!.amortized.total.plus(spreadPerYear.times(4)).toString());
      for (const y of rest) {
        expect(y.cash.total.toString()).toBe(y.amortized.total.minus(spreadPerYear).toString());
        expect(y.cash.lines.filter((l) => l.category === 'licences' && l.unit.endsWith('-year') === false)).toEqual([]);
      }
      // Assurance and subscriptions stay yearly in cash.
      const yearly = e.platforms[k]!.lineItems.filter((li) => li.category === 'licences' && !li.spread);
      for (const li of yearly) for (const y of pl.years) expect(y.cash.lines.find((l) => l.name === li.name)?.annualCost.toString(), li.name).toBe(li.annualCost.toString());
    });
  });
});

describe('project: growth', () => {
  it('grows every workload by the scenario rate, a workload by its own where it has one', () => {
    const input = baseScenario();
    (input.workloads as Raw[])[1]!.growthPercentPerYear = -50;
    const p = run({ ...input, growth: { percentPerYear: 10 }, horizonYears: 4 });
    // api: 20, 22, 24.2 -> 25, 26.62 -> 27; db: 2, 1, 0.5 -> 1, 0.25 -> 1.
    expect(p.growth.workloads).toEqual([
      { workload: 'api', percentPerYear: 10, own: false, instances: [20, 22, 25, 27] },
      { workload: 'db', percentPerYear: -50, own: true, instances: [2, 1, 1, 1] },
    ]);
    expect(p.platforms[0]!.years.map((y) => y.instances)).toEqual([22, 23, 26, 28]);
    // The option replaces the scenario's rate, not the workload's own.
    const q = run({ ...input, growth: { percentPerYear: 10 }, horizonYears: 4 }, { growthPercentPerYear: 0 });
    expect(q.growth.workloads.map((w) => w.instances)).toEqual([
      [20, 20, 20, 20],
      [2, 1, 1, 1],
    ]);
  });

  for (const file of exampleFiles()) {
    it(`${file}: each year is what evaluate gives for that year's instances`, () => {
      const input = example(file, { growth: { percentPerYear: 10 } });
      const p = run(input);
      for (const y of [1, 3, 5]) {
        const e = evaluate(atYear(input, p, y), { today: TODAY });
        p.platforms.forEach((pl, k) => {
          const ev = e.platforms[k]!;
          const py = pl.years[y - 1]!;
          expect(py.hosts.needed, `${pl.name} year ${y}`).toBe(ev.hosts);
          expect(py.instances).toBe(ev.instances);
          expect(py.vms).toBe(ev.vms);
          // Every line but the hardware ones (priced per owned host) is the evaluation's line.
          expect(py.amortized.lines.map((l) => l.name)).toEqual(ev.lineItems.map((l) => l.name));
          py.amortized.lines.forEach((l, i) => {
            const li = ev.lineItems[i]!;
            if (isHardware(l)) expect(l.quantity.toNumber()).toBe(py.hosts.owned);
            else expect([l.quantity.toString(), l.unitPrice.toString(), l.annualCost.toString()], l.name).toEqual([li.quantity, li.unitPrice, li.annualCost].map(String));
          });
          const power = ev.lineItems.find((li) => li.category === 'power')!;
          expect(py.kWh.toString()).toBe(power.quantity.toString());
        });
      }
    });
  }

  it('buys perpetual licences once, for the most ever needed, never again when the estate shrinks', () => {
    for (const rate of [15, -30]) {
      const p = run(example('windows-lob-sql.yaml', { growth: { percentPerYear: rate } }));
      for (const pl of p.platforms) {
        const items = new Set(pl.years.flatMap((y) => y.amortized.lines.filter(isPerpetual).map((l) => l.spread!.item)));
        expect(items.size, pl.name).toBeGreaterThan(0);
        for (const item of items) {
          let held = ZERO;
          for (const y of pl.years) {
            const counted = y.amortized.lines.filter((l) => l.spread?.item === item);
            const need = sumMoney(counted.map((l) => l.quantity));
            // The purchase is one line named as the first line that counts the licence, per unit.
            const buy = y.cash.lines.filter((l) => l.name === counted[0]?.name && !l.unit.endsWith('-year'));
            const expected = need.gt(held) ? need.minus(held) : ZERO;
            expect(sumMoney(buy.map((l) => l.quantity)).toString(), `${pl.name} ${item} year ${y.year}`).toBe(expected.toString());
            for (const l of buy) expect(l.unitPrice.toString()).toBe(counted[0]!.unitPrice.times(5).toString());
            if (need.gt(held)) held = need;
          }
        }
        if (rate < 0) {
          // Shrinking, a licence bought in year 1 is never bought again. A purchase after year 1 is
          // of another option become the cheapest (Windows Server Standard instead of Datacenter as
          // hosts empty), and the first one comes with a note.
          const itemOf = (y: (typeof pl.years)[number], name: string) => y.amortized.lines.find((l) => l.name === name && l.spread)!.spread!.item;
          const purchases = (y: (typeof pl.years)[number]) => y.cash.lines.filter((l) => l.category === 'licences' && !l.unit.endsWith('-year')).map((l) => itemOf(y, l.name));
          const first = new Set(purchases(pl.years[0]!));
          const seen = new Set(first);
          for (const y of pl.years.slice(1)) {
            for (const item of purchases(y)) {
              expect(first.has(item), `${pl.name} year ${y.year} ${item}`).toBe(false);
              if (!seen.has(item)) expect(pl.notes.some((n) => n.startsWith(`${pl.name}: year ${y.year} buys ${item.replace('licence:', '')}, now the cheapest option`))).toBe(true);
              seen.add(item);
            }
          }
        }
      }
    }
  });

  it('refuses growth that takes a workload past the instance limit, naming the year', () => {
    const input: Raw = { ...baseScenario(), horizonYears: 3, growth: { percentPerYear: 1000 } };
    (input.workloads as Raw[])[0]!.instances = 90_000;
    expect(() => run(input)).toThrowErrorMatchingInlineSnapshot(
      `[KernelcountError: growth.percentPerYear: at 1000% a year workload "api" grows to 10890000 instances in year 3, above the limit of 10,000,000 instances per workload; lower the rate or the horizon]`,
    );
    const r = safeProject(input, { today: TODAY, growthPercentPerYear: 100 });
    expect(r.ok).toBe(true);
    const s = safeProject(input, { today: TODAY, growthPercentPerYear: 1000 });
    expect(s.ok || s.error.issues.map((i) => i.path)).toEqual(['options.growthPercentPerYear']);
  });
});

describe('project: the host fleet', () => {
  it('buys the year-1 fleet again in year 6 with a horizon of 7 and a life of 5', () => {
    const input = example('linux-microservices.yaml', { horizonYears: 7 });
    const e = evaluate(input, { today: TODAY });
    const p = run(input);
    p.platforms.forEach((pl, k) => {
      const h = e.platforms[k]!.hosts;
      expect(pl.years.map((y) => y.hosts.bought), pl.name).toEqual([h, 0, 0, 0, 0, h, 0]);
      expect(pl.years[5]!.hosts.boughtAsRefresh).toBe(h);
      expect(pl.years[5]!.hosts.retired).toBe(h);
      expect(pl.totals.hostsBought).toBe(2 * h);
      const price = money(38000); // the example's host price
      const hw = (y: number) => pl.years[y - 1]!.cash.lines.find((l) => l.spread === undefined && l.component === 'hardware')!;
      expect(hw(6).annualCost.toString()).toBe(price.times(h).toString());
      expect(hw(3).annualCost.isZero()).toBe(true);
      // Amortized, the steady state evaluate prices.
      expect(pl.totals.amortized.toString()).toBe(e.platforms[k]!.tco.toString());
    });
  });

  it('counts growth and refresh purchases apart', () => {
    const p = run(example('vmware-to-kubernetes.yaml', { horizonYears: 7, growth: { percentPerYear: 12 } }));
    for (const pl of p.platforms) {
      const y6 = pl.years[5]!;
      const y1 = pl.years[0]!;
      expect(y6.hosts.retired).toBe(y1.hosts.bought);
      expect(y6.hosts.boughtAsRefresh).toBe(Math.min(y6.hosts.bought, y6.hosts.retired));
      expect(y6.hosts.bought).toBe(y6.hosts.boughtAsRefresh + y6.hosts.boughtForGrowth);
      // The estate grows every year, so all of the retired hosts are replaced.
      expect(y6.hosts.boughtAsRefresh).toBe(y1.hosts.bought);
    }
    const k8s = p.platforms.find((x) => x.name === 'k8s-bare-metal')!;
    expect(k8s.years.reduce((a, y) => a + y.hosts.boughtForGrowth, 0)).toBe(k8s.years[6]!.hosts.needed);
  });

  it('keeps owned hosts when the estate shrinks: hardware stays, running costs follow the sizing', () => {
    const input = example('vmware-to-kubernetes.yaml', { growth: { percentPerYear: -30 } });
    const p = run(input);
    for (const pl of p.platforms) {
      const first = pl.years[0]!;
      for (const y of pl.years) {
        expect(y.hosts.owned, pl.name).toBe(first.hosts.needed);
        expect(y.hosts.idle).toBe(y.hosts.owned - y.hosts.needed);
        const hw = y.amortized.lines.filter(isHardware);
        expect(sumCost(hw).toString()).toBe(sumCost(first.amortized.lines.filter(isHardware)).toString());
      }
      const last = pl.years[4]!;
      expect(last.hosts.needed).toBeLessThan(first.hosts.needed);
      expect(last.kWh.lt(first.kWh)).toBe(true);
    }
  });
});

describe('project: money over time', () => {
  it('works a 2-year case by hand: purchase, support and a 10% discount rate', () => {
    const input = hardwareOnly({ finance: { discountRatePercent: 10 } });
    const hosts = evaluate(input, { today: TODAY }).platforms[0]!.hosts;
    expect(hosts).toBeGreaterThan(0);
    const pl = run(input).platforms[0]!;
    // Year 1: hosts x 10,000 bought + hosts x 1,000 support; year 2: support only.
    expect(pl.years.map((y) => y.cash.total.toString())).toEqual([String(11000 * hosts), String(1000 * hosts)]);
    // Amortized: hosts x (10,000 / 2 + 1,000) each year.
    expect(pl.years.map((y) => y.amortized.total.toString())).toEqual([String(6000 * hosts), String(6000 * hosts)]);
    // Present value: year 2 is paid a year from now, so divided by 1.1: 1000 / 1.1 = 909.0909...
    expect(pl.years[0]!.presentValue.toString()).toBe(String(11000 * hosts));
    expect(pl.years[1]!.presentValue.toDecimalPlaces(20).toString()).toBe(money(1000 * hosts).div('1.1').toDecimalPlaces(20).toString());
    expect(pl.years[1]!.discountFactor.toDecimalPlaces(10).toString()).toBe('0.9090909091');
    expect(pl.totals.presentValue.toDecimalPlaces(2).toString()).toBe(money(11000 * hosts).plus(money(909.0909090909).times(hosts)).toDecimalPlaces(2).toString());
    expect(pl.totals.cash.toString()).toBe(String(12000 * hosts));
  });

  it('works a lease by hand: a level payment per host at 10% over a 2-year life', () => {
    const pl = run(hardwareOnly({ finance: { hardware: 'lease', leaseRatePercent: 10 } })).platforms[0]!;
    const hosts = pl.years[0]!.hosts.owned;
    // paid at the start of each year: 10,000 x 0.1 x 1.1 / 0.21 = 110,000 / 21 = 5238.095238095238...
    for (const y of pl.years) {
      const lease = y.cash.lines.find((l) => l.component === 'hardware')!;
      expect(lease.quantity.toNumber()).toBe(hosts);
      expect(lease.unit).toBe('host-year');
      expect(lease.unitPrice.toDecimalPlaces(12).toString()).toBe('5238.095238095238');
      // hosts x 110,000 / 21 + hosts x 1,000 support.
      expect(y.cash.total.toDecimalPlaces(20).toString()).toBe(money(110000 * hosts).div(21).plus(1000 * hosts).toDecimalPlaces(20).toString());
    }
    const p = run(hardwareOnly({ finance: { hardware: 'lease', leaseRatePercent: 10 } }));
    expect(p.finance.leasePaymentPerHost!.map((l) => [l.host, l.payment.toDecimalPlaces(4).toString()])).toEqual([['h', '5238.0952']]);
  });

  it('keeps the scenario figures unless options replace them, and notes a lease rate purchase does not use', () => {
    const input = hardwareOnly({ finance: { discountRatePercent: 10, leaseRatePercent: 4 } });
    const p = run(input);
    expect(p.finance).toMatchObject({ discountRatePercent: 10, hardware: 'purchase', leaseRatePercent: 4, hostLifeYears: 2, leasePaymentPerHost: null });
    expect(p.notes).toEqual(['finance.leaseRatePercent (4%) is not used: hardware is purchased (set finance.hardware: lease to lease it)']);
    const q = run(input, { discountRatePercent: 0, hardware: 'lease' });
    expect(q.finance).toMatchObject({ discountRatePercent: 0, hardware: 'lease', leaseRatePercent: 4 });
    expect(q.notes).toEqual([]);
  });

  it('has a present value equal to the cash at a 0% discount rate', () => {
    for (const file of exampleFiles()) {
      const p = run(example(file, { growth: { percentPerYear: 10 } }), { hardware: 'lease', leaseRatePercent: 5 });
      for (const pl of p.platforms) {
        expect(pl.totals.presentValue.toString()).toBe(pl.totals.cash.toString());
        for (const y of pl.years) expect(y.discountFactor.toString()).toBe('1');
      }
    }
  });

  it('adds up exactly: lines to years, years to totals, for any growth, rates and horizon', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -600, max: 600 }),
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom('purchase' as const, 'lease' as const),
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 6 }),
        (growthTenths, discountTenths, hardware, leaseTenths, horizonYears, life) => {
          const input = { ...baseScenario(), horizonYears, prices: { amortizationYears: life, hardwareSupportPercentPerYear: 8 } };
          const p = run(input, { growthPercentPerYear: growthTenths / 10, discountRatePercent: discountTenths / 10, hardware, leaseRatePercent: leaseTenths / 10 });
          for (const pl of p.platforms) {
            expect(pl.years).toHaveLength(horizonYears);
            for (const y of pl.years) {
              for (const view of [y.amortized, y.cash]) {
                for (const l of view.lines) {
                  expect(l.annualCost.eq(l.quantity.times(l.unitPrice))).toBe(true);
                  expect(l.yearly).toEqual([l.annualCost]);
                  expect(l.total).toBe(l.annualCost);
                }
                expect(view.total.eq(sumCost(view.lines))).toBe(true);
              }
              expect(y.presentValue.lte(y.cash.total)).toBe(true);
              expect(y.hosts.owned).toBeGreaterThanOrEqual(y.hosts.needed);
            }
            const sum = (f: (y: (typeof pl.years)[number]) => Money) => sumMoney(pl.years.map(f));
            expect(pl.totals.cash.eq(sum((y) => y.cash.total))).toBe(true);
            expect(pl.totals.amortized.eq(sum((y) => y.amortized.total))).toBe(true);
            expect(pl.totals.presentValue.eq(sum((y) => y.presentValue))).toBe(true);
            expect(pl.totals.kWh.eq(sum((y) => y.kWh))).toBe(true);
            expect(pl.totals.hostsBought).toBe(pl.years.reduce((a, y) => a + y.hosts.bought, 0));
            for (const k of ['boughtForGrowth', 'boughtAsRefresh', 'retired'] as const) expect(pl.totals[k]).toBe(pl.years.reduce((a, y) => a + y.hosts[k], 0));
            expect(pl.totals.boughtForGrowth + pl.totals.boughtAsRefresh).toBe(pl.totals.hostsBought);
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('project: input', () => {
  const issues = (input: unknown, options: ProjectOptions = {}) => {
    const r = safeProject(input, { today: TODAY, ...options });
    if (r.ok) throw new Error('expected the input to be refused');
    return r.error.issues.map((i) => `${i.path}: ${i.message} [${i.code}]`);
  };

  it('names the path and the allowed range of every bad growth and finance figure', () => {
    const input = baseScenario();
    (input.workloads as Raw[])[1]!.growthPercentPerYear = -100;
    input.growth = { percentPerYear: 1001 };
    input.finance = { discountRatePercent: 150, hardware: 'rent', leaseRatePercent: -1 };
    expect(issues(input)).toEqual([
      'workloads[1].growthPercentPerYear: must be a yearly growth in percent above -100 and at most 1000, got -100 [too_small]',
      'growth.percentPerYear: must be a yearly growth in percent above -100 and at most 1000, got 1001 [too_big]',
      'finance.discountRatePercent: must be a yearly rate in percent from 0 to 100, got 150 [too_big]',
      'finance.leaseRatePercent: must be a yearly rate in percent from 0 to 100, got -1 [too_small]',
      'finance.hardware: must be one of purchase, lease, got "rent" [unknown_value]',
    ]);
  });

  it('refuses wrong types, unknown keys and a growth section without its rate', () => {
    expect(issues({ ...baseScenario(), growth: {} })).toEqual([
      'growth.percentPerYear: is required in growth: (yearly growth of every workload in percent, e.g. 10) [required]',
    ]);
    expect(issues({ ...baseScenario(), growth: { percentPerYear: '10%' }, finance: { rate: 5 } })).toEqual([
      'growth.percentPerYear: must be a number, got "10%" [invalid_type]',
      'finance.rate: unknown field; expected one of: discountRatePercent, hardware, leaseRatePercent [unknown_key]',
    ]);
    expect(issues({ ...baseScenario(), growth: 10 })).toEqual(['growth: must be an object, got 10 [invalid_type]']);
    // evaluate validates the sections too.
    const e = safeEvaluate({ ...baseScenario(), finance: { hardware: 'rent' } }, { today: TODAY });
    expect(e.ok || e.error.issues.map((i) => i.path)).toEqual(['finance.hardware']);
  });

  it('names bad options by their option path, with the scenario issues', () => {
    const bad = { ...baseScenario(), growth: { percentPerYear: -150 } };
    expect(issues(bad, { growthPercentPerYear: Number.NaN, discountRatePercent: 101, leaseRatePercent: -2, hardware: 'loan' as never })).toEqual([
      'options.growthPercentPerYear: must be a finite number, got NaN [not_finite]',
      'options.discountRatePercent: must be a yearly rate in percent from 0 to 100, got 101 [too_big]',
      'options.leaseRatePercent: must be a yearly rate in percent from 0 to 100, got -2 [too_small]',
      'options.hardware: must be one of purchase, lease, got "loan" [unknown_value]',
      'growth.percentPerYear: must be a yearly growth in percent above -100 and at most 1000, got -150 [too_small]',
    ]);
  });

  it('gives the package error for a workload that cannot fit a host, with the year', () => {
    const input = baseScenario();
    (input.workloads as Raw[])[1]!.memoryGiB = 400;
    const e = safeEvaluate(input, { today: TODAY });
    if (e.ok) throw new Error('expected evaluate to refuse it');
    const p = safeProject(input, { today: TODAY });
    if (p.ok) throw new Error('expected project to refuse it');
    expect(p.error.issues.map((i) => [i.path, i.code])).toEqual(e.error.issues.map((i) => [i.path, i.code]));
    expect(p.error.issues.map((i) => i.message)).toEqual(e.error.issues.map((i) => `in year 1: ${i.message}`));
  });

  it('is in the JSON Schema with the same bounds', () => {
    const props = scenarioJsonSchema.properties;
    expect(props.growth.required).toEqual(['percentPerYear']);
    expect(props.growth.properties.percentPerYear).toMatchObject({ type: 'number', exclusiveMinimum: -100, maximum: 1000, default: 0 });
    expect(props.workloads.items.properties.growthPercentPerYear).toMatchObject({ type: 'number', exclusiveMinimum: -100, maximum: 1000 });
    expect(props.finance.properties.hardware).toMatchObject({ enum: ['purchase', 'lease'], default: 'purchase' });
    for (const k of ['discountRatePercent', 'leaseRatePercent'] as const) expect(props.finance.properties[k]).toMatchObject({ minimum: 0, maximum: 100, default: 0 });
    expect(props.finance.additionalProperties).toBe(false);
  });

  it('is ignored by evaluate', () => {
    const plain = baseScenario();
    const withTime: Raw = { ...baseScenario(), growth: { percentPerYear: 25 }, finance: { discountRatePercent: 7, hardware: 'lease', leaseRatePercent: 5 } };
    (withTime.workloads as Raw[])[0]!.growthPercentPerYear = 40;
    expect(JSON.stringify(evaluate(withTime, { today: TODAY }))).toBe(JSON.stringify(evaluate(plain, { today: TODAY })));
  });

  it('sizes each distinct set of instance counts once', () => {
    const sized = vi.mocked(sizePlatform);
    const count = (input: Raw) => {
      const before = sized.mock.calls.length;
      const p = run(input);
      return { calls: sized.mock.calls.length - before, platforms: p.platforms.length };
    };
    const flat = count(example('linux-microservices.yaml'));
    expect(flat.calls).toBe(flat.platforms);
    // 10% on 24, 12 and 4 instances: every year differs (api 24, 27, 30, 32, 36).
    const grown = count(example('linux-microservices.yaml', { growth: { percentPerYear: 10 } }));
    expect(grown.calls).toBe(grown.platforms * 5);
    // -1% a year on 1 instance: 0.99, 0.9801, ... round up to 1 every year, so one sizing.
    const one: Raw = { ...baseScenario(), horizonYears: 4, growth: { percentPerYear: -1 } };
    (one.workloads as Raw[])[0]!.instances = 1;
    (one.workloads as Raw[])[1]!.instances = 1;
    const repeated = count(one);
    expect(repeated.calls).toBe(repeated.platforms);
  });
});

describe('carbon over time', () => {
  it('turns each year kWh into kg CO2e at the grid figure evaluate uses, region by region', () => {
    // France's 2023 grid: 56 gCO2e/kWh (Our World in Data, Ember); the world average 481.
    for (const [versions, g] of [[{}, 481], [{ 'carbon.gridIntensity': 'france-2023' }, 56]] as const) {
      const p = run(example('linux-microservices.yaml', { growth: { percentPerYear: 10 }, catalogVersions: versions }));
      expect(p.carbon.gCO2ePerKWh.toString()).toBe(String(g));
      for (const pl of p.platforms) {
        for (const y of pl.years) expect(y.co2eKg.toString()).toBe(y.kWh.times(g).div(1000).toString());
        expect(pl.totals.co2eKg.toString()).toBe(pl.years.reduce((a, y) => a.plus(y.co2eKg), money(0)).toString());
      }
    }
    // Without growth, a year's CO2e is evaluate's yearly figure.
    const e = evaluate(example('linux-microservices.yaml'), { today: TODAY });
    const p = run(example('linux-microservices.yaml'));
    p.platforms.forEach((pl, i) => expect(pl.years[0]!.co2eKg.toString()).toBe(e.platforms[i]!.energy.co2eKgPerYear.toString()));
  });
});
