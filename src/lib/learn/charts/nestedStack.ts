/**
 * Article 14 (hybrid estates and migration): containers inside VMs pay for both stacks. The chart
 * cuts each reference host into a number of Kubernetes node VMs the reader picks and shows where an
 * average host's memory goes, layer by layer (the package's `layersPerHost`), next to the same fleet
 * as VMs and as containers on bare metal.
 *
 * The node VM size is a scenario input, not a result: the chart sizes the node VMs so that the
 * number the reader picks tiles one host. It reads the host's usable capacity from the package (ESXi
 * reserve and target utilization applied) and ESXi's per-VM overhead from the package's rule, so
 * nothing is worked out here but a division of the host into equal parts.
 */
import { ESXI_67_OVERHEAD_TABLE, LAYERS, esxiOverheadMiB } from 'kernelcount';
import type { Binding, Layer, PlatformResult, PlatformType, ScenarioInput } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { PLATFORM_LABELS, REFERENCE_HOST, dec1, int, layerLabel, numericTable, pct, run, scenario } from './common';

export interface NestedStackParams {
  [key: string]: number | string;
  /** Node VMs each host is cut into (containers in VMs). */
  nodeVmsPerHost: number;
  /** The service's shape: `1x8` = 1 vCPU and 8 GiB of its own memory. */
  size: string;
}

export const NESTED_INSTANCES = 1000;

/** Service shapes the reader can pick: vCPUs and the app's own memory (GiB). */
export const SIZES: Record<string, { vcpus: number; memoryGiB: number; label: string }> = {
  '1x8': { vcpus: 1, memoryGiB: 8, label: '1 vCPU, 8 GiB' },
  '0.5x4': { vcpus: 0.5, memoryGiB: 4, label: '0.5 vCPU, 4 GiB' },
  '0.25x2': { vcpus: 0.25, memoryGiB: 2, label: '0.25 vCPU, 2 GiB' },
};

const ORDER: PlatformType[] = ['vm', 'containers', 'containers-in-vms'];
const NODE_DISK_GIB = 100;

function fleet(p: NestedStackParams, platforms: ScenarioInput['platforms']): ScenarioInput {
  const s = SIZES[p.size] ?? SIZES['1x8']!;
  return scenario({
    name: 'Containers in VMs: where a host goes',
    // No spare host: the chart is about the layers on a host, not about failover.
    policy: { ha: { spareHosts: 0 } },
    workloads: [{ name: 'service', instances: NESTED_INSTANCES, vcpus: s.vcpus, memoryGiB: s.memoryGiB, imageMiB: 250 }],
    platforms,
  });
}

let usable: { cpuMillicores: number; memoryMiB: number } | null = null;

/** What one reference host offers to node VMs once ESXi's reserve and the target utilization are taken off. */
export function usablePerHost(): { cpuMillicores: number; memoryMiB: number } {
  if (!usable) {
    const probe = run(fleet({ nodeVmsPerHost: 1, size: '1x8' }, [{ type: 'containers-in-vms', hypervisor: 'esxi-6.7' }]));
    const u = probe.platforms[0]!.pools[0]!.usablePerHost;
    usable = { cpuMillicores: u.cpuMillicores, memoryMiB: u.memoryMiB };
  }
  return usable;
}

/** The node VM that `n` of fit on one host: equal shares of its usable CPU, and of its memory after ESXi's per-VM overhead. */
export function nodeVmFor(n: number): { vcpus: number; memoryGiB: number; diskGiB: number } {
  const u = usablePerHost();
  const vcpus = Math.max(1, Math.floor(u.cpuMillicores / 1000 / n));
  const share = u.memoryMiB / n;
  let memoryGiB = Math.floor(share / 1024);
  // The overhead grows with the VM; step down a GiB at a time until VM plus overhead fits its share.
  while (memoryGiB > 1 && memoryGiB * 1024 + esxiOverheadMiB(ESXI_67_OVERHEAD_TABLE, memoryGiB * 1024, vcpus).overheadMiB > share) memoryGiB -= 1;
  return { vcpus, memoryGiB, diskGiB: NODE_DISK_GIB };
}

export const BINDING_WORDS: Record<string, string> = { cpu: 'CPU', memory: 'memory', disk: 'disk', pods: 'pod slots', 'cluster-size': 'the cluster minimum' };
export const bindingWords = (b: Binding) => BINDING_WORDS[b] ?? String(b);

export interface NestedRow {
  type: PlatformType;
  label: string;
  hosts: number;
  vms: number;
  binding: Binding;
  /** GiB per host by layer, and idle (free). */
  perHost: Record<Layer | 'free', number>;
  overhead: number;
  result: PlatformResult;
}

export function nestedStackModel(p: NestedStackParams) {
  const nodeVm = nodeVmFor(p.nodeVmsPerHost);
  const e = run(
    fleet(p, [
      { type: 'vm', hypervisor: 'esxi-6.7' },
      { type: 'containers', reservation: 'generic' },
      { type: 'containers-in-vms', hypervisor: 'esxi-6.7', reservation: 'generic', nodeVm },
    ]),
  );
  const rows: NestedRow[] = ORDER.map((type) => {
    const r = e.platforms.find((x) => x.type === type)!;
    const m = r.layersPerHost.memoryMiB;
    const perHost = { ...Object.fromEntries(LAYERS.map((l) => [l, m[l] / 1024])), free: m.free / 1024 } as Record<Layer | 'free', number>;
    const overhead = perHost.hostReserve + perHost.hypervisor + perHost.guestOs + perHost.runtime;
    return { type, label: PLATFORM_LABELS[type], hosts: r.hosts, vms: r.vms, binding: r.binding, perHost, overhead, result: r };
  });
  return { rows, nodeVm, evaluation: e };
}

const gib = (n: number) => `${int(n)} GiB`;
const shown: Array<Layer | 'free'> = [...LAYERS, 'free'];
const seriesLabel = (l: Layer | 'free') => (l === 'free' ? 'idle or unrequested' : layerLabel(l));

export const nestedStack: LearnChartDef<NestedStackParams> = {
  id: 'nested-stack',
  defaults: { nodeVmsPerHost: 4, size: '1x8' },
  controls: [
    {
      kind: 'range',
      key: 'nodeVmsPerHost',
      label: 'Node VMs per host',
      min: 1,
      max: 16,
      step: 1,
      format: (n) => {
        const v = nodeVmFor(n);
        return `${n} (${v.vcpus} vCPUs, ${int(v.memoryGiB)} GiB each)`;
      },
    },
    {
      kind: 'select',
      key: 'size',
      label: 'Each service',
      options: Object.entries(SIZES).map(([value, s]) => ({ value, label: s.label })),
    },
  ],
  compute(p) {
    const { rows, nodeVm } = nestedStackModel(p);
    const [vm, bare, nested] = rows as [NestedRow, NestedRow, NestedRow];
    const cut = p.nodeVmsPerHost === 1 ? 'Run as one node VM' : `Cut into ${p.nodeVmsPerHost} node VMs`;
    const summary =
      `${cut} of ${nodeVm.vcpus} vCPUs and ${int(nodeVm.memoryGiB)} GiB, an average host gives ${gib(nested.perHost.app)} to the services and ${gib(nested.overhead)} to the layers under them, ` +
      `and the ${int(NESTED_INSTANCES)} services need ${nested.hosts} hosts (${bindingWords(nested.binding)} runs out first); ` +
      `on bare metal it is ${gib(bare.perHost.app)} to ${gib(bare.overhead)} on ${bare.hosts} hosts${bare.binding === 'pods' ? ', where each node runs out of pod slots first' : ''}, and as VMs ${gib(vm.perHost.app)} to ${gib(vm.overhead)} on ${vm.hosts} hosts.`;
    const s = SIZES[p.size] ?? SIZES['1x8']!;
    return {
      id: 'nested-stack',
      title: 'Memory of an average host, by layer',
      summary,
      kind: 'stacked-bar',
      horizontal: true,
      labels: rows.map((r) => r.label),
      series: shown.map((l) => ({ label: seriesLabel(l), key: l, data: rows.map((r) => Math.round(r.perHost[l] * 10) / 10) })),
      x: 'GiB of host memory',
      y: '',
      table: numericTable(
        `Memory per host (GiB) for ${int(NESTED_INSTANCES)} services of ${s.label}, on hosts of ${int(REFERENCE_HOST.memoryGiB ?? 0)} GiB; node VMs ${nodeVm.vcpus} vCPUs and ${int(nodeVm.memoryGiB)} GiB`,
        ['Platform', 'Hosts', 'VMs', ...shown.map(seriesLabel), 'Runs out of'],
        rows.map((r) => [r.label, int(r.hosts), int(r.vms), ...shown.map((l) => dec1(r.perHost[l])), bindingWords(r.binding)]),
      ),
    };
  },
};

/** The figures the article quotes, computed with the chart's defaults. */
export function nestedStackFigures() {
  const d = nestedStack.defaults;
  const { rows, nodeVm } = nestedStackModel(d);
  const by = (t: PlatformType) => rows.find((r) => r.type === t)!;
  const nested = by('containers-in-vms');
  const bare = by('containers');
  const vm = by('vm');
  const one = nestedStackModel({ ...d, nodeVmsPerHost: 1 }).rows.find((r) => r.type === 'containers-in-vms')!;
  const many = nestedStackModel({ ...d, nodeVmsPerHost: 16 }).rows.find((r) => r.type === 'containers-in-vms')!;
  const small = nestedStackModel({ ...d, size: '0.25x2' }).rows;
  const smallBare = small.find((r) => r.type === 'containers')!;
  const smallNested = small.find((r) => r.type === 'containers-in-vms')!;
  return {
    instances: int(NESTED_INSTANCES),
    nodeVmsPerHost: int(d.nodeVmsPerHost),
    nodeVmVcpus: `${nodeVm.vcpus} vCPUs`,
    nodeVmMemory: gib(nodeVm.memoryGiB),
    serviceSize: SIZES[d.size]!.label,
    nestedApp: gib(nested.perHost.app),
    nestedOverhead: gib(nested.overhead),
    nestedHostReserve: gib(nested.perHost.hostReserve),
    nestedGuestOs: gib(nested.perHost.guestOs),
    nestedRuntime: gib(nested.perHost.runtime),
    nestedHypervisor: gib(nested.perHost.hypervisor),
    nestedHosts: int(nested.hosts),
    bareApp: gib(bare.perHost.app),
    bareOverhead: gib(bare.overhead),
    bareHosts: int(bare.hosts),
    vmApp: gib(vm.perHost.app),
    vmOverhead: gib(vm.overhead),
    vmHosts: int(vm.hosts),
    oneHosts: int(one.hosts),
    oneOverhead: gib(one.overhead),
    manyHosts: int(many.hosts),
    manyOverhead: gib(many.overhead),
    manyNodeVm: `${nodeVmFor(16).vcpus} vCPUs`,
    smallBareHosts: int(smallBare.hosts),
    smallNestedHosts: int(smallNested.hosts),
    smallBareApp: gib(smallBare.perHost.app),
    smallBareShare: pct(smallBare.perHost.app / (REFERENCE_HOST.memoryGiB ?? 1)),
  };
}
