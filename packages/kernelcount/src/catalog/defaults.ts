import type { CatalogFigure } from './types.js';

/** The ESXi 6.5/6.7 sample overhead table: MB (VMware's MB are MiB) by configured memory (MB) and vCPUs. */
export const ESXI_67_OVERHEAD_TABLE = {
  vcpus: [1, 2, 4, 8],
  rows: [
    { memoryMiB: 256, overheadMiB: [20.29, 24.28, 32.23, 48.16] },
    { memoryMiB: 1024, overheadMiB: [25.9, 29.91, 37.86, 53.82] },
    { memoryMiB: 4096, overheadMiB: [48.64, 52.72, 60.67, 76.78] },
    { memoryMiB: 16384, overheadMiB: [139.62, 143.98, 151.93, 168.6] },
  ],
} as const;
/**
 * A per-VM overhead sample table: MiB by configured memory (rows) and vCPUs (columns). A cell the
 * source does not give is null; the rule then estimates it and says so.
 */
export interface EsxiOverheadTable {
  readonly vcpus: readonly number[];
  readonly rows: ReadonlyArray<{ readonly memoryMiB: number; readonly overheadMiB: ReadonlyArray<number | null> }>;
}

/**
 * The ESX/ESXi 4.0 table, for contrast with 6.x: about 5x higher at 1 vCPU / 1 GB. Read from manual
 * copies; rows 256-2048 MB are complete, 4096 MB for 1-4 vCPUs, and only the 1-vCPU column above.
 */
export const ESXI_40_OVERHEAD_TABLE: EsxiOverheadTable = {
  vcpus: [1, 2, 3, 4, 5, 6, 7, 8],
  rows: [
    { memoryMiB: 256, overheadMiB: [113.17, 159.43, 200.53, 241.62, 293.15, 334.27, 375.38, 416.5] },
    { memoryMiB: 512, overheadMiB: [116.68, 164.96, 206.07, 247.17, 302.75, 343.88, 385.02, 426.15] },
    { memoryMiB: 1024, overheadMiB: [123.73, 176.05, 217.18, 258.3, 322.0, 363.17, 404.34, 445.52] },
    { memoryMiB: 2048, overheadMiB: [137.81, 198.2, 239.37, 280.53, 360.46, 401.7, 442.94, 484.18] },
    { memoryMiB: 4096, overheadMiB: [165.98, 242.51, 283.75, 324.99, null, null, null, null] },
    { memoryMiB: 8192, overheadMiB: [222.3, null, null, null, null, null, null, null] },
    { memoryMiB: 16384, overheadMiB: [334.96, null, null, null, null, null, null, null] },
    { memoryMiB: 32768, overheadMiB: [560.27, null, null, null, null, null, null, null] },
    { memoryMiB: 65536, overheadMiB: [1011.21, null, null, null, null, null, null, null] },
    { memoryMiB: 131072, overheadMiB: [1912.48, null, null, null, null, null, null, null] },
    { memoryMiB: 262144, overheadMiB: [3714.99, null, null, null, null, null, null, null] },
  ],
};

/** A figure as written below: its id is its key, set by `withIds`. */
function entry<T>(e: Omit<CatalogFigure<T>, 'id'>): CatalogFigure<T> {
  return e as CatalogFigure<T>;
}

/** Sets each figure's `id` to its key, so the key is the one place an id is written. */
function withIds<R extends Record<string, CatalogFigure>>(figures: R): R {
  for (const id of Object.keys(figures)) figures[id]!.id = id;
  return figures;
}

/**
 * Every default the model uses, as figures: value, unit, as-of date and trust, and the same for each
 * named version. Their words (label, source, note) are in `text.ts`, so that code which only
 * computes does not carry them; `CATALOG` (catalog.ts) joins the two. A scenario may override any
 * figure by id in its `catalog:` section.
 */
export const FIGURES = withIds({
  // ---- guest operating systems (inside a VM) ----
  'guestOs.linux.memoryMiB': entry({
    value: 300,
    unit: 'MiB',
    asOf: '2025-06',
    trust: 'weak',
  }),
  'guestOs.linux.minimumMemoryMiB': entry({
    value: 1536,
    unit: 'MiB',
    asOf: '2024-05',
    trust: 'secondary',
  }),
  'guestOs.linux.diskGiB': entry({
    value: 10,
    unit: 'GiB',
    asOf: '2024-05',
    trust: 'secondary',
  }),
  'guestOs.linux.cpuMillicores': entry({
    value: 0,
    unit: 'millicores',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'guestOs.windows.memoryMiB': entry({
    value: 2048,
    unit: 'MiB',
    asOf: '2024-10',
    trust: 'vendor',
  }),
  'guestOs.windows.minimumMemoryMiB': entry({
    value: 2048,
    unit: 'MiB',
    asOf: '2024-10',
    trust: 'vendor',
  }),
  'guestOs.windows.diskGiB': entry({
    value: 32,
    unit: 'GiB',
    asOf: '2024-10',
    trust: 'vendor',
  }),
  'guestOs.windows.cpuMillicores': entry({
    value: 0,
    unit: 'millicores',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'vm.thinUsedFraction': entry({
    value: 0.5,
    unit: 'fraction',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'vm.bootSeconds': entry({
    value: 30,
    unit: 'seconds',
    asOf: '2026-11',
    trust: 'weak',
  }),

  // ---- hypervisors ----
  'hypervisor.esxi-6.7.overheadTable': entry({
    value: ESXI_67_OVERHEAD_TABLE as EsxiOverheadTable,
    unit: 'MiB by configured MiB and vCPUs',
    asOf: '2018-04',
    trust: 'vendor',
  }),
  'hypervisor.esxi-6.5.overheadTable': entry({
    value: ESXI_67_OVERHEAD_TABLE as EsxiOverheadTable,
    unit: 'MiB by configured MiB and vCPUs',
    asOf: '2016-11',
    trust: 'vendor',
  }),
  'hypervisor.esxi-4.0.overheadTable': entry({
    value: ESXI_40_OVERHEAD_TABLE,
    unit: 'MiB by configured MiB and vCPUs',
    asOf: '2009-05',
    trust: 'secondary',
  }),
  'hypervisor.esxi.hostReservePercent': entry({
    value: 8,
    unit: '%',
    asOf: '2023-01',
    trust: 'weak',
  }),
  'hypervisor.kubevirt.formula': entry({
    value: { pageTableDivisor: 512, fixedMiB: 220, perVcpuMiB: 8, ioThreadMiB: 8, videoMiB: 32 },
    unit: 'MiB',
    asOf: '2025-01',
    trust: 'vendor',
    version: '2025',
    versions: {
      '2023': {
        value: { pageTableDivisor: 512, fixedMiB: 210, perVcpuMiB: 8, ioThreadMiB: 8, videoMiB: 16 },
        asOf: '2023-08',
        trust: 'secondary',
      },
      '2018': {
        value: { pageTableDivisor: 512, fixedMiB: 64, perVcpuMiB: 8, ioThreadMiB: 8, videoMiB: 16 },
        asOf: '2018-07',
        trust: 'vendor',
      },
    },
  }),
  'hypervisor.openshift-virt.formula': entry({
    value: { memoryFactor: 0.002, fixedMiB: 218, perVcpuMiB: 8, perGraphicsDeviceMiB: 16 },
    unit: 'MiB',
    asOf: '2025-09',
    trust: 'vendor',
  }),
  'hypervisor.proxmox.hostMemoryMiB': entry({
    value: 2048,
    unit: 'MiB',
    asOf: '2024-11',
    trust: 'vendor',
  }),
  'hypervisor.proxmox.zfsArc': entry({
    value: { percent: 10, capMiB: 16384 },
    unit: '% / MiB',
    asOf: '2023-11',
    trust: 'vendor',
  }),
  'hypervisor.kvm.perVmMiB': entry({
    value: 256,
    unit: 'MiB',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'hypervisor.hyperv.perVmMiB': entry({
    value: 256,
    unit: 'MiB',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'hypervisor.hyperv.rootReserveMiB': entry({
    value: 4096,
    unit: 'MiB',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'hypervisor.firecracker.vmmMiB': entry({
    value: 5,
    unit: 'MiB',
    asOf: '2018-08',
    trust: 'vendor',
    version: 'sla',
    versions: {
      'target-2018-02': {
        value: 32,
        asOf: '2018-02',
        trust: 'vendor',
      },
    },
  }),
  'hypervisor.firecracker.startMs': entry({
    value: 125,
    unit: 'ms',
    asOf: '2018-08',
    trust: 'vendor',
  }),

  // ---- Kubernetes nodes ----
  'k8s.maxPodsPerNode': entry({
    value: 110,
    unit: 'pods',
    asOf: '2025-06',
    trust: 'vendor',
  }),
  'k8s.generic.reservation': entry({
    value: {
      kubeReservedCpuMillicores: 1000,
      kubeReservedMemoryMiB: 2048,
      systemReservedCpuMillicores: 500,
      systemReservedMemoryMiB: 1024,
      evictionMemoryMiB: 500,
    },
    unit: 'millicores / MiB',
    asOf: '2025-01',
    trust: 'secondary',
  }),
  'k8s.evictionHard.memoryMiB': entry({
    value: 100,
    unit: 'MiB',
    asOf: '2025-01',
    trust: 'vendor',
  }),
  'k8s.evictionHard.nodefsPercent': entry({
    value: 10,
    unit: '%',
    asOf: '2025-01',
    trust: 'vendor',
  }),
  'k8s.evictionHard.windowsMemoryMiB': entry({
    value: 500,
    unit: 'MiB',
    asOf: '2024-06',
    trust: 'vendor',
  }),
  'k8s.aks.windowsExtraMiB': entry({
    value: 2048,
    unit: 'MiB',
    asOf: '2024-04',
    trust: 'vendor',
  }),
  'k8s.gdc.baseMemoryMiB': entry({
    value: 330,
    unit: 'MiB',
    asOf: '2021-01',
    trust: 'vendor',
    version: '1.6+',
    versions: {
      '1.3-1.5': {
        value: 280,
        asOf: '2020-09',
        trust: 'vendor',
      },
    },
  }),
  'k8s.controlPlane.perNode': entry({
    value: { cpuMillicores: 2000, memoryMiB: 2048 },
    unit: 'millicores / MiB',
    asOf: '2025-01',
    trust: 'vendor',
  }),
  'runtime.shimMemoryMiB': entry({
    value: 5,
    unit: 'MiB',
    asOf: '2017-11',
    trust: 'secondary',
  }),
  'runtime.containerStartSeconds': entry({
    value: 0.568,
    unit: 'seconds',
    asOf: '2026-02',
    trust: 'secondary',
    version: 'ssd',
    versions: {
      hdd: {
        value: 1.157,
        asOf: '2026-02',
        trust: 'secondary',
      },
    },
  }),
  'hostOs.linux.diskGiB': entry({
    value: 10,
    unit: 'GiB',
    asOf: '2024-05',
    trust: 'secondary',
  }),
  'hostOs.windows.diskGiB': entry({
    value: 32,
    unit: 'GiB',
    asOf: '2024-10',
    trust: 'vendor',
  }),
  'image.linux.sizeMiB': entry({
    value: 77,
    unit: 'MiB',
    asOf: '2025-06',
    trust: 'weak',
  }),
  'image.windows.sizeMiB': entry({
    value: 3720,
    unit: 'MiB',
    asOf: '2024-01',
    trust: 'secondary',
  }),

  // ---- sandboxes and micro-VMs (pod overhead) ----
  'sandbox.kata-qemu': entry({
    value: { memoryMiB: 160, cpuMillicores: 250 },
    unit: 'MiB / millicores',
    asOf: '2025-06',
    trust: 'vendor',
  }),
  'sandbox.kata-clh': entry({
    value: { memoryMiB: 130, cpuMillicores: 250 },
    unit: 'MiB / millicores',
    asOf: '2025-06',
    trust: 'vendor',
  }),
  'sandbox.kata-fc': entry({
    value: { memoryMiB: 130, cpuMillicores: 250 },
    unit: 'MiB / millicores',
    asOf: '2025-06',
    trust: 'vendor',
  }),
  'sandbox.kata-dragonball': entry({
    value: { memoryMiB: 130, cpuMillicores: 250 },
    unit: 'MiB / millicores',
    asOf: '2025-06',
    trust: 'vendor',
  }),
  'sandbox.kata-qemu-tdx': entry({
    value: { memoryMiB: 2048, cpuMillicores: 1000 },
    unit: 'MiB / millicores',
    asOf: '2025-06',
    trust: 'vendor',
  }),
  'sandbox.kata-qemu-snp': entry({
    value: { memoryMiB: 2048, cpuMillicores: 1000 },
    unit: 'MiB / millicores',
    asOf: '2025-06',
    trust: 'vendor',
  }),
  'sandbox.kata.startSeconds': entry({
    value: 0.71,
    unit: 'seconds',
    asOf: '2023-11',
    trust: 'secondary',
  }),
  'sandbox.gvisor': entry({
    value: { memoryMiB: 46, cpuMillicores: 0 },
    unit: 'MiB / millicores',
    asOf: '2023-01',
    trust: 'vendor',
  }),
  'sandbox.firecracker.guestKernelMiB': entry({
    value: 120,
    unit: 'MiB',
    asOf: '2025-06',
    trust: 'weak',
  }),

  'sandbox.hyperv-isolation': entry({
    value: { memoryMiB: 512, cpuMillicores: 0 },
    unit: 'MiB / millicores',
    asOf: '2026-11',
    trust: 'weak',
  }),

  // ---- hosts, node VMs and policy conventions ----
  'host.threadsPerCore': entry({
    value: 2,
    unit: 'threads',
    asOf: '2026-11',
    trust: 'secondary',
  }),
  'k8s.nodeVm': entry({
    value: { vcpus: 8, memoryGiB: 32, diskGiB: 100 },
    unit: 'vCPU / GiB / GiB',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'policy.targetUtilization': entry({
    value: { cpu: 0.8, memory: 0.9, disk: 0.9 },
    unit: 'fraction',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'policy.overcommit': entry({
    value: { cpu: 1, memory: 1 },
    unit: 'ratio',
    asOf: '2026-11',
    trust: 'secondary',
  }),
  'policy.ha': entry({
    value: { spareHosts: 1 },
    unit: 'hosts',
    asOf: '2026-11',
    trust: 'secondary',
  }),

  // ---- power, facilities, hardware, labour ----
  'power.pue': entry({
    value: 1.56,
    unit: 'ratio',
    asOf: '2024-07',
    trust: 'vendor',
  }),
  'power.pricePerKWh': entry({
    value: '0.0806',
    unit: 'currency/kWh',
    asOf: '2023-12',
    trust: 'secondary',
  }),
  'power.averageLoad': entry({
    value: 0.5,
    unit: 'fraction',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'host.powerIdleW': entry({
    value: 200,
    unit: 'W',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'host.powerMaxW': entry({
    value: 700,
    unit: 'W',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'carbon.gridIntensity': entry({
    value: 481,
    unit: 'gCO2e/kWh',
    asOf: '2024-07-03',
    trust: 'secondary',
    version: 'world-2023',
    versions: {
      'australia-2023': { value: 549, asOf: '2026-01-26', trust: 'vendor' },
      'austria-2023': { value: 111, asOf: '2026-01-26', trust: 'vendor' },
      'belgium-2023': { value: 138, asOf: '2026-01-26', trust: 'vendor' },
      'brazil-2023': { value: 98, asOf: '2026-01-26', trust: 'vendor' },
      'bulgaria-2023': { value: 335, asOf: '2026-01-26', trust: 'vendor' },
      'canada-2023': { value: 170, asOf: '2026-01-26', trust: 'vendor' },
      'china-2023': { value: 582, asOf: '2026-01-26', trust: 'vendor' },
      'croatia-2023': { value: 205, asOf: '2026-01-26', trust: 'vendor' },
      'czechia-2023': { value: 450, asOf: '2026-01-26', trust: 'vendor' },
      'denmark-2023': { value: 152, asOf: '2026-01-26', trust: 'vendor' },
      'finland-2023': { value: 79, asOf: '2026-01-26', trust: 'vendor' },
      'france-2023': { value: 56, asOf: '2026-01-26', trust: 'vendor' },
      'germany-2023': { value: 381, asOf: '2026-01-26', trust: 'vendor' },
      'greece-2023': { value: 337, asOf: '2026-01-26', trust: 'vendor' },
      'hungary-2023': { value: 204, asOf: '2026-01-26', trust: 'vendor' },
      'india-2023': { value: 713, asOf: '2026-01-26', trust: 'vendor' },
      'ireland-2023': { value: 291, asOf: '2026-01-26', trust: 'vendor' },
      'norway-2023': { value: 30, asOf: '2024-07-03', trust: 'secondary' },
      'poland-2023': { value: 662, asOf: '2023-12', trust: 'secondary' },
      'sweden-2023': { value: 40.7, asOf: '2023-12', trust: 'secondary' },
      'us-2023': { value: 367, asOf: '2023-12', trust: 'secondary' },
    },
  }),
  'facilities.colocationPerKWMonth': entry({
    value: '184.06',
    unit: 'currency/kW-month',
    asOf: '2024-12',
    trust: 'vendor',
  }),
  'hardware.amortizationYears': entry({
    value: 5,
    unit: 'years',
    asOf: '2025-01',
    trust: 'secondary',
  }),
  'hardware.supportPercentPerYear': entry({
    value: 10,
    unit: '%',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'labour.physicalServersPerAdmin': entry({
    value: 30,
    unit: 'servers/FTE',
    asOf: '2010-01',
    trust: 'secondary',
  }),
  'labour.osInstancesPerAdmin': entry({
    value: 150,
    unit: 'instances/FTE',
    asOf: '2010-01',
    trust: 'secondary',
  }),
  'labour.costPerAdminYear': entry({
    value: '120000',
    unit: 'currency/year',
    asOf: '2026-11',
    trust: 'weak',
  }),

  // ---- licences (prices are dated list prices; rules are in licensing/products.ts) ----
  'licence.windows-server-standard': entry({
    value: '1069',
    unit: 'currency/16 cores',
    asOf: '2022-01',
    trust: 'secondary',
    version: '2022',
    versions: {
      '2025': {
        value: '1176',
        asOf: '2024-11',
        trust: 'weak',
      },
    },
  }),
  'licence.windows-server-datacenter': entry({
    value: '6155',
    unit: 'currency/16 cores',
    asOf: '2022-01',
    trust: 'secondary',
    version: '2022',
    versions: {
      '2025': {
        value: '6771',
        asOf: '2024-11',
        trust: 'weak',
      },
    },
  }),
  'licence.sql-server-standard': entry({
    value: '3945',
    unit: 'currency/2 cores',
    asOf: '2023-01',
    trust: 'secondary',
  }),
  'licence.sql-server-enterprise': entry({
    value: '15123',
    unit: 'currency/2 cores',
    asOf: '2023-01',
    trust: 'secondary',
  }),
  'licence.rhel': entry({
    value: '799',
    unit: 'currency/year',
    asOf: '2024-06',
    trust: 'weak',
  }),
  'licence.rhel-vdc': entry({
    value: '2655',
    unit: 'currency/year',
    asOf: '2024-06',
    trust: 'weak',
  }),
  'licence.vsphere-standard': entry({
    value: '50',
    unit: 'currency/core-year',
    asOf: '2025-04',
    trust: 'weak',
  }),
  'licence.vsphere-enterprise-plus': entry({
    value: '150',
    unit: 'currency/core-year',
    asOf: '2025-04',
    trust: 'weak',
  }),
  'licence.vvf': entry({
    value: '135',
    unit: 'currency/core-year',
    asOf: '2025-04',
    trust: 'weak',
  }),
  'licence.vcf': entry({
    value: '350',
    unit: 'currency/core-year',
    asOf: '2025-04',
    trust: 'weak',
  }),
  'licence.softwareAssurancePercentPerYear': entry({
    value: 25,
    unit: '% of licence price/year',
    asOf: '2024-01',
    trust: 'secondary',
  }),
  'licence.windows-server-payg': entry({
    value: '33.58',
    unit: 'currency/core-month',
    asOf: '2023-11',
    trust: 'weak',
  }),
  'licence.openshift': entry({
    value: '2500',
    unit: 'currency/core-pair-year',
    asOf: '2024-06',
    trust: 'weak',
  }),
  'licence.openshift-bare-metal': entry({
    value: '20000',
    unit: 'currency/socket-pair-year',
    asOf: '2024-06',
    trust: 'weak',
  }),
  'licence.docker-pro': entry({
    value: '9',
    unit: 'currency/user-month',
    asOf: '2024-12',
    trust: 'weak',
  }),
  'licence.docker-team': entry({
    value: '15',
    unit: 'currency/user-month',
    asOf: '2024-12',
    trust: 'vendor',
  }),
  'licence.docker-business': entry({
    value: '24',
    unit: 'currency/user-month',
    asOf: '2024-12',
    trust: 'weak',
  }),
  'licence.oracle-database-enterprise': entry({
    value: '47500',
    unit: 'currency/processor',
    asOf: '2024-01',
    trust: 'secondary',
  }),
  'licence.oracle.coreFactor': entry({
    value: 0.5,
    unit: 'processors/core',
    asOf: '2024-01',
    trust: 'secondary',
  }),
  'licence.oracle.supportPercentPerYear': entry({
    value: 22,
    unit: '% of licence price/year',
    asOf: '2024-01',
    trust: 'secondary',
  }),
  'controlPlane.eks': entry({
    value: '0.10',
    unit: 'currency/cluster-hour',
    asOf: '2025-01',
    trust: 'vendor',
  }),
  'controlPlane.gke': entry({
    value: '0.10',
    unit: 'currency/cluster-hour',
    asOf: '2025-01',
    trust: 'vendor',
  }),
  'controlPlane.aks': entry({
    value: '0.10',
    unit: 'currency/cluster-hour',
    asOf: '2025-01',
    trust: 'secondary',
  }),
  'controlPlane.eks-extended': entry({
    value: '0.60',
    unit: 'currency/cluster-hour',
    asOf: '2025-01',
    trust: 'vendor',
  }),
  'controlPlane.aks-premium': entry({
    value: '0.60',
    unit: 'currency/cluster-hour',
    asOf: '2025-01',
    trust: 'secondary',
  }),
  'controlPlane.gke.monthlyCredit': entry({
    value: '74.40',
    unit: 'currency/month',
    asOf: '2025-01',
    trust: 'vendor',
    version: 'credit',
    versions: {
      'one-free-zonal-2020': {
        value: '73.00',
        asOf: '2020-06',
        trust: 'vendor',
      },
    },
  }),
} as const);

export type CatalogId = keyof typeof FIGURES;
export type CatalogValue<K extends CatalogId> = (typeof FIGURES)[K]['value'];
