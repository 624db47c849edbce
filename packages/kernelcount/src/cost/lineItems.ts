import type { CatalogView } from '../catalog/tracker.js';
import { ZERO, money, sumMoney, type Money } from '../money.js';
import { HOURS_PER_YEAR } from '../licensing/metrics.js';
import { licenceDrafts, type LicenceDecision, type LicenceDraftOptions, type LicenceDrafts } from './licences.js';
import type { PlatformSizing } from '../platforms/size.js';
import type { Scenario } from '../scenario/types.js';

export type Category = 'hardware' | 'power' | 'facilities' | 'licences' | 'control-plane' | 'labour';
export const CATEGORIES: readonly Category[] = ['hardware', 'power', 'facilities', 'licences', 'control-plane', 'labour'];

/** One priced line: quantity x unit price per year, with what made it and from which inputs. */
export interface LineItem {
  platform: string;
  category: Category;
  /** The component that made the line (stable id). */
  component: string;
  /** Stable name; the variable part in brackets. */
  name: string;
  /** Quantity per year, in `unit`. */
  quantity: Money;
  unit: string;
  /** Price per unit per year. */
  unitPrice: Money;
  /** quantity x unitPrice. */
  annualCost: Money;
  /** Cost in each year of the horizon. */
  yearly: Money[];
  /** Sum of `yearly`. */
  total: Money;
  formula: string;
  /** Catalog ids of the defaults (or overrides) used. */
  sources: string[];
  /**
   * Set on a line whose unit price spreads a one-off purchase evenly over `years` years: the
   * hardware line (`item` = `host:<host name>`) and perpetual licences (`licence:<product>/<option>`).
   * One unit of `quantity` is bought once for unitPrice x years. Absent on yearly costs
   * (subscriptions, support and assurance, power, facilities, labour).
   */
  spread?: { years: number; item: string };
}

/**
 * Where pricing reads catalog figures: a `CatalogView` (which also records what was used), or any
 * reader that returns the same values.
 */
export type CatalogReader = Pick<CatalogView, 'get'>;

interface Draft {
  category: Category;
  component: string;
  name: string;
  quantity: Money;
  unit: string;
  unitPrice: Money;
  formula: string;
  sources: string[];
  spread?: LineItem['spread'];
}

/**
 * `amount` added `times` times from zero (what summing the years gives). When every partial sum is
 * exact it is `amount x times`, one multiplication instead of `times` additions: `amount` is m x 10^q
 * with m of at most 38 digits, so k x m < 100 x 10^38 fits the 40 digits Money keeps for every
 * k <= 99, and neither the additions nor the product round. Otherwise the additions themselves.
 */
export function repeatedSum(amount: Money, times: number): Money {
  if (times <= 99 && amount.sd() <= 38) return amount.times(times);
  let total = ZERO;
  for (let i = 0; i < times; i++) total = total.plus(amount);
  return total;
}

function finish(platform: string, years: number, d: Draft): LineItem {
  const annualCost = d.quantity.times(d.unitPrice);
  // fill rather than Array.from with a map function: the same array, built several times faster.
  const yearly = new Array<Money>(years).fill(annualCost);
  const { category, component, name, quantity, unit, unitPrice, formula, sources } = d;
  // Spelled out rather than spread (the spread is slow here); the keys keep the order they always had.
  const li: LineItem = { platform, category, component, name, quantity, unit, unitPrice, formula, sources, annualCost, yearly, total: repeatedSum(annualCost, years) };
  if (d.spread) li.spread = d.spread;
  return li;
}

function fmtN(m: Money): string {
  return m.toDecimalPlaces(4).toString();
}

function hardware(s: PlatformSizing, cat: CatalogReader): Draft[] {
  const years = cat.get('hardware.amortizationYears');
  const supportPct = cat.get('hardware.supportPercentPerYear');
  const hosts = money(s.hosts);
  const perYear = s.host.price.div(years);
  const out: Draft[] = [
    {
      category: 'hardware',
      component: 'hardware',
      name: `Hardware (${s.host.name}, amortized over ${years} years)`,
      quantity: hosts,
      unit: 'host-year',
      unitPrice: perYear,
      formula: `${s.hosts} hosts x ${s.host.price.toString()} / ${years} years`,
      sources: ['hardware.amortizationYears'],
      spread: { years, item: `host:${s.host.name}` },
    },
  ];
  if (supportPct > 0) {
    out.push({
      category: 'hardware',
      component: 'hardware-support',
      name: `Hardware support (${supportPct}% of price per year)`,
      quantity: hosts,
      unit: 'host-year',
      unitPrice: s.host.price.times(supportPct).div(100),
      formula: `${s.hosts} hosts x ${s.host.price.toString()} x ${supportPct}%`,
      sources: ['hardware.supportPercentPerYear'],
    });
  }
  return out;
}

/** What a sized platform's hosts draw from the grid in a year, as the power line item counts it. */
export interface EnergyUse {
  /** Average draw of one host: idle + (maximum - idle) x average load, in W. */
  wattsPerHost: Money;
  /** Average load between idle and maximum (0..1) and the PUE used. */
  load: Money;
  pue: Money;
  /** kWh a year of one host: W x 8760 h x PUE / 1000. */
  kWhPerHost: Money;
  /** kWh a year of all the platform's hosts, spares included. */
  kWhPerYear: Money;
  /** Catalog ids read (PUE, load, and host power where the host leaves it out). */
  sources: string[];
}

/**
 * kWh a year drawn by a sized platform's hosts, PUE included: the quantity of its electricity line.
 *
 * @example
 * // 1 host of 200 W idle, 700 W maximum, at 0.5 load and PUE 1.5:
 * // (200 + 500 x 0.5) W x 8760 h x 1.5 / 1000 = 5913 kWh
 * energyUse(sizing, catalog).kWhPerYear.toString() //=> '5913'
 */
export function energyUse(s: PlatformSizing, cat: CatalogReader): EnergyUse {
  const pue = money(cat.get('power.pue'));
  const load = money(cat.get('power.averageLoad'));
  const wattsPerHost = money(s.host.powerIdleW).plus(money(s.host.powerMaxW - s.host.powerIdleW).times(load));
  const kWhPerHost = wattsPerHost.times(HOURS_PER_YEAR).times(pue).div(1000);
  const sources = ['power.pue', 'power.averageLoad'];
  for (const id of s.host.defaults) if (id.startsWith('host.power')) sources.push(id);
  return { wattsPerHost, load, pue, kWhPerHost, kWhPerYear: kWhPerHost.times(s.hosts), sources };
}

function power(s: PlatformSizing, cat: CatalogReader): Draft[] {
  const e = energyUse(s, cat);
  const price = money(cat.get('power.pricePerKWh'));
  const sources = ['power.pue', 'power.averageLoad', 'power.pricePerKWh', ...e.sources.slice(2)];
  return [
    {
      category: 'power',
      component: 'power',
      name: `Electricity (PUE ${e.pue.toString()})`,
      quantity: e.kWhPerYear,
      unit: 'kWh',
      unitPrice: price,
      formula: `${s.hosts} hosts x (${s.host.powerIdleW} W + (${s.host.powerMaxW} - ${s.host.powerIdleW}) W x ${e.load.toString()} load) = ${fmtN(e.wattsPerHost)} W x 8760 h x ${e.pue.toString()} PUE / 1000`,
      sources,
    },
  ];
}

/** What a platform's electricity emits at a grid's carbon intensity, over a year and the horizon. */
export interface CarbonUse {
  kWhPerYear: Money;
  kWhOverHorizon: Money;
  /** Grid carbon intensity used, gCO2e per kWh. */
  gCO2ePerKWh: Money;
  /** kWh x g / 1000. */
  co2eKgPerYear: Money;
  co2eKgOverHorizon: Money;
  formula: string;
}

/**
 * CO2e of a platform's electricity: kWh a year x grid gCO2e/kWh / 1000 = kg a year, and both over
 * `years`. Exact; nothing is rounded. Only the electricity the hosts draw (PUE included) is counted.
 *
 * @example
 * carbonOf(energyUse(sizing, catalog), money(481), 5).co2eKgPerYear.toString() //=> '2844.153' (5913 kWh x 481 g / 1000)
 */
export function carbonOf(e: Pick<EnergyUse, 'kWhPerYear'>, gCO2ePerKWh: Money, years: number): CarbonUse {
  const co2eKgPerYear = e.kWhPerYear.times(gCO2ePerKWh).div(1000);
  const kWh = fmtN(e.kWhPerYear);
  return {
    kWhPerYear: e.kWhPerYear,
    kWhOverHorizon: e.kWhPerYear.times(years),
    gCO2ePerKWh,
    co2eKgPerYear,
    co2eKgOverHorizon: co2eKgPerYear.times(years),
    formula: `${kWh} kWh a year x ${gCO2ePerKWh.toString()} gCO2e/kWh / 1000 = ${fmtN(co2eKgPerYear)} kg CO2e a year; x ${years} years = ${fmtN(co2eKgPerYear.times(years))} kg`,
  };
}

function facilities(s: PlatformSizing, cat: CatalogReader): Draft[] {
  const perKwMonth = money(cat.get('facilities.colocationPerKWMonth'));
  const kw = money(s.host.powerMaxW).div(1000);
  return [
    {
      category: 'facilities',
      component: 'colocation',
      name: 'Colocation (per kW of host maximum power)',
      quantity: kw.times(s.hosts).times(12),
      unit: 'kW-month',
      unitPrice: perKwMonth,
      formula: `${s.hosts} hosts x ${s.host.powerMaxW} W / 1000 x 12 months`,
      sources: ['facilities.colocationPerKWMonth', ...s.host.defaults.filter((id) => id === 'host.powerMaxW')],
    },
  ];
}

/** Flat per-instance licences the scenario prices itself (`{ name, pricePerInstanceYear }`). */
function flatLicences(s: PlatformSizing, scenario: Scenario): Draft[] {
  const workloads = new Map(scenario.workloads.map((w) => [w.name, w]));
  const flat = new Map<string, { count: number; price: Money }>();
  for (const pool of s.pools) {
    for (const wp of pool.workloads) {
      const w = workloads.get(wp.workload);
      if (!w) continue;
      for (const l of w.licences) {
        if (l.kind !== 'flat') continue;
        const key = `${l.name}\u0000${l.pricePerInstanceYear.toString()}`;
        const cur = flat.get(key) ?? { count: 0, price: l.pricePerInstanceYear };
        cur.count += wp.instances;
        flat.set(key, cur);
      }
    }
  }
  const out: Draft[] = [];
  for (const [key, { count, price }] of flat) {
    const name = key.split('\u0000')[0]!;
    out.push({
      category: 'licences',
      component: 'instance-licence',
      name: `Licence (${name}, per instance)`,
      quantity: money(count),
      unit: 'instance-year',
      unitPrice: price,
      formula: `${count} instances x ${price.toString()} per year`,
      sources: [],
    });
  }
  return out;
}

function labour(s: PlatformSizing, cat: CatalogReader): Draft[] {
  const perPhysical = money(cat.get('labour.physicalServersPerAdmin'));
  const perOs = money(cat.get('labour.osInstancesPerAdmin'));
  const cost = money(cat.get('labour.costPerAdminYear'));
  const out: Draft[] = [
    {
      category: 'labour',
      component: 'labour-hosts',
      name: 'Operations (physical hosts)',
      quantity: money(s.hosts).div(perPhysical),
      unit: 'admin-year',
      unitPrice: cost,
      formula: `${s.hosts} hosts / ${perPhysical.toString()} servers per admin`,
      sources: ['labour.physicalServersPerAdmin', 'labour.costPerAdminYear'],
    },
  ];
  if (s.vms > 0) {
    out.push({
      category: 'labour',
      component: 'labour-os',
      name: `Operations (${s.platform.type === 'vm' ? 'VM' : 'node VM'} OS instances)`,
      quantity: money(s.vms).div(perOs),
      unit: 'admin-year',
      unitPrice: cost,
      formula: `${s.vms} OS instances / ${perOs.toString()} per admin`,
      sources: ['labour.osInstancesPerAdmin', 'labour.costPerAdminYear'],
    });
  }
  return out;
}

export interface PricingOptions extends LicenceDraftOptions {
  /** The platform's licence drafts when already worked out for this sizing and these prices. */
  licences?: LicenceDrafts;
}

/**
 * Prices a sized platform: every cost as a line item per year over the horizon. Hardware and
 * perpetual licences are spread evenly over the amortization period; subscriptions, power,
 * facilities and labour are yearly.
 */
export function priceSizing(
  s: PlatformSizing,
  scenario: Scenario,
  cat: CatalogReader,
  notes: string[],
  warnings: string[] = [],
  decisions: LicenceDecision[] = [],
  options: PricingOptions = {},
): LineItem[] {
  const lic = options.licences ?? licenceDrafts(s, scenario, cat, options);
  decisions.push(...lic.decisions);
  notes.push(...lic.notes.map((n) => (n.startsWith(`${s.platform.name}:`) ? n : `${s.platform.name}: ${n}`)));
  warnings.push(...lic.warnings);
  const drafts: Draft[] = [...hardware(s, cat), ...power(s, cat), ...facilities(s, cat), ...lic.drafts, ...flatLicences(s, scenario), ...labour(s, cat)];
  return drafts.map((d) => finish(s.platform.name, scenario.horizonYears, d)).filter((li) => !li.quantity.isZero() || li.category === 'hardware');
}

/** kWh a year of a platform's priced lines: the quantity of its electricity line (none when no power is drawn). */
export function kWhOf(lines: readonly LineItem[]): Money {
  return sumMoney(lines.filter((li) => li.category === 'power' && li.unit === 'kWh').map((li) => li.quantity));
}

/** Sum of line items by category (over the whole horizon). */
export function byCategory(items: readonly LineItem[]): Record<Category, Money> {
  const out = Object.fromEntries(CATEGORIES.map((c) => [c, ZERO])) as Record<Category, Money>;
  for (const li of items) out[li.category] = out[li.category].plus(li.total);
  return out;
}

