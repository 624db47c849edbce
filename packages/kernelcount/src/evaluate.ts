import type { Assumption, Trust } from './catalog/types.js';
import { atCheapestHostCount } from './cost/hostCount.js';
import { byCategory, carbonOf, CATEGORIES, energyUse, type Category, type LineItem } from './cost/lineItems.js';
import { KernelcountError, isKernelcountError, type Issue } from './errors.js';
import { Money, money, sumMoney, ZERO } from './money.js';
import type { Footprint } from './platforms/footprint.js';
import type { Binding, LayerTotals, Resource } from './platforms/pool.js';
import { sizePlatform, TooLargeForHostError, type PlatformSizing, type PoolSizing } from './platforms/size.js';
import { parseScenarioWithCatalog, type ParseOptions } from './scenario/validate.js';
import type { OsFamily, PlatformType, Scenario } from './scenario/types.js';

export type { Category, LineItem } from './cost/lineItems.js';
export type { LicenceDecision, LicenceOptionSummary } from './cost/licences.js';
import type { LicenceDecision } from './cost/licences.js';
export type { Binding, Resource } from './platforms/pool.js';

/** Per-workload result on one platform. */
export interface WorkloadResult {
  workload: string;
  os: OsFamily;
  instances: number;
  /** Per instance: CPU allocated (millicores) and memory and disk (MiB) by layer. */
  perInstance: Footprint;
  /** Most instances of this workload alone on one host, and what stops the next. */
  maxPerHost: number;
  binding: Resource;
  /** Sandbox runtime used, if the workload runs isolated. */
  sandbox: string | null;
  formula: string[];
}

/** One cluster of identical hosts inside a platform (one per OS family). */
export interface PoolResult {
  os: OsFamily;
  hosts: number;
  loadHosts: number;
  spareHosts: number;
  lowerBoundHosts: number;
  /** Load hosts beyond the fewest that fit, because they cost less than the per-host licences they save; included in `loadHosts`. */
  addedHosts: number;
  vms: number;
  instances: number;
  binding: Binding;
  /** Share of usable capacity used across the load hosts, per resource (0..1, may exceed 1 never). */
  utilization: Record<Resource, number>;
  usablePerHost: { cpuMillicores: number; memoryMiB: number; diskMiB: number; pods: number };
  usablePerNodeVm?: { cpuMillicores: number; memoryMiB: number; diskMiB: number; pods: number };
  nodeVmsPerHost?: number;
  layers: LayerTotals;
  workloads: WorkloadResult[];
  formulas: string[];
}

/** The grid carbon intensity an evaluation used: the catalog figure (or the scenario's own) and where it comes from. */
export interface GridIntensity {
  /** gCO2e per kWh. */
  gCO2ePerKWh: Money;
  /** The catalog id: `carbon.gridIntensity`. */
  id: string;
  /** The catalog version used (`world-2023`, `germany-2023`, ...); absent when the scenario gives its own figure. */
  version?: string;
  /** The source's date (the evaluation's date for the scenario's own figure). Its words: `assumptionText(grid)`. */
  asOf: string;
  trust: Trust;
  /** True when the scenario gives its own figure (`prices.gridIntensityGPerKWh` or `catalog:`). */
  overridden: boolean;
}

/**
 * A platform's electricity and what it emits. Carbon is not money: it has no line item and is not
 * in the TCO. Only the electricity the hosts draw is counted (PUE included), not the carbon embodied
 * in making the hardware.
 */
export interface PlatformEnergy {
  /** kWh a year drawn by all the platform's hosts, PUE included (the electricity line's quantity). */
  kWhPerYear: Money;
  kWhOverHorizon: Money;
  grid: GridIntensity;
  /** kWhPerYear x gCO2ePerKWh / 1000. Exact. */
  co2eKgPerYear: Money;
  co2eKgOverHorizon: Money;
  formula: string;
}

export interface PlatformResult {
  name: string;
  type: PlatformType;
  host: string;
  /** Hosts to buy: load hosts plus HA spares. */
  hosts: number;
  loadHosts: number;
  spareHosts: number;
  /**
   * Load hosts beyond the fewest that fit, added because they cost less than the per-host licences
   * they save (Windows Server Standard, RHEL Server: see the notes); included in `loadHosts`.
   */
  addedHosts: number;
  /** VMs (vm) or node VMs (containers-in-vms); 0 on bare metal. */
  vms: number;
  instances: number;
  /** Instances per host, averaged over all hosts including spares. */
  instancesPerHost: number;
  /** What fills first in the largest pool: a resource, or the cluster's minimum size. */
  binding: Binding;
  pools: PoolResult[];
  /** Memory and disk of all hosts by layer (MiB), and per host on average. */
  layers: LayerTotals;
  layersPerHost: LayerTotals;
  lineItems: LineItem[];
  /** Cost per year of the horizon (sum of line items' yearly). */
  yearlyCost: Money[];
  /** Cost over the horizon by category. */
  costByCategory: Record<Category, Money>;
  /** Cost of each year of the horizon by category (the yearly cost split up). */
  yearlyCostByCategory: Record<Category, Money[]>;
  /** Cost to the end of each year (running sum of `yearlyCost`). */
  cumulativeCost: Money[];
  /**
   * Shares (0..1) of all host memory, spares included: used by the workloads themselves, taken by
   * overhead (host reserve, hypervisor, guest OS, runtime and node agents), and idle.
   */
  efficiency: { memory: { workloads: number; overhead: number; idle: number } };
  /** Total cost of ownership over the horizon = sum of every line item's total. */
  tco: Money;
  /** Electricity in kWh and the CO2e it emits at the grid's carbon intensity (not money: not in `tco`). */
  energy: PlatformEnergy;
  /** tco / (instances x years x 12). */
  costPerInstanceMonth: Money;
  notes: string[];
  /** Things that can make the estimate wrong by a lot (e.g. Oracle soft partitioning). */
  warnings: string[];
  /** Every licensing decision: the option chosen per host group, the ones it beat, and the break-even. */
  licensing: LicenceDecision[];
}

export interface Comparison {
  platform: string;
  baseline: string;
  hostsDelta: number;
  tcoDelta: Money;
  /** (tco - baseline tco) / baseline tco x 100; null when the baseline costs 0. */
  tcoDeltaPercent: Money | null;
  /** CO2e of the platform's electricity over the horizon minus the baseline's, in kg. */
  co2eKgDelta: Money;
  /** Categories by absolute change, largest first. */
  drivers: Array<{ category: Category; delta: Money }>;
  summary: string;
}

export interface Evaluation {
  scenario: { name: string; description: string; currency: string; horizonYears: number; baseline: string };
  platforms: PlatformResult[];
  comparisons: Comparison[];
  /** Every catalog default (or override) this evaluation used, with source, date and flags. */
  assumptions: Assumption[];
  /** Things to know: units rounded, editions picked, approximations. */
  notes: string[];
  /** Things that can make the estimate wrong by a lot; also listed per platform. */
  warnings: string[];
  /** One plain-language paragraph. */
  summary: string;
}

export interface EvaluateOptions extends ParseOptions {}

function perHost(t: LayerTotals, hosts: number): LayerTotals {
  const div = (x: number) => (hosts > 0 ? Math.round((x / hosts) * 10) / 10 : 0);
  const f = (o: LayerTotals['memoryMiB']) => ({
    hostReserve: div(o.hostReserve),
    hypervisor: div(o.hypervisor),
    guestOs: div(o.guestOs),
    runtime: div(o.runtime),
    app: div(o.app),
    free: div(o.free),
  });
  return { memoryMiB: f(t.memoryMiB), diskMiB: f(t.diskMiB) };
}

function poolResult(pool: PoolSizing, scenario: Scenario): PoolResult {
  const os = new Map(scenario.workloads.map((w) => [w.name, w.os]));
  const r: PoolResult = {
    os: pool.os,
    hosts: pool.hosts,
    loadHosts: pool.loadHosts,
    spareHosts: pool.spareHosts,
    lowerBoundHosts: pool.lowerBoundHosts,
    addedHosts: pool.addedHosts,
    vms: pool.vms,
    instances: pool.instances,
    binding: pool.binding,
    utilization: pool.utilization,
    usablePerHost: pool.usablePerHost,
    layers: pool.layers,
    workloads: pool.workloads.map((w) => ({
      workload: w.workload,
      os: os.get(w.workload) ?? pool.os,
      instances: w.instances,
      perInstance: w.perInstance,
      maxPerHost: w.maxPerHost,
      binding: w.binding,
      sandbox: w.sandbox,
      formula: w.formula,
    })),
    formulas: pool.formulas,
  };
  if (pool.usablePerNodeVm) r.usablePerNodeVm = pool.usablePerNodeVm;
  if (pool.nodeVmsPerHost !== undefined) r.nodeVmsPerHost = pool.nodeVmsPerHost;
  return r;
}

function platformResult(
  sizing: PlatformSizing,
  lineItems: LineItem[],
  scenario: Scenario,
  notes: string[],
  warnings: string[],
  licensing: LicenceDecision[],
  energy: PlatformEnergy,
): PlatformResult {
  const years = scenario.horizonYears;
  const yearlyCost = Array.from({ length: years }, (_, y) => sumMoney(lineItems.map((li) => li.yearly[y] ?? ZERO)));
  const tco = sumMoney(lineItems.map((li) => li.total));
  const instances = sizing.instances;
  return {
    name: sizing.platform.name,
    type: sizing.platform.type,
    host: sizing.host.name,
    hosts: sizing.hosts,
    loadHosts: sizing.loadHosts,
    spareHosts: sizing.spareHosts,
    addedHosts: sizing.addedHosts,
    vms: sizing.vms,
    instances,
    instancesPerHost: sizing.hosts > 0 ? Math.round((instances / sizing.hosts) * 100) / 100 : 0,
    binding: sizing.binding,
    pools: sizing.pools.map((p) => poolResult(p, scenario)),
    layers: sizing.layers,
    layersPerHost: perHost(sizing.layers, sizing.hosts),
    lineItems,
    yearlyCost,
    costByCategory: byCategory(lineItems),
    yearlyCostByCategory: Object.fromEntries(
      CATEGORIES.map((c) => [c, yearlyCost.map((_, y) => sumMoney(lineItems.filter((li) => li.category === c).map((li) => li.yearly[y] ?? ZERO)))]),
    ) as Record<Category, Money[]>,
    cumulativeCost: yearlyCost.map((_, y) => sumMoney(yearlyCost.slice(0, y + 1))),
    efficiency: { memory: memoryEfficiency(sizing.layers) },
    tco,
    energy,
    costPerInstanceMonth: instances > 0 ? tco.div(instances * years * 12) : ZERO,
    notes,
    warnings,
    licensing,
  };
}

function memoryEfficiency(l: LayerTotals): { workloads: number; overhead: number; idle: number } {
  const m = l.memoryMiB;
  const overhead = m.hostReserve + m.hypervisor + m.guestOs + m.runtime;
  const total = overhead + m.app + m.free;
  if (total <= 0) return { workloads: 0, overhead: 0, idle: 0 };
  return { workloads: m.app / total, overhead: overhead / total, idle: m.free / total };
}

function percent(delta: Money, base: Money): Money | null {
  return base.isZero() ? null : delta.div(base).times(100);
}

const RESOURCE_WORDS: Record<Binding, string> = {
  cpu: 'CPU',
  memory: 'memory',
  disk: 'disk',
  pods: 'the pod limit',
  'cluster-size': 'the 3-node control-plane minimum',
};

function compare(p: PlatformResult, base: PlatformResult, years: number): Comparison {
  const tcoDelta = p.tco.minus(base.tco);
  const pct = percent(tcoDelta, base.tco);
  const drivers = CATEGORIES.map((c) => ({ category: c, delta: p.costByCategory[c].minus(base.costByCategory[c]) }))
    .filter((d) => !d.delta.isZero())
    .sort((a, b) => b.delta.abs().comparedTo(a.delta.abs()));
  const hostWord = (n: number) => `${n} host${n === 1 ? '' : 's'}`;
  let summary = `${p.name} needs ${hostWord(p.hosts)}${p.hosts === base.hosts ? ', as does' : ' instead of ' + base.hosts + ' for'} ${base.name}, bound by ${RESOURCE_WORDS[p.binding]}`;
  if (pct !== null && !tcoDelta.isZero()) {
    const main = drivers[0];
    const sameDirection = main && main.delta.isNeg() === tcoDelta.isNeg();
    summary += `; ${years}-year cost ${pct.abs().toDecimalPlaces(0).toString()}% ${tcoDelta.isNeg() ? 'lower' : 'higher'}${main && sameDirection ? `, mostly ${main.category}` : ''}`;
  } else {
    summary += `; ${years}-year cost the same`;
  }
  return {
    platform: p.name,
    baseline: base.name,
    hostsDelta: p.hosts - base.hosts,
    tcoDelta,
    tcoDeltaPercent: pct,
    co2eKgDelta: p.energy.co2eKgOverHorizon.minus(base.energy.co2eKgOverHorizon),
    drivers,
    summary: summary + '.',
  };
}

/** Where the grid carbon intensity used comes from, read from the evaluation's assumptions. */
function gridSource(assumptions: readonly Assumption[]): Omit<GridIntensity, 'gCO2ePerKWh'> {
  const a = assumptions.find((x) => x.id === 'carbon.gridIntensity')!;
  const version = a.version !== undefined && !a.overridden ? { version: a.version } : {};
  return { id: a.id, ...version, asOf: a.asOf, trust: a.trust, overridden: a.overridden };
}

/** Why a platform has more load hosts than the fewest that fit, and what that saves. */
function addedHostsNote(sizing: PlatformSizing, saved: Money, years: number): string {
  const pools = sizing.pools.filter((p) => p.addedHosts > 0).map((p) => `${p.key} pool: ${p.loadHosts} instead of ${p.loadHosts - p.addedHosts}`);
  return `${sizing.platform.name}: load hosts added (${pools.join('; ')}), as the per-host licences they save cost more than they do: ${saved.toFixed(2)} less over ${years} years`;
}

/** Tonnes of CO2e for a sentence: kg / 1000 to one decimal, half away from zero. */
function tonnes(kg: Money): string {
  return kg.div(1000).toDecimalPlaces(1, Money.ROUND_HALF_UP).toFixed(1);
}

/** @internal The issue for a workload that cannot fit one host (or node VM) of a platform. */
export function tooLargeIssue(e: TooLargeForHostError, scenario: Scenario): Issue {
  const idx = scenario.workloads.findIndex((w) => w.name === e.workload);
  // Not a workload: the platform's node VM or its stacked control plane (labels from size.ts).
  const pi = scenario.platforms.findIndex((p) => p.name === e.platform);
  const field = e.workload === 'Kubernetes node VM' ? '.nodeVm' : e.workload === 'stacked control plane' ? '.controlPlane' : '';
  const path = idx >= 0 ? `workloads[${idx}]` : pi >= 0 ? `platforms[${pi}]${field}` : 'platforms';
  const unit = e.resource === 'cpu' ? 'millicores' : e.resource === 'pods' ? 'pod slots' : 'MiB';
  return {
    code: 'does_not_fit',
    path,
    message: `one instance of ${JSON.stringify(e.workload)} on platform ${JSON.stringify(e.platform)} needs ${e.need} ${unit} of ${e.resource} with its overheads, but one ${e.bin} offers ${e.usable} usable`,
  };
}

/**
 * Evaluates a scenario: validates it, sizes each platform (hosts, density, binding resource, where
 * memory and disk go), prices it over the horizon as line items, and compares each with the baseline.
 * Throws a KernelcountError listing every problem with its path when the input is invalid or a
 * workload cannot fit a host.
 *
 * @example
 * const result = evaluate({
 *   hosts: [{ name: 'r760', sockets: 2, coresPerSocket: 32, memoryGiB: 1024, diskGiB: 7680, price: 38000 }],
 *   workloads: [{ name: 'api', instances: 40, vcpus: 0.5, memoryGiB: 1 }],
 * });
 * result.platforms.map((p) => [p.name, p.hosts]) //=> [['vm', 2], ['containers', 3], ['containers-in-vms', 3], ['microvm', 3]]
 */
export function evaluate(input: unknown, options: EvaluateOptions = {}): Evaluation {
  const { scenario, catalog } = parseScenarioWithCatalog(input, options);
  const notes = [...scenario.notes];
  const warnings: string[] = [];
  const results: PlatformResult[] = [];
  const issues: Issue[] = [];
  // Read once; where it comes from is filled in from the assumptions once every figure is read
  // (listing them sorts what was used, so it is done once, below).
  const grid = { gCO2ePerKWh: money(catalog.get('carbon.gridIntensity')) } as GridIntensity;
  for (const platform of scenario.platforms) {
    let sizing: PlatformSizing;
    try {
      sizing = sizePlatform(platform, scenario, catalog);
    } catch (e) {
      if (e instanceof TooLargeForHostError) {
        issues.push(tooLargeIssue(e, scenario));
        continue;
      }
      throw e;
    }
    const choice = atCheapestHostCount(sizing, scenario, catalog);
    sizing = choice.sizing;
    const { items, notes: platformNotes, warnings: platformWarnings, decisions } = choice.priced;
    if (sizing.addedHosts > 0) platformNotes.unshift(addedHostsNote(sizing, sumLineItems(choice.packed.priced.items).minus(sumLineItems(items)), scenario.horizonYears));
    const carbon = carbonOf(energyUse(sizing, catalog), grid.gCO2ePerKWh, scenario.horizonYears);
    const energy: PlatformEnergy = {
      kWhPerYear: carbon.kWhPerYear,
      kWhOverHorizon: carbon.kWhOverHorizon,
      grid,
      co2eKgPerYear: carbon.co2eKgPerYear,
      co2eKgOverHorizon: carbon.co2eKgOverHorizon,
      formula: carbon.formula,
    };
    notes.push(...platformNotes);
    warnings.push(...platformWarnings);
    results.push(platformResult(sizing, items, scenario, platformNotes, platformWarnings, decisions, energy));
  }
  if (issues.length) throw new KernelcountError(issues);
  const base = results.find((r) => r.name === scenario.baseline) ?? results[0]!;
  const comparisons = results.filter((r) => r !== base).map((r) => compare(r, base, scenario.horizonYears));
  const assumptions = catalog.assumptions();
  Object.assign(grid, gridSource(assumptions));
  const flagged = assumptions.filter((a) => a.flags.length > 0).length;
  const summary = [
    `${base.name} (baseline) needs ${base.hosts} host${base.hosts === 1 ? '' : 's'}, bound by ${RESOURCE_WORDS[base.binding]}; its electricity emits ${tonnes(base.energy.co2eKgOverHorizon)} t CO2e over ${scenario.horizonYears} years at ${grid.gCO2ePerKWh.toString()} gCO2e/kWh.`,
    ...comparisons.map((c) => c.summary),
    flagged ? `${flagged} of ${assumptions.length} defaults used are weak or older than 18 months: check them against your own figures.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return {
    scenario: { name: scenario.name, description: scenario.description, currency: scenario.currency, horizonYears: scenario.horizonYears, baseline: base.name },
    platforms: results,
    comparisons,
    assumptions,
    notes,
    warnings,
    summary,
  };
}

export type SafeResult<T> = { ok: true; value: T } | { ok: false; error: KernelcountError };

/**
 * Like `evaluate`, but never throws for bad input: returns `{ ok: true, value }` or
 * `{ ok: false, error }` where `error.issues` lists every problem with its path and code.
 *
 * @example
 * const r = safeEvaluate({ hosts: [], workloads: [] });
 * r.ok //=> false
 * r.ok || r.error.issues[0].path //=> 'hosts'
 */
export function safeEvaluate(input: unknown, options: EvaluateOptions = {}): SafeResult<Evaluation> {
  try {
    return { ok: true, value: evaluate(input, options) };
  } catch (e) {
    if (isKernelcountError(e)) return { ok: false, error: e };
    throw e;
  }
}

/** Sum of every line item's total for a platform (equals `tco`). */
export function sumLineItems(items: readonly LineItem[]): Money {
  return sumMoney(items.map((li) => li.total));
}

