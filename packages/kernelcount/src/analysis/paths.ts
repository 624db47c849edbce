/**
 * Numeric inputs of a scenario, addressed by path. A path names one number in the scenario a user
 * writes (the raw `ScenarioInput`, not the normalized model): `workloads[api].instances`,
 * `hosts[0].price`, `prices.electricityPerKWh`, `policy.cpuOvercommit`,
 * `platforms[vm].cpuOvercommit`, `catalog.licence.windows-server-standard`. Items of `hosts`,
 * `workloads` and `platforms` are picked by name (`[api]`, or `["a name"]` when it has spaces or
 * brackets) or by index (`[0]`). The functions here read an input (its written value, or the
 * default the model would use), return a new scenario with one input changed (never mutating the
 * one given), and list every numeric input a scenario has, with value, unit, bounds and whether it
 * is a whole number. Mistakes throw a KernelcountError whose issue path is the input path.
 */
import { type CatalogId } from '../catalog/defaults.js';
import { CATALOG } from '../catalog/catalog.js';
import type { CatalogView } from '../catalog/tracker.js';
import { KernelcountError, describeValue, type IssueCode } from '../errors.js';
import { evaluate, type EvaluateOptions } from '../evaluate.js';
import { money, type Money, type MoneyInput } from '../money.js';
import { MAX_PODS_LIMIT } from '../rules/reservations.js';
import { LICENCE_PRICE_IDS, LIMITS, PRICE_ALIASES, parseScenarioWithCatalog } from '../scenario/validate.js';
import { CATALOG_BOUNDS, type Bounds } from '../scenario/catalogInputs.js';
import { PLATFORM_TYPES, type Platform, type PlatformType, type Scenario } from '../scenario/types.js';

/** How the scenario writes a value: a money amount (a number or a decimal string) or a plain number. */
export type InputKind = 'amount' | 'number';

/** One numeric input of a scenario. */
export interface NumericInput {
  /** Canonical path, with names rather than indexes where the item has one. */
  path: string;
  /** What the value is, in words. */
  label: string;
  /** Current value: as written, or the default the model uses when the scenario leaves it out. */
  value: Money;
  /** `scenario` when the scenario writes it; `default` when it comes from the catalog or a convention. */
  source: 'scenario' | 'default';
  unit: string;
  kind: InputKind;
  /** True when only whole numbers are valid. */
  integer: boolean;
  /**
   * The finest step the model sees: 1 for whole numbers, 1/1024 GiB for sizes in GiB (rounded up to
   * whole MiB), 0.001 vCPU (rounded up to whole millicores); null for a continuous value.
   */
  step: Money | null;
  /** Smallest valid value; `minExclusive` when the value must be strictly greater. */
  min: Money;
  minExclusive: boolean;
  /** Largest valid value. */
  max: Money;
}

/** Where an input lives and how it is checked: the parts of `NumericInput` that do not depend on its value. */
interface FieldSpec {
  label: string;
  unit: string;
  kind: InputKind;
  integer?: boolean;
  step?: string;
  min?: number;
  gt?: number;
  max?: number;
}

type Key = string | number;

/** A path resolved against one scenario: where to read and write, and how to find the default. */
interface Resolved {
  path: string;
  spec: FieldSpec;
  /** Keys from the scenario root to the value. */
  at: Key[];
  /** Sibling keys removed when the value is written (the same quantity in another unit). */
  removes: string[];
  /** The value as written, or undefined. */
  written: unknown;
  /** The default the model uses when nothing is written; null when there is none to read. */
  fallback: (ctx: Ctx) => Money | null;
  /** Catalog object entries are overridden whole: the field is written into a copy of the current object. */
  wholeObject?: { field: string; current: (ctx: Ctx) => Record<string, unknown> };
  /** The scenario leaves out `platforms` (all four types); writing materializes that default list. */
  materializePlatforms?: boolean;
}

/** The validated scenario and its catalog view, computed once when a default must be read. */
interface Ctx {
  readonly parsed: { scenario: Scenario; catalog: CatalogView };
}

/** 1 GiB in GiB-sized steps of one MiB: sizes given in GiB are rounded up to whole MiB. */
const MIB_STEP = '0.0009765625'; // 1 / 1024
const MILLI_STEP = '0.001';
const GIB_MAX = LIMITS.hostMemoryMiB / 1024;
const DISK_GIB_MAX = LIMITS.hostDiskMiB / 1024;
const AMOUNT_MAX = 1e15;
const CATALOG_DEFAULT_MAX = 1e12;

function fail(path: string, code: IssueCode, message: string): never {
  throw new KernelcountError([{ code, path, message }]);
}

/* ------------------------------------------------------------------------------------------
 * Field specifications. Bounds mirror the validator (src/scenario/validate.ts); paths.test.ts checks
 * each bound against it, so the two cannot drift apart unnoticed.
 * ---------------------------------------------------------------------------------------- */

const HOST_FIELDS: Record<string, FieldSpec> = {
  sockets: { label: 'sockets per host', unit: 'sockets', kind: 'number', integer: true, min: 1, max: LIMITS.sockets },
  coresPerSocket: { label: 'cores per socket', unit: 'cores', kind: 'number', integer: true, min: 1, max: LIMITS.coresPerSocket },
  threadsPerCore: { label: 'hardware threads per core', unit: 'threads', kind: 'number', integer: true, min: 1, max: 8 },
  memoryGiB: { label: 'memory per host', unit: 'GiB', kind: 'number', step: MIB_STEP, min: 1, max: GIB_MAX },
  memoryMiB: { label: 'memory per host', unit: 'MiB', kind: 'number', integer: true, min: 1024, max: LIMITS.hostMemoryMiB },
  diskGiB: { label: 'usable disk per host', unit: 'GiB', kind: 'number', step: MIB_STEP, gt: 0, max: DISK_GIB_MAX },
  price: { label: 'purchase price per host', unit: 'currency', kind: 'amount' },
  powerIdleW: { label: 'idle power per host', unit: 'W', kind: 'number', min: 0, max: 100000 },
  powerMaxW: { label: 'maximum power per host', unit: 'W', kind: 'number', min: 0, max: 100000 },
  rackUnits: { label: 'rack units per host', unit: 'U', kind: 'number', integer: true, min: 1, max: 64 },
};

const WORKLOAD_FIELDS: Record<string, FieldSpec> = {
  instances: { label: 'instances', unit: 'instances', kind: 'number', integer: true, min: 0, max: LIMITS.instancesPerWorkload },
  vcpus: { label: 'CPU per instance', unit: 'vCPU', kind: 'number', step: MILLI_STEP, gt: 0, max: 4096 },
  cpuMillicores: { label: 'CPU per instance', unit: 'millicores', kind: 'number', integer: true, min: 1, max: 4_096_000 },
  memoryGiB: { label: 'memory per instance', unit: 'GiB', kind: 'number', step: MIB_STEP, gt: 0, max: GIB_MAX },
  memoryMiB: { label: 'memory per instance', unit: 'MiB', kind: 'number', integer: true, gt: 0, max: LIMITS.hostMemoryMiB },
  storageGiB: { label: 'data per instance', unit: 'GiB', kind: 'number', step: MIB_STEP, min: 0, max: DISK_GIB_MAX },
  imageMiB: { label: 'container image size', unit: 'MiB', kind: 'number', integer: true, min: 0, max: 1024 * 1024 },
};

const LICENCE_PRICE_FIELD: FieldSpec = { label: 'licence price per instance-year', unit: 'currency/instance-year', kind: 'amount' };

/** The same quantity in the other unit: writing one removes the other. */
const ALTERNATES: Record<string, string> = { memoryGiB: 'memoryMiB', memoryMiB: 'memoryGiB', vcpus: 'cpuMillicores', cpuMillicores: 'vcpus' };

const K8S: readonly PlatformType[] = ['containers', 'containers-in-vms', 'microvm'];
const HYPERVISOR_TYPES: readonly PlatformType[] = ['vm', 'containers-in-vms'];

interface PlatformField {
  spec: FieldSpec;
  types: readonly PlatformType[];
  read: (p: Platform) => number | null;
}

const PLATFORM_FIELDS: Record<string, PlatformField> = {
  cpuOvercommit: { spec: { label: 'CPU overcommit', unit: 'ratio', kind: 'number', min: 0.1, max: 100 }, types: PLATFORM_TYPES, read: (p) => p.cpuOvercommit },
  memoryOvercommit: { spec: { label: 'memory overcommit', unit: 'ratio', kind: 'number', min: 0.1, max: 10 }, types: PLATFORM_TYPES, read: (p) => p.memoryOvercommit },
  perVmOverheadMiB: {
    spec: { label: 'per-VM overhead', unit: 'MiB', kind: 'number', integer: true, min: 0, max: 1024 * 1024 },
    types: HYPERVISOR_TYPES,
    read: (p) => ('perVmOverheadMiB' in p ? p.perVmOverheadMiB : null),
  },
  maxPods: { spec: { label: 'pods per node', unit: 'pods', kind: 'number', integer: true, min: 1, max: 10000 }, types: K8S, read: (p) => ('maxPods' in p ? p.maxPods : null) },
  'nodeVm.vcpus': {
    spec: { label: 'node VM vCPUs', unit: 'vCPU', kind: 'number', integer: true, min: 1, max: 1024 },
    types: ['containers-in-vms'],
    read: (p) => (p.type === 'containers-in-vms' ? p.nodeVm.vcpus : null),
  },
  'nodeVm.memoryGiB': {
    spec: { label: 'node VM memory', unit: 'GiB', kind: 'number', step: MIB_STEP, min: 1, max: 65536 },
    types: ['containers-in-vms'],
    read: (p) => (p.type === 'containers-in-vms' ? p.nodeVm.memoryMiB / 1024 : null),
  },
  'nodeVm.diskGiB': {
    spec: { label: 'node VM disk', unit: 'GiB', kind: 'number', step: MIB_STEP, gt: 0, max: 1048576 },
    types: ['containers-in-vms'],
    read: (p) => (p.type === 'containers-in-vms' ? p.nodeVm.diskMiB / 1024 : null),
  },
  'podOverhead.memoryMiB': {
    spec: { label: 'pod overhead memory', unit: 'MiB', kind: 'number', integer: true, min: 0, max: LIMITS.hostMemoryMiB },
    types: ['microvm'],
    read: (p) => (p.type === 'microvm' ? (p.podOverhead?.memoryMiB ?? null) : null),
  },
  'podOverhead.cpuMillicores': {
    spec: { label: 'pod overhead CPU', unit: 'millicores', kind: 'number', integer: true, min: 0, max: 4_096_000 },
    types: ['microvm'],
    read: (p) => (p.type === 'microvm' ? (p.podOverhead?.cpuMillicores ?? null) : null),
  },
};
for (const k of ['kubeReservedCpuMillicores', 'kubeReservedMemoryMiB', 'systemReservedCpuMillicores', 'systemReservedMemoryMiB', 'evictionMemoryMiB'] as const) {
  const mib = k.endsWith('MiB');
  PLATFORM_FIELDS[`generic.${k}`] = {
    spec: { label: `generic reservation ${k}`, unit: mib ? 'MiB' : 'millicores', kind: 'number', integer: true, min: 0, max: mib ? LIMITS.hostMemoryMiB : 4_096_000 },
    types: K8S,
    read: (p) => ('generic' in p ? p.generic[k] : null),
  };
}

const POLICY_FIELDS: Record<string, { spec: FieldSpec; read: (s: Scenario) => number | null; removes?: string[] }> = {
  cpuOvercommit: { spec: { label: 'CPU overcommit', unit: 'ratio', kind: 'number', min: 0.1, max: 100 }, read: (s) => s.policy.cpuOvercommit },
  memoryOvercommit: { spec: { label: 'memory overcommit', unit: 'ratio', kind: 'number', min: 0.1, max: 10 }, read: (s) => s.policy.memoryOvercommit },
  'ha.spareHosts': {
    spec: { label: 'spare hosts per cluster', unit: 'hosts', kind: 'number', integer: true, min: 0, max: 100 },
    read: (s) => (s.policy.ha.kind === 'spare-hosts' ? s.policy.ha.spareHosts : null),
    removes: ['reservePercent'],
  },
  'ha.reservePercent': {
    spec: { label: 'capacity held back for HA', unit: '%', kind: 'number', min: 0, max: 90 },
    read: (s) => (s.policy.ha.kind === 'reserve-percent' ? s.policy.ha.reservePercent : null),
    removes: ['spareHosts'],
  },
  'targetUtilization.cpu': { spec: { label: 'target CPU utilization', unit: 'fraction', kind: 'number', gt: 0, max: 1 }, read: (s) => s.policy.targetUtilization.cpu },
  'targetUtilization.memory': { spec: { label: 'target memory utilization', unit: 'fraction', kind: 'number', gt: 0, max: 1 }, read: (s) => s.policy.targetUtilization.memory },
  'targetUtilization.disk': { spec: { label: 'target disk utilization', unit: 'fraction', kind: 'number', gt: 0, max: 1 }, read: (s) => s.policy.targetUtilization.disk },
};

const HORIZON: FieldSpec = { label: 'years priced', unit: 'years', kind: 'number', integer: true, min: 1, max: LIMITS.horizonYears };

// The catalog's bounds are the validator's own (src/scenario/catalogInputs.ts): one list for both.

/** Catalog ids that `prices:` sets under a friendlier name, and the name. */
const PRICE_PATH_BY_ID: Map<string, string[]> = new Map([
  ...Object.entries(PRICE_ALIASES).map(([alias, id]) => [id, ['prices', alias]] as [string, string[]]),
  ...Object.entries(LICENCE_PRICE_IDS).map(([product, id]) => [id, ['prices', 'licences', product]] as [string, string[]]),
]);


/** The unit of one field of a catalog object, read from its name where the entry's unit covers several. */
function fieldUnit(field: string, entryUnit: string): string {
  if (!entryUnit.includes('/') || !entryUnit.includes(' ')) return entryUnit;
  if (field.endsWith('MiB')) return 'MiB';
  if (field.endsWith('GiB')) return 'GiB';
  if (/millicores$/i.test(field)) return 'millicores';
  if (/percent$/i.test(field)) return '%';
  if (field === 'vcpus') return 'vCPU';
  return entryUnit;
}

/**
 * Capacity is whole MiB and millicores in the model: catalog figures named so are varied and set
 * as whole numbers (the rules that read them expect integers).
 */
function wholeUnits(name: string): { integer?: true } {
  return /(MiB|Millicores)$/i.test(name) ? { integer: true } : {};
}

function catalogSpec(id: CatalogId, field: string | null): FieldSpec | null {
  const entry = CATALOG[id];
  const value = entry.value as unknown;
  const b = CATALOG_BOUNDS[id] as Record<string, unknown> | undefined;
  const unit = entry.unit;
  if (field === null) {
    if (typeof value === 'string') return { label: entry.label, unit, kind: 'amount' };
    if (typeof value !== 'number') return null;
    const bounds = (b as Bounds | undefined) ?? {};
    return { label: entry.label, unit, kind: 'number', min: 0, max: CATALOG_DEFAULT_MAX, ...wholeUnits(id), ...bounds };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = (value as Record<string, unknown>)[field];
  if (!Object.prototype.hasOwnProperty.call(value, field)) return null;
  const fb = (b?.[field] as Bounds | undefined) ?? {};
  if (typeof v === 'string') return { label: `${entry.label}: ${field}`, unit, kind: 'amount' };
  if (typeof v !== 'number') return null;
  return { label: `${entry.label}: ${field}`, unit: fieldUnit(field, unit), kind: 'number', min: 0, max: CATALOG_DEFAULT_MAX, ...wholeUnits(field), ...fb };
}

/* ------------------------------------------------------------------------------------------
 * Path syntax
 * ---------------------------------------------------------------------------------------- */

type Segment = { key: string } | { index: number } | { name: string };

function parseSegments(path: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  const ident = /^[A-Za-z_$][\w$-]*/;
  while (i < path.length) {
    const rest = path.slice(i);
    if (out.length > 0 && rest.startsWith('.')) {
      const m = ident.exec(rest.slice(1));
      if (!m) fail(path, 'invalid_type', `expected a field name after "." at character ${i + 1}`);
      out.push({ key: m[0] });
      i += 1 + m[0].length;
    } else if (out.length === 0 && ident.test(rest)) {
      const m = ident.exec(rest)!;
      out.push({ key: m[0] });
      i += m[0].length;
    } else if (rest.startsWith('[')) {
      if (rest.startsWith('["')) {
        // A JSON string, for names with brackets, quotes or dots.
        let j = 2;
        while (j < rest.length && rest[j] !== '"') j += rest[j] === '\\' ? 2 : 1;
        if (rest[j + 1] !== ']') fail(path, 'invalid_type', `unterminated ["..."] at character ${i + 1}`);
        let name: string;
        try {
          name = JSON.parse(rest.slice(1, j + 1)) as string;
        } catch {
          fail(path, 'invalid_type', `bad quoted name at character ${i + 1}`);
        }
        out.push({ name });
        i += j + 2;
      } else {
        const end = rest.indexOf(']');
        if (end < 0) fail(path, 'invalid_type', `unterminated [ at character ${i + 1}`);
        const inner = rest.slice(1, end);
        if (inner === '') fail(path, 'invalid_type', `empty [] at character ${i + 1}`);
        out.push(/^\d+$/.test(inner) ? { index: Number(inner) } : { name: inner });
        i += end + 1;
      }
    } else {
      fail(path, 'invalid_type', `cannot read the path at character ${i + 1}; write it like workloads[api].instances or prices.electricityPerKWh`);
    }
  }
  if (out.length === 0) fail(path, 'required', 'give a path such as workloads[api].instances');
  return out;
}

/**
 * @internal How a named item appears in a canonical path: `[api]`, or `["a name"]` when the name has
 * brackets or quotes or is all digits; `[index]` when it has no name.
 */
export function itemSelector(name: unknown, index: number): string {
  if (typeof name !== 'string' || name === '' || /^\d+$/.test(name) || /[\]["]/.test(name) || name.trim() !== name) {
    return typeof name === 'string' && name !== '' ? `[${JSON.stringify(name)}]` : `[${index}]`;
  }
  return `[${name}]`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function own(obj: unknown, key: Key): unknown {
  if (Array.isArray(obj) && typeof key === 'number') return obj[key];
  if (!isObject(obj) || typeof key !== 'string') return undefined;
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

function readAt(root: unknown, at: readonly Key[]): unknown {
  let cur = root;
  for (const k of at) cur = own(cur, k);
  return cur;
}

function itemName(list: string, item: unknown): unknown {
  if (!isObject(item)) return undefined;
  const name = own(item, 'name');
  return list === 'platforms' && name === undefined ? own(item, 'type') : name;
}

/** Finds an item of a named list by index or name. */
function pick(path: string, listName: string, list: unknown[], seg: Segment): { index: number; item: Record<string, unknown>; sel: string } {
  const noun = listName.slice(0, -1);
  const names = list.map((x) => itemName(listName, x)).filter((n): n is string => typeof n === 'string');
  const known = names.length ? `; ${listName} are ${names.map((n) => JSON.stringify(n)).join(', ')}` : '';
  let index: number;
  if ('index' in seg) {
    index = seg.index;
    if (index >= list.length) fail(path, 'unknown_value', `there is no ${noun} [${index}]: the scenario has ${list.length}${known}`);
  } else if ('name' in seg) {
    index = list.findIndex((x) => itemName(listName, x) === seg.name);
    if (index < 0) fail(path, 'unknown_value', `no ${noun} named ${JSON.stringify(seg.name)}${known}`);
  } else {
    fail(path, 'invalid_type', `pick one of ${listName} by name or index, like ${listName}[0] or ${listName}[name]`);
  }
  const item = list[index];
  if (!isObject(item)) fail(path, 'invalid_type', `${listName}[${index}] must be an object, got ${describeValue(item)}`);
  return { index, item, sel: itemSelector(itemName(listName, item), index) };
}

function keysOf(segs: readonly Segment[], from: number): string | null {
  const parts: string[] = [];
  for (let i = from; i < segs.length; i++) {
    const s = segs[i]!;
    if (!('key' in s)) return null;
    parts.push(s.key);
  }
  return parts.join('.');
}

function fieldList(fields: Iterable<string>): string {
  return [...fields].join(', ');
}

/* ------------------------------------------------------------------------------------------
 * Resolution
 * ---------------------------------------------------------------------------------------- */

function resolve(raw: unknown, path: string): Resolved {
  if (typeof path !== 'string') fail(String(path), 'invalid_type', `a path must be text, got ${describeValue(path)}`);
  if (!isObject(raw)) fail(path, 'invalid_type', `the scenario must be an object, got ${describeValue(raw)}`);
  if (path.startsWith('catalog.')) return resolveCatalog(raw, path, path.slice('catalog.'.length), 'catalog');
  const segs = parseSegments(path);
  const head = (segs[0] as { key: string }).key;
  switch (head) {
    case 'horizonYears':
      if (segs.length !== 1) break;
      return { path: 'horizonYears', spec: HORIZON, at: ['horizonYears'], removes: [], written: own(raw, 'horizonYears'), fallback: ({ parsed }) => money(parsed.scenario.horizonYears) };
    case 'hosts':
    case 'workloads':
      return resolveItem(raw, path, head, segs);
    case 'platforms':
      return resolvePlatform(raw, path, segs);
    case 'policy': {
      const field = keysOf(segs, 1);
      const f = field === null ? undefined : POLICY_FIELDS[field];
      if (!f) fail(path, 'unknown_key', `not a numeric input of policy; those are ${fieldList(Object.keys(POLICY_FIELDS).map((k) => 'policy.' + k))}`);
      const at = ['policy', ...field!.split('.')];
      return { path: at.join('.'), spec: f.spec, at, removes: f.removes ?? [], written: readAt(raw, at), fallback: ({ parsed }) => nullableMoney(f.read(parsed.scenario)) };
    }
    case 'prices': {
      const rest = keysOf(segs, 1);
      if (rest !== null) {
        const alias = rest as keyof typeof PRICE_ALIASES;
        if (Object.prototype.hasOwnProperty.call(PRICE_ALIASES, alias)) return resolveCatalog(raw, path, PRICE_ALIASES[alias], 'prices');
        if (rest.startsWith('licences.')) {
          const product = rest.slice('licences.'.length);
          const id = Object.prototype.hasOwnProperty.call(LICENCE_PRICE_IDS, product) ? LICENCE_PRICE_IDS[product] : undefined;
          if (!id) fail(path, 'unknown_key', `no licence product ${JSON.stringify(product)} with a list price; products are ${fieldList(Object.keys(LICENCE_PRICE_IDS))}`);
          return resolveCatalog(raw, path, id, 'prices');
        }
      }
      fail(path, 'unknown_key', `not a numeric input of prices; those are ${fieldList(Object.keys(PRICE_ALIASES).map((k) => 'prices.' + k))} and prices.licences.<product>`);
    }
    default:
      break;
  }
  return fail(
    path,
    'unknown_key',
    'not a numeric input; paths start with horizonYears, hosts[..], workloads[..], platforms[..], policy., prices. or catalog.',
  );
}

function nullableMoney(n: number | null): Money | null {
  return n === null ? null : money(n);
}

function resolveItem(raw: Record<string, unknown>, path: string, listName: 'hosts' | 'workloads', segs: Segment[]): Resolved {
  const list = own(raw, listName);
  if (!Array.isArray(list)) fail(path, 'required', `the scenario has no ${listName} list`);
  if (segs.length < 2) fail(path, 'invalid_type', `pick one of ${listName} by name or index, like ${listName}[0].${listName === 'hosts' ? 'price' : 'instances'}`);
  const { index, item, sel } = pick(path, listName, list, segs[1]!);
  const base = `${listName}${sel}`;
  const fields = listName === 'hosts' ? HOST_FIELDS : WORKLOAD_FIELDS;
  // workloads[x].licences[j].pricePerInstanceYear
  if (listName === 'workloads' && segs.length === 5 && 'key' in segs[2]! && segs[2].key === 'licences' && 'key' in segs[4]! && segs[4].key === 'pricePerInstanceYear') {
    const lics = own(item, 'licences');
    if (!Array.isArray(lics)) fail(path, 'unknown_value', `${base} has no licences`);
    const seg = segs[3]!;
    let j: number;
    if ('index' in seg) j = seg.index;
    else if ('name' in seg) j = lics.findIndex((l) => isObject(l) && own(l, 'name') === seg.name);
    else j = -1;
    const lic = j >= 0 ? lics[j] : undefined;
    if (!isObject(lic) || own(lic, 'pricePerInstanceYear') === undefined) {
      fail(path, 'unknown_value', `${base} has no flat licence ${'index' in seg ? `[${seg.index}]` : JSON.stringify('name' in seg ? seg.name : '')} with pricePerInstanceYear (product licences are priced under prices.licences)`);
    }
    const at = [listName, index, 'licences', j, 'pricePerInstanceYear'];
    return { path: `${base}.licences${itemSelector(own(lic, 'name'), j)}.pricePerInstanceYear`, spec: LICENCE_PRICE_FIELD, at, removes: [], written: readAt(raw, at), fallback: () => null };
  }
  const field = keysOf(segs, 2);
  const spec = field === null ? undefined : Object.prototype.hasOwnProperty.call(fields, field) ? fields[field] : undefined;
  if (!spec) {
    fail(path, 'unknown_key', `not a numeric input of ${listName === 'hosts' ? 'a host' : 'a workload'}; those are ${fieldList(Object.keys(fields))}${listName === 'workloads' ? ' and licences[i].pricePerInstanceYear' : ''}`);
  }
  const alt = ALTERNATES[field!];
  const fallback = (ctx: Ctx): Money | null => {
    const s = ctx.parsed.scenario;
    if (listName === 'hosts') {
      const h = s.hosts[index];
      if (!h) return null;
      switch (field) {
        case 'memoryGiB':
          return money(h.memoryMiB).div(1024);
        case 'memoryMiB':
          return money(h.memoryMiB);
        case 'diskGiB':
          return money(h.diskMiB).div(1024);
        case 'price':
          return h.price;
        default:
          return money(h[field as 'sockets' | 'coresPerSocket' | 'threadsPerCore' | 'powerIdleW' | 'powerMaxW' | 'rackUnits']);
      }
    }
    const w = s.workloads[index];
    if (!w) return null;
    switch (field) {
      case 'instances':
        return money(w.instances);
      case 'vcpus':
        return money(w.cpuMillicores).div(1000);
      case 'cpuMillicores':
        return money(w.cpuMillicores);
      case 'memoryGiB':
        return money(w.memoryMiB).div(1024);
      case 'memoryMiB':
        return money(w.memoryMiB);
      case 'storageGiB':
        return money(w.storageMiB).div(1024);
      default:
        return money(w.imageMiB);
    }
  };
  const at = [listName, index, field!];
  return { path: `${base}.${field}`, spec: { ...spec, label: `${spec.label} (${listName === 'hosts' ? 'host' : 'workload'} ${String(itemName(listName, item) ?? index)})` }, at, removes: alt ? [alt] : [], written: own(item, field!), fallback };
}

function resolvePlatform(raw: Record<string, unknown>, path: string, segs: Segment[]): Resolved {
  const written = own(raw, 'platforms');
  const materialize = written === undefined;
  const list: unknown[] = materialize ? PLATFORM_TYPES.map((type) => ({ type })) : Array.isArray(written) ? written : fail(path, 'invalid_type', 'platforms must be a list');
  if (segs.length < 2) fail(path, 'invalid_type', 'pick a platform by name or index, like platforms[vm].cpuOvercommit');
  const { index, item, sel } = pick(path, 'platforms', list, segs[1]!);
  const field = keysOf(segs, 2);
  const f = field === null ? undefined : Object.prototype.hasOwnProperty.call(PLATFORM_FIELDS, field) ? PLATFORM_FIELDS[field] : undefined;
  if (!f) fail(path, 'unknown_key', `not a numeric input of a platform; those are ${fieldList(Object.keys(PLATFORM_FIELDS))}`);
  const type = own(item, 'type');
  if (typeof type === 'string' && !(f!.types as readonly string[]).includes(type)) {
    fail(path, 'unknown_key', `${field} applies to ${f!.types.join(', ')} platforms; platforms${sel} is ${type}`);
  }
  const spec = field === 'maxPods' ? { ...f!.spec, max: maxPodsLimit(item) } : f!.spec;
  const at = ['platforms', index, ...field!.split('.')];
  const res: Resolved = {
    path: `platforms${sel}.${field}`,
    spec: { ...spec, label: `${spec.label} (platform ${String(itemName('platforms', item) ?? index)})` },
    at,
    removes: [],
    written: readAt({ platforms: list }, at.slice(0)),
    fallback: ({ parsed }) => {
      const p = parsed.scenario.platforms[index];
      return p ? nullableMoney(f!.read(p)) : null;
    },
  };
  if (materialize) res.materializePlatforms = true;
  return res;
}

function maxPodsLimit(platform: Record<string, unknown>): number {
  const r = own(platform, 'reservation');
  const profile = typeof r === 'string' && Object.prototype.hasOwnProperty.call(MAX_PODS_LIMIT, r) ? (r as keyof typeof MAX_PODS_LIMIT) : 'generic';
  return MAX_PODS_LIMIT[profile].max;
}

/**
 * A catalog value: `rest` is `id` or `id.field` (ids contain dots, so the longest id that matches
 * wins). It is written where the scenario already sets it (`catalog:` or its `prices:` name), else
 * where the path says.
 */
function resolveCatalog(raw: Record<string, unknown>, path: string, rest: string, via: 'catalog' | 'prices'): Resolved {
  let id: CatalogId | undefined;
  let field: string | null = null;
  if (Object.prototype.hasOwnProperty.call(CATALOG, rest)) id = rest as CatalogId;
  else {
    const dot = rest.lastIndexOf('.');
    if (dot > 0 && Object.prototype.hasOwnProperty.call(CATALOG, rest.slice(0, dot))) {
      id = rest.slice(0, dot) as CatalogId;
      field = rest.slice(dot + 1);
    }
  }
  if (!id) fail(path, 'unknown_key', `${JSON.stringify(rest)} is not a catalog id; \`kernelcount catalog\` lists them`);
  const spec = catalogSpec(id, field);
  if (!spec) {
    const v = CATALOG[id].value as unknown;
    const fields = isObject(v) ? Object.keys(v).filter((k) => typeof v[k] === 'number' || typeof v[k] === 'string') : [];
    fail(path, 'unknown_key', fields.length ? `catalog ${id} is an object; pick a field: ${fields.map((k) => `catalog.${id}.${k}`).join(', ')}` : `catalog ${id} is not a single number`);
  }
  const pricePath = PRICE_PATH_BY_ID.get(id);
  const inCatalog = own(own(raw, 'catalog'), id) !== undefined;
  const inPrices = pricePath !== undefined && readAt(raw, pricePath) !== undefined;
  const usePrices = pricePath !== undefined && !inCatalog && (inPrices || via === 'prices');
  const at: Key[] = usePrices ? pricePath : ['catalog', id];
  const canonical = usePrices ? pricePath.join('.') : `catalog.${id}${field === null ? '' : '.' + field}`;
  const read = ({ parsed }: Ctx): unknown => parsed.catalog.get(id);
  const res: Resolved = {
    path: canonical,
    spec,
    at: field === null ? at : [...at, field],
    removes: [],
    written: field === null ? readAt(raw, at) : own(readAt(raw, at), field),
    fallback: (ctx) => {
      const v = read(ctx);
      const x = field === null ? v : own(v, field);
      return typeof x === 'number' || typeof x === 'string' ? money(x) : null;
    },
  };
  if (field !== null) {
    res.wholeObject = {
      field,
      current: (ctx) => {
        const w = readAt(raw, at);
        return isObject(w) ? { ...w } : { ...(read(ctx) as Record<string, unknown>) };
      },
    };
  }
  return res;
}

/* ------------------------------------------------------------------------------------------
 * Values
 * ---------------------------------------------------------------------------------------- */

/** A written value as a decimal, or an issue when it is not one number. */
function writtenValue(path: string, spec: FieldSpec, v: unknown): Money {
  if (typeof v === 'number' && Number.isFinite(v)) return money(v);
  if (spec.kind === 'amount' && typeof v === 'string' && /^\s*(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?\s*$/.test(v)) return money(v.trim());
  return fail(path, 'invalid_type', `holds ${describeValue(v)}, not a single ${spec.kind === 'amount' ? 'amount' : 'number'}`);
}

function makeCtx(raw: unknown, options: EvaluateOptions): Ctx {
  let parsed: Ctx['parsed'] | undefined;
  return {
    get parsed() {
      parsed ??= parseScenarioWithCatalog(raw, options);
      return parsed;
    },
  };
}

function describe(r: Resolved, value: Money, source: NumericInput['source']): NumericInput {
  const s = r.spec;
  const minExclusive = s.gt !== undefined;
  const min = money(s.gt ?? s.min ?? 0);
  const max = money(s.max ?? AMOUNT_MAX);
  return {
    path: r.path,
    label: s.label,
    value,
    source,
    unit: s.unit,
    kind: s.kind,
    integer: s.integer ?? false,
    step: s.integer ? money(1) : s.step ? money(s.step) : null,
    min,
    minExclusive,
    max,
  };
}

function inspect(r: Resolved, ctx: Ctx): NumericInput {
  if (r.written !== undefined) return describe(r, writtenValue(r.path, r.spec, r.written), 'scenario');
  const v = r.fallback(ctx);
  if (v === null) fail(r.path, 'required', 'is not set and has no default to read (the model uses its own rule); set a value first');
  return describe(r, v, 'default');
}

/**
 * Reads one numeric input: its value as written, or the default the model uses when the scenario
 * leaves it out, with its unit, bounds and whether it is a whole number. Throws a KernelcountError
 * naming the path when the path does not address a numeric input of this scenario (and, to read a
 * default, when the scenario is invalid).
 *
 * @example
 * const s = { hosts: [{ name: 'r760', sockets: 2, coresPerSocket: 32, memoryGiB: 1024, diskGiB: 7680, price: 38000 }],
 *   workloads: [{ name: 'api', instances: 40, vcpus: 0.5, memoryGiB: 1 }] };
 * getInput(s, 'workloads[api].instances').value.toString() //=> '40'
 * getInput(s, 'policy.cpuOvercommit').source //=> 'default'
 */
export function getInput(scenario: unknown, path: string, options: EvaluateOptions = {}): NumericInput {
  const r = resolve(scenario, path);
  return inspect(r, makeCtx(scenario, options));
}

/** Checks a value against an input's type and bounds; returns the text to write or throws naming the path. */
function checkValue(r: Resolved, value: MoneyInput): Money {
  let v: Money;
  try {
    v = money(value);
  } catch {
    return fail(r.path, 'invalid_type', `must be a number, got ${describeValue(value)}`);
  }
  if (!v.isFinite()) fail(r.path, 'not_finite', `must be a finite number, got ${v.toString()}`);
  const s = r.spec;
  const unit = s.unit === 'currency' ? '' : ` ${s.unit}`;
  if (s.integer && !v.isInteger()) fail(r.path, 'not_integer', `must be a whole number, got ${v.toString()}`);
  if (s.gt !== undefined && !v.gt(s.gt)) fail(r.path, 'too_small', `must be > ${s.gt}${unit}, got ${v.toString()}`);
  const min = s.min ?? (s.kind === 'amount' ? 0 : undefined);
  if (min !== undefined && v.lt(min)) fail(r.path, 'too_small', `must be >= ${min}${unit}, got ${v.toString()}`);
  const max = s.max ?? (s.kind === 'amount' ? AMOUNT_MAX : undefined);
  if (max !== undefined && v.gt(max)) fail(r.path, 'too_big', `must be <= ${max}${unit}, got ${v.toString()}`);
  return v;
}

/** The value as the scenario writes it: a number where that is exact, else (amounts) a decimal string. */
function encode(spec: FieldSpec, v: Money): number | string {
  const text = v.toFixed();
  const n = Number(text);
  if (spec.kind === 'amount' && money(n).toFixed() !== text) return text;
  return n;
}

/** Copies the containers along `at` and sets the value there, creating missing objects. */
function assoc(node: unknown, at: readonly Key[], value: unknown, removes: readonly string[]): unknown {
  const [k, ...rest] = at;
  if (k === undefined) return value;
  if (typeof k === 'number') {
    const list = Array.isArray(node) ? [...(node as unknown[])] : [];
    list[k] = assoc(list[k], rest, value, removes);
    return list;
  }
  const obj: Record<string, unknown> = isObject(node) ? { ...node } : {};
  if (rest.length === 0) for (const r of removes) delete obj[r];
  obj[k] = assoc(own(obj, k), rest, value, removes);
  return obj;
}

/**
 * Returns a new scenario with one numeric input set; the scenario given is not changed. The value
 * is checked against the input's type and bounds (a KernelcountError names the path otherwise);
 * an amount that a JavaScript number cannot hold exactly is written as a decimal string. Setting a
 * size in one unit removes the other (`memoryGiB` replaces `memoryMiB`); a field of a catalog
 * object is written with the object's other fields, as overrides must be whole.
 *
 * @example
 * const s = { hosts: [{ name: 'r760', sockets: 2, coresPerSocket: 32, memoryGiB: 1024, diskGiB: 7680, price: 38000 }],
 *   workloads: [{ name: 'api', instances: 40, vcpus: 0.5, memoryGiB: 1 }] };
 * setInput(s, 'workloads[api].instances', 60).workloads[0].instances //=> 60
 * s.workloads[0].instances //=> 40
 * setInput(s, 'prices.electricityPerKWh', '0.1234567890123456789').prices //=> { electricityPerKWh: '0.1234567890123456789' }
 */
export function setInput<T>(scenario: T, path: string, value: MoneyInput, options: EvaluateOptions = {}): T {
  const r = resolve(scenario, path);
  const v = checkValue(r, value);
  let root: unknown = scenario;
  if (r.materializePlatforms) root = { ...(root as Record<string, unknown>), platforms: PLATFORM_TYPES.map((type) => ({ type })) };
  if (r.wholeObject) {
    const obj = r.wholeObject.current(makeCtx(scenario, options));
    obj[r.wholeObject.field] = encode(r.spec, v);
    return assoc(root, r.at.slice(0, -1), obj, []) as T;
  }
  return assoc(root, r.at, encode(r.spec, v), r.removes) as T;
}

/**
 * The canonical path of an input: names instead of indexes, and a catalog figure under the name the
 * scenario sets it by (`prices:` or `catalog:`).
 *
 * @example
 * canonicalPath(scenario, 'workloads[0].instances') //=> 'workloads[api].instances'
 * canonicalPath({ ...scenario, prices: { pue: 1.2 } }, 'catalog.power.pue') //=> 'prices.pue'
 */
export function canonicalPath(scenario: unknown, path: string): string {
  return resolve(scenario, path).path;
}

/* ------------------------------------------------------------------------------------------
 * Listing
 * ---------------------------------------------------------------------------------------- */

export interface ListInputsOptions extends EvaluateOptions {
  /**
   * Also list the catalog defaults and policy defaults the evaluation used (electricity price,
   * admin cost, licence list prices, overcommit, ...), each under its `prices:`, `policy.` or
   * `catalog.` path. Default true.
   */
  defaults?: boolean;
}

function numericLeaves(value: unknown, prefix: string): string[] {
  if (typeof value === 'number' || typeof value === 'string') return [prefix];
  if (!isObject(value)) return [];
  return Object.keys(value).flatMap((k) => (typeof value[k] === 'number' || typeof value[k] === 'string' ? [`${prefix}.${k}`] : []));
}

/**
 * Lists every numeric input of a scenario: each number it writes (hosts, workloads, platforms,
 * policy, prices, catalog overrides, horizon) and, unless `defaults: false`, each numeric catalog
 * or policy default its evaluation used, in that order. Text fields (names, OS, hypervisor) and
 * tables are not inputs here. Throws a KernelcountError when the scenario is invalid.
 *
 * @example
 * listInputs(scenario, { defaults: false }).map((i) => i.path)
 * //=> ['hosts[r760].sockets', ..., 'workloads[api].instances', 'workloads[api].vcpus', 'workloads[api].memoryGiB']
 */
export function listInputs(scenario: unknown, options: ListInputsOptions = {}): NumericInput[] {
  const evaluation = evaluate(scenario, options);
  const raw = scenario as Record<string, unknown>;
  const ctx = makeCtx(scenario, options);
  const paths: string[] = [];
  if (own(raw, 'horizonYears') !== undefined) paths.push('horizonYears');
  for (const list of ['hosts', 'workloads'] as const) {
    const items = own(raw, list) as unknown[];
    items.forEach((item, i) => {
      const fields = list === 'hosts' ? HOST_FIELDS : WORKLOAD_FIELDS;
      for (const f of Object.keys(fields)) if (own(item, f) !== undefined) paths.push(`${list}[${i}].${f}`);
      const lics = own(item, 'licences');
      if (list === 'workloads' && Array.isArray(lics)) {
        lics.forEach((l, j) => {
          if (own(l, 'pricePerInstanceYear') !== undefined) paths.push(`workloads[${i}].licences[${j}].pricePerInstanceYear`);
        });
      }
    });
  }
  const platforms = own(raw, 'platforms');
  if (Array.isArray(platforms)) {
    platforms.forEach((p, i) => {
      for (const f of Object.keys(PLATFORM_FIELDS)) if (readAt(p, f.split('.')) !== undefined) paths.push(`platforms[${i}].${f}`);
    });
  }
  const policy = own(raw, 'policy');
  for (const f of Object.keys(POLICY_FIELDS)) if (readAt(policy, f.split('.')) !== undefined) paths.push(`policy.${f}`);
  const prices = own(raw, 'prices');
  for (const alias of Object.keys(PRICE_ALIASES)) if (own(prices, alias) !== undefined) paths.push(`prices.${alias}`);
  const lic = own(prices, 'licences');
  for (const product of Object.keys(LICENCE_PRICE_IDS)) if (own(lic, product) !== undefined) paths.push(`prices.licences.${product}`);
  const cat = own(raw, 'catalog');
  if (isObject(cat)) for (const id of Object.keys(cat)) paths.push(...numericLeaves(cat[id], `catalog.${id}`));

  const out: NumericInput[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    let r: Resolved;
    try {
      r = resolve(scenario, path);
    } catch {
      return; // not a numeric input (e.g. a catalog table), or written in a shape the list skips
    }
    if (seen.has(r.path)) return;
    let input: NumericInput;
    try {
      input = inspect(r, ctx);
    } catch {
      return; // no value to read (e.g. a rule with no figure of its own)
    }
    seen.add(r.path);
    out.push(input);
  };
  for (const p of paths) add(p);
  if (options.defaults !== false) {
    for (const a of evaluation.assumptions) {
      if (a.overridden) continue;
      if (a.id === 'policy.overcommit') {
        add('policy.cpuOvercommit');
        add('policy.memoryOvercommit');
        continue;
      }
      if (a.id === 'policy.targetUtilization') {
        for (const k of ['cpu', 'memory', 'disk']) add(`policy.targetUtilization.${k}`);
        continue;
      }
      if (a.id === 'policy.ha') {
        add('policy.ha.spareHosts');
        continue;
      }
      const pricePath = PRICE_PATH_BY_ID.get(a.id);
      if (pricePath && (typeof a.value === 'number' || typeof a.value === 'string')) add(pricePath.join('.'));
      else for (const leaf of numericLeaves(a.value, `catalog.${a.id}`)) add(leaf);
    }
  }
  return out;
}

/** @internal The resolved field spec of a path, for the analysis modules. */
export function inputSpec(scenario: unknown, path: string): { path: string; integer: boolean; step: Money | null; kind: InputKind } {
  const r = resolve(scenario, path);
  return { path: r.path, integer: r.spec.integer ?? false, step: r.spec.integer ? money(1) : r.spec.step ? money(r.spec.step) : null, kind: r.spec.kind };
}

/** True when `x` is a valid value of `input` as far as its own bounds go. */
export function withinBounds(input: NumericInput, x: Money): boolean {
  if (input.minExclusive ? !x.gt(input.min) : x.lt(input.min)) return false;
  if (x.gt(input.max)) return false;
  return !input.integer || x.isInteger();
}

/** @internal Where an input is written in the scenario, as keys from the root (for tests and tools). */
export function inputLocation(scenario: unknown, path: string): Array<string | number> {
  return resolve(scenario, path).at;
}
