/**
 * The small pure components every platform is composed of. Each takes already-validated inputs,
 * reads its defaults through the catalog view (so the evaluation lists them) and returns a
 * footprint plus the formula with the numbers filled in.
 */
import type { CatalogView } from '../catalog/tracker.js';
import { esxiHostReserve, esxiOverheadMiB } from '../rules/esxi.js';
import { kubevirtOverheadMiB, openshiftVirtOverheadMiB, proxmoxHostReserveMiB } from '../rules/kvm.js';
import { nodeReservation, type NodeReservation } from '../rules/reservations.js';
import { firecrackerOverhead, gvisorOverhead, kataPodOverhead, type SandboxOverhead, type SandboxRuntime } from '../rules/sandbox.js';
import type { Host, HypervisorConfig, KubernetesConfig, OsFamily, Workload } from '../scenario/types.js';
import { emptyFootprint, layers, type Footprint } from './footprint.js';

const GiB = 1024;

export function hostCpuMillicores(host: Host): number {
  return host.sockets * host.coresPerSocket * host.threadsPerCore * 1000;
}

export interface GuestOs {
  memoryMiB: number;
  minimumMemoryMiB: number;
  diskMiB: number;
  cpuMillicores: number;
}

/** The guest operating system inside one VM, from the catalog. */
export function guestOs(os: OsFamily, cat: CatalogView): GuestOs {
  if (os === 'windows') {
    return {
      memoryMiB: cat.get('guestOs.windows.memoryMiB'),
      minimumMemoryMiB: cat.get('guestOs.windows.minimumMemoryMiB'),
      diskMiB: cat.get('guestOs.windows.diskGiB') * GiB,
      cpuMillicores: cat.get('guestOs.windows.cpuMillicores'),
    };
  }
  return {
    memoryMiB: cat.get('guestOs.linux.memoryMiB'),
    minimumMemoryMiB: cat.get('guestOs.linux.minimumMemoryMiB'),
    diskMiB: cat.get('guestOs.linux.diskGiB') * GiB,
    cpuMillicores: cat.get('guestOs.linux.cpuMillicores'),
  };
}

export interface VmShape {
  vcpus: number;
  memoryMiB: number;
  formula: string[];
}

/**
 * The VM one instance needs: whole vCPUs (at least 1) for the app plus the guest OS, and memory for
 * the app plus the guest OS, at least the OS's minimum.
 */
export function vmShape(cpuMillicores: number, appMemoryMiB: number, g: GuestOs): VmShape {
  const vcpus = Math.max(1, Math.ceil((cpuMillicores + g.cpuMillicores) / 1000));
  const memoryMiB = Math.max(g.minimumMemoryMiB, appMemoryMiB + g.memoryMiB);
  return {
    vcpus,
    memoryMiB,
    formula: [
      `vCPUs = max(1, ceil((${cpuMillicores} + ${g.cpuMillicores} guest OS) m / 1000)) = ${vcpus}`,
      `VM memory = max(${g.minimumMemoryMiB} OS minimum, ${appMemoryMiB} app + ${g.memoryMiB} guest OS) = ${memoryMiB} MiB`,
    ],
  };
}

/** Per-VM hypervisor overhead memory for a VM of this shape on this hypervisor. */
export function perVmOverhead(hv: HypervisorConfig, memoryMiB: number, vcpus: number, cat: CatalogView): { overheadMiB: number; formula: string } {
  if (hv.perVmOverheadMiB !== null) {
    return { overheadMiB: hv.perVmOverheadMiB, formula: `per-VM overhead ${hv.perVmOverheadMiB} MiB (your value)` };
  }
  switch (hv.hypervisor) {
    case 'esxi-6.7':
    case 'esxi-6.5':
    case 'esxi-4.0': {
      const r = esxiOverheadMiB(cat.get(`hypervisor.${hv.hypervisor}.overheadTable`), memoryMiB, vcpus);
      return { overheadMiB: r.overheadMiB, formula: r.formula };
    }
    case 'kubevirt':
      return kubevirtOverheadMiB(cat.get('hypervisor.kubevirt.formula'), memoryMiB, vcpus);
    case 'openshift-virt':
      return openshiftVirtOverheadMiB(cat.get('hypervisor.openshift-virt.formula'), memoryMiB, vcpus);
    case 'proxmox': {
      const v = cat.get('hypervisor.kvm.perVmMiB');
      return { overheadMiB: v, formula: `QEMU per-VM overhead ${v} MiB (weak default)` };
    }
    case 'hyperv': {
      const v = cat.get('hypervisor.hyperv.perVmMiB');
      return { overheadMiB: v, formula: `Hyper-V per-VM overhead ${v} MiB (weak default)` };
    }
  }
}

/** What a hypervisor host keeps for itself, as a footprint in the host-reserve layer. */
export function hypervisorHostReserve(hv: HypervisorConfig, host: Host, cat: CatalogView): { fixed: Footprint; formulas: string[] } {
  const fixed = emptyFootprint();
  const cpu = hostCpuMillicores(host);
  switch (hv.hypervisor) {
    case 'esxi-6.7':
    case 'esxi-6.5':
    case 'esxi-4.0': {
      const pct = cat.get('hypervisor.esxi.hostReservePercent');
      const r = esxiHostReserve({ cpuMillicores: cpu, memoryMiB: host.memoryMiB }, pct);
      fixed.cpuMillicores = r.cpuMillicores;
      fixed.memoryMiB.hostReserve = r.memoryMiB;
      return { fixed, formulas: [`${r.formula} (boot device not counted on the data disk)`] };
    }
    case 'proxmox': {
      const r = proxmoxHostReserveMiB(cat.get('hypervisor.proxmox.hostMemoryMiB'), cat.get('hypervisor.proxmox.zfsArc'), host.memoryMiB, hv.zfs);
      fixed.memoryMiB.hostReserve = r.reserveMiB;
      fixed.diskMiB.hostReserve = cat.get('hostOs.linux.diskGiB') * GiB;
      return { fixed, formulas: [`Proxmox host memory = ${r.formula}`, `host OS disk ${fixed.diskMiB.hostReserve} MiB`] };
    }
    case 'hyperv': {
      fixed.memoryMiB.hostReserve = cat.get('hypervisor.hyperv.rootReserveMiB');
      fixed.diskMiB.hostReserve = cat.get('hostOs.windows.diskGiB') * GiB;
      return { fixed, formulas: [`Hyper-V root partition ${fixed.memoryMiB.hostReserve} MiB (weak default)`, `host OS disk ${fixed.diskMiB.hostReserve} MiB`] };
    }
    case 'kubevirt':
    case 'openshift-virt': {
      // The hosts are Kubernetes nodes: the generic kubelet reservation applies, plus OpenShift
      // Virtualization's own 360 MiB per worker node.
      const g = cat.get('k8s.generic.reservation');
      const extra = hv.hypervisor === 'openshift-virt' ? 360 : 0;
      fixed.cpuMillicores = g.kubeReservedCpuMillicores + g.systemReservedCpuMillicores;
      fixed.memoryMiB.hostReserve = g.systemReservedMemoryMiB;
      fixed.memoryMiB.runtime = g.kubeReservedMemoryMiB + g.evictionMemoryMiB + extra;
      fixed.diskMiB.hostReserve = cat.get('hostOs.linux.diskGiB') * GiB;
      return {
        fixed,
        formulas: [
          `node reservation (generic): system ${g.systemReservedMemoryMiB} MiB + kube ${g.kubeReservedMemoryMiB} MiB + eviction ${g.evictionMemoryMiB} MiB${extra ? ` + ${extra} MiB OpenShift Virtualization per worker` : ''}; CPU ${fixed.cpuMillicores} m`,
          `host OS disk ${fixed.diskMiB.hostReserve} MiB`,
        ],
      };
    }
  }
}

/** Disk a VM's virtual disk takes on the host: all of it (thick) or the written share (thin). */
export function allocatedDiskMiB(provisionedMiB: number, mode: 'thick' | 'thin', cat: CatalogView): number {
  if (mode === 'thick' || provisionedMiB === 0) return provisionedMiB;
  const f = cat.get('vm.thinUsedFraction');
  return Math.ceil(provisionedMiB * f);
}

export interface VmItem {
  footprint: Footprint;
  vcpus: number;
  formula: string[];
}

/** The footprint of one VM running one instance of a workload. */
export function vmFootprint(w: Workload, hv: HypervisorConfig, cat: CatalogView): VmItem {
  const g = guestOs(w.os, cat);
  const shape = vmShape(w.cpuMillicores, w.memoryMiB, g);
  const ov = perVmOverhead(hv, shape.memoryMiB, shape.vcpus, cat);
  const osDisk = allocatedDiskMiB(g.diskMiB, hv.disk, cat);
  const appDisk = allocatedDiskMiB(w.storageMiB, hv.disk, cat);
  return {
    vcpus: shape.vcpus,
    footprint: {
      cpuMillicores: shape.vcpus * 1000,
      memoryMiB: layers({ app: w.memoryMiB, guestOs: shape.memoryMiB - w.memoryMiB, hypervisor: ov.overheadMiB }),
      diskMiB: layers({ guestOs: osDisk, app: appDisk }),
      pods: 0,
    },
    formula: [
      ...shape.formula,
      ov.formula,
      `disk = ${osDisk} MiB OS + ${appDisk} MiB data (${hv.disk})`,
    ],
  };
}

/** The per-sandbox overhead of an isolation runtime, from the catalog. */
export function sandboxOverhead(runtime: SandboxRuntime, cat: CatalogView): SandboxOverhead {
  switch (runtime) {
    case 'kata-qemu':
    case 'kata-clh':
    case 'kata-fc':
    case 'kata-dragonball':
    case 'kata-qemu-tdx':
    case 'kata-qemu-snp':
      return kataPodOverhead(runtime, cat.get(`sandbox.${runtime}`));
    case 'gvisor':
      return gvisorOverhead(cat.get('sandbox.gvisor'));
    case 'firecracker':
      return firecrackerOverhead(cat.get('hypervisor.firecracker.vmmMiB'), cat.get('sandbox.firecracker.guestKernelMiB'));
  }
}

/** Hyper-V isolation for a Windows container: its own utility VM (weak default). */
export function hypervIsolationOverhead(cat: CatalogView): SandboxOverhead {
  const v = cat.get('sandbox.hyperv-isolation');
  return {
    runtime: 'hyperv-isolation',
    hypervisorMemoryMiB: v.memoryMiB,
    guestOsMemoryMiB: 0,
    cpuMillicores: v.cpuMillicores,
    formula: `Hyper-V isolated container utility VM ${v.memoryMiB} MiB (weak default)`,
  };
}

export interface NodeFixed {
  fixed: Footprint;
  reservation: NodeReservation;
  formulas: string[];
  /** True when the provider's reservation already scales with pods (so shims are not added per pod). */
  perPodIncluded: boolean;
}

/**
 * A Kubernetes node's own reservations as a footprint: system-reserved in the host-reserve layer on bare
 * metal (guest OS in a node VM), kube-reserved and the eviction threshold in the runtime layer, and
 * on disk the OS plus the nodefs eviction share.
 */
export function kubeNodeFixed(
  k8s: KubernetesConfig,
  node: { cpuMillicores: number; memoryMiB: number; diskMiB: number },
  os: OsFamily,
  where: 'bare-metal' | 'node-vm',
  cat: CatalogView,
): NodeFixed {
  const res = nodeReservation(
    k8s.reservation,
    { cpuMillicores: node.cpuMillicores, memoryMiB: node.memoryMiB, maxPods: k8s.maxPods },
    {
      generic: k8s.generic,
      ...(k8s.reservation === 'gdc' ? { gdcBaseMemoryMiB: cat.get('k8s.gdc.baseMemoryMiB') } : {}),
      ...(os === 'windows'
        ? {
            windows: {
              aksExtraMemoryMiB: k8s.reservation === 'aks' || k8s.reservation === 'aks-pre-1.29' ? cat.get('k8s.aks.windowsExtraMiB') : 0,
              kubeletEvictionMemoryMiB: k8s.reservation === 'generic' ? cat.get('k8s.evictionHard.windowsMemoryMiB') : 0,
            },
          }
        : {}),
    },
  );
  const fixed = emptyFootprint();
  fixed.cpuMillicores = res.kubeReserved.cpuMillicores + res.systemReserved.cpuMillicores;
  const sysLayer = where === 'bare-metal' ? 'hostReserve' : 'guestOs';
  fixed.memoryMiB[sysLayer] = res.systemReserved.memoryMiB;
  fixed.memoryMiB.runtime = res.kubeReserved.memoryMiB + res.evictionMemoryMiB;
  const osDisk = (os === 'windows' ? cat.get('hostOs.windows.diskGiB') : cat.get('hostOs.linux.diskGiB')) * GiB;
  const nodefsPct = cat.get('k8s.evictionHard.nodefsPercent');
  fixed.diskMiB[sysLayer] = osDisk;
  fixed.diskMiB.runtime = Math.ceil((node.diskMiB * nodefsPct) / 100);
  return {
    fixed,
    reservation: res,
    perPodIncluded: k8s.reservation === 'eks' || k8s.reservation === 'aks',
    formulas: [
      `${k8s.reservation} node reservation for ${node.cpuMillicores} m, ${node.memoryMiB} MiB, ${k8s.maxPods} pods:`,
      ...res.formula.map((f) => `  ${f}`),
      `OS disk ${osDisk} MiB; nodefs eviction ${nodefsPct}% = ${fixed.diskMiB.runtime} MiB`,
    ],
  };
}

/** The footprint of one pod running one instance of a workload, with an optional sandbox. */
export function podFootprint(w: Workload, sandbox: SandboxOverhead | null, shimMiB: number): Footprint {
  return {
    cpuMillicores: w.cpuMillicores + (sandbox?.cpuMillicores ?? 0),
    memoryMiB: layers({
      app: w.memoryMiB,
      runtime: shimMiB,
      hypervisor: sandbox?.hypervisorMemoryMiB ?? 0,
      guestOs: sandbox?.guestOsMemoryMiB ?? 0,
    }),
    diskMiB: layers({ app: w.storageMiB }),
    pods: 1,
  };
}
