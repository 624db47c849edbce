/**
 * The compare view's logic: a snapshot of a scenario kept as "A", the package's `diffScenarios`
 * between A and the scenario on screen (B), and that diff shaped into table rows with the money
 * formatted for display. Only types come from `kernelcount` here: the compare table, loaded on
 * demand, passes `diffScenarios` in, so the page's first load carries none of it. Every delta is the package's exact decimal; it is rounded here only for
 * display, and the exact figure is kept beside it.
 */
import type { DiffOptions, InputChange, LineItemChange, LineItemSide, Money, PlatformChange, ScenarioDiff } from 'kernelcount';
import type { Draft } from './calculatorModel';
import { formatCurrency } from './format';
import { errorLines } from './inventory';

/** A scenario kept for comparison. */
export interface Snapshot {
  draft: Draft;
  /** The scenario's name when it was kept. */
  name: string;
  /** ISO time it was kept. */
  keptAt: string;
}

export const SNAPSHOT_KEY = 'kernelcount.calculator.compareA.v1';

export function makeSnapshot(draft: Draft, now: Date = new Date()): Snapshot {
  const name = typeof draft['name'] === 'string' && draft['name'].trim() ? draft['name'] : 'unnamed scenario';
  return { draft: structuredClone(draft), name, keptAt: now.toISOString() };
}

/** A stored snapshot read back, or null when there is none or it is damaged. */
export function parseSnapshot(text: string | null): Snapshot | null {
  if (!text) return null;
  try {
    const s = JSON.parse(text) as Partial<Snapshot>;
    if (!s || typeof s !== 'object' || !s.draft || typeof s.draft !== 'object' || Array.isArray(s.draft)) return null;
    return { draft: s.draft, name: typeof s.name === 'string' ? s.name : 'unnamed scenario', keptAt: typeof s.keptAt === 'string' ? s.keptAt : '' };
  } catch {
    return null;
  }
}

/** A value as short plain text: numbers and text as they are, an added workload as `name: field value, ...`. */
export function valueText(v: unknown, depth = 0): string {
  if (v === undefined) return '';
  if (v === null) return 'null';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return depth > 2 ? '[…]' : `[${v.map((x) => valueText(x, depth + 1)).join(', ')}]`;
  if (typeof v === 'object') {
    if (depth > 2) return '{…}';
    const entries = Object.entries(v as Record<string, unknown>);
    const named = entries.find(([k]) => k === 'name');
    const rest = entries.filter(([k]) => k !== 'name').map(([k, x]) => `${k} ${valueText(x, depth + 1)}`);
    return named ? `${valueText(named[1], depth + 1)}: ${rest.join(', ')}` : rest.join(', ');
  }
  return String(v);
}

const MINUS = '\u2212';

/** Money with its sign, rounded for display: `+$6,044.40`, `−$12.00`, `$0.00`. */
export function signedMoney(m: Money, currency: string, decimals = 2): string {
  const abs = formatCurrency(m.abs(), currency, decimals);
  const shown = m.abs().toDecimalPlaces(decimals);
  if (shown.isZero()) return abs;
  return `${m.isNeg() ? MINUS : '+'}${abs}`;
}

/** A whole-number change with its sign: `+1`, `−2`, `0`. */
export function signedInt(n: number): string {
  return n > 0 ? `+${n}` : n < 0 ? `${MINUS}${-n}` : '0';
}

const CHANGE_WORDS: Record<'added' | 'removed' | 'changed' | 'unchanged', string> = {
  added: 'added in B',
  removed: 'only in A',
  changed: 'changed',
  unchanged: 'unchanged',
};

export interface InputRow {
  path: string;
  change: string;
  a: string;
  b: string;
}

export interface LineRow {
  name: string;
  category: string;
  change: string;
  a: string;
  b: string;
  totalA: string;
  totalB: string;
  delta: string;
  /** The delta as the package computed it (exact decimal text). */
  deltaExact: string;
  sign: -1 | 0 | 1;
}

export interface PlatformBlock {
  name: string;
  change: string;
  hosts: string;
  tcoA: string;
  tcoB: string;
  delta: string;
  deltaExact: string;
  sign: -1 | 0 | 1;
  lines: LineRow[];
  unchanged: number;
}

export interface CompareModel {
  labels: [string, string];
  currency: string;
  horizonYears: [number, number];
  inputs: InputRow[];
  platforms: PlatformBlock[];
  notes: string[];
  /** One sentence: how many inputs changed and what that did to each platform's total. */
  summary: string;
}

const sign = (m: Money): -1 | 0 | 1 => (m.isZero() ? 0 : m.isNeg() ? -1 : 1);

function sideText(s: LineItemSide | null, currency: string): string {
  if (!s) return '';
  return `${s.quantity.toDecimalPlaces(2).toString()} ${s.unit} × ${formatCurrency(s.unitPrice, currency, 2)}`;
}

function lineRow(li: LineItemChange, currency: string): LineRow {
  return {
    name: li.name,
    category: li.category,
    change: CHANGE_WORDS[li.change],
    a: sideText(li.before, currency),
    b: sideText(li.after, currency),
    totalA: li.before ? formatCurrency(li.before.total, currency, 2) : '',
    totalB: li.after ? formatCurrency(li.after.total, currency, 2) : '',
    delta: signedMoney(li.delta, currency),
    deltaExact: li.delta.toString(),
    sign: sign(li.delta),
  };
}

function hostsText(p: PlatformChange): string {
  if (p.before && p.after) return `${p.before.hosts} → ${p.after.hosts} (${signedInt(p.hostsDelta ?? 0)})`;
  if (p.after) return `${p.after.hosts} (only in B)`;
  if (p.before) return `${p.before.hosts} (only in A)`;
  return '';
}

function platformBlock(p: PlatformChange, currency: string): PlatformBlock {
  return {
    name: p.name,
    change: CHANGE_WORDS[p.change],
    hosts: hostsText(p),
    tcoA: p.before ? formatCurrency(p.before.tco, currency, 2) : '',
    tcoB: p.after ? formatCurrency(p.after.tco, currency, 2) : '',
    delta: signedMoney(p.tcoDelta, currency),
    deltaExact: p.tcoDelta.toString(),
    sign: sign(p.tcoDelta),
    lines: p.lineItems.map((li) => lineRow(li, currency)),
    unchanged: p.unchangedLineItems,
  };
}

function inputRow(i: InputChange): InputRow {
  return { path: i.path, change: CHANGE_WORDS[i.change], a: valueText(i.before), b: valueText(i.after) };
}

/** The diff as table rows, money in B's currency (the diff notes when A's differs). */
export function compareModel(d: ScenarioDiff): CompareModel {
  const currency = d.currency[1];
  const platforms = d.platforms.map((p) => platformBlock(p, currency));
  const moved = d.platforms.filter((p) => !p.tcoDelta.isZero());
  const years = d.horizonYears[1];
  let summary: string;
  if (d.inputs.length === 0 && moved.length === 0) summary = `${d.labels[1]} is the same as ${d.labels[0]}: no input and no cost differs.`;
  else {
    const inputs = d.inputs.length === 0 ? 'No input differs' : `${d.inputs.length === 1 ? 'One input differs' : `${d.inputs.length} inputs differ`}`;
    const costs = moved.length
      ? `${d.labels[1]} costs ${moved.map((p) => `${formatCurrency(p.tcoDelta.abs(), currency, 2)} ${p.tcoDelta.isNeg() ? 'less' : 'more'} on ${p.name}`).join(', ')}`
      : `no platform’s total changes`;
    summary = `${inputs} between ${d.labels[0]} and ${d.labels[1]}. Over ${years} years ${costs}.`;
  }
  return { labels: d.labels, currency, horizonYears: d.horizonYears, inputs: d.inputs.map(inputRow), platforms, notes: d.notes, summary };
}

/** The package's `diffScenarios`, passed in so that this module never pulls it into the page's first load. */
export type DiffFn = (before: unknown, after: unknown, options?: DiffOptions) => ScenarioDiff;

/**
 * Compares the kept scenario (A) with the one on screen (B) through the package's `diffScenarios`
 * (which evaluates both). Returns the table model, or the problems when A no longer evaluates
 * (a stored snapshot from an older version, say).
 */
export function compareScenarios(diffScenarios: DiffFn, a: Draft, b: Draft, today: string): { ok: true; model: CompareModel; diff: ScenarioDiff } | { ok: false; message: string; details: string[] } {
  try {
    const diff = diffScenarios(a, b, { labels: ['A', 'B'], today });
    return { ok: true, model: compareModel(diff), diff };
  } catch (err) {
    return { ok: false, message: 'The two scenarios could not be compared.', details: errorLines(err).slice(0, 8) };
  }
}
