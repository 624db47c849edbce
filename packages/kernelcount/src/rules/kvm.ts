import { RULE_LIMITS, checkInputs } from './inputs.js';

export interface KubevirtFormula {
  pageTableDivisor: number;
  fixedMiB: number;
  perVcpuMiB: number;
  ioThreadMiB: number;
  videoMiB: number;
}

export interface KubevirtOptions {
  /** PCI passthrough (VFIO) adds 1 GiB. */
  vfio?: boolean;
  /** AMD SEV adds 256 MiB. */
  sev?: boolean;
  /** Dedicated CPUs add 100 MiB. */
  dedicatedCpus?: boolean;
  /** Video device; on by default as in KubeVirt. */
  video?: boolean;
}

export interface OverheadResult {
  overheadMiB: number;
  formula: string;
}

/**
 * KubeVirt's estimate of a VM's memory overhead (kubevirt GetMemoryOverhead, now in
 * `pkg/hypervisor/kvm/launcherhypervisorresources.go`;
 * as of 2025-01): guest memory / 512 for page tables, 220 MiB fixed (virt-launcher, monitor, logging,
 * QEMU), 8 MiB per vCPU, 8 MiB for the IOThread and 32 MiB for video; plus 1 GiB with VFIO, 256 MiB
 * with SEV and 100 MiB with dedicated CPUs. The page-table share is rounded up to whole MiB.
 *
 * @example
 * kubevirtOverheadMiB(CATALOG['hypervisor.kubevirt.formula'].value, 4096, 2).overheadMiB //=> 284
 */
export function kubevirtOverheadMiB(
  f: KubevirtFormula,
  memoryMiB: number,
  vcpus: number,
  options: KubevirtOptions = {},
): OverheadResult {
  checkInputs({
    memoryMiB: [memoryMiB, { min: 1, max: RULE_LIMITS.memoryMiB, integer: true, unit: 'MiB' }],
    vcpus: [vcpus, { min: 1, max: RULE_LIMITS.vcpus, integer: true, unit: 'vCPUs' }],
  });
  const pageTables = Math.ceil(memoryMiB / f.pageTableDivisor);
  const video = options.video === false ? 0 : f.videoMiB;
  const extras = (options.vfio ? 1024 : 0) + (options.sev ? 256 : 0) + (options.dedicatedCpus ? 100 : 0);
  const overheadMiB = pageTables + f.fixedMiB + f.perVcpuMiB * vcpus + f.ioThreadMiB + video + extras;
  return {
    overheadMiB,
    formula:
      `ceil(${memoryMiB}/${f.pageTableDivisor}) + ${f.fixedMiB} + ${f.perVcpuMiB}x${vcpus} vCPU + ${f.ioThreadMiB} IOThread + ${video} video` +
      (extras ? ` + ${extras} options` : '') +
      ` = ${overheadMiB} MiB`,
  };
}

export interface OpenshiftVirtFormula {
  memoryFactor: number;
  fixedMiB: number;
  perVcpuMiB: number;
  perGraphicsDeviceMiB: number;
}

/**
 * OpenShift Virtualization's per-VM memory overhead (openshift-docs
 * `virt-cluster-resource-requirements.adoc`, as of 2025-09): 0.002 x requested memory + 218 MiB +
 * 8 MiB per vCPU + 16 MiB per graphics device. The proportional share is rounded up to whole MiB.
 *
 * @example
 * openshiftVirtOverheadMiB(CATALOG['hypervisor.openshift-virt.formula'].value, 4096, 2).overheadMiB //=> 259
 */
export function openshiftVirtOverheadMiB(
  f: OpenshiftVirtFormula,
  memoryMiB: number,
  vcpus: number,
  graphicsDevices = 1,
): OverheadResult {
  checkInputs({
    memoryMiB: [memoryMiB, { min: 1, max: RULE_LIMITS.memoryMiB, integer: true, unit: 'MiB' }],
    vcpus: [vcpus, { min: 1, max: RULE_LIMITS.vcpus, integer: true, unit: 'vCPUs' }],
  });
  checkInputs({ graphicsDevices: [graphicsDevices, { min: 0, max: 16, integer: true, unit: 'devices' }] });
  // 0.002 x memory, computed on integers to avoid binary float error: memory x 2 / 1000.
  const factorPerMille = Math.round(f.memoryFactor * 1_000_000);
  const proportional = Math.ceil((memoryMiB * factorPerMille) / 1_000_000);
  const overheadMiB = proportional + f.fixedMiB + f.perVcpuMiB * vcpus + f.perGraphicsDeviceMiB * graphicsDevices;
  return {
    overheadMiB,
    formula: `ceil(${f.memoryFactor}x${memoryMiB}) + ${f.fixedMiB} + ${f.perVcpuMiB}x${vcpus} vCPU + ${f.perGraphicsDeviceMiB}x${graphicsDevices} graphics = ${overheadMiB} MiB`,
  };
}

/**
 * Proxmox VE host memory: 2 GiB for the OS and services, plus the ZFS ARC when ZFS is used, which
 * defaults to 10% of RAM capped at 16 GiB on new PVE >= 8.1 installations (Proxmox VE admin guide,
 * as of 2023-11).
 *
 * @example
 * proxmoxHostReserveMiB(2048, { percent: 10, capMiB: 16384 }, 262144, true).reserveMiB //=> 18432
 */
export function proxmoxHostReserveMiB(
  baseMiB: number,
  arc: { percent: number; capMiB: number },
  hostMemoryMiB: number,
  zfs: boolean,
): { reserveMiB: number; arcMiB: number; formula: string } {
  const arcMiB = zfs ? Math.min(Math.ceil((hostMemoryMiB * arc.percent) / 100), arc.capMiB) : 0;
  const reserveMiB = baseMiB + arcMiB;
  return {
    reserveMiB,
    arcMiB,
    formula: zfs
      ? `${baseMiB} + min(${arc.percent}% x ${hostMemoryMiB}, ${arc.capMiB}) ZFS ARC = ${reserveMiB} MiB`
      : `${baseMiB} MiB (no ZFS)`,
  };
}
