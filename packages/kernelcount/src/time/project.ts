/**
 * Costs over time: the scenario's estate year by year as its workloads grow (or shrink), with the
 * host fleet bought, refreshed at end of life and kept while paid for, priced two ways: the
 * accounting view (hardware and perpetual licences spread over their years, as `evaluate` does)
 * and the cash view (paid when bought, or leased), with the present value of the cash.
 *
 * Every year is sized and priced by the package's own model (`sizePlatform`, `priceSizing`); a
 * year with the same instances as another reuses its sizing, so a scenario without growth sizes
 * once. Only the hardware lines (owned hosts instead of needed ones) and, in the cash view, the
 * purchases differ from what `priceSizing` gives.
 */
import { atCheapestHostCount } from '../cost/hostCount.js';
import { carbonOf, kWhOf, type LineItem } from '../cost/lineItems.js';
import { KernelcountError, isKernelcountError, type Issue } from '../errors.js';
import { tooLargeIssue, type SafeResult } from '../evaluate.js';
import { ZERO, money, sumMoney, type Money } from '../money.js';
import { sizePlatform, TooLargeForHostError, type PlatformSizing } from '../platforms/size.js';
import { Reader } from '../scenario/reader.js';
import { HARDWARE_FINANCING, type HardwareFinancing, type PlatformType, type Scenario } from '../scenario/types.js';
import { LIMITS, parseScenarioWithCatalog, readGrowthPercent, readRatePercent, type ParseOptions } from '../scenario/validate.js';
import { discountDivisor, levelPayment, presentValue } from './finance.js';
import { planFleet, type FleetYear } from './fleet.js';
import { grownInstances } from './growth.js';

export type { FleetYear } from './fleet.js';

/** Inputs that replace the scenario's `growth:` and `finance:` figures (the command line's flags). */
export interface ProjectOptions extends ParseOptions {
  /** Replaces `growth.percentPerYear`; workloads with their own `growthPercentPerYear` keep it. */
  growthPercentPerYear?: number;
  /** Replaces `finance.discountRatePercent`. */
  discountRatePercent?: number;
  /** Replaces `finance.hardware`. */
  hardware?: HardwareFinancing;
  /** Replaces `finance.leaseRatePercent`. */
  leaseRatePercent?: number;
}

/** One view of a year's costs: line items (each `yearly` holds this year's cost only) and their sum. */
export interface YearCosts {
  /**
   * The year's line items in the `LineItem` shape, `annualCost` = `total` = `yearly[0]` = this
   * year's cost = quantity x unitPrice. In the cash view a purchase has the unit bought (`host`,
   * `core`, ...) and the whole price per unit.
   */
  lines: LineItem[];
  /** Sum of the lines' costs, exactly. */
  total: Money;
}

/** One year of one platform. */
export interface ProjectionYear {
  /** 1 for the first year of the horizon. */
  year: number;
  /** Instances of every workload on the platform this year. */
  instances: number;
  /** VMs or node VMs this year (0 on bare metal). */
  vms: number;
  /** The host fleet: needed, owned, bought (for growth, as refresh), retired, idle. */
  hosts: FleetYear;
  /**
   * Accounting view: hardware at price / life per owned host, support per owned host, everything
   * else as the year's sizing prices it (perpetual licences spread over the amortization years).
   */
  amortized: YearCosts;
  /**
   * Cash view: hosts paid in full the year they are bought (or a level lease payment per owned
   * host), perpetual licences paid in full the year a unit is first needed, everything else yearly.
   */
  cash: YearCosts;
  /** 1 / (1 + d)^(year - 1), rounded to Money's 40 digits: for display; `presentValue` divides exactly. */
  discountFactor: Money;
  /** `cash.total` / (1 + d)^(year - 1): the year's cash as if paid today (paid at the start of the year). */
  presentValue: Money;
  /** Electricity this year in kWh (the power line's quantity, PUE included; idle hosts draw none). */
  kWh: Money;
  /** kWh x the grid's gCO2e/kWh / 1000: the year's electricity in kg CO2e (exact). */
  co2eKg: Money;
}

/** The horizon's sums; each is exactly the sum of the years'. */
export interface ProjectionTotals {
  cash: Money;
  amortized: Money;
  presentValue: Money;
  kWh: Money;
  co2eKg: Money;
  /** Hosts bought over the horizon, year-1 fleet and refreshes included. */
  hostsBought: number;
  /** Of those, bought because the estate grew (the year-1 fleet counts here) and bought to replace retired hosts. */
  boughtForGrowth: number;
  boughtAsRefresh: number;
  /** Hosts retired at the end of their life over the horizon. */
  retired: number;
}

export interface PlatformProjection {
  name: string;
  type: PlatformType;
  host: string;
  years: ProjectionYear[];
  totals: ProjectionTotals;
  /** Things to know about this platform's projection (e.g. a licence option that changed over the years). */
  notes: string[];
  /** Warnings the pricing gave in any year (e.g. Oracle soft partitioning), each once. */
  warnings: string[];
}

/** A workload's growth as used: its rate and its instances each year. */
export interface WorkloadGrowth {
  workload: string;
  percentPerYear: number;
  /** Whether the rate is the workload's own `growthPercentPerYear` rather than the scenario's. */
  own: boolean;
  /** Instances in each year of the horizon. */
  instances: number[];
}

/** The result of `project`. */
export interface Projection {
  scenario: { name: string; currency: string; horizonYears: number; baseline: string };
  growth: { percentPerYear: number; workloads: WorkloadGrowth[] };
  finance: {
    discountRatePercent: number;
    hardware: HardwareFinancing;
    leaseRatePercent: number;
    /** Host life: the hardware amortization years (`hardware.amortizationYears`). */
    hostLifeYears: number;
    /** The yearly lease payment per host (null when hardware is purchased). */
    leasePaymentPerHost: Array<{ host: string; payment: Money }> | null;
  };
  /** The grid carbon intensity the CO2e figures use (catalog `carbon.gridIntensity`, as `evaluate` reads it). */
  carbon: { gCO2ePerKWh: Money };
  platforms: PlatformProjection[];
  /** Things to know: about the inputs as read (a lease rate that purchase does not use), then every platform's notes. */
  notes: string[];
  warnings: string[];
}

function readOptions(options: ProjectOptions): { growth?: number; finance: Partial<Scenario['finance']> } {
  const r = new Reader();
  const out: { growth?: number; finance: Partial<Scenario['finance']> } = { finance: {} };
  if (options.growthPercentPerYear !== undefined) {
    const g = readGrowthPercent(r, options.growthPercentPerYear, 'options.growthPercentPerYear');
    if (g !== undefined) out.growth = g;
  }
  for (const k of ['discountRatePercent', 'leaseRatePercent'] as const) {
    if (options[k] === undefined) continue;
    const v = readRatePercent(r, options[k], `options.${k}`);
    if (v !== undefined) out.finance[k] = v;
  }
  if (options.hardware !== undefined) {
    const h = r.oneOf(options.hardware, 'options.hardware', HARDWARE_FINANCING);
    if (h !== undefined) out.finance.hardware = h;
  }
  if (r.issues.length) throw new KernelcountError(r.issues);
  return out;
}

/** The growth each workload takes, and its instances year by year; refuses counts past the limit. */
function workloadGrowth(scenario: Scenario, percentPerYear: number, fromOption: boolean): WorkloadGrowth[] {
  const issues: Issue[] = [];
  const out = scenario.workloads.map((w, i) => {
    const own = w.growthPercentPerYear !== null;
    const rate = w.growthPercentPerYear ?? percentPerYear;
    const instances: number[] = [];
    for (let y = 1; y <= scenario.horizonYears; y++) {
      const n = grownInstances(w.instances, rate, y);
      if (n.gt(LIMITS.instancesPerWorkload)) {
        const path = own ? `workloads[${i}].growthPercentPerYear` : fromOption ? 'options.growthPercentPerYear' : 'growth.percentPerYear';
        issues.push({
          code: 'too_big',
          path,
          message: `at ${rate}% a year workload ${JSON.stringify(w.name)} grows to ${n.toFixed(0)} instances in year ${y}, above the limit of ${LIMITS.instancesPerWorkload.toLocaleString('en-US')} instances per workload; lower the rate or the horizon`,
        });
        break;
      }
      instances.push(n.toNumber());
    }
    return { workload: w.name, percentPerYear: rate, own, instances };
  });
  if (issues.length) throw new KernelcountError(issues);
  return out;
}

/** One sizing of the scenario for one instance count per workload: every platform sized and priced. */
interface SizedYear {
  sizings: PlatformSizing[];
  lines: LineItem[][];
  warnings: string[][];
}

function sizeYear(scenario: Scenario, catalog: Parameters<typeof sizePlatform>[2], counts: readonly number[], year: number): SizedYear {
  const s: Scenario = { ...scenario, workloads: scenario.workloads.map((w, i) => (w.instances === counts[i] ? w : { ...w, instances: counts[i]! })) };
  const issues: Issue[] = [];
  const out: SizedYear = { sizings: [], lines: [], warnings: [] };
  for (const p of s.platforms) {
    let sizing: PlatformSizing;
    try {
      sizing = sizePlatform(p, s, catalog);
    } catch (e) {
      if (e instanceof TooLargeForHostError) {
        const issue = tooLargeIssue(e, s);
        issues.push({ ...issue, message: `in year ${year}: ${issue.message}` });
        continue;
      }
      throw e;
    }
    // Priced at the host count evaluate would choose (hosts added where they save licences); the
    // break-even search feeds notes only, never a cost: skipped here.
    const choice = atCheapestHostCount(sizing, s, catalog, { breakEvenSearchLimit: 0 });
    out.lines.push(choice.priced.items);
    out.sizings.push(choice.sizing);
    out.warnings.push(choice.priced.warnings);
  }
  if (issues.length) throw new KernelcountError(issues);
  return out;
}

/** A line of one year: the given line with a new quantity, unit, unit price and formula. */
function yearLine(li: LineItem, quantity: Money, unit: string, unitPrice: Money, formula: string): LineItem {
  const cost = quantity.times(unitPrice);
  const { platform, category, component, name, sources } = li;
  return { platform, category, component, name, quantity, unit, unitPrice, formula, sources, annualCost: cost, yearly: [cost], total: cost };
}

/** The same line as priced for one year (its quantity and unit price unchanged). */
function asYear(li: LineItem): LineItem {
  const out = yearLine(li, li.quantity, li.unit, li.unitPrice, li.formula);
  if (li.spread) out.spread = li.spread;
  return out;
}

function isHostPurchase(li: LineItem): boolean {
  return li.spread !== undefined && li.spread.item.startsWith('host:');
}

function isLicencePurchase(li: LineItem): boolean {
  return li.spread !== undefined && li.spread.item.startsWith('licence:');
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function costs(lines: LineItem[]): YearCosts {
  return { lines, total: sumMoney(lines.map((l) => l.annualCost)) };
}

/** The accounting view of a year: hardware lines per owned host, the rest as priced. */
function amortizedYear(lines: readonly LineItem[], fleet: FleetYear): LineItem[] {
  return lines.map((li) => {
    if (isHostPurchase(li)) {
      const out = yearLine(li, money(fleet.owned), li.unit, li.unitPrice, `${plural(fleet.owned, 'host')} owned x ${li.unitPrice.toString()} (price / ${li.spread!.years} years)`);
      out.spread = li.spread!;
      return out;
    }
    if (li.component === 'hardware-support') {
      return yearLine(li, money(fleet.owned), li.unit, li.unitPrice, `${plural(fleet.owned, 'host')} owned x ${li.unitPrice.toString()}`);
    }
    return asYear(li);
  });
}

interface CashContext {
  hardware: HardwareFinancing;
  price: Money;
  leasePayment: Money | null;
  /** Highest count of each perpetual licence bought so far, by `spread.item`, with its component. */
  held: Map<string, Money>;
  components: Map<string, string>;
  /** Notes of the platform, added to as purchases are made. */
  notes: string[];
}

const itemName = (item: string) => item.replace(/^licence:/, '');

/** The cash view of a year: hosts bought or leased, perpetual licences bought once, the rest yearly. */
function cashYear(lines: readonly LineItem[], fleet: FleetYear, ctx: CashContext): LineItem[] {
  // Perpetual licences: this year's count of each, over every line that buys it.
  const counts = new Map<string, Money>();
  for (const li of lines) if (isLicencePurchase(li)) counts.set(li.spread!.item, (counts.get(li.spread!.item) ?? ZERO).plus(li.quantity));
  const bought = new Set<string>();
  const out: LineItem[] = [];
  for (const li of lines) {
    if (isHostPurchase(li)) {
      if (ctx.hardware === 'purchase') {
        const what = fleet.year === 1 ? 'the initial fleet' : `${fleet.boughtForGrowth} for growth, ${fleet.boughtAsRefresh} to replace retired hosts`;
        out.push(yearLine(li, money(fleet.bought), 'host', ctx.price, `${plural(fleet.bought, 'host')} bought (${what}) x ${ctx.price.toString()}`));
      } else {
        const formula = `${plural(fleet.owned, 'host')} leased x ${ctx.leasePayment!.toString()} a year (level payment over ${li.spread!.years} years)`;
        out.push(yearLine(li, money(fleet.owned), 'host-year', ctx.leasePayment!, formula));
      }
      continue;
    }
    if (li.component === 'hardware-support') {
      out.push(yearLine(li, money(fleet.owned), li.unit, li.unitPrice, `${plural(fleet.owned, 'host')} owned x ${li.unitPrice.toString()}`));
      continue;
    }
    if (isLicencePurchase(li)) {
      const item = li.spread!.item;
      if (bought.has(item)) continue; // one purchase line per licence, however many lines count it
      bought.add(item);
      const need = counts.get(item)!;
      const held = ctx.held.get(item) ?? ZERO;
      const buy = need.gt(held) ? need.minus(held) : ZERO;
      if (need.gt(held)) ctx.held.set(item, need);
      if (buy.isZero()) continue;
      if (held.isZero() && fleet.year > 1) {
        // The cheapest option changed (e.g. Datacenter to Standard as the estate shrinks): licences
        // of the other option bought earlier are not reused for this one.
        const others = [...ctx.components].filter(([other, c]) => other !== item && c === li.component).map(([other]) => itemName(other));
        if (others.length) {
          ctx.notes.push(
            `${li.platform}: year ${fleet.year} buys ${itemName(item)}, now the cheapest option, although ${others.join(' and ')} licences were bought before; the cash view does not count one licence for another (choose one option on the platform, e.g. windowsLicensing: datacenter, to keep it)`,
          );
        }
      }
      ctx.components.set(item, li.component);
      const unit = li.unit.replace(/-year$/, '');
      const full = li.unitPrice.times(li.spread!.years);
      const formula = `${buy.toString()} ${unit}s bought (${need.toString()} needed, ${held.toString()} held before) x ${full.toString()} (${li.unitPrice.toString()} a year x ${li.spread!.years} years)`;
      out.push(yearLine(li, buy, unit, full, formula));
      continue;
    }
    out.push(asYear(li));
  }
  return out;
}

/**
 * Projects a scenario year by year: its workloads grow by `growth.percentPerYear` (or their own
 * `growthPercentPerYear`) compounded and rounded up to whole instances, each year is sized and
 * priced by the package's model, hosts are bought by cohort and refreshed at the end of their life
 * (the hardware amortization years), and each year is given two ways: amortized (accounting, as
 * `evaluate` spreads hardware and perpetual licences) and cash (purchases when made, or a lease),
 * with the cash's present value at `finance.discountRatePercent`, discounted as paid at the start
 * of each year. Options replace the scenario's `growth:` and `finance:` figures. Throws a
 * KernelcountError listing every problem with its path (`options.*` for a bad option), including a
 * workload that cannot fit a host in some year (with the year) or grows past the instance limit.
 *
 * Without growth, with purchased hosts and a horizon no longer than the host life, the amortized
 * total of each platform equals its `evaluate` TCO exactly.
 *
 * @example
 * const p = project({
 *   hosts: [{ name: 'r760', sockets: 2, coresPerSocket: 32, memoryGiB: 1024, diskGiB: 7680, price: 38000 }],
 *   workloads: [{ name: 'api', instances: 40, vcpus: 0.5, memoryGiB: 1 }],
 *   growth: { percentPerYear: 10 },
 *   finance: { discountRatePercent: 8 },
 * });
 * p.growth.workloads[0].instances //=> [40, 44, 49, 54, 59] (44.0, 48.4, 53.24, 58.564 rounded up)
 * p.platforms[0].years.map((y) => y.hosts.bought) //=> [2, 0, 0, 0, 0] (vm: two hosts hold all five years)
 * p.platforms[0].totals.presentValue.toFixed(2) //=> '402578.58' (the cash of 5 years discounted at 8%)
 */
export function project(input: unknown, options: ProjectOptions = {}): Projection {
  const parseOptions: ParseOptions = options.today === undefined ? {} : { today: options.today };
  // Every problem at once: the scenario's and the options'.
  let parsed: ReturnType<typeof parseScenarioWithCatalog> | undefined;
  let o: ReturnType<typeof readOptions> | undefined;
  const issues: Issue[] = [];
  try {
    o = readOptions(options);
  } catch (e) {
    if (!isKernelcountError(e)) throw e;
    issues.push(...e.issues);
  }
  try {
    parsed = parseScenarioWithCatalog(input, parseOptions);
  } catch (e) {
    if (!isKernelcountError(e)) throw e;
    issues.push(...e.issues);
  }
  if (!parsed || !o) throw new KernelcountError(issues);
  const { scenario, catalog } = parsed;
  const growthRate = o.growth ?? scenario.growth.percentPerYear;
  const finance = { ...scenario.finance, ...o.finance };
  const life = catalog.get('hardware.amortizationYears');
  const grid = money(catalog.get('carbon.gridIntensity'));
  const years = scenario.horizonYears;
  const workloads = workloadGrowth(scenario, growthRate, o.growth !== undefined);

  // Size each distinct set of instance counts once.
  const sized = new Map<string, SizedYear>();
  const perYear: SizedYear[] = [];
  for (let y = 1; y <= years; y++) {
    const counts = workloads.map((w) => w.instances[y - 1]!);
    const key = counts.join(',');
    let s = sized.get(key);
    if (!s) sized.set(key, (s = sizeYear(scenario, catalog, counts, y)));
    perYear.push(s);
  }

  const notes: string[] = [];
  if (finance.hardware === 'purchase' && finance.leaseRatePercent > 0) {
    notes.push(`finance.leaseRatePercent (${finance.leaseRatePercent}%) is not used: hardware is purchased (set finance.hardware: lease to lease it)`);
  }
  const leases = new Map<string, Money>();
  const platforms: PlatformProjection[] = scenario.platforms.map((p, k) => {
    const first = perYear[0]!.sizings[k]!;
    const price = first.host.price;
    const leasePayment = finance.hardware === 'lease' ? levelPayment(price, finance.leaseRatePercent, life) : null;
    if (leasePayment) leases.set(first.host.name, leasePayment);
    const fleet = planFleet(
      perYear.map((s) => s.sizings[k]!.hosts),
      life,
    );
    const platformNotes: string[] = [];
    const ctx: CashContext = { hardware: finance.hardware, price, leasePayment, held: new Map(), components: new Map(), notes: platformNotes };
    const out: ProjectionYear[] = perYear.map((s, i) => {
      const year = i + 1;
      const sizing = s.sizings[k]!;
      const lines = s.lines[k]!;
      const cash = costs(cashYear(lines, fleet[i]!, ctx));
      const divisor = discountDivisor(finance.discountRatePercent, year);
      const kWh = kWhOf(lines);
      return {
        year,
        instances: sizing.instances,
        vms: sizing.vms,
        hosts: fleet[i]!,
        amortized: costs(amortizedYear(lines, fleet[i]!)),
        cash,
        discountFactor: money(1).div(divisor),
        presentValue: presentValue(cash.total, finance.discountRatePercent, year),
        kWh,
        co2eKg: carbonOf({ kWhPerYear: kWh }, grid, 1).co2eKgPerYear,
      };
    });
    const warnings = [...new Set(perYear.flatMap((s) => s.warnings[k]!))];
    return {
      name: p.name,
      type: p.type,
      host: first.host.name,
      years: out,
      notes: platformNotes,
      totals: {
        cash: sumMoney(out.map((y) => y.cash.total)),
        amortized: sumMoney(out.map((y) => y.amortized.total)),
        presentValue: sumMoney(out.map((y) => y.presentValue)),
        kWh: sumMoney(out.map((y) => y.kWh)),
        co2eKg: sumMoney(out.map((y) => y.co2eKg)),
        hostsBought: out.reduce((a, y) => a + y.hosts.bought, 0),
        boughtForGrowth: out.reduce((a, y) => a + y.hosts.boughtForGrowth, 0),
        boughtAsRefresh: out.reduce((a, y) => a + y.hosts.boughtAsRefresh, 0),
        retired: out.reduce((a, y) => a + y.hosts.retired, 0),
      },
      warnings,
    };
  });
  return {
    scenario: { name: scenario.name, currency: scenario.currency, horizonYears: years, baseline: scenario.baseline },
    growth: { percentPerYear: growthRate, workloads },
    finance: {
      discountRatePercent: finance.discountRatePercent,
      hardware: finance.hardware,
      leaseRatePercent: finance.leaseRatePercent,
      hostLifeYears: life,
      leasePaymentPerHost: finance.hardware === 'lease' ? [...leases].map(([host, payment]) => ({ host, payment })) : null,
    },
    carbon: { gCO2ePerKWh: grid },
    platforms,
    notes: [...notes, ...platforms.flatMap((p) => p.notes)],
    warnings: [...new Set(platforms.flatMap((p) => p.warnings))],
  };
}

/**
 * Like `project`, but never throws for bad input: `{ ok: true, value }` or `{ ok: false, error }`
 * where `error.issues` lists every problem with its path and code.
 *
 * @example
 * const r = safeProject(scenario, { discountRatePercent: 150 });
 * r.ok || r.error.issues[0].path //=> 'options.discountRatePercent' (options first, then the scenario's issues)
 */
export function safeProject(input: unknown, options: ProjectOptions = {}): SafeResult<Projection> {
  try {
    return { ok: true, value: project(input, options) };
  } catch (e) {
    if (isKernelcountError(e)) return { ok: false, error: e };
    throw e;
  }
}
