/**
 * Sizing: turns a platform's settings and the workloads into pools of identical bins, packs them,
 * applies HA, and reports hosts, density, what binds and where the memory and disk go.
 */
import type { CatalogView } from '../catalog/tracker.js';
import { isKernelcountError, KernelcountError, type Issue } from '../errors.js';
import { licensingsFor } from '../packing/pairs.js';
import { customPodOverhead } from '../rules/sandbox.js';
import type {
  ContainersInVmsPlatform,
  ContainersPlatform,
  Host,
  MicrovmPlatform,
  OsFamily,
  Platform,
  Policy,
  Scenario,
  VmPlatform,
  Workload,
} from '../scenario/types.js';
import {
  allocatedDiskMiB,
  guestOs,
  hostCpuMillicores,
  hypervIsolationOverhead,
  hypervisorHostReserve,
  kubeNodeFixed,
  perVmOverhead,
  podFootprint,
  sandboxOverhead,
  vmFootprint,
} from './components.js';
import { addInto, layers, total, type Footprint, type LayerAmounts } from './footprint.js';
import {
  ItemTooLargeError,
  instancesPerBin,
  packPool,
  arrangeGuests,
  poolLayerTotals,
  usableCapacity,
  type ItemDensity,
  type LayerTotals,
  type PackedPool,
  type PoolItem,
  type PoolSpec,
  type Resource,
  type Binding,
} from './pool.js';

export interface WorkloadPlacement {
  workload: string;
  instances: number;
  /** Per instance: CPU allocated, memory and disk by layer. */
  perInstance: Footprint;
  /** Whole vCPUs of the VM (VM platforms) or whole cores requested, for licences. */
  licensableCores: number;
  /** Most instances of this workload alone that one host takes, and what binds. */
  maxPerHost: number;
  binding: Resource;
  /** How the per-instance footprint was made. */
  formula: string[];
  /** Isolation runtime used for this workload, if any. */
  sandbox: string | null;
}

export interface PoolSizing {
  key: string;
  os: OsFamily;
  /** Hosts that carry the load, spares for HA, and their sum. */
  loadHosts: number;
  spareHosts: number;
  hosts: number;
  /** Lower bound on load hosts from total demand alone. */
  lowerBoundHosts: number;
  /**
   * Load hosts beyond the fewest packing finds, included in `loadHosts`: added because they cost
   * less than the per-host licences they save (cost/hostCount.ts); 0 unless asked for.
   */
  addedHosts: number;
  /** VMs (or node VMs) in the pool; 0 on bare-metal container platforms. */
  vms: number;
  /** Node VMs per host (containers in VMs). */
  nodeVmsPerHost?: number;
  instances: number;
  binding: Binding;
  utilization: Record<Resource, number>;
  usablePerHost: { cpuMillicores: number; memoryMiB: number; diskMiB: number; pods: number };
  /** Usable capacity of one node VM (containers in VMs). */
  usablePerNodeVm?: { cpuMillicores: number; memoryMiB: number; diskMiB: number; pods: number };
  layers: LayerTotals;
  /** OS environments per load host that licences count (VMs, node VMs, or Hyper-V isolated containers), as packed. */
  osesPerHost: Array<{ hosts: number; oses: number }>;
  /**
   * The same OSEs per load host, moved between hosts so that a licence granting 2 OSEs per
   * licensing of a host (Windows Server Standard, RHEL Server) needs as few licensings as
   * packing/pairs.ts finds, spares (licensed like the busiest host) included, with the image disk
   * this stores beyond the packing (`layers` describe the bins as packed). Hosts and everything
   * else stay as packed. With `cap`, a host costs at most `cap` licensings' worth (Datacenter's
   * flat price where it is cheaper than that many of Standard). Worked out on first use per cap, then kept.
   */
  pairedOsesPerHost: (cap?: number) => PairedOses;
  workloads: WorkloadPlacement[];
  formulas: string[];
}

export interface PlatformSizing {
  platform: Platform;
  host: Host;
  pools: PoolSizing[];
  hosts: number;
  loadHosts: number;
  spareHosts: number;
  /** Load hosts added because they cost less than the licences they save (PoolSizing.addedHosts). */
  addedHosts: number;
  vms: number;
  instances: number;
  binding: Binding;
  layers: LayerTotals;
}

/** Raised when one instance cannot fit an empty host (or node VM) of the platform. */
export class TooLargeForHostError extends Error {
  constructor(
    readonly platform: string,
    readonly workload: string,
    readonly resource: Resource,
    readonly need: number,
    readonly usable: number,
    readonly bin: 'host' | 'node VM',
  ) {
    super(`${workload} does not fit one ${bin} of ${platform}`);
  }
}

function spareHosts(policy: Policy, loadHosts: number): number {
  if (loadHosts === 0) return 0;
  return policy.ha.kind === 'spare-hosts' ? policy.ha.spareHosts : 0;
}

function hostCapacity(host: Host) {
  return { cpuMillicores: hostCpuMillicores(host), memoryMiB: host.memoryMiB, diskMiB: host.diskMiB };
}

function pack(platform: Platform, spec: PoolSpec, policy: Policy, bin: 'host' | 'node VM', extraBins = 0): PackedPool {
  const usable = usableCapacity(spec, policy, { cpu: platform.cpuOvercommit, memory: platform.memoryOvercommit });
  try {
    return packPool(spec, usable, extraBins);
  } catch (e) {
    if (e instanceof ItemTooLargeError) {
      throw new TooLargeForHostError(platform.name, e.item.workload?.name ?? e.item.label, e.resource, e.need, e.usable, bin);
    }
    throw e;
  }
}

function placements(packed: PackedPool, formulas: Map<string, string[]>, sandboxes: Map<string, string | null>, multiplier = 1): WorkloadPlacement[] {
  const dens = new Map<string, ItemDensity>(packed.densities.map((d) => [d.id, d]));
  return packed.spec.items
    .filter((i) => i.workload)
    .map((i) => {
      const d = dens.get(i.id)!;
      return {
        workload: i.workload!.name,
        instances: i.count,
        perInstance: i.footprint,
        licensableCores: i.licensableCores,
        maxPerHost: d.maxPerBin * multiplier,
        binding: d.binding,
        formula: formulas.get(i.id) ?? [],
        sandbox: sandboxes.get(i.id) ?? null,
      };
    });
}

function byOs(workloads: readonly Workload[]): Array<[OsFamily, Workload[]]> {
  const out: Array<[OsFamily, Workload[]]> = [];
  for (const os of ['linux', 'windows'] as const) {
    const ws = workloads.filter((w) => w.os === os && w.instances > 0);
    if (ws.length) out.push([os, ws]);
  }
  return out;
}

/** Guest OSEs per load host as placed for a licence (PoolSizing.pairedOsesPerHost). */
export interface PairedOses {
  perHost: Array<{ hosts: number; oses: number }>;
  /** MiB of images this placement stores on hosts that did not hold them as packed. */
  extraImageMiB: number;
}

/** PoolSizing.pairedOsesPerHost: the guests paired for 2-per-licensing rules, worked out once per cap when first asked for. */
function paired(packed: PackedPool, guests: ((i: PoolItem) => boolean) | null, spares: number): (cap?: number) => PairedOses {
  const kept = new Map<number, PairedOses>();
  return (exact = Infinity) => {
    // The cap only steers the search (each placement found is then priced exactly), so half
    // licensings are fine enough: samples whose prices differ a little share one placement.
    const cap = Math.round(exact * 2) / 2;
    let got = kept.get(cap);
    if (!got) {
      const a = guests ? arrangeGuests(packed, guests, spares, (n) => Math.min(licensingsFor(n), cap)) : { perBin: [], extraImageMiB: 0 };
      got = { perHost: a.perBin.map((x) => ({ hosts: x.bins, oses: x.instances })), extraImageMiB: a.extraImageMiB };
      kept.set(cap, got);
    }
    return got;
  };
}

function simplePool(
  platform: Platform,
  key: string,
  os: OsFamily,
  spec: PoolSpec,
  policy: Policy,
  itemFormulas: Map<string, string[]>,
  sandboxes: Map<string, string | null>,
  osesFilter: ((i: PoolItem) => boolean) | null,
  vmsInPool: number,
  addedHosts: number,
): PoolSizing {
  const packed = pack(platform, spec, policy, 'host', addedHosts);
  const spares = spareHosts(policy, packed.bins);
  const hosts = packed.bins + spares;
  return {
    key,
    os,
    loadHosts: packed.bins,
    spareHosts: spares,
    hosts,
    lowerBoundHosts: packed.pack.lowerBound,
    addedHosts,
    vms: vmsInPool,
    instances: spec.items.reduce((a, i) => a + (i.workload ? i.count : 0), 0),
    binding: packed.binding,
    utilization: packed.utilization,
    usablePerHost: { cpuMillicores: packed.usable.cpuMillicores, memoryMiB: packed.usable.memoryMiB, diskMiB: packed.usable.diskMiB, pods: packed.usable.pods },
    layers: poolLayerTotals(packed, hosts),
    osesPerHost: osesFilter ? instancesPerBin(packed, osesFilter).map((x) => ({ hosts: x.bins, oses: x.instances })) : [],
    pairedOsesPerHost: paired(packed, osesFilter, spares),
    workloads: placements(packed, itemFormulas, sandboxes),
    formulas: [...spec.formulas, ...packed.usable.formula],
  };
}

/** Load hosts to add to a pool, by its key (sizePlatform's `addedHosts`). */
type Added = (key: string) => number;

function sizeVm(p: VmPlatform, s: Scenario, cat: CatalogView, added: Added): PoolSizing[] {
  return byOs(s.workloads).map(([os, ws]) => {
    const reserve = hypervisorHostReserve(p, p.host, cat);
    const formulas = new Map<string, string[]>();
    const items: PoolItem[] = ws.map((w) => {
      let vm: ReturnType<typeof vmFootprint>;
      try {
        vm = vmFootprint(w, p, cat);
      } catch (e) {
        // The hypervisor's overhead rule covers VMs up to 4,096 vCPUs and 64 TiB: a workload whose VM,
        // with its guest OS, is bigger is refused at the workload (found by fuzzing; it had the rule's path).
        if (!isKernelcountError(e)) throw e;
        const at = `workloads[${s.workloads.indexOf(w)}]`;
        const why = (i: Issue) => `one VM of ${JSON.stringify(w.name)} on platform ${JSON.stringify(p.name)}, with its guest OS, is beyond the ${p.hypervisor} overhead rule: ${i.path} ${i.message}`;
        throw new KernelcountError(e.issues.map((i) => ({ ...i, path: at, message: why(i) })));
      }
      formulas.set(w.name, vm.formula);
      return { id: w.name, workload: w, label: w.name, count: w.instances, footprint: vm.footprint, licensableCores: vm.vcpus };
    });
    const spec: PoolSpec = { key: os, os, capacity: { ...hostCapacity(p.host), pods: 0 }, fixed: reserve.fixed, items, formulas: reserve.formulas };
    const vms = items.reduce((a, i) => a + i.count, 0);
    return simplePool(p, os, os, spec, s.policy, formulas, new Map(), () => true, vms, added(os));
  });
}

function controlPlaneItem(cat: CatalogView): PoolItem {
  const cp = cat.get('k8s.controlPlane.perNode');
  return {
    id: '(control plane)',
    workload: null,
    label: 'stacked control plane',
    count: 3,
    footprint: { cpuMillicores: cp.cpuMillicores, memoryMiB: layers({ runtime: cp.memoryMiB }), diskMiB: layers(), pods: 0 },
    maxPerBin: 1,
    priority: 1,
    licensableCores: 0,
  };
}

interface PodItems {
  items: PoolItem[];
  formulas: Map<string, string[]>;
  sandboxes: Map<string, string | null>;
}

function podItems(
  ws: readonly Workload[],
  os: OsFamily,
  sandboxFor: (w: Workload) => { name: string; overhead: ReturnType<typeof sandboxOverhead> } | null,
  shimMiB: number,
): PodItems {
  const formulas = new Map<string, string[]>();
  const sandboxes = new Map<string, string | null>();
  const items = ws.map((w): PoolItem => {
    const sb = sandboxFor(w);
    const fp = podFootprint(w, sb?.overhead ?? null, shimMiB);
    formulas.set(w.name, [
      `pod = ${w.cpuMillicores} m + ${w.memoryMiB} MiB requested${shimMiB ? ` + ${shimMiB} MiB runtime shim` : ''}`,
      ...(sb ? [sb.overhead.formula] : []),
    ]);
    sandboxes.set(w.name, sb?.name ?? null);
    return {
      id: w.name,
      workload: w,
      label: w.name,
      count: w.instances,
      footprint: fp,
      image: { key: `${os}:${w.image}`, diskMiB: w.imageMiB },
      licensableCores: Math.ceil(w.cpuMillicores / 1000),
    };
  });
  return { items, formulas, sandboxes };
}

function sandboxChooser(
  defaultRuntime: Parameters<typeof sandboxOverhead>[0] | null,
  ownKernelRuntime: Parameters<typeof sandboxOverhead>[0],
  cat: CatalogView,
  custom: { memoryMiB: number; cpuMillicores: number } | null = null,
) {
  return (w: Workload) => {
    if (custom && w.os === 'linux') return { name: 'custom', overhead: customPodOverhead(custom) };
    if (w.os === 'windows') {
      // Windows containers get their own kernel only through Hyper-V isolation.
      if (w.needsOwnKernel || defaultRuntime) return { name: 'hyperv-isolation', overhead: hypervIsolationOverhead(cat) };
      return null;
    }
    const rt = defaultRuntime ?? (w.needsOwnKernel ? ownKernelRuntime : null);
    return rt ? { name: rt, overhead: sandboxOverhead(rt, cat) } : null;
  };
}

function sizeBareMetalK8s(p: ContainersPlatform | MicrovmPlatform, s: Scenario, cat: CatalogView, added: Added): PoolSizing[] {
  const pools = byOs(s.workloads);
  if (p.controlPlane === 'stacked' && !pools.some(([os]) => os === 'linux')) pools.unshift(['linux', []]);
  const shimMiB = cat.get('runtime.shimMemoryMiB');
  const choose = sandboxChooser(p.type === 'microvm' ? p.runtime : null, p.ownKernelRuntime, cat, p.type === 'microvm' ? p.podOverhead : null);
  return pools.map(([os, ws]) => {
    const cap = hostCapacity(p.host);
    const node = kubeNodeFixed(p, cap, os, 'bare-metal', cat);
    const pods = podItems(ws, os, choose, node.perPodIncluded ? 0 : shimMiB);
    if (p.controlPlane === 'stacked' && os === 'linux') pods.items.push(controlPlaneItem(cat));
    const spec: PoolSpec = { key: os, os, capacity: { ...cap, pods: p.maxPods }, fixed: node.fixed, items: pods.items, formulas: node.formulas };
    const isolated = (i: PoolItem) => i.workload?.os === 'windows' && pods.sandboxes.get(i.id) === 'hyperv-isolation';
    return simplePool(p, os, os, spec, s.policy, pods.formulas, pods.sandboxes, isolated, 0, added(os));
  });
}

function sizeContainersInVms(p: ContainersInVmsPlatform, s: Scenario, cat: CatalogView, added: Added): PoolSizing[] {
  const pools = byOs(s.workloads);
  if (p.controlPlane === 'stacked' && !pools.some(([os]) => os === 'linux')) pools.unshift(['linux', []]);
  const shimMiB = cat.get('runtime.shimMemoryMiB');
  const choose = sandboxChooser(null, p.ownKernelRuntime, cat);
  return pools.map(([os, ws]) => {
    // 1. Pods into node VMs.
    const nodeCap = { cpuMillicores: p.nodeVm.vcpus * 1000, memoryMiB: p.nodeVm.memoryMiB, diskMiB: p.nodeVm.diskMiB };
    const node = kubeNodeFixed(p, nodeCap, os, 'node-vm', cat);
    const pods = podItems(ws, os, choose, node.perPodIncluded ? 0 : shimMiB);
    // Persistent volumes live on the hypervisor's datastore, not on the node VM's disk.
    const storageById = new Map(pods.items.map((i) => [i.id, i.footprint.diskMiB.app]));
    for (const i of pods.items) i.footprint = { ...i.footprint, diskMiB: layers() };
    if (p.controlPlane === 'stacked' && os === 'linux') pods.items.push(controlPlaneItem(cat));
    // Inside a VM there is no HA spare and no further target: the host level applies those once.
    const nodePolicy: Policy = { ...s.policy, ha: { kind: 'spare-hosts', spareHosts: 0 }, targetUtilization: { cpu: 1, memory: 1, disk: 1 } };
    const nodeSpec: PoolSpec = { key: `${os}-node-vm`, os, capacity: { ...nodeCap, pods: p.maxPods }, fixed: node.fixed, items: pods.items, formulas: node.formulas };
    const nodePlatform = { ...p, cpuOvercommit: 1, memoryOvercommit: 1 };
    const inner = pack(nodePlatform, nodeSpec, nodePolicy, 'node VM');
    const nodeVms = inner.bins;

    // 2. Node VMs onto hosts.
    const g = guestOs(os, cat);
    const ov = perVmOverhead(p, p.nodeVm.memoryMiB, p.nodeVm.vcpus, cat);
    const vmDisk = allocatedDiskMiB(p.nodeVm.diskMiB, p.disk, cat);
    let appStorage = 0;
    for (const i of pods.items) appStorage += (storageById.get(i.id) ?? 0) * i.count;
    const pvPerVm = nodeVms > 0 ? Math.ceil(appStorage / nodeVms) : 0;
    const reserve = hypervisorHostReserve(p, p.host, cat);
    const vmItem: PoolItem = {
      id: '(node VM)',
      workload: null,
      label: 'Kubernetes node VM',
      count: nodeVms,
      footprint: {
        cpuMillicores: p.nodeVm.vcpus * 1000,
        memoryMiB: layers({ hypervisor: ov.overheadMiB, guestOs: p.nodeVm.memoryMiB }),
        diskMiB: layers({ guestOs: vmDisk, app: pvPerVm }),
        pods: 0,
      },
      licensableCores: p.nodeVm.vcpus,
    };
    const hostSpec: PoolSpec = { key: os, os, capacity: { ...hostCapacity(p.host), pods: 0 }, fixed: reserve.fixed, items: [vmItem], formulas: reserve.formulas };
    const isolated = (i: PoolItem) => i.id === '(node VM)';
    const outer = pack(p, hostSpec, s.policy, 'host', added(os));
    const spares = spareHosts(s.policy, outer.bins);
    const hosts = outer.bins + spares;

    // Where the memory and disk go, across all hosts of the pool.
    const innerLayers = poolLayerTotals(inner, nodeVms);
    const mem: LayerAmounts = layers({ hostReserve: total(reserve.fixed.memoryMiB) * hosts, hypervisor: ov.overheadMiB * nodeVms });
    addInto(mem, innerLayers.memoryMiB);
    // A node VM's virtual disk is the OS plus the kubelet's filesystem (images, logs, scratch);
    // persistent volumes are separate virtual disks on the datastore.
    const osDiskAlloc = Math.min(vmDisk, allocatedDiskMiB(node.fixed.diskMiB.guestOs, p.disk, cat));
    const disk: LayerAmounts = layers({
      hostReserve: total(reserve.fixed.diskMiB) * hosts,
      guestOs: osDiskAlloc * nodeVms,
      runtime: (vmDisk - osDiskAlloc) * nodeVms,
      app: pvPerVm * nodeVms,
    });
    const capMem = p.host.memoryMiB * hosts;
    const capDisk = p.host.diskMiB * hosts;
    const layersTotal: LayerTotals = {
      // Overcommitted node VMs can add up to more than the hosts have: then nothing is free.
      memoryMiB: { ...mem, free: Math.max(0, capMem - total(mem)) },
      diskMiB: { ...disk, free: Math.max(0, capDisk - total(disk)) },
    };
    const vmsPerHostMax = Math.max(1, ...outer.pack.records.map((r) => r.counts.get('(node VM)') ?? 0));
    return {
      key: os,
      os,
      loadHosts: outer.bins,
      spareHosts: spares,
      hosts,
      lowerBoundHosts: outer.pack.lowerBound,
      addedHosts: added(os),
      vms: nodeVms,
      nodeVmsPerHost: vmsPerHostMax,
      instances: ws.reduce((a, w) => a + w.instances, 0),
      // What fills the node VMs decides how many are needed, and so the hosts.
      binding: inner.binding,
      utilization: outer.utilization,
      usablePerHost: { cpuMillicores: outer.usable.cpuMillicores, memoryMiB: outer.usable.memoryMiB, diskMiB: outer.usable.diskMiB, pods: 0 },
      usablePerNodeVm: { cpuMillicores: inner.usable.cpuMillicores, memoryMiB: inner.usable.memoryMiB, diskMiB: inner.usable.diskMiB, pods: inner.usable.pods },
      layers: layersTotal,
      osesPerHost: instancesPerBin(outer, isolated).map((x) => ({ hosts: x.bins, oses: x.instances })),
      pairedOsesPerHost: paired(outer, isolated, spares),
      workloads: placements(inner, pods.formulas, pods.sandboxes, vmsPerHostMax).map((wp) => ({
        ...wp,
        perInstance: { ...wp.perInstance, diskMiB: layers({ app: storageById.get(wp.workload) ?? 0 }) },
      })),
      formulas: [
        ...reserve.formulas,
        `node VM ${p.nodeVm.vcpus} vCPU, ${p.nodeVm.memoryMiB} MiB, ${p.nodeVm.diskMiB} MiB disk (${p.disk}); ${ov.formula}`,
        `guest OS of node VMs: ${g.memoryMiB} MiB is inside the node's system-reserved`,
        ...node.formulas,
        ...inner.usable.formula.map((f) => `per node VM: ${f}`),
        ...outer.usable.formula.map((f) => `per host: ${f}`),
        `persistent volumes ${appStorage} MiB on the hosts' datastore (${pvPerVm} MiB per node VM on average)`,
        'free memory includes memory inside node VMs that no pod requested',
      ],
    };
  });
}

/**
 * Sizes one platform: hosts per pool (one pool per OS family), HA spares, density, binding
 * resource and the memory and disk of all its hosts by layer. `addedHosts` asks for load hosts
 * beyond the fewest that fit, by pool key (`windows`, `linux`): cost/hostCount.ts tries them.
 */
export function sizePlatform(p: Platform, s: Scenario, cat: CatalogView, addedHosts: Readonly<Record<string, number>> = {}): PlatformSizing {
  const added: Added = (key) => addedHosts[key] ?? 0;
  let pools: PoolSizing[];
  switch (p.type) {
    case 'vm':
      pools = sizeVm(p, s, cat, added);
      break;
    case 'containers':
    case 'microvm':
      pools = sizeBareMetalK8s(p, s, cat, added);
      break;
    case 'containers-in-vms':
      pools = sizeContainersInVms(p, s, cat, added);
      break;
  }
  const sum = (f: (x: PoolSizing) => number) => pools.reduce((a, x) => a + f(x), 0);
  const mem = { ...layers(), free: 0 };
  const disk = { ...layers(), free: 0 };
  for (const pool of pools) {
    for (const k of Object.keys(mem) as Array<keyof typeof mem>) {
      mem[k] += pool.layers.memoryMiB[k];
      disk[k] += pool.layers.diskMiB[k];
    }
  }
  const biggest = pools.reduce<PoolSizing | undefined>((a, x) => (!a || x.loadHosts > a.loadHosts ? x : a), undefined);
  return {
    platform: p,
    host: p.host,
    pools,
    hosts: sum((x) => x.hosts),
    loadHosts: sum((x) => x.loadHosts),
    spareHosts: sum((x) => x.spareHosts),
    addedHosts: sum((x) => x.addedHosts),
    vms: sum((x) => x.vms),
    instances: sum((x) => x.instances),
    binding: biggest?.binding ?? 'memory',
    layers: { memoryMiB: mem, diskMiB: disk },
  };
}

