/**
 * Article 1 (layers of abstraction): what one instance takes in memory on each platform, split by
 * layer, for an app of a size the reader picks. The package packs a fleet of identical instances
 * on the reference host; the chart divides each layer's total by the number of instances.
 */
import { LAYERS } from 'kernelcount';
import type { Layer, OsFamily, PlatformType } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { PLATFORM_LABELS, dec1, hostWords, int, layerLabel, memoryPerInstanceByLayer, mib, numericTable, pct, run, scenario } from './common';

export interface LayerStackParams {
  [key: string]: number | string;
  appMemoryGiB: number;
  os: OsFamily;
}

const ORDER: PlatformType[] = ['vm', 'containers-in-vms', 'microvm', 'containers'];
const INSTANCES = 200;

export function layerStackModel(p: LayerStackParams) {
  const e = run(
    scenario({
      name: 'Layers: one app, four platforms',
      // No spare host: the chart is about what each layer takes, not about failover.
      policy: { ha: { spareHosts: 0 } },
      workloads: [{ name: 'app', instances: INSTANCES, os: p.os, vcpus: 1, memoryGiB: p.appMemoryGiB, imageMiB: p.os === 'windows' ? 3720 : 180 }],
      platforms:
        p.os === 'windows'
          ? [{ type: 'vm', hypervisor: 'hyperv' }, { type: 'containers', reservation: 'generic' }, { type: 'containers-in-vms' }]
          : undefined,
    }),
  );
  const rows = ORDER.flatMap((type) => {
    const r = e.platforms.find((x) => x.type === type);
    if (!r) return [];
    const layers = memoryPerInstanceByLayer(r);
    const total = LAYERS.reduce((s, l) => s + layers[l], 0);
    return [{ type, label: PLATFORM_LABELS[type], layers, total, overhead: total - layers.app }];
  });
  return { rows, evaluation: e };
}

export const layerStack: LearnChartDef<LayerStackParams> = {
  id: 'layer-stack',
  defaults: { appMemoryGiB: 1, os: 'linux' },
  controls: [
    { kind: 'range', key: 'appMemoryGiB', label: "App's own memory", min: 0.25, max: 16, step: 0.25, unit: 'GiB' },
    {
      kind: 'select',
      key: 'os',
      label: 'Operating system',
      options: [
        { value: 'linux', label: 'Linux' },
        { value: 'windows', label: 'Windows (no micro-VMs)' },
      ],
    },
  ],
  compute(p) {
    const { rows } = layerStackModel(p);
    const vm = rows.find((r) => r.type === 'vm')!;
    const ct = rows.find((r) => r.type === 'containers')!;
    const appMiB = p.appMemoryGiB * 1024;
    const takeaway =
      `For an app that needs ${mib(appMiB)} on its own, a VM takes ${mib(vm.total)} of host memory per instance and a container on bare metal ${mib(ct.total)}: ` +
      `the layers below the app add ${pct(vm.overhead / appMiB)} on top of it as a VM and ${pct(ct.overhead / appMiB)} as a container.`;
    const shown: Layer[] = [...LAYERS].reverse();
    return {
      id: 'layer-stack',
      title: 'Host memory per instance, by layer',
      summary: takeaway,
      kind: 'stacked-bar',
      horizontal: true,
      labels: rows.map((r) => r.label),
      series: shown.map((l) => ({ label: layerLabel(l), key: l, data: rows.map((r) => Math.round(r.layers[l])) })),
      x: 'MiB of host memory per instance',
      y: '',
      table: numericTable(
        `Host memory per instance (MiB) for ${INSTANCES} instances of a ${dec1(p.appMemoryGiB)} GiB ${p.os === 'windows' ? 'Windows' : 'Linux'} app`,
        ['Platform', ...shown.map((l) => layerLabel(l)), 'Total'],
        rows.map((r) => [r.label, ...shown.map((l) => int(r.layers[l])), int(r.total)]),
      ),
    };
  },
};

/** The figures the article quotes, computed with the chart's defaults. */
export function layerStackFigures() {
  const { rows } = layerStackModel(layerStack.defaults);
  const by = (t: PlatformType) => rows.find((r) => r.type === t)!;
  return {
    vmTotal: mib(by('vm').total),
    vmGuestOs: mib(by('vm').layers.guestOs),
    vmHypervisor: mib(by('vm').layers.hypervisor),
    containerTotal: mib(by('containers').total),
    containerRuntime: mib(by('containers').layers.runtime),
    microvmTotal: mib(by('microvm').total),
    nestedTotal: mib(by('containers-in-vms').total),
    ratio: dec1(by('vm').overhead / by('containers').overhead),
    instances: int(INSTANCES),
    host: hostWords(),
  };
}
