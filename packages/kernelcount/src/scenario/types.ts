import type { Money } from '../money.js';
import type { ReservationProfile } from '../rules/reservations.js';
import type { SandboxRuntime } from '../rules/sandbox.js';

/* ------------------------------------------------------------------------------------------
 * What a user writes (a scenario file, or an object in code). Units are in the key names.
 * Anything optional takes a default from the catalog or the documented convention.
 * ---------------------------------------------------------------------------------------- */

export type OsFamily = 'linux' | 'windows';
export type PlatformType = 'vm' | 'containers' | 'containers-in-vms' | 'microvm';
export const PLATFORM_TYPES: readonly PlatformType[] = ['vm', 'containers', 'containers-in-vms', 'microvm'];

export type Hypervisor = 'esxi-6.7' | 'esxi-6.5' | 'esxi-4.0' | 'kubevirt' | 'openshift-virt' | 'proxmox' | 'hyperv';
export const HYPERVISORS: readonly Hypervisor[] = ['esxi-6.7', 'esxi-6.5', 'esxi-4.0', 'kubevirt', 'openshift-virt', 'proxmox', 'hyperv'];

export type HypervisorLicence = 'none' | 'vsphere-standard' | 'vsphere-enterprise-plus' | 'vvf' | 'vcf';
export const HYPERVISOR_LICENCES: readonly HypervisorLicence[] = ['none', 'vsphere-standard', 'vsphere-enterprise-plus', 'vvf', 'vcf'];

/** Windows Server licensing on hypervisor hosts: the cheaper per-core edition per host, one edition, per VM (with SA), or pay-as-you-go through Azure Arc. */
export type WindowsLicensing = 'cheapest' | 'standard' | 'datacenter' | 'per-vm' | 'payg';
export const WINDOWS_LICENSING: readonly WindowsLicensing[] = ['cheapest', 'standard', 'datacenter', 'per-vm', 'payg'];
export type LinuxLicence = 'none' | 'rhel' | 'rhel-vdc';
/**
 * Control plane: three stacked nodes on the platform's own hosts, a managed one billed per
 * cluster-hour (`gke` is a zonal or Autopilot cluster that gets the monthly credit, `gke-regional`
 * does not), or none.
 */
export type ControlPlane = 'stacked' | 'eks' | 'eks-extended' | 'gke' | 'gke-regional' | 'aks' | 'aks-free' | 'aks-premium' | 'none';
export const CONTROL_PLANES: readonly ControlPlane[] = ['stacked', 'eks', 'eks-extended', 'gke', 'gke-regional', 'aks', 'aks-free', 'aks-premium', 'none'];
export type InstanceLicenceProduct = 'sql-server-standard' | 'sql-server-enterprise' | 'oracle-database-enterprise';
export const INSTANCE_LICENCE_PRODUCTS: readonly InstanceLicenceProduct[] = ['sql-server-standard', 'sql-server-enterprise', 'oracle-database-enterprise'];
/** A subscription for the Kubernetes distribution itself. */
export type PlatformLicence = 'none' | 'openshift';

export interface HostInput {
  name: string;
  sockets: number;
  coresPerSocket: number;
  /** Hardware threads per core (2 with SMT). Default 2. */
  threadsPerCore?: number;
  memoryGiB?: number;
  memoryMiB?: number;
  /** Usable local disk for VMs, images and data. */
  diskGiB?: number;
  /** Purchase price per host, in the scenario's currency. */
  price: number | string;
  powerIdleW?: number;
  powerMaxW?: number;
  rackUnits?: number;
}

export type InstanceLicenceInput =
  | { product: InstanceLicenceProduct }
  | { name: string; pricePerInstanceYear: number | string };

export interface WorkloadInput {
  name: string;
  /** How many copies run. */
  instances: number;
  os?: OsFamily;
  /** CPU one instance needs, in (virtual) CPUs; fractions allowed. Give this or `cpuMillicores`. */
  vcpus?: number;
  cpuMillicores?: number;
  /** Memory the application itself needs per instance (not the OS). Give this or `memoryMiB`. */
  memoryGiB?: number;
  memoryMiB?: number;
  /** Application data per instance. Default 0. */
  storageGiB?: number;
  /** Container image size unpacked; default by OS from the catalog. */
  imageMiB?: number;
  /** Instances of the same image share its layers on a node; default: the workload's own name. */
  image?: string;
  /** True when the workload needs its own kernel (kernel modules, another OS version, strong isolation). */
  needsOwnKernel?: boolean;
  /** Licences bought per instance (SQL Server per core, or any flat price per instance-year). */
  licences?: InstanceLicenceInput[];
  /**
   * Yearly growth of this workload's instances in percent, compounded, replacing the scenario's
   * `growth.percentPerYear` for it (above -100, at most 1000). Read by `project`; `evaluate` ignores it.
   */
  growthPercentPerYear?: number;
}

interface PlatformCommon {
  /** Unique name; default: the type. */
  name?: string;
  /** Which of `hosts` this platform runs on; default: the first. */
  host?: string;
  cpuOvercommit?: number;
  memoryOvercommit?: number;
}

interface HypervisorSettings {
  hypervisor?: Hypervisor;
  /** Replaces the hypervisor's per-VM overhead rule with your own figure. */
  perVmOverheadMiB?: number;
  disk?: 'thick' | 'thin';
  hypervisorLicence?: HypervisorLicence;
  windowsLicensing?: WindowsLicensing;
  linuxLicence?: LinuxLicence;
  /** Proxmox with ZFS: reserve the ZFS ARC on each host. */
  zfs?: boolean;
}

export interface GenericReservationSettings {
  kubeReservedCpuMillicores?: number;
  kubeReservedMemoryMiB?: number;
  systemReservedCpuMillicores?: number;
  systemReservedMemoryMiB?: number;
  evictionMemoryMiB?: number;
}

interface KubernetesSettings {
  reservation?: ReservationProfile;
  /** Overrides for the generic profile's figures. */
  generic?: GenericReservationSettings;
  maxPods?: number;
  controlPlane?: ControlPlane;
  /** Runtime for workloads that need their own kernel. Default kata-qemu. */
  ownKernelRuntime?: SandboxRuntime;
  hostLinuxLicence?: 'none' | 'rhel';
  /** Subscription for the Kubernetes distribution (OpenShift per core-pair or bare-metal socket-pair). */
  platformLicence?: PlatformLicence;
}

export interface VmPlatformInput extends PlatformCommon, HypervisorSettings {
  type: 'vm';
}
export interface ContainersPlatformInput extends PlatformCommon, KubernetesSettings {
  type: 'containers';
}
export interface ContainersInVmsPlatformInput extends PlatformCommon, HypervisorSettings, Omit<KubernetesSettings, 'hostLinuxLicence'> {
  type: 'containers-in-vms';
  nodeVm?: { vcpus?: number; memoryGiB?: number; diskGiB?: number };
}
export interface MicrovmPlatformInput extends PlatformCommon, KubernetesSettings {
  type: 'microvm';
  runtime?: SandboxRuntime;
  /** A RuntimeClass of your own: its overhead.podFixed, used instead of a named runtime's. */
  podOverhead?: { memoryMiB: number; cpuMillicores: number };
}
export type PlatformInput = VmPlatformInput | ContainersPlatformInput | ContainersInVmsPlatformInput | MicrovmPlatformInput;

export interface PolicyInput {
  /** High availability: N+k spare hosts per cluster, or a share of every host held back. */
  ha?: { spareHosts: number } | { reservePercent: number };
  /** Plan hosts to at most this share of their usable capacity. */
  targetUtilization?: { cpu?: number; memory?: number; disk?: number };
  /** Allocated CPU per physical CPU (vCPU:pCPU, or requests:capacity). Default 1. */
  cpuOvercommit?: number;
  memoryOvercommit?: number;
}

export interface PricesInput {
  electricityPerKWh?: number | string;
  pue?: number;
  colocationPerKWMonth?: number | string;
  amortizationYears?: number;
  hardwareSupportPercentPerYear?: number;
  adminCostPerYear?: number | string;
  physicalServersPerAdmin?: number;
  osInstancesPerAdmin?: number;
  averageLoad?: number;
  /**
   * Grid carbon intensity in gCO2e per kWh (0..2000), your own figure for `carbon.gridIntensity`:
   * not a price, but set here beside the electricity it goes with. Default: the world average.
   */
  gridIntensityGPerKWh?: number;
  /** Licence list prices by product id, e.g. `windows-server-datacenter: 6771`. */
  licences?: Record<string, number | string>;
}

/** A scenario as written in a file or passed from code. */
export interface ScenarioInput {
  name?: string;
  description?: string;
  /** ISO 4217 code of every price in the scenario (no conversion is done). Default USD. */
  currency?: string;
  horizonYears?: number;
  /** Platform name the others are compared with; default the first platform. */
  baseline?: string;
  hosts: HostInput[];
  workloads: WorkloadInput[];
  platforms?: PlatformInput[];
  policy?: PolicyInput;
  prices?: PricesInput;
  /** Overrides of catalog defaults by id (see `kernelcount catalog`). */
  catalog?: Record<string, unknown>;
  /** Named versions of catalog figures by id, where the vendor changed them or sources disagree (see `kernelcount catalog`). */
  catalogVersions?: Record<string, string>;
  licensing?: LicensingInput;
  /**
   * Inputs known only as a range, by path (`prices.electricityPerKWh`, `workloads[api].instances`,
   * `catalog.licence.vvf`, ...): the lowest, most likely and highest plausible value. `evaluate`
   * uses the scenario's own values; `monteCarlo` samples these ranges.
   */
  uncertainty?: Record<string, RangeInput>;
  /**
   * Yearly workload growth for `project` (costs year by year); `evaluate` ignores it and prices
   * today's estate in every year.
   */
  growth?: GrowthInput;
  /** How money over time is counted by `project` (discount rate, purchase or lease); `evaluate` ignores it. */
  finance?: FinanceInput;
}

/** Whole-scenario workload growth, read by `project`. */
export interface GrowthInput {
  /** Yearly growth of every workload's instances in percent, compounded: above -100, at most 1000. */
  percentPerYear: number;
}

/** Hardware bought outright, or leased with a level yearly payment over its life. */
export type HardwareFinancing = 'purchase' | 'lease';
export const HARDWARE_FINANCING: readonly HardwareFinancing[] = ['purchase', 'lease'];

/** Money over time, read by `project`. */
export interface FinanceInput {
  /** Yearly discount rate for the present value, 0 to 100 (default 0). */
  discountRatePercent?: number;
  /** Default purchase. */
  hardware?: HardwareFinancing;
  /** Yearly interest rate of the lease, 0 to 100 (default 0: the price spread evenly over the host's life). */
  leaseRatePercent?: number;
}

/** A three-point estimate of one numeric input: low <= likely <= high. */
export interface RangeInput {
  low: number;
  likely: number;
  high: number;
}

export interface LicensingInput {
  /** Pay Software Assurance (or the vendor's support) on perpetual licences where it is optional. Default false; it is always paid where an option requires it. */
  softwareAssurance?: boolean;
}

/**
 * One range of the `uncertainty:` section as `parseScenario` (and so `evaluate`) checks it: a path
 * and three ordered numbers. That the path names an input, and that the input takes these values,
 * is checked by `resolveRanges` (which `monteCarlo` and `validateScenario` run).
 */
export interface RangeInput {
  /** The path as written. */
  path: string;
  low: number;
  likely: number;
  high: number;
}

/** One range of the `uncertainty:` section, resolved against the scenario by `resolveRanges`. */
export interface UncertainRange extends RangeInput {
  /** The same with list items by index and catalog ids whole: `workloads[0].instances`. */
  canonical: string;
  /** Sampled as whole numbers (instances, MiB, sockets, ...). */
  integer: boolean;
  /** `price` inputs change what things cost, never how many hosts, VMs or licences are counted. */
  affects: 'price' | 'sizing';
}

/* ------------------------------------------------------------------------------------------
 * The validated, normalized scenario the model works on: integers for capacity, Money for money,
 * every default resolved.
 * ---------------------------------------------------------------------------------------- */

export interface Host {
  name: string;
  sockets: number;
  coresPerSocket: number;
  threadsPerCore: number;
  memoryMiB: number;
  diskMiB: number;
  price: Money;
  powerIdleW: number;
  powerMaxW: number;
  rackUnits: number;
  /** Catalog ids whose defaults filled fields this host left out. */
  defaults: string[];
}

export type InstanceLicence =
  | { kind: 'product'; product: InstanceLicenceProduct }
  | { kind: 'flat'; name: string; pricePerInstanceYear: Money };

export interface Workload {
  name: string;
  instances: number;
  os: OsFamily;
  cpuMillicores: number;
  memoryMiB: number;
  storageMiB: number;
  imageMiB: number;
  image: string;
  needsOwnKernel: boolean;
  licences: InstanceLicence[];
  /** Its own yearly growth in percent, or null to take the scenario's (`project` only). */
  growthPercentPerYear: number | null;
}

export interface KubernetesConfig {
  reservation: ReservationProfile;
  generic: Required<GenericReservationSettings>;
  maxPods: number;
  controlPlane: ControlPlane;
  ownKernelRuntime: SandboxRuntime;
  platformLicence: PlatformLicence;
}

export interface HypervisorConfig {
  hypervisor: Hypervisor;
  perVmOverheadMiB: number | null;
  disk: 'thick' | 'thin';
  hypervisorLicence: HypervisorLicence;
  windowsLicensing: WindowsLicensing;
  linuxLicence: LinuxLicence;
  zfs: boolean;
}

interface PlatformBase {
  name: string;
  host: Host;
  cpuOvercommit: number;
  memoryOvercommit: number;
}
export interface VmPlatform extends PlatformBase, HypervisorConfig {
  type: 'vm';
}
export interface ContainersPlatform extends PlatformBase, KubernetesConfig {
  type: 'containers';
  hostLinuxLicence: 'none' | 'rhel';
}
export interface ContainersInVmsPlatform extends PlatformBase, KubernetesConfig, HypervisorConfig {
  type: 'containers-in-vms';
  nodeVm: { vcpus: number; memoryMiB: number; diskMiB: number };
}
export interface MicrovmPlatform extends PlatformBase, KubernetesConfig {
  type: 'microvm';
  runtime: SandboxRuntime;
  /** Your own RuntimeClass overhead, replacing the runtime's; null for the named runtime. */
  podOverhead: { memoryMiB: number; cpuMillicores: number } | null;
  hostLinuxLicence: 'none' | 'rhel';
}
export type Platform = VmPlatform | ContainersPlatform | ContainersInVmsPlatform | MicrovmPlatform;

export interface Policy {
  ha: { kind: 'spare-hosts'; spareHosts: number } | { kind: 'reserve-percent'; reservePercent: number };
  targetUtilization: { cpu: number; memory: number; disk: number };
  cpuOvercommit: number;
  memoryOvercommit: number;
}

export interface Scenario {
  name: string;
  description: string;
  currency: string;
  horizonYears: number;
  baseline: string;
  hosts: Host[];
  workloads: Workload[];
  platforms: Platform[];
  policy: Policy;
  /** Catalog overrides by id (from `catalog:` and the `prices:` aliases). */
  overrides: Record<string, unknown>;
  /** Catalog versions chosen by id. */
  catalogVersions: Record<string, string>;
  licensing: Required<LicensingInput>;
  /** The ranges of the `uncertainty:` section, in the order given; empty when there is none. */
  uncertainty: RangeInput[];
  /** Things the normalization did that a user should know (units rounded, defaults chosen). */
  notes: string[];
  /** Yearly workload growth (0 when the scenario gives none); read by `project` only. */
  growth: { percentPerYear: number };
  /** Money over time with defaults resolved; read by `project` only. */
  finance: Required<FinanceInput>;
}
