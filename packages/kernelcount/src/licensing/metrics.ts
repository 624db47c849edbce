/**
 * The licence metrics every product is expressed in. A metric only counts units (cores, packs,
 * socket-pairs, cluster-hours, users); prices and terms are attached by the product that uses it.
 * Each counter is a pure function of one host (or one order) and returns the count with the rule
 * written out with the numbers filled in.
 */
import type { CatalogId } from '../catalog/defaults.js';

/** Hours in a year as the cloud providers bill them: 24 x 365 = 8,760. */
export const HOURS_PER_YEAR = 8760;

/** One physical host as a licence sees it, and the guests on it that need the product. */
export interface HostUsage {
  /** Identical hosts described by this record. */
  count: number;
  sockets: number;
  coresPerSocket: number;
  /**
   * Operating system environments on one host that need the product: VMs, node VMs, or (for
   * Windows Server) Hyper-V isolated containers. Process-isolated containers are not OSEs.
   */
  oses: number;
  /**
   * The guests' sizes for per-virtual-core metrics, as groups of identical guests whose counts add
   * up to `oses`; `oses` guests of 1 vCPU when omitted.
   */
  guests?: readonly GuestGroup[];
  /** True when the product runs on the physical host itself (bare metal, or the host's own OS). */
  bareMetal?: boolean;
}

/** What a whole order is counted against: hosts, and the quantities that are not per host. */
export interface LicenceUsage {
  hosts: readonly HostUsage[];
  /** Clusters billed per cluster-hour (managed control planes). */
  clusters?: number;
  /** Hours per year each cluster runs (default 8,760). */
  hoursPerYear?: number;
  /** Named users (per-user products). */
  users?: number;
  /** Organisation size, for products free below a threshold (Docker Desktop Personal). */
  organisation?: { employees: number; annualRevenue: number };
}

/** `count` identical guests of `vcpus` virtual CPUs each. */
export interface GuestGroup {
  vcpus: number;
  count: number;
}

export type OseGrant = number | 'unlimited';

/**
 * The vocabulary. `scope: 'host'` metrics are counted per host; `'order'` metrics once per order.
 * - per-physical-core: every physical core, with per-processor and per-server minimums, in packs; each full
 *   licensing of the host grants `osesPerLicensing` guests (stack another for more) or unlimited.
 * - per-virtual-core: each guest's vCPUs, at least `minPerInstance`, in packs.
 * - per-processor: physical cores x a core factor, rounded up (Oracle's processor metric).
 * - per-socket-pair: one unit per 1-2 sockets (capped at `maxCoresPerUnit` cores), or per `guestsPerUnit` guests.
 * - per-core-pair: one unit per 2 physical cores on bare metal, or per 4 vCPUs of guests.
 * - per-cluster-hour: clusters x hours.
 * - per-user: users x 12 months.
 */
export type LicenceMetric =
  | { kind: 'per-physical-core'; minPerProcessor: number; minPerServer: number; packCores: number; osesPerLicensing: OseGrant }
  | { kind: 'per-virtual-core'; minPerInstance: number; packCores: number }
  /** `coreFactorId`: the catalog figure that overrides `coreFactor` when a quote has a price book. */
  | { kind: 'per-processor'; coreFactor: number; coreFactorId?: CatalogId }
  | { kind: 'per-socket-pair'; guestsPerUnit: OseGrant; maxCoresPerUnit?: number }
  | { kind: 'per-core-pair'; physicalCoresPerUnit: number; vcpusPerUnit: number }
  | { kind: 'per-cluster-hour' }
  | { kind: 'per-user' };

export type MetricKind = LicenceMetric['kind'];

export function metricScope(m: LicenceMetric): 'host' | 'order' {
  return m.kind === 'per-cluster-hour' || m.kind === 'per-user' ? 'order' : 'host';
}

/** A count of licence units for one host (or one order), with the rule filled in. */
export interface MetricCount {
  units: number;
  /** What one unit is, e.g. `core`, `processor`, `socket-pair`, `cluster-hour`. */
  unit: string;
  formula: string;
}

/**
 * Physical cores to license on one host: max(cores per processor, per-processor minimum) x
 * sockets, at least the per-server minimum, rounded up to whole packs. This is one full licensing.
 *
 * @example
 * physicalCoreLicensing({ sockets: 2, coresPerSocket: 6 }, { minPerProcessor: 8, minPerServer: 16, packCores: 2 }).units //=> 16
 */
export function physicalCoreLicensing(
  host: { sockets: number; coresPerSocket: number },
  rule: { minPerProcessor: number; minPerServer: number; packCores: number },
): MetricCount {
  const perProcessor = Math.max(host.coresPerSocket, rule.minPerProcessor);
  const server = Math.max(perProcessor * host.sockets, rule.minPerServer);
  const units = Math.ceil(server / rule.packCores) * rule.packCores;
  const minProc = rule.minPerProcessor > 0 ? `max(${host.coresPerSocket}, ${rule.minPerProcessor})` : `${host.coresPerSocket}`;
  const sockets = `${host.sockets} socket${host.sockets === 1 ? '' : 's'}`;
  const minServer = rule.minPerServer > 0 ? `max(${minProc} x ${sockets}, ${rule.minPerServer})` : `${minProc} x ${sockets}`;
  const packs = rule.packCores > 1 && units !== server ? ` rounded up to ${rule.packCores}-core packs` : '';
  return { units, unit: 'core', formula: `${minServer}${packs} = ${units} cores` };
}

/** Full licensings of a host needed for `oses` guests when each grants `grant` of them (at least 1). */
export function stacksFor(oses: number, grant: OseGrant): number {
  if (grant === 'unlimited') return 1;
  if (grant <= 0) return 1;
  return Math.max(1, Math.ceil(oses / grant));
}

function guestGroups(h: HostUsage): readonly GuestGroup[] {
  return h.guests ?? (h.oses > 0 ? [{ vcpus: 1, count: h.oses }] : []);
}

/**
 * Counts the units one host needs under a host-scoped metric.
 *
 * @example
 * countHost({ kind: 'per-socket-pair', guestsPerUnit: 2 }, { count: 1, sockets: 2, coresPerSocket: 16, oses: 5 }).units //=> 3
 */
export function countHost(m: LicenceMetric, h: HostUsage): MetricCount {
  switch (m.kind) {
    case 'per-physical-core': {
      const one = physicalCoreLicensing(h, m);
      if (h.bareMetal && h.oses === 0) return one;
      const stacks = stacksFor(h.oses, m.osesPerLicensing);
      if (m.osesPerLicensing === 'unlimited') return { units: one.units, unit: 'core', formula: `${one.formula}; unlimited guests` };
      return {
        units: one.units * stacks,
        unit: 'core',
        formula: `${one.formula}; ${h.oses} guests / ${m.osesPerLicensing} per licensing = ${stacks} x ${one.units} = ${one.units * stacks} cores`,
      };
    }
    case 'per-virtual-core': {
      let units = 0;
      const parts = new Map<number, number>();
      for (const g of guestGroups(h)) {
        const need = Math.max(Math.ceil(g.vcpus), m.minPerInstance);
        const packed = Math.ceil(need / m.packCores) * m.packCores;
        units += packed * g.count;
        parts.set(packed, (parts.get(packed) ?? 0) + g.count);
      }
      const detail = [...parts].map(([cores, n]) => `${n} x ${cores}`).join(' + ') || '0';
      return { units, unit: 'core', formula: `per guest max(vCPUs, ${m.minPerInstance}) in ${m.packCores}-core packs: ${detail} = ${units} cores` };
    }
    case 'per-processor': {
      const cores = h.sockets * h.coresPerSocket;
      const raw = cores * m.coreFactor;
      const units = Math.ceil(raw - 1e-9);
      return { units, unit: 'processor', formula: `${cores} physical cores x core factor ${m.coreFactor} = ${raw} -> ${units} processor licences` };
    }
    case 'per-socket-pair': {
      const pairs = Math.ceil(h.sockets / 2);
      const coresPerPair = Math.min(2, h.sockets) * h.coresPerSocket;
      const perPair = m.maxCoresPerUnit ? Math.max(1, Math.ceil(coresPerPair / m.maxCoresPerUnit)) : 1;
      const hostUnits = pairs * perPair;
      const hostFormula =
        `ceil(${h.sockets} socket${h.sockets === 1 ? '' : 's'} / 2) = ${pairs} socket-pair${pairs === 1 ? '' : 's'}` +
        (m.maxCoresPerUnit ? ` x ceil(${coresPerPair} cores / ${m.maxCoresPerUnit}) = ${hostUnits}` : '');
      if (h.bareMetal || m.guestsPerUnit === 'unlimited') {
        return { units: hostUnits, unit: 'socket-pair', formula: m.guestsPerUnit === 'unlimited' && !h.bareMetal ? `${hostFormula}, unlimited guests` : hostFormula };
      }
      const units = Math.ceil(h.oses / m.guestsPerUnit);
      return { units, unit: 'subscription', formula: `ceil(${h.oses} guests / ${m.guestsPerUnit}) = ${units}` };
    }
    case 'per-core-pair': {
      if (h.bareMetal) {
        const cores = h.sockets * h.coresPerSocket;
        const units = Math.ceil(cores / m.physicalCoresPerUnit);
        return { units, unit: 'core-pair', formula: `ceil(${cores} physical cores / ${m.physicalCoresPerUnit}) = ${units}` };
      }
      const vcpus = guestGroups(h).reduce((a, g) => a + Math.ceil(g.vcpus) * g.count, 0);
      const units = Math.ceil(vcpus / m.vcpusPerUnit);
      return { units, unit: 'core-pair', formula: `ceil(${vcpus} vCPUs / ${m.vcpusPerUnit}) = ${units}` };
    }
    case 'per-cluster-hour':
    case 'per-user':
      return { units: 0, unit: m.kind === 'per-user' ? 'user-month' : 'cluster-hour', formula: 'counted per order' };
  }
}

/**
 * Counts the units of an order-scoped metric.
 *
 * @example
 * countOrder({ kind: 'per-cluster-hour' }, { hosts: [], clusters: 2 }).units //=> 17520
 */
export function countOrder(m: LicenceMetric, u: LicenceUsage): MetricCount {
  if (m.kind === 'per-cluster-hour') {
    const clusters = u.clusters ?? 1;
    const hours = u.hoursPerYear ?? HOURS_PER_YEAR;
    return { units: clusters * hours, unit: 'cluster-hour', formula: `${clusters} clusters x ${hours} hours` };
  }
  if (m.kind === 'per-user') {
    const users = u.users ?? 0;
    return { units: users * 12, unit: 'user-month', formula: `${users} users x 12 months` };
  }
  return { units: 0, unit: 'unit', formula: 'counted per host' };
}
