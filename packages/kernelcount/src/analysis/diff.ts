/**
 * Scenario diff: what changed between two scenarios (their inputs, path by path) and what that did
 * to each platform's line items and total, in exact decimals.
 */
import { KernelcountError, isKernelcountError, joinPath } from '../errors.js';
import type { Category } from '../cost/lineItems.js';
import { evaluate, type EvaluateOptions, type Evaluation, type PlatformResult } from '../evaluate.js';
import { ZERO, money, type Money } from '../money.js';
import { PLATFORM_TYPES } from '../scenario/types.js';
import { itemSelector } from './paths.js';

/** One input that differs: a value changed, or a field or item present on one side only. */
export interface InputChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  /** The value before (absent when added): a number, text, or a whole object for an added or removed item. */
  before?: unknown;
  after?: unknown;
}

/** A line item as one side has it. */
export interface LineItemSide {
  quantity: Money;
  unit: string;
  unitPrice: Money;
  total: Money;
}

export interface LineItemChange {
  name: string;
  category: Category;
  change: 'added' | 'removed' | 'changed';
  before: LineItemSide | null;
  after: LineItemSide | null;
  /** after.total - before.total, a missing side counting 0. */
  delta: Money;
}

export interface PlatformSide {
  type: string;
  hosts: number;
  tco: Money;
}

export interface PlatformChange {
  name: string;
  change: 'added' | 'removed' | 'changed' | 'unchanged';
  before: PlatformSide | null;
  after: PlatformSide | null;
  /** after.hosts - before.hosts; null when one side lacks the platform. */
  hostsDelta: number | null;
  /** after.tco - before.tco, a missing side counting 0; equals the sum of every line item's delta. */
  tcoDelta: Money;
  /** Line items whose total changed or that one side lacks, in the order they appear. */
  lineItems: LineItemChange[];
  /** Line items with the same total on both sides. */
  unchangedLineItems: number;
}

export interface ScenarioDiff {
  labels: [string, string];
  currency: [string, string];
  horizonYears: [number, number];
  inputs: InputChange[];
  platforms: PlatformChange[];
  notes: string[];
}

export interface DiffOptions extends EvaluateOptions {
  /** Names of the two scenarios in messages and output; default `before` and `after`. */
  labels?: readonly [string, string];
}

/* ------------------------------------------------------------------------------------------
 * Inputs
 * ---------------------------------------------------------------------------------------- */

const NAMED_LISTS = new Set(['hosts', 'workloads', 'platforms']);
const DOTTED_KEYS = new Set(['catalog', 'catalogVersions']);

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function asDecimal(v: unknown): Money | null {
  if (typeof v === 'number' && Number.isFinite(v)) return money(v);
  if (typeof v === 'string' && /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?\s*$/.test(v)) return money(v.trim());
  return null;
}

function same(a: unknown, b: unknown): boolean {
  const da = asDecimal(a);
  const db = asDecimal(b);
  if (da && db) return da.eq(db);
  return JSON.stringify(a) === JSON.stringify(b);
}

function itemName(list: string, item: unknown): string | undefined {
  if (!isObject(item)) return undefined;
  const n = item['name'] ?? (list === 'platforms' ? item['type'] : undefined);
  return typeof n === 'string' ? n : undefined;
}

function child(path: string, parent: string, key: string): string {
  return DOTTED_KEYS.has(parent) ? `${path}.${key}` : joinPath(path, key);
}

function diffValue(a: unknown, b: unknown, path: string, key: string, out: InputChange[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) return void out.push({ path, change: 'added', after: b });
  if (b === undefined) return void out.push({ path, change: 'removed', before: a });
  if (Array.isArray(a) && Array.isArray(b)) {
    if (NAMED_LISTS.has(path)) return diffNamed(a, b, path, out);
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) diffValue(a[i], b[i], joinPath(path, i), String(i), out);
    return;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.prototype.hasOwnProperty.call(a, k))];
    for (const k of keys) {
      const av = Object.prototype.hasOwnProperty.call(a, k) ? a[k] : undefined;
      const bv = Object.prototype.hasOwnProperty.call(b, k) ? b[k] : undefined;
      diffValue(av, bv, child(path, key, k), k, out);
    }
    return;
  }
  if (!same(a, b)) out.push({ path, change: 'changed', before: a, after: b });
}

/** Lists of named items are matched by name (platforms by name or type), so reordering is not a change. */
function diffNamed(a: unknown[], b: unknown[], list: string, out: InputChange[]): void {
  const names = (xs: unknown[]) => xs.map((x) => itemName(list, x));
  const na = names(a);
  const nb = names(b);
  const unique = (ns: Array<string | undefined>) => ns.every((n) => n !== undefined) && new Set(ns).size === ns.length;
  if (!unique(na) || !unique(nb)) {
    const n = Math.max(a.length, b.length);
    for (let i = 0; i < n; i++) diffValue(a[i], b[i], joinPath(list, i), String(i), out);
    return;
  }
  const at = (n: string, i: number) => `${list}${itemSelector(n, i)}`;
  na.forEach((n, i) => {
    const j = nb.indexOf(n);
    if (j < 0) out.push({ path: at(n!, i), change: 'removed', before: a[i] });
    else diffValue(a[i], b[j], at(n!, j), list, out);
  });
  nb.forEach((n, j) => {
    if (!na.includes(n)) out.push({ path: at(n!, j), change: 'added', after: b[j] });
  });
}

/**
 * Input changes between two scenarios as written, path by path. Hosts, workloads and platforms are
 * matched by name; a scenario without `platforms` is compared as the four default platforms.
 *
 * @example
 * diffInputs(s, setInput(s, 'workloads[api].instances', 30)) //=> [{ path: 'workloads[api].instances', change: 'changed', before: 20, after: 30 }]
 */
export function diffInputs(before: unknown, after: unknown): InputChange[] {
  const withPlatforms = (s: unknown, other: unknown): unknown =>
    isObject(s) && s['platforms'] === undefined && isObject(other) && other['platforms'] !== undefined ? { ...s, platforms: PLATFORM_TYPES.map((type) => ({ type })) } : s;
  const out: InputChange[] = [];
  diffValue(withPlatforms(before, after), withPlatforms(after, before), '', '', out);
  return out;
}

/* ------------------------------------------------------------------------------------------
 * Results
 * ---------------------------------------------------------------------------------------- */

function side(li: PlatformResult['lineItems'][number]): LineItemSide {
  return { quantity: li.quantity, unit: li.unit, unitPrice: li.unitPrice, total: li.total };
}

/** Line items keyed by name; a name used twice in one platform is told apart by its occurrence. */
function keyed(p: PlatformResult | undefined): Map<string, PlatformResult['lineItems'][number]> {
  const out = new Map<string, PlatformResult['lineItems'][number]>();
  const count = new Map<string, number>();
  for (const li of p?.lineItems ?? []) {
    const n = count.get(li.name) ?? 0;
    count.set(li.name, n + 1);
    out.set(n === 0 ? li.name : `${li.name}\u0000${n}`, li);
  }
  return out;
}

function diffPlatform(name: string, a: PlatformResult | undefined, b: PlatformResult | undefined): PlatformChange {
  const ka = keyed(a);
  const kb = keyed(b);
  const lineItems: LineItemChange[] = [];
  let unchanged = 0;
  const keys = [...kb.keys(), ...[...ka.keys()].filter((k) => !kb.has(k))];
  for (const k of keys) {
    const x = ka.get(k);
    const y = kb.get(k);
    const delta = (y?.total ?? ZERO).minus(x?.total ?? ZERO);
    if (x && y && delta.isZero()) {
      unchanged++;
      continue;
    }
    lineItems.push({
      name: (y ?? x)!.name,
      category: (y ?? x)!.category,
      change: !x ? 'added' : !y ? 'removed' : 'changed',
      before: x ? side(x) : null,
      after: y ? side(y) : null,
      delta,
    });
  }
  const tcoDelta = (b?.tco ?? ZERO).minus(a?.tco ?? ZERO);
  const change = !a ? 'added' : !b ? 'removed' : lineItems.length || a.hosts !== b.hosts || a.type !== b.type ? 'changed' : 'unchanged';
  return {
    name,
    change,
    before: a ? { type: a.type, hosts: a.hosts, tco: a.tco } : null,
    after: b ? { type: b.type, hosts: b.hosts, tco: b.tco } : null,
    hostsDelta: a && b ? b.hosts - a.hosts : null,
    tcoDelta,
    lineItems,
    unchangedLineItems: unchanged,
  };
}

function evaluateLabelled(s: unknown, label: string, options: EvaluateOptions): Evaluation {
  try {
    return evaluate(s, options);
  } catch (e) {
    if (!isKernelcountError(e)) throw e;
    throw new KernelcountError(e.issues.map((i) => ({ ...i, path: i.path ? `${label}: ${i.path}` : label })));
  }
}

/**
 * Evaluates two scenarios and lists what changed: the inputs (path, old and new value; hosts,
 * workloads and platforms added or removed) and, per platform matched by name, each line item
 * matched by name with its old and new total and the difference, plus the platform's totals. Every
 * figure is an exact decimal and each platform's `tcoDelta` is the sum of its line items' deltas.
 * Throws a KernelcountError when either scenario is invalid, its paths prefixed with the label.
 *
 * @example
 * const d = diffScenarios(before, { ...before, prices: { electricityPerKWh: 0.2 } });
 * d.inputs //=> [{ path: 'prices', change: 'added', after: { electricityPerKWh: 0.2 } }]
 * d.platforms[0].lineItems[0].name //=> 'Electricity (PUE 1.56)'
 */
export function diffScenarios(before: unknown, after: unknown, options: DiffOptions = {}): ScenarioDiff {
  const labels: [string, string] = options.labels ? [options.labels[0], options.labels[1]] : ['before', 'after'];
  const evalOptions: EvaluateOptions = options.today === undefined ? {} : { today: options.today };
  let ea: Evaluation | undefined;
  let eb: Evaluation | undefined;
  const issues = [];
  try {
    ea = evaluateLabelled(before, labels[0], evalOptions);
  } catch (e) {
    if (!isKernelcountError(e)) throw e;
    issues.push(...e.issues);
  }
  try {
    eb = evaluateLabelled(after, labels[1], evalOptions);
  } catch (e) {
    if (!isKernelcountError(e)) throw e;
    issues.push(...e.issues);
  }
  if (issues.length || !ea || !eb) throw new KernelcountError(issues);
  const names = [...ea.platforms.map((p) => p.name), ...eb.platforms.map((p) => p.name).filter((n) => !ea!.platforms.some((p) => p.name === n))];
  const notes: string[] = [];
  if (ea.scenario.currency !== eb.scenario.currency) {
    notes.push(`the scenarios price in different currencies (${ea.scenario.currency}, ${eb.scenario.currency}); no conversion is done, so the differences mix them`);
  }
  if (ea.scenario.horizonYears !== eb.scenario.horizonYears) {
    notes.push(`the horizons differ (${ea.scenario.horizonYears} and ${eb.scenario.horizonYears} years), so totals cover different periods`);
  }
  return {
    labels,
    currency: [ea.scenario.currency, eb.scenario.currency],
    horizonYears: [ea.scenario.horizonYears, eb.scenario.horizonYears],
    inputs: diffInputs(before, after),
    platforms: names.map((n) =>
      diffPlatform(
        n,
        ea!.platforms.find((p) => p.name === n),
        eb!.platforms.find((p) => p.name === n),
      ),
    ),
    notes,
  };
}
