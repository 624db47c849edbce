/**
 * Ranges in the editor: which fields take a range, the key of a field's range in the scenario's
 * `uncertainty:` section (the package's input paths, by name: `workloads[api].instances`,
 * `prices.electricityPerKWh`), reading and checking what is typed, and keeping the section in step
 * with the rest of the scenario as it is edited: the likely value follows the field's value, and a
 * range follows its host, workload or platform when that is renamed, and goes when it is removed.
 * Loaded with the calculator, so it stays small: reading what is typed into a range
 * (uncertaintyInput.ts), the range inputs, the Monte Carlo and its results load on demand.
 */
import type { Draft, Path } from './calculatorModel';

export interface Range {
  low: number;
  likely: number;
  high: number;
}

type Item = Record<string, unknown>;
type List = 'hosts' | 'workloads' | 'platforms';

const isObj = (v: unknown): v is Item => v !== null && typeof v === 'object' && !Array.isArray(v);

// This module and the range chunk import no value from calculatorModel.ts (nor from `kernelcount`):
// a chunk loaded on demand that shares modules with the page's own splits them into a chunk of
// their own, which costs the page's up-front JavaScript a few hundred bytes.

/** The value at a path of keys (undefined when a step is missing). */
export function at(obj: unknown, path: Path): unknown {
  let cur = obj;
  for (const k of path) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[k] : undefined;
  return cur;
}

const GENERIC = ['kubeReservedCpuMillicores', 'kubeReservedMemoryMiB', 'systemReservedCpuMillicores', 'systemReservedMemoryMiB', 'evictionMemoryMiB'].map((f) => `generic.${f}`);
const K8S = ['maxPods', ...GENERIC];
/** Numeric fields that take a range, per list and (platforms) per type, as the package accepts them. */
const PLATFORM_FIELDS: Record<string, string[]> = {
  vm: ['perVmOverheadMiB'],
  containers: K8S,
  'containers-in-vms': ['perVmOverheadMiB', ...K8S, 'nodeVm.vcpus', 'nodeVm.memoryGiB', 'nodeVm.diskGiB'],
  microvm: [...K8S, 'podOverhead.memoryMiB', 'podOverhead.cpuMillicores'],
};
const HOST_FIELDS = ['sockets', 'coresPerSocket', 'threadsPerCore', 'memoryGiB', 'memoryMiB', 'diskGiB', 'price', 'powerIdleW', 'powerMaxW', 'rackUnits'];
const WORKLOAD_FIELDS = ['instances', 'vcpus', 'cpuMillicores', 'memoryGiB', 'memoryMiB', 'storageGiB', 'imageMiB'];
/** The same quantity in another unit: a range goes on the one the item gives. */
const OTHER: Record<string, string> = { memoryGiB: 'memoryMiB', memoryMiB: 'memoryGiB', vcpus: 'cpuMillicores', cpuMillicores: 'vcpus' };

function fieldsOf(list: List, item: Item): string[] {
  if (list === 'hosts') return HOST_FIELDS;
  if (list === 'workloads') return WORKLOAD_FIELDS;
  return ['cpuOvercommit', 'memoryOvercommit', ...(PLATFORM_FIELDS[String(item['type'] ?? 'vm')] ?? [])];
}

const PLATFORM_TYPES = ['vm', 'containers', 'containers-in-vms', 'microvm'];

/** The items of a list; platforms the scenario leaves out are the four types. */
function itemsOf(draft: Draft, list: List): Item[] {
  const v = draft[list];
  if (list === 'platforms' && v === undefined) return PLATFORM_TYPES.map((type) => ({ type }));
  return Array.isArray(v) ? (v as Item[]) : [];
}

/** An item's name as the package finds it: its name, or a platform's type. */
function nameOf(list: List, item: Item | undefined): string | undefined {
  if (!isObj(item)) return undefined;
  if (typeof item['name'] === 'string') return item['name'];
  return list === 'platforms' && typeof item['type'] === 'string' ? item['type'] : undefined;
}

/** `[api]`, or `["a name"]` when the name has brackets or quotes, is all digits or has outer spaces; `[i]` without a name. */
export function selector(name: string | undefined, index: number): string {
  if (name === undefined || name === '') return `[${index}]`;
  return /^\d+$/.test(name) || /[\]["]/.test(name) || name.trim() !== name ? `[${JSON.stringify(name)}]` : `[${name}]`;
}

type Sel = { index: number } | { name: string };
type Key = { list: List; sel: Sel; field: string } | { list: null; path: Path | null };

/** Reads a range key: a list item's field, or a `policy.` / `prices.` path (null path: not a field of the editor). */
export function parseKey(key: string): Key {
  const m = /^(hosts|workloads|platforms)\[(?:"((?:[^"\\]|\\.)*)"|([^\]"]*))\]\.(.+)$/.exec(key);
  if (m) {
    let sel: Sel;
    if (m[2] !== undefined) {
      try {
        sel = { name: JSON.parse(`"${m[2]}"`) as string };
      } catch {
        return { list: null, path: null };
      }
    } else sel = /^\d+$/.test(m[3]!) ? { index: Number(m[3]) } : { name: m[3]! };
    return { list: m[1] as List, sel, field: m[4]! };
  }
  if (key.startsWith('prices.licences.')) return { list: null, path: ['prices', 'licences', key.slice('prices.licences.'.length)] };
  if (/^(prices|policy)\.[\w.]+$/.test(key)) return { list: null, path: key.split('.') };
  return { list: null, path: null };
}

function indexOf(items: Item[], list: List, sel: Sel): number {
  if ('index' in sel) return sel.index < items.length ? sel.index : -1;
  return items.findIndex((x) => nameOf(list, x) === sel.name);
}

/** The editor path of the field a range key names in this scenario, or null (another input, or none). */
export function fieldPath(draft: Draft, key: string): Path | null {
  const k = parseKey(key);
  if (k.list === null) return k.path;
  const i = indexOf(itemsOf(draft, k.list), k.list, k.sel);
  return i < 0 ? null : [k.list, i, ...k.field.split('.')];
}

/** A field's path as the package (and the form's `data-path`) writes it: `workloads[0].instances`, `prices.licences["vmware-vvf"]`. */
export function fieldKeyOf(path: Path): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(p)}]`;
  }
  return out;
}

/** The ranges of a scenario (its `uncertainty:` section), or an empty object. */
export function rangesOf(draft: Draft): Record<string, unknown> {
  const u = draft['uncertainty'];
  return isObj(u) ? u : {};
}

/** True when the scenario gives at least one range (the Monte Carlo then runs). */
export function hasRanges(draft: Draft): boolean {
  return Object.keys(rangesOf(draft)).length > 0;
}

const samePath = (a: Path, b: Path) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The key of the range set on an editor field, if there is one (by name or by index, as written). */
export function rangeKeyAt(draft: Draft, path: Path): string | undefined {
  for (const key of Object.keys(rangesOf(draft))) {
    const p = fieldPath(draft, key);
    if (p && samePath(p, path)) return key;
  }
  return undefined;
}

/**
 * The key a new range on this editor field gets (items by name), or null when the package takes no
 * range there (the horizon, text, or a quantity the item gives in another unit).
 */
export function newRangeKey(draft: Draft, path: Path): string | null {
  const [head, i, ...rest] = path;
  if (head === 'hosts' || head === 'workloads' || head === 'platforms') {
    const item = typeof i === 'number' ? itemsOf(draft, head)[i] : undefined;
    const field = rest.join('.');
    if (!isObj(item) || !fieldsOf(head, item).includes(field)) return null;
    const other = OTHER[field];
    if (other && item[other] !== undefined) return null;
    return `${head}${selector(nameOf(head, item), i as number)}.${field}`;
  }
  if (head === 'prices' || head === 'policy') return path.join('.');
  return null;
}

/** A range as stored, if it is one: three finite numbers. */
export function readRange(v: unknown): Range | null {
  if (!isObj(v)) return null;
  const { low, likely, high } = v;
  return [low, likely, high].every((x) => typeof x === 'number' && Number.isFinite(x)) ? { low: low as number, likely: likely as number, high: high as number } : null;
}

/** The scenario with a range set on a key (undefined removes it; the last one removes the section). */
export function withRange(draft: Draft, key: string, range: Range | undefined): Draft {
  const next = { ...rangesOf(draft) };
  if (range) next[key] = { low: range.low, likely: range.likely, high: range.high };
  else delete next[key];
  const out = { ...draft };
  if (Object.keys(next).length) out['uncertainty'] = next;
  else delete out['uncertainty'];
  return out;
}

/**
 * Where each item of a list went after an edit: by identity (the editor copies only what it
 * changes), then by name; a list of the same length was edited in place. -1: removed.
 */
function moves(list: List, before: Item[], after: Item[]): number[] {
  if (before.length === after.length) return before.map((_, i) => i);
  const taken = new Set<number>();
  const out = before.map((item) => {
    const k = after.indexOf(item);
    if (k >= 0) taken.add(k);
    return k;
  });
  return out.map((k, j) => {
    if (k >= 0) return k;
    const name = nameOf(list, before[j]);
    const m = after.findIndex((x, i) => !taken.has(i) && name !== undefined && nameOf(list, x) === name);
    if (m >= 0) taken.add(m);
    return m;
  });
}

const asNumber = (v: unknown): number | undefined => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

/**
 * Keeps the `uncertainty:` section in step after an edit from `before` to `after`: a range follows
 * its host, workload or platform when it is renamed or moves (keys by name get the new name, keys
 * by index the new index), goes when the item is removed or no longer has the field (a platform
 * changed type), and its likely value follows the field's value when that changed.
 */
export function followRanges(before: Draft, after: Draft): Draft {
  const ranges = rangesOf(after);
  const keys = Object.keys(ranges);
  if (keys.length === 0) return after;
  const moved = new Map<List, number[]>();
  const out: Record<string, unknown> = {};
  let changed = false;
  for (const key of keys) {
    let range = ranges[key];
    const k = parseKey(key);
    let newKey = key;
    let from: Path | null;
    let to: Path | null;
    if (k.list === null) {
      from = to = k.path;
    } else {
      const { list, sel, field } = k;
      const was = itemsOf(before, list);
      const now = itemsOf(after, list);
      const j = indexOf(was, list, sel);
      if (j < 0) {
        out[key] = range; // did not name an item before either: the package reports it
        continue;
      }
      if (!moved.has(list)) moved.set(list, moves(list, was, now));
      const i = moved.get(list)![j]!;
      const item = now[i];
      // A platform that changed type may no longer have the field; other lists keep any field.
      if (i < 0 || !item || (list === 'platforms' && !fieldsOf(list, item).includes(field))) {
        changed = true;
        continue;
      }
      newKey = `${list}${'index' in sel ? `[${i}]` : selector(nameOf(list, item), i)}.${field}`;
      const plainField = /^[\w.]+$/.test(field);
      from = plainField ? [list, j, ...field.split('.')] : null;
      to = plainField ? [list, i, ...field.split('.')] : null;
    }
    if (from && to) {
      const v = at(after, to);
      const n = asNumber(v);
      const r = readRange(range);
      if (v !== at(before, from) && n !== undefined && r && r.likely !== n) range = { ...r, likely: n };
    }
    if (newKey !== key || range !== ranges[key]) changed = true;
    out[newKey] = range;
  }
  if (!changed) return after;
  const next = { ...after };
  if (Object.keys(out).length) next['uncertainty'] = out;
  else delete next['uncertainty'];
  return next;
}
