/**
 * Licence rules: how many units of a product a host, a VM or an order needs. Prices live in the
 * catalog; these functions count. Each cites its vendor text and date.
 */

export interface HostCores {
  sockets: number;
  coresPerSocket: number;
}

export interface CoreCount {
  /** Cores that must be licensed after the minimums. */
  licensedCores: number;
  formula: string;
}

/**
 * Physical cores to license under a per-core rule with a per-processor and a per-server minimum,
 * rounded up to the pack size. Windows Server 2022/2025: at least 8 per processor, 16 per server,
 * sold in 2-core packs (Microsoft licensing brief, as of 2022-01).
 *
 * @example
 * perPhysicalCoreCount({ sockets: 2, coresPerSocket: 6 }, { minPerProcessor: 8, minPerServer: 16, packCores: 2 }).licensedCores //=> 16
 */
export function perPhysicalCoreCount(
  host: HostCores,
  rule: { minPerProcessor: number; minPerServer: number; packCores: number },
): CoreCount {
  const perProcessor = Math.max(host.coresPerSocket, rule.minPerProcessor);
  const server = Math.max(perProcessor * host.sockets, rule.minPerServer);
  const licensedCores = Math.ceil(server / rule.packCores) * rule.packCores;
  return {
    licensedCores,
    formula: `max(max(${host.coresPerSocket}, ${rule.minPerProcessor}) x ${host.sockets} sockets, ${rule.minPerServer}) = ${licensedCores} cores`,
  };
}

export type WindowsServerEdition = 'standard' | 'datacenter';

export interface WindowsServerHostLicence {
  edition: WindowsServerEdition;
  /** Core licences to buy for the host (all stacks). */
  coreLicences: number;
  /** Full licensings of the host's cores (Standard stacks once per 2 OSEs; Datacenter once). */
  stacks: number;
  formula: string;
}

/** Windows Server 2022/2025 minimums: 8 cores per processor, 16 per server, 2-core packs. */
export const WINDOWS_SERVER_CORE_RULE = { minPerProcessor: 8, minPerServer: 16, packCores: 2 } as const;

/**
 * Windows Server core licences for one host (Microsoft Windows Server licensing datasheet, as of
 * 2022-01). Every physical core is licensed (minimums of `WINDOWS_SERVER_CORE_RULE`). Standard: each full
 * licensing of the cores grants 2 OSEs (VMs, or Hyper-V isolated containers); stack another full set
 * for every 2 more. Datacenter: unlimited OSEs. A host running Windows itself (a container node) needs
 * one licensing, and process-isolated Windows containers are unlimited on both editions.
 *
 * @example
 * windowsServerHostLicence({ sockets: 2, coresPerSocket: 16 }, 'standard', 5).coreLicences //=> 96
 */
export function windowsServerHostLicence(
  host: HostCores,
  edition: WindowsServerEdition,
  oses: number,
): WindowsServerHostLicence {
  const cores = perPhysicalCoreCount(host, WINDOWS_SERVER_CORE_RULE);
  const stacks = edition === 'datacenter' ? 1 : Math.max(1, Math.ceil(oses / 2));
  return {
    edition,
    coreLicences: cores.licensedCores * stacks,
    stacks,
    formula:
      edition === 'datacenter'
        ? `${cores.formula}; Datacenter: unlimited OSEs = ${cores.licensedCores} core licences`
        : `${cores.formula}; Standard: ceil(${oses} OSEs / 2) = ${stacks} stacks x ${cores.licensedCores} = ${cores.licensedCores * stacks} core licences`,
  };
}

/**
 * Number of VMs on one host at which Datacenter costs the same as stacked Standard: Standard needs
 * ceil(n/2) stacks, so Datacenter wins once ceil(n/2) x standard price > datacenter price.
 * Returns the smallest VM count for which Datacenter is cheaper.
 *
 * @example
 * windowsDatacenterBreakEvenVms(1069, 6155) //=> 11 (11 VMs need 6 stacks of Standard: 6,414 > 6,155)
 */
export function windowsDatacenterBreakEvenVms(standardPrice: number, datacenterPrice: number): number {
  const stacks = Math.floor(datacenterPrice / standardPrice) + 1;
  return stacks * 2 - 1;
}

/**
 * Cores to license for one VM or container under a per-virtual-core rule with a per-instance minimum,
 * in packs. SQL Server 2022: at least 4 cores per VM or container, 2-core packs (SQL Server 2022
 * licensing guide, as of 2022-11). Windows Server per-VM licensing: at least 8 per VM (since 2022-10,
 * with SA or subscription).
 *
 * @example
 * perVirtualCoreCount(1, { minPerInstance: 4, packCores: 2 }).licensedCores //=> 4
 */
export function perVirtualCoreCount(vcpus: number, rule: { minPerInstance: number; packCores: number }): CoreCount {
  const needed = Math.max(Math.ceil(vcpus), rule.minPerInstance);
  const licensedCores = Math.ceil(needed / rule.packCores) * rule.packCores;
  return { licensedCores, formula: `max(${Math.ceil(vcpus)} vCPU, ${rule.minPerInstance}) = ${licensedCores} cores` };
}

export const SQL_SERVER_CORE_RULE = { minPerInstance: 4, packCores: 2 } as const;

export type RhelProduct = 'rhel' | 'rhel-vdc';

/**
 * RHEL subscriptions for one host (Red Hat subscription guide, as of 2024-06). RHEL Server covers one
 * socket-pair of a physical host, or 2 VMs, and stacks; RHEL for Virtual Datacenters covers unlimited
 * guests per socket-pair of the hypervisor host.
 *
 * @example
 * rhelSubscriptions('rhel', { sockets: 2, coresPerSocket: 16 }, 5).subscriptions //=> 3
 */
export function rhelSubscriptions(
  product: RhelProduct,
  host: HostCores,
  vms: number | 'bare-metal',
): { subscriptions: number; formula: string } {
  const pairs = Math.ceil(host.sockets / 2);
  if (product === 'rhel-vdc') {
    return { subscriptions: pairs, formula: `ceil(${host.sockets} sockets / 2) = ${pairs} socket-pairs, unlimited guests` };
  }
  if (vms === 'bare-metal') {
    return { subscriptions: pairs, formula: `ceil(${host.sockets} sockets / 2) = ${pairs} socket-pairs` };
  }
  const subscriptions = Math.ceil(vms / 2);
  return { subscriptions, formula: `ceil(${vms} VMs / 2) = ${subscriptions}` };
}

/** Broadcom VMware per-core rule: at least 16 cores per CPU; an order below 72 cores is billed as 72. */
export const VMWARE_CORE_RULE = { minPerProcessor: 16, minPerOrder: 72 } as const;

/**
 * VMware by Broadcom subscription cores for a set of hosts (Broadcom per-core licensing, KB 313548;
 * 72-core order minimum since 2025-04-10): each CPU counts at least 16 cores, and the order is at
 * least 72 cores.
 *
 * @example
 * vmwareSubscriptionCores([{ sockets: 2, coresPerSocket: 12 }, { sockets: 2, coresPerSocket: 12 }]).licensedCores //=> 72
 */
export function vmwareSubscriptionCores(hosts: readonly HostCores[]): CoreCount {
  const perHost = hosts.map((h) => Math.max(h.coresPerSocket, VMWARE_CORE_RULE.minPerProcessor) * h.sockets);
  const counted = perHost.reduce((a, b) => a + b, 0);
  const licensedCores = hosts.length === 0 ? 0 : Math.max(counted, VMWARE_CORE_RULE.minPerOrder);
  return {
    licensedCores,
    formula: `max(sum over ${hosts.length} hosts of max(cores per CPU, 16) x sockets = ${counted}, 72 order minimum) = ${licensedCores} cores`,
  };
}

/** Hours in a year as the cloud providers bill them: 24 x 365 = 8,760. */
export const HOURS_PER_YEAR = 8760;
