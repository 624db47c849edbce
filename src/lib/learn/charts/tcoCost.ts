/**
 * Article 13 (TCO): two charts.
 *
 * 1. `tcoBreakdown`: a year's cost by category (hardware, power, facilities, licences, control
 *    plane, labour) per platform, for one of the package's example scenarios (the calculator's
 *    presets), with the electricity price the reader picks.
 * 2. `tcoPerInstance`: cost per instance-month as the fleet grows, for one service on the
 *    reference host, at a target CPU utilization the reader picks (how full the platform team
 *    runs its hosts).
 *
 * Every number comes from `evaluate`: its `yearlyCostByCategory`, `yearlyCost` and
 * `costPerInstanceMonth`.
 */
import { FIGURES, CATEGORIES } from 'kernelcount';
import type { Category, Evaluation, PlatformResult, PlatformType, ScenarioInput } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { formatCurrency } from '../../format';
import { FOUR_PLATFORMS, PLATFORM_LABELS, int, pct, platformOf, run, scenario } from './common';
import { PRESETS, PRESET_IDS, PRESET_LABELS, type PresetId } from './tcoPresets';

export const CATEGORY_LABELS: Record<Category, string> = {
  hardware: 'Hardware and support',
  power: 'Power',
  facilities: 'Colocation',
  licences: 'Licences and subscriptions',
  'control-plane': 'Managed control plane',
  labour: 'Operations labour',
};

/** Platform types as a sentence names them. */
const PLATFORM_WORDS: Record<PlatformType, string> = {
  vm: 'VMs',
  containers: 'bare-metal containers',
  'containers-in-vms': 'containers in VMs',
  microvm: 'micro-VMs',
};

const usd = (n: number) => formatCurrency(n, 'USD');
const usd2 = (n: number) => formatCurrency(n, 'USD', 2);
const kwh = (v: number) => `${usd2(v)} per kWh`;

/* ------------------------------------------------------------------------------------------ */
/* Chart 1: a year's cost by category, per platform, for a preset                              */

export interface TcoBreakdownParams {
  [key: string]: number | string;
  preset: PresetId;
  electricity: number;
}

/** The slider starts at the default preset's own electricity price. */
const DEFAULT_PRESET: PresetId = 'linux-microservices';
export const DEFAULT_ELECTRICITY = Number(PRESETS[DEFAULT_PRESET].prices?.electricityPerKWh);

/** A preset with the electricity price replaced (everything else as the calculator opens it). */
export function presetScenario(id: PresetId, electricityPerKWh: number, prices: Record<string, unknown> = {}): ScenarioInput {
  const base = PRESETS[id];
  return { ...base, prices: { ...base.prices, ...prices, electricityPerKWh } };
}

export interface CategoryRow {
  type: PlatformType;
  label: string;
  byCategory: Record<Category, number>;
  perYear: number;
  perInstanceMonth: number;
  hosts: number;
  instances: number;
}

export function categoryRows(e: Evaluation): CategoryRow[] {
  return e.platforms.map((p: PlatformResult) => ({
    type: p.type,
    label: PLATFORM_LABELS[p.type],
    byCategory: Object.fromEntries(CATEGORIES.map((c) => [c, p.yearlyCostByCategory[c][0]!.toNumber()])) as Record<Category, number>,
    perYear: p.yearlyCost[0]!.toNumber(),
    perInstanceMonth: p.costPerInstanceMonth.toNumber(),
    hosts: p.hosts,
    instances: p.instances,
  }));
}

export function tcoBreakdownModel(p: TcoBreakdownParams) {
  const e = run(presetScenario(p.preset, p.electricity));
  const rows = categoryRows(e);
  const cats = CATEGORIES.filter((c) => rows.some((r) => r.byCategory[c] > 0));
  const sorted = [...rows].sort((a, b) => a.perYear - b.perYear);
  return { e, rows, cats, cheapest: sorted[0]!, dearest: sorted.at(-1)! };
}

export const tcoBreakdown: LearnChartDef<TcoBreakdownParams> = {
  id: 'tco-breakdown',
  defaults: { preset: DEFAULT_PRESET, electricity: DEFAULT_ELECTRICITY },
  controls: [
    { kind: 'select', key: 'preset', label: 'Calculator preset', options: PRESET_IDS.map((id) => ({ value: id, label: PRESET_LABELS[id] })) },
    { kind: 'range', key: 'electricity', label: 'Electricity price', min: 0.04, max: 0.4, step: 0.01, unit: 'USD per kWh', format: kwh },
  ],
  compute(p) {
    const { rows, cats, cheapest, dearest } = tcoBreakdownModel(p);
    const share = (r: CategoryRow, c: Category) => pct(r.byCategory[c] / r.perYear);
    const summary =
      `For ${PRESET_LABELS[p.preset]} at ${kwh(p.electricity)}, ${PLATFORM_WORDS[cheapest.type]} cost least, ${usd(cheapest.perYear)} a year, and ${PLATFORM_WORDS[dearest.type]} most, ${usd(dearest.perYear)}; ` +
      `for ${PLATFORM_WORDS[dearest.type]}, power is ${share(dearest, 'power')} of the year's cost and labour ${share(dearest, 'labour')}.`;
    return {
      id: 'tco-breakdown',
      title: 'A year of cost by category',
      summary,
      kind: 'stacked-bar',
      horizontal: true,
      labels: rows.map((r) => r.label),
      series: cats.map((c) => ({ label: CATEGORY_LABELS[c], key: c, stack: 'c', data: rows.map((r) => Math.round(r.byCategory[c])) })),
      x: 'USD a year',
      y: '',
      table: {
        caption: `Cost per year by category (USD), ${PRESET_LABELS[p.preset]}, electricity at ${kwh(p.electricity)}`,
        columns: ['Platform', ...cats.map((c) => CATEGORY_LABELS[c]), 'A year', 'Per instance-month'],
        numeric: [false, ...cats.map(() => true), true, true],
        rows: rows.map((r) => [r.label, ...cats.map((c) => usd(r.byCategory[c])), usd(r.perYear), usd2(r.perInstanceMonth)]),
      },
    };
  },
};

/* ------------------------------------------------------------------------------------------ */
/* Chart 2: cost per instance-month as the fleet grows                                          */

export interface TcoPerInstanceParams {
  [key: string]: number | string;
  cpuTarget: number;
}

export const FLEET_SIZES = [20, 50, 100, 200, 500, 1000] as const;
const ORDER: PlatformType[] = ['vm', 'containers-in-vms', 'microvm', 'containers'];
export const CPU_TARGET_DEFAULT = FIGURES['policy.targetUtilization'].value.cpu;

/** The service the second chart prices: its size per instance. */
const SERVICE = { vcpus: 1, memoryGiB: 4 } as const;

/** One service on the reference host, four platforms, hosts filled to `cpuTarget`. */
export function perInstanceScenario(instances: number, cpuTarget: number): ScenarioInput {
  return scenario({
    name: `Cost per instance: ${instances} instances at ${Math.round(cpuTarget * 100)} per cent CPU`,
    workloads: [{ name: 'service', instances, os: 'linux', vcpus: SERVICE.vcpus, memoryGiB: SERVICE.memoryGiB, imageMiB: 250 }],
    platforms: FOUR_PLATFORMS,
    policy: { targetUtilization: { cpu: cpuTarget } },
  });
}

export function tcoPerInstanceModel(p: TcoPerInstanceParams) {
  const points = FLEET_SIZES.map((n) => {
    const e = run(perInstanceScenario(n, p.cpuTarget));
    const perMonth = Object.fromEntries(ORDER.map((t) => [t, platformOf(e, t).costPerInstanceMonth.toNumber()])) as Record<PlatformType, number>;
    const hosts = Object.fromEntries(ORDER.map((t) => [t, platformOf(e, t).hosts])) as Record<PlatformType, number>;
    return { instances: n, perMonth, hosts };
  });
  return { points, first: points[0]!, last: points.at(-1)! };
}

export const tcoPerInstance: LearnChartDef<TcoPerInstanceParams> = {
  id: 'tco-per-instance',
  defaults: { cpuTarget: CPU_TARGET_DEFAULT },
  controls: [
    {
      kind: 'range',
      key: 'cpuTarget',
      label: 'How full hosts are run (target CPU utilization)',
      min: 0.4,
      max: 0.95,
      step: 0.05,
      format: (v) => pct(v),
    },
  ],
  compute(p) {
    const { points, first, last } = tcoPerInstanceModel(p);
    const summary =
      `With hosts run to ${pct(p.cpuTarget)} CPU, one instance costs ${usd2(first.perMonth.vm)} a month as a VM in a fleet of ${int(first.instances)} and ${usd2(last.perMonth.vm)} in a fleet of ${int(last.instances)}; ` +
      `on bare-metal containers it falls from ${usd2(first.perMonth.containers)} to ${usd2(last.perMonth.containers)}, as fixed costs spread over more instances.`;
    return {
      id: 'tco-per-instance',
      title: 'Cost per instance-month by fleet size',
      summary,
      kind: 'line',
      labels: points.map((pt) => int(pt.instances)),
      series: ORDER.map((t) => ({ label: PLATFORM_LABELS[t], key: t, type: 'line' as const, data: points.map((pt) => Math.round(pt.perMonth[t] * 100) / 100) })),
      x: 'instances in the fleet',
      y: 'USD per instance-month',
      table: {
        caption: `Cost per instance-month (USD) by fleet size, hosts run to ${pct(p.cpuTarget)} CPU; hosts bought in brackets`,
        columns: ['Instances', ...ORDER.map((t) => PLATFORM_LABELS[t])],
        numeric: [true, ...ORDER.map(() => true)],
        rows: points.map((pt) => [int(pt.instances), ...ORDER.map((t) => `${usd2(pt.perMonth[t])} (${int(pt.hosts[t])})`)]),
      },
    };
  },
};

/* ------------------------------------------------------------------------------------------ */
/* Figures for the prose                                                                         */

/** The low end of hyperscale PUE (the catalog's note on power.pue: hyperscale 1.1-1.2). */
const HYPERSCALE_PUE = 1.1;

export function tcoFigures() {
  const d = tcoBreakdown.defaults;
  const m = tcoBreakdownModel(d);
  const row = (t: PlatformType) => m.rows.find((r) => r.type === t)!;
  const vm = row('vm');
  const bare = row('containers');
  const nested = row('containers-in-vms');
  const micro = row('microvm');
  const share = (r: CategoryRow, c: Category) => pct(r.byCategory[c] / r.perYear);

  // The same preset with electricity at the slider's top.
  const priceControl = tcoBreakdown.controls.find((c) => c.key === 'electricity')!;
  const topPrice = priceControl.kind === 'range' ? priceControl.max : d.electricity;
  const dear = tcoBreakdownModel({ ...d, electricity: topPrice }).rows.find((r) => r.type === 'vm')!;
  // PUE: the same preset in a hyperscale-class facility instead of its own.
  const lowPue = categoryRows(run(presetScenario(d.preset, d.electricity, { pue: HYPERSCALE_PUE }))).find((r) => r.type === 'vm')!;

  // One host's year, from the line items (hardware split into purchase and support).
  const vmPlatform = platformOf(m.e, 'vm');
  const perHost = (component: string) => {
    const li = vmPlatform.lineItems.find((x) => x.component === component)!;
    return li.annualCost.toNumber() / vmPlatform.hosts;
  };

  // The VMware preset: where the money goes for the estate that runs 300 VMs today.
  const vmware = categoryRows(run(PRESETS['vmware-to-kubernetes']));
  const vmwareVm = vmware.find((r) => r.type === 'vm')!;
  const vmwareBare = vmware.find((r) => r.type === 'containers')!;

  const pi = tcoPerInstanceModel(tcoPerInstance.defaults);
  const low = tcoPerInstanceModel({ cpuTarget: 0.5 });

  const crossover = pi.points.find((pt) => pt.perMonth.containers < pt.perMonth.vm);

  return {
    presetName: PRESET_LABELS[d.preset],
    electricity: kwh(d.electricity),
    presetPue: String(PRESETS[d.preset].prices?.pue),
    vmHosts: int(vm.hosts),
    bareHosts: int(bare.hosts),
    vmYear: usd(vm.perYear),
    bareYear: usd(bare.perYear),
    nestedYear: usd(nested.perYear),
    microYear: usd(micro.perYear),
    vmLabourShare: share(vm, 'labour'),
    vmLicences: usd(vm.byCategory.licences),
    vmPowerShare: share(vm, 'power'),
    vmHardwareShare: share(vm, 'hardware'),
    vmPower: usd(vm.byCategory.power),
    topPrice: kwh(topPrice),
    hyperscalePue: String(HYPERSCALE_PUE),
    vmPowerDear: usd(dear.byCategory.power),
    vmPowerShareDear: pct(dear.byCategory.power / dear.perYear),
    vmPowerLowPue: usd(lowPue.byCategory.power),
    vmPerInstanceMonth: usd2(vm.perInstanceMonth),
    barePerInstanceMonth: usd2(bare.perInstanceMonth),
    nestedPerInstanceMonth: usd2(nested.perInstanceMonth),
    hostHardwarePerYear: usd(perHost('hardware')),
    hostSupportPerYear: usd(perHost('hardware-support')),
    hostColocationPerYear: usd(perHost('colocation')),
    hostPowerPerYear: usd(perHost('power')),
    vmwareVmYear: usd(vmwareVm.perYear),
    vmwareVmLabour: usd(vmwareVm.byCategory.labour),
    vmwareVmLicences: usd(vmwareVm.byCategory.licences),
    vmwareVmHardware: usd(vmwareVm.byCategory.hardware),
    vmwareBareHardware: usd(vmwareBare.byCategory.hardware),
    vmwareBareYear: usd(vmwareBare.perYear),
    vmwareBareLabour: usd(vmwareBare.byCategory.labour),
    vmwareVmOverBare: (vmwareVm.perYear / vmwareBare.perYear).toFixed(1),
    piWorkload: `${SERVICE.vcpus} vCPU and ${SERVICE.memoryGiB} GiB`,
    piCrossover: crossover ? int(crossover.instances) : 'none',
    piSmall: int(pi.first.instances),
    piLarge: int(pi.last.instances),
    piVmSmall: usd2(pi.first.perMonth.vm),
    piVmLarge: usd2(pi.last.perMonth.vm),
    piBareSmall: usd2(pi.first.perMonth.containers),
    piBareLarge: usd2(pi.last.perMonth.containers),
    piBareSmallHosts: int(pi.first.hosts.containers),
    cpuTarget: pct(tcoPerInstance.defaults.cpuTarget),
    piBareLargeAtHalf: usd2(low.last.perMonth.containers),
    piVmLargeAtHalf: usd2(low.last.perMonth.vm),
    piBareLargeHosts: int(pi.last.hosts.containers),
    piBareLargeHostsAtHalf: int(low.last.hosts.containers),
  };
}
