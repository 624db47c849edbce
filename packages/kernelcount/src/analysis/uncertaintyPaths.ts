/**
 * Numeric inputs of a scenario addressed by path, as an `uncertainty:` section names them:
 * `workloads[0].instances` or `workloads[api].instances` (a list item by index or by name),
 * `hosts[0].price`, `platforms[vm].cpuOvercommit`, `policy.targetUtilization.cpu`,
 * `prices.electricityPerKWh`, `prices.licences.vvf`, `catalog.licence.vvf` and
 * `catalog.k8s.nodeVm.vcpus` (a field of a catalog entry that is an object).
 *
 * A path resolves against the scenario as written (before validation): resolving says whether the
 * input is a whole number, whether it can change host counts or only prices, and where a price goes
 * in a parsed scenario; `setInput` returns a copy of the scenario with the value set.
 */
import { FIGURES, type CatalogId } from '../catalog/defaults.js';
import { entryVersion } from '../catalog/tracker.js';
import type { CatalogFigure } from '../catalog/types.js';
import { joinPath } from '../errors.js';
import { CATALOG_BOUNDS, LICENCE_PRICE_IDS, PRICE_ALIASES, type Bounds } from '../scenario/catalogInputs.js';
import { PLATFORM_TYPES, type PlatformType } from '../scenario/types.js';

/** Where a price input goes in a parsed scenario, so a sample can be re-priced without re-sizing. */
export type PriceTarget =
  | { kind: 'host'; host: number; field: 'price' | 'powerIdleW' | 'powerMaxW' }
  | { kind: 'flat-licence'; workload: number; licence: number }
  | { kind: 'catalog'; id: CatalogId };

/** A numeric input found by its path. */
export interface InputPath {
  /** The path as written. */
  path: string;
  /** The same with list items by index and catalog ids whole: `workloads[0].instances`, `catalog.licence.vvf`. */
  canonical: string;
  /** The field's path as the validator names it in its issues, e.g. `catalog["licence.vvf"]`. */
  issuePath: string;
  /** True when the field takes whole numbers only. */
  integer: boolean;
  /** `price` inputs change what things cost but never how many hosts, VMs or licences are counted. */
  affects: 'price' | 'sizing';
  /** For price inputs: where the value goes in a parsed scenario. */
  target: PriceTarget | null;
  /** The keys from the scenario's root to the field. */
  location: ReadonlyArray<string | number>;
}

/** Why a path names no input: it does not exist (`unknown_key`) or the scenario sets the figure another way (`conflict`). */
export interface PathProblem {
  code: 'unknown_key' | 'conflict';
  message: string;
}
type Problem = string | { conflict: string };
const conflict = (message: string): Problem => ({ conflict: message });

type Segment = { kind: 'key'; key: string } | { kind: 'index'; index: number } | { kind: 'name'; name: string };

const IDENT = /^[A-Za-z_$][\w$-]*/;
/** After a dot a key may start with a digit: catalog ids such as `hypervisor.esxi-6.7.overheadTable`. */
const KEY = /^[\w$-]+/;

/** Splits a path into keys, list indexes and list names; a string is the reason it cannot. */
function tokenize(path: string): Segment[] | string {
  const out: Segment[] = [];
  let i = 0;
  const first = IDENT.exec(path);
  if (!first) return 'must start with a field name, e.g. prices.electricityPerKWh or workloads[api].instances';
  out.push({ kind: 'key', key: first[0] });
  i = first[0].length;
  while (i < path.length) {
    const c = path[i];
    if (c === '.') {
      const m = KEY.exec(path.slice(i + 1));
      if (!m) return `expected a field name after "." at character ${i + 1}`;
      out.push({ kind: 'key', key: m[0] });
      i += 1 + m[0].length;
    } else if (c === '[') {
      const close = path.indexOf(']', i);
      if (path[i + 1] === '"') {
        const end = path.indexOf('"]', i + 2);
        if (end < 0) return `a quoted name opened at character ${i + 1} is not closed with "]`;
        let name: unknown;
        try {
          name = JSON.parse(path.slice(i + 1, end + 1));
        } catch {
          return `the quoted name at character ${i + 1} is not a valid JSON string`;
        }
        out.push({ kind: 'name', name: name as string });
        i = end + 2;
        continue;
      }
      if (close < 0) return `"[" at character ${i + 1} is not closed`;
      const inner = path.slice(i + 1, close);
      if (inner === '') return `empty [] at character ${i + 1}`;
      out.push(/^\d+$/.test(inner) ? { kind: 'index', index: Number(inner) } : { kind: 'name', name: inner });
      i = close + 1;
    } else {
      return `unexpected ${JSON.stringify(c)} at character ${i + 1}`;
    }
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function has(o: Record<string, unknown> | undefined, k: string): boolean {
  return o !== undefined && Object.prototype.hasOwnProperty.call(o, k);
}

type FieldSpec = { integer: boolean; price?: 'price' | 'powerIdleW' | 'powerMaxW'; other?: string };

const HOST_FIELDS: Record<string, FieldSpec> = {
  sockets: { integer: true },
  coresPerSocket: { integer: true },
  threadsPerCore: { integer: true },
  memoryGiB: { integer: false, other: 'memoryMiB' },
  memoryMiB: { integer: true, other: 'memoryGiB' },
  diskGiB: { integer: false },
  price: { integer: false, price: 'price' },
  powerIdleW: { integer: false, price: 'powerIdleW' },
  powerMaxW: { integer: false, price: 'powerMaxW' },
  rackUnits: { integer: true },
};

const WORKLOAD_FIELDS: Record<string, FieldSpec> = {
  instances: { integer: true },
  vcpus: { integer: false, other: 'cpuMillicores' },
  cpuMillicores: { integer: true, other: 'vcpus' },
  memoryGiB: { integer: false, other: 'memoryMiB' },
  memoryMiB: { integer: true, other: 'memoryGiB' },
  storageGiB: { integer: false },
  imageMiB: { integer: true },
};

const GENERIC_FIELDS = ['kubeReservedCpuMillicores', 'kubeReservedMemoryMiB', 'systemReservedCpuMillicores', 'systemReservedMemoryMiB', 'evictionMemoryMiB'];

/** Numeric platform settings by platform type (dotted for nested objects); integer or not. */
const PLATFORM_FIELDS: Record<PlatformType, Record<string, boolean>> = {
  vm: { cpuOvercommit: false, memoryOvercommit: false, perVmOverheadMiB: true },
  containers: { cpuOvercommit: false, memoryOvercommit: false, maxPods: true, ...Object.fromEntries(GENERIC_FIELDS.map((f) => [`generic.${f}`, true])) },
  'containers-in-vms': {
    cpuOvercommit: false,
    memoryOvercommit: false,
    perVmOverheadMiB: true,
    maxPods: true,
    'nodeVm.vcpus': true,
    'nodeVm.memoryGiB': false,
    'nodeVm.diskGiB': false,
    ...Object.fromEntries(GENERIC_FIELDS.map((f) => [`generic.${f}`, true])),
  },
  microvm: {
    cpuOvercommit: false,
    memoryOvercommit: false,
    maxPods: true,
    'podOverhead.memoryMiB': true,
    'podOverhead.cpuMillicores': true,
    ...Object.fromEntries(GENERIC_FIELDS.map((f) => [`generic.${f}`, true])),
  },
};

const POLICY_FIELDS: Record<string, boolean> = {
  cpuOvercommit: false,
  memoryOvercommit: false,
  'targetUtilization.cpu': false,
  'targetUtilization.memory': false,
  'targetUtilization.disk': false,
  'ha.spareHosts': true,
  'ha.reservePercent': false,
};

/**
 * Catalog ids that only price things: the sizing code never reads them (a test checks this).
 * `carbon.` changes neither sizing nor money; counted here so a range on it is not re-sized.
 */
const PRICE_PREFIXES = ['power.', 'facilities.', 'labour.', 'hardware.', 'licence.', 'controlPlane.', 'carbon.'];

/** True when a catalog id only changes prices, never sizing. */
export function isPriceCatalogId(id: string): boolean {
  return PRICE_PREFIXES.some((p) => id.startsWith(p));
}

/** Whole numbers only: by the validator's bounds, or a unit counted in whole MiB, millicores, pods, hosts or threads. */
function catalogInteger(id: CatalogId, field: string | null): boolean {
  const bounds = CATALOG_BOUNDS[id] as (Bounds & Record<string, Bounds>) | undefined;
  const b: Bounds | undefined = field === null ? bounds : bounds?.[field];
  if (b?.integer) return true;
  const unit = field === null ? FIGURES[id].unit : field;
  return /(MiB|[Mm]illicores|^pods|^hosts|^threads)$/.test(unit);
}

/** The value a catalog entry has for this scenario (its override, or the version it picks). */
function catalogValue(input: Record<string, unknown>, id: CatalogId): unknown {
  const cat = input.catalog;
  if (isObject(cat) && has(cat, id)) return cat[id];
  const versions = input.catalogVersions;
  const version = isObject(versions) && typeof versions[id] === 'string' ? (versions[id] as string) : undefined;
  return (entryVersion(FIGURES[id] as CatalogFigure, version) ?? entryVersion(FIGURES[id] as CatalogFigure))!.value;
}

function listItem(
  input: Record<string, unknown>,
  list: 'hosts' | 'workloads' | 'platforms',
  seg: Segment | undefined,
): { index: number; item: Record<string, unknown>; list: unknown[] } | string {
  let items = input[list];
  if (list === 'platforms' && items === undefined) items = PLATFORM_TYPES.map((type) => ({ type }));
  if (!Array.isArray(items)) return `the scenario has no ${list} list`;
  if (!seg || seg.kind === 'key') return `name one of ${list} by index or name, e.g. ${list}[0] or ${list}[name]`;
  const nameOf = (x: unknown) => (isObject(x) ? (typeof x.name === 'string' ? x.name : list === 'platforms' && typeof x.type === 'string' ? x.type : undefined) : undefined);
  if (seg.kind === 'index') {
    if (seg.index >= items.length) return `${list}[${seg.index}] does not exist: the scenario has ${items.length} ${list}`;
    const item = items[seg.index];
    return isObject(item) ? { index: seg.index, item, list: items } : `${list}[${seg.index}] is not an object`;
  }
  const index = items.findIndex((x) => nameOf(x) === seg.name);
  if (index < 0) {
    const names = items.map(nameOf).filter((n): n is string => n !== undefined);
    return `no ${list.slice(0, -1)} named ${JSON.stringify(seg.name)}; ${list} are ${names.map((n) => JSON.stringify(n)).join(', ')}`;
  }
  return { index, item: items[index] as Record<string, unknown>, list: items };
}

function keysOf(segs: Segment[]): string | null {
  if (segs.some((s) => s.kind !== 'key')) return null;
  return segs.map((s) => (s as { key: string }).key).join('.');
}

function plain(canonical: string, integer: boolean, location: Array<string | number>, target: PriceTarget | null = null, issuePath = canonical): InputPath {
  return { path: canonical, canonical, issuePath, integer, affects: target ? 'price' : 'sizing', target, location };
}

function resolveHost(input: Record<string, unknown>, segs: Segment[]): InputPath | Problem {
  const it = listItem(input, 'hosts', segs[1]);
  if (typeof it === 'string') return it;
  const field = keysOf(segs.slice(2));
  const spec = field === null ? undefined : HOST_FIELDS[field];
  if (!spec || field === null) return `hosts[...] takes a numeric field: ${Object.keys(HOST_FIELDS).join(', ')}`;
  if (spec.other && has(it.item, spec.other)) return conflict(`hosts[${it.index}] gives ${spec.other}; give the range on hosts[${it.index}].${spec.other}`);
  const canonical = `hosts[${it.index}].${field}`;
  return plain(canonical, spec.integer, ['hosts', it.index, field], spec.price ? { kind: 'host', host: it.index, field: spec.price } : null);
}

function resolveWorkload(input: Record<string, unknown>, segs: Segment[]): InputPath | Problem {
  const it = listItem(input, 'workloads', segs[1]);
  if (typeof it === 'string') return it;
  const rest = segs.slice(2);
  // A flat licence's price: workloads[x].licences[n].pricePerInstanceYear
  if (rest[0]?.kind === 'key' && rest[0].key === 'licences') {
    const lic = it.item.licences;
    const n = rest[1];
    if (!Array.isArray(lic) || !n || n.kind !== 'index' || n.index >= lic.length) return `workloads[${it.index}].licences[n] must name one of the workload's licences by index`;
    const l = lic[n.index];
    if (keysOf(rest.slice(2)) !== 'pricePerInstanceYear' || !isObject(l) || !has(l, 'pricePerInstanceYear')) {
      return `only the pricePerInstanceYear of a licence given by name and price can vary`;
    }
    const canonical = `workloads[${it.index}].licences[${n.index}].pricePerInstanceYear`;
    return plain(canonical, false, ['workloads', it.index, 'licences', n.index, 'pricePerInstanceYear'], { kind: 'flat-licence', workload: it.index, licence: n.index });
  }
  const field = keysOf(rest);
  const spec = field === null ? undefined : WORKLOAD_FIELDS[field];
  if (!spec || field === null) return `workloads[...] takes a numeric field: ${Object.keys(WORKLOAD_FIELDS).join(', ')}, or licences[n].pricePerInstanceYear`;
  if (spec.other && has(it.item, spec.other)) return conflict(`workloads[${it.index}] gives ${spec.other}; give the range on workloads[${it.index}].${spec.other}`);
  return plain(`workloads[${it.index}].${field}`, spec.integer, ['workloads', it.index, field]);
}

function resolvePlatform(input: Record<string, unknown>, segs: Segment[]): InputPath | Problem {
  const it = listItem(input, 'platforms', segs[1]);
  if (typeof it === 'string') return it;
  const type = it.item.type;
  if (typeof type !== 'string' || !(PLATFORM_TYPES as readonly string[]).includes(type)) return `platforms[${it.index}] has no valid type`;
  const fields = PLATFORM_FIELDS[type as PlatformType];
  const field = keysOf(segs.slice(2));
  if (field === null || !has(fields, field)) return `a ${type} platform takes a numeric field: ${Object.keys(fields).join(', ')}`;
  return plain(`platforms[${it.index}].${field}`, fields[field]!, ['platforms', it.index, ...field.split('.')]);
}

function resolvePolicy(input: Record<string, unknown>, segs: Segment[]): InputPath | Problem {
  const field = keysOf(segs.slice(1));
  if (field === null || !has(POLICY_FIELDS, field)) return `policy takes a numeric field: ${Object.keys(POLICY_FIELDS).join(', ')}`;
  const ha = isObject(input.policy) ? input.policy.ha : undefined;
  if (field.startsWith('ha.') && isObject(ha)) {
    const other = field === 'ha.spareHosts' ? 'reservePercent' : 'spareHosts';
    if (has(ha, other)) return conflict(`policy.ha gives ${other}; give the range on policy.ha.${other}`);
  }
  return plain(`policy.${field}`, POLICY_FIELDS[field]!, ['policy', ...field.split('.')]);
}

/** The `prices:` path that sets a catalog id, if any. */
function priceAliasOf(id: string): string | undefined {
  const alias = Object.entries(PRICE_ALIASES).find(([, v]) => v === id)?.[0];
  if (alias) return `prices.${alias}`;
  const product = Object.entries(LICENCE_PRICE_IDS).find(([, v]) => v === id)?.[0];
  return product ? `prices.licences.${product}` : undefined;
}

function resolvePrices(input: Record<string, unknown>, segs: Segment[]): InputPath | Problem {
  const field = keysOf(segs.slice(1));
  const inCatalog = (id: string) => isObject(input.catalog) && has(input.catalog, id);
  if (field !== null && has(PRICE_ALIASES, field)) {
    const id = PRICE_ALIASES[field as keyof typeof PRICE_ALIASES];
    if (inCatalog(id)) return conflict(`the scenario sets catalog.${id}; give the range on catalog.${id}`);
    return plain(`prices.${field}`, catalogInteger(id, null), ['prices', field], { kind: 'catalog', id });
  }
  if (field !== null && field.startsWith('licences.')) {
    const product = field.slice('licences.'.length);
    const id = LICENCE_PRICE_IDS[product];
    if (!id || !has(LICENCE_PRICE_IDS, product)) return `prices.licences takes a product: ${Object.keys(LICENCE_PRICE_IDS).join(', ')}`;
    if (inCatalog(id)) return conflict(`the scenario sets catalog.${id}; give the range on catalog.${id}`);
    return plain(`prices.licences.${product}`, false, ['prices', 'licences', product], { kind: 'catalog', id });
  }
  return `prices takes ${Object.keys(PRICE_ALIASES).join(', ')} or licences.<product>`;
}

function resolveCatalog(input: Record<string, unknown>, segs: Segment[]): InputPath | Problem {
  // catalog["licence.vvf"] names the id whole; catalog.licence.vvf is read as the longest id that matches.
  let id: string | undefined;
  let rest: Segment[];
  const s1 = segs[1];
  if (s1?.kind === 'name') {
    id = s1.name;
    rest = segs.slice(2);
  } else {
    const keys = segs.slice(1);
    if (keys.some((s) => s.kind !== 'key') || keys.length === 0) return 'name a catalog id, e.g. catalog.licence.vvf (`kernelcount catalog` lists them)';
    const words = keys.map((s) => (s as { key: string }).key);
    let n = words.length;
    for (; n > 0; n--) if (has(FIGURES as Record<string, unknown>, words.slice(0, n).join('.'))) break;
    if (n === 0) return `${JSON.stringify(words.join('.'))} is not a catalog id; \`kernelcount catalog\` lists them`;
    id = words.slice(0, n).join('.');
    rest = keys.slice(n);
  }
  if (!has(FIGURES as Record<string, unknown>, id)) return `${JSON.stringify(id)} is not a catalog id; \`kernelcount catalog\` lists them`;
  const cid = id as CatalogId;
  const alias = priceAliasOf(cid);
  if (alias && valueAt(input, alias.split('.')) !== undefined) {
    return conflict(`the scenario sets this figure under ${alias}; give the range on ${alias}`);
  }
  const value = catalogValue(input, cid);
  const field = keysOf(rest);
  const canonicalId = `catalog.${id}`;
  const issueBase = joinPath('catalog', id);
  if (field === null) return `catalog.${id} takes at most one field name`;
  if (field === '') {
    if (typeof value !== 'number' && typeof value !== 'string') {
      const numeric = isObject(value) ? Object.keys(value).filter((k) => typeof value[k] === 'number') : [];
      return numeric.length ? `catalog.${id} is an object; range one of its fields: ${numeric.map((k) => `${canonicalId}.${k}`).join(', ')}` : `catalog.${id} is not a number`;
    }
    const target: PriceTarget | null = isPriceCatalogId(cid) ? { kind: 'catalog', id: cid } : null;
    return plain(canonicalId, catalogInteger(cid, null), ['catalog', id], target, issueBase);
  }
  if (!isObject(value) || typeof value[field] !== 'number' || field.includes('.')) {
    return `catalog.${id} has no numeric field ${JSON.stringify(field)}`;
  }
  return plain(`${canonicalId}.${field}`, catalogInteger(cid, field), ['catalog', id, field], null, joinPath(issueBase, field));
}

/**
 * Finds the numeric input a path names in a scenario (as written, before validation), or says why
 * it cannot.
 *
 * @example
 * const scenario = { hosts: [{ name: 'h', price: 9000 }], workloads: [{ name: 'api', instances: 24 }] };
 * resolveInputPath(scenario, 'workloads[api].instances') //=> { canonical: 'workloads[0].instances', integer: true, affects: 'sizing', ... }
 * resolveInputPath(scenario, 'prices.electricityPerKWh').target //=> { kind: 'catalog', id: 'power.pricePerKWh' }
 * resolveInputPath(scenario, 'workloads[web].instances') //=> { code: 'unknown_key', message: 'no workload named "web"; workloads are "api"' }
 */
export function resolveInputPath(input: unknown, path: string): InputPath | PathProblem {
  if (!isObject(input)) return { code: 'unknown_key', message: 'the scenario is not an object' };
  const segs = tokenize(path);
  if (typeof segs === 'string') return { code: 'unknown_key', message: segs };
  const head = (segs[0] as { key: string }).key;
  let r: InputPath | Problem;
  switch (head) {
    case 'hosts':
      r = resolveHost(input, segs);
      break;
    case 'workloads':
      r = resolveWorkload(input, segs);
      break;
    case 'platforms':
      r = resolvePlatform(input, segs);
      break;
    case 'policy':
      r = resolvePolicy(input, segs);
      break;
    case 'prices':
      r = resolvePrices(input, segs);
      break;
    case 'catalog':
      r = resolveCatalog(input, segs);
      break;
    default:
      r = 'must start with hosts, workloads, platforms, policy, prices or catalog';
  }
  if (typeof r === 'string') return { code: 'unknown_key', message: r };
  if ('conflict' in r) return { code: 'conflict', message: r.conflict };
  return { ...r, path };
}

/**
 * The number the scenario gives at a resolved path; for a catalog figure it leaves out, the
 * default (or the version it picks); otherwise undefined.
 *
 * @example
 * const s = { workloads: [{ name: 'api', instances: 24 }] };
 * getInput(s, resolveInputPath(s, 'workloads[api].instances')) //=> 24
 * getInput(s, resolveInputPath(s, 'catalog.power.pue')) //=> 1.56 (the catalog default)
 */
export function getInput(input: unknown, p: InputPath): number | undefined {
  if (!isObject(input)) return undefined;
  const loc = p.location;
  if (loc[0] === 'catalog') {
    const v = catalogValue(input, loc[1] as CatalogId);
    return asNumber(loc.length > 2 && isObject(v) ? v[loc[2] as string] : v);
  }
  return asNumber(valueAt(input, loc));
}

/** What the scenario holds at a list of keys (own properties only), or undefined. */
function valueAt(input: unknown, loc: ReadonlyArray<string | number>): unknown {
  let cur: unknown = input;
  for (const k of loc) {
    if (cur === null || typeof cur !== 'object' || !Object.prototype.hasOwnProperty.call(cur, k)) return undefined;
    cur = (cur as Record<string | number, unknown>)[k];
  }
  return cur;
}

function asNumber(x: unknown): number | undefined {
  if (typeof x === 'number') return x;
  if (typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x))) return Number(x);
  return undefined;
}

function copyOf(v: unknown): Record<string | number, unknown> | unknown[] {
  if (Array.isArray(v)) return [...v];
  return isObject(v) ? { ...v } : {};
}

/**
 * A copy of the scenario with one input set: only the objects on the way to the field are copied,
 * the input itself is left as it was.
 *
 * @example
 * const s = { hosts: [{ name: 'h', price: 9000 }], workloads: [] };
 * setInput(s, resolveInputPath(s, 'hosts[h].price'), 9500).hosts[0].price //=> 9500
 * s.hosts[0].price //=> 9000
 */
export function setInput(input: unknown, p: InputPath, value: number): Record<string, unknown> {
  const root = copyOf(input) as Record<string, unknown>;
  const loc = p.location;
  if (loc[0] === 'platforms' && root.platforms === undefined) root.platforms = PLATFORM_TYPES.map((type) => ({ type }));
  if (loc[0] === 'catalog' && loc.length > 2) {
    // A field of an object entry: the override is the whole object, so start from the value in use.
    const id = loc[1] as CatalogId;
    const cat = copyOf(root.catalog) as Record<string, unknown>;
    cat[id] = { ...(catalogValue(root, id) as Record<string, unknown>), [loc[2] as string]: value };
    root.catalog = cat;
    return root;
  }
  let parent: Record<string | number, unknown> | unknown[] = root;
  for (let i = 0; i < loc.length - 1; i++) {
    const k = loc[i]!;
    const child = copyOf((parent as Record<string | number, unknown>)[k]);
    (parent as Record<string | number, unknown>)[k] = child;
    parent = child;
  }
  (parent as Record<string | number, unknown>)[loc[loc.length - 1]!] = value;
  return root;
}
