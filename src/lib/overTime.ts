/**
 * Costs over time: runs the package's `project` on a scenario and shapes the projection into what
 * the "Costs over time" section shows: per platform a year-by-year table (instances, hosts needed,
 * owned and bought for growth or as refresh, money in the cash or the amortized view, present
 * value, tonnes of CO2e), totals, a chart of money per year with its table, and one sentence.
 * Every figure is the package's; this module only picks, rounds for display and words them.
 *
 * It runs in the section's Web Worker (overTime.worker.ts): the result is plain data (strings and
 * numbers), so it crosses to the page as it is. Never imported by the page up front.
 */
import { safeProject, type Projection } from 'kernelcount';
import type { ChartData, Draft, TableData } from './calculatorModel';
import { formatCurrency, formatInt } from './format';
import { kWh, tonnes } from './overTimeFormat';

/** Which money the chart and the year tables show: cash as paid, or the accounting (amortized) view. */
export type MoneyView = 'cash' | 'amortized';
export const MONEY_VIEWS: readonly MoneyView[] = ['cash', 'amortized'];

export interface OverTimePlatform {
  name: string;
  /** Year-by-year table in each money view, with a total row. */
  years: Record<MoneyView, TableData>;
  notes: string[];
  warnings: string[];
}

export interface OverTimeView {
  currency: string;
  horizonYears: number;
  /** The inputs as read, in one line: `5 years, growth 10% a year; hosts purchased, life 5 years; discount rate 8%`. */
  inputs: string;
  /** The chart (money per year per platform) in each view; its summary is the section's sentence. */
  chart: Record<MoneyView, ChartData>;
  /** Totals over the horizon per platform, in each view. */
  totals: Record<MoneyView, TableData>;
  platforms: OverTimePlatform[];
  notes: string[];
  warnings: string[];
}

/** A problem the projection found, with the scenario path it is about (`growth.percentPerYear`). */
export interface OverTimeIssue {
  path: string;
  message: string;
}

export type OverTimeResult = { ok: true; view: OverTimeView; ms: number } | { ok: false; issues: OverTimeIssue[]; ms: number };

/** What the worker is asked: the scenario (already valid for `evaluate`) and the day for stale flags. */
export interface OverTimeRequest {
  id: number;
  scenario: Draft;
  today: string;
}
export type OverTimeResponse = OverTimeResult & { id: number };

const pct = (n: number) => `${n}%`;

/** The growth and financing as words for the sentence: `with 10% growth a year`, `and hosts leased at 6% a year`. */
function conditions(p: Projection): string {
  const g = p.growth.percentPerYear;
  const own = p.growth.workloads.filter((w) => w.own).length;
  let words = g === 0 ? (own ? 'with no scenario-wide growth' : 'with no growth') : g > 0 ? `with ${pct(g)} growth a year` : `shrinking ${pct(-g)} a year`;
  if (own) words += ` (${own === 1 ? 'one workload at its own rate' : `${own} workloads at their own rates`})`;
  if (p.finance.hardware === 'lease') words += ` and hosts leased at ${pct(p.finance.leaseRatePercent)} a year`;
  return words;
}

/** A list in words: `a`, `a and b`, `a, b and c`. */
function and(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The one sentence: what each platform costs over the horizon, in present value (cash discounted at
 * the scenario's rate; plain cash at 0%) or amortized, and which costs least.
 *
 * @example
 * // Over 5 years with 10% growth a year, vmware costs $1,921,518 in present value at 8%,
 * // k8s-bare-metal $671,882 and kata $759,303; k8s-bare-metal costs least.
 */
export function overTimeSentence(p: Projection, view: MoneyView): string {
  const cur = p.scenario.currency;
  const amount = (pl: Projection['platforms'][number]) => (view === 'amortized' ? pl.totals.amortized : pl.totals.presentValue);
  const d = p.finance.discountRatePercent;
  const how = view === 'amortized' ? 'amortized (hardware spread over its life)' : d > 0 ? `in present value at ${pct(d)}` : 'in cash (no discount rate)';
  const [first, ...rest] = p.platforms;
  if (!first) return '';
  const head = `Over ${p.scenario.horizonYears} year${p.scenario.horizonYears === 1 ? '' : 's'} ${conditions(p)}, ${first.name} costs ${formatCurrency(amount(first), cur)} ${how}`;
  if (rest.length === 0) return `${head}.`;
  const least = [...p.platforms].sort((a, b) => amount(a).comparedTo(amount(b)))[0]!;
  return `${head}, ${and(rest.map((pl) => `${pl.name} ${formatCurrency(amount(pl), cur)}`))}; ${least.name} costs least.`;
}

/** The inputs the projection used, in one line. */
function inputsLine(p: Projection): string {
  const f = p.finance;
  const hosts = f.hardware === 'lease' ? `hosts leased at ${pct(f.leaseRatePercent)} a year` : 'hosts purchased';
  return `${p.scenario.currency}, ${p.scenario.horizonYears} years, growth ${pct(p.growth.percentPerYear)} a year; ${hosts}, life ${f.hostLifeYears} years; discount rate ${pct(f.discountRatePercent)}; grid ${p.carbon.gCO2ePerKWh.toString()} gCO2e/kWh`;
}

/** Money per year per platform (the chart), with the same figures as a table and the sentence. */
export function overTimeChart(p: Projection, view: MoneyView): ChartData {
  const cur = p.scenario.currency;
  const years = Array.from({ length: p.scenario.horizonYears }, (_, i) => `year ${i + 1}`);
  const what = view === 'cash' ? 'Cash' : 'Amortized cost';
  const total = (pl: Projection['platforms'][number]) => (view === 'cash' ? pl.totals.cash : pl.totals.amortized);
  return {
    id: 'over-time',
    title: `${what} per year (${cur})`,
    summary: overTimeSentence(p, view),
    kind: 'bar',
    labels: years,
    series: p.platforms.map((pl) => ({ label: pl.name, data: pl.years.map((y) => y[view].total.toDecimalPlaces(0).toNumber()), key: pl.type })),
    x: 'year',
    y: `${cur} a year`,
    money: { currency: cur },
    table: {
      caption: `${what} per year by platform (${cur})`,
      columns: ['platform', ...years, `${p.scenario.horizonYears} years`],
      numeric: [false, ...years.map(() => true), true],
      rows: p.platforms.map((pl) => [pl.name, ...pl.years.map((y) => formatCurrency(y[view].total, cur)), formatCurrency(total(pl), cur)]),
    },
  };
}

/** One platform's years: instances, the fleet, money in the view, present value (cash), tonnes. */
export function yearsTable(p: Projection, index: number, view: MoneyView): TableData {
  const cur = p.scenario.currency;
  const pl = p.platforms[index]!;
  const money = view === 'cash' ? ['cash', 'present value'] : ['amortized'];
  const moneyCells = (y: { cash: string; pv: string; am: string }) => (view === 'cash' ? [y.cash, y.pv] : [y.am]);
  return {
    caption: `${pl.name}, year by year (${view === 'cash' ? `cash and present value at ${pct(p.finance.discountRatePercent)}` : 'amortized'}, ${cur})`,
    columns: ['year', 'instances', 'hosts needed', 'owned', 'bought for growth', 'bought as refresh', 'retired', ...money, 't CO2e'],
    numeric: [false, true, true, true, true, true, true, ...money.map(() => true), true],
    rows: [
      ...pl.years.map((y) => [
        `year ${y.year}`,
        formatInt(y.instances),
        formatInt(y.hosts.needed),
        formatInt(y.hosts.owned),
        formatInt(y.hosts.boughtForGrowth),
        formatInt(y.hosts.boughtAsRefresh),
        formatInt(y.hosts.retired),
        ...moneyCells({ cash: formatCurrency(y.cash.total, cur), pv: formatCurrency(y.presentValue, cur), am: formatCurrency(y.amortized.total, cur) }),
        tonnes(y.co2eKg),
      ]),
      [
        'total',
        '',
        '',
        '',
        formatInt(pl.totals.boughtForGrowth),
        formatInt(pl.totals.boughtAsRefresh),
        formatInt(pl.totals.retired),
        ...moneyCells({ cash: formatCurrency(pl.totals.cash, cur), pv: formatCurrency(pl.totals.presentValue, cur), am: formatCurrency(pl.totals.amortized, cur) }),
        tonnes(pl.totals.co2eKg),
      ],
    ],
  };
}

/** Totals over the horizon per platform. */
export function totalsTable(p: Projection, view: MoneyView): TableData {
  const cur = p.scenario.currency;
  const money = view === 'cash' ? ['cash', 'present value'] : ['amortized', 'present value of cash'];
  return {
    caption: `Over ${p.scenario.horizonYears} years (${cur})`,
    columns: ['platform', ...money, 'hosts bought', 'kWh', 't CO2e'],
    numeric: [false, true, true, true, true, true],
    rows: p.platforms.map((pl) => [
      pl.name,
      formatCurrency(view === 'cash' ? pl.totals.cash : pl.totals.amortized, cur),
      formatCurrency(pl.totals.presentValue, cur),
      formatInt(pl.totals.hostsBought),
      kWh(pl.totals.kWh),
      tonnes(pl.totals.co2eKg),
    ]),
  };
}

/** Everything the section shows, for both money views. */
export function overTimeView(p: Projection): OverTimeView {
  const both = <T>(f: (v: MoneyView) => T): Record<MoneyView, T> => ({ cash: f('cash'), amortized: f('amortized') });
  return {
    currency: p.scenario.currency,
    horizonYears: p.scenario.horizonYears,
    inputs: inputsLine(p),
    chart: both((v) => overTimeChart(p, v)),
    totals: both((v) => totalsTable(p, v)),
    platforms: p.platforms.map((pl, i) => ({ name: pl.name, years: both((v) => yearsTable(p, i, v)), notes: pl.notes, warnings: pl.warnings })),
    notes: p.notes.filter((n) => !p.platforms.some((pl) => pl.notes.includes(n))),
    warnings: p.warnings,
  };
}

/** Projects a scenario and shapes it; the package's issues (with their paths) when it cannot. */
export function computeOverTime(scenario: Draft, today: string): OverTimeResult {
  const start = performance.now();
  const r = safeProject(scenario, { today });
  if (!r.ok) return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path, message: i.message })), ms: performance.now() - start };
  const view = overTimeView(r.value);
  return { ok: true, view, ms: performance.now() - start };
}
