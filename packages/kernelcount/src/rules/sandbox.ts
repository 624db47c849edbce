/** Per-pod (per-sandbox) overheads of the isolation runtimes a micro-VM platform can use. */
export type KataRuntime = 'kata-qemu' | 'kata-clh' | 'kata-fc' | 'kata-dragonball' | 'kata-qemu-tdx' | 'kata-qemu-snp';
export const KATA_RUNTIMES: readonly KataRuntime[] = ['kata-qemu', 'kata-clh', 'kata-fc', 'kata-dragonball', 'kata-qemu-tdx', 'kata-qemu-snp'];
export type SandboxRuntime = KataRuntime | 'gvisor' | 'firecracker';
export const SANDBOX_RUNTIMES: readonly SandboxRuntime[] = [...KATA_RUNTIMES, 'gvisor', 'firecracker'];

export interface SandboxOverhead {
  runtime: SandboxRuntime | 'hyperv-isolation' | 'custom';
  /** Memory charged to the pod on top of its containers' requests, split by layer. */
  hypervisorMemoryMiB: number;
  guestOsMemoryMiB: number;
  cpuMillicores: number;
  formula: string;
}

/**
 * Kata Containers pod overhead as its RuntimeClass declares it (`overhead.podFixed` in kata-deploy's
 * runtime classes, as of 2025-06): kata-qemu 160Mi / 250m; kata-clh, kata-fc and kata-dragonball 130Mi / 250m;
 * the confidential runtimes kata-qemu-tdx and kata-qemu-snp 2048Mi / 1 CPU. Kubernetes
 * adds it to the pod's requests when scheduling (docs "Pod Overhead"). It covers the VMM and the guest
 * kernel and agent, so it is reported under the hypervisor layer.
 *
 * @example
 * kataPodOverhead('kata-fc', { memoryMiB: 130, cpuMillicores: 250 }).hypervisorMemoryMiB //=> 130
 */
export function kataPodOverhead(
  runtime: KataRuntime,
  podFixed: { memoryMiB: number; cpuMillicores: number },
): SandboxOverhead {
  return {
    runtime,
    hypervisorMemoryMiB: podFixed.memoryMiB,
    guestOsMemoryMiB: 0,
    cpuMillicores: podFixed.cpuMillicores,
    formula: `RuntimeClass ${runtime} overhead.podFixed = ${podFixed.memoryMiB} MiB, ${podFixed.cpuMillicores} m`,
  };
}

/**
 * A RuntimeClass of your own: whatever its `overhead.podFixed` declares is added to each pod's
 * requests, as Kubernetes does for any RuntimeClass (docs "Pod Overhead").
 *
 * @example
 * customPodOverhead({ memoryMiB: 96, cpuMillicores: 100 }).cpuMillicores //=> 100
 */
export function customPodOverhead(podFixed: { memoryMiB: number; cpuMillicores: number }): SandboxOverhead {
  return {
    runtime: 'custom',
    hypervisorMemoryMiB: podFixed.memoryMiB,
    guestOsMemoryMiB: 0,
    cpuMillicores: podFixed.cpuMillicores,
    formula: `your RuntimeClass overhead.podFixed = ${podFixed.memoryMiB} MiB, ${podFixed.cpuMillicores} m`,
  };
}

/**
 * gVisor (runsc): extra memory per sandbox measured against runc in gVisor's own density benchmark
 * (website/performance/density.csv: a node app at 124 MB vs 76.7 MB). A measurement, not a limit.
 *
 * @example
 * gvisorOverhead({ memoryMiB: 46, cpuMillicores: 0 }).hypervisorMemoryMiB //=> 46
 */
export function gvisorOverhead(measured: { memoryMiB: number; cpuMillicores: number }): SandboxOverhead {
  return {
    runtime: 'gvisor',
    hypervisorMemoryMiB: measured.memoryMiB,
    guestOsMemoryMiB: 0,
    cpuMillicores: measured.cpuMillicores,
    formula: `runsc sentry and gofer, measured ${measured.memoryMiB} MiB more than runc per sandbox`,
  };
}

/**
 * A bare Firecracker microVM: the VMM itself stays under 5 MiB (Firecracker SPECIFICATION.md, as of
 * 2024-01, for 1 vCPU and 128 MiB), but the guest also needs its own kernel and init in its memory.
 *
 * @example
 * firecrackerOverhead(5, 120).hypervisorMemoryMiB //=> 5
 */
export function firecrackerOverhead(vmmMiB: number, guestKernelMiB: number): SandboxOverhead {
  return {
    runtime: 'firecracker',
    hypervisorMemoryMiB: vmmMiB,
    guestOsMemoryMiB: guestKernelMiB,
    cpuMillicores: 0,
    formula: `Firecracker VMM ${vmmMiB} MiB + guest kernel and init ${guestKernelMiB} MiB`,
  };
}
