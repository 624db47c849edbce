// Costs over time without a browser: the chart, tables and sentence made from the package's
// projection (every figure the package's, rounded for display only), errors with their paths,
// and the energy figures' text.
import { readFileSync } from 'node:fs';
import { money, parseScenarioText, project, type Projection } from 'kernelcount';
import { describe, expect, it } from 'vitest';
import { computeOverTime, overTimeChart, overTimeSentence, overTimeView, totalsTable, yearsTable } from '../src/lib/overTime';
import { kWh, signedTonnes, tonnes } from '../src/lib/overTimeFormat';
import { formatCurrency } from '../src/lib/format';

const example = (name: string) => parseScenarioText(readFileSync(new URL(`../packages/kernelcount/examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml') as Record<string, unknown>;
const TODAY = '2026-11-22';

/** The package README's example: VMware to Kubernetes, 10% growth, 8% discount rate. */
function readme(): Projection {
  return project({ ...example('vmware-to-kubernetes'), growth: { percentPerYear: 10 }, finance: { discountRatePercent: 8 } }, { today: TODAY });
}

describe('the sentence', () => {
  it('names each platform’s present value at the discount rate and the cheapest (the README’s figures)', () => {
    expect(overTimeSentence(readme(), 'cash')).toBe(
      'Over 5 years with 10% growth a year, vmware costs $1,921,518 in present value at 8%, k8s-bare-metal $671,882, k8s-on-vmware $1,270,724 and kata $759,303; k8s-bare-metal costs least.',
    );
  });
  it('says amortized in the amortized view', () => {
    expect(overTimeSentence(readme(), 'amortized')).toBe(
      'Over 5 years with 10% growth a year, vmware costs $2,212,658 amortized (hardware spread over its life), k8s-bare-metal $702,564, k8s-on-vmware $1,389,986 and kata $802,930; k8s-bare-metal costs least.',
    );
  });
  it('words no growth, no discount rate, a lease, a shrinking estate and workloads with their own rate', () => {
    const base = example('linux-microservices');
    const plain = project(base, { today: TODAY });
    expect(overTimeSentence(plain, 'cash')).toMatch(/^Over 5 years with no growth, \S+ costs \$[\d,]+ in cash \(no discount rate\)/);
    const lease = project({ ...base, finance: { hardware: 'lease', leaseRatePercent: 6 } }, { today: TODAY });
    expect(overTimeSentence(lease, 'cash')).toMatch(/^Over 5 years with no growth and hosts leased at 6% a year, /);
    const shrink = project({ ...base, growth: { percentPerYear: -5 } }, { today: TODAY });
    expect(overTimeSentence(shrink, 'cash')).toMatch(/^Over 5 years shrinking 5% a year, /);
    const ws = (base['workloads'] as Array<Record<string, unknown>>).map((w, i) => (i === 0 ? { ...w, growthPercentPerYear: 25 } : w));
    const own = project({ ...base, workloads: ws, growth: { percentPerYear: 10 } }, { today: TODAY });
    expect(overTimeSentence(own, 'cash')).toMatch(/^Over 5 years with 10% growth a year \(one workload at its own rate\), /);
  });
  it('writes money in the scenario’s currency', () => {
    const eur = project({ ...example('linux-microservices'), currency: 'EUR', growth: { percentPerYear: 10 } }, { today: TODAY });
    expect(overTimeSentence(eur, 'cash')).toMatch(/costs €[\d,]+ in cash/);
    const jpy = project({ ...example('linux-microservices'), currency: 'JPY' }, { today: TODAY });
    expect(overTimeChart(jpy, 'cash').table.rows[0]![1]).toMatch(/^¥[\d,]+$/);
  });
});

describe('chart and tables from a projection', () => {
  it('charts cash per year per platform, with the same figures in its table', () => {
    const p = readme();
    const c = overTimeChart(p, 'cash');
    expect(c.id).toBe('over-time');
    expect(c.kind).toBe('bar');
    expect(c.money).toEqual({ currency: 'USD' });
    expect(c.labels).toEqual(['year 1', 'year 2', 'year 3', 'year 4', 'year 5']);
    expect(c.series.map((s) => s.label)).toEqual(['vmware', 'k8s-bare-metal', 'k8s-on-vmware', 'kata']);
    // README: vmware cash 483,934.86, 379,934.86, 407,934.86, 436,734.86, 529,718.57; total 2,238,258.00.
    expect(c.series[0]!.data).toEqual([483935, 379935, 407935, 436735, 529719]);
    expect(c.table.columns).toEqual(['platform', 'year 1', 'year 2', 'year 3', 'year 4', 'year 5', '5 years']);
    expect(c.table.rows[0]).toEqual(['vmware', '$483,935', '$379,935', '$407,935', '$436,735', '$529,719', '$2,238,258']);
    expect(c.summary).toBe(overTimeSentence(p, 'cash'));
    const a = overTimeChart(p, 'amortized');
    expect(a.title).toBe('Amortized cost per year (USD)');
    expect(a.series[0]!.data[0]).toBe(381535);
  });

  it('lists each year: instances, hosts needed, owned, bought for growth or as refresh, money and tonnes', () => {
    const p = readme();
    const t = yearsTable(p, 1, 'cash');
    expect(t.columns).toEqual(['year', 'instances', 'hosts needed', 'owned', 'bought for growth', 'bought as refresh', 'retired', 'cash', 'present value', 't CO2e']);
    // README, k8s-bare-metal: 7, 8, 8, 9, 10 hosts; bought 7, 1, 0, 1, 1.
    expect(t.rows.map((r) => r[2])).toEqual(['7', '8', '8', '9', '10', '']);
    expect(t.rows.map((r) => r[4])).toEqual(['7', '1', '0', '1', '1', '10']);
    expect(t.rows[1]!.slice(0, 2)).toEqual(['year 2', '330']);
    expect(t.rows[1]![8]).toBe('$106,131');
    const total = t.rows.at(-1)!;
    expect(total[0]).toBe('total');
    expect(total[7]).toBe(formatCurrency(p.platforms[1]!.totals.cash, 'USD'));
    expect(total[9]).toBe(tonnes(p.platforms[1]!.totals.co2eKg));
    expect(yearsTable(p, 1, 'amortized').columns).toContain('amortized');
    expect(yearsTable(p, 1, 'amortized').columns).not.toContain('cash');
  });

  it('totals cash, present value, hosts bought, kWh and tonnes per platform', () => {
    const t = totalsTable(readme(), 'cash');
    expect(t.columns).toEqual(['platform', 'cash', 'present value', 'hosts bought', 'kWh', 't CO2e']);
    // README: vmware 5 hosts bought, 146,359 kWh, 2,238,258.00 cash, 1,921,517.95 present value.
    expect(t.rows[0]).toEqual(['vmware', '$2,238,258', '$1,921,518', '5', '146,359', '70.4']);
    expect(totalsTable(readme(), 'amortized').rows[0]!.slice(0, 3)).toEqual(['vmware', '$2,212,658', '$1,921,518']);
  });

  it('is plain data (it crosses from the worker by structured clone)', () => {
    const v = overTimeView(readme());
    expect(JSON.parse(JSON.stringify(v))).toEqual(v);
    expect(structuredClone(v)).toEqual(v);
    expect(v.inputs).toBe('USD, 5 years, growth 10% a year; hosts purchased, life 5 years; discount rate 8%; grid 481 gCO2e/kWh');
  });
});

describe('computeOverTime', () => {
  it('projects a scenario and reports its time', () => {
    const r = computeOverTime({ ...example('windows-lob-sql'), growth: { percentPerYear: 20 } }, TODAY);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.view.platforms.length).toBeGreaterThan(1);
    expect(r.ms).toBeGreaterThan(0);
  });
  it('returns the package’s issues with their paths', () => {
    const r = computeOverTime({ ...example('vmware-to-kubernetes'), horizonYears: 8, growth: { percentPerYear: 1000 } }, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues[0]!.path).toBe('growth.percentPerYear');
      expect(r.issues[0]!.message).toMatch(/above the limit of 10,000,000 instances per workload/);
    }
    const bad = computeOverTime({ ...example('linux-microservices'), finance: { discountRatePercent: 150 } }, TODAY);
    expect(bad.ok || bad.issues.map((i) => i.path)).toEqual(['finance.discountRatePercent']);
  });
});

describe('energy and carbon as text', () => {
  it('rounds tonnes half away from zero: one decimal, two below a tonne', () => {
    expect(tonnes(money('1250'))).toBe('1.3');
    expect(tonnes(money('-1250'))).toBe('-1.3');
    expect(tonnes(money('70398.475056'))).toBe('70.4');
    expect(tonnes(money('12345678'))).toBe('12,345.7');
    expect(tonnes(money('5'))).toBe('0.01');
    expect(tonnes(money('0'))).toBe('0.00');
  });
  it('signs differences', () => {
    expect(signedTonnes(money('1250'))).toBe('+1.3');
    expect(signedTonnes(money('-4000'))).toBe('\u22124.0');
    expect(signedTonnes(money('0'))).toBe('0.00');
    expect(signedTonnes(money('-1'))).toBe('0.00');
  });
  it('writes kWh whole with separators', () => {
    expect(kWh(money('146358.576'))).toBe('146,359');
    expect(kWh(money('2501.5'))).toBe('2,502');
  });
});
