/**
 * Article "startup-and-scaling": the warm spare instances a traffic spike forces on each platform,
 * by how fast its instances start. Demand rises from a baseline fleet to a multiple of it over a
 * ramp the reader picks; the package's `warmSpareForSpike` rule gives the spares each start time
 * needs, the catalog gives the start times, and the package's evaluation of the fleet with and
 * without the spares gives the hosts, host memory and yearly cost they add.
 */
import { FIGURES, LAYERS, warmSpareForSpike } from 'kernelcount';
import type { Money, PlatformInput } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { formatCurrency } from '../../format';
import { dec1, int, mib, numericTable, run, scenario } from './common';

export interface WarmSpareParams {
  [key: string]: number | string;
  /** Peak demand as a multiple of the baseline. */
  spike: number;
  rampSeconds: number;
}

/** The standing fleet before the spike. */
export const BASELINE = 100;
/** The app: one vCPU and 2 GiB of its own memory per instance. */
const APP = { vcpus: 1, memoryGiB: 2 };
/** Ramp times on the chart's x axis (the reader's own ramp is added when it is not one of them). */
const RAMP_TICKS = [0, 10, 30, 60, 120, 300, 600];
/** An app that itself takes this long to be ready, for the prose's "and then the app starts" case. */
const APP_START_SECONDS = 10;

interface Option {
  id: string;
  label: string;
  /** Colour key (ChartPanel's fixed colours: platform types; `hypervisor` gives Firecracker its own). */
  key: string;
  platform: PlatformInput;
  startSeconds: number;
  startId: string;
}

const OPTIONS: Option[] = [
  { id: 'vm', label: 'VMs', key: 'vm', platform: { type: 'vm', name: 'VMs', hypervisor: 'esxi-6.7' }, startSeconds: FIGURES['vm.bootSeconds'].value, startId: 'vm.bootSeconds' },
  {
    id: 'containers',
    label: 'Containers',
    key: 'containers',
    platform: { type: 'containers', name: 'Containers', reservation: 'generic' },
    startSeconds: FIGURES['runtime.containerStartSeconds'].value,
    startId: 'runtime.containerStartSeconds',
  },
  {
    id: 'kata',
    label: 'Kata (QEMU) pods',
    key: 'microvm',
    platform: { type: 'microvm', name: 'Kata (QEMU)', runtime: 'kata-qemu' },
    startSeconds: FIGURES['sandbox.kata.startSeconds'].value,
    startId: 'sandbox.kata.startSeconds',
  },
  {
    id: 'firecracker',
    label: 'Firecracker micro-VMs',
    key: 'hypervisor',
    platform: { type: 'microvm', name: 'Firecracker', runtime: 'firecracker' },
    startSeconds: FIGURES['hypervisor.firecracker.startMs'].value / 1000,
    startId: 'hypervisor.firecracker.startMs',
  },
];

interface Fleet {
  hosts: number;
  /** Host memory taken by every layer (free memory excluded), MiB. */
  usedMiB: number;
  costPerYear: Money;
}

const fleetCache = new Map<string, Fleet>();

/**
 * One platform running `instances` copies of the app: hosts, host memory taken and cost a year, from
 * the package. Cached: the slider revisits the same counts, and the baseline fleet never changes.
 */
function fleet(o: Option, instances: number): Fleet {
  const key = `${o.id}:${instances}`;
  const hit = fleetCache.get(key);
  if (hit) return hit;
  const e = run(
    scenario({
      name: `Startup and scaling: ${o.label}`,
      workloads: [{ name: 'web', instances, os: 'linux', vcpus: APP.vcpus, memoryGiB: APP.memoryGiB, imageMiB: 180 }],
      platforms: [o.platform],
    }),
  );
  const p = e.platforms[0]!;
  const usedMiB = LAYERS.reduce((sum, l) => sum + p.layers.memoryMiB[l], 0);
  const out = { hosts: p.hosts, usedMiB, costPerYear: p.yearlyCost[0] ?? p.tco.times(0) };
  fleetCache.set(key, out);
  return out;
}

const spareFor = (o: { startSeconds: number }, peak: number, rampSeconds: number, extraSeconds = 0) =>
  warmSpareForSpike({ baselineInstances: BASELINE, peakInstances: peak, rampSeconds, startSeconds: o.startSeconds + extraSeconds });

/** A start time in words: `568 ms`, `30 s`. */
export function startWords(seconds: number): string {
  return seconds < 1 ? `${int(seconds * 1000)} ms` : `${dec1(seconds)} s`;
}

const usd = (m: Money | number) => formatCurrency(m, 'USD');

/**
 * The spares each platform needs for the spike, and what running them adds to the baseline fleet:
 * the package evaluates the fleet with and without them, so spares that fit on hosts already
 * running add only their own memory, and spares that need new hosts add those hosts.
 */
export function warmSpareModel(p: WarmSpareParams) {
  const peak = Math.round(BASELINE * p.spike);
  const rows = OPTIONS.map((o) => {
    const spare = spareFor(o, peak, p.rampSeconds);
    const base = fleet(o, BASELINE);
    const withSpares = fleet(o, BASELINE + spare);
    return {
      ...o,
      spare,
      extraHosts: withSpares.hosts - base.hosts,
      memoryMiB: withSpares.usedMiB - base.usedMiB,
      cost: withSpares.costPerYear.minus(base.costPerYear),
      base,
    };
  });
  return { peak, rows };
}

export const warmSpare: LearnChartDef<WarmSpareParams> = {
  id: 'warm-spare',
  defaults: { spike: 3, rampSeconds: 60 },
  controls: [
    { kind: 'range', key: 'spike', label: 'Spike size', min: 1.5, max: 10, step: 0.5, format: (v) => `${dec1(v)} x the baseline` },
    { kind: 'range', key: 'rampSeconds', label: 'Ramp from baseline to peak', min: 0, max: 600, step: 5, unit: 's' },
  ],
  compute(p) {
    const { peak, rows } = warmSpareModel(p);
    const ramps = [...new Set([...RAMP_TICKS, p.rampSeconds])].sort((a, b) => a - b);
    const [vm, ct, kata, fc] = rows as [(typeof rows)[number], (typeof rows)[number], (typeof rows)[number], (typeof rows)[number]];
    const rampWords = p.rampSeconds === 0 ? 'all at once' : `over ${int(p.rampSeconds)} s`;
    const extra = (r: (typeof rows)[number]) =>
      r.extraHosts > 0
        ? `${int(r.extraHosts)} more ${r.extraHosts === 1 ? 'host' : 'hosts'}, ${usd(r.cost)} a year`
        : r.cost.isZero()
          ? 'they fit on the hosts already running'
          : `no more hosts, ${usd(r.cost)} a year`;
    const summary =
      `For demand that rises from ${int(BASELINE)} to ${int(peak)} instances ${rampWords}, VMs that boot in ${startWords(vm.startSeconds)} need ${int(vm.spare)} warm spares ` +
      `(${extra(vm)}); containers need ${int(ct.spare)} (${extra(ct)}), Kata pods ${int(kata.spare)} and Firecracker micro-VMs ${int(fc.spare)}.`;
    return {
      id: 'warm-spare',
      title: 'Warm spare instances a spike needs, by ramp time',
      summary,
      kind: 'line',
      // The reader's own ramp is marked on the axis, so moving the ramp slider moves the mark.
      labels: ramps.map((r) => (r === p.rampSeconds ? `${int(r)} s (yours)` : `${int(r)} s`)),
      series: rows.map((r) => ({
        label: `${r.label} (start ${startWords(r.startSeconds)})`,
        key: r.key,
        data: ramps.map((ramp) => spareFor(r, peak, ramp)),
      })),
      x: 'Seconds for demand to rise from baseline to peak',
      y: 'Warm spare instances',
      table: numericTable(
        `Warm spares for a rise from ${int(BASELINE)} to ${int(peak)} instances ${rampWords} (each instance: ${APP.vcpus} vCPU, ${APP.memoryGiB} GiB app memory)`,
        ['Platform', 'Start time', 'Warm spares', 'Extra hosts', 'Host memory they take', 'Extra cost a year'],
        rows.map((r) => [r.label, startWords(r.startSeconds), int(r.spare), int(r.extraHosts), mib(r.memoryMiB), usd(r.cost)]),
      ),
    };
  },
};

/** The figures the article quotes, computed with the chart's defaults. */
export function warmSpareFigures() {
  const d = warmSpare.defaults;
  const { peak, rows } = warmSpareModel(d);
  const by = (id: string) => rows.find((r) => r.id === id)!;
  const slow = warmSpareModel({ ...d, rampSeconds: 600 });
  const instant = warmSpareModel({ ...d, rampSeconds: 0 });
  const slowBy = (id: string) => slow.rows.find((r) => r.id === id)!;
  const withApp = (id: string) => spareFor(by(id), peak, d.rampSeconds, APP_START_SECONDS);
  return {
    baseline: int(BASELINE),
    peak: int(peak),
    spike: `${dec1(d.spike)} times`,
    ramp: `${int(d.rampSeconds)} s`,
    appSize: `${APP.vcpus} vCPU and ${APP.memoryGiB} GiB`,
    vmSpare: int(by('vm').spare),
    vmSpareMemory: mib(by('vm').memoryMiB),
    vmSpareCost: usd(by('vm').cost),
    vmExtraHosts: int(by('vm').extraHosts),
    vmBaseHosts: int(by('vm').base.hosts),
    vmBaseCost: usd(by('vm').base.costPerYear),
    containerSpare: int(by('containers').spare),
    containerSpareCost: usd(by('containers').cost),
    containerSpareMemory: mib(by('containers').memoryMiB),
    containerExtraHosts: int(by('containers').extraHosts),
    containerBaseHosts: int(by('containers').base.hosts),
    kataSpare: int(by('kata').spare),
    kataSpareCost: usd(by('kata').cost),
    fcSpare: int(by('firecracker').spare),
    rise: int(peak - BASELINE),
    slowRamp: `${int(600)} s`,
    slowVmSpare: int(slowBy('vm').spare),
    slowVmSpareCost: usd(slowBy('vm').cost),
    slowVmExtraHosts: int(slowBy('vm').extraHosts),
    slowContainerSpare: int(slowBy('containers').spare),
    instantSpare: int(instant.rows[0]!.spare),
    appStart: `${int(APP_START_SECONDS)} s`,
    vmSpareWithApp: int(withApp('vm')),
    containerSpareWithApp: int(withApp('containers')),
    fcSpareWithApp: int(withApp('firecracker')),
  };
}
