/**
 * The catalog figures a scenario may set, and their limits: the `prices:` shortcuts, the licence
 * list prices under `prices.licences`, and the bounds of catalog values other figures divide by or
 * scale with. Shared by the validator and by anything that addresses inputs by path.
 */
import { FIGURES, type CatalogId } from '../catalog/defaults.js';

/** Friendly `prices:` keys and the catalog ids they override. */
export const PRICE_ALIASES = {
  electricityPerKWh: 'power.pricePerKWh',
  pue: 'power.pue',
  colocationPerKWMonth: 'facilities.colocationPerKWMonth',
  amortizationYears: 'hardware.amortizationYears',
  hardwareSupportPercentPerYear: 'hardware.supportPercentPerYear',
  adminCostPerYear: 'labour.costPerAdminYear',
  physicalServersPerAdmin: 'labour.physicalServersPerAdmin',
  osInstancesPerAdmin: 'labour.osInstancesPerAdmin',
  averageLoad: 'power.averageLoad',
  softwareAssurancePercentPerYear: 'licence.softwareAssurancePercentPerYear',
  gridIntensityGPerKWh: 'carbon.gridIntensity',
} as const satisfies Record<string, CatalogId>;

/** Products whose list price `prices.licences` may set, and the catalog id of each. */
export const LICENCE_PRICE_IDS: Record<string, CatalogId> = Object.fromEntries(
  (Object.keys(FIGURES) as CatalogId[])
    .filter((id) => (id.startsWith('licence.') || id.startsWith('controlPlane.')) && FIGURES[id].unit.startsWith('currency/') && !id.endsWith('Credit'))
    .map((id) => [id.startsWith('licence.') ? id.slice('licence.'.length) : `${id.slice('controlPlane.'.length)}-control-plane`, id]),
);

/** Limits of one number: greater than `gt`, at least `min`, at most `max`, whole when `integer`. */
export type Bounds = { gt?: number; min?: number; max?: number; integer?: boolean };

/** Bounds for catalog values that other figures divide by or scale with. Others: 0..1e12. */
export const CATALOG_BOUNDS: Partial<Record<CatalogId, Bounds | Record<string, Bounds>>> = {
  'power.pue': { min: 1, max: 5 },
  'power.averageLoad': { min: 0, max: 1 },
  // Up to 2000 g, well above the highest figure in the catalog (India, 713 g).
  'carbon.gridIntensity': { min: 0, max: 2000 },
  'vm.thinUsedFraction': { gt: 0, max: 1 },
  'hardware.amortizationYears': { min: 1, max: 30, integer: true },
  'hardware.supportPercentPerYear': { min: 0, max: 100 },
  'licence.softwareAssurancePercentPerYear': { min: 0, max: 100 },
  'licence.oracle.supportPercentPerYear': { min: 0, max: 100 },
  'licence.oracle.coreFactor': { gt: 0, max: 4 },
  'hypervisor.esxi.hostReservePercent': { min: 0, max: 90 },
  'labour.physicalServersPerAdmin': { gt: 0, max: 100000 },
  'labour.osInstancesPerAdmin': { gt: 0, max: 1000000 },
  'k8s.maxPodsPerNode': { min: 1, max: 10000, integer: true },
  'host.threadsPerCore': { min: 1, max: 8, integer: true },
  'policy.targetUtilization': { cpu: { gt: 0, max: 1 }, memory: { gt: 0, max: 1 }, disk: { gt: 0, max: 1 } },
  'policy.overcommit': { cpu: { min: 0.1, max: 100 }, memory: { min: 0.1, max: 10 } },
  'policy.ha': { spareHosts: { min: 0, max: 100, integer: true } },
  'k8s.nodeVm': { vcpus: { min: 1, max: 1024, integer: true }, memoryGiB: { gt: 0, max: 65536 }, diskGiB: { gt: 0, max: 1048576 } },
  'hypervisor.kubevirt.formula': { pageTableDivisor: { gt: 0, max: 1e6 } },
};

export const DEFAULT_BOUNDS: Bounds = { min: 0, max: 1e12 };
