/**
 * Article 12 (operations): what the package charges for operations labour as a fleet grows, on
 * each platform. The package's labour lines are hosts / labour.physicalServersPerAdmin plus OS
 * instances (VMs or node VMs) / labour.osInstancesPerAdmin, times labour.costPerAdminYear; the
 * reader moves the fleet size and the OS-instances-per-admin ratio (a catalog override).
 */
import { FIGURES } from 'kernelcount';
import type { Evaluation, PlatformResult, PlatformType, ScenarioInput } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { formatCurrency } from '../../format';
import { FOUR_PLATFORMS, PLATFORM_LABELS, dec1, int, pct, platformOf, run, scenario } from './common';

export interface OpsLabourParams {
  [key: string]: number | string;
  instances: number;
  osPerAdmin: number;
}

/** The catalog's default ratio, the slider's starting point. */
export const OS_PER_ADMIN_DEFAULT = Number(FIGURES['labour.osInstancesPerAdmin'].value);
const COST_PER_ADMIN = Number(FIGURES['labour.costPerAdminYear'].value);

/** Points on the fleet-size axis, as fractions of the fleet the reader picks. */
const STEPS = [0.25, 0.5, 0.75, 1] as const;
const ORDER: PlatformType[] = ['vm', 'containers-in-vms', 'microvm', 'containers'];

/** The article's scenario: one Linux service, `instances` copies, four platforms, the ratio overridden. */
export function opsLabourScenario(instances: number, osPerAdmin: number): ScenarioInput {
  return scenario({
    name: `Operations: ${instances} instances, ${osPerAdmin} OS instances per admin`,
    workloads: [{ name: 'service', instances, os: 'linux', vcpus: 0.5, memoryGiB: 2, imageMiB: 180 }],
    platforms: FOUR_PLATFORMS,
    catalog: { 'labour.osInstancesPerAdmin': osPerAdmin },
  });
}

export interface LabourRow {
  type: PlatformType;
  label: string;
  hosts: number;
  /** VMs or node VMs: the OS instances the labour line counts. */
  osInstances: number;
  hostAdmins: number;
  osAdmins: number;
  admins: number;
  labourPerYear: number;
  totalPerYear: number;
}

function annual(p: PlatformResult, component: string): number {
  return p.lineItems.filter((li) => li.component === component).reduce((s, li) => s + li.quantity.toNumber(), 0);
}

export function labourRows(e: Evaluation): LabourRow[] {
  return ORDER.map((type) => {
    const p = platformOf(e, type);
    const hostAdmins = annual(p, 'labour-hosts');
    const osAdmins = annual(p, 'labour-os');
    return {
      type,
      label: PLATFORM_LABELS[type],
      hosts: p.hosts,
      osInstances: p.vms,
      hostAdmins,
      osAdmins,
      admins: hostAdmins + osAdmins,
      labourPerYear: p.yearlyCostByCategory.labour[0]!.toNumber(),
      totalPerYear: p.yearlyCost[0]!.toNumber(),
    };
  });
}

export function opsLabourModel(p: OpsLabourParams) {
  const points = STEPS.map((f) => {
    const instances = Math.round(p.instances * f);
    return { instances, rows: labourRows(run(opsLabourScenario(instances, p.osPerAdmin))) };
  });
  const last = points.at(-1)!;
  const by = (t: PlatformType) => last.rows.find((r) => r.type === t)!;
  return { points, at: by };
}

const usd = (n: number) => formatCurrency(n, 'USD');

export const opsLabour: LearnChartDef<OpsLabourParams> = {
  id: 'ops-labour',
  defaults: { instances: 400, osPerAdmin: OS_PER_ADMIN_DEFAULT },
  controls: [
    { kind: 'range', key: 'instances', label: 'Fleet size', min: 100, max: 4000, step: 100, unit: 'instances' },
    { kind: 'range', key: 'osPerAdmin', label: 'OS instances one administrator looks after', min: 50, max: 500, step: 25, unit: 'per admin' },
  ],
  compute(p) {
    const { points, at } = opsLabourModel(p);
    const vm = at('vm');
    const nested = at('containers-in-vms');
    const bare = at('containers');
    const summary =
      `At ${int(p.instances)} instances and ${int(p.osPerAdmin)} OS instances per administrator, the model charges VMs for ${dec1(vm.admins)} administrators (${usd(vm.labourPerYear)} a year), ` +
      `containers in VMs for ${dec1(nested.admins)} (${usd(nested.labourPerYear)}) and bare-metal containers for ${dec1(bare.admins)} (${usd(bare.labourPerYear)}): ` +
      `labour is ${pct(vm.labourPerYear / vm.totalPerYear)} of the VMs' yearly cost and ${pct(bare.labourPerYear / bare.totalPerYear)} of the bare-metal containers'.`;
    return {
      id: 'ops-labour',
      title: 'Operations labour per year as the fleet grows',
      summary,
      kind: 'line',
      labels: points.map((pt) => int(pt.instances)),
      series: ORDER.map((type) => ({
        label: PLATFORM_LABELS[type],
        key: type,
        type: 'line' as const,
        data: points.map((pt) => Math.round(pt.rows.find((r) => r.type === type)!.labourPerYear)),
      })),
      x: 'instances in the fleet',
      y: 'USD a year',
      table: {
        caption: `Operations labour per year (USD) and administrators, by fleet size, at ${int(p.osPerAdmin)} OS instances per administrator`,
        columns: ['Instances', ...ORDER.map((t) => PLATFORM_LABELS[t])],
        numeric: [true, ...ORDER.map(() => true)],
        rows: points.map((pt) => [
          int(pt.instances),
          ...ORDER.map((t) => {
            const r = pt.rows.find((x) => x.type === t)!;
            return `${usd(r.labourPerYear)} (${dec1(r.admins)} admins)`;
          }),
        ]),
      },
    };
  },
};

/** The figures the article quotes, computed with the chart's defaults (and, where named, one change). */
export function opsLabourFigures() {
  const d = opsLabour.defaults;
  const { at } = opsLabourModel(d);
  const vm = at('vm');
  const nested = at('containers-in-vms');
  const bare = at('containers');
  const micro = at('microvm');
  // The same fleet at the generous end of the slider (the top of the published range).
  const ratioControl = opsLabour.controls.find((c) => c.key === 'osPerAdmin')!;
  const generousRatio = ratioControl.kind === 'range' ? ratioControl.max : d.osPerAdmin;
  const generous = labourRows(run(opsLabourScenario(d.instances, generousRatio))).find((r) => r.type === 'vm')!;
  return {
    instances: int(d.instances),
    osPerAdmin: int(d.osPerAdmin),
    vmHosts: int(vm.hosts),
    vmOsInstances: int(vm.osInstances),
    vmAdmins: dec1(vm.admins),
    vmHostAdmins: dec1(vm.hostAdmins),
    vmOsAdmins: dec1(vm.osAdmins),
    vmLabour: usd(vm.labourPerYear),
    vmLabourShare: pct(vm.labourPerYear / vm.totalPerYear),
    nestedHosts: int(nested.hosts),
    nestedNodeVms: int(nested.osInstances),
    nestedAdmins: dec1(nested.admins),
    nestedLabour: usd(nested.labourPerYear),
    bareHosts: int(bare.hosts),
    bareAdmins: dec1(bare.admins),
    bareLabour: usd(bare.labourPerYear),
    bareLabourShare: pct(bare.labourPerYear / bare.totalPerYear),
    microAdmins: dec1(micro.admins),
    vmOverBare: dec1(vm.labourPerYear / bare.labourPerYear),
    generousRatio: int(generousRatio),
    generousVmLabour: usd(generous.labourPerYear),
    // What the VM column's extra labour would pay for, in administrators at the catalog's cost each.
    gapAdmins: dec1((vm.labourPerYear - bare.labourPerYear) / COST_PER_ADMIN),
  };
}
