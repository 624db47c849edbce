/**
 * The landing page's quick comparator: one host type, one workload, the four platform types.
 *
 * Pure logic, no React: read the form's raw text, build a scenario, let the kernelcount package
 * evaluate it, and turn the evaluation into table rows and a one-sentence summary. Every number
 * shown comes from the package; this file only picks figures out of the evaluation and words them.
 */
import { LIMITS, safeEvaluate } from 'kernelcount';
import type { Binding, Evaluation, Issue, Money, OsFamily, PlatformResult, PlatformType, Resource, ScenarioInput } from 'kernelcount';
import { formatCurrency, formatInt } from './format';

/** The numeric fields of the form, in the order they appear. */
export const NUMERIC_FIELDS = [
  'sockets',
  'coresPerSocket',
  'hostMemoryGiB',
  'hostDiskGiB',
  'hostPrice',
  'vcpus',
  'memoryGiB',
  'storageGiB',
  'instances',
] as const;
export type NumericField = (typeof NUMERIC_FIELDS)[number];
/** Every field an error can be shown at; `instance` is the instance-size group as a whole. */
export type FieldId = NumericField | 'os' | 'spareHost' | 'instance';

export interface FieldSpec {
  label: string;
  /** The field named on its own, in error messages: `Host memory (GiB)`. */
  name: string;
  /** Shown next to the label: `Memory (GiB)`. */
  unit: string;
  /** Shown under the input when it needs saying. */
  hint?: string;
  min: number;
  max: number;
  step: number;
  /** Where the package reports a problem with this field. */
  path: string;
}

const GiB_PER_MiB = 1 / 1024;

export const CURRENCY = 'USD';
/** The workload's name inside the scenario (never shown). */
const WORKLOAD = 'app';

/** Labels, units and input bounds. Upper bounds are the package's own limits where it has one. */
export const FIELDS: Record<NumericField, FieldSpec> = {
  sockets: { label: 'Sockets', name: 'Sockets per host', unit: 'per host', min: 1, max: LIMITS.sockets, step: 1, path: 'hosts[0].sockets' },
  coresPerSocket: { label: 'Cores per socket', name: 'Cores per socket', unit: 'physical cores', min: 1, max: LIMITS.coresPerSocket, step: 1, path: 'hosts[0].coresPerSocket' },
  hostMemoryGiB: { label: 'Memory', name: 'Host memory (GiB)', unit: 'GiB', min: 1, max: LIMITS.hostMemoryMiB * GiB_PER_MiB, step: 1, path: 'hosts[0].memoryGiB' },
  hostDiskGiB: { label: 'Usable disk', name: 'Host usable disk (GiB)', unit: 'GiB', min: 1, max: LIMITS.hostDiskMiB * GiB_PER_MiB, step: 1, path: 'hosts[0].diskGiB' },
  hostPrice: { label: 'Price', name: `Host price (${CURRENCY})`, unit: `${CURRENCY} per host`, min: 0, max: 100_000_000, step: 1, path: 'hosts[0].price' },
  vcpus: { label: 'CPU', name: 'Instance CPU (vCPU)', unit: 'vCPU', hint: 'fractions allowed; a VM gets whole vCPUs', min: 0.1, max: 1024, step: 0.1, path: `workloads[0].vcpus` },
  memoryGiB: { label: 'Memory', name: 'Instance memory (GiB)', unit: 'GiB', hint: "the app's own; the guest OS comes on top", min: 0.125, max: LIMITS.hostMemoryMiB * GiB_PER_MiB, step: 0.125, path: 'workloads[0].memoryGiB' },
  storageGiB: { label: 'Data disk', name: 'Instance data disk (GiB)', unit: 'GiB', min: 0, max: LIMITS.hostDiskMiB * GiB_PER_MiB, step: 1, path: 'workloads[0].storageGiB' },
  instances: { label: 'Fleet size', name: 'Fleet size (instances)', unit: 'instances', min: 1, max: LIMITS.instancesPerWorkload, step: 1, path: 'workloads[0].instances' },
};

export const OS_LABELS: Record<OsFamily, string> = { linux: 'Linux', windows: 'Windows' };

/** What the form holds: the text of each numeric input, the OS and the N+1 choice. */
export type QuickInputs = Record<NumericField, string> & { os: OsFamily; spareHost: boolean };

/** The same, read as numbers (the package reads a price through its shortest decimal string, so 38000.1 stays exact). */
export type QuickValues = Record<NumericField, number> & { os: OsFamily; spareHost: boolean };

/** A two-socket, 64-core server with 1 TiB of memory, and a small Linux service. */
export const DEFAULT_INPUTS: QuickInputs = {
  sockets: '2',
  coresPerSocket: '32',
  hostMemoryGiB: '1024',
  hostDiskGiB: '7680',
  hostPrice: '38000',
  vcpus: '2',
  memoryGiB: '4',
  storageGiB: '20',
  instances: '200',
  os: 'linux',
  spareHost: true,
};

export const PLATFORMS: readonly PlatformType[] = ['vm', 'containers', 'containers-in-vms', 'microvm'];

/** Names of the platform types, as a table row and inside a sentence. */
export const PLATFORM_LABELS: Record<PlatformType, { title: string; inSentence: string }> = {
  vm: { title: 'VMs', inSentence: 'VMs' },
  containers: { title: 'Containers', inSentence: 'containers' },
  'containers-in-vms': { title: 'Containers in VMs', inSentence: 'containers in VMs' },
  microvm: { title: 'Micro-VMs', inSentence: 'micro-VMs' },
};

/** What a binding resource is called in the table and in sentences. */
export const BINDING_WORDS: Record<Binding, string> = {
  cpu: 'CPU',
  memory: 'memory',
  disk: 'disk',
  pods: 'the pod limit',
  'cluster-size': "the cluster's minimum size",
};

export type FieldErrors = Partial<Record<FieldId, string>>;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

function fieldName(field: FieldId): string {
  if (field === 'os') return 'Guest OS';
  if (field === 'spareHost') return 'Spare host';
  if (field === 'instance') return 'Instance size';
  return FIELDS[field].name;
}

/** `Host memory (GiB): must be >= 1 GiB, got -4`: the field's name, then the problem. */
export function fieldMessage(field: FieldId, message: string): string {
  return `${fieldName(field)}: ${message}`;
}

/**
 * Reads the form's text. Empty or non-numeric text is refused here, naming the field; ranges,
 * whole numbers and everything else are the package's to judge when it evaluates.
 */
export function parseInputs(raw: QuickInputs): { ok: true; values: QuickValues } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const numbers: Partial<Record<NumericField, number>> = {};
  for (const field of NUMERIC_FIELDS) {
    const text = (raw[field] ?? '').trim();
    if (text === '') errors[field] = fieldMessage(field, 'is required');
    else if (!NUMBER.test(text)) errors[field] = fieldMessage(field, 'must be a number');
    else numbers[field] = Number(text);
  }
  if (raw.os !== 'linux' && raw.os !== 'windows') errors.os = fieldMessage('os', 'must be Linux or Windows');
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const n = numbers as Record<NumericField, number>;
  return {
    ok: true,
    values: {
      sockets: n.sockets,
      coresPerSocket: n.coresPerSocket,
      hostMemoryGiB: n.hostMemoryGiB,
      hostDiskGiB: n.hostDiskGiB,
      hostPrice: n.hostPrice,
      vcpus: n.vcpus,
      memoryGiB: n.memoryGiB,
      storageGiB: n.storageGiB,
      instances: n.instances,
      os: raw.os,
      spareHost: raw.spareHost,
    },
  };
}

/** The scenario the package evaluates: one host type, one workload, all four platform types. */
export function buildScenario(v: QuickValues): ScenarioInput {
  return {
    name: 'Quick comparison',
    currency: CURRENCY,
    hosts: [
      {
        name: 'server',
        sockets: v.sockets,
        coresPerSocket: v.coresPerSocket,
        memoryGiB: v.hostMemoryGiB,
        diskGiB: v.hostDiskGiB,
        price: v.hostPrice,
      },
    ],
    workloads: [
      {
        name: WORKLOAD,
        instances: v.instances,
        os: v.os,
        vcpus: v.vcpus,
        memoryGiB: v.memoryGiB,
        storageGiB: v.storageGiB,
      },
    ],
    platforms: PLATFORMS.map((type) => ({ type })),
    policy: { ha: { spareHosts: v.spareHost ? 1 : 0 } },
  };
}

/** Maps the package's issues to the fields they concern; the rest are for the whole form. */
export function mapIssues(issues: readonly Issue[]): { fields: FieldErrors; form: string[] } {
  const fields: FieldErrors = {};
  const form: string[] = [];
  const add = (field: FieldId, message: string) => {
    const m = fieldMessage(field, message);
    fields[field] = fields[field] ? `${fields[field]}; ${message}` : m;
  };
  for (const issue of issues) {
    const numeric = NUMERIC_FIELDS.find((f) => FIELDS[f].path === issue.path);
    if (numeric) add(numeric, issue.message);
    else if (issue.path === 'workloads[0].os') add('os', issue.message);
    else if (issue.path === 'policy.ha.spareHosts') add('spareHost', issue.message);
    // The only problem with the list of workloads as a whole: every one has 0 instances.
    else if (issue.path === 'workloads') add('instances', issue.message);
    else if (issue.path === 'workloads[0]') add('instance', issue.message);
    else form.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message);
  }
  return { fields, form };
}

/** One platform type's answer. */
export type QuickRow =
  | {
      type: PlatformType;
      fits: true;
      /** Most instances of this size alone on one host (the package's `maxPerHost`). */
      perHost: number;
      /** What stops one more instance on that host. */
      perHostBinding: Resource;
      /** Hosts to buy for the fleet, spares included: load hosts plus spares. */
      hosts: number;
      loadHosts: number;
      spareHosts: number;
      /** Load hosts beyond the fewest that fit, because they cost less than the licences they save. */
      addedHosts: number;
      /** What fills first across the fleet: a resource or the cluster's minimum size. */
      binding: Binding;
      /** Cost of ownership over the horizon per instance and month. */
      costPerInstanceMonth: Money;
    }
  | { type: PlatformType; fits: false; reason: string };

export interface QuickResult {
  values: QuickValues;
  rows: QuickRow[];
  summary: string;
  horizonYears: number;
  currency: string;
  scenario: ScenarioInput;
}

export type QuickOutcome = { ok: true; result: QuickResult } | { ok: false; fields: FieldErrors; form: string[] };

/** Picks one platform's figures out of an evaluation. */
export function rowFrom(p: PlatformResult): QuickRow {
  // The workload sits in one pool (its OS family's); a Windows fleet also has a Linux pool for the
  // control plane, with no workloads in it.
  const w = p.pools.flatMap((pool) => pool.workloads).find((x) => x.workload === WORKLOAD);
  if (!w) throw new Error(`platform ${p.name} has no result for the workload`);
  return {
    type: p.type,
    fits: true,
    perHost: w.maxPerHost,
    perHostBinding: w.binding,
    hosts: p.hosts,
    loadHosts: p.loadHosts,
    spareHosts: p.spareHosts,
    addedHosts: p.addedHosts,
    binding: p.binding,
    costPerInstanceMonth: p.costPerInstanceMonth,
  };
}

/** Rows in the order of PLATFORMS, from an evaluation of the quick scenario. */
export function rowsFrom(evaluation: Evaluation): QuickRow[] {
  return PLATFORMS.map((type) => {
    const p = evaluation.platforms.find((x) => x.type === type);
    if (!p) throw new Error(`the evaluation has no ${type} platform`);
    return rowFrom(p);
  });
}

function list(items: string[], last = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${last} ${items[items.length - 1]}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

type FitRow = Extract<QuickRow, { fits: true }>;

/** Rows with equal keys together, groups in the order of `compare`, platforms in table order inside. */
function groupBy<K>(rows: readonly FitRow[], key: (r: FitRow) => K, compare: (a: K, b: K) => number, same: (a: K, b: K) => boolean): Array<{ key: K; rows: FitRow[] }> {
  const groups: Array<{ key: K; rows: FitRow[] }> = [];
  for (const r of rows) {
    const k = key(r);
    const g = groups.find((x) => same(x.key, k));
    if (g) g.rows.push(r);
    else groups.push({ key: k, rows: [r] });
  }
  return groups.sort((a, b) => compare(a.key, b.key));
}

/**
 * A few plain sentences from the rows' numbers, e.g. "Containers fit 50 per host, VMs 47,
 * micro-VMs 44, containers in VMs 33, all bound by CPU. For 200 instances you need 6 hosts as
 * VMs, containers or micro-VMs; 8 as containers in VMs. ..."
 */
export function summarize(rows: readonly QuickRow[], instances: number, currency: string): string {
  const fit = rows.filter((r): r is FitRow => r.fits);
  const misfit = rows.filter((r): r is Extract<QuickRow, { fits: false }> => !r.fits);
  const names = (rs: readonly QuickRow[], last: string) => list(rs.map((r) => PLATFORM_LABELS[r.type].inSentence), last);
  const sentences: string[] = [];
  if (fit.length > 0) {
    const sameBinding = fit.every((r) => r.perHostBinding === fit[0]!.perHostBinding);
    const density = groupBy(fit, (r) => r.perHost, (a, b) => b - a, (a, b) => a === b);
    const parts = density.map((g, i) => {
      const bound = sameBinding ? '' : ` (${list([...new Set(g.rows.map((r) => BINDING_WORDS[r.perHostBinding]))], 'or')})`;
      return i === 0
        ? `${names(g.rows, 'and')} fit ${formatInt(g.key)} per host${bound}`
        : `${names(g.rows, 'and')} ${formatInt(g.key)}${bound}`;
    });
    let s = capitalize(parts.join(', '));
    if (sameBinding) s += `, ${fit.length > 1 ? 'all ' : ''}bound by ${BINDING_WORDS[fit[0]!.perHostBinding]}`;
    sentences.push(`${s}.`);

    const hosts = groupBy(fit, (r) => r.hosts, (a, b) => a - b, (a, b) => a === b);
    const hostParts = hosts.map((g, i) => `${formatInt(g.key)}${i === 0 ? ` host${g.key === 1 ? '' : 's'}` : ''} as ${names(g.rows, 'or')}`);
    sentences.push(`For ${formatInt(instances)} instance${instances === 1 ? '' : 's'} you need ${hostParts.join('; ')}.`);

    const money = (m: Money) => formatCurrency(m, currency, 2);
    const cost = groupBy(fit, (r) => r.costPerInstanceMonth, (a, b) => a.comparedTo(b), (a, b) => a.eq(b));
    const cheapest = cost[0]!;
    const dearest = cost[cost.length - 1]!;
    if (cost.length > 1) {
      sentences.push(
        `Cheapest per instance: ${names(cheapest.rows, 'and')} at ${money(cheapest.key)} a month, against ${money(dearest.key)} as ${names(dearest.rows, 'or')}.`,
      );
    } else {
      const how = misfit.length > 0 ? `as ${names(cheapest.rows, 'or')}` : 'whichever way it runs';
      sentences.push(`Each instance costs ${money(cheapest.key)} a month ${how}.`);
    }
  }
  if (misfit.length > 0) {
    sentences.push(`An instance of this size does not fit as ${names(misfit, 'or')}.`);
  }
  return sentences.join(' ');
}

function resultFrom(values: QuickValues, scenario: ScenarioInput, rows: QuickRow[], evaluation: Evaluation): QuickResult {
  return {
    values,
    rows,
    summary: summarize(rows, values.instances, evaluation.scenario.currency),
    horizonYears: evaluation.scenario.horizonYears,
    currency: evaluation.scenario.currency,
    scenario,
  };
}

/**
 * Evaluates parsed values. When one platform type cannot hold even one instance (a big instance
 * does not fit a node VM, say), the package refuses the whole scenario; the platform types are then
 * evaluated one at a time so the others still answer and the one that cannot says why.
 */
export function evaluateQuick(values: QuickValues): QuickOutcome {
  const scenario = buildScenario(values);
  const all = safeEvaluate(scenario);
  if (all.ok) return { ok: true, result: resultFrom(values, scenario, rowsFrom(all.value), all.value) };
  const issues = all.error.issues;
  if (!issues.every((i) => i.code === 'does_not_fit')) return { ok: false, ...mapIssues(issues) };
  let last: Evaluation | undefined;
  const rows: QuickRow[] = PLATFORMS.map((type) => {
    const one = safeEvaluate({ ...scenario, platforms: [{ type }] });
    if (!one.ok) return { type, fits: false, reason: one.error.issues.map((i) => shortMisfit(i.message)).join('; ') };
    last = one.value;
    return rowFrom(one.value.platforms[0]!);
  });
  if (!last) {
    const first = rows[0] as Extract<QuickRow, { fits: false }>;
    const message = `fits none of the four platform types (as ${PLATFORM_LABELS[first.type].inSentence}, ${first.reason})`;
    return { ok: false, fields: { instance: fieldMessage('instance', message) }, form: [] };
  }
  return { ok: true, result: resultFrom(values, scenario, rows, last) };
}

/**
 * The package names the workload and platform in a does-not-fit message; the row already says
 * which platform, and the workload is the one on the form. Any other message is kept whole.
 */
function shortMisfit(message: string): string {
  return message.replace(/^one instance of "[^"]*" on platform "[^"]*" /, 'one instance ');
}

/** Text of the form in, table rows and summary (or errors by field) out. */
export function quickCompare(raw: QuickInputs): QuickOutcome {
  const parsed = parseInputs(raw);
  if (!parsed.ok) return { ok: false, fields: parsed.errors, form: [] };
  return evaluateQuick(parsed.values);
}
