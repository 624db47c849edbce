/**
 * Licence line items of a sized platform, all through the licensing engine: the platform's hosts,
 * VMs and containers become a licence usage, the engine picks the cheapest compliant option per
 * host among those the scenario allows, and its lines become the platform's line items.
 */
import { quoteBuilt, type quoteLicences, type BreakEven, type LicenceQuote, type OptionQuote, type PriceBook, type QuoteLine, type QuoteOptions } from '../licensing/engine.js';
import { PRODUCTS } from '../licensing/products.js';
import type { Money } from '../money.js';
import type { GuestGroup, HostUsage, LicenceUsage } from '../licensing/metrics.js';
import type { PlatformSizing, PoolSizing } from '../platforms/size.js';
import type { Scenario } from '../scenario/types.js';
import type { Category } from './lineItems.js';

/** A line item before it is spread over the horizon. */
export interface LicenceDraft {
  category: Category;
  component: string;
  name: string;
  quantity: QuoteLine['quantity'];
  unit: string;
  unitPrice: QuoteLine['unitPrice'];
  formula: string;
  sources: string[];
  /** A one-off purchase spread over years (perpetual licences): see `LineItem.spread`. */
  spread?: QuoteLine['spread'];
}

/** One option as the decision saw it: its cost per year for one host (or the order), or why it was out. */
export interface LicenceOptionSummary {
  product: string;
  option: string;
  label: string;
  annualCost: Money | null;
  reason: string | null;
}

/**
 * One licensing decision of a platform: what was licensed, the option chosen for each group of
 * identical hosts, the options it beat or could not use, and where the answer would flip.
 */
export interface LicenceDecision {
  /** What the licence covers, e.g. `Windows Server, VMs (windows pool)`. */
  subject: string;
  products: string[];
  hostGroups: Array<{
    hosts: number;
    /** Guests per host that need the product (VMs, node VMs, Hyper-V isolated containers). */
    guests: number;
    chosen: LicenceOptionSummary;
    rejected: LicenceOptionSummary[];
    breakEven: BreakEven | null;
  }>;
  /** Order-scoped choice (control planes), when there is one. */
  order: { chosen: LicenceOptionSummary; rejected: LicenceOptionSummary[] } | null;
  annualCost: Money;
}

/** Every licence line of a platform as drafts, with the engine's notes, warnings and decisions. */
export interface LicenceDrafts {
  drafts: LicenceDraft[];
  notes: string[];
  warnings: string[];
  decisions: LicenceDecision[];
  /** Keys of the pools whose licence more load hosts could make cheaper (cost/hostCount.ts tries them). */
  morePays: string[];
}

/** Most load hosts added to one pool for its licence (cost/hostCount.ts). */
export const MAX_ADDED_HOSTS = 8;
/**
 * Pools above this many load hosts are not tried with more hosts, nor placed for Datacenter's cap
 * (bounded work: each try sizes the pool, places its guests and prices the platform again, tens
 * of milliseconds for a pool of 100 hosts). There one spare is a small share of the licence, and
 * the guests are still placed for Standard on the hosts they have.
 */
export const MAX_LOAD_HOSTS_TRIED = 32;
type Out = LicenceDrafts;

export interface LicenceDraftOptions {
  /**
   * Largest guest count the engine searches for break-evens (default 1,000). The break-even only
   * feeds notes and decisions, never a line, so code that needs only costs may pass 0 (no search).
   */
  breakEvenSearchLimit?: number;
  /** Quotes in place of `quoteLicences` (same arguments, same result), e.g. one that keeps quotes it has made. */
  quote?: typeof quoteLicences;
}

/** The engine with the platform's price book and options already applied. */
type Quote = (products: readonly string[], usage: LicenceUsage, options?: Omit<QuoteOptions, 'prices' | 'breakEvenSearchLimit'>) => LicenceQuote;

function summary(q: OptionQuote): LicenceOptionSummary {
  return { product: q.product, option: q.option, label: q.label, annualCost: q.compliant ? q.annualCost : null, reason: q.reason ?? null };
}

function decision(q: LicenceQuote, subject: string): LicenceDecision {
  return {
    subject,
    products: q.products,
    hostGroups: q.hostGroups.map((g) => ({ hosts: g.count, guests: g.oses, chosen: summary(g.chosen), rejected: g.rejected.map(summary), breakEven: g.breakEven })),
    order: q.order ? { chosen: summary(q.order.chosen), rejected: q.order.rejected.map(summary) } : null,
    annualCost: q.annualCost,
  };
}

/**
 * Per-host OSE counts including spares, which are licensed like the busiest host (they take its
 * guests on failover). `perHost` is the load hosts' counts (as packed, or arranged for a licence).
 */
function osesWithSpares(pool: PoolSizing, perHost: Array<{ hosts: number; oses: number }>): Array<{ hosts: number; oses: number }> {
  const max = perHost.reduce((a, x) => Math.max(a, x.oses), 0);
  const list = [...perHost];
  const counted = list.reduce((a, x) => a + x.hosts, 0);
  // Hosts that carry no guest of this kind (and spares) still exist; spares take the busiest host's load.
  if (pool.spareHosts > 0) list.push({ hosts: pool.spareHosts, oses: max });
  const idle = pool.loadHosts - counted;
  if (idle > 0) list.push({ hosts: idle, oses: 0 });
  // Hosts with the same guest count license alike: one group each, busiest first.
  const byOses = new Map<number, number>();
  for (const x of list) if (x.hosts > 0) byOses.set(x.oses, (byOses.get(x.oses) ?? 0) + x.hosts);
  return [...byOses].sort((a, b) => b[0] - a[0]).map(([oses, hosts]) => ({ hosts, oses }));
}

function hostUsage(s: PlatformSizing, count: number, oses: number, bareMetal: boolean, guests?: GuestGroup[]): HostUsage {
  const h: HostUsage = { count, sockets: s.host.sockets, coresPerSocket: s.host.coresPerSocket, oses, bareMetal };
  if (guests) h.guests = guests;
  return h;
}

function componentOf(product: string): string {
  if (product.startsWith('windows-server')) return 'windows-server';
  if (product.startsWith('sql-server')) return 'sql-server';
  if (product.startsWith('rhel')) return 'rhel';
  if (product.startsWith('oracle')) return 'oracle-database';
  if (['vcf', 'vvf', 'vsphere-standard', 'vsphere-enterprise-plus'].includes(product)) return 'vmware';
  if (product === 'openshift') return 'openshift';
  return 'control-plane';
}

function toDrafts(q: LicenceQuote, context: string, out: Out): void {
  const first = q.products.map((id) => PRODUCTS[id]!.name).join(' or ');
  out.decisions.push(decision(q, context ? `${first}, ${context}` : first));
  for (const l of q.lines) {
    const component = componentOf(l.product);
    const draft: LicenceDraft = {
      category: component === 'control-plane' ? 'control-plane' : 'licences',
      component,
      name: `${component === 'control-plane' ? 'Managed control plane' : 'Licence'} (${l.name}${context ? `, ${context}` : ''})`,
      quantity: l.quantity,
      unit: l.unit,
      unitPrice: l.unitPrice,
      formula: l.formula,
      sources: l.sources,
    };
    if (l.spread) draft.spread = l.spread;
    out.drafts.push(draft);
  }
  out.notes.push(...q.notes);
  out.warnings.push(...q.warnings);
}

const WINDOWS = ['windows-server-standard', 'windows-server-datacenter'];
const WINDOWS_ALLOW = {
  cheapest: ['windows-server-standard/per-core', 'windows-server-datacenter/per-core'],
  standard: ['windows-server-standard/per-core'],
  datacenter: ['windows-server-datacenter/per-core'],
  'per-vm': ['windows-server-standard/per-vm'],
  payg: ['windows-server-standard/payg'],
} as const;

/** All guests of a pool (VMs or node VMs) with their vCPUs, for per-VM metrics. */
function poolGuests(s: PlatformSizing, pool: PoolSizing): GuestGroup[] {
  const p = s.platform;
  if (p.type === 'containers-in-vms') return pool.vms > 0 ? [{ vcpus: p.nodeVm.vcpus, count: pool.vms }] : [];
  return pool.workloads.filter((w) => w.instances > 0).map((w) => ({ vcpus: Math.max(1, w.licensableCores), count: w.instances }));
}

/**
 * A per-host licence priced for the guests as packed and for the guests paired up between hosts
 * (PoolSizing.pairedOsesPerHost: Windows Server Standard and RHEL Server license 2 guests per
 * licensing), and, with `cap`, paired for a host that costs at most `cap` licensings (Datacenter
 * where it is cheaper), whichever costs least; the first on a tie. All are the same hosts holding
 * the same guests, so each is one an administrator could choose.
 */
function cheaperPlacement(
  s: PlatformSizing,
  pool: PoolSizing,
  bareMetal: boolean,
  price: (hosts: HostUsage[]) => LicenceQuote | null,
  out: Out,
  what: string,
  cap = Infinity,
  zero = 1,
): LicenceQuote | null {
  const usage = (perHost: Array<{ hosts: number; oses: number }>) =>
    osesWithSpares(pool, perHost)
      .filter((x) => x.hosts > 0)
      .map(({ hosts: n, oses }) => hostUsage(s, n, oses, bareMetal));
  const list = (hosts: HostUsage[]) => hosts.map((h) => `${h.count} x ${h.oses}`).join(', ');
  const packed = usage(pool.osesPerHost);
  const first = price(packed);
  let best = { hosts: packed, q: first, imageMiB: 0 };
  const seen = new Set([list(packed)]);
  // Filling hosts up to the cap steers placement only where the cap is above one licensing (below
  // it every host costs the same, as with Datacenter alone).
  for (const arranged of [pool.pairedOsesPerHost(), ...(cap > 1 && cap < Infinity ? [pool.pairedOsesPerHost(cap)] : [])]) {
    const hosts = usage(arranged.perHost);
    if (seen.has(list(hosts))) continue;
    seen.add(list(hosts));
    const q = price(hosts);
    if (q && best.q && q.annualCost.lt(best.q.annualCost)) best = { hosts, q, imageMiB: arranged.extraImageMiB };
  }
  if (best.hosts !== packed) {
    out.notes.push(
      `${s.platform.name}: ${what} placed for the licence, hosts x guests ${list(best.hosts)} (as packed: ${list(packed)}, spares included), ` +
        `${first!.annualCost.minus(best.q!.annualCost).toFixed(2)} a year less` +
        (best.imageMiB > 0 ? `; images take ${best.imageMiB} MiB more disk than as packed` : ''),
    );
  }
  if (morePays(pool, best.hosts, cap, zero)) out.morePays.push(pool.key);
  return best.q;
}

/**
 * Whether more load hosts could license a pool's guests for less than `hosts` (the placement
 * priced, spares and idle hosts included) does, in licensings of the host's cores: a host costs
 * min(its licensings, `cap`), at least `zero` with no guest (Windows: 1; RHEL for VMs: 0). With h
 * load hosts, however the n guests sit, the hosts together need at least min(n / 2 rounded up,
 * cap) and h x `zero`, and each spare is licensed like a host with at least n / h of them. When
 * that bound is not below the licensings now for any h up to MAX_ADDED_HOSTS more, adding hosts
 * is not tried: a price-free test that spares the sizing and pricing of each try.
 */
function morePays(pool: PoolSizing, hosts: HostUsage[], cap: number, zero: number): boolean {
  if (pool.loadHosts - pool.addedHosts > MAX_LOAD_HOSTS_TRIED) return false;
  const u = (k: number) => Math.min(k === 0 ? zero : Math.ceil(k / 2), cap);
  const now = hosts.reduce((a, h) => a + h.count * u(h.oses), 0);
  const n = pool.osesPerHost.reduce((a, x) => a + x.hosts * x.oses, 0);
  for (let h = pool.loadHosts + 1; h <= pool.loadHosts + MAX_ADDED_HOSTS; h++) {
    if (Math.max(h * Math.min(zero, cap), Math.min(Math.ceil(n / 2), cap)) + pool.spareHosts * u(Math.ceil(n / h)) < now) return true;
  }
  return false;
}

function windowsServer(s: PlatformSizing, pool: PoolSizing, quote: Quote, assurance: boolean, out: Out, hostOnly: boolean): void {
  const p = s.platform;
  const hypervisorHost = p.type === 'vm' || p.type === 'containers-in-vms';
  const mode = hostOnly ? 'standard' : hypervisorHost ? p.windowsLicensing : 'cheapest';
  const what = hostOnly ? 'Hyper-V hosts' : p.type === 'vm' ? 'VMs' : p.type === 'containers-in-vms' ? 'node VMs' : 'container hosts';
  const price = (hosts: HostUsage[]) => (hosts.some((h) => h.count > 0) ? quote(WINDOWS, { hosts: hosts.filter((h) => h.count > 0) }, { allow: WINDOWS_ALLOW[mode], assurance }) : null);
  let q: LicenceQuote | null;
  if (hostOnly) q = price([hostUsage(s, pool.hosts, 0, true)]);
  else if (mode === 'per-vm' || mode === 'payg') {
    // Per-VM metrics do not depend on placement: every VM counts wherever it runs.
    const guests = poolGuests(s, pool);
    q = price([hostUsage(s, 1, guests.reduce((a, g) => a + g.count, 0), false, guests)]);
  } else {
    // Picking the edition per host, a host costs at most Datacenter's price: in licensings of
    // Standard, D / S, which the placement also tries to fill hosts up to (and morePays bounds by).
    const one = (edition: string) => quote(WINDOWS, { hosts: [hostUsage(s, 1, 2, !hypervisorHost)] }, { allow: [`windows-server-${edition}/per-core`], assurance }).annualCost;
    // Only pools small enough to try more hosts on use it (MAX_LOAD_HOSTS_TRIED).
    const standard = mode === 'cheapest' && pool.loadHosts <= MAX_LOAD_HOSTS_TRIED ? one('standard') : null;
    // Datacenter alone costs the same on every host, whatever it runs: one unit per host.
    const cap = standard?.gt(0) ? one('datacenter').div(standard).toNumber() : mode === 'datacenter' ? 1 : Infinity;
    q = cheaperPlacement(s, pool, !hypervisorHost, price, out, `Windows Server ${what}`, cap);
  }
  if (!q) return;
  toDrafts(q, what, out);
  if (mode === 'cheapest') {
    const by = { 'windows-server-standard': 0, 'windows-server-datacenter': 0 } as Record<string, number>;
    for (const g of q.hostGroups) by[g.chosen.product] = (by[g.chosen.product] ?? 0) + g.count;
    const be = q.hostGroups.find((g) => g.breakEven)?.breakEven;
    out.notes.push(
      `${p.name}: Windows Server edition picked per host: Standard on ${by['windows-server-standard']}, Datacenter on ${by['windows-server-datacenter']}` +
        (be ? `; ${be.text} at these prices` : ''),
    );
  }
}

function rhel(s: PlatformSizing, pool: PoolSizing, product: 'rhel' | 'rhel-vdc', bareMetal: boolean, quote: Quote, out: Out): void {
  const price = (hosts: HostUsage[]) => (hosts.some((h) => h.count > 0) ? quote([product], { hosts: hosts.filter((h) => h.count > 0) }) : null);
  const q = bareMetal ? price([hostUsage(s, pool.hosts, 0, true)]) : cheaperPlacement(s, pool, false, price, out, `${PRODUCTS[product]!.name} guests`, product === 'rhel' ? Infinity : 0, 0);
  if (q) toDrafts(q, '', out);
}

function instanceProducts(s: PlatformSizing, scenario: Scenario, quote: Quote, assurance: boolean, out: Out): void {
  const workloads = new Map(scenario.workloads.map((w) => [w.name, w]));
  const p = s.platform;
  for (const pool of s.pools) {
    const sql = new Map<string, GuestGroup[]>();
    const oracle: string[] = [];
    for (const wp of pool.workloads) {
      const w = workloads.get(wp.workload);
      if (!w || wp.instances === 0) continue;
      for (const l of w.licences) {
        if (l.kind !== 'product') continue;
        if (l.product === 'oracle-database-enterprise') oracle.push(w.name);
        else sql.set(l.product, [...(sql.get(l.product) ?? []), { vcpus: Math.max(1, wp.licensableCores), count: wp.instances }]);
      }
    }
    for (const [product, guests] of sql) {
      // Per VM or container, wherever it runs: the count does not depend on placement.
      const n = guests.reduce((a, g) => a + g.count, 0);
      const q = quote([product], { hosts: [hostUsage(s, 1, n, false, guests)] }, { allow: [`${product}/per-vm`], assurance });
      toDrafts(q, `${n} instances`, out);
    }
    if (oracle.length > 0) {
      // Soft partitioning: every core of every host in the cluster the database can run on.
      const q = quote(['oracle-database-enterprise'], { hosts: [hostUsage(s, pool.hosts, 1, false)] }, { assurance });
      toDrafts(q, `all ${pool.hosts} hosts of the ${pool.os} cluster`, out);
      out.warnings.splice(
        out.warnings.length - q.warnings.length,
        q.warnings.length,
        ...q.warnings.map((w) => `${p.name} (${oracle.join(', ')}): ${w}`),
      );
    }
  }
}

function openshift(s: PlatformSizing, quote: Quote, out: Out): void {
  const p = s.platform;
  if (p.type === 'vm' || p.platformLicence !== 'openshift') return;
  if (p.type === 'containers-in-vms') {
    for (const pool of s.pools) {
      if (pool.vms === 0) continue;
      const guests = [{ vcpus: p.nodeVm.vcpus, count: pool.vms }];
      toDrafts(quote(['openshift'], { hosts: [hostUsage(s, 1, pool.vms, false, guests)] }, { allow: ['openshift/core-pair'] }), 'node VMs', out);
    }
    return;
  }
  const q = quote(['openshift'], { hosts: [hostUsage(s, s.hosts, 0, true)] });
  toDrafts(q, 'bare-metal nodes', out);
}

function vmware(s: PlatformSizing, quote: Quote, out: Out): void {
  const p = s.platform;
  if (p.type !== 'vm' && p.type !== 'containers-in-vms') return;
  if (p.hypervisorLicence === 'none' || s.hosts === 0) return;
  toDrafts(quote([p.hypervisorLicence], { hosts: [hostUsage(s, s.hosts, s.vms, false)] }), '', out);
}

function controlPlane(s: PlatformSizing, quote: Quote, out: Out): void {
  const p = s.platform;
  if (p.type === 'vm' || p.controlPlane === 'stacked' || p.controlPlane === 'none') return;
  toDrafts(quote([p.controlPlane], { hosts: [], clusters: 1 }), '1 cluster', out);
}

/**
 * Every licence and subscription of a sized platform, as drafts of line items, with the engine's
 * notes (editions picked, break-evens, order minimums) and warnings (soft partitioning).
 */
export function licenceDrafts(s: PlatformSizing, scenario: Scenario, cat: PriceBook, options: LicenceDraftOptions = {}): LicenceDrafts {
  const out: Out = { drafts: [], notes: [], warnings: [], decisions: [], morePays: [] };
  const limit = options.breakEvenSearchLimit;
  const engine = options.quote ?? quoteBuilt;
  const quote: Quote = (products, usage, opts = {}) => {
    // Spelled out rather than spread: this runs for every quote of every Monte Carlo sample.
    const full: QuoteOptions = { prices: cat };
    if (opts.allow !== undefined) full.allow = opts.allow;
    if (opts.assurance !== undefined) full.assurance = opts.assurance;
    if (opts.amortizationYears !== undefined) full.amortizationYears = opts.amortizationYears;
    if (limit !== undefined) full.breakEvenSearchLimit = limit;
    return engine(products, usage, full);
  };
  const p = s.platform;
  const assurance = scenario.licensing.softwareAssurance;
  vmware(s, quote, out);
  for (const pool of s.pools) {
    if (pool.os === 'windows') windowsServer(s, pool, quote, assurance, out, false);
    if (pool.os === 'linux') {
      const hyper = p.type === 'vm' || p.type === 'containers-in-vms';
      // Hyper-V hosts run Windows Server themselves, even when every guest is Linux.
      if (hyper && p.hypervisor === 'hyperv') windowsServer(s, pool, quote, assurance, out, true);
      if (hyper && p.linuxLicence !== 'none') rhel(s, pool, p.linuxLicence, false, quote, out);
      if ((p.type === 'containers' || p.type === 'microvm') && p.hostLinuxLicence === 'rhel') rhel(s, pool, 'rhel', true, quote, out);
    }
  }
  openshift(s, quote, out);
  instanceProducts(s, scenario, quote, assurance, out);
  controlPlane(s, quote, out);
  return out;
}
