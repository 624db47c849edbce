/**
 * Article "security-and-isolation": what stronger isolation costs a fleet. The same instances run as
 * runc containers, in gVisor sandboxes, in Kata Containers micro-VMs (Firecracker, Cloud Hypervisor,
 * QEMU, confidential TDX/SNP), in bare Firecracker micro-VMs and as VMs; the package sizes the hosts
 * and prices a year of each, split by cost category.
 */
import { CATEGORIES } from 'kernelcount';
import type { Category, Money, PlatformInput, PlatformResult } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { formatCurrency } from '../../format';
import { dec1, int, memoryPerInstanceByLayer, mib, numericTable, pct, run, scenario } from './common';

export interface IsolationCostParams {
  [key: string]: number | string;
  instances: number;
  memoryGiB: number;
}

/** CPU each instance asks for (vCPUs); VMs round it up to a whole vCPU. */
const VCPUS = 0.5;
/**
 * Pods per node on the Kubernetes platforms: 250 (AKS's maximum; large nodes are often raised to
 * it), so that the pod limit does not hide the sandboxes' overhead on the reference host.
 */
export const MAX_PODS = 250;

interface Option {
  id: string;
  label: string;
  /** What an attacker in one instance must get through to reach another tenant. */
  boundary: string;
  platform: PlatformInput;
}

const K8S = { reservation: 'generic', maxPods: MAX_PODS } as const;

export const OPTIONS: Option[] = [
  { id: 'runc', label: 'Containers (runc)', boundary: 'shared host kernel', platform: { type: 'containers', name: 'runc', ...K8S } },
  { id: 'gvisor', label: 'gVisor', boundary: 'user-space kernel, then host kernel', platform: { type: 'microvm', name: 'gvisor', runtime: 'gvisor', ...K8S } },
  { id: 'kata-fc', label: 'Kata (Firecracker)', boundary: 'guest kernel and hypervisor', platform: { type: 'microvm', name: 'kata-fc', runtime: 'kata-fc', ...K8S } },
  { id: 'kata-clh', label: 'Kata (Cloud Hypervisor)', boundary: 'guest kernel and hypervisor', platform: { type: 'microvm', name: 'kata-clh', runtime: 'kata-clh', ...K8S } },
  { id: 'kata-qemu', label: 'Kata (QEMU)', boundary: 'guest kernel and hypervisor', platform: { type: 'microvm', name: 'kata-qemu', runtime: 'kata-qemu', ...K8S } },
  {
    id: 'kata-confidential',
    label: 'Confidential Kata',
    boundary: 'guest kernel, hypervisor and encrypted memory',
    platform: { type: 'microvm', name: 'kata-confidential', runtime: 'kata-qemu-tdx', ...K8S },
  },
  { id: 'firecracker', label: 'Firecracker micro-VMs', boundary: 'guest kernel and hypervisor', platform: { type: 'microvm', name: 'firecracker', runtime: 'firecracker', ...K8S } },
  { id: 'vm', label: 'VMs (ESXi)', boundary: 'guest OS and hypervisor', platform: { type: 'vm', name: 'vm', hypervisor: 'esxi-6.7' } },
];

const CATEGORY_WORDS: Record<Category, string> = {
  hardware: 'Hardware',
  power: 'Power',
  facilities: 'Facilities',
  licences: 'Licences',
  'control-plane': 'Control plane',
  labour: 'Labour',
};

const usd = (m: Money | number) => formatCurrency(m, 'USD');
const BINDING_WORDS: Record<string, string> = { cpu: 'CPU', memory: 'memory', disk: 'disk', pods: 'pods per node', 'cluster-size': 'cluster size' };
const bindingWords = (b: string) => BINDING_WORDS[b] ?? b;
const firstYear = (p: PlatformResult): Money => p.yearlyCost[0] ?? p.tco.times(0);
const yearOf = (p: PlatformResult, c: Category): Money => p.yearlyCostByCategory[c][0] ?? p.tco.times(0);

export function isolationCostModel(p: IsolationCostParams) {
  const e = run(
    scenario({
      name: 'Security and isolation: one fleet, eight isolation levels',
      workloads: [{ name: 'service', instances: p.instances, os: 'linux', vcpus: VCPUS, memoryGiB: p.memoryGiB, imageMiB: 180 }],
      platforms: OPTIONS.map((o) => o.platform),
    }),
  );
  const base = e.platforms.find((x) => x.name === 'runc')!;
  const rows = OPTIONS.map((o) => {
    const r = e.platforms.find((x) => x.name === o.platform.name);
    if (!r) throw new Error(`No platform ${o.id} in the isolation evaluation`);
    const layers = memoryPerInstanceByLayer(r);
    const overheadMiB = layers.hypervisor + layers.guestOs + layers.runtime + layers.hostReserve;
    const cost = firstYear(r);
    return {
      ...o,
      result: r,
      hosts: r.hosts,
      binding: r.binding,
      overheadMiB,
      sandboxMiB: layers.hypervisor + layers.guestOs,
      cost,
      extra: cost.minus(firstYear(base)),
      ratio: cost.div(firstYear(base)).toNumber(),
    };
  });
  return { rows, evaluation: e };
}

export const isolationCost: LearnChartDef<IsolationCostParams> = {
  id: 'isolation-cost',
  defaults: { instances: 1000, memoryGiB: 1 },
  controls: [
    { kind: 'range', key: 'instances', label: 'Instances', min: 100, max: 5000, step: 100 },
    { kind: 'range', key: 'memoryGiB', label: 'Memory per instance', min: 0.5, max: 16, step: 0.5, unit: 'GiB' },
  ],
  compute(p) {
    const { rows } = isolationCostModel(p);
    const by = (id: string) => rows.find((r) => r.id === id)!;
    const runc = by('runc');
    const kata = by('kata-qemu');
    const conf = by('kata-confidential');
    const vm = by('vm');
    const gv = by('gvisor');
    const more = (r: (typeof rows)[number]) => (r.extra.isZero() ? 'no more' : r.extra.isNegative() ? `${usd(r.extra.negated())} less` : `${usd(r.extra)} more`);
    const summary =
      `${int(p.instances)} instances of ${dec1(p.memoryGiB)} GiB cost ${usd(runc.cost)} a year as runc containers on ${int(runc.hosts)} hosts; ` +
      `gVisor costs ${more(gv)}, Kata (QEMU) ${more(kata)} (${int(kata.hosts)} hosts), confidential Kata ${more(conf)} (${int(conf.hosts)} hosts) ` +
      `and VMs ${usd(vm.cost)} a year, ${dec1(vm.ratio)} times as much.`;
    const cats = CATEGORIES.filter((c) => rows.some((r) => !yearOf(r.result, c).isZero()));
    return {
      id: 'isolation-cost',
      title: 'Cost a year of one fleet, by isolation',
      summary,
      kind: 'stacked-bar',
      horizontal: true,
      labels: rows.map((r) => r.label),
      series: cats.map((c) => ({ label: CATEGORY_WORDS[c], key: c, data: rows.map((r) => yearOf(r.result, c).toDecimalPlaces(0).toNumber()) })),
      x: 'USD a year',
      y: '',
      table: numericTable(
        `A year of ${int(p.instances)} instances (${dec1(VCPUS)} vCPU, ${dec1(p.memoryGiB)} GiB each) by isolation; Kubernetes nodes allow ${int(MAX_PODS)} pods`,
        ['Platform', 'Hosts', 'Binds first', 'Overhead per instance', 'Cost a year', 'Against runc'],
        rows.map((r) => [r.label, int(r.hosts), bindingWords(r.binding), mib(r.overheadMiB), usd(r.cost), r.id === 'runc' ? '-' : `${r.ratio >= 1 ? '+' : ''}${pct(r.ratio - 1)}`]),
      ),
    };
  },
};

/** The figures the article quotes, computed with the chart's defaults. */
export function isolationCostFigures() {
  const d = isolationCost.defaults;
  const { rows } = isolationCostModel(d);
  const by = (id: string) => rows.find((r) => r.id === id)!;
  const vm = by('vm').result;
  const labour = yearOf(vm, 'labour');
  const licences = yearOf(vm, 'licences');
  const f = (id: string) => ({ hosts: int(by(id).hosts), cost: usd(by(id).cost), extra: usd(by(id).extra), pct: pct(by(id).ratio - 1), sandbox: mib(by(id).sandboxMiB) });
  return {
    instances: int(d.instances),
    memory: `${dec1(d.memoryGiB)} GiB`,
    vcpus: `${dec1(VCPUS)} vCPU`,
    maxPods: int(MAX_PODS),
    runc: f('runc'),
    gvisor: f('gvisor'),
    kataFc: f('kata-fc'),
    kataQemu: f('kata-qemu'),
    confidential: f('kata-confidential'),
    firecracker: f('firecracker'),
    vm: { ...f('vm'), ratio: dec1(by('vm').ratio), labour: usd(labour), licences: usd(licences), labourShare: pct(labour.div(by('vm').cost).toNumber()) },
    kataBinding: bindingWords(by('kata-qemu').binding),
    runcBinding: bindingWords(by('runc').binding),
  };
}
