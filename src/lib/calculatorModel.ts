/**
 * The calculator's logic, kept out of the components so it can be tested without a browser:
 * editing the scenario by path, reading numbers typed into fields, mapping the package's issues to
 * fields, and shaping an evaluation into chart data, tables and sentences. Every number shown comes
 * from `kernelcount`; this module only picks, groups and formats.
 */
import { CATEGORIES, LAYERS, LAYER_LABELS, type Category, type Evaluation, type Issue, type Layer, type PlatformResult } from 'kernelcount';
import { formatCurrency, formatInt } from './format';

export type Path = ReadonlyArray<string | number>;
export type Draft = Record<string, unknown>;

/** A path as the package writes it in issues: `workloads[2].memoryGiB`, `catalog["power.pue"]`. */
export function pathKey(path: Path): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

/** Reads a value at a path (undefined when any step is missing). */
export function getAt(obj: unknown, path: Path): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[p];
  }
  return cur;
}

/**
 * A copy of `obj` with `value` at `path` (undefined removes the key), creating objects and arrays
 * on the way; the input is never mutated, so React sees a new object.
 */
export function setAt<T>(obj: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const base: unknown = obj ?? (typeof head === 'number' ? [] : {});
  if (Array.isArray(base)) {
    const copy = [...base];
    copy[head as number] = setAt(copy[head as number], rest, value);
    return copy as T;
  }
  const copy = { ...(base as Record<string, unknown>) };
  const next = setAt(copy[head as string], rest, value);
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy as T;
}

/** Removes item `index` of the list at `path`. */
export function removeAt<T>(obj: T, path: Path, index: number): T {
  const list = getAt(obj, path);
  if (!Array.isArray(list)) return obj;
  return setAt(obj, path, list.filter((_, i) => i !== index));
}

/** A name not yet used in `taken`: `api`, `api (2)`, `api (3)`... */
export function uniqueName(base: string, taken: readonly string[]): string {
  const stem = base.replace(/ \(\d+\)$/, '');
  if (!taken.includes(stem)) return stem;
  for (let i = 2; ; i++) if (!taken.includes(`${stem} (${i})`)) return `${stem} (${i})`;
}

export type ParsedNumber = { ok: true; value: number | undefined } | { ok: false; message: string };

/**
 * Reads a number typed into a field. Empty means "not set" (the default applies) for optional
 * fields and is an error for required ones; anything else must be a plain finite number.
 */
export function parseNumberField(text: string, opts: { required?: boolean; integer?: boolean; min?: number; max?: number; unit?: string } = {}): ParsedNumber {
  const t = text.trim().replace(/,/g, '');
  const unit = opts.unit ? ` ${opts.unit}` : '';
  if (t === '') return opts.required ? { ok: false, message: 'is required' } : { ok: true, value: undefined };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t)) return { ok: false, message: `must be a number${opts.unit ? ` of ${opts.unit}` : ''}, got "${text.slice(0, 40)}"` };
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, message: `must be a finite number${unit}` };
  if (opts.integer && !Number.isInteger(n)) return { ok: false, message: `must be a whole number${unit}` };
  if (opts.min !== undefined && n < opts.min) return { ok: false, message: `must be at least ${opts.min}${unit}` };
  if (opts.max !== undefined && n > opts.max) return { ok: false, message: `must be at most ${opts.max}${unit}` };
  return { ok: true, value: n };
}

/** The package's issues by field path, for showing each at its field. */
export function issuesByPath(issues: readonly Issue[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const i of issues) out.set(i.path, [...(out.get(i.path) ?? []), i.message]);
  return out;
}

/** Issues no field of the editor shows (they go in the summary list at the top). */
export function unplacedIssues(issues: readonly Issue[], shown: ReadonlySet<string>): Issue[] {
  return issues.filter((i) => !shown.has(i.path));
}

/* ------------------------------------------------------------------------------------------ */
/* Results shaped for charts and tables                                                       */

export interface TableData {
  caption: string;
  columns: string[];
  /** Which columns hold numbers (right-aligned). */
  numeric: boolean[];
  rows: string[][];
}

export interface Series {
  label: string;
  data: number[];
  /** Colour key: a platform type, layer or category. */
  key: string;
  type?: 'bar' | 'line';
  stack?: string;
}

export interface ChartData {
  id: string;
  title: string;
  /** One sentence that says what the chart shows, with its numbers. */
  summary: string;
  kind: 'bar' | 'stacked-bar' | 'bar-line' | 'line';
  labels: string[];
  series: Series[];
  /** Axis titles. */
  x: string;
  y: string;
  /** Horizontal bars read better for long labels. */
  horizontal?: boolean;
  /** The value axis and tooltips show money in this currency (Intl, in the chart's own chunk). */
  money?: { currency: string };
  table: TableData;
}

const LAYER_WORDS: Record<Layer | 'free', string> = { ...LAYER_LABELS };

function gib(mib: number): number {
  return Math.round((mib / 1024) * 10) / 10;
}

/** Hosts per platform, load and HA spares. */
export function hostsChart(e: Evaluation): ChartData {
  const ps = e.platforms;
  const most = [...ps].sort((a, b) => b.hosts - a.hosts)[0];
  const least = [...ps].sort((a, b) => a.hosts - b.hosts)[0];
  return {
    id: 'hosts',
    title: 'Hosts needed per platform',
    summary:
      ps.length > 1 && most && least
        ? `${least.name} needs the fewest hosts (${least.hosts}), ${most.name} the most (${most.hosts}); spares for failover are included.`
        : `${ps[0]?.name ?? 'The platform'} needs ${ps[0]?.hosts ?? 0} hosts, spares included.`,
    kind: 'stacked-bar',
    labels: ps.map((p) => p.name),
    series: [
      { label: 'hosts carrying load', data: ps.map((p) => p.loadHosts), key: 'load', stack: 'h' },
      { label: 'spare hosts (HA)', data: ps.map((p) => p.spareHosts), key: 'spare', stack: 'h' },
    ],
    x: 'platform',
    y: 'hosts',
    table: {
      caption: 'Hosts per platform',
      columns: ['platform', 'load hosts', 'spare hosts', 'hosts', 'binding resource', 'instances per host'],
      numeric: [false, true, true, true, false, true],
      rows: ps.map((p) => [p.name, formatInt(p.loadHosts), formatInt(p.spareHosts), formatInt(p.hosts), p.binding, String(p.instancesPerHost)]),
    },
  };
}

/** Memory (or disk) of an average host, stacked by layer, per platform. */
export function layersChart(e: Evaluation, resource: 'memoryMiB' | 'diskMiB'): ChartData {
  const ps = e.platforms;
  const keys: Array<Layer | 'free'> = [...LAYERS, 'free'];
  const what = resource === 'memoryMiB' ? 'memory' : 'disk';
  const overhead = (p: PlatformResult) => LAYERS.filter((l) => l !== 'app').reduce((a, l) => a + p.layersPerHost[resource][l], 0);
  const worst = [...ps].sort((a, b) => overhead(b) - overhead(a))[0];
  return {
    id: `layers-${what}`,
    title: `Where an average host's ${what} goes (GiB)`,
    summary: worst
      ? `Per host, ${worst.name} spends the most ${what} on overhead: ${gib(overhead(worst))} GiB on host reserve, hypervisor, guest OS and runtime, against ${gib(worst.layersPerHost[resource].app)} GiB for the workloads.`
      : '',
    kind: 'stacked-bar',
    labels: ps.map((p) => p.name),
    series: keys.map((k) => ({ label: LAYER_WORDS[k], data: ps.map((p) => gib(p.layersPerHost[resource][k])), key: k, stack: 'l' })),
    x: 'platform',
    y: 'GiB per host',
    table: {
      caption: `${what[0]!.toUpperCase()}${what.slice(1)} per average host by layer (GiB)`,
      columns: ['platform', ...keys.map((k) => LAYER_WORDS[k])],
      numeric: [false, ...keys.map(() => true)],
      rows: ps.map((p) => [p.name, ...keys.map((k) => String(gib(p.layersPerHost[resource][k])))]),
    },
  };
}

function largestCategory(p: PlatformResult): string {
  return [...CATEGORIES].sort((a, b) => p.costByCategory[b].comparedTo(p.costByCategory[a]))[0] ?? 'hardware';
}

/** Cost of one year per platform, stacked by category (the package's first-year split; years are alike). */
export function costChart(e: Evaluation): ChartData {
  const ps = e.platforms;
  const cur = e.scenario.currency;
  const perYear = (p: PlatformResult, c: Category) => p.yearlyCostByCategory[c][0] ?? p.tco.times(0);
  const cats = CATEGORIES.filter((c) => ps.some((p) => !perYear(p, c).isZero()));
  const total = (p: PlatformResult) => p.yearlyCost[0] ?? p.tco.times(0);
  const cheapest = [...ps].sort((a, b) => total(a).comparedTo(total(b)))[0];
  return {
    id: 'cost',
    title: `Cost per year by category (${cur})`,
    summary: cheapest
      ? `${cheapest.name} costs least a year: ${formatCurrency(total(cheapest), cur)}` + (ps.length > 1 ? `; its largest category is ${largestCategory(cheapest)}.` : '.')
      : '',
    kind: 'stacked-bar',
    labels: ps.map((p) => p.name),
    series: cats.map((c) => ({ label: c, data: ps.map((p) => perYear(p, c).toDecimalPlaces(0).toNumber()), key: c, stack: 'c' })),
    x: 'platform',
    y: `${cur} a year`,
    money: { currency: cur },
    table: {
      caption: `Cost per year by category (${cur}); over ${e.scenario.horizonYears} years in the last column`,
      columns: ['platform', ...cats, 'a year', `${e.scenario.horizonYears} years`],
      numeric: [false, ...cats.map(() => true), true, true],
      rows: ps.map((p) => [p.name, ...cats.map((c) => formatCurrency(perYear(p, c), cur)), formatCurrency(total(p), cur), formatCurrency(p.tco, cur)]),
    },
  };
}

/** Cumulative cost year by year per platform. */
export function cumulativeChart(e: Evaluation): ChartData {
  const ps = e.platforms;
  const cur = e.scenario.currency;
  const years = Array.from({ length: e.scenario.horizonYears }, (_, i) => `year ${i + 1}`);
  const cumulative = (p: PlatformResult) => p.cumulativeCost.map((m) => m.toNumber());
  const byEnd = [...ps].sort((a, b) => a.tco.comparedTo(b.tco));
  return {
    id: 'cumulative',
    title: `Cumulative cost (${cur})`,
    summary:
      byEnd.length > 1
        ? `After ${e.scenario.horizonYears} years ${byEnd[0]!.name} has cost ${formatCurrency(byEnd[0]!.tco, cur)} and ${byEnd.at(-1)!.name} ${formatCurrency(byEnd.at(-1)!.tco, cur)}.`
        : `After ${e.scenario.horizonYears} years: ${formatCurrency(ps[0]?.tco ?? 0, cur)}.`,
    kind: 'line',
    labels: years,
    series: ps.map((p) => ({ label: p.name, data: cumulative(p).map((v) => Math.round(v)), key: p.type, type: 'line' })),
    x: 'year',
    y: cur,
    money: { currency: cur },
    table: {
      caption: `Cumulative cost by year (${cur})`,
      columns: ['platform', ...years],
      numeric: [false, ...years.map(() => true)],
      rows: ps.map((p) => [p.name, ...cumulative(p).map((v) => formatCurrency(v, cur))]),
    },
  };
}

/** Cost per instance per month per platform. */
export function perInstanceChart(e: Evaluation): ChartData {
  const ps = e.platforms;
  const cur = e.scenario.currency;
  const sorted = [...ps].sort((a, b) => a.costPerInstanceMonth.comparedTo(b.costPerInstanceMonth));
  return {
    id: 'per-instance',
    title: `Cost per instance-month (${cur})`,
    summary: sorted[0] ? `One instance costs ${formatCurrency(sorted[0].costPerInstanceMonth, cur, 2)} a month on ${sorted[0].name}` + (sorted.length > 1 ? ` and ${formatCurrency(sorted.at(-1)!.costPerInstanceMonth, cur, 2)} on ${sorted.at(-1)!.name}.` : '.') : '',
    kind: 'bar',
    labels: ps.map((p) => p.name),
    series: [{ label: 'cost per instance-month', data: ps.map((p) => p.costPerInstanceMonth.toDecimalPlaces(2).toNumber()), key: 'per-instance' }],
    x: 'platform',
    y: `${cur} per instance-month`,
    money: { currency: cur },
    table: {
      caption: `Cost per instance-month (${cur})`,
      columns: ['platform', 'instances', 'cost per instance-month'],
      numeric: [false, true, true],
      rows: ps.map((p) => [p.name, formatInt(p.instances), formatCurrency(p.costPerInstanceMonth, cur, 2)]),
    },
  };
}

/** Share of all hosts' memory used by the workloads, by overhead, and left idle (the package's figures). */
export function efficiency(p: PlatformResult): { app: number; overhead: number; idle: number } {
  const m = p.efficiency.memory;
  return { app: m.workloads, overhead: m.overhead, idle: m.idle };
}

export function efficiencyChart(e: Evaluation): ChartData {
  const ps = e.platforms;
  const pct = (x: number) => Math.round(x * 1000) / 10;
  const best = [...ps].sort((a, b) => efficiency(b).app - efficiency(a).app)[0];
  return {
    id: 'efficiency',
    title: 'Efficiency: share of host memory used by workloads, overhead and idle (%)',
    summary: best ? `${best.name} puts the largest share of host memory to work: ${pct(efficiency(best).app)}% for the workloads, ${pct(efficiency(best).overhead)}% overhead, ${pct(efficiency(best).idle)}% idle.` : '',
    kind: 'stacked-bar',
    horizontal: true,
    labels: ps.map((p) => p.name),
    series: [
      { label: 'workloads', data: ps.map((p) => pct(efficiency(p).app)), key: 'app', stack: 'e' },
      { label: 'overhead', data: ps.map((p) => pct(efficiency(p).overhead)), key: 'hypervisor', stack: 'e' },
      { label: 'idle', data: ps.map((p) => pct(efficiency(p).idle)), key: 'free', stack: 'e' },
    ],
    x: '% of host memory',
    y: 'platform',
    table: {
      caption: 'Share of all host memory (%)',
      columns: ['platform', 'workloads', 'overhead', 'idle'],
      numeric: [false, true, true, true],
      rows: ps.map((p) => [p.name, `${pct(efficiency(p).app)}%`, `${pct(efficiency(p).overhead)}%`, `${pct(efficiency(p).idle)}%`]),
    },
  };
}

/** Licensing options the engine weighed for each host group, per year per host. */
export function licensingChart(e: Evaluation): ChartData | null {
  const rows: Array<{ label: string; chosen: number; others: Array<{ label: string; cost: number }>; breakEven: string | null }> = [];
  for (const p of e.platforms) {
    for (const d of p.licensing) {
      const g = d.hostGroups[0];
      if (!g || !g.chosen.annualCost) continue;
      const others = g.rejected.filter((r) => r.annualCost !== null).map((r) => ({ label: r.label, cost: r.annualCost!.toDecimalPlaces(0).toNumber() }));
      if (others.length === 0) continue;
      rows.push({ label: `${p.name}: ${d.subject} (${g.guests} guests per host)`, chosen: g.chosen.annualCost.toDecimalPlaces(0).toNumber(), others, breakEven: g.breakEven?.text ?? null });
    }
  }
  if (rows.length === 0) return null;
  const cur = e.scenario.currency;
  const names = [...new Set(rows.flatMap((r) => r.others.map((o) => o.label)))];
  return {
    id: 'licensing',
    title: `Licensing options considered, per host per year (${cur})`,
    summary: rows.map((r) => `${r.label}: chosen option ${formatCurrency(r.chosen, cur)} a year${r.breakEven ? `; ${r.breakEven}` : ''}.`).join(' '),
    kind: 'bar',
    horizontal: true,
    labels: rows.map((r) => r.label),
    series: [
      { label: 'chosen option', data: rows.map((r) => r.chosen), key: 'chosen' },
      ...names.map((n, i) => ({ label: n, data: rows.map((r) => r.others.find((o) => o.label === n)?.cost ?? 0), key: `other-${i}` })),
    ],
    x: cur,
    y: '',
    money: { currency: cur },
    table: {
      caption: `Licensing options per host per year (${cur})`,
      columns: ['decision', 'chosen', 'other options', 'break-even'],
      numeric: [false, true, false, false],
      rows: rows.map((r) => [r.label, formatCurrency(r.chosen, cur), r.others.map((o) => `${o.label}: ${formatCurrency(o.cost, cur)}`).join('; '), r.breakEven ?? '']),
    },
  };
}

/** A point of the density curve: instances of one size that fit a host, per platform. */
export interface DensityPoint {
  memoryGiB: number;
  perHost: Record<string, number>;
}

/** Instance sizes the density curve is drawn at (GiB of application memory). */
export const DENSITY_SIZES = [0.25, 0.5, 1, 2, 4, 8, 16] as const;

/**
 * A scenario for one point of the density curve: the draft's first host and platforms, one
 * workload of `memoryGiB` with a quarter vCPU per GiB (at least 0.25), many instances, no HA
 * spares, so that instances per load host reads the packing density.
 */
export function densityScenario(draft: Draft, memoryGiB: number): Draft {
  const hosts = Array.isArray(draft['hosts']) ? draft['hosts'].slice(0, 1) : [];
  const platforms = Array.isArray(draft['platforms'])
    ? (draft['platforms'] as Array<Record<string, unknown>>).map((p) => ({ ...p, host: undefined }))
    : undefined;
  const out: Draft = {
    hosts,
    workloads: [{ name: 'probe', instances: 2000, vcpus: Math.max(0.25, memoryGiB / 4), memoryGiB, imageMiB: 100 }],
    policy: { ...(draft['policy'] as object | undefined), ha: { spareHosts: 0 } },
  };
  if (platforms) out['platforms'] = platforms.map((p) => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined)));
  if (draft['catalog']) out['catalog'] = draft['catalog'];
  if (draft['catalogVersions']) out['catalogVersions'] = draft['catalogVersions'];
  return out;
}

export function densityChart(points: readonly DensityPoint[], platforms: readonly PlatformResult[]): ChartData {
  const names = platforms.map((p) => p.name);
  const small = points[0];
  const large = points.at(-1);
  const ratio = (pt: DensityPoint | undefined) => {
    if (!pt) return '';
    const vals = names.map((n) => pt.perHost[n] ?? 0).filter((v) => v > 0);
    return vals.length > 1 ? `${(Math.max(...vals) / Math.min(...vals)).toFixed(1)}x` : '';
  };
  return {
    id: 'density',
    title: 'Density: instances per host by instance size',
    summary: small && large ? `At ${small.memoryGiB} GiB per instance the densest platform fits ${ratio(small)} as many per host as the least dense; at ${large.memoryGiB} GiB the gap is ${ratio(large)}: per-instance overhead matters most for small instances.` : '',
    kind: 'line',
    labels: points.map((p) => `${p.memoryGiB} GiB`),
    series: platforms.map((p) => ({ label: p.name, data: points.map((pt) => pt.perHost[p.name] ?? 0), key: p.type, type: 'line' })),
    x: 'application memory per instance',
    y: 'instances per host',
    table: {
      caption: 'Instances per host by instance size',
      columns: ['instance size', ...names],
      numeric: [false, ...names.map(() => true)],
      rows: points.map((pt) => [`${pt.memoryGiB} GiB, ${Math.max(0.25, pt.memoryGiB / 4)} vCPU`, ...names.map((n) => String(pt.perHost[n] ?? 0))]),
    },
  };
}

/** The headline sentence: fewest hosts and cheapest, with the binding resource and main driver. */
export function headline(e: Evaluation): string {
  return e.summary;
}

/** Line items of a platform grouped by category, for the expandable tables. */
export function lineItemsByCategory(p: PlatformResult): Array<{ category: Category; items: PlatformResult['lineItems'] }> {
  return CATEGORIES.map((c) => ({ category: c, items: p.lineItems.filter((li) => li.category === c) })).filter((g) => g.items.length > 0);
}
