/**
 * A projection (costs over time, `project`) as a table, JSON, CSV or Markdown. Money is rounded
 * only here, for display, in the scenario's currency (Intl, `options.locale`); JSON and CSV keep
 * every amount as an exact decimal string.
 */
import { formatMoneyGrouped, type Money } from '../money.js';
import type { PlatformProjection, Projection, ProjectionYear } from '../time/project.js';
import { csvRows, mdCell, mdTable, pad } from './cells.js';
import { reportMoney, type ReportOptions } from './currency.js';

export type ProjectionFormat = 'table' | 'json' | 'csv' | 'md';
export const PROJECTION_FORMATS: readonly ProjectionFormat[] = ['table', 'json', 'csv', 'md'];

type Fmt = (m: Money) => string;
const count = (n: number) => n.toLocaleString('en-US');
/** kg as tonnes with one decimal. */
const tonnes = (kg: Money) => formatMoneyGrouped(kg.div(1000), 1);

function growthText(p: Projection): string {
  const own = p.growth.workloads.filter((w) => w.own).map((w) => `${w.workload} ${w.percentPerYear}%`);
  return `growth ${p.growth.percentPerYear}% a year${own.length ? ` (${own.join(', ')})` : ''}`;
}

function financeText(p: Projection, money: Fmt): string {
  const f = p.finance;
  const hw =
    f.hardware === 'purchase'
      ? `hosts purchased`
      : `hosts leased at ${f.leaseRatePercent}% (${f.leasePaymentPerHost!.map((l) => `${money(l.payment)} a year per ${l.host}`).join(', ')})`;
  return `${hw}, life ${f.hostLifeYears} years; discount rate ${f.discountRatePercent}%`;
}

function heading(p: Projection, money: Fmt): string {
  return `${p.scenario.currency}, ${p.scenario.horizonYears} years, ${growthText(p)}; ${financeText(p, money)}; grid ${p.carbon.gCO2ePerKWh.toString()} gCO2e/kWh`;
}

const YEAR_HEADER = ['year', 'instances', 'hosts needed', 'owned', 'bought', 'refreshed', 'amortized', 'cash', 'present value', 't CO2e'];

function yearRow(y: ProjectionYear, money: Fmt): string[] {
  const h = y.hosts;
  return [String(y.year), count(y.instances), count(h.needed), count(h.owned), count(h.bought), count(h.boughtAsRefresh), money(y.amortized.total), money(y.cash.total), money(y.presentValue), tonnes(y.co2eKg)];
}

function totalRow(pl: PlatformProjection, money: Fmt): string[] {
  const t = pl.totals;
  return ['total', '', '', '', count(t.hostsBought), count(t.boughtAsRefresh), money(t.amortized), money(t.cash), money(t.presentValue), tonnes(t.co2eKg)];
}

function platformRows(pl: PlatformProjection, money: Fmt): string[][] {
  return [YEAR_HEADER, ...pl.years.map((y) => yearRow(y, money)), totalRow(pl, money)];
}

function summaryRows(p: Projection, money: Fmt): string[][] {
  return [
    [`over ${p.scenario.horizonYears} years`, 'hosts bought', 'kWh', 't CO2e', 'amortized', 'cash', 'present value'],
    ...p.platforms.map((pl) => [pl.name, count(pl.totals.hostsBought), formatMoneyGrouped(pl.totals.kWh, 0), tonnes(pl.totals.co2eKg), money(pl.totals.amortized), money(pl.totals.cash), money(pl.totals.presentValue)]),
  ];
}

const LEGEND = [
  'amortized: hardware at price / life per owned host and perpetual licences spread over their years, as evaluate prices them.',
  'cash: hosts paid the year they are bought (or leased), perpetual licences the year they are first needed, the rest yearly.',
  'present value: each year\'s cash discounted as paid at the start of the year.',
  't CO2e: the year\'s electricity (PUE included) x the grid\'s carbon intensity; embodied carbon of the hardware is not counted.',
];

/** Plain-text report: per platform a row per year and the totals, then every platform's totals. */
export function formatProjectionTable(p: Projection, options: ReportOptions = {}): string {
  const money = reportMoney(p.scenario.currency, options.locale).whole;
  const out: string[] = [];
  out.push(`kernelcount project: ${p.scenario.name}`);
  out.push(heading(p, reportMoney(p.scenario.currency, options.locale).amount));
  for (const pl of p.platforms) {
    out.push('');
    out.push(`${pl.name} (${pl.type}, host ${pl.host})`);
    out.push(pad(platformRows(pl, money), { indent: '  ' }));
    for (const w of pl.warnings) out.push(`  warning: ${w}`);
  }
  out.push('');
  out.push(pad(summaryRows(p, money)));
  out.push('');
  out.push(...LEGEND);
  for (const n of p.notes) out.push(`note: ${n}`);
  return out.join('\n') + '\n';
}

/** The projection as JSON: money and kWh as exact decimal strings, counts as numbers. */
export function formatProjectionJson(p: Projection): string {
  return JSON.stringify(p, null, 2) + '\n';
}

export const PROJECTION_CSV_HEADER = [
  'platform',
  'year',
  'instances',
  'vms',
  'hostsNeeded',
  'hostsOwned',
  'hostsBought',
  'boughtForGrowth',
  'boughtAsRefresh',
  'hostsRetired',
  'hostsIdle',
  'kWh',
  'co2eKg',
  'amortized',
  'cash',
  'discountFactor',
  'presentValue',
  'currency',
] as const;

/** One row per platform and year, then a `total` row per platform; exact decimals. */
export function formatProjectionCsv(p: Projection): string {
  const rows: string[][] = [[...PROJECTION_CSV_HEADER]];
  const cur = p.scenario.currency;
  for (const pl of p.platforms) {
    for (const y of pl.years) {
      const h = y.hosts;
      rows.push([
        pl.name,
        String(y.year),
        String(y.instances),
        String(y.vms),
        String(h.needed),
        String(h.owned),
        String(h.bought),
        String(h.boughtForGrowth),
        String(h.boughtAsRefresh),
        String(h.retired),
        String(h.idle),
        y.kWh.toString(),
        y.co2eKg.toString(),
        y.amortized.total.toString(),
        y.cash.total.toString(),
        y.discountFactor.toString(),
        y.presentValue.toString(),
        cur,
      ]);
    }
    const t = pl.totals;
    rows.push([
      pl.name,
      'total',
      '',
      '',
      '',
      '',
      String(t.hostsBought),
      String(t.boughtForGrowth),
      String(t.boughtAsRefresh),
      String(t.retired),
      '',
      t.kWh.toString(),
      t.co2eKg.toString(),
      t.amortized.toString(),
      t.cash.toString(),
      '',
      t.presentValue.toString(),
      cur,
    ]);
  }
  return csvRows(rows);
}

/** A Markdown report with the same tables as the plain-text one. */
export function formatProjectionMarkdown(p: Projection, options: ReportOptions = {}): string {
  const f = reportMoney(p.scenario.currency, options.locale);
  const money = f.whole;
  const out: string[] = [];
  out.push(`# Costs over time: ${mdCell(p.scenario.name)}`);
  out.push('');
  out.push(`${mdCell(heading(p, f.amount))}.`);
  for (const pl of p.platforms) {
    out.push('');
    out.push(`## ${mdCell(pl.name)} (${pl.type}, host ${mdCell(pl.host)})`);
    out.push('');
    out.push(mdTable(platformRows(pl, money)));
    for (const w of pl.warnings) out.push('', `> **Warning:** ${mdCell(w)}`);
  }
  out.push('');
  out.push('## Totals');
  out.push('');
  out.push(mdTable(summaryRows(p, money)));
  out.push('');
  for (const l of LEGEND) out.push(`- ${mdCell(l)}`);
  for (const n of p.notes) out.push(`- Note: ${mdCell(n)}`);
  return out.join('\n') + '\n';
}

/**
 * Renders a projection in one of the formats.
 *
 * @example
 * formatProjection(project(scenario), 'csv').split('\n')[0] //=> 'platform,year,instances,vms,hostsNeeded,...'
 */
export function formatProjection(p: Projection, format: ProjectionFormat, options: ReportOptions = {}): string {
  switch (format) {
    case 'table':
      return formatProjectionTable(p, options);
    case 'json':
      return formatProjectionJson(p);
    case 'csv':
      return formatProjectionCsv(p);
    case 'md':
      return formatProjectionMarkdown(p, options);
  }
}
