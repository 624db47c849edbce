/**
 * Every licensed product, expressed in the metric vocabulary of `metrics.ts`. A product has one or
 * more options (ways to license it); each option is a metric plus commercial terms whose prices are
 * catalog ids, so a scenario can override them. The as-of date and trust sit next to the
 * definition; the rule in words and its source are in `productText.ts`, so that `evaluate` does not
 * carry them, and `LICENCE_PRODUCTS` joins the two.
 */
import type { CatalogId } from '../catalog/defaults.js';
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

/** A licence product as the engine reads it: `LicenceProduct` without `rule` and `source`. */
export type ProductCore = Omit<LicenceProduct, 'rule' | 'source'>;

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

function windowsServer(edition: 'standard' | 'datacenter'): ProductCore {
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
    asOf: '2024-11',
    trust: 'vendor',
  };
}

function sqlServer(edition: 'standard' | 'enterprise'): ProductCore {
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
    asOf: '2022-11',
    trust: 'vendor',
  };
}

function rhel(product: 'rhel' | 'rhel-vdc'): ProductCore {
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
    asOf: '2024-06',
    trust: 'vendor',
  };
}

function vmware(id: 'vcf' | 'vvf' | 'vsphere-standard' | 'vsphere-enterprise-plus', name: string): ProductCore {
  const p: ProductCore = {
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
    asOf: '2025-04',
    trust: 'secondary',
  };
  if (id === 'vcf') p.entitlements = '1 TiB of vSAN capacity per licensed core';
  return p;
}

function openshift(): ProductCore {
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
    asOf: '2024-06',
    trust: 'vendor',
  };
}

function docker(tier: 'personal' | 'pro' | 'team' | 'business'): ProductCore {
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
    asOf: '2024-12',
    trust: 'vendor',
  };
}

function controlPlane(id: 'eks' | 'eks-extended' | 'gke' | 'gke-regional' | 'aks' | 'aks-free' | 'aks-premium'): ProductCore {
  const names = {
    eks: 'Amazon EKS control plane (standard support)',
    'eks-extended': 'Amazon EKS control plane (extended support)',
    gke: 'GKE cluster management fee (zonal or Autopilot)',
    'gke-regional': 'GKE cluster management fee (regional)',
    aks: 'AKS Standard tier',
    'aks-free': 'AKS Free tier',
    'aks-premium': 'AKS Premium tier',
  } as const;
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
    asOf: '2025-01',
    trust: 'vendor',
  };
}

function oracle(): ProductCore {
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

/** Every product the engine knows, by id, without its rule in words and source (see `LICENCE_PRODUCTS`). */
export const PRODUCTS: Readonly<Record<string, ProductCore>> = Object.fromEntries(
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

export const LICENCE_PRODUCT_IDS: readonly string[] = Object.keys(PRODUCTS);
