/**
 * What is typed into a field's range: a first range around the field's value, the value a field
 * has when left empty, and the check of low and high against the likely value and the field's own
 * rules, with messages that name the field. Loaded with the range inputs, on demand.
 */
// No value is imported from `kernelcount` here (see UncertaintyRangeInputs.tsx): the catalog entry
// a field's default comes from arrives with the field's hint instead.
import type { Draft, ParsedNumber } from './calculatorModel';
import { at as getAt, type Range } from './uncertainty';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface FieldRule {
  integer?: boolean | undefined;
  min?: number | undefined;
  max?: number | undefined;
}

/**
 * A first range around a value, for the person to adjust: 20% either side (as the sensitivity
 * panel's default), whole numbers outward for whole-number fields, within the field's limits.
 */
export function suggestRange(value: number, rule: FieldRule = {}): Range {
  const d = Math.abs(value) * 0.2;
  let low = value - d;
  let high = value + d;
  if (rule.integer) {
    low = Math.floor(low);
    high = Math.ceil(high);
  } else {
    low = Number(low.toPrecision(6));
    high = Number(high.toPrecision(6));
  }
  if (rule.min !== undefined) low = Math.max(rule.min, Math.min(low, value));
  if (rule.max !== undefined) high = Math.min(rule.max, Math.max(high, value));
  return { low, likely: value, high };
}

export type CheckedRange = { ok: true; range: Range } | { ok: false; message: string; end: 'low' | 'high' };

/**
 * Reads the low and high ends typed for a field's range around its likely value: each a number as
 * the field reads one (`parse`: whole where the field is, within its limits, required), and
 * low <= likely <= high. The message names the field and the end, and says what is expected.
 */
export function checkRange(label: string, lowText: string, likely: number, highText: string, parse: (text: string) => ParsedNumber): CheckedRange {
  const low = parse(lowText);
  if (!low.ok) return { ok: false, end: 'low', message: `${label}, low end of the range: ${low.message}` };
  const high = parse(highText);
  if (!high.ok) return { ok: false, end: 'high', message: `${label}, high end of the range: ${high.message}` };
  const l = low.value!;
  const h = high.value!;
  if (l > likely) return { ok: false, end: 'low', message: `${label}, low end of the range: must be at most the likely value (${likely}), got ${l}` };
  if (h < likely) return { ok: false, end: 'high', message: `${label}, high end of the range: must be at least the likely value (${likely}), got ${h}` };
  return { ok: true, range: { low: l, likely, high: h } };
}

/** A field's hint: its default as shown, and the catalog entry (with its versions) it comes from. */
export interface FieldHint {
  value: string;
  id?: string | undefined;
  key?: string | undefined;
  entry?: { value: unknown; version?: string | undefined; versions?: Record<string, { value: unknown }> | undefined } | undefined;
}

/**
 * The value a field has when left empty: the catalog figure its hint names (the scenario's
 * override or chosen version of it), or the hint's value when that is a number.
 */
export function fieldDefault(draft: Draft, hint: FieldHint | undefined): number | undefined {
  if (!hint) return undefined;
  let raw: unknown = hint.value;
  const entry = hint.entry;
  if (hint.id && entry) {
    const over = getAt(draft, ['catalog', hint.id]);
    const version = getAt(draft, ['catalogVersions', hint.id]);
    // The version the scenario names (as the package's entryVersion picks it), else the default.
    const picked = typeof version === 'string' && version !== (entry.version ?? 'default') ? entry.versions?.[version] : undefined;
    raw = over !== undefined ? over : (picked ?? entry).value;
    if (hint.key !== undefined) raw = isObj(raw) ? raw[hint.key] : undefined;
  }
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return Number.isFinite(n) ? n : undefined;
}
