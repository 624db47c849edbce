/**
 * The package's example scenarios (packages/kernelcount/examples/*.yaml), which the calculator
 * offers as presets, as plain objects for the article charts. A chart island cannot read files and
 * should not ship a YAML parser, so the scenarios are written out here; tests/learn-tco-cost.test.ts
 * parses each YAML file and fails if it differs from its copy here in any field.
 */
import type { ScenarioInput } from 'kernelcount';

export const PRESET_IDS = ['linux-microservices', 'vmware-to-kubernetes', 'windows-lob-sql'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export const PRESETS: Record<PresetId, ScenarioInput> = {
  'linux-microservices': {
    name: '40 Linux microservices',
    description: 'A small service estate on two-socket servers, priced over five years.',
    currency: 'USD',
    horizonYears: 5,
    baseline: 'vm',
    hosts: [
      { name: '2x32-core 1 TiB', sockets: 2, coresPerSocket: 32, threadsPerCore: 2, memoryGiB: 1024, diskGiB: 7680, price: 38000, powerIdleW: 250, powerMaxW: 900, rackUnits: 2 },
    ],
    workloads: [
      { name: 'api', instances: 24, os: 'linux', vcpus: 0.5, memoryGiB: 1, storageGiB: 2, imageMiB: 180 },
      { name: 'worker', instances: 12, vcpus: 1, memoryGiB: 2, imageMiB: 220 },
      { name: 'cache', instances: 4, vcpus: 1, memoryGiB: 8, imageMiB: 60 },
    ],
    platforms: [
      { type: 'vm', hypervisor: 'esxi-6.7', hypervisorLicence: 'vvf', disk: 'thick' },
      { type: 'containers', reservation: 'generic', controlPlane: 'stacked' },
      { type: 'containers-in-vms', nodeVm: { vcpus: 8, memoryGiB: 32, diskGiB: 100 } },
      { type: 'microvm', runtime: 'kata-fc' },
    ],
    policy: {
      ha: { spareHosts: 1 },
      targetUtilization: { cpu: 0.8, memory: 0.9, disk: 0.9 },
      cpuOvercommit: 1,
      memoryOvercommit: 1,
    },
    prices: { electricityPerKWh: 0.12, pue: 1.5, adminCostPerYear: 120000 },
  },
  'vmware-to-kubernetes': {
    name: 'VMware estate considering Kubernetes',
    description: '300 Linux services (RHEL) on ESXi 6.7 with vCPU overcommit 3:1, priced against Kubernetes options.',
    currency: 'USD',
    horizonYears: 5,
    baseline: 'vmware',
    hosts: [{ name: '2x24-core 768 GiB', sockets: 2, coresPerSocket: 24, memoryGiB: 768, diskGiB: 15360, price: 32000, powerIdleW: 220, powerMaxW: 800, rackUnits: 2 }],
    workloads: [
      { name: 'web', instances: 120, vcpus: 1, memoryGiB: 2, storageGiB: 5, imageMiB: 250 },
      { name: 'java-service', instances: 100, vcpus: 2, memoryGiB: 4, storageGiB: 10, imageMiB: 450 },
      { name: 'queue-worker', instances: 60, vcpus: 0.5, memoryGiB: 1, imageMiB: 200 },
      { name: 'legacy-kernel-module', instances: 20, vcpus: 2, memoryGiB: 8, storageGiB: 50, needsOwnKernel: true },
    ],
    platforms: [
      { type: 'vm', name: 'vmware', hypervisor: 'esxi-6.7', hypervisorLicence: 'vcf', linuxLicence: 'rhel-vdc', cpuOvercommit: 3, disk: 'thin' },
      { type: 'containers', name: 'k8s-bare-metal', reservation: 'generic', hostLinuxLicence: 'rhel' },
      {
        type: 'containers-in-vms',
        name: 'k8s-on-vmware',
        hypervisor: 'esxi-6.7',
        hypervisorLicence: 'vvf',
        linuxLicence: 'rhel-vdc',
        nodeVm: { vcpus: 16, memoryGiB: 64, diskGiB: 200 },
      },
      { type: 'microvm', name: 'kata', runtime: 'kata-clh', hostLinuxLicence: 'rhel' },
    ],
    policy: { ha: { spareHosts: 1 }, targetUtilization: { cpu: 0.75, memory: 0.85, disk: 0.85 } },
    prices: { electricityPerKWh: 0.0806, pue: 1.56 },
  },
  'windows-lob-sql': {
    name: 'Windows line-of-business apps with SQL Server',
    description: 'Twelve IIS/.NET apps and their SQL Server databases on two-socket hosts.',
    currency: 'USD',
    horizonYears: 5,
    baseline: 'vm',
    hosts: [{ name: '2x16-core 512 GiB', sockets: 2, coresPerSocket: 16, memoryGiB: 512, diskGiB: 7680, price: 24000, powerIdleW: 180, powerMaxW: 650 }],
    workloads: [
      { name: 'iis-app', instances: 24, os: 'windows', vcpus: 2, memoryGiB: 4, storageGiB: 20, imageMiB: 3720, image: 'servercore-iis' },
      { name: 'sql-server', instances: 6, os: 'windows', vcpus: 4, memoryGiB: 32, storageGiB: 500, imageMiB: 3720, licences: [{ product: 'sql-server-standard' }] },
      { name: 'batch', instances: 8, os: 'windows', vcpus: 1, memoryGiB: 2, imageMiB: 3720, image: 'servercore-iis' },
    ],
    platforms: [
      { type: 'vm', hypervisor: 'hyperv', hypervisorLicence: 'none', windowsLicensing: 'cheapest' },
      { type: 'containers', reservation: 'aks', controlPlane: 'stacked' },
      { type: 'containers-in-vms', hypervisor: 'hyperv', hypervisorLicence: 'none', nodeVm: { vcpus: 16, memoryGiB: 128, diskGiB: 400 } },
    ],
    policy: { ha: { spareHosts: 1 } },
    prices: { electricityPerKWh: 0.11, licences: { 'windows-server-standard': 1176, 'windows-server-datacenter': 6771 } },
  },
};

/** How the select control words each preset. */
export const PRESET_LABELS: Record<PresetId, string> = {
  'linux-microservices': '40 Linux microservices',
  'vmware-to-kubernetes': 'VMware estate (300 services) weighing Kubernetes',
  'windows-lob-sql': 'Windows apps with SQL Server',
};
