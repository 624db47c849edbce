/**
 * Article 14 (hybrid estates and migration): what the package's VMware example costs per year at
 * each phase of a migration to Kubernetes. Stateless services move first, then the web tier, then
 * the stateful Java services with their persistent volumes; the workload that needs its own kernel
 * stays on VMs throughout. At every phase the services still on VMs are priced on the VMware
 * platform and the moved ones on the target platform, each as the package prices it, and the two
 * are added per cost category.
 *
 * The fleet, host and platform settings are those of packages/kernelcount/examples/
 * vmware-to-kubernetes.yaml (tests/learn-migration-phases.test.ts checks that they still match).
 */
import { FIGURES, CATEGORIES, money } from 'kernelcount';
import type { Category, HostInput, Money, PlatformInput, PlatformResult, ScenarioInput, WorkloadInput } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { int, numericTable, run, usd } from './common';
import { PRESETS } from './tcoPresets';

export interface MigrationParams {
  [key: string]: number | string;
  /** Where the moved services run. */
  target: 'containers' | 'containers-in-vms';
  /** OS instances one administrator looks after (the labour assumption). */
  osInstancesPerAdmin: number;
}

const YEARS = 5;

// The package's vmware-to-kubernetes example, as the calculator opens it. The objects come from
// tcoPresets.ts, whose test checks them against the example YAML file, so there is one copy.
const EXAMPLE = PRESETS['vmware-to-kubernetes'];
const platformOfType = (type: PlatformInput['type']): PlatformInput => {
  const p = EXAMPLE.platforms?.find((x) => x.type === type);
  if (!p) throw new Error(`The vmware-to-kubernetes example has no ${type} platform`);
  return p;
};

export const EXAMPLE_HOST: HostInput = EXAMPLE.hosts[0]!;
export const EXAMPLE_WORKLOADS: WorkloadInput[] = EXAMPLE.workloads;
export const EXAMPLE_PLATFORMS: Record<'vm' | 'containers' | 'containers-in-vms' | 'microvm', PlatformInput> = {
  vm: platformOfType('vm'),
  containers: platformOfType('containers'),
  'containers-in-vms': platformOfType('containers-in-vms'),
  microvm: platformOfType('microvm'),
};
export const EXAMPLE_POLICY: ScenarioInput['policy'] = EXAMPLE.policy;
export const EXAMPLE_PRICES = EXAMPLE.prices;

/** The whole example as the calculator opens it: all four platforms, VMware as the baseline. */
export function exampleScenario(): ScenarioInput {
  return EXAMPLE;
}

/** The order services leave the VMs: stateless first, then the stateful Java services. */
export const PHASES: Array<{ label: string; moved: string[] }> = [
  { label: 'Today: all on VMs', moved: [] },
  { label: 'Queue workers moved', moved: ['queue-worker'] },
  { label: '+ web tier', moved: ['queue-worker', 'web'] },
  { label: '+ Java services', moved: ['queue-worker', 'web', 'java-service'] },
];

export const TARGET_LABELS: Record<MigrationParams['target'], string> = {
  containers: 'Kubernetes on bare metal',
  'containers-in-vms': 'Kubernetes in node VMs on ESXi',
};

const memo = new Map<string, PlatformResult>();

function priced(workloads: WorkloadInput[], platform: PlatformInput, p: MigrationParams): PlatformResult {
  const key = JSON.stringify([workloads.map((w) => w.name), platform.name, p.osInstancesPerAdmin]);
  const hit = memo.get(key);
  if (hit) return hit;
  const s = {
    name: 'VMware estate moving to Kubernetes',
    currency: 'USD',
    horizonYears: YEARS,
    hosts: [EXAMPLE_HOST],
    workloads,
    platforms: [platform],
    policy: EXAMPLE_POLICY,
    prices: { ...EXAMPLE_PRICES, osInstancesPerAdmin: p.osInstancesPerAdmin },
  } as ScenarioInput;
  const r = run(s).platforms[0]!;
  // A slider sweep revisits the same phases: keep the last few results (evaluation is pure).
  if (memo.size > 64) memo.clear();
  memo.set(key, r);
  return r;
}

export interface PhaseResult {
  label: string;
  vm: PlatformResult;
  target: PlatformResult | null;
  /** Average cost per year over the horizon, by category. */
  perYear: Record<Category, Money>;
  total: Money;
}

export function migrationModel(p: MigrationParams): PhaseResult[] {
  return PHASES.map((phase) => {
    const stay = EXAMPLE_WORKLOADS.filter((w) => !phase.moved.includes(w.name));
    const go = EXAMPLE_WORKLOADS.filter((w) => phase.moved.includes(w.name));
    const vm = priced(stay, EXAMPLE_PLATFORMS.vm, p);
    const target = go.length ? priced(go, EXAMPLE_PLATFORMS[p.target], p) : null;
    const perYear = Object.fromEntries(
      CATEGORIES.map((c) => [c, vm.costByCategory[c].plus(target ? target.costByCategory[c] : money(0)).div(YEARS)]),
    ) as Record<Category, Money>;
    const total = CATEGORIES.reduce((s, c) => s.plus(perYear[c]), money(0));
    return { label: phase.label, vm, target, perYear, total };
  });
}

const usdK = (m: Money) => `${usd(m.div(1000))}k`;
const CATEGORY_WORDS: Record<Category, string> = {
  hardware: 'hardware',
  power: 'power',
  facilities: 'facilities',
  licences: 'licences',
  'control-plane': 'control plane',
  labour: 'labour',
};
const hostsOf = (r: PhaseResult) => r.vm.hosts + (r.target?.hosts ?? 0);

export const migrationPhases: LearnChartDef<MigrationParams> = {
  id: 'migration-phases',
  defaults: { target: 'containers', osInstancesPerAdmin: FIGURES['labour.osInstancesPerAdmin'].value as number },
  controls: [
    {
      kind: 'select',
      key: 'target',
      label: 'Moved services run on',
      options: [
        { value: 'containers', label: TARGET_LABELS.containers },
        { value: 'containers-in-vms', label: TARGET_LABELS['containers-in-vms'] },
      ],
    },
    { kind: 'range', key: 'osInstancesPerAdmin', label: 'OS instances per administrator', min: 50, max: 500, step: 25, format: (n) => `${int(n)} per admin` },
  ],
  compute(p) {
    const phases = migrationModel(p);
    const first = phases[0]!;
    const one = phases[1]!;
    const last = phases[phases.length - 1]!;
    const step = one.total.minus(first.total);
    const summary =
      `Moving the queue workers, then the web tier, then the Java services to ${TARGET_LABELS[p.target]} takes the estate from ${usdK(first.total)} to ${usdK(last.total)} a year; ` +
      `the first step alone ${step.isNegative() ? 'saves' : 'adds'} ${usdK(step.abs())} a year, because the new cluster needs ${one.target!.hosts} hosts of its own while the VMs shrink from ${first.vm.hosts} hosts to ${one.vm.hosts}.`;
    return {
      id: 'migration-phases',
      title: 'Cost per year at each phase of the migration',
      summary,
      kind: 'stacked-bar',
      labels: phases.map((r) => r.label),
      series: CATEGORIES.map((c) => ({
        label: CATEGORY_WORDS[c],
        key: c,
        stack: 'cost',
        data: phases.map((r) => Math.round(r.perYear[c].div(1000).toNumber() * 10) / 10),
      })),
      x: 'phase',
      y: 'USD thousand per year',
      table: numericTable(
        `Cost per year (USD, 5-year average) of the VMware example at each phase, moved services on ${TARGET_LABELS[p.target]}, ${int(p.osInstancesPerAdmin)} OS instances per administrator; the 20 services that need their own kernel stay on VMs`,
        ['Phase', 'Hosts (VMs + Kubernetes)', ...CATEGORIES.map((c) => CATEGORY_WORDS[c]), 'Total'],
        phases.map((r) => [r.label, `${r.vm.hosts} + ${r.target?.hosts ?? 0}`, ...CATEGORIES.map((c) => usd(r.perYear[c])), usd(r.total)]),
      ),
    };
  },
};

/** The figures the article quotes, computed with the chart's defaults. */
export function migrationPhasesFigures() {
  const d = migrationPhases.defaults;
  const phases = migrationModel(d);
  const nested = migrationModel({ ...d, target: 'containers-in-vms' });
  const first = phases[0]!;
  const one = phases[1]!;
  const last = phases[phases.length - 1]!;
  const labourCut = first.perYear.labour.minus(last.perYear.labour);
  const saving = first.total.minus(last.total);
  const ex = run(exampleScenario());
  const plat = (name: string) => ex.platforms.find((x) => x.name === name)!;
  const cmp = (name: string) => ex.comparisons.find((c) => c.platform === name)!;
  const pctOf = (name: string) => `${int(cmp(name).tcoDeltaPercent!.abs().toNumber())}%`;
  const vmware = plat('vmware');
  return {
    exVmwareTco: usdK(vmware.tco),
    exVmwareHosts: int(vmware.hosts),
    exVmwareLabour: usdK(vmware.costByCategory.labour),
    exVmwareLicences: usdK(vmware.costByCategory.licences),
    exBareTco: usdK(plat('k8s-bare-metal').tco),
    exBareHosts: int(plat('k8s-bare-metal').hosts),
    exBarePct: pctOf('k8s-bare-metal'),
    exNestedTco: usdK(plat('k8s-on-vmware').tco),
    exNestedHosts: int(plat('k8s-on-vmware').hosts),
    exNestedPct: pctOf('k8s-on-vmware'),
    exKataTco: usdK(plat('kata').tco),
    exKataHosts: int(plat('kata').hosts),
    exKataPct: pctOf('kata'),
    exFlagged: int(ex.assumptions.filter((a) => a.flags.length > 0).length),
    exAssumptions: int(ex.assumptions.length),
    today: usdK(first.total),
    todayHosts: int(first.vm.hosts),
    todayLabour: usdK(first.perYear.labour),
    phase1: usdK(one.total),
    phase1NewHosts: int(one.target!.hosts),
    phase1VmHosts: int(one.vm.hosts),
    end: usdK(last.total),
    endHosts: int(hostsOf(last)),
    endVmHosts: int(last.vm.hosts),
    endK8sHosts: int(last.target!.hosts),
    saving: usdK(saving),
    labourCut: usdK(labourCut),
    endHardware: usdK(last.perYear.hardware),
    todayHardware: usdK(first.perYear.hardware),
    nestedEnd: usdK(nested[nested.length - 1]!.total),
    nestedEndHosts: int(hostsOf(nested[nested.length - 1]!)),
    nestedLicences: usdK(nested[nested.length - 1]!.perYear.licences),
    endLicences: usdK(last.perYear.licences),
  };
}
