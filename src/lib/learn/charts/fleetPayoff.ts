/**
 * Article 15 (FAQ): when do containers pay off? Cost per instance-month on each platform as the
 * fleet grows, for an instance size the reader picks, with operations labour counted or left out
 * (it is the largest and least certain line of the model). Every point is one evaluation of the
 * package on the reference host.
 */
import type { Money, PlatformInput, PlatformResult, PlatformType } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { PLATFORM_LABELS, dec1, int, numericTable, run, scenario, usd } from './common';
import { nodeVmFor } from './nestedStack';

export interface FleetPayoffParams {
  [key: string]: number | string;
  /** The app's own memory per instance (GiB). */
  memoryGiB: number;
  /** `counted` or `left-out`: operations labour in the cost. */
  labour: string;
}

export const FLEET_SIZES = [10, 20, 50, 100, 300, 1000] as const;
/** Instances get a quarter of a vCPU per GiB, a common general-purpose shape. */
export const VCPUS_PER_GIB = 0.25;
export const vcpusFor = (memoryGiB: number) => memoryGiB * VCPUS_PER_GIB;
/** Node VMs a quarter of the reference host each (see the hybrid article's chart). */
export const PAYOFF_NODE_VMS_PER_HOST = 4;

const TYPES: PlatformType[] = ['vm', 'containers', 'containers-in-vms'];

function platforms(): PlatformInput[] {
  return [
    { type: 'vm', hypervisor: 'esxi-6.7' },
    { type: 'containers', reservation: 'generic' },
    { type: 'containers-in-vms', hypervisor: 'esxi-6.7', reservation: 'generic', nodeVm: nodeVmFor(PAYOFF_NODE_VMS_PER_HOST) },
  ];
}

export interface PayoffPoint {
  instances: number;
  byType: Record<string, PlatformResult>;
}

const memo = new Map<string, PayoffPoint>();

export function fleetPayoffModel(p: FleetPayoffParams): PayoffPoint[] {
  const plats = platforms();
  return FLEET_SIZES.map((n) => {
    const key = `${n}|${p.memoryGiB}|${p.labour}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const e = run(
      scenario({
        name: 'When do containers pay off',
        workloads: [{ name: 'service', instances: n, vcpus: vcpusFor(p.memoryGiB), memoryGiB: p.memoryGiB, imageMiB: 250 }],
        platforms: plats,
        ...(p.labour === 'left-out' ? { prices: { adminCostPerYear: 0 } } : {}),
      }),
    );
    const point = { instances: n, byType: Object.fromEntries(e.platforms.map((r) => [r.type, r])) };
    // Slider sweeps revisit the same points: keep recent ones (evaluation is pure).
    if (memo.size > 200) memo.clear();
    memo.set(key, point);
    return point;
  });
}

const dec2 = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 2 });
const num = (m: Money) => Math.round(m.toNumber() * 100) / 100;

/** The smallest fleet from which bare-metal containers cost less per instance-month than VMs, at every larger size too. */
export function payoffFrom(points: PayoffPoint[]): number | null {
  let from: number | null = null;
  for (let i = points.length - 1; i >= 0; i--) {
    const pt = points[i]!;
    if (pt.byType['containers']!.costPerInstanceMonth.lessThan(pt.byType['vm']!.costPerInstanceMonth)) from = pt.instances;
    else break;
  }
  return from;
}

export const fleetPayoff: LearnChartDef<FleetPayoffParams> = {
  id: 'fleet-payoff',
  defaults: { memoryGiB: 2, labour: 'counted' },
  controls: [
    {
      kind: 'range',
      key: 'memoryGiB',
      label: 'Instance size',
      min: 1,
      max: 16,
      step: 1,
      format: (m) => `${dec1(m)} GiB, ${dec2(vcpusFor(m))} vCPU`,
    },
    {
      kind: 'select',
      key: 'labour',
      label: 'Operations labour',
      options: [
        { value: 'counted', label: 'Counted' },
        { value: 'left-out', label: 'Left out' },
      ],
    },
  ],
  compute(p) {
    const points = fleetPayoffModel(p);
    const from = payoffFrom(points);
    const last = points[points.length - 1]!;
    const first = points[0]!;
    const c = (pt: PayoffPoint, t: PlatformType) => usd(pt.byType[t]!.costPerInstanceMonth);
    const when =
      from === null
        ? `containers on bare metal never cost less per instance-month than VMs up to ${int(last.instances)} instances`
        : from === first.instances
          ? `containers on bare metal cost less per instance-month than VMs at every fleet size shown`
          : `containers on bare metal cost less per instance-month than VMs from ${int(from)} instances on`;
    const summary =
      `For instances of ${dec1(p.memoryGiB)} GiB and ${dec2(vcpusFor(p.memoryGiB))} vCPU with labour ${p.labour === 'counted' ? 'counted' : 'left out'}, ${when}: at ${int(last.instances)} instances ${c(last, 'containers')} against ${c(last, 'vm')} (${c(last, 'containers-in-vms')} in node VMs), ` +
      `at ${int(first.instances)} instances ${c(first, 'containers')} against ${c(first, 'vm')}.`;
    return {
      id: 'fleet-payoff',
      title: 'Cost per instance-month as the fleet grows',
      summary,
      kind: 'line',
      labels: points.map((pt) => int(pt.instances)),
      series: TYPES.map((t) => ({ label: PLATFORM_LABELS[t], key: t, data: points.map((pt) => num(pt.byType[t]!.costPerInstanceMonth)) })),
      x: 'instances in the fleet',
      y: 'USD per instance-month',
      table: numericTable(
        `Cost per instance-month (USD, 5 years, one spare host) for instances of ${dec2(vcpusFor(p.memoryGiB))} vCPU and ${dec1(p.memoryGiB)} GiB, labour ${p.labour === 'counted' ? 'counted' : 'left out'}; hosts in brackets`,
        ['Instances', ...TYPES.map((t) => PLATFORM_LABELS[t])],
        points.map((pt) => [int(pt.instances), ...TYPES.map((t) => `${usd(pt.byType[t]!.costPerInstanceMonth)} (${pt.byType[t]!.hosts})`)]),
      ),
    };
  },
};

/** The figures the FAQ quotes, computed with the chart's defaults. */
export function fleetPayoffFigures() {
  const d = fleetPayoff.defaults;
  const pts = fleetPayoffModel(d);
  const noLabour = fleetPayoffModel({ ...d, labour: 'left-out' });
  const last = pts[pts.length - 1]!;
  const first = pts[0]!;
  const lastNo = noLabour[noLabour.length - 1]!;
  const cost = (pt: PayoffPoint, t: PlatformType) => usd(pt.byType[t]!.costPerInstanceMonth);
  const from = payoffFrom(pts);
  const fromNo = payoffFrom(noLabour);
  return {
    memory: `${dec1(d.memoryGiB)} GiB`,
    vcpus: `${dec2(vcpusFor(d.memoryGiB))} vCPU`,
    payoffFrom: from === null ? 'never' : int(from),
    payoffFromNoLabour: fromNo === null ? 'never' : int(fromNo),
    largest: int(last.instances),
    smallest: int(first.instances),
    bigVm: cost(last, 'vm'),
    bigContainers: cost(last, 'containers'),
    bigNested: cost(last, 'containers-in-vms'),
    bigVmNoLabour: cost(lastNo, 'vm'),
    bigContainersNoLabour: cost(lastNo, 'containers'),
    smallVm: cost(first, 'vm'),
    smallContainers: cost(first, 'containers'),
    smallContainersHosts: int(first.byType['containers']!.hosts),
    smallVmHosts: int(first.byType['vm']!.hosts),
    smallNested: cost(first, 'containers-in-vms'),
    smallNestedHosts: int(first.byType['containers-in-vms']!.hosts),
  };
}
