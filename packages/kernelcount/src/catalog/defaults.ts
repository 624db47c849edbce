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

function entry<T>(e: CatalogFigure<T>): CatalogFigure<T> {
  return e;
}

/**
 * Every default the model uses, as figures: value, unit, as-of date and trust, and the same for each
 * named version. Their words (label, source, note) are in `text.ts`, so that code which only
 * computes does not carry them; `CATALOG` (catalog.ts) joins the two. A scenario may override any
 * figure by id in its `catalog:` section.
 */
export const FIGURES = {
  // ---- guest operating systems (inside a VM) ----
  'guestOs.linux.memoryMiB': entry({
    id: 'guestOs.linux.memoryMiB',
    value: 300,
    unit: 'MiB',
    asOf: '2025-06',
    trust: 'weak',
  }),
  'guestOs.linux.minimumMemoryMiB': entry({
    id: 'guestOs.linux.minimumMemoryMiB',
    value: 1536,
    unit: 'MiB',
    asOf: '2024-05',
    trust: 'secondary',
  }),
  'guestOs.linux.diskGiB': entry({
    id: 'guestOs.linux.diskGiB',
    value: 10,
    unit: 'GiB',
    asOf: '2024-05',
    trust: 'secondary',
  }),
  'guestOs.linux.cpuMillicores': entry({
    id: 'guestOs.linux.cpuMillicores',
    value: 0,
    unit: 'millicores',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'guestOs.windows.memoryMiB': entry({
    id: 'guestOs.windows.memoryMiB',
    value: 2048,
    unit: 'MiB',
    asOf: '2024-10',
    trust: 'vendor',
  }),
  'guestOs.windows.minimumMemoryMiB': entry({
    id: 'guestOs.windows.minimumMemoryMiB',
    value: 2048,
    unit: 'MiB',
    asOf: '2024-10',
    trust: 'vendor',
  }),
  'guestOs.windows.diskGiB': entry({
    id: 'guestOs.windows.diskGiB',
    value: 32,
    unit: 'GiB',
    asOf: '2024-10',
    trust: 'vendor',
  }),
  'guestOs.windows.cpuMillicores': entry({
    id: 'guestOs.windows.cpuMillicores',
    value: 0,
    unit: 'millicores',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'vm.thinUsedFraction': entry({
    id: 'vm.thinUsedFraction',
    value: 0.5,
    unit: 'fraction',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'vm.bootSeconds': entry({
    id: 'vm.bootSeconds',
    value: 30,
    unit: 'seconds',
    asOf: '2026-11',
    trust: 'weak',
  }),

  // ---- hypervisors ----
  'hypervisor.esxi-6.7.overheadTable': entry({
    id: 'hypervisor.esxi-6.7.overheadTable',
    value: ESXI_67_OVERHEAD_TABLE as EsxiOverheadTable,
    unit: 'MiB by configured MiB and vCPUs',
    asOf: '2018-04',
    trust: 'vendor',
  }),
  'hypervisor.esxi-6.5.overheadTable': entry({
    id: 'hypervisor.esxi-6.5.overheadTable',
    value: ESXI_67_OVERHEAD_TABLE as EsxiOverheadTable,
    unit: 'MiB by configured MiB and vCPUs',
    asOf: '2016-11',
    trust: 'vendor',
  }),
  'hypervisor.esxi-4.0.overheadTable': entry({
    id: 'hypervisor.esxi-4.0.overheadTable',
    value: ESXI_40_OVERHEAD_TABLE,
    unit: 'MiB by configured MiB and vCPUs',
    asOf: '2009-05',
    trust: 'secondary',
  }),
  'hypervisor.esxi.hostReservePercent': entry({
    id: 'hypervisor.esxi.hostReservePercent',
    value: 8,
    unit: '%',
    asOf: '2023-01',
    trust: 'weak',
  }),
  'hypervisor.kubevirt.formula': entry({
    id: 'hypervisor.kubevirt.formula',
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
    id: 'hypervisor.openshift-virt.formula',
    value: { memoryFactor: 0.002, fixedMiB: 218, perVcpuMiB: 8, perGraphicsDeviceMiB: 16 },
    unit: 'MiB',
    asOf: '2025-09',
    trust: 'vendor',
  }),
  'hypervisor.proxmox.hostMemoryMiB': entry({
    id: 'hypervisor.proxmox.hostMemoryMiB',
    value: 2048,
    unit: 'MiB',
    asOf: '2024-11',
    trust: 'vendor',
  }),
  'hypervisor.proxmox.zfsArc': entry({
    id: 'hypervisor.proxmox.zfsArc',
    value: { percent: 10, capMiB: 16384 },
    unit: '% / MiB',
    asOf: '2023-11',
    trust: 'vendor',
  }),
  'hypervisor.kvm.perVmMiB': entry({
    id: 'hypervisor.kvm.perVmMiB',
    value: 256,
    unit: 'MiB',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'hypervisor.hyperv.perVmMiB': entry({
    id: 'hypervisor.hyperv.perVmMiB',
    value: 256,
    unit: 'MiB',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'hypervisor.hyperv.rootReserveMiB': entry({
    id: 'hypervisor.hyperv.rootReserveMiB',
    value: 4096,
    unit: 'MiB',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'hypervisor.firecracker.vmmMiB': entry({
    id: 'hypervisor.firecracker.vmmMiB',
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
    id: 'hypervisor.firecracker.startMs',
    value: 125,
    unit: 'ms',
    asOf: '2018-08',
    trust: 'vendor',
  }),

  // ---- Kubernetes nodes ----
  'k8s.maxPodsPerNode': entry({
    id: 'k8s.maxPodsPerNode',
    value: 110,
    unit: 'pods',
    asOf: '2025-06',
    trust: 'vendor',
  }),
  'k8s.generic.reservation': entry({
    id: 'k8s.generic.reservation',
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
    id: 'k8s.evictionHard.memoryMiB',
    value: 100,
    unit: 'MiB',
    asOf: '2025-01',
    trust: 'vendor',
  }),
  'k8s.evictionHard.nodefsPercent': entry({
    id: 'k8s.evictionHard.nodefsPercent',
    value: 10,
    unit: '%',
    asOf: '2025-01',
    trust: 'vendor',
  }),
  'k8s.evictionHard.windowsMemoryMiB': entry({
    id: 'k8s.evictionHard.windowsMemoryMiB',
    value: 500,
    unit: 'MiB',
    asOf: '2024-06',
    trust: 'vendor',
  }),
  'k8s.aks.windowsExtraMiB': entry({
    id: 'k8s.aks.windowsExtraMiB',
    value: 2048,
    unit: 'MiB',
    asOf: '2024-04',
    trust: 'vendor',
  }),
  'k8s.gdc.baseMemoryMiB': entry({
    id: 'k8s.gdc.baseMemoryMiB',
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
    id: 'k8s.controlPlane.perNode',
    value: { cpuMillicores: 2000, memoryMiB: 2048 },
    unit: 'millicores / MiB',
    asOf: '2025-01',
    trust: 'vendor',
  }),
  'runtime.shimMemoryMiB': entry({
    id: 'runtime.shimMemoryMiB',
    value: 5,
    unit: 'MiB',
    asOf: '2017-11',
    trust: 'secondary',
  }),
  'runtime.containerStartSeconds': entry({
    id: 'runtime.containerStartSeconds',
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
    id: 'hostOs.linux.diskGiB',
    value: 10,
    unit: 'GiB',
    asOf: '2024-05',
    trust: 'secondary',
  }),
  'hostOs.windows.diskGiB': entry({
    id: 'hostOs.windows.diskGiB',
    value: 32,
    unit: 'GiB',
    asOf: '2024-10',
    trust: 'vendor',
  }),
  'image.linux.sizeMiB': entry({
    id: 'image.linux.sizeMiB',
    value: 77,
    unit: 'MiB',
    asOf: '2025-06',
    trust: 'weak',
  }),
  'image.windows.sizeMiB': entry({
    id: 'image.windows.sizeMiB',
    value: 3720,
    unit: 'MiB',
    asOf: '2024-01',
    trust: 'secondary',
  }),

  // ---- sandboxes and micro-VMs (pod overhead) ----
  'sandbox.kata-qemu': entry({
    id: 'sandbox.kata-qemu',
    value: { memoryMiB: 160, cpuMillicores: 250 },
    unit: 'MiB / millicores',
    asOf: '2025-06',
    trust: 'vendor',
  }),
  'sandbox.kata-clh': entry({
    id: 'sandbox.kata-clh',
    value: { memoryMiB: 130, cpuMillicores: 250 },
    unit: 'MiB / millicores',
    asOf: '2025-06',
    trust: 'vendor',
  }),
  'sandbox.kata-fc': entry({
    id: 'sandbox.kata-fc',
    value: { memoryMiB: 130, cpuMillicores: 250 },
    unit: 'MiB / millicores',
    asOf: '2025-06',
    trust: 'vendor',
  }),
  'sandbox.kata-dragonball': entry({
    id: 'sandbox.kata-dragonball',
    value: { memoryMiB: 130, cpuMillicores: 250 },
    unit: 'MiB / millicores',
    asOf: '2025-06',
    trust: 'vendor',
  }),
  'sandbox.kata-qemu-tdx': entry({
    id: 'sandbox.kata-qemu-tdx',
    value: { memoryMiB: 2048, cpuMillicores: 1000 },
    unit: 'MiB / millicores',
    asOf: '2025-06',
    trust: 'vendor',
  }),
  'sandbox.kata-qemu-snp': entry({
    id: 'sandbox.kata-qemu-snp',
    value: { memoryMiB: 2048, cpuMillicores: 1000 },
    unit: 'MiB / millicores',
    asOf: '2025-06',
    trust: 'vendor',
  }),
  'sandbox.kata.startSeconds': entry({
    id: 'sandbox.kata.startSeconds',
    value: 0.71,
    unit: 'seconds',
    asOf: '2023-11',
    trust: 'secondary',
  }),
  'sandbox.gvisor': entry({
    id: 'sandbox.gvisor',
    value: { memoryMiB: 46, cpuMillicores: 0 },
    unit: 'MiB / millicores',
    asOf: '2023-01',
    trust: 'vendor',
  }),
  'sandbox.firecracker.guestKernelMiB': entry({
    id: 'sandbox.firecracker.guestKernelMiB',
    value: 120,
    unit: 'MiB',
    asOf: '2025-06',
    trust: 'weak',
  }),

  'sandbox.hyperv-isolation': entry({
    id: 'sandbox.hyperv-isolation',
    value: { memoryMiB: 512, cpuMillicores: 0 },
    unit: 'MiB / millicores',
    asOf: '2026-11',
    trust: 'weak',
  }),

  // ---- hosts, node VMs and policy conventions ----
  'host.threadsPerCore': entry({
    id: 'host.threadsPerCore',
    value: 2,
    unit: 'threads',
    asOf: '2026-11',
    trust: 'secondary',
  }),
  'k8s.nodeVm': entry({
    id: 'k8s.nodeVm',
    value: { vcpus: 8, memoryGiB: 32, diskGiB: 100 },
    unit: 'vCPU / GiB / GiB',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'policy.targetUtilization': entry({
    id: 'policy.targetUtilization',
    value: { cpu: 0.8, memory: 0.9, disk: 0.9 },
    unit: 'fraction',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'policy.overcommit': entry({
    id: 'policy.overcommit',
    value: { cpu: 1, memory: 1 },
    unit: 'ratio',
    asOf: '2026-11',
    trust: 'secondary',
  }),
  'policy.ha': entry({
    id: 'policy.ha',
    value: { spareHosts: 1 },
    unit: 'hosts',
    asOf: '2026-11',
    trust: 'secondary',
  }),

  // ---- power, facilities, hardware, labour ----
  'power.pue': entry({
    id: 'power.pue',
    value: 1.56,
    unit: 'ratio',
    asOf: '2024-07',
    trust: 'vendor',
  }),
  'power.pricePerKWh': entry({
    id: 'power.pricePerKWh',
    value: '0.0806',
    unit: 'currency/kWh',
    asOf: '2023-12',
    trust: 'secondary',
  }),
  'power.averageLoad': entry({
    id: 'power.averageLoad',
    value: 0.5,
    unit: 'fraction',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'host.powerIdleW': entry({
    id: 'host.powerIdleW',
    value: 200,
    unit: 'W',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'host.powerMaxW': entry({
    id: 'host.powerMaxW',
    value: 700,
    unit: 'W',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'carbon.gridIntensity': entry({
    id: 'carbon.gridIntensity',
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
    id: 'facilities.colocationPerKWMonth',
    value: '184.06',
    unit: 'currency/kW-month',
    asOf: '2024-12',
    trust: 'vendor',
  }),
  'hardware.amortizationYears': entry({
    id: 'hardware.amortizationYears',
    value: 5,
    unit: 'years',
    asOf: '2025-01',
    trust: 'secondary',
  }),
  'hardware.supportPercentPerYear': entry({
    id: 'hardware.supportPercentPerYear',
    value: 10,
    unit: '%',
    asOf: '2026-11',
    trust: 'weak',
  }),
  'labour.physicalServersPerAdmin': entry({
    id: 'labour.physicalServersPerAdmin',
    value: 30,
    unit: 'servers/FTE',
    asOf: '2010-01',
    trust: 'secondary',
  }),
  'labour.osInstancesPerAdmin': entry({
    id: 'labour.osInstancesPerAdmin',
    value: 150,
    unit: 'instances/FTE',
    asOf: '2010-01',
    trust: 'secondary',
  }),
  'labour.costPerAdminYear': entry({
    id: 'labour.costPerAdminYear',
    value: '120000',
    unit: 'currency/year',
    asOf: '2026-11',
    trust: 'weak',
  }),

  // ---- licences (prices are dated list prices; rules are in licensing/products.ts) ----
  'licence.windows-server-standard': entry({
    id: 'licence.windows-server-standard',
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
    id: 'licence.windows-server-datacenter',
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
    id: 'licence.sql-server-standard',
    value: '3945',
    unit: 'currency/2 cores',
    asOf: '2023-01',
    trust: 'secondary',
  }),
  'licence.sql-server-enterprise': entry({
    id: 'licence.sql-server-enterprise',
    value: '15123',
    unit: 'currency/2 cores',
    asOf: '2023-01',
    trust: 'secondary',
  }),
  'licence.rhel': entry({
    id: 'licence.rhel',
    value: '799',
    unit: 'currency/year',
    asOf: '2024-06',
    trust: 'weak',
  }),
  'licence.rhel-vdc': entry({
    id: 'licence.rhel-vdc',
    value: '2655',
    unit: 'currency/year',
    asOf: '2024-06',
    trust: 'weak',
  }),
  'licence.vsphere-standard': entry({
    id: 'licence.vsphere-standard',
    value: '50',
    unit: 'currency/core-year',
    asOf: '2025-04',
    trust: 'weak',
  }),
  'licence.vsphere-enterprise-plus': entry({
    id: 'licence.vsphere-enterprise-plus',
    value: '150',
    unit: 'currency/core-year',
    asOf: '2025-04',
    trust: 'weak',
  }),
  'licence.vvf': entry({
    id: 'licence.vvf',
    value: '135',
    unit: 'currency/core-year',
    asOf: '2025-04',
    trust: 'weak',
  }),
  'licence.vcf': entry({
    id: 'licence.vcf',
    value: '350',
    unit: 'currency/core-year',
    asOf: '2025-04',
    trust: 'weak',
  }),
  'licence.softwareAssurancePercentPerYear': entry({
    id: 'licence.softwareAssurancePercentPerYear',
    value: 25,
    unit: '% of licence price/year',
    asOf: '2024-01',
    trust: 'secondary',
  }),
  'licence.windows-server-payg': entry({
    id: 'licence.windows-server-payg',
    value: '33.58',
    unit: 'currency/core-month',
    asOf: '2023-11',
    trust: 'weak',
  }),
  'licence.openshift': entry({
    id: 'licence.openshift',
    value: '2500',
    unit: 'currency/core-pair-year',
    asOf: '2024-06',
    trust: 'weak',
  }),
  'licence.openshift-bare-metal': entry({
    id: 'licence.openshift-bare-metal',
    value: '20000',
    unit: 'currency/socket-pair-year',
    asOf: '2024-06',
    trust: 'weak',
  }),
  'licence.docker-pro': entry({
    id: 'licence.docker-pro',
    value: '9',
    unit: 'currency/user-month',
    asOf: '2024-12',
    trust: 'weak',
  }),
  'licence.docker-team': entry({
    id: 'licence.docker-team',
    value: '15',
    unit: 'currency/user-month',
    asOf: '2024-12',
    trust: 'vendor',
  }),
  'licence.docker-business': entry({
    id: 'licence.docker-business',
    value: '24',
    unit: 'currency/user-month',
    asOf: '2024-12',
    trust: 'weak',
  }),
  'licence.oracle-database-enterprise': entry({
    id: 'licence.oracle-database-enterprise',
    value: '47500',
    unit: 'currency/processor',
    asOf: '2024-01',
    trust: 'secondary',
  }),
  'licence.oracle.coreFactor': entry({
    id: 'licence.oracle.coreFactor',
    value: 0.5,
    unit: 'processors/core',
    asOf: '2024-01',
    trust: 'secondary',
  }),
  'licence.oracle.supportPercentPerYear': entry({
    id: 'licence.oracle.supportPercentPerYear',
    value: 22,
    unit: '% of licence price/year',
    asOf: '2024-01',
    trust: 'secondary',
  }),
  'controlPlane.eks': entry({
    id: 'controlPlane.eks',
    value: '0.10',
    unit: 'currency/cluster-hour',
    asOf: '2025-01',
    trust: 'vendor',
  }),
  'controlPlane.gke': entry({
    id: 'controlPlane.gke',
    value: '0.10',
    unit: 'currency/cluster-hour',
    asOf: '2025-01',
    trust: 'vendor',
  }),
  'controlPlane.aks': entry({
    id: 'controlPlane.aks',
    value: '0.10',
    unit: 'currency/cluster-hour',
    asOf: '2025-01',
    trust: 'secondary',
  }),
  'controlPlane.eks-extended': entry({
    id: 'controlPlane.eks-extended',
    value: '0.60',
    unit: 'currency/cluster-hour',
    asOf: '2025-01',
    trust: 'vendor',
  }),
  'controlPlane.aks-premium': entry({
    id: 'controlPlane.aks-premium',
    value: '0.60',
    unit: 'currency/cluster-hour',
    asOf: '2025-01',
    trust: 'secondary',
  }),
  'controlPlane.gke.monthlyCredit': entry({
    id: 'controlPlane.gke.monthlyCredit',
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
} as const;

export type CatalogId = keyof typeof FIGURES;
export type CatalogValue<K extends CatalogId> = (typeof FIGURES)[K]['value'];
