import type { CatalogId } from '../catalog/defaults.js';
import type { CatalogView } from '../catalog/tracker.js';
import { ZERO, money, sumMoney, type Money } from '../money.js';
import {
  HOURS_PER_YEAR,
  SQL_SERVER_CORE_RULE,
  perVirtualCoreCount,
  rhelSubscriptions,
  vmwareSubscriptionCores,
  windowsDatacenterBreakEvenVms,
  windowsServerHostLicence,
} from '../rules/licensing.js';
import type { PlatformSizing, PoolSizing } from '../platforms/size.js';
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
}

interface Draft {
  category: Category;
  component: string;
  name: string;
  quantity: Money;
  unit: string;
  unitPrice: Money;
  formula: string;
  sources: string[];
}

function finish(platform: string, years: number, d: Draft): LineItem {
  const annualCost = d.quantity.times(d.unitPrice);
  const yearly = Array.from({ length: years }, () => annualCost);
  return { platform, ...d, annualCost, yearly, total: sumMoney(yearly) };
}

function fmtN(m: Money): string {
  return m.toDecimalPlaces(4).toString();
}

function hardware(s: PlatformSizing, cat: CatalogView): Draft[] {
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

function power(s: PlatformSizing, cat: CatalogView): Draft[] {
  const pue = money(cat.get('power.pue'));
  const load = money(cat.get('power.averageLoad'));
  const price = money(cat.get('power.pricePerKWh'));
  const watts = money(s.host.powerIdleW).plus(money(s.host.powerMaxW - s.host.powerIdleW).times(load));
  const kwhPerHost = watts.times(HOURS_PER_YEAR).times(pue).div(1000);
  const sources = ['power.pue', 'power.averageLoad', 'power.pricePerKWh'];
  sources.push(...s.host.defaults.filter((id) => id.startsWith('host.power')));
  return [
    {
      category: 'power',
      component: 'power',
      name: `Electricity (PUE ${pue.toString()})`,
      quantity: kwhPerHost.times(s.hosts),
      unit: 'kWh',
      unitPrice: price,
      formula: `${s.hosts} hosts x (${s.host.powerIdleW} W + (${s.host.powerMaxW} - ${s.host.powerIdleW}) W x ${load.toString()} load) = ${fmtN(watts)} W x 8760 h x ${pue.toString()} PUE / 1000`,
      sources,
    },
  ];
}

function facilities(s: PlatformSizing, cat: CatalogView): Draft[] {
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

/** Per-host OSE counts including spares, which are licensed like the busiest host (they take its VMs on failover). */
function osesWithSpares(pool: PoolSizing): Array<{ hosts: number; oses: number }> {
  const max = pool.osesPerHost.reduce((a, x) => Math.max(a, x.oses), 0);
  const list = [...pool.osesPerHost];
  if (pool.spareHosts > 0) list.push({ hosts: pool.spareHosts, oses: max });
  return list;
}

/**
 * Windows Server core licences for a pool, edition picked per host. `hostOnly` licenses just the
 * host's own OS (a Hyper-V host running only Linux guests): Standard, one full licensing, no OSEs.
 */
function windowsServer(s: PlatformSizing, pool: PoolSizing, cat: CatalogView, notes: string[], hostOnly = false): Draft[] {
  const p = s.platform;
  const mode = hostOnly ? 'standard' : p.type === 'vm' || p.type === 'containers-in-vms' ? p.windowsLicensing : 'cheapest';
  const years = cat.get('hardware.amortizationYears');
  const stdPack = money(cat.get('licence.windows-server-standard'));
  const dcPack = money(cat.get('licence.windows-server-datacenter'));
  const hostCores = { sockets: s.host.sockets, coresPerSocket: s.host.coresPerSocket };
  const cores: Record<'standard' | 'datacenter', number> = { standard: 0, datacenter: 0 };
  const hostsBy: Record<'standard' | 'datacenter', number> = { standard: 0, datacenter: 0 };
  const perHost = hostOnly ? [{ hosts: pool.hosts, oses: 0 }] : osesWithSpares(pool);
  for (const { hosts, oses } of perHost) {
    const std = windowsServerHostLicence(hostCores, 'standard', oses);
    const dc = windowsServerHostLicence(hostCores, 'datacenter', oses);
    const stdCost = stdPack.div(16).times(std.coreLicences);
    const dcCost = dcPack.div(16).times(dc.coreLicences);
    const pick = mode === 'standard' ? std : mode === 'datacenter' ? dc : stdCost.lte(dcCost) ? std : dc;
    cores[pick.edition] += pick.coreLicences * hosts;
    hostsBy[pick.edition] += hosts;
  }
  if (mode === 'cheapest') {
    const be = windowsDatacenterBreakEvenVms(stdPack.toNumber(), dcPack.toNumber());
    notes.push(
      `${p.name}: Windows Server edition picked per host: Standard on ${hostsBy.standard}, Datacenter on ${hostsBy.datacenter}; Datacenter is cheaper from ${be} Windows OSEs per host at these prices`,
    );
  }
  const what = hostOnly ? 'Hyper-V hosts' : p.type === 'vm' || p.type === 'containers-in-vms' ? 'VMs' : 'container hosts';
  const out: Draft[] = [];
  for (const edition of ['standard', 'datacenter'] as const) {
    if (cores[edition] === 0) continue;
    const pack = edition === 'standard' ? stdPack : dcPack;
    const label = edition === 'standard' ? 'Standard' : 'Datacenter';
    out.push({
      category: 'licences',
      component: 'windows-server',
      name: `Licence (Windows Server ${label}, per core, ${what})`,
      quantity: money(cores[edition]),
      unit: 'core-year',
      unitPrice: pack.div(16).div(years),
      formula: `${cores[edition]} core licences on ${hostsBy[edition]} hosts (all physical cores, min 8 per CPU and 16 per host${edition === 'standard' ? ', one full set per 2 OSEs' : ''}) x ${pack.toString()} per 16 cores / ${years} years`,
      sources: [`licence.windows-server-${edition}`, 'hardware.amortizationYears'],
    });
  }
  return out;
}

function rhel(s: PlatformSizing, pool: PoolSizing, product: 'rhel' | 'rhel-vdc', bareMetal: boolean, cat: CatalogView): Draft[] {
  const hostCores = { sockets: s.host.sockets, coresPerSocket: s.host.coresPerSocket };
  let subs = 0;
  if (bareMetal) subs = rhelSubscriptions(product, hostCores, 'bare-metal').subscriptions * pool.hosts;
  else for (const { hosts, oses } of osesWithSpares(pool)) subs += rhelSubscriptions(product, hostCores, oses).subscriptions * hosts;
  if (subs === 0) return [];
  const price = money(cat.get(`licence.${product}`));
  return [
    {
      category: 'licences',
      component: 'rhel',
      name: `Subscription (${product === 'rhel' ? 'RHEL Server' : 'RHEL for Virtual Datacenters'}, per year)`,
      quantity: money(subs),
      unit: 'subscription-year',
      unitPrice: price,
      formula: bareMetal
        ? `${pool.hosts} hosts x ceil(${s.host.sockets} sockets / 2)`
        : product === 'rhel'
          ? 'per host: ceil(VMs / 2), summed over hosts'
          : `${pool.hosts} hosts x ceil(${s.host.sockets} sockets / 2), unlimited guests`,
      sources: [`licence.${product}`],
    },
  ];
}

function vmware(s: PlatformSizing, cat: CatalogView): Draft[] {
  const p = s.platform;
  if (p.type !== 'vm' && p.type !== 'containers-in-vms') return [];
  if (p.hypervisorLicence === 'none') return [];
  const hosts = Array.from({ length: s.hosts }, () => ({ sockets: s.host.sockets, coresPerSocket: s.host.coresPerSocket }));
  const c = vmwareSubscriptionCores(hosts);
  const id = `licence.${p.hypervisorLicence}` as CatalogId;
  const names: Record<string, string> = {
    'vsphere-standard': 'vSphere Standard',
    'vsphere-enterprise-plus': 'vSphere Enterprise Plus',
    vvf: 'VMware vSphere Foundation',
    vcf: 'VMware Cloud Foundation',
  };
  return [
    {
      category: 'licences',
      component: 'vmware',
      name: `Subscription (${names[p.hypervisorLicence]}, per core per year)`,
      quantity: money(c.licensedCores),
      unit: 'core-year',
      unitPrice: money(cat.get(id) as string),
      formula: c.formula,
      sources: [id],
    },
  ];
}

function instanceLicences(s: PlatformSizing, scenario: Scenario, cat: CatalogView): Draft[] {
  const workloads = new Map(scenario.workloads.map((w) => [w.name, w]));
  const years = cat.get('hardware.amortizationYears');
  const sqlCores: Record<string, number> = {};
  const flat = new Map<string, { count: number; price: Money }>();
  for (const pool of s.pools) {
    for (const wp of pool.workloads) {
      const w = workloads.get(wp.workload);
      if (!w) continue;
      for (const l of w.licences) {
        if (l.kind === 'product') {
          const c = perVirtualCoreCount(wp.licensableCores, SQL_SERVER_CORE_RULE).licensedCores;
          sqlCores[l.product] = (sqlCores[l.product] ?? 0) + c * wp.instances;
        } else {
          const key = `${l.name}\u0000${l.pricePerInstanceYear.toString()}`;
          const cur = flat.get(key) ?? { count: 0, price: l.pricePerInstanceYear };
          cur.count += wp.instances;
          flat.set(key, cur);
        }
      }
    }
  }
  const out: Draft[] = [];
  for (const [product, cores] of Object.entries(sqlCores)) {
    const pack = money(cat.get(`licence.${product}` as CatalogId) as string);
    const label = product === 'sql-server-enterprise' ? 'Enterprise' : 'Standard';
    out.push({
      category: 'licences',
      component: 'sql-server',
      name: `Licence (SQL Server ${label}, per core)`,
      quantity: money(cores),
      unit: 'core-year',
      unitPrice: pack.div(2).div(years),
      formula: `${cores} cores (per instance: its vCPUs or cores, min 4, in 2-core packs) x ${pack.toString()} per 2 cores / ${years} years`,
      sources: [`licence.${product}`, 'hardware.amortizationYears'],
    });
  }
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

function controlPlane(s: PlatformSizing, cat: CatalogView): Draft[] {
  const p = s.platform;
  if (p.type === 'vm') return [];
  if (p.controlPlane !== 'eks' && p.controlPlane !== 'gke' && p.controlPlane !== 'aks') return [];
  const id = `controlPlane.${p.controlPlane}` as const;
  return [
    {
      category: 'control-plane',
      component: 'control-plane',
      name: `Managed control plane (${p.controlPlane.toUpperCase()}, per cluster-hour)`,
      quantity: money(HOURS_PER_YEAR),
      unit: 'cluster-hour',
      unitPrice: money(cat.get(id)),
      formula: '1 cluster x 8760 hours',
      sources: [id],
    },
  ];
}

function labour(s: PlatformSizing, cat: CatalogView): Draft[] {
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

/**
 * Prices a sized platform: every cost as a line item per year over the horizon. Hardware and
 * perpetual licences are spread evenly over the amortization period; subscriptions, power,
 * facilities and labour are yearly.
 */
export function priceSizing(s: PlatformSizing, scenario: Scenario, cat: CatalogView, notes: string[]): LineItem[] {
  const p = s.platform;
  const drafts: Draft[] = [...hardware(s, cat), ...power(s, cat), ...facilities(s, cat), ...vmware(s, cat)];
  for (const pool of s.pools) {
    if (pool.os === 'windows') drafts.push(...windowsServer(s, pool, cat, notes));
    if (pool.os === 'linux') {
      // Hyper-V hosts run Windows Server themselves, even when every guest is Linux.
      if ((p.type === 'vm' || p.type === 'containers-in-vms') && p.hypervisor === 'hyperv') drafts.push(...windowsServer(s, pool, cat, notes, true));
      if ((p.type === 'vm' || p.type === 'containers-in-vms') && p.linuxLicence !== 'none') drafts.push(...rhel(s, pool, p.linuxLicence, false, cat));
      if ((p.type === 'containers' || p.type === 'microvm') && p.hostLinuxLicence === 'rhel') drafts.push(...rhel(s, pool, 'rhel', true, cat));
    }
  }
  drafts.push(...instanceLicences(s, scenario, cat), ...controlPlane(s, cat), ...labour(s, cat));
  return drafts.map((d) => finish(p.name, scenario.horizonYears, d)).filter((li) => !li.quantity.isZero() || li.category === 'hardware');
}

/** Sum of line items by category (over the whole horizon). */
export function byCategory(items: readonly LineItem[]): Record<Category, Money> {
  const out = Object.fromEntries(CATEGORIES.map((c) => [c, ZERO])) as Record<Category, Money>;
  for (const li of items) out[li.category] = out[li.category].plus(li.total);
  return out;
}

