/**
 * Every licensed product, expressed in the metric vocabulary of `metrics.ts`. A product has one or
 * more options (ways to license it); each option is a metric plus commercial terms whose prices are
 * catalog ids, so a scenario can override them. The rule text, its source and as-of date sit next
 * to the definition.
 */
import { SOURCES, type CatalogId } from '../catalog/defaults.js';
import type { Source, Trust } from '../catalog/types.js';
import type { HostUsage, LicenceMetric, LicenceUsage } from './metrics.js';

/**
 * How an option is paid for.
 * - perpetual: a one-off price per `unitsPerPrice` units, spread over the amortization years, with
 *   a yearly assurance fee (Software Assurance, Oracle support) as a share of the price when the
 *   option requires it or the buyer opts in.
 * - subscription: a price per `unitsPerPrice` units of a yearly quantity (core-years, cluster-hours,
 *   user-months), or per unit per month when `monthly` (x 12 a year), less a monthly credit where
 *   the vendor grants one.
 * - free: no charge (an eligibility check may still exclude it).
 */
export type LicenceTerms =
  | { kind: 'perpetual'; priceId: CatalogId; unitsPerPrice: number; assurance: 'optional' | 'required'; assurancePercentId: CatalogId }
  | { kind: 'subscription'; priceId: CatalogId; unitsPerPrice: number; monthly?: boolean; creditPerMonthId?: CatalogId }
  | { kind: 'free' };

export interface LicenceOption {
  /** Stable id within the product, e.g. `per-core`, `per-vm`, `payg`. */
  id: string;
  label: string;
  metric: LicenceMetric;
  terms: LicenceTerms;
  /** Why this option cannot license this host, or null when it can. */
  excludes?: (h: HostUsage) => string | null;
  /** Why this option cannot serve this order, or null. */
  excludesOrder?: (u: LicenceUsage) => string | null;
}

export type ProductCategory = 'operating-system' | 'database' | 'virtualization' | 'container-platform' | 'developer-tool' | 'control-plane';

export interface LicenceProduct {
  id: string;
  name: string;
  vendor: string;
  category: ProductCategory;
  /** Products of one family are alternatives to each other (e.g. Windows Server Standard and Datacenter). */
  family: string;
  options: readonly LicenceOption[];
  /** Smallest order, in the unit of the product's metric (VMware: 72 cores). */
  orderMinimumUnits?: number;
  /** The vendor's rule in our words. */
  rule: string;
  source: Source;
  asOf: string;
  trust: Exclude<Trust, 'user'>;
  /** What the licence also entitles (e.g. VCF's vSAN capacity); reported, not priced. */
  entitlements?: string;
  /** Warnings the product raises for a usage (e.g. Oracle soft partitioning). */
  warnings?: (u: LicenceUsage) => string[];
}

const WINDOWS_RULE = { minPerProcessor: 8, minPerServer: 16, packCores: 2 } as const;
const SA = 'licence.softwareAssurancePercentPerYear' as const;

const onlyBareMetal = (h: HostUsage): string | null => (h.bareMetal ? null : 'covers the physical host only, not VMs');
const needsGuests = (h: HostUsage): string | null => (h.oses === 0 ? 'no guests to license per VM' : null);

function windowsServer(edition: 'standard' | 'datacenter'): LicenceProduct {
  const label = edition === 'standard' ? 'Standard' : 'Datacenter';
  const priceId = `licence.windows-server-${edition}` as const;
  const options: LicenceOption[] = [
    {
      id: 'per-core',
      label: 'per physical core',
      metric: { kind: 'per-physical-core', ...WINDOWS_RULE, osesPerLicensing: edition === 'standard' ? 2 : 'unlimited' },
      terms: { kind: 'perpetual', priceId, unitsPerPrice: 16, assurance: 'optional', assurancePercentId: SA },
    },
  ];
  if (edition === 'standard') {
    options.push({
      id: 'per-vm',
      label: 'per VM, per virtual core (with Software Assurance)',
      metric: { kind: 'per-virtual-core', minPerInstance: 8, packCores: 2 },
      terms: { kind: 'perpetual', priceId, unitsPerPrice: 16, assurance: 'required', assurancePercentId: SA },
      excludes: (h) => (h.bareMetal ? 'per-VM licensing covers VMs, not a physical host' : needsGuests(h)),
    });
  }
  if (edition === 'standard') {
    options.push({
      id: 'payg',
      label: 'pay-as-you-go through Azure Arc, per virtual core of each VM',
      metric: { kind: 'per-virtual-core', minPerInstance: 0, packCores: 1 },
      terms: { kind: 'subscription', priceId: 'licence.windows-server-payg', unitsPerPrice: 1, monthly: true },
      excludes: (h) => (h.bareMetal ? 'this option bills VMs; a physical host uses payg-host' : needsGuests(h)),
    });
  }
  options.push({
    id: 'payg-host',
    label: 'pay-as-you-go through Azure Arc, per physical core of the host',
    metric: { kind: 'per-physical-core', minPerProcessor: 0, minPerServer: 0, packCores: 1, osesPerLicensing: edition === 'standard' ? 2 : 'unlimited' },
    terms: { kind: 'subscription', priceId: 'licence.windows-server-payg', unitsPerPrice: 1, monthly: true },
  });
  return {
    id: `windows-server-${edition}`,
    name: `Windows Server ${label}`,
    vendor: 'Microsoft',
    category: 'operating-system',
    family: 'windows-server',
    options,
    rule:
      edition === 'standard'
        ? 'License every physical core, at least 8 per processor and 16 per server, in 2-core packs; each full licensing covers 2 OSEs (VMs or Hyper-V isolated containers), stack another for every 2 more. Process-isolated containers are unlimited. Per-VM option: each VM\'s virtual cores, at least 8, with SA or subscription. Pay-as-you-go through Azure Arc: per core per month, no minimums.'
        : 'License every physical core, at least 8 per processor and 16 per server, in 2-core packs; unlimited OSEs and containers on the licensed host. Pay-as-you-go through Azure Arc: per core per month, same rate as Standard.',
    source: SOURCES.winLic,
    asOf: '2024-11',
    trust: 'vendor',
  };
}

function sqlServer(edition: 'standard' | 'enterprise'): LicenceProduct {
  const label = edition === 'standard' ? 'Standard' : 'Enterprise';
  const priceId = `licence.sql-server-${edition}` as const;
  const options: LicenceOption[] = [
    {
      id: 'per-vm',
      label: 'per VM or container, per virtual core (with Software Assurance)',
      metric: { kind: 'per-virtual-core', minPerInstance: 4, packCores: 2 },
      terms: { kind: 'perpetual', priceId, unitsPerPrice: 2, assurance: 'required', assurancePercentId: SA },
      excludes: (h) => (h.bareMetal ? 'covers VMs and containers; use per-core on a physical host' : needsGuests(h)),
    },
    {
      id: 'per-core',
      label: 'per physical core (physical OSE)',
      metric: { kind: 'per-physical-core', minPerProcessor: 4, minPerServer: 0, packCores: 2, osesPerLicensing: 0 },
      terms: { kind: 'perpetual', priceId, unitsPerPrice: 2, assurance: 'optional', assurancePercentId: SA },
      excludes: onlyBareMetal,
    },
  ];
  if (edition === 'enterprise') {
    options.push({
      id: 'unlimited-virtualization',
      label: 'every physical core with Software Assurance: unlimited VMs',
      metric: { kind: 'per-physical-core', minPerProcessor: 4, minPerServer: 0, packCores: 2, osesPerLicensing: 'unlimited' },
      terms: { kind: 'perpetual', priceId, unitsPerPrice: 2, assurance: 'required', assurancePercentId: SA },
      excludes: (h) => (h.bareMetal ? 'unlimited virtualization is for VMs on the host' : needsGuests(h)),
    });
  }
  return {
    id: `sql-server-${edition}`,
    name: `SQL Server ${label}`,
    vendor: 'Microsoft',
    category: 'database',
    family: 'sql-server',
    options,
    rule:
      'Per core, sold in 2-core packs: license each VM or container\'s virtual cores (at least 4; since SQL Server 2022 this needs Software Assurance or a subscription), or every physical core of a physical OSE (at least 4 per processor).' +
      (edition === 'enterprise' ? ' Licensing every physical core of a host with Enterprise and Software Assurance allows unlimited VMs on it.' : ''),
    source: SOURCES.sqlLic,
    asOf: '2022-11',
    trust: 'vendor',
  };
}

function rhel(product: 'rhel' | 'rhel-vdc'): LicenceProduct {
  return {
    id: product,
    name: product === 'rhel' ? 'Red Hat Enterprise Linux Server' : 'Red Hat Enterprise Linux for Virtual Datacenters',
    vendor: 'Red Hat',
    category: 'operating-system',
    family: 'rhel',
    options: [
      {
        id: 'subscription',
        label: product === 'rhel' ? 'per socket-pair or 2 VMs' : 'per socket-pair, unlimited guests',
        metric: { kind: 'per-socket-pair', guestsPerUnit: product === 'rhel' ? 2 : 'unlimited' },
        terms: { kind: 'subscription', priceId: `licence.${product}`, unitsPerPrice: 1 },
        ...(product === 'rhel-vdc' ? { excludes: (h: HostUsage) => (h.bareMetal ? 'covers virtual guests; the physical host needs RHEL Server' : null) } : {}),
      },
    ],
    rule:
      product === 'rhel'
        ? 'One subscription covers a physical host of 1-2 sockets (a socket-pair), or 2 virtual guests; subscriptions stack.'
        : 'One subscription per socket-pair of the hypervisor host covers unlimited RHEL guests on it.',
    source: SOURCES.rhelSub,
    asOf: '2024-06',
    trust: 'vendor',
  };
}

function vmware(id: 'vcf' | 'vvf' | 'vsphere-standard' | 'vsphere-enterprise-plus', name: string): LicenceProduct {
  const p: LicenceProduct = {
    id,
    name,
    vendor: 'Broadcom',
    category: 'virtualization',
    family: 'vmware',
    options: [
      {
        id: 'per-core',
        label: 'subscription per physical core',
        metric: { kind: 'per-physical-core', minPerProcessor: 16, minPerServer: 0, packCores: 1, osesPerLicensing: 'unlimited' },
        terms: { kind: 'subscription', priceId: `licence.${id}`, unitsPerPrice: 1 },
      },
    ],
    orderMinimumUnits: 72,
    rule: 'Subscription per physical core, at least 16 cores per CPU; an order below 72 cores is billed as 72 (since 2025-04-10).',
    source: SOURCES.broadcom,
    asOf: '2025-04',
    trust: 'secondary',
  };
  if (id === 'vcf') p.entitlements = '1 TiB of vSAN capacity per licensed core';
  return p;
}

function openshift(): LicenceProduct {
  return {
    id: 'openshift',
    name: 'Red Hat OpenShift Container Platform',
    vendor: 'Red Hat',
    category: 'container-platform',
    family: 'openshift',
    options: [
      {
        id: 'core-pair',
        label: 'per core-pair: 2 physical cores, or 4 vCPUs of node VMs',
        metric: { kind: 'per-core-pair', physicalCoresPerUnit: 2, vcpusPerUnit: 4 },
        terms: { kind: 'subscription', priceId: 'licence.openshift', unitsPerPrice: 1 },
      },
      {
        id: 'bare-metal',
        label: 'per socket-pair of a bare-metal node, up to 128 cores',
        metric: { kind: 'per-socket-pair', guestsPerUnit: 'unlimited', maxCoresPerUnit: 128 },
        terms: { kind: 'subscription', priceId: 'licence.openshift-bare-metal', unitsPerPrice: 1 },
        excludes: onlyBareMetal,
      },
    ],
    rule: 'Subscriptions per core-pair (2 physical cores or 4 vCPUs) of worker nodes; bare-metal nodes may instead take one socket-pair subscription covering 1-2 sockets and up to 128 cores.',
    source: SOURCES.openshift,
    asOf: '2024-06',
    trust: 'vendor',
  };
}

function docker(tier: 'personal' | 'pro' | 'team' | 'business'): LicenceProduct {
  const name = `Docker ${tier[0]!.toUpperCase()}${tier.slice(1)}`;
  const option: LicenceOption =
    tier === 'personal'
      ? {
          id: 'free',
          label: 'free for small businesses, education and personal use',
          metric: { kind: 'per-user' },
          terms: { kind: 'free' },
          excludesOrder: (u) => {
            const o = u.organisation;
            if (!o) return 'eligibility unknown: give the organisation\'s employees and yearly revenue (free only under 250 employees and $10M)';
            if (o.employees >= 250 || o.annualRevenue >= 10_000_000) {
              return `not allowed for commercial use at ${o.employees} employees / ${o.annualRevenue} revenue (limit: under 250 employees and under $10M a year)`;
            }
            return null;
          },
        }
      : {
          id: 'per-user',
          label: 'per user per month, billed yearly',
          metric: { kind: 'per-user' },
          terms: { kind: 'subscription', priceId: `licence.docker-${tier}`, unitsPerPrice: 1 },
        };
  return {
    id: `docker-${tier}`,
    name,
    vendor: 'Docker',
    category: 'developer-tool',
    family: 'docker',
    options: [option],
    rule: 'Docker Engine is free (Apache-2.0). Docker Desktop needs a paid subscription per user in organisations with 250 or more employees or $10M or more yearly revenue; Personal is free below that.',
    source: SOURCES.docker,
    asOf: '2024-12',
    trust: 'vendor',
  };
}

function controlPlane(id: 'eks' | 'eks-extended' | 'gke' | 'gke-regional' | 'aks' | 'aks-free' | 'aks-premium'): LicenceProduct {
  const names = {
    eks: 'Amazon EKS control plane (standard support)',
    'eks-extended': 'Amazon EKS control plane (extended support)',
    gke: 'GKE cluster management fee (zonal or Autopilot)',
    'gke-regional': 'GKE cluster management fee (regional)',
    aks: 'AKS Standard tier',
    'aks-free': 'AKS Free tier',
    'aks-premium': 'AKS Premium tier',
  } as const;
  const source = id.startsWith('eks') ? SOURCES.eksPricing : id.startsWith('gke') ? SOURCES.gkePricing : SOURCES.aksPricing;
  const terms: LicenceTerms =
    id === 'aks-free'
      ? { kind: 'free' }
      : id === 'gke'
        ? { kind: 'subscription', priceId: 'controlPlane.gke', unitsPerPrice: 1, creditPerMonthId: 'controlPlane.gke.monthlyCredit' }
        : id === 'gke-regional'
          ? { kind: 'subscription', priceId: 'controlPlane.gke', unitsPerPrice: 1 }
          : { kind: 'subscription', priceId: `controlPlane.${id}`, unitsPerPrice: 1 };
  return {
    id,
    name: names[id],
    vendor: id.startsWith('eks') ? 'AWS' : id.startsWith('gke') ? 'Google Cloud' : 'Microsoft Azure',
    category: 'control-plane',
    // Alternatives a buyer actually chooses between: AKS tiers, GKE zonal or regional. EKS extended
    // support is what an old Kubernetes version costs, not a choice beside standard support.
    family: id === 'eks-extended' ? 'eks-extended' : id.startsWith('eks') ? 'eks' : id.startsWith('aks') ? 'aks' : 'gke',
    options: [{ id: 'per-cluster-hour', label: 'per cluster-hour', metric: { kind: 'per-cluster-hour' }, terms }],
    rule:
      id === 'gke'
        ? '$0.10 per cluster-hour; a $74.40 monthly credit per billing account covers one zonal or Autopilot cluster (the credit is applied once per order here).'
        : id === 'gke-regional'
          ? '$0.10 per cluster-hour; the monthly credit does not apply to regional Standard clusters.'
        : id === 'aks-free'
          ? 'No cluster fee and no uptime SLA.'
          : 'A fee per cluster-hour of the managed control plane.',
    source,
    asOf: '2025-01',
    trust: 'vendor',
  };
}

function oracle(): LicenceProduct {
  return {
    id: 'oracle-database-enterprise',
    name: 'Oracle Database Enterprise Edition',
    vendor: 'Oracle',
    category: 'database',
    family: 'oracle-database',
    options: [
      {
        id: 'per-processor',
        label: 'per processor: physical cores x core factor',
        metric: { kind: 'per-processor', coreFactor: 0.5, coreFactorId: 'licence.oracle.coreFactor' },
        terms: { kind: 'perpetual', priceId: 'licence.oracle-database-enterprise', unitsPerPrice: 1, assurance: 'optional', assurancePercentId: 'licence.oracle.supportPercentPerYear' },
      },
    ],
    rule: 'Per processor: physical cores x the core factor (0.5 for Intel and AMD), rounded up. VMware, Hyper-V and KVM without hard partitioning are soft partitioning: every physical core of every host the VM can run on must be licensed.',
    source: SOURCES.oracle,
    asOf: '2024-01',
    trust: 'vendor',
    warnings: (u) =>
      u.hosts.some((h) => !h.bareMetal)
        ? [
            'Oracle Database in VMs or containers on a shared host is soft partitioning under Oracle\'s partitioning policy: every physical core of every host the workload can run on (the whole cluster) must be licensed. Check your contract before relying on this estimate.',
          ]
        : [],
  };
}

/** Every product the engine knows, by id. */
export const LICENCE_PRODUCTS: Readonly<Record<string, LicenceProduct>> = Object.fromEntries(
  [
    windowsServer('standard'),
    windowsServer('datacenter'),
    sqlServer('standard'),
    sqlServer('enterprise'),
    rhel('rhel'),
    rhel('rhel-vdc'),
    vmware('vcf', 'VMware Cloud Foundation'),
    vmware('vvf', 'VMware vSphere Foundation'),
    vmware('vsphere-standard', 'VMware vSphere Standard'),
    vmware('vsphere-enterprise-plus', 'VMware vSphere Enterprise Plus'),
    openshift(),
    docker('personal'),
    docker('pro'),
    docker('team'),
    docker('business'),
    controlPlane('eks'),
    controlPlane('eks-extended'),
    controlPlane('gke'),
    controlPlane('gke-regional'),
    controlPlane('aks'),
    controlPlane('aks-free'),
    controlPlane('aks-premium'),
    oracle(),
  ].map((p) => [p.id, p]),
);

export const LICENCE_PRODUCT_IDS: readonly string[] = Object.keys(LICENCE_PRODUCTS);

/** The products of the same family as `id` (including itself), in catalog order. */
export function productFamily(id: string): LicenceProduct[] {
  const p = LICENCE_PRODUCTS[id];
  if (!p) return [];
  return Object.values(LICENCE_PRODUCTS).filter((x) => x.family === p.family);
}
