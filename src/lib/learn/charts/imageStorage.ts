/**
 * Article 5 (images and runtimes): the disk that N copies of one service take as VMs, each with a
 * system disk of its own, and as containers, which store the image's read-only layers once per node.
 * The package evaluates the fleet on the reference host: VM system disks come from the catalog's
 * guest OS disk (thick, or thin at the catalog's used share), the image size from the catalog's
 * default image for the OS, and layer sharing from its packing (one copy per node that runs it).
 * The kubelet's free-space reserve (nodefs eviction) is left out: it is space kept empty, not stored.
 */
import { FIGURES } from 'kernelcount';
import type { OsFamily, PlatformResult } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { dec1, int, mib, numericTable, run, scenario } from './common';

export interface ImageStorageParams {
  [key: string]: number | string;
  instances: number;
  os: OsFamily;
}

const NAMES = { thick: 'VMs, thick disks', thin: 'VMs, thin disks', containers: 'Containers, shared layers' } as const;
type Key = keyof typeof NAMES;

export interface ImageStorageRow {
  key: Key;
  label: string;
  /** Hosts (VM platforms) or nodes (containers) the fleet runs on. */
  machines: number;
  /** Operating-system disk: guest system disks of VMs, or the host OS of container nodes (MiB). */
  osMiB: number;
  /** Image layers stored on the nodes (MiB); 0 for VMs, whose app files live in their system disk. */
  imageMiB: number;
  totalMiB: number;
}

function row(key: Key, p: PlatformResult, instances: number): ImageStorageRow & { perInstanceMiB: number } {
  const d = p.layers.diskMiB;
  const osMiB = d.guestOs + d.hostReserve;
  const imageMiB = d.app;
  const totalMiB = osMiB + imageMiB;
  return { key, label: NAMES[key], machines: p.hosts, osMiB, imageMiB, totalMiB, perInstanceMiB: totalMiB / instances };
}

export function imageStorageModel(p: ImageStorageParams) {
  const e = run(
    scenario({
      name: 'Images: storage for a fleet',
      // No spare host and no control plane: the chart is about what the running copies store.
      policy: { ha: { spareHosts: 0 } },
      workloads: [{ name: 'service', instances: p.instances, os: p.os, vcpus: 0.25, memoryGiB: 0.5 }],
      platforms: [
        { type: 'vm', name: NAMES.thick, hypervisor: 'esxi-6.7', disk: 'thick' },
        { type: 'vm', name: NAMES.thin, hypervisor: 'esxi-6.7', disk: 'thin' },
        { type: 'containers', name: NAMES.containers, reservation: 'generic', controlPlane: 'none' },
      ],
    }),
  );
  const by = (name: string) => e.platforms.find((x) => x.name === name)!;
  const rows = (Object.keys(NAMES) as Key[]).map((k) => row(k, by(NAMES[k]), p.instances));
  // The image size the evaluation used: the catalog's default image for the OS (the workload names none).
  const imageSizeMiB = FIGURES[p.os === 'windows' ? 'image.windows.sizeMiB' : 'image.linux.sizeMiB'].value;
  return { rows, imageSizeMiB };
}

const gib = (m: number) => Math.round((m / 1024) * 10) / 10;
const osWord = (os: OsFamily) => (os === 'windows' ? 'Windows' : 'Linux');

export const imageStorage: LearnChartDef<ImageStorageParams> = {
  id: 'image-storage',
  defaults: { instances: 100, os: 'linux' },
  controls: [
    { kind: 'range', key: 'instances', label: 'Running copies of the service', min: 10, max: 1000, step: 10 },
    {
      kind: 'select',
      key: 'os',
      label: 'Operating system',
      options: [
        { value: 'linux', label: 'Linux' },
        { value: 'windows', label: 'Windows' },
      ],
    },
  ],
  compute(p) {
    const { rows, imageSizeMiB } = imageStorageModel(p);
    const get = (k: Key) => rows.find((r) => r.key === k)!;
    const thick = get('thick');
    const thin = get('thin');
    const ct = get('containers');
    const nodes = ct.machines === 1 ? 'the one node that runs them' : `each of the ${int(ct.machines)} nodes that run them`;
    const takeaway =
      `${int(p.instances)} copies of a ${osWord(p.os)} service take ${mib(thick.totalMiB)} of disk as VMs with thick disks (${mib(thin.totalMiB)} thin) ` +
      `and ${mib(ct.totalMiB)} as containers, host operating systems included: the ${mib(imageSizeMiB)} image is stored once on ${nodes}, not ${int(p.instances)} times.`;
    return {
      id: 'image-storage',
      title: 'Disk for the operating system and the app, all copies together',
      summary: takeaway,
      kind: 'stacked-bar',
      horizontal: true,
      labels: rows.map((r) => r.label),
      series: [
        { label: 'operating system disks (guest or host)', key: 'guestOs', data: rows.map((r) => gib(r.osMiB)), stack: 'disk' },
        { label: 'image layers', key: 'app', data: rows.map((r) => gib(r.imageMiB)), stack: 'disk' },
      ],
      x: 'GiB of disk',
      y: '',
      table: numericTable(
        `Disk (GiB) for ${int(p.instances)} copies of a ${osWord(p.os)} service; the kubelet's free-space reserve and each container's writable layer are not included`,
        ['Platform', 'Hosts or nodes', 'OS disks', 'Image layers', 'Total', 'Per copy (MiB)'],
        rows.map((r) => [r.label, int(r.machines), dec1(gib(r.osMiB)), dec1(gib(r.imageMiB)), dec1(gib(r.totalMiB)), int(r.totalMiB / p.instances)]),
      ),
    };
  },
};

/** The figures the article quotes, at the chart's defaults and for Windows at the same count. */
export function imageStorageFigures() {
  const d = imageStorage.defaults;
  const lin = imageStorageModel(d);
  const win = imageStorageModel({ ...d, os: 'windows' });
  const big = imageStorageModel({ ...d, instances: 1000 });
  const by = (m: ReturnType<typeof imageStorageModel>, k: Key) => m.rows.find((r) => r.key === k)!;
  return {
    instances: int(d.instances),
    thick: mib(by(lin, 'thick').totalMiB),
    thin: mib(by(lin, 'thin').totalMiB),
    containers: mib(by(lin, 'containers').totalMiB),
    containerImages: mib(by(lin, 'containers').imageMiB),
    containerNodes: int(by(lin, 'containers').machines),
    ratio: int(by(lin, 'thick').totalMiB / by(lin, 'containers').totalMiB),
    winThick: mib(by(win, 'thick').totalMiB),
    winContainers: mib(by(win, 'containers').totalMiB),
    winImages: mib(by(win, 'containers').imageMiB),
    bigInstances: int(1000),
    bigNodes: int(by(big, 'containers').machines),
    bigImages: mib(by(big, 'containers').imageMiB),
    bigThick: mib(by(big, 'thick').totalMiB),
  };
}
