/**
 * The words of each licence product: the vendor's rule as we read it, and where it is written, and
 * `LICENCE_PRODUCTS`, the products with their words. Kept apart from the product definitions
 * (products.ts), which do not import this module, so that `evaluate` and the bundles built around
 * it do not carry the words; the CLI's `license` and `rules` verbs, the reports and the site read
 * them through `LICENCE_PRODUCTS`.
 */
import { SOURCES } from '../catalog/text.js';
import type { Source } from '../catalog/types.js';
import { PRODUCTS, type LicenceProduct } from './products.js';

export interface ProductText {
  /** The vendor's rule in our words. */
  rule: string;
  source: Source;
}

export const PRODUCT_TEXT: Readonly<Record<string, ProductText>> = {
  'windows-server-standard': {
    rule: "License every physical core, at least 8 per processor and 16 per server, in 2-core packs; each full licensing covers 2 OSEs (VMs or Hyper-V isolated containers), stack another for every 2 more. Process-isolated containers are unlimited. Per-VM option: each VM's virtual cores, at least 8, with SA or subscription. Pay-as-you-go through Azure Arc: per core per month, no minimums.",
    source: SOURCES.winLic,
  },
  'windows-server-datacenter': {
    rule: "License every physical core, at least 8 per processor and 16 per server, in 2-core packs; unlimited OSEs and containers on the licensed host. Pay-as-you-go through Azure Arc: per core per month, same rate as Standard.",
    source: SOURCES.winLic,
  },
  'sql-server-standard': {
    rule: "Per core, sold in 2-core packs: license each VM or container's virtual cores (at least 4; since SQL Server 2022 this needs Software Assurance or a subscription), or every physical core of a physical OSE (at least 4 per processor).",
    source: SOURCES.sqlLic,
  },
  'sql-server-enterprise': {
    rule: "Per core, sold in 2-core packs: license each VM or container's virtual cores (at least 4; since SQL Server 2022 this needs Software Assurance or a subscription), or every physical core of a physical OSE (at least 4 per processor). Licensing every physical core of a host with Enterprise and Software Assurance allows unlimited VMs on it.",
    source: SOURCES.sqlLic,
  },
  'rhel': {
    rule: "One subscription covers a physical host of 1-2 sockets (a socket-pair), or 2 virtual guests; subscriptions stack.",
    source: SOURCES.rhelSub,
  },
  'rhel-vdc': {
    rule: "One subscription per socket-pair of the hypervisor host covers unlimited RHEL guests on it.",
    source: SOURCES.rhelSub,
  },
  'vcf': {
    rule: "Subscription per physical core, at least 16 cores per CPU; an order below 72 cores is billed as 72 (since 2025-04-10).",
    source: SOURCES.broadcom,
  },
  'vvf': {
    rule: "Subscription per physical core, at least 16 cores per CPU; an order below 72 cores is billed as 72 (since 2025-04-10).",
    source: SOURCES.broadcom,
  },
  'vsphere-standard': {
    rule: "Subscription per physical core, at least 16 cores per CPU; an order below 72 cores is billed as 72 (since 2025-04-10).",
    source: SOURCES.broadcom,
  },
  'vsphere-enterprise-plus': {
    rule: "Subscription per physical core, at least 16 cores per CPU; an order below 72 cores is billed as 72 (since 2025-04-10).",
    source: SOURCES.broadcom,
  },
  'openshift': {
    rule: "Subscriptions per core-pair (2 physical cores or 4 vCPUs) of worker nodes; bare-metal nodes may instead take one socket-pair subscription covering 1-2 sockets and up to 128 cores.",
    source: SOURCES.openshift,
  },
  'docker-personal': {
    rule: "Docker Engine is free (Apache-2.0). Docker Desktop needs a paid subscription per user in organisations with 250 or more employees or $10M or more yearly revenue; Personal is free below that.",
    source: SOURCES.docker,
  },
  'docker-pro': {
    rule: "Docker Engine is free (Apache-2.0). Docker Desktop needs a paid subscription per user in organisations with 250 or more employees or $10M or more yearly revenue; Personal is free below that.",
    source: SOURCES.docker,
  },
  'docker-team': {
    rule: "Docker Engine is free (Apache-2.0). Docker Desktop needs a paid subscription per user in organisations with 250 or more employees or $10M or more yearly revenue; Personal is free below that.",
    source: SOURCES.docker,
  },
  'docker-business': {
    rule: "Docker Engine is free (Apache-2.0). Docker Desktop needs a paid subscription per user in organisations with 250 or more employees or $10M or more yearly revenue; Personal is free below that.",
    source: SOURCES.docker,
  },
  'eks': {
    rule: "A fee per cluster-hour of the managed control plane.",
    source: SOURCES.eksPricing,
  },
  'eks-extended': {
    rule: "A fee per cluster-hour of the managed control plane.",
    source: SOURCES.eksPricing,
  },
  'gke': {
    rule: "$0.10 per cluster-hour; a $74.40 monthly credit per billing account covers one zonal or Autopilot cluster (the credit is applied once per order here).",
    source: SOURCES.gkePricing,
  },
  'gke-regional': {
    rule: "$0.10 per cluster-hour; the monthly credit does not apply to regional Standard clusters.",
    source: SOURCES.gkePricing,
  },
  'aks': {
    rule: "A fee per cluster-hour of the managed control plane.",
    source: SOURCES.aksPricing,
  },
  'aks-free': {
    rule: "No cluster fee and no uptime SLA.",
    source: SOURCES.aksPricing,
  },
  'aks-premium': {
    rule: "A fee per cluster-hour of the managed control plane.",
    source: SOURCES.aksPricing,
  },
  'oracle-database-enterprise': {
    rule: "Per processor: physical cores x the core factor (0.5 for Intel and AMD), rounded up. VMware, Hyper-V and KVM without hard partitioning are soft partitioning: every physical core of every host the VM can run on must be licensed.",
    source: SOURCES.oracle,
  },
};

function joinProducts(): Readonly<Record<string, LicenceProduct>> {
  const out: Record<string, LicenceProduct> = {};
  for (const [id, p] of Object.entries(PRODUCTS)) {
    const t = PRODUCT_TEXT[id];
    if (!t) throw new Error(`licence product ${id} has no rule text in productText.ts`);
    const { id: pid, name, vendor, category, family, options, orderMinimumUnits, asOf, trust, entitlements, warnings } = p;
    out[id] = {
      id: pid, name, vendor, category, family, options,
      ...(orderMinimumUnits !== undefined ? { orderMinimumUnits } : {}),
      rule: t.rule, source: t.source, asOf, trust,
      ...(entitlements !== undefined ? { entitlements } : {}),
      ...(warnings !== undefined ? { warnings } : {}),
    };
  }
  return out;
}

/**
 * Every product the engine knows, by id, with the vendor's rule in our words and its source.
 *
 * @example
 * LICENCE_PRODUCTS['windows-server-standard']!.rule // "License every physical core, at least 8 per processor ..."
 */
export const LICENCE_PRODUCTS: Readonly<Record<string, LicenceProduct>> = /* @__PURE__ */ joinProducts();

/** The products of the same family as `id` (including itself), in catalog order. */
export function productFamily(id: string): LicenceProduct[] {
  const p = LICENCE_PRODUCTS[id];
  if (!p) return [];
  return Object.values(LICENCE_PRODUCTS).filter((x) => x.family === p.family);
}
