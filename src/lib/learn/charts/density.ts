/**
 * Article 6 (density): how many instances of one size fit on the reference host, on each platform,
 * and which resource stops the next one. One scenario holds a workload per instance size; the
 * package reports, per workload, the most instances of that size one empty host (or, for containers
 * in VMs, one host's worth of node VMs) takes and the resource that binds (`maxPerHost`, `binding`).
 * The reader's CPU overcommit applies where a hypervisor schedules vCPUs (VMs and node VMs); pods
 * are placed on their requests, which Kubernetes never overcommits.
 */
import type { PlatformInput, PlatformType, Resource, WorkloadResult } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { PLATFORM_LABELS, dec1, hostWords, int, mib, platformOf, run, scenario } from './common';

export interface DensityParams {
  [key: string]: number | string;
  vcpus: number;
  cpuOvercommit: number;
}

/** App memory per instance (GiB) the chart is drawn at; each step doubles. */
export const DENSITY_SIZES_GIB = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
const ORDER: PlatformType[] = ['vm', 'containers', 'containers-in-vms', 'microvm'];
/** Enough instances of every size that a host fills up on every platform. */
const INSTANCES = 3000;

const BINDING_WORDS: Record<Resource, string> = { cpu: 'CPU', memory: 'memory', disk: 'disk', pods: 'pod limit' };

export interface DensityCell {
  perHost: number;
  binding: Resource;
  /** Host memory one instance takes (MiB): app plus its share-free overhead layers. */
  memoryMiB: number;
}

const memoryOf = (w: WorkloadResult) => Object.values(w.perInstance.memoryMiB).reduce((a, b) => a + b, 0);

export interface DensityRow {
  memoryGiB: number;
  cells: Record<PlatformType, DensityCell>;
}

const workloadName = (gib: number) => `app ${gib} GiB`;

export function densityModel(p: DensityParams): { rows: DensityRow[]; nodeVmsPerHost: number } {
  const platforms: PlatformInput[] = [
    { type: 'vm', hypervisor: 'esxi-6.7', cpuOvercommit: p.cpuOvercommit },
    { type: 'containers', reservation: 'generic' },
    { type: 'containers-in-vms', cpuOvercommit: p.cpuOvercommit },
    { type: 'microvm', runtime: 'kata-fc' },
  ];
  const e = run(
    scenario({
      name: 'Density: instances per host by size',
      policy: { ha: { spareHosts: 0 } },
      workloads: DENSITY_SIZES_GIB.map((m) => ({ name: workloadName(m), instances: INSTANCES, os: 'linux' as const, vcpus: p.vcpus, memoryGiB: m, imageMiB: 180 })),
      platforms,
    }),
  );
  const byType = new Map<PlatformType, Map<string, WorkloadResult>>();
  for (const type of ORDER) {
    const ws = platformOf(e, type).pools.flatMap((pool) => pool.workloads);
    byType.set(type, new Map(ws.map((w) => [w.workload, w])));
  }
  const rows = DENSITY_SIZES_GIB.map((m) => {
    const cells = {} as Record<PlatformType, DensityCell>;
    for (const type of ORDER) {
      const w = byType.get(type)!.get(workloadName(m));
      if (!w) throw new Error(`no result for ${workloadName(m)} on ${type}`);
      cells[type] = { perHost: w.maxPerHost, binding: w.binding, memoryMiB: memoryOf(w) };
    }
    return { memoryGiB: m, cells };
  });
  const nested = platformOf(e, 'containers-in-vms').pools[0]?.nodeVmsPerHost ?? 0;
  return { rows, nodeVmsPerHost: nested };
}

const n2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const dec2 = (n: number) => n2.format(n);
const sizeLabel = (gib: number) => `${dec2(gib)} GiB`;
const cell = (c: DensityCell) => `${int(c.perHost)} (${BINDING_WORDS[c.binding]})`;

export const density: LearnChartDef<DensityParams> = {
  id: 'density',
  defaults: { vcpus: 0.5, cpuOvercommit: 1 },
  controls: [
    { kind: 'range', key: 'vcpus', label: 'CPU per instance', min: 0.25, max: 4, step: 0.25, unit: 'vCPUs' },
    {
      kind: 'range',
      key: 'cpuOvercommit',
      label: 'vCPU overcommit on hypervisors (vCPUs per hardware thread)',
      min: 1,
      max: 8,
      step: 0.5,
      format: (v) => `${dec1(v)} : 1`,
    },
  ],
  compute(p) {
    const { rows, nodeVmsPerHost } = densityModel(p);
    const small = rows[0]!;
    const large = rows.at(-1)!;
    const say = (r: DensityRow, type: PlatformType, noun: string) => `${int(r.cells[type].perHost)} ${noun} (${BINDING_WORDS[r.cells[type].binding]})`;
    const summary =
      `At ${sizeLabel(small.memoryGiB)} per instance one host takes ${say(small, 'vm', 'VMs')}, ${say(small, 'containers', 'bare-metal containers')}, ` +
      `${say(small, 'containers-in-vms', 'containers in VMs')} and ${say(small, 'microvm', 'micro-VMs')}; ` +
      `at ${sizeLabel(large.memoryGiB)} it takes ${say(large, 'vm', 'VMs')} and ${say(large, 'containers', 'bare-metal containers')}.`;
    return {
      id: 'density',
      title: 'Instances per host by instance size',
      summary,
      kind: 'line',
      labels: rows.map((r) => sizeLabel(r.memoryGiB)),
      series: ORDER.map((type) => ({ label: PLATFORM_LABELS[type], key: type, type: 'line' as const, data: rows.map((r) => r.cells[type].perHost) })),
      x: 'app memory per instance (each step doubles)',
      y: 'instances per host',
      table: {
        caption:
          `Instances per host (${hostWords()}) at ${dec2(p.vcpus)} vCPU per instance and ${dec1(p.cpuOvercommit)} : 1 vCPU overcommit on hypervisors, with the resource that binds; ` +
          `containers in VMs: ${int(nodeVmsPerHost)} node VMs per host, binding resource inside each node VM`,
        columns: ['App memory', ...ORDER.map((t) => PLATFORM_LABELS[t])],
        numeric: [false, ...ORDER.map(() => true)],
        rows: rows.map((r) => [sizeLabel(r.memoryGiB), ...ORDER.map((t) => cell(r.cells[t]))]),
      },
    };
  },
};

/** A raised kubelet pod limit, as some managed services allow. */
const RAISED_MAX_PODS = 250;

/** Bare-metal containers of the smallest size on one host when the kubelet admits `maxPods` pods. */
export function containersAtMaxPods(p: DensityParams, maxPods: number): DensityCell {
  const e = run(
    scenario({
      name: 'Density: containers with a raised pod limit',
      policy: { ha: { spareHosts: 0 } },
      workloads: [{ name: 'app', instances: INSTANCES, os: 'linux', vcpus: p.vcpus, memoryGiB: DENSITY_SIZES_GIB[0], imageMiB: 180 }],
      platforms: [{ type: 'containers', reservation: 'generic', maxPods }],
    }),
  );
  const w = platformOf(e, 'containers').pools.flatMap((pool) => pool.workloads).find((x) => x.workload === 'app')!;
  return { perHost: w.maxPerHost, binding: w.binding, memoryMiB: memoryOf(w) };
}

/** The figures the article quotes, computed with the chart's defaults and at a few other settings. */
export function densityFigures() {
  const d = density.defaults;
  const { rows, nodeVmsPerHost } = densityModel(d);
  const at = (rs: DensityRow[], gib: number) => rs.find((r) => r.memoryGiB === gib)!;
  const oc4 = densityModel({ ...d, cpuOvercommit: 4 }).rows;
  const oc8 = densityModel({ ...d, cpuOvercommit: 8 }).rows;
  const small = DENSITY_SIZES_GIB[0];
  const large = DENSITY_SIZES_GIB.at(-1)!;
  const raised = containersAtMaxPods(d, RAISED_MAX_PODS);
  return {
    raisedMaxPods: int(RAISED_MAX_PODS),
    vmMemSmall: mib(at(rows, small).cells.vm.memoryMiB),
    ctMemSmall: mib(at(rows, small).cells.containers.memoryMiB),
    vmMemLarge: mib(at(rows, large).cells.vm.memoryMiB),
    ctMemLarge: mib(at(rows, large).cells.containers.memoryMiB),
    memRatioSmall: dec1(at(rows, small).cells.vm.memoryMiB / at(rows, small).cells.containers.memoryMiB),
    ctSmallRaised: int(raised.perHost),
    ctSmallRaisedBinding: BINDING_WORDS[raised.binding],
    host: hostWords(),
    vcpus: `${dec2(d.vcpus)} vCPU`,
    small: sizeLabel(small),
    large: sizeLabel(large),
    vmSmall: int(at(rows, small).cells.vm.perHost),
    vmLarge: int(at(rows, large).cells.vm.perHost),
    ctSmall: int(at(rows, small).cells.containers.perHost),
    ctLarge: int(at(rows, large).cells.containers.perHost),
    microSmall: int(at(rows, small).cells.microvm.perHost),
    microLarge: int(at(rows, large).cells.microvm.perHost),
    nestedSmall: int(at(rows, small).cells['containers-in-vms'].perHost),
    nestedLarge: int(at(rows, large).cells['containers-in-vms'].perHost),
    nodeVmsPerHost: int(nodeVmsPerHost),
    vmSmallOc4: int(at(oc4, small).cells.vm.perHost),
    vmSmallOc8: int(at(oc8, small).cells.vm.perHost),
    vm1GOc8: int(at(oc8, 1).cells.vm.perHost),
    vmSmallOc8Binding: BINDING_WORDS[at(oc8, small).cells.vm.binding],
    size2: sizeLabel(2),
    vm2GOc4: int(at(oc4, 2).cells.vm.perHost),
    vm2GOc4Binding: BINDING_WORDS[at(oc4, 2).cells.vm.binding],
    oc4: '4 : 1',
    oc8: '8 : 1',
  };
}
