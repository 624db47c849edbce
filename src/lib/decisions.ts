/**
 * The calculator's "Decisions" panel, the pure part: the package's break-even and sensitivity
 * results shaped into sentences, chart data and tables, and the messages the page and its worker
 * exchange. Every figure comes from `kernelcount` (`listInputs`, `breakEven`, `licenceBreakEvens`,
 * `sensitivity`); this module only picks, orders, words and rounds for display. It runs in the
 * decisions worker (which sends the plain results to the page) and in the tests.
 */
import { money, type BreakEvenResult, type CostPoint, type Evaluation, type Money, type NumericInput, type SensitivityResult, type SensitivityRow, type SensitivitySide } from 'kernelcount';
import { formatCurrency } from './format';
import type { TableData } from './calculatorModel';

/* ------------------------------------------------------------------------------------------ */
/* Messages between the page and the worker                                                    */

export type DecisionsRequest =
  | {
      type: 'break-even';
      id: number;
      scenario: unknown;
      today: string;
      /** The scenario's currency (from its evaluation), for the input list's units. */
      currency: string;
      between: [string, string];
      /** Path of the input; null picks the default (the first workload's instances). */
      input: string | null;
      /** Both ends as typed, or null for the package's default range. */
      range: { low: string; high: string } | null;
    }
  | {
      type: 'sensitivity';
      id: number;
      scenario: unknown;
      today: string;
      between: [string, string];
      /** Share each input moves by, e.g. '0.2' for +/-20%. */
      share: string;
    }
  /** Stops the sensitivity run with this id (a newer scenario or pair replaced it). */
  | { type: 'cancel'; id: number };

export type DecisionsResponse =
  | { type: 'break-even'; id: number; inputs: InputOption[]; input: string | null; view: BreakEvenView | null; error: string | null; licences: string[]; ms: number }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'sensitivity'; id: number; view: SensitivityView; ms: number }
  | { type: 'error'; id: number; kind: 'break-even' | 'sensitivity'; message: string };

/* ------------------------------------------------------------------------------------------ */
/* Charts the panel draws (its own chart component: a line chart on a value axis with markers,  */
/* and a tornado of floating bars), each with its table and a one-sentence summary.             */

export interface XYSeries {
  /** Platform name (also the colour key). */
  label: string;
  points: Array<{ x: number; y: number }>;
}

export interface Marker {
  x: number;
  label: string;
  kind: 'break-even' | 'current' | 'base' | 'zero';
}

export interface XYChartData {
  id: string;
  title: string;
  summary: string;
  x: string;
  y: string;
  /** The currency of the money axis (y) and tooltips. */
  currency: string;
  series: XYSeries[];
  markers: Marker[];
  table: TableData;
}

export interface TornadoChartData {
  id: string;
  title: string;
  summary: string;
  x: string;
  /** The currency of the money axis (x) and tooltips. */
  currency: string;
  /** One per bar, top (largest swing) first, on one or two lines. */
  labels: string[][];
  /** Bars from the base difference to the difference with the input low / high; null where that side was invalid. */
  low: Array<[number, number] | null>;
  high: Array<[number, number] | null>;
  lowLabel: string;
  highLabel: string;
  markers: Marker[];
  table: TableData;
}

/** One choice of the input select. */
export interface InputOption {
  path: string;
  /** In words, with the current value and unit: `instances of api (24 instances)`. */
  text: string;
  group: string;
  /** Unit with the currency code in place of `currency`. */
  unit: string;
  value: string;
  source: 'scenario' | 'default';
}

export interface BreakEvenView {
  input: string;
  /** The input in words, e.g. `instances of api`. */
  words: string;
  unit: string;
  kind: BreakEvenResult['kind'];
  between: [string, string];
  /** The answer in one sentence. */
  sentence: string;
  /** The costs either side (step) or at the value (equal), in a sentence; empty for `none`. */
  detail: string;
  /** The package's own sentence (paths and exact figures). */
  packageText: string;
  notes: string[];
  range: { low: string; high: string };
  chart: XYChartData;
}

export interface SensitivityFailure {
  input: string;
  words: string;
  side: 'low' | 'high';
  value: string;
  messages: string[];
}

export interface SensitivityView {
  between: [string, string];
  /** e.g. `+/-20%` or `-10%/+30%`. */
  rangeText: string;
  /** The answer in one sentence: the input that matters most. */
  sentence: string;
  /** Which platform is cheaper at the base, by how much; and which inputs flip it. */
  detail: string;
  chart: TornadoChartData;
  /** Every input, ranked, with notes and errors. */
  all: TableData;
  failures: SensitivityFailure[];
  inputs: number;
  evaluations: number;
}

/* ------------------------------------------------------------------------------------------ */
/* Inputs in words                                                                             */

/** Words that keep their capital at the start of a label. */
const PROPER = /^(Linux|Windows|Kata|Kubernetes|Microsoft|Hyper-V|Oracle|RHEL|VMware|AKS|EKS|GKE|SQL|ESXi|KVM|Red|Firecracker|Generic kubeadm)\b/;

/** A unit with the scenario's currency in place of `currency`. */
export function unitText(unit: string, currency: string): string {
  return unit.replace(/\bcurrency\b/g, currency);
}

/**
 * An input in words, for sentences and the select: `instances of api`, `purchase price per host
 * (2x32-core 1 TiB)`, `CPU overcommit on vmware`, `electricity price`.
 */
export function inputWords(input: Pick<NumericInput, 'path' | 'label'>): string {
  const m = /^(.*) \((workload|host|platform) (.*)\)$/.exec(input.label);
  if (m) {
    const [, what, kind, name] = m as unknown as [string, string, string, string];
    if (kind === 'workload') return `${what} of ${name}`;
    if (kind === 'platform') return `${what} on ${name}`;
    return `${what} (${name})`;
  }
  // Catalog labels describe the default's source in a trailing parenthesis: not the quantity.
  let words = input.label.replace(/\s*\([^()]*\)$/, '');
  if (!PROPER.test(words) && /^[A-Z][a-z-]/.test(words)) words = words[0]!.toLowerCase() + words.slice(1);
  return words || input.path;
}

/** Which group of the select an input belongs to. */
export function inputGroup(input: Pick<NumericInput, 'path' | 'source'>): string {
  const p = input.path;
  if (p.startsWith('workloads[')) return 'Workloads';
  if (p.startsWith('hosts[')) return 'Hosts';
  if (p.startsWith('platforms[')) return 'Platforms';
  if (p.startsWith('policy.')) return 'Policy';
  if (p === 'horizonYears') return 'Horizon';
  if (input.source === 'default') return p.startsWith('prices.') ? 'Prices (defaults)' : 'Catalog defaults';
  return p.startsWith('prices.') ? 'Prices' : 'Catalog';
}

const GROUP_ORDER = ['Workloads', 'Hosts', 'Platforms', 'Policy', 'Prices', 'Horizon', 'Catalog', 'Prices (defaults)', 'Catalog defaults'];

/** Grouping in a number's integer part, exact decimals (at most `decimals`) after the point. */
export function formatNumber(v: Money, decimals = 6): string {
  const text = v.toDecimalPlaces(decimals).toFixed();
  const neg = text.startsWith('-');
  const [int, frac] = (neg ? text.slice(1) : text).split('.') as [string, string | undefined];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Units that are plural nouns: one of them is written singular. */
const COUNTED = new Set(['instances', 'sockets', 'cores', 'threads', 'hosts', 'pods', 'years', 'guests']);

/** An input's value with its unit: `24 instances`, `38,000 USD`, `0.12 USD/kWh`, `8%`, `1.5`. */
export function formatValue(v: Money, unit: string, currency: string): string {
  if (unit === currency) return formatCurrency(v, currency, v.isInteger() ? 0 : 2);
  if (unit === '%') return `${formatNumber(v)}%`;
  if (unit === '' || unit === 'ratio' || unit === 'fraction') return formatNumber(v);
  return `${formatNumber(v)} ${v.eq(1) && COUNTED.has(unit) ? unit.slice(0, -1) : unit}`;
}

/** The select's choices, grouped (workloads first) in the package's order within a group. */
export function inputOptions(inputs: readonly NumericInput[], currency: string): InputOption[] {
  const out = inputs.map((i) => {
    const unit = unitText(i.unit, currency);
    return {
      path: i.path,
      text: `${inputWords(i)} (${formatValue(i.value, unit, currency)}${i.source === 'default' ? ', default' : ''})`,
      group: inputGroup(i),
      unit,
      value: i.value.toFixed(),
      source: i.source,
    };
  });
  const rank = (g: string) => (GROUP_ORDER.indexOf(g) + 1 || 99);
  return out.map((o, i) => ({ o, i })).sort((a, b) => rank(a.o.group) - rank(b.o.group) || a.i - b.i).map(({ o }) => o);
}

/** The input the panel starts on: the first workload's instances, else the first input. */
export function defaultInput(inputs: readonly Pick<NumericInput, 'path'>[]): string | null {
  return inputs.find((i) => /^workloads\[.*\]\.instances$/.test(i.path))?.path ?? inputs[0]?.path ?? null;
}

/** The pair the panel starts on: the baseline and the cheapest other platform (by TCO). */
export function defaultPair(e: Pick<Evaluation, 'platforms' | 'scenario'>): [string, string] | null {
  if (e.platforms.length < 2) return null;
  const base = e.platforms.find((p) => p.name === e.scenario.baseline) ?? e.platforms[0]!;
  const other = e.platforms.filter((p) => p.name !== base.name).sort((a, b) => a.tco.comparedTo(b.tco))[0]!;
  return [base.name, other.name];
}

/* ------------------------------------------------------------------------------------------ */
/* Break-even                                                                                  */

function isCount(words: string, unit: string): boolean {
  return unit !== '' && (words.startsWith(`${unit} `) || words === unit);
}

/** `36 instances of api` for a count named by its unit, else `electricity price of 0.2 USD/kWh`. */
function quantity(words: string, v: Money, unit: string, currency: string): string {
  if (isCount(words, unit)) return `${formatNumber(v)} ${words}`;
  return `${words} of ${formatValue(v, unit, currency)}`;
}

function across(words: string, low: Money, high: Money, unit: string, currency: string): string {
  if (isCount(words, unit)) return `${formatNumber(low)}–${formatNumber(high)} ${words}`;
  return `${words} from ${formatValue(low, unit, currency)} to ${formatValue(high, unit, currency)}`;
}

const money2 = (m: Money, cur: string) => formatCurrency(m, cur, 2);
const money0 = (m: Money, cur: string) => formatCurrency(m, cur);
const num2 = (m: Money) => m.toDecimalPlaces(2).toNumber();

/** What the break-even chart shows, in a sentence (the answer itself is in the sentence above it). */
function chartSummary(r: BreakEvenResult, words: string): string {
  const cur = r.currency;
  const [a, b] = r.between;
  const now = r.current && r.current.value.gte(r.range.low) && r.current.value.lte(r.range.high) ? `; the dashed line is the value as entered, ${formatValue(r.current.value, r.unit, cur)}` : '';
  const span = `from ${formatValue(r.range.low, r.unit, cur)} to ${formatValue(r.range.high, r.unit, cur)}`;
  if (r.kind === 'none') {
    return r.cheaperBelow === null
      ? `The costs of ${a} and ${b} coincide at every value of ${words} ${span}${now}.`
      : `${r.cheaperBelow} costs less at every value of ${words} ${span}: the lines do not cross${now}.`;
  }
  const v = formatValue(r.at!.value, r.unit, cur);
  if (r.kind === 'step') {
    const from = r.cheaperFrom ?? (r.at!.difference.isNeg() ? a : b);
    return `Cost of ${a} and ${b} ${span}: ${from} drops below at ${v}, the solid line, where the totals jump past each other${now}.`;
  }
  return `Cost of ${a} and ${b} ${span}: the lines cross at ${v}, the solid line${now}.`;
}

/** The package's break-even result as the panel shows it: sentence, detail, chart and table. */
export function breakEvenView(r: BreakEvenResult, wordsOf: Pick<NumericInput, 'path' | 'label'> = { path: r.input, label: r.label }): BreakEvenView {
  const cur = r.currency;
  const words = inputWords(wordsOf);
  const [a, b] = r.between;
  const years = r.measure.replace(/^TCO /, '');
  const cost = (p: CostPoint, who: string) => (who === a ? p.costs[0] : p.costs[1]);
  let sentence: string;
  let detail = '';
  if (r.kind === 'none') {
    if (r.cheaperBelow === null) {
      sentence = `${a} and ${b} cost the same across ${across(words, r.range.low, r.range.high, r.unit, cur)}.`;
    } else {
      const cheaper = r.cheaperBelow;
      const other = cheaper === a ? b : a;
      const first = r.samples[0];
      const last = r.samples.at(-1);
      sentence = `${cheaper} stays cheaper than ${other} across ${across(words, r.range.low, r.range.high, r.unit, cur)}: no break-even in this range.`;
      if (first && last) detail = `It is cheaper by ${money0(first.difference.abs(), cur)} at ${formatValue(first.value, r.unit, cur)} and by ${money0(last.difference.abs(), cur)} at ${formatValue(last.value, r.unit, cur)} (${r.measure}).`;
    }
  } else if (r.kind === 'step') {
    const at = r.at!;
    const before = r.before!;
    const from = r.cheaperFrom ?? (at.difference.isNeg() ? a : b);
    const below = r.cheaperBelow ?? (from === a ? b : a);
    const where = isCount(words, r.unit) ? `from ${quantity(words, at.value, r.unit, cur)}` : `once ${words} reaches ${formatValue(at.value, r.unit, cur)}`;
    sentence = `${from} becomes cheaper than ${below} ${where}.`;
    detail =
      `At ${formatValue(at.value, r.unit, cur)}: ${from} ${money2(cost(at, from), cur)}, ${below} ${money2(cost(at, below), cur)} ${years}; ` +
      `at ${formatValue(before.value, r.unit, cur)}: ${below} ${money2(cost(before, below), cur)}, ${from} ${money2(cost(before, from), cur)}. ` +
      `The totals move in steps (whole hosts, VMs, licence packs), so no value in between costs the same.`;
  } else {
    const at = r.at!;
    const where = isCount(words, r.unit) ? `at ${quantity(words, at.value, r.unit, cur)}` : `when ${words} is ${formatValue(at.value, r.unit, cur)}`;
    const below = r.cheaperBelow ? `; below that ${r.cheaperBelow} is cheaper` : '';
    const above = r.cheaperFrom ? `, above it ${r.cheaperFrom}` : r.cheaperBelow ? ', and above it too (the costs touch)' : '';
    sentence = `${a} and ${b} cost the same ${where}${below}${above}.`;
    detail = `There both cost ${money2(at.costs[0], cur)} ${years} (equal to the cent).`;
  }

  // Points: the samples, the current value, and the two sides of the break-even, low to high.
  const byValue = new Map<string, { p: CostPoint; tags: string[] }>();
  const add = (p: CostPoint | null, tag?: string) => {
    if (!p) return;
    const key = p.value.toFixed();
    const hit = byValue.get(key) ?? { p, tags: [] };
    if (tag && !hit.tags.includes(tag)) hit.tags.push(tag);
    byValue.set(key, hit);
  };
  for (const p of r.samples) add(p);
  const currentInRange = r.current && r.current.value.gte(r.range.low) && r.current.value.lte(r.range.high);
  if (currentInRange) add(r.current, 'now');
  if (r.kind === 'step') add(r.before, 'last before the change');
  if (r.kind !== 'none') add(r.at, 'break-even');
  const points = [...byValue.values()].sort((x, y) => x.p.value.comparedTo(y.p.value));

  const markers: Marker[] = [];
  if (r.kind !== 'none' && r.at) markers.push({ x: r.at.value.toNumber(), label: `break-even: ${formatValue(r.at.value, r.unit, cur)}`, kind: 'break-even' });
  if (currentInRange && r.current) markers.push({ x: r.current.value.toNumber(), label: `now: ${formatValue(r.current.value, r.unit, cur)}`, kind: 'current' });

  const unitLabel = r.unit && r.unit !== 'ratio' && r.unit !== 'fraction' ? ` (${r.unit})` : '';
  const chart: XYChartData = {
    id: 'break-even',
    title: `${r.measure.replace(/^TCO/, 'Cost')} of ${a} and ${b} by ${words}`,
    summary: chartSummary(r, words),
    x: `${words}${unitLabel}`,
    y: `${cur}, ${r.measure}`,
    currency: cur,
    series: [0, 1].map((k) => ({ label: r.between[k]!, points: points.map(({ p }) => ({ x: p.value.toNumber(), y: num2(p.costs[k]!) })) })),
    markers,
    table: {
      caption: `${r.measure} (${cur}) of ${a} and ${b} by ${words}: sampled values${r.kind !== 'none' ? ' and the break-even' : ''}`,
      columns: [`${words}${unitLabel}`, a, b, `${a} − ${b}`, 'cheaper'],
      numeric: [false, true, true, true, false],
      rows: points.map(({ p, tags }) => [
        `${formatNumber(p.value)}${tags.length ? ` (${tags.join(', ')})` : ''}`,
        money2(p.costs[0], cur),
        money2(p.costs[1], cur),
        `${p.difference.isPos() ? '+' : ''}${money2(p.difference, cur)}`,
        p.difference.abs().lt('0.005') ? 'same' : p.difference.isNeg() ? a : b,
      ]),
    },
  };
  return {
    input: r.input,
    words,
    unit: r.unit,
    kind: r.kind,
    between: r.between,
    sentence,
    detail,
    packageText: r.text,
    notes: r.notes,
    range: { low: r.range.low.toFixed(), high: r.range.high.toFixed() },
    chart,
  };
}

/** A licence option key (`windows-server-datacenter/per-core`) in the words of the decision's subject. */
function optionWords(key: string, subject: string): string {
  const [product = key, option] = key.split('/');
  const names = (subject.split(', ')[0] ?? '').split(' or ');
  const norm = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const name = names.find((n) => norm(n) === product) ?? product;
  return option ? `${name} (${option.replace(/-/g, ' ')})` : name;
}

/**
 * The licence break-evens in sentences, one per break-even shared by several platforms: from how
 * many guests per host another licence option costs less, with both yearly costs per host there and
 * one guest before.
 */
export function licenceSentences(rs: readonly BreakEvenResult[]): string[] {
  const groups = new Map<string, { r: BreakEvenResult; where: string[] }>();
  for (const r of rs) {
    const subject = r.label.replace(/: guests per host \(platform .*\)$/, '');
    const kind = subject.split(', ').slice(1).join(', ');
    const shape = /hosts of (\d+ x \d+ cores)/.exec(r.text)?.[1];
    const costs = [r.at, r.before].map((p) => (p ? p.costs.map((c) => c.toFixed()).join('/') : '')).join('|');
    const key = `${r.between.join('|')}|${r.value?.toFixed() ?? ''}|${costs}|${shape ?? ''}`;
    const g = groups.get(key) ?? { r, where: [] };
    g.where.push(`${r.platform ?? ''}${kind ? ` (${kind})` : ''}`);
    groups.set(key, g);
  }
  return [...groups.values()].map(({ r, where }) => {
    const cur = r.currency;
    const subject = r.label.replace(/: guests per host \(platform .*\)$/, '');
    const [below, from] = r.between.map((k) => optionWords(k, subject)) as [string, string];
    const shape = /hosts of (\d+ x \d+ cores)/.exec(r.text)?.[1];
    const list = where.length > 1 ? `${where.slice(0, -1).join(', ')} and ${where.at(-1)}` : where[0]!;
    const on = `On ${list}${shape ? `, hosts of ${shape}` : ''}: `;
    if (!r.value) return `${on}${below} stays cheaper than any other option up to ${formatNumber(r.range.high)} guests per host.`;
    const at = r.at ? `: ${formatCurrency(r.at.costs[1], cur, 2)} against ${formatCurrency(r.at.costs[0], cur, 2)} a year per host` : '';
    const before = r.before ? `; at ${formatNumber(r.before.value)}, ${formatCurrency(r.before.costs[0], cur, 2)} against ${formatCurrency(r.before.costs[1], cur, 2)}` : '';
    return `${on}${from} becomes cheaper than ${below} from ${formatNumber(r.value)} guests per host${at}${before}.`;
  });
}

/* ------------------------------------------------------------------------------------------ */
/* Sensitivity                                                                                 */

const sideOk = (s: SensitivitySide): s is Extract<SensitivitySide, { ok: true }> => s.ok;

/** The package's ranking: rows with a valid side first, then by swing, then by the larger own swing, then by path. */
function compareRows(a: SensitivityRow, b: SensitivityRow): number {
  const valid = (r: SensitivityRow) => (r.low.ok || r.high.ok ? 1 : 0);
  const maxEach = (r: SensitivityRow) => (r.swingEach[0].gt(r.swingEach[1]) ? r.swingEach[0] : r.swingEach[1]);
  return valid(b) - valid(a) || b.swing.comparedTo(a.swing) || maxEach(b).comparedTo(maxEach(a)) || (a.input < b.input ? -1 : a.input > b.input ? 1 : 0);
}

/**
 * One result from several runs over parts of the inputs (the worker runs the inputs in batches so
 * it can report progress and stop when the scenario changes): rows merged and ranked as the
 * package ranks them, evaluations summed.
 */
export function mergeSensitivity(parts: readonly SensitivityResult[]): SensitivityResult {
  const first = parts[0];
  if (!first) throw new Error('mergeSensitivity needs at least one part');
  const rows = parts.flatMap((p) => p.rows).sort(compareRows);
  return { ...first, rows, failed: rows.filter((r) => !r.low.ok || !r.high.ok).map((r) => r.input), evaluations: parts.reduce((n, p) => n + p.evaluations, 0) };
}

function shareText(m: Money): string {
  return `${formatNumber(m.times(100), 2)}%`;
}

function signed(m: Money, cur: string): string {
  return `${m.isPos() ? '+' : ''}${money0(m, cur)}`;
}

/**
 * A bar's label on at most two lines of about `width` characters, cut with an ellipsis beyond
 * (the table has the full words), so the tornado keeps room for its bars on a phone.
 */
export function wrapLabel(text: string, width = 26): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length <= 2) return lines.map((l) => (l.length > width + 4 ? `${l.slice(0, width)}…` : l));
  const second = lines.slice(1).join(' ');
  return [lines[0]!.length > width + 4 ? `${lines[0]!.slice(0, width)}…` : lines[0]!, `${second.slice(0, width - 1)}…`];
}

/**
 * The package's sensitivity result as the panel shows it: a tornado of the `top` inputs by swing of
 * the difference, its table, every row with notes and errors, and the sentence naming the input
 * that matters most.
 */
export function sensitivityView(r: SensitivityResult, labels: ReadonlyMap<string, Pick<NumericInput, 'path' | 'label'>> = new Map(), top = 10): SensitivityView {
  const cur = r.currency;
  const [a, b] = r.between;
  const rangeText = r.range.down.eq(r.range.up) ? `±${shareText(r.range.down)}` : `−${shareText(r.range.down)}/+${shareText(r.range.up)}`;
  const words = (row: SensitivityRow) => inputWords(labels.get(row.input) ?? { path: row.input, label: row.label });
  const unit = (row: SensitivityRow) => unitText(row.unit, cur);
  const val = (row: SensitivityRow, v: Money) => formatValue(v, unit(row), cur);
  const diffAt = (s: SensitivitySide) => (sideOk(s) ? signed(s.difference, cur) : 'invalid');
  const shown = r.rows.filter((row) => (row.low.ok || row.high.ok) && row.swing.isPos()).slice(0, top);
  const base = r.base.difference;
  const cheaperAtBase = base.isNeg() ? a : base.isPos() ? b : null;
  const flips = (row: SensitivityRow) =>
    [row.low, row.high].some((s) => sideOk(s) && !s.difference.abs().lt('0.005') && s.difference.isNeg() !== base.isNeg() && !base.abs().lt('0.005'));

  let sentence: string;
  const lead = shown[0];
  if (!lead) sentence = `No input moves the difference between ${a} and ${b} when varied by ${rangeText}.`;
  else {
    const lo = lead.low;
    const hi = lead.high;
    const ends = [lo, hi].filter(sideOk);
    const fromTo = ends.length === 2 ? ` (from ${signed(lo.ok ? lo.difference : base, cur)} to ${signed(hi.ok ? hi.difference : base, cur)})` : '';
    sentence =
      `${words(lead)} matters most: moving it from ${val(lead, lead.low.value)} to ${val(lead, lead.high.value)} swings the difference ${a} − ${b} by ${money0(lead.swing, cur)}${fromTo} over ${r.horizonYears} years.`;
    sentence = sentence[0]!.toUpperCase() + sentence.slice(1);
  }
  const flippers = shown.filter(flips).map(words);
  const detail =
    (cheaperAtBase ? `As entered, ${cheaperAtBase} is cheaper by ${money0(base.abs(), cur)} over ${r.horizonYears} years. ` : `As entered, ${a} and ${b} cost the same. `) +
    (cheaperAtBase
      ? flippers.length
        ? `Varied by ${rangeText}, ${flippers.length === 1 ? 'one input' : `${flippers.length} inputs`} of the top ${shown.length} would make the other cheaper: ${flippers.slice(0, 4).join('; ')}${flippers.length > 4 ? `; and ${flippers.length - 4} more` : ''}.`
        : `Varied by ${rangeText}, none of the top ${shown.length} inputs makes the other cheaper.`
      : '');

  const bar = (s: SensitivitySide): [number, number] | null => (sideOk(s) ? [Math.round(base.toNumber()), Math.round(s.difference.toNumber())] : null);
  const markers: Marker[] = [{ x: Math.round(base.toNumber()), label: `as entered: ${signed(base, cur)}`, kind: 'base' }, { x: 0, label: 'costs equal', kind: 'zero' }];

  const columns = ['input', 'as entered', 'low', 'high', `${a} − ${b} at low`, `${a} − ${b} at high`, 'swing'];
  const numeric = [false, true, true, true, true, true, true];
  const rowCells = (row: SensitivityRow) => [words(row), val(row, row.base), val(row, row.low.value), val(row, row.high.value), diffAt(row.low), diffAt(row.high), money0(row.swing, cur)];

  const failures: SensitivityFailure[] = [];
  for (const row of r.rows) {
    for (const side of ['low', 'high'] as const) {
      const s = row[side];
      if (!s.ok) failures.push({ input: row.input, words: words(row), side, value: val(row, s.value), messages: s.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)) });
    }
  }

  return {
    between: r.between,
    rangeText,
    sentence,
    detail,
    chart: {
      id: 'tornado',
      title: `What moves the difference ${a} − ${b} most (each input ${rangeText})`,
      summary: lead
        ? `Each bar runs from the difference as entered (${signed(base, cur)}) to the difference with the input ${r.range.down.isZero() ? '' : `${shareText(r.range.down)} lower (blue)`}${!r.range.down.isZero() && !r.range.up.isZero() ? ' or ' : ''}${r.range.up.isZero() ? '' : `${shareText(r.range.up)} higher (orange)`}; left of the dotted line at 0, ${a} is cheaper, right of it ${b}.`
        : `No bars: no input moves the difference when varied by ${rangeText}.`,
      x: `${a} − ${b}, ${cur} over ${r.horizonYears} years (negative: ${a} cheaper)`,
      currency: cur,
      labels: shown.map((row) => wrapLabel(words(row))),
      low: shown.map((row) => bar(row.low)),
      high: shown.map((row) => bar(row.high)),
      lowLabel: `input ${r.range.down.isZero() ? 'as entered' : `−${shareText(r.range.down)}`}`,
      highLabel: `input ${r.range.up.isZero() ? 'as entered' : `+${shareText(r.range.up)}`}`,
      markers,
      table: {
        caption: `The ${shown.length} inputs that move the difference ${a} − ${b} most, each varied by ${rangeText} (${cur}; as entered ${signed(base, cur)})`,
        columns,
        numeric,
        rows: shown.map(rowCells),
      },
    },
    all: {
      caption: `Every input (${r.rows.length}), ranked by swing, with notes and errors`,
      columns: ['#', ...columns, 'notes'],
      numeric: [true, ...numeric, false],
      rows: r.rows.map((row, i) => [String(i + 1), ...rowCells(row), row.notes.join('; ')]),
    },
    failures,
    inputs: r.rows.length,
    evaluations: r.evaluations,
  };
}

/**
 * The inputs a sensitivity run varies, in batches of `size` paths, so the worker can report
 * progress between them and stop when a newer request arrives.
 */
export function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A share typed as a percentage (`20`, `12.5`) as the package's share (`0.2`), or a message. */
export function parseShare(text: string): { ok: true; share: string } | { ok: false; message: string } {
  const t = text.trim().replace(/%$/, '').trim();
  if (!/^(\d+\.?\d*|\.\d+)$/.test(t)) return { ok: false, message: `give a percentage such as 20, got "${text.slice(0, 20)}"` };
  const n = Number(t);
  if (!(n > 0) || n >= 100) return { ok: false, message: 'give a percentage above 0 and below 100' };
  return { ok: true, share: money(t).div(100).toFixed() };
}

/** The range typed in the two fields: null for the default, the two ends, or a message. */
export function parseRange(low: string, high: string): { ok: true; range: { low: string; high: string } | null } | { ok: false; message: string } {
  const l = low.trim().replace(/,/g, '');
  const h = high.trim().replace(/,/g, '');
  if (l === '' && h === '') return { ok: true, range: null };
  if (l === '' || h === '') return { ok: false, message: 'give both ends of the range, or leave both empty for the default' };
  const re = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
  if (!re.test(l)) return { ok: false, message: `the low end must be a number, got "${low.slice(0, 30)}"` };
  if (!re.test(h)) return { ok: false, message: `the high end must be a number, got "${high.slice(0, 30)}"` };
  return { ok: true, range: { low: l, high: h } };
}
