/**
 * `kernelcount license <product>`: what one licensed product costs for a group of identical hosts
 * (or for an order of clusters or users), priced by the licensing engine (src/licensing/engine.ts):
 * the cheapest compliant option with every line's formula filled in, the options it beat and why,
 * the other products of its family with their cost, and the guest count at which the answer flips.
 * Its flags and JSON keys are a public contract: add, never rename.
 */
import { type CatalogId } from '../catalog/defaults.js';
import { CATALOG } from '../catalog/catalog.js';
import { describeAssumption } from '../catalog/describe.js';
import { CatalogView, versionNames } from '../catalog/tracker.js';
import type { CatalogEntry, Source, Trust } from '../catalog/types.js';
import type { Issue } from '../errors.js';
import { describeValue, isKernelcountError } from '../errors.js';
import { quoteLicences, type BreakEven, type LicenceQuote, type QuoteLine, type QuoteOptions } from '../licensing/engine.js';
import { metricScope, physicalCoreLicensing, type HostUsage, type LicenceUsage } from '../licensing/metrics.js';
import { LICENCE_PRODUCT_IDS, type LicenceOption, type LicenceProduct } from '../licensing/products.js';
import { LICENCE_PRODUCTS, productFamily } from '../licensing/productText.js';
import { formatMoneyGrouped, money, sumMoney, type Money } from '../money.js';
import { LIMITS } from '../scenario/validate.js';
import { fail, isIssue, parseArgs, readFormat, type CliResult } from './args.js';
import { parseInteger, strayWordIssue, type Quantity } from './units.js';

const HOST_FLAGS = ['sockets', 'cores-per-socket', 'hosts', 'vms', 'vcpus-per-vm'] as const;
const CLUSTER_FLAGS = ['clusters', 'hours'] as const;
const USER_FLAGS = ['users', 'employees', 'revenue'] as const;
const VALUED = [...HOST_FLAGS, 'allow', 'price', 'price-version', 'years', ...CLUSTER_FLAGS, ...USER_FLAGS, 'format'] as const;
const BOOLEAN = ['help', 'per-vm', 'bare-metal', 'software-assurance'] as const;

/** Bounds of the command line's counts and amounts. */
export const LICENSE_LIMITS = {
  hosts: 1_000_000,
  vmsPerHost: 100_000,
  vcpusPerVm: 4096,
  clusters: 100_000,
  hoursPerYear: 8784, // 366 x 24
  users: 10_000_000,
  employees: 10_000_000,
  revenue: 1e15,
  price: 1e12,
  years: LIMITS.horizonYears,
} as const;

/** How a product is counted: per host, per cluster-hour, or per user. */
type ProductScope = 'host' | 'cluster' | 'user';

function scopeOf(p: LicenceProduct): ProductScope {
  if (p.options.some((o) => metricScope(o.metric) === 'host')) return 'host';
  return p.options.some((o) => o.metric.kind === 'per-cluster-hour') ? 'cluster' : 'user';
}

function productsOfScope(scope: ProductScope): string[] {
  return LICENCE_PRODUCT_IDS.filter((id) => scopeOf(LICENCE_PRODUCTS[id]!) === scope);
}

function productLine(id: string): string {
  const p = LICENCE_PRODUCTS[id]!;
  return `  ${id.padEnd(28)}${p.name}; options: ${p.options.map((o) => o.id).join(', ')}`;
}

function helpText(): string {
  return `Usage: kernelcount license <product> [options]

What one licensed product costs: the cheapest compliant way to license it (the option) with each
line's formula filled in, the options it beat and why, the other products of its family and what
they would cost, and the number of VMs per host at which the cheaper one changes.

Licensed per host (need --sockets and --cores-per-socket):
${productsOfScope('host').map(productLine).join('\n')}

Billed per cluster-hour (--clusters, --hours):
${productsOfScope('cluster').map(productLine).join('\n')}

Billed per user (--users):
${productsOfScope('user').map(productLine).join('\n')}

Host options:
  --sockets N                   processors per host (whole number >= 1)
  --cores-per-socket N          physical cores per processor (whole number >= 1)
  --hosts N                     identical hosts (default 1)
  --vms N                       guests per host that run the product: VMs, node VMs, or with
                                --bare-metal for Windows Server, Hyper-V isolated containers (default 0)
  --vcpus-per-vm N              vCPUs of each guest (default 1; fractions allowed, per-core
                                licences count whole virtual cores)
  --bare-metal                  the product runs on the physical host itself
  --per-vm                      only the product's per-vm option (Windows Server Standard, SQL Server)
  --allow OPTION[,OPTION...]    only these options of the product (ids above), e.g. per-core,payg
  --software-assurance          pay Software Assurance (Oracle: support) on perpetual licences
                                where it is optional; it is always paid where an option requires it

Order options:
  --clusters N                  clusters (default 1)
  --hours N                     hours a year each cluster runs (default 8760)
  --users N                     named users (required for Docker)
  --employees N --revenue AMOUNT  the organisation's size, both together: Docker Personal is free
                                only under 250 employees and under 10,000,000 a year

Prices and output:
  --price AMOUNT                the product's list price, replacing the catalog's (a decimal >= 0,
                                kept exact), in the catalog entry's unit: per 16 cores (Windows
                                Server), per 2-core pack (SQL Server), per processor (Oracle), per
                                unit-year (subscriptions), per cluster-hour, per user-month. It sets
                                the price entry of the first allowed option; narrow with --allow to
                                price another (Windows Server pay-as-you-go, OpenShift bare metal)
  --price-version NAME          a named version of that price entry (e.g. 2025 for Windows Server);
                                other products of the family use their version of the same name
  --years N                     years perpetual licences are spread over and the total covers
                                (default: the catalog's hardware.amortizationYears)
  --format table|json           output format (default table); in JSON quantities are numbers and
                                money is an exact decimal string
  -h, --help                    this help

Examples:
  kernelcount license windows-server-standard --sockets 2 --cores-per-socket 8 --vms 12
  kernelcount license sql-server-enterprise --sockets 2 --cores-per-socket 16 --vms 19 --vcpus-per-vm 4
  kernelcount license vvf --sockets 1 --cores-per-socket 8 --price 135 --format json
  kernelcount license eks --clusters 3
  kernelcount license docker-team --users 25 --employees 400 --revenue 50000000
`;
}

export const LICENSE_HELP = helpText();
const HINT = 'Run  kernelcount license --help  for the products and options.\n';

/** A money amount in a JSON report: an exact decimal string. */
type MoneyText = string;

export interface LicenseLineReport {
  /** The licence itself, the yearly assurance fee on it, a vendor credit, or an order-minimum top-up. */
  kind: QuoteLine['kind'];
  name: string;
  quantity: number;
  unit: string;
  /** Price per unit per year. */
  unitPrice: MoneyText;
  annualCost: MoneyText;
  formula: string;
  sources: string[];
}

export interface LicenseBreakEvenReport {
  /** `product/option` cheaper with few guests, and the one cheaper from `guestsPerHost` on. */
  cheaperBelow: string;
  cheaperFrom: string;
  /** Smallest number of guests per host at which `cheaperFrom` costs less; null when none up to 1,000. */
  guestsPerHost: number | null;
  text: string;
}

/** The quote as `license --format json` prints it; quantities are JSON numbers, money exact decimal strings. */
export interface LicenseReport {
  product: string;
  name: string;
  vendor: string;
  usage: {
    scope: ProductScope;
    hosts: number | null;
    sockets: number | null;
    coresPerSocket: number | null;
    vmsPerHost: number | null;
    vcpusPerVm: number | null;
    bareMetal: boolean | null;
    clusters: number | null;
    hoursPerYear: number | null;
    users: number | null;
    employees: number | null;
    annualRevenue: MoneyText | null;
  };
  /** The option ids quoted (all of the product's unless --allow or --per-vm narrowed them). */
  allowed: string[];
  softwareAssurance: boolean;
  /** The price entry --price and --price-version act on; null for a free product. */
  price: { id: string; value: MoneyText; version: string | null; from: 'catalog' | '--price' | '--price-version' } | null;
  chosen: {
    option: string;
    label: string;
    /** Units one host needs (host-licensed products), null otherwise. */
    unitsPerHost: number | null;
    /** Units counted for the whole order, before any order minimum. */
    units: number;
    /** Units billed, with the order-minimum top-up. */
    billedUnits: number;
    unit: string;
    /** Core licences billed, when the unit is a core; null otherwise. */
    coreLicenses: number | null;
    /** Full licensings of each host (per-physical-core options; Windows Server Standard stacks them), null otherwise. */
    licensingsPerHost: number | null;
    lines: LicenseLineReport[];
  };
  /** The product's other options: compliant ones with their whole-order cost, others with the reason. */
  rejected: Array<{ option: string; label: string; compliant: boolean; reason: string | null; annualCost: MoneyText | null }>;
  /** The other products of the family, each at its cheapest compliant option. */
  alternatives: Array<{
    product: string;
    name: string;
    compliant: boolean;
    option: string | null;
    label: string | null;
    reason: string | null;
    annualCost: MoneyText | null;
    /** The alternative's cost per year minus the chosen one's: negative when the alternative is cheaper. */
    differencePerYear: MoneyText | null;
    cheaper: boolean;
  }>;
  /** Between the chosen option and the cheapest alternative's option (host-licensed products). */
  breakEven: LicenseBreakEvenReport | null;
  /** Between the chosen option and the runner-up among the product's own options. */
  optionBreakEven: LicenseBreakEvenReport | null;
  cost: { perYear: MoneyText; years: number; total: MoneyText };
  rule: string;
  source: Source;
  asOf: string;
  /** Every catalog figure the quote of the product read, with its version and whether --price replaced it. */
  catalog: Array<{ id: string; label: string; value: unknown; unit: string; version: string | null; overridden: boolean; source: Source; asOf: string | null; trust: Trust }>;
  warnings: string[];
  notes: string[];
}

/** A plain non-negative decimal: digits with an optional fraction; no sign, no exponent. */
const DECIMAL_RE = /^(\d+(?:\.\d+)?|\.\d+)$/;

/**
 * Reads a non-negative decimal (`--price`, `--revenue`, `--vcpus-per-vm`) and keeps its text exact.
 *
 * @example
 * parseDecimal('--price', '1069.50', { what: 'a price', positive: false, max: 1e12 }) //=> { value: '1069.50' }
 */
export function parseDecimal(flag: string, raw: string | true | undefined, opts: { what: string; positive: boolean; max: number }): { value: string } | Issue {
  const bound = opts.positive ? '> 0' : '>= 0';
  if (raw === undefined) return { code: 'required', path: flag, message: `is required (${opts.what}, ${bound})` };
  if (raw === true) return { code: 'invalid_type', path: flag, message: `needs a value (${opts.what}, ${bound})` };
  const text = raw.trim();
  if (!DECIMAL_RE.test(text)) {
    if (text.startsWith('-') && DECIMAL_RE.test(text.slice(1).trim())) return { code: 'too_small', path: flag, message: `must be ${bound}, got ${describeValue(text)}` };
    return { code: 'invalid_type', path: flag, message: `must be ${opts.what}: a decimal number ${bound} such as 12 or 0.5, without sign or exponent; got ${describeValue(text)}` };
  }
  const d = money(text);
  if (opts.positive && d.isZero()) return { code: 'too_small', path: flag, message: `must be ${bound}, got ${describeValue(text)}` };
  if (d.greaterThan(opts.max)) return { code: 'too_big', path: flag, message: `must be at most ${opts.max}, got ${describeValue(text)}` };
  return { value: text };
}

function collect(issues: Issue[], q: Quantity | Issue): number | undefined {
  if (isIssue(q)) {
    issues.push(q);
    return undefined;
  }
  return q.value;
}

/** A count flag; `required` rewrites the message to say why the flag is needed. */
function count(issues: Issue[], flags: Map<string, string | true>, name: string, opts: { min: number; max: number; what: string; fallback?: number; requiredFor?: string }): number | undefined {
  const raw = flags.get(name);
  if (raw === undefined && opts.fallback !== undefined) return opts.fallback;
  const q = parseInteger(`--${name}`, raw, opts);
  if (isIssue(q) && q.code === 'required' && opts.requiredFor) q.message = `is required for ${opts.requiredFor} (a whole number of ${opts.what})`;
  return collect(issues, q);
}

/** The engine's paths (`hosts[0].sockets`) as the flags that set them (`--sockets`). */
const ENGINE_PATHS: ReadonlyArray<[RegExp, string]> = [
  [/^hosts\[\d+\]\.count$/, '--hosts'],
  [/^hosts\[\d+\]\.sockets$/, '--sockets'],
  [/^hosts\[\d+\]\.coresPerSocket$/, '--cores-per-socket'],
  [/^hosts\[\d+\]\.oses$/, '--vms'],
  [/^hosts\[\d+\]\.guests\[\d+\]\.vcpus$/, '--vcpus-per-vm'],
  [/^hosts\[\d+\]\.guests(\[\d+\]\.count)?$/, '--vms'],
  [/^hosts$/, '--sockets'],
  [/^clusters$/, '--clusters'],
  [/^hoursPerYear$/, '--hours'],
  [/^users$/, '--users'],
  [/^products(\[\d+\])?$/, 'product'],
];

function optionKey(p: LicenceProduct, o: LicenceOption): string {
  return `${p.id}/${o.id}`;
}

function priceIdOf(o: LicenceOption): CatalogId | null {
  return o.terms.kind === 'free' ? null : o.terms.priceId;
}

function lineReport(l: QuoteLine): LicenseLineReport {
  return {
    kind: l.kind,
    name: l.name,
    quantity: l.quantity.toNumber(),
    unit: l.unit,
    unitPrice: l.unitPrice.toString(),
    annualCost: l.annualCost.toString(),
    formula: l.formula,
    sources: l.sources,
  };
}

function breakEvenReport(b: BreakEven | null, guestWord: string): LicenseBreakEvenReport | null {
  if (!b) return null;
  const name = (key: string) => {
    const [pid, oid] = key.split('/') as [string, string];
    const p = LICENCE_PRODUCTS[pid]!;
    const o = p.options.find((x) => x.id === oid)!;
    return `${p.name}, ${o.label} (${key})`;
  };
  const text =
    b.guests === null
      ? `${name(b.cheaperBelow)} stays cheaper up to ${BREAK_EVEN_LIMIT} ${guestWord} per host`
      : `${name(b.cheaperFrom)} costs less from ${b.guests} ${guestWord} per host; below that, ${name(b.cheaperBelow)}`;
  return { cheaperBelow: b.cheaperBelow, cheaperFrom: b.cheaperFrom, guestsPerHost: b.guests, text };
}

/** The option a quote chose (host group or order). */
function chosenOf(q: LicenceQuote) {
  return q.hostGroups[0]?.chosen ?? q.order!.chosen;
}

type Flags = Map<string, string | true>;

/** The product named on the command line, or the issues with it. */
function readProduct(positional: readonly string[]): LicenceProduct | Issue[] {
  const issues: Issue[] = [];
  const [id, ...extra] = positional;
  let product: LicenceProduct | undefined;
  if (id === undefined) issues.push({ code: 'required', path: 'product', message: `give a product: ${LICENCE_PRODUCT_IDS.join(', ')}` });
  else if (!Object.hasOwn(LICENCE_PRODUCTS, id)) {
    issues.push({ code: 'unknown_value', path: 'product', message: `unknown product ${describeValue(id)}; products: ${LICENCE_PRODUCT_IDS.join(', ')}` });
  } else product = LICENCE_PRODUCTS[id]!;
  if (extra.length) issues.push(strayWordIssue('product', extra, 'product'));
  return product && issues.length === 0 ? product : issues;
}

const SCOPE_FLAGS: Record<ProductScope, readonly string[]> = { host: [...HOST_FLAGS, 'bare-metal', 'per-vm'], cluster: CLUSTER_FLAGS, user: USER_FLAGS };
const SCOPE_PRODUCTS: Record<ProductScope, string> = { host: 'products licensed per host', cluster: 'products billed per cluster-hour', user: 'products billed per user (Docker)' };
const SCOPE_VERB: Record<ProductScope, string> = { host: 'is licensed per host', cluster: 'is billed per cluster-hour', user: 'is billed per user' };

/** Flags that belong to another kind of product: `--sockets` on `eks`, `--users` on `rhel`. */
function scopeConflicts(flags: Flags, product: LicenceProduct): Issue[] {
  const scope = scopeOf(product);
  const issues: Issue[] = [];
  for (const s of ['host', 'cluster', 'user'] as const) {
    if (s === scope) continue;
    for (const f of SCOPE_FLAGS[s]) {
      if (flags.has(f)) issues.push({ code: 'conflict', path: `--${f}`, message: `applies to ${SCOPE_PRODUCTS[s]} only; ${product.id} ${SCOPE_VERB[scope]}` });
    }
  }
  return issues;
}

interface UsageRead {
  usage: LicenceUsage;
  /** The one group of identical hosts (host-licensed products). */
  host: HostUsage | null;
  report: LicenseReport['usage'];
}

/** The usage the flags describe: hosts and guests, clusters, or users; undefined when a flag is wrong. */
function readUsage(flags: Flags, product: LicenceProduct, issues: Issue[], notes: string[]): UsageRead | undefined {
  const scope = scopeOf(product);
  const pid = product.id;
  const report: LicenseReport['usage'] = {
    scope,
    hosts: null,
    sockets: null,
    coresPerSocket: null,
    vmsPerHost: null,
    vcpusPerVm: null,
    bareMetal: null,
    clusters: null,
    hoursPerYear: null,
    users: null,
    employees: null,
    annualRevenue: null,
  };
  const before = issues.length;
  if (scope === 'host') {
    const perHost = `${pid}, which is licensed per host`;
    const sockets = count(issues, flags, 'sockets', { min: 1, max: LIMITS.sockets, what: 'sockets', requiredFor: perHost });
    const coresPerSocket = count(issues, flags, 'cores-per-socket', { min: 1, max: LIMITS.coresPerSocket, what: 'cores per socket', requiredFor: perHost });
    const hosts = count(issues, flags, 'hosts', { min: 1, max: LICENSE_LIMITS.hosts, what: 'hosts', fallback: 1 });
    const vms = count(issues, flags, 'vms', { min: 0, max: LICENSE_LIMITS.vmsPerHost, what: 'VMs per host', fallback: 0 });
    let vcpus: number | undefined = 1;
    if (flags.has('vcpus-per-vm')) {
      const v = parseDecimal('--vcpus-per-vm', flags.get('vcpus-per-vm'), { what: 'vCPUs per VM', positive: true, max: LICENSE_LIMITS.vcpusPerVm });
      vcpus = isIssue(v) ? (issues.push(v), undefined) : Number(v.value);
    }
    const bareMetal = flags.has('bare-metal');
    if (sockets === undefined || coresPerSocket === undefined || hosts === undefined || vms === undefined || vcpus === undefined) return undefined;
    const host: HostUsage = { count: hosts, sockets, coresPerSocket, oses: vms, guests: vms ? [{ vcpus, count: vms }] : [], bareMetal };
    Object.assign(report, { hosts, sockets, coresPerSocket, vmsPerHost: vms, vcpusPerVm: vcpus, bareMetal });
    if (vms === 0 && flags.has('vcpus-per-vm')) notes.push(`--vcpus-per-vm ${vcpus} has no effect without guests (--vms 0)`);
    if (vms > 0 && !Number.isInteger(vcpus)) notes.push(`--vcpus-per-vm ${vcpus}: per-core licences count whole virtual cores, ${Math.ceil(vcpus)} per VM before any minimum`);
    if (bareMetal && vms > 0 && product.family === 'windows-server') {
      notes.push(`--bare-metal with --vms ${vms}: Windows Server runs on the host and the ${vms} guests per host are Hyper-V isolated containers (each an OSE); process-isolated containers need no extra licence`);
    }
    return { usage: { hosts: [host] }, host, report };
  }
  if (scope === 'cluster') {
    const clusters = count(issues, flags, 'clusters', { min: 0, max: LICENSE_LIMITS.clusters, what: 'clusters', fallback: 1 });
    const hours = count(issues, flags, 'hours', { min: 0, max: LICENSE_LIMITS.hoursPerYear, what: 'hours a year', fallback: 8760 });
    if (clusters === undefined || hours === undefined) return undefined;
    Object.assign(report, { clusters, hoursPerYear: hours });
    return { usage: { hosts: [], clusters, hoursPerYear: hours }, host: null, report };
  }
  const users = count(issues, flags, 'users', { min: 0, max: LICENSE_LIMITS.users, what: 'users', requiredFor: `${pid}, which is billed per user` });
  // The organisation's size decides Docker Personal eligibility: both figures or neither.
  let organisation: { employees: number; revenue: string } | undefined;
  if (flags.has('employees') || flags.has('revenue')) {
    const why = '(both decide Docker Personal eligibility)';
    const employees = flags.has('employees')
      ? count(issues, flags, 'employees', { min: 0, max: LICENSE_LIMITS.employees, what: 'employees' })
      : (issues.push({ code: 'required', path: '--employees', message: `is required with --revenue ${why}` }), undefined);
    const r = flags.has('revenue')
      ? parseDecimal('--revenue', flags.get('revenue'), { what: 'yearly revenue', positive: false, max: LICENSE_LIMITS.revenue })
      : ({ code: 'required', path: '--revenue', message: `is required with --employees ${why}` } satisfies Issue);
    if (isIssue(r)) issues.push(r);
    else if (employees !== undefined) organisation = { employees, revenue: r.value };
  }
  if (users === undefined || issues.length > before) return undefined;
  const usage: LicenceUsage = { hosts: [], users };
  report.users = users;
  if (organisation) {
    usage.organisation = { employees: organisation.employees, annualRevenue: Number(organisation.revenue) };
    report.employees = organisation.employees;
    report.annualRevenue = organisation.revenue;
  }
  return { usage, host: null, report };
}

/** The option ids to quote: all of the product's, or `--per-vm`, or those `--allow` names. */
function readAllowed(flags: Flags, product: LicenceProduct, issues: Issue[]): string[] {
  const pid = product.id;
  const all = product.options.map((o) => o.id);
  const list = all.join(', ');
  if (flags.has('per-vm') && flags.has('allow')) {
    issues.push({ code: 'conflict', path: '--per-vm', message: '--per-vm is the same as --allow per-vm; give one of them' });
    return all;
  }
  if (flags.has('per-vm')) {
    if (all.includes('per-vm')) return ['per-vm'];
    issues.push({ code: 'conflict', path: '--per-vm', message: `${pid} has no per-vm option; its options: ${list}` });
    return all;
  }
  const raw = flags.get('allow');
  if (raw === undefined) return all;
  // Option ids, or `product/option` as the engine writes them.
  const wanted = (typeof raw === 'string' ? raw.split(',') : ['']).map((s) => s.trim()).map((w) => (w.startsWith(`${pid}/`) ? w.slice(pid.length + 1) : w));
  const bad = wanted.filter((w) => !all.includes(w));
  if (bad.length) {
    issues.push({ code: 'unknown_value', path: '--allow', message: `unknown option${bad.length > 1 ? 's' : ''} ${bad.map((b) => describeValue(b)).join(', ')} of ${pid}; its options: ${list}` });
    return all;
  }
  return all.filter((o) => wanted.includes(o));
}

interface PriceRead {
  /** The entry --price and --price-version act on: the first allowed option's; null for a free product. */
  priceId: CatalogId | null;
  /** The option whose entry that is. */
  pricedOption: string | null;
  overrides: Record<string, string>;
  versions: Record<string, string>;
  from: 'catalog' | '--price' | '--price-version';
}

/** `--price` or `--price-version`, applied to the first allowed option's price entry. */
function readPrice(flags: Flags, product: LicenceProduct, allowed: readonly LicenceOption[], issues: Issue[], notes: string[]): PriceRead {
  const pid = product.id;
  const priced = allowed.find((o) => priceIdOf(o) !== null);
  const priceId = priced ? priceIdOf(priced) : null;
  const out: PriceRead = { priceId, pricedOption: priced?.id ?? null, overrides: {}, versions: {}, from: 'catalog' };
  const price = flags.get('price');
  const version = flags.get('price-version');
  if (price === undefined && version === undefined) return out;
  if (!priceId) {
    if (allowed.length > 0) issues.push({ code: 'conflict', path: price !== undefined ? '--price' : '--price-version', message: `${pid} is free: it has no price to set` });
    return out;
  }
  if (price !== undefined && version !== undefined) {
    issues.push({ code: 'conflict', path: '--price-version', message: 'give either --price (your price) or --price-version (a catalog version), not both' });
    return out;
  }
  if (price !== undefined) {
    const v = parseDecimal('--price', price, { what: `a price (catalog ${priceId}, ${CATALOG[priceId].unit})`, positive: false, max: LICENSE_LIMITS.price });
    if (isIssue(v)) issues.push(v);
    else {
      out.overrides[priceId] = v.value;
      out.from = '--price';
    }
    return out;
  }
  const names = versionNames(CATALOG[priceId] as CatalogEntry);
  const name = typeof version === 'string' ? version.trim() : '';
  if (names.length === 0) issues.push({ code: 'unknown_value', path: '--price-version', message: `${priceId} has no named versions` });
  else if (!names.includes(name)) issues.push({ code: 'unknown_value', path: '--price-version', message: `unknown version ${describeValue(name)} of ${priceId}; versions: ${names.join(', ')}` });
  else {
    out.versions[priceId] = name;
    out.from = '--price-version';
    // The family's other price entries take their version of the same name, where they have one.
    const others = new Set<CatalogId>();
    for (const fp of productFamily(pid)) {
      for (const o of fp.options) {
        const oid = priceIdOf(o);
        if (oid && oid !== priceId && versionNames(CATALOG[oid] as CatalogEntry).includes(name)) others.add(oid);
      }
    }
    for (const oid of others) out.versions[oid] = name;
    if (others.size) notes.push(`--price-version ${name} also applies to ${[...others].join(', ')}`);
  }
  return out;
}

/** Largest number of guests per host searched for a break-even. */
const BREAK_EVEN_LIMIT = 1000;

/** Runs `kernelcount license`. */
export function cmdLicense(args: string[]): CliResult {
  const p = parseArgs(args, VALUED, BOOLEAN);
  if (isIssue(p)) return fail([p], HINT);
  if (p.flags.has('help')) return { code: 0, stdout: LICENSE_HELP, stderr: '' };
  const format = readFormat(p.flags, ['table', 'json'] as const, 'table');
  if (isIssue(format)) return fail([format], HINT);
  const product = readProduct(p.positional);
  if (Array.isArray(product)) return fail(product, HINT);
  const pid = product.id;

  const issues: Issue[] = scopeConflicts(p.flags, product);
  const notes: string[] = [];
  const read = readUsage(p.flags, product, issues, notes);
  const allowedIds = readAllowed(p.flags, product, issues);
  const allowedOptions = product.options.filter((o) => allowedIds.includes(o.id));
  const assurance = p.flags.has('software-assurance');
  if (assurance && !allowedOptions.some((o) => o.terms.kind === 'perpetual')) {
    const which = allowedIds.length < product.options.length ? ` (${allowedIds.join(', ')})` : '';
    const kind = allowedOptions.every((o) => o.terms.kind === 'free') ? 'free' : 'a subscription';
    issues.push({ code: 'conflict', path: '--software-assurance', message: `applies to perpetual licences (Windows Server, SQL Server, Oracle); ${pid}${which} is ${kind}` });
  }
  const price = readPrice(p.flags, product, allowedOptions, issues, notes);
  // Years: given, or the catalog's amortization period (read from the view below, so the report lists it).
  const years = p.flags.has('years') ? count(issues, p.flags, 'years', { min: 1, max: LICENSE_LIMITS.years, what: 'years' }) : null;
  if (issues.length || !read || years === undefined) return fail(issues, HINT);

  const { usage, host } = read;
  const view = () => new CatalogView(price.overrides, undefined, price.versions);
  const mainView = view();
  const amortizationYears = years ?? (mainView.get('hardware.amortizationYears') as number);
  const base: QuoteOptions = { assurance, amortizationYears, breakEvenSearchLimit: BREAK_EVEN_LIMIT };

  let quote: LicenceQuote;
  try {
    quote = quoteLicences([pid], usage, { ...base, allow: allowedIds.map((o) => `${pid}/${o}`), prices: mainView });
  } catch (e) {
    if (!isKernelcountError(e)) throw e;
    return fail(noOptionIssues(e.issues, p.flags, product, allowedOptions, read), HINT);
  }

  const group = quote.hostGroups[0];
  const chosen = chosenOf(quote);
  const chosenOption = product.options.find((o) => o.id === chosen.option)!;
  const perYear = quote.annualCost;
  const billedUnits = sumMoney(quote.lines.filter((l) => l.kind === 'licence' || l.kind === 'minimum').map((l) => l.quantity)).toNumber();
  // Full licensings of a host, where they stack per guests granted (Windows Server Standard).
  const m = chosenOption.metric;
  const licensingsPerHost =
    host && m.kind === 'per-physical-core' && typeof m.osesPerLicensing === 'number' && m.osesPerLicensing > 0 && chosen.count.units > 0
      ? chosen.count.units / physicalCoreLicensing(host, m).units
      : null;

  // The product's other options, each quoted alone for the whole order (order minimums included).
  const rejected: LicenseReport['rejected'] = (group?.rejected ?? quote.order?.rejected ?? []).map((r) => {
    const label = product.options.find((x) => x.id === r.option)!.label;
    if (!r.compliant) return { option: r.option, label, compliant: false, reason: r.reason ?? null, annualCost: null };
    const alone = quoteLicences([pid], usage, { ...base, allow: [`${pid}/${r.option}`], prices: view() });
    return { option: r.option, label, compliant: true, reason: null, annualCost: alone.annualCost.toString() };
  });

  // The family: every other product at its cheapest compliant option.
  const alternatives: LicenseReport['alternatives'] = [];
  let cheapest: { product: string; key: string; cost: Money } | null = null;
  for (const sib of productFamily(pid)) {
    if (sib.id === pid) continue;
    try {
      const q = quoteLicences([sib.id], usage, { ...base, prices: view() });
      const o = sib.options.find((x) => x.id === chosenOf(q).option)!;
      const diff = q.annualCost.minus(perYear);
      alternatives.push({ product: sib.id, name: sib.name, compliant: true, option: o.id, label: o.label, reason: null, annualCost: q.annualCost.toString(), differencePerYear: diff.toString(), cheaper: diff.isNegative() && !diff.isZero() });
      if (!cheapest || q.annualCost.lt(cheapest.cost)) cheapest = { product: sib.id, key: optionKey(sib, o), cost: q.annualCost };
      const oid = priceIdOf(o);
      if (price.from === '--price' && oid === price.priceId) notes.push(`--price also prices ${optionKey(sib, o)}, which reads the same catalog entry ${oid}`);
    } catch (e) {
      if (!isKernelcountError(e)) throw e;
      const reason = e.issues.map((i) => i.message.replace(/^no allowed option (can license this host|applies): /, '')).join('; ');
      alternatives.push({ product: sib.id, name: sib.name, compliant: false, option: null, label: null, reason, annualCost: null, differencePerYear: null, cheaper: false });
    }
  }

  // Break-evens, in guests per host: against the cheapest alternative, and among the product's own options.
  const guestWord = host?.bareMetal ? 'guests' : 'VMs';
  let breakEven: LicenseBreakEvenReport | null = null;
  if (host && cheapest) {
    const pair = quoteLicences([pid, cheapest.product], usage, { ...base, allow: [optionKey(product, chosenOption), cheapest.key], prices: view() });
    breakEven = breakEvenReport(pair.hostGroups[0]?.breakEven ?? null, guestWord);
  }
  const optionBreakEven = breakEvenReport(group?.breakEven ?? null, guestWord);

  // Notes the engine does not make.
  const chosenPriceId = priceIdOf(chosenOption);
  if (price.from !== 'catalog' && price.priceId && chosenPriceId && chosenPriceId !== price.priceId) {
    notes.push(`${price.from} applies to ${price.priceId} (option ${price.pricedOption}); the chosen option ${chosen.option} is priced from ${chosenPriceId} at the catalog price: narrow with --allow ${chosen.option} to price it`);
  }
  if (host && chosen.count.units === 0) {
    notes.push('nothing to license: no guests (--vms 0) and not --bare-metal; give --vms N for VMs that run the product, or --bare-metal for the physical host');
  }
  if (usage.users !== undefined && !usage.organisation && productFamily(pid).some((x) => x.id === 'docker-personal')) {
    notes.push('Docker Personal is free only for organisations under 250 employees and under 10,000,000 yearly revenue: give --employees and --revenue to check eligibility (not checked here)');
  }

  const catalog: LicenseReport['catalog'] = mainView.assumptions().map(describeAssumption).map((a) => ({
    id: a.id,
    label: a.label,
    value: a.value,
    unit: a.unit,
    version: a.overridden ? null : (a.version ?? null),
    overridden: a.overridden,
    source: a.overridden ? { title: 'your price (--price)' } : a.source,
    asOf: a.overridden ? null : a.asOf,
    trust: a.trust,
  }));
  // A weak list price behind the chosen option is flagged, as `overhead` flags a weak default.
  const weak = catalog.filter((e) => e.trust === 'weak' && e.id === chosenPriceId);
  for (const w of weak) notes.push(`WEAK default ${w.id} = ${JSON.stringify(w.value)} ${w.unit}: no reliable published price; give --price with your quote`);

  const r: LicenseReport = {
    product: pid,
    name: product.name,
    vendor: product.vendor,
    usage: read.report,
    allowed: allowedIds,
    softwareAssurance: assurance,
    price: price.priceId
      ? {
          id: price.priceId,
          value: money(mainView.get(price.priceId) as string | number).toString(),
          version: price.from === '--price' ? null : (price.versions[price.priceId] ?? (CATALOG[price.priceId] as CatalogEntry).version ?? null),
          from: price.from,
        }
      : null,
    chosen: {
      option: chosen.option,
      label: chosenOption.label,
      unitsPerHost: host ? chosen.count.units : null,
      units: chosen.count.units * (host?.count ?? 1),
      billedUnits,
      unit: chosen.count.unit,
      coreLicenses: chosen.count.unit === 'core' ? billedUnits : null,
      licensingsPerHost,
      lines: quote.lines.map(lineReport),
    },
    rejected,
    alternatives,
    breakEven,
    optionBreakEven,
    cost: { perYear: perYear.toString(), years: amortizationYears, total: perYear.times(amortizationYears).toString() },
    rule: product.rule,
    source: product.source,
    asOf: product.asOf,
    catalog,
    warnings: quote.warnings,
    notes: [...quote.notes, ...notes],
  };
  const stderr = weak.length ? `kernelcount: warning: weak default used: ${weak.map((w) => w.id).join(', ')} (see notes)\n` : '';
  if (format === 'json') return { code: 0, stdout: JSON.stringify(r, null, 2) + '\n', stderr };
  return { code: 0, stdout: formatLicenseTable(r), stderr };
}

/**
 * The engine's issues with flag paths. "No allowed option can license this host" names only the
 * allowed options, each with why it is out, and points at the flag that ruled them out.
 */
function noOptionIssues(issues: readonly Issue[], flags: Flags, product: LicenceProduct, allowed: readonly LicenceOption[], read: UsageRead): Issue[] {
  const { usage, host } = read;
  const path = flags.has('per-vm')
    ? '--per-vm'
    : flags.has('allow')
      ? '--allow'
      : host?.bareMetal
        ? '--bare-metal'
        : usage.organisation
          ? '--employees'
          : host && host.oses === 0
            ? '--vms'
            : 'product';
  const why = allowed.map((o) => `${o.id}: ${(host ? o.excludes?.(host) : o.excludesOrder?.(usage)) ?? 'not compliant'}`).join('; ');
  return issues.map((i) => {
    if (i.code === 'conflict' && /^(hosts\[\d+\]|products)$/.test(i.path)) return { ...i, path, message: `no allowed option of ${product.id} can license this: ${why}` };
    const hit = ENGINE_PATHS.find(([re]) => re.test(i.path));
    return hit ? { ...i, path: hit[1] } : i;
  });
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function usageText(r: LicenseReport): string {
  const u = r.usage;
  if (u.scope === 'host') {
    const hosts = `${plural(u.hosts!, 'host')} of ${plural(u.sockets!, 'socket')} x ${u.coresPerSocket} cores`;
    const guests = u.vmsPerHost ? `, ${plural(u.vmsPerHost, u.bareMetal ? 'guest' : 'VM')} per host of ${u.vcpusPerVm} vCPU` : '';
    return `${hosts}${u.bareMetal ? ', on the physical host' : ''}${guests}`;
  }
  if (u.scope === 'cluster') return `${plural(u.clusters!, 'cluster')} x ${u.hoursPerYear} hours a year`;
  const org = u.employees !== null ? `, organisation of ${u.employees} employees and ${u.annualRevenue} revenue` : '';
  return `${plural(u.users!, 'user')}${org}`;
}

/** Splits text into lines of at most `width` columns at spaces: `first` before the first line, `rest` before the others. */
function wrap(text: string, first: string, rest: string, width = 100): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else line += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(line);
  return lines;
}

function money2(text: string, decimals = 2): string {
  return formatMoneyGrouped(money(text), decimals);
}

/** Rows padded to columns: the first left-aligned, numbers right-aligned, text columns left. */
function pad(rows: string[][], left: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (left.has(c) ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd());
}

/** The readable form of a licence quote. */
export function formatLicenseTable(r: LicenseReport): string {
  const c = r.chosen;
  const years = r.cost.years;
  // The product and the usage in one line (not wrapped, so scripts can grep it).
  const out: string[] = [`Licence quote: ${r.name} (${r.product}), ${usageText(r)}; ${years} years`];
  if (r.price) out.push(`Price: ${r.price.id} = ${r.price.value}${r.price.version ? ` (version ${r.price.version})` : ''}${r.price.from === '--price' ? ' (--price)' : ''}`);
  const counts = [`${c.units} ${c.unit}${c.units === 1 ? '' : 's'}`];
  if (c.billedUnits !== c.units && c.lines.some((l) => l.kind === 'minimum')) counts.push(`billed ${c.billedUnits}`);
  if (c.licensingsPerHost !== null && r.usage.hosts !== null) counts.push(`${plural(c.licensingsPerHost, 'full licensing')} per host`);
  out.push('', `Chosen: ${c.option} (${c.label}): ${counts.join(', ')}`, '');

  const rows = [['line', 'quantity', 'unit', 'unit price/year', 'per year']];
  for (const l of c.lines) rows.push([l.name, String(l.quantity), l.unit, money2(l.unitPrice, 4), money2(l.annualCost)]);
  rows.push(['total per year', '', '', '', money2(r.cost.perYear)]);
  rows.push([`total over ${years} years`, '', '', '', money2(r.cost.total)]);
  const padded = pad(rows, new Set([0, 2]));
  out.push(`  ${padded[0]}`);
  c.lines.forEach((l, i) => out.push(`  ${padded[i + 1]}`, ...wrap(`= ${l.formula}`, '      ', '        ')));
  out.push(...padded.slice(c.lines.length + 1).map((x) => `  ${x}`));

  if (r.rejected.length) {
    out.push('', 'Other options:');
    const w = Math.max(...r.rejected.map((x) => x.option.length));
    for (const x of r.rejected) {
      out.push(...wrap(`${x.option.padEnd(w)}  ${x.label}: ${x.annualCost !== null ? `${money2(x.annualCost)} a year` : `not used: ${x.reason}`}`, '  ', ' '.repeat(w + 6)));
    }
  }
  if (r.alternatives.length) {
    out.push('', 'Alternatives (same family):');
    const w = Math.max(...r.alternatives.map((x) => x.product.length));
    for (const a of r.alternatives) {
      if (!a.compliant) {
        out.push(...wrap(`${a.product.padEnd(w)}  ${a.name}: cannot license this: ${a.reason}`, '  ', ' '.repeat(w + 6)));
        continue;
      }
      const d = money(a.differencePerYear!);
      const cmp = d.isZero() ? 'the same as the chosen option' : `${money2(d.abs().toString())} ${d.isNegative() ? 'less' : 'more'} than the chosen option`;
      out.push(...wrap(`${a.product.padEnd(w)}  ${a.name}, ${a.option} (${a.label}): ${money2(a.annualCost!)} a year, ${cmp}`, '  ', ' '.repeat(w + 6)));
    }
  }
  if (r.breakEven || r.optionBreakEven) {
    out.push('', 'Break-even:');
    for (const b of [r.breakEven, r.optionBreakEven]) {
      if (!b) continue;
      const guests = r.usage.bareMetal ? 'guests' : 'VMs';
      out.push(
        ...wrap(
          b.guestsPerHost === null
            ? `${b.cheaperBelow} stays cheaper than ${b.cheaperFrom} up to ${BREAK_EVEN_LIMIT} ${guests} per host`
            : `${b.cheaperFrom} costs less than ${b.cheaperBelow} from ${b.guestsPerHost} ${guests} per host`,
          '  ',
          '    ',
        ),
      );
    }
  }
  if (r.warnings.length) out.push('', 'WARNINGS:', ...r.warnings.flatMap((w) => wrap(w, '  ! ', '    ')));
  if (r.notes.length) out.push('', 'Notes:', ...r.notes.flatMap((n) => wrap(n, '  - ', '    ')));
  out.push('', ...wrap(`Rule: ${r.rule}`, '', '  '), ...wrap(`${r.source.title}${r.source.url ? ` <${r.source.url}>` : ''}, ${r.asOf}`, '  ', '  '));
  if (r.catalog.length) {
    out.push('', 'Catalog figures used:');
    for (const e of r.catalog) {
      out.push(`  ${e.id} = ${typeof e.value === 'string' ? e.value : JSON.stringify(e.value)}${e.version ? ` (version ${e.version})` : ''}${e.trust === 'weak' ? '  [WEAK]' : ''}`);
      out.push(...wrap(e.overridden ? e.source.title : `${e.source.title}, ${e.asOf} (${e.trust})`, '    ', '      '));
    }
  }
  return out.map((l) => l.replace(/\s+$/, '')).join('\n') + '\n';
}
