/**
 * The licensing engine: quotes one or more products for an order of hosts. For each group of
 * identical hosts it prices every option of every product the buyer allows, picks the cheapest
 * compliant one, keeps the others with the reason they lost, and finds the guest count at which the
 * runner-up would win. Order minimums are topped up as their own line so totals stay exact sums.
 */
import type { CatalogId } from '../catalog/defaults.js';
import { CatalogView } from '../catalog/tracker.js';
import { KernelcountError, type Issue } from '../errors.js';
import { ZERO, money, sumMoney, type Money } from '../money.js';
import { countHost, countOrder, metricScope, type HostUsage, type LicenceMetric, type LicenceUsage, type MetricCount } from './metrics.js';
import { PRODUCTS, type LicenceOption, type ProductCore } from './products.js';

/** Where prices come from: a catalog view (with a scenario's overrides) or anything with `get`. */
export interface PriceBook {
  get(id: CatalogId): unknown;
}

export interface QuoteOptions {
  /** Allowed options as `product` (all its options) or `product/option`; default: every option of the products quoted. */
  allow?: readonly string[];
  /** Pay the yearly assurance fee on perpetual licences where it is optional (it is always paid where required). */
  assurance?: boolean;
  /** Prices; default the catalog. */
  prices?: PriceBook;
  /** Years perpetual licences are spread over (default: the catalog's hardware amortization years). */
  amortizationYears?: number;
  /** Largest guest count searched for a break-even (default 1,000); 0 skips the search (every `breakEven` is null). */
  breakEvenSearchLimit?: number;
}

/** One priced line of a quote; `annualCost` = `quantity` x `unitPrice`. */
export interface QuoteLine {
  product: string;
  option: string;
  /** The licence itself, the yearly assurance fee on it, a vendor credit, or an order-minimum top-up. */
  kind: 'licence' | 'assurance' | 'credit' | 'minimum';
  name: string;
  quantity: Money;
  unit: string;
  /** Price per unit per year. */
  unitPrice: Money;
  annualCost: Money;
  formula: string;
  sources: string[];
  /**
   * Set on a perpetual licence (and its order-minimum top-up): the unit price spreads a one-off
   * purchase over `years` years, so one unit costs unitPrice x years once. `item` names what is
   * bought (`licence:<product>/<option>`), the same on every line that buys it.
   */
  spread?: { years: number; item: string };
}

/** One option priced for one host (or the order), or why it cannot be used. */
export interface OptionQuote {
  product: string;
  option: string;
  label: string;
  compliant: boolean;
  /** Why the option was excluded (non-compliant or not allowed). */
  reason?: string;
  /** Units per host (host-scoped) or per order. */
  count: MetricCount;
  lines: QuoteLine[];
  /** Cost per year for one host (or the order). */
  annualCost: Money;
}

export interface BreakEven {
  /** The cheaper option with few guests, and the one that becomes cheaper with more. */
  cheaperBelow: string;
  cheaperFrom: string;
  /** Smallest guest count per host at which `cheaperFrom` costs less; null when none up to the search limit. */
  guests: number | null;
  text: string;
}

export interface HostGroupQuote {
  count: number;
  oses: number;
  chosen: OptionQuote;
  /** Every other option: more expensive, not compliant, or not allowed. */
  rejected: OptionQuote[];
  breakEven: BreakEven | null;
}

export interface LicenceQuote {
  products: string[];
  hostGroups: HostGroupQuote[];
  /** Order-scoped options (per cluster-hour, per user). */
  order: { chosen: OptionQuote; rejected: OptionQuote[] } | null;
  /** All lines of the order: per-host lines multiplied by the host count, order lines, minimum top-ups. */
  lines: QuoteLine[];
  /** Sum of `lines`. */
  annualCost: Money;
  warnings: string[];
  notes: string[];
}

/** Units that already measure a year's use; other subscription units are priced per year. */
const PER_YEAR_UNITS = new Set(['cluster-hour', 'user-month']);

function optionKey(p: ProductCore, o: LicenceOption): string {
  return `${p.id}/${o.id}`;
}

function isAllowed(p: ProductCore, o: LicenceOption, allow: readonly string[] | undefined): boolean {
  if (!allow) return true;
  return allow.includes(p.id) || allow.includes(optionKey(p, o));
}

function num(book: PriceBook, id: CatalogId): Money {
  const v = book.get(id);
  return money(v as string | number);
}

interface Ctx {
  book: PriceBook;
  assurance: boolean;
  years: number;
}

/** One line: quantity x unit price, with its product, option and kind. */
function line(p: ProductCore, o: LicenceOption, kind: QuoteLine['kind'], name: string, quantity: Money, unit: string, unitPrice: Money, formula: string, sources: string[]): QuoteLine {
  return { product: p.id, option: o.id, kind, name, quantity, unit, unitPrice, annualCost: quantity.times(unitPrice), formula, sources };
}

/** Prices a count under an option's terms: the lines for one host or the order. */
function priceCount(p: ProductCore, o: LicenceOption, c: MetricCount, ctx: Ctx): QuoteLine[] {
  const t = o.terms;
  const q = money(c.units);
  const name = `${p.name}, ${o.label}`;
  if (t.kind === 'free') return [line(p, o, 'licence', name, q, c.unit, ZERO, `${c.formula}; no charge`, [])];
  const price = num(ctx.book, t.priceId);
  const perUnit = price.div(t.unitsPerPrice);
  const per = `${t.unitsPerPrice} ${c.unit}${t.unitsPerPrice === 1 ? '' : 's'}`;
  if (t.kind === 'perpetual') {
    const licence = line(p, o, 'licence', name, q, `${c.unit}-year`, perUnit.div(ctx.years), `${c.formula}; x ${price.toString()} per ${per} / ${ctx.years} years`, [t.priceId, 'hardware.amortizationYears', ...metricSources(o)]);
    licence.spread = { years: ctx.years, item: `licence:${optionKey(p, o)}` };
    const lines = [licence];
    if (t.assurance === 'required' || ctx.assurance) {
      const pct = num(ctx.book, t.assurancePercentId);
      const what = p.vendor === 'Oracle' ? 'support' : 'Software Assurance';
      const required = t.assurance === 'required' ? ', required by this option' : '';
      lines.push(
        line(p, o, 'assurance', `${p.name}, ${what} (${pct.toString()}% of the price a year${required})`, q, `${c.unit}-year`, perUnit.times(pct).div(100), `${c.units} ${c.unit}s x ${price.toString()} per ${per} x ${pct.toString()}%`, [
          t.priceId,
          t.assurancePercentId,
        ]),
      );
    }
    return lines;
  }
  const unit = t.monthly || !PER_YEAR_UNITS.has(c.unit) ? `${c.unit}-year` : c.unit;
  const lines = [
    line(p, o, 'licence', name, q, unit, t.monthly ? perUnit.times(12) : perUnit, `${c.formula}; x ${price.toString()}${t.monthly ? ' per month x 12' : ''}${t.unitsPerPrice === 1 ? '' : ` per ${t.unitsPerPrice}`}`, [t.priceId]),
  ];
  if (t.creditPerMonthId) {
    const monthly = num(ctx.book, t.creditPerMonthId);
    const gross = lines[0]!.annualCost;
    const credit = monthly.times(12);
    const applied = credit.gt(gross) ? gross : credit;
    if (applied.gt(0)) {
      lines.push(line(p, o, 'credit', `${p.name}, credit (${monthly.toString()} a month, once per order)`, money(1), 'order-year', applied.negated(), `min(12 x ${monthly.toString()}, ${gross.toString()})`, [t.creditPerMonthId]));
    }
  }
  return lines;
}

/** Catalog figures an option's count reads. */
function metricSources(o: LicenceOption): CatalogId[] {
  return o.metric.kind === 'per-processor' && o.metric.coreFactorId !== undefined ? [o.metric.coreFactorId] : [];
}

/** The option's metric with any figure it takes from the price book (Oracle's core factor) read from it. */
function metricOf(o: LicenceOption, ctx: Ctx): LicenceMetric {
  const m = o.metric;
  if (m.kind !== 'per-processor' || m.coreFactorId === undefined) return m;
  const factor = Number(ctx.book.get(m.coreFactorId));
  return factor === m.coreFactor ? m : { kind: 'per-processor', coreFactor: factor, coreFactorId: m.coreFactorId };
}

function quoteOption(p: ProductCore, o: LicenceOption, host: HostUsage | null, usage: LicenceUsage, ctx: Ctx, allow: readonly string[] | undefined): OptionQuote {
  const metric = metricOf(o, ctx);
  const count = host ? countHost(metric, host) : countOrder(metric, usage);
  const product = p.id;
  const option = o.id;
  const label = `${p.name}, ${o.label}`;
  // Whole literals, not spreads of a shared base: spreading objects of many shapes takes V8's slow
  // path, and every option of every host group is quoted (Monte Carlo quotes thousands of times).
  if (!isAllowed(p, o, allow)) return { product, option, label, count, compliant: false, reason: 'not in the allowed options', lines: [], annualCost: ZERO };
  const excluded = host ? (o.excludes?.(host) ?? null) : (o.excludesOrder?.(usage) ?? null);
  if (excluded) return { product, option, label, count, compliant: false, reason: excluded, lines: [], annualCost: ZERO };
  const lines = priceCount(p, o, count, ctx);
  return { product, option, label, count, compliant: true, lines, annualCost: sumMoney(lines.map((l) => l.annualCost)) };
}

/** Cheapest compliant first; ties keep the order the options were given in. */
function rank(quotes: OptionQuote[]): OptionQuote[] {
  const ok = quotes.filter((q) => q.compliant);
  // Array.prototype.sort is stable, so equal costs keep the order they were given in.
  ok.sort((a, b) => a.annualCost.comparedTo(b.annualCost));
  return [...ok, ...quotes.filter((q) => !q.compliant)];
}

/** The host with `n` guests, each as large as its largest guest (the break-even search varies only the count). */
function withGuests(h: HostUsage, n: number): HostUsage {
  const vcpus = h.guests && h.guests.length > 0 ? Math.max(...h.guests.map((g) => g.vcpus)) : 1;
  return { ...h, oses: n, guests: n > 0 ? [{ vcpus, count: n }] : [] };
}

/** The yearly cost of an option for a host in floating point (null when excluded): for searching only. */
function approxCost(x: { p: ProductCore; o: LicenceOption }, ctx: Ctx): (h: HostUsage) => number | null {
  const t = x.o.terms;
  let perUnit = 0;
  if (t.kind === 'perpetual') {
    const price = num(ctx.book, t.priceId).toNumber() / t.unitsPerPrice;
    const pct = t.assurance === 'required' || ctx.assurance ? num(ctx.book, t.assurancePercentId).toNumber() : 0;
    perUnit = price / ctx.years + (price * pct) / 100;
  } else if (t.kind === 'subscription') {
    perUnit = (num(ctx.book, t.priceId).toNumber() / t.unitsPerPrice) * (t.monthly ? 12 : 1);
  }
  const metric = metricOf(x.o, ctx);
  return (h) => (x.o.excludes?.(h) ? null : countHost(metric, h).units * perUnit);
}

function findBreakEven(
  a: { p: ProductCore; o: LicenceOption },
  b: { p: ProductCore; o: LicenceOption },
  host: HostUsage,
  usage: LicenceUsage,
  ctx: Ctx,
  limit: number,
): BreakEven | null {
  const cost = (x: { p: ProductCore; o: LicenceOption }, n: number): Money | null => {
    const q = quoteOption(x.p, x.o, withGuests(host, n), usage, ctx, undefined);
    return q.compliant ? q.annualCost : null;
  };
  const a0 = cost(a, 0) ?? cost(a, 1);
  const b0 = cost(b, 0) ?? cost(b, 1);
  if (!a0 || !b0) return null;
  const [low, high] = a0.lte(b0) ? [a, b] : [b, a];
  const lowName = `${low.p.name}, ${low.o.label}`;
  const highName = `${high.p.name}, ${high.o.label}`;
  // Scan in floating point, which is fast; confirm every candidate (and every near-tie) exactly.
  const approxLow = approxCost(low, ctx);
  const approxHigh = approxCost(high, ctx);
  for (let n = 1; n <= limit; n++) {
    const guests = withGuests(host, n);
    const fl = approxLow(guests);
    const fh = approxHigh(guests);
    if (fl === null || fh === null || fh > fl + 1e-6 * Math.max(1, Math.abs(fl))) continue;
    const cl = cost(low, n);
    const ch = cost(high, n);
    if (cl && ch && ch.lt(cl)) {
      return { cheaperBelow: optionKey(low.p, low.o), cheaperFrom: optionKey(high.p, high.o), guests: n, text: `${highName} is cheaper from ${n} guests per host` };
    }
  }
  return { cheaperBelow: optionKey(low.p, low.o), cheaperFrom: optionKey(high.p, high.o), guests: null, text: `${lowName} stays cheaper up to ${limit} guests per host` };
}

function resolve(products: readonly string[]): ProductCore[] {
  const issues: Issue[] = [];
  const out: ProductCore[] = [];
  products.forEach((id, i) => {
    const p = PRODUCTS[id];
    if (!p) issues.push({ code: 'unknown_value', path: `products[${i}]`, message: `unknown licence product ${JSON.stringify(id)}; known: ${Object.keys(PRODUCTS).join(', ')}` });
    else out.push(p);
  });
  if (out.length === 0 && issues.length === 0) issues.push({ code: 'required', path: 'products', message: 'name at least one licence product' });
  if (issues.length) throw new KernelcountError(issues);
  return out;
}

function validateUsage(u: LicenceUsage, needsHosts: boolean): void {
  const issues: Issue[] = [];
  const intAtLeast = (path: string, v: unknown, min: number) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) issues.push({ code: 'invalid_type', path, message: `must be a number, got ${JSON.stringify(v)}` });
    else if (!Number.isInteger(v)) issues.push({ code: 'not_integer', path, message: `must be a whole number, got ${v}` });
    else if (v < min) issues.push({ code: 'too_small', path, message: `must be at least ${min}, got ${v}` });
  };
  if (needsHosts && u.hosts.length === 0) issues.push({ code: 'required', path: 'hosts', message: 'give at least one host (sockets and cores per socket)' });
  u.hosts.forEach((h, i) => {
    intAtLeast(`hosts[${i}].count`, h.count, 1);
    intAtLeast(`hosts[${i}].sockets`, h.sockets, 1);
    intAtLeast(`hosts[${i}].coresPerSocket`, h.coresPerSocket, 1);
    intAtLeast(`hosts[${i}].oses`, h.oses, 0);
    if (h.guests) {
      let total = 0;
      h.guests.forEach((g, j) => {
        if (typeof g.vcpus !== 'number' || !Number.isFinite(g.vcpus) || g.vcpus <= 0) {
          issues.push({ code: 'too_small', path: `hosts[${i}].guests[${j}].vcpus`, message: `must be a number of vCPUs > 0, got ${JSON.stringify(g.vcpus)}` });
        }
        intAtLeast(`hosts[${i}].guests[${j}].count`, g.count, 0);
        total += g.count;
      });
      if (Number.isInteger(h.oses) && total !== h.oses) {
        issues.push({ code: 'conflict', path: `hosts[${i}].guests`, message: `guest counts add up to ${total}, but oses is ${h.oses}` });
      }
    }
  });
  if (u.clusters !== undefined) intAtLeast('clusters', u.clusters, 0);
  if (u.users !== undefined) intAtLeast('users', u.users, 0);
  if (u.hoursPerYear !== undefined && (typeof u.hoursPerYear !== 'number' || !(u.hoursPerYear >= 0 && u.hoursPerYear <= 8784))) {
    issues.push({ code: 'too_big', path: 'hoursPerYear', message: `must be between 0 and 8,784 hours, got ${JSON.stringify(u.hoursPerYear)}` });
  }
  if (issues.length) throw new KernelcountError(issues);
}

/** A per-host (or order) line and how many identical hosts it stands for (1 for order lines). */
interface Counted {
  line: QuoteLine;
  hosts: number;
}

/**
 * Merges lines of the same product, option, name and unit price into one order line; the formula
 * says how many hosts each per-host formula covers.
 */
function mergeLines(lines: readonly Counted[]): QuoteLine[] {
  // Few groups and formulas per quote: a linear search, in first-seen order, is cheaper than
  // hashing long keys and formulas (quotes run thousands of times in Monte Carlo).
  const groups: Array<{ first: QuoteLine; quantity: Money; byFormula: Array<[string, number]> }> = [];
  for (const { line: l, hosts } of lines) {
    let g = groups.find(({ first: f }) => f.product === l.product && f.option === l.option && f.name === l.name && f.unit === l.unit && f.unitPrice.eq(l.unitPrice));
    if (!g) groups.push((g = { first: l, quantity: ZERO, byFormula: [] }));
    g.quantity = g.quantity.plus(l.quantity.times(hosts));
    const same = g.byFormula.find(([f]) => f === l.formula);
    if (same) same[1] += hosts;
    else g.byFormula.push([l.formula, hosts]);
  }
  return groups.map(({ first, quantity, byFormula }) => {
    const parts = byFormula.map(([f, n]) => (n === 1 ? f : `${n} hosts x (${f})`));
    return { ...first, quantity, annualCost: quantity.times(first.unitPrice), formula: parts.join('; ') };
  });
}

/**
 * Quotes licences for an order. `products` are alternatives (e.g. Windows Server Standard and
 * Datacenter): for each host group the cheapest compliant option among them is chosen.
 *
 * @example
 * const q = quoteLicences(['windows-server-standard', 'windows-server-datacenter'],
 *   { hosts: [{ count: 1, sockets: 2, coresPerSocket: 16, oses: 12 }] }, { allow: ['windows-server-standard/per-core', 'windows-server-datacenter/per-core'] });
 * q.hostGroups[0].chosen.option //=> 'per-core' (Datacenter: 12 VMs need 6 stacks of Standard)
 * q.hostGroups[0].breakEven.guests //=> 11 at 2022 list prices
 */
export function quoteLicences(products: readonly string[], usage: LicenceUsage, options: QuoteOptions = {}): LicenceQuote {
  const ps = resolve(products);
  validateUsage(usage, ps.some((p) => p.options.some((o) => metricScope(o.metric) === 'host')));
  return quoteResolved(ps, usage, options);
}

/**
 * @internal `quoteLicences` for usage the package built itself from a validated scenario (what
 * `evaluate` and Monte Carlo quote): the usage is not checked again, so the evaluate path neither
 * carries nor runs the checks a caller's own usage needs.
 */
export function quoteBuilt(products: readonly string[], usage: LicenceUsage, options: QuoteOptions = {}): LicenceQuote {
  return quoteResolved(resolve(products), usage, options);
}

function quoteResolved(ps: ProductCore[], usage: LicenceUsage, options: QuoteOptions): LicenceQuote {
  const book = options.prices ?? new CatalogView();
  const years = options.amortizationYears ?? (book.get('hardware.amortizationYears') as number);
  const ctx: Ctx = { book, assurance: options.assurance ?? false, years };
  // Plain loops rather than flatMap, which is slow in V8 (quotes run thousands of times in Monte Carlo).
  const hostOptions: Array<{ p: ProductCore; o: LicenceOption }> = [];
  const orderOptions: Array<{ p: ProductCore; o: LicenceOption }> = [];
  for (const p of ps) for (const o of p.options) (metricScope(o.metric) === 'host' ? hostOptions : orderOptions).push({ p, o });
  const limit = options.breakEvenSearchLimit ?? 1000;
  const breakEvens = new Map<string, BreakEven | null>();
  const hostGroups: HostGroupQuote[] = [];
  const lines: Counted[] = [];
  const warnings = ps.flatMap((p) => p.warnings?.(usage) ?? []);
  const notes: string[] = [];
  if (hostOptions.length > 0) {
    usage.hosts.forEach((h, i) => {
      const ranked = rank(hostOptions.map(({ p, o }) => quoteOption(p, o, h, usage, ctx, options.allow)));
      const chosen = ranked[0]!;
      if (!chosen.compliant) {
        throw new KernelcountError([
          {
            code: 'conflict',
            path: `hosts[${i}]`,
            message: `no allowed option can license this host: ${ranked.map((r) => `${r.product}/${r.option}: ${r.reason}`).join('; ')}`,
          },
        ]);
      }
      const runnerUp = ranked.slice(1).find((r) => r.compliant);
      let breakEven: BreakEven | null = null;
      if (runnerUp && limit > 0) {
        // The break-even depends on the host's shape and the pair of options, not on its guest
        // count, so host groups of one shape share it.
        const pair = [chosen, runnerUp].map((q) => `${q.product}/${q.option}`).sort().join('|');
        const vcpus = h.guests && h.guests.length > 0 ? Math.max(...h.guests.map((g) => g.vcpus)) : 1;
        const key = `${pair}|${h.sockets}|${h.coresPerSocket}|${vcpus}|${h.bareMetal ? 1 : 0}`;
        if (!breakEvens.has(key)) {
          const find = (q: OptionQuote) => hostOptions.find(({ p, o }) => p.id === q.product && o.id === q.option)!;
          breakEvens.set(key, findBreakEven(find(chosen), find(runnerUp), h, usage, ctx, limit));
        }
        breakEven = breakEvens.get(key)!;
      }
      hostGroups.push({ count: h.count, oses: h.oses, chosen, rejected: ranked.slice(1), breakEven });
      lines.push(...chosen.lines.map((l) => ({ line: l, hosts: h.count })));
    });
  }
  let order: LicenceQuote['order'] = null;
  if (orderOptions.length > 0) {
    const ranked = rank(orderOptions.map(({ p, o }) => quoteOption(p, o, null, usage, ctx, options.allow)));
    const chosen = ranked[0]!;
    if (!chosen.compliant) {
      throw new KernelcountError([{ code: 'conflict', path: 'products', message: `no allowed option applies: ${ranked.map((r) => `${r.product}/${r.option}: ${r.reason}`).join('; ')}` }]);
    }
    order = { chosen, rejected: ranked.slice(1) };
    lines.push(...chosen.lines.map((l) => ({ line: l, hosts: 1 })));
  }
  // Order minimums: top the order up to the minimum at the chosen option's own unit price.
  const merged = mergeLines(lines);
  for (const p of ps) {
    if (!p.orderMinimumUnits) continue;
    const own = merged.filter((l) => l.product === p.id && l.kind === 'licence');
    const units = sumMoney(own.map((l) => l.quantity));
    if (own.length > 0 && units.lt(p.orderMinimumUnits)) {
      const first = own[0]!;
      const topUp = money(p.orderMinimumUnits).minus(units);
      merged.push({
        ...first,
        kind: 'minimum',
        name: `${p.name}, order minimum (${p.orderMinimumUnits} ${first.unit.replace(/-year$/, '')}s)`,
        quantity: topUp,
        annualCost: topUp.times(first.unitPrice),
        formula: `${p.orderMinimumUnits} minimum - ${units.toString()} counted = ${topUp.toString()}`,
      });
      notes.push(`${p.name}: ${units.toString()} ${first.unit.replace(/-year$/, '')}s counted, billed as the ${p.orderMinimumUnits} order minimum`);
    }
    if (p.entitlements && own.length > 0) notes.push(`${p.name} also entitles ${p.entitlements}`);
  }
  return {
    products: ps.map((p) => p.id),
    hostGroups,
    order,
    lines: merged,
    annualCost: sumMoney(merged.map((l) => l.annualCost)),
    warnings,
    notes,
  };
}
