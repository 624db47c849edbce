/**
 * What is typed into a field's range: a first range around the field's value, the value a field
 * has when left empty, and the check of low and high against the likely value and the field's own
 * rules, with messages that name the field; and which ranges the editor has no field for. Loaded
 * with the range inputs, on demand.
 */
import { CATALOG, entryVersion, PRICE_ALIASES, type CatalogEntry, type CatalogId } from 'kernelcount';
import { getAt, parseNumberField, type Draft } from './calculatorModel';
import { fieldPath, type Range } from './uncertainty';

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
 * Reads the low and high ends typed for a field's range around its likely value: each a number
 * (whole where the field is, within its limits), and low <= likely <= high. The message names the
 * field and the end, and says what is expected.
 */
export function checkRange(label: string, lowText: string, likely: number, highText: string, rule: FieldRule & { unit?: string | undefined } = {}): CheckedRange {
  const opts: Parameters<typeof parseNumberField>[1] = { required: true };
  if (rule.integer) opts.integer = true;
  if (rule.min !== undefined) opts.min = rule.min;
  if (rule.max !== undefined) opts.max = rule.max;
  if (rule.unit) opts.unit = rule.unit;
  const low = parseNumberField(lowText, opts);
  if (!low.ok) return { ok: false, end: 'low', message: `${label}, low end of the range: ${low.message}` };
  const high = parseNumberField(highText, opts);
  if (!high.ok) return { ok: false, end: 'high', message: `${label}, high end of the range: ${high.message}` };
  const l = low.value!;
  const h = high.value!;
  if (l > likely) return { ok: false, end: 'low', message: `${label}, low end of the range: must be at most the likely value (${likely}), got ${l}` };
  if (h < likely) return { ok: false, end: 'high', message: `${label}, high end of the range: must be at least the likely value (${likely}), got ${h}` };
  return { ok: true, range: { low: l, likely, high: h } };
}

/**
 * The value a field has when left empty: the catalog figure its hint names (the scenario's
 * override or chosen version of it), or the hint's value when that is a number.
 */
export function fieldDefault(draft: Draft, hint: { value: string; id?: string | undefined; key?: string | undefined } | undefined): number | undefined {
  if (!hint) return undefined;
  let raw: unknown = hint.value;
  if (hint.id && hint.id in CATALOG) {
    const entry = CATALOG[hint.id as CatalogId] as CatalogEntry;
    const over = getAt(draft, ['catalog', hint.id]);
    const version = getAt(draft, ['catalogVersions', hint.id]);
    raw = over !== undefined ? over : (entryVersion(entry, typeof version === 'string' ? version : undefined) ?? entry).value;
    if (hint.key !== undefined) raw = isObj(raw) ? raw[hint.key] : undefined;
  }
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** The `prices.licences` keys the editor shows: the catalog's licence and control-plane list prices. */
const LICENCE_KEYS: Record<string, true> = Object.fromEntries(
  (Object.keys(CATALOG) as CatalogId[])
    .filter((id) => (id.startsWith('licence.') || id.startsWith('controlPlane.')) && CATALOG[id].unit.startsWith('currency/') && !id.endsWith('Credit'))
    .map((id) => [id.startsWith('licence.') ? id.slice('licence.'.length) : `${id.slice('controlPlane.'.length)}-control-plane`, true]),
);

const SHOWN: Record<string, readonly string[]> = {
  hosts: ['sockets', 'coresPerSocket', 'threadsPerCore', 'memoryGiB', 'diskGiB', 'price', 'powerIdleW', 'powerMaxW'],
  workloads: ['instances', 'vcpus', 'memoryGiB', 'storageGiB', 'imageMiB'],
  policy: ['targetUtilization.cpu', 'targetUtilization.memory', 'targetUtilization.disk', 'cpuOvercommit', 'memoryOvercommit'],
};

/**
 * True when the editor shows the field a range key names (so the range shows there); false for
 * ranges it has no field for (catalog figures, a licence's own price, a name that matches no item),
 * which the editor lists apart so they can be removed.
 */
export function shownInEditor(draft: Draft, key: string): boolean {
  const p = fieldPath(draft, key);
  if (!p) return false;
  const [head, i, ...rest] = p;
  const field = rest.join('.');
  if (head === 'prices') return p.length === 2 ? p[1] as string in PRICE_ALIASES : p.length === 3 && p[1] === 'licences' && String(p[2]) in LICENCE_KEYS;
  if (head === 'policy') {
    const f = [i, ...rest].join('.');
    const ha = getAt(draft, ['policy', 'ha']);
    if (f === 'ha.reservePercent' || f === 'ha.spareHosts') return (isObj(ha) && 'reservePercent' in ha) === (f === 'ha.reservePercent');
    return SHOWN['policy']!.includes(f);
  }
  if (head === 'platforms') {
    const type = String(getAt(draft, ['platforms', i!, 'type']) ?? 'vm');
    if (field === 'perVmOverheadMiB') return type === 'vm' || type === 'containers-in-vms';
    if (field === 'maxPods') return type !== 'vm';
    return type === 'containers-in-vms' && field.startsWith('nodeVm.');
  }
  return SHOWN[head as string]?.includes(field) ?? false;
}
