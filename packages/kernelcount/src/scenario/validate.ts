import { FIGURES, type CatalogId } from '../catalog/defaults.js';
import { currencyProblem } from '../report/currency.js';
import { CatalogView, versionNames } from '../catalog/tracker.js';
import type { CatalogFigure } from '../catalog/types.js';
import { KernelcountError, joinPath, type Issue } from '../errors.js';
import { Money, money } from '../money.js';
import { MAX_PODS_LIMIT, RESERVATION_PROFILES } from '../rules/reservations.js';
import { SANDBOX_RUNTIMES, type SandboxRuntime } from '../rules/sandbox.js';
import { CATALOG_BOUNDS, DEFAULT_BOUNDS, LICENCE_PRICE_IDS, PRICE_ALIASES, type Bounds } from './catalogInputs.js';
import { Reader, own, type NumberOptions } from './reader.js';
import {
  CONTROL_PLANES,
  HARDWARE_FINANCING,
  INSTANCE_LICENCE_PRODUCTS,
  WINDOWS_LICENSING,
  HYPERVISORS,
  HYPERVISOR_LICENCES,
  PLATFORM_TYPES,
  type ContainersInVmsPlatform,
  type HypervisorConfig,
  type Host,
  type InstanceLicence,
  type KubernetesConfig,
  type Platform,
  type PlatformType,
  type Policy,
  type Scenario,
  type RangeInput,
  type Workload,
} from './types.js';

/** Documented limits that keep every evaluation bounded in time and memory. */
export const LIMITS = {
  hosts: 100,
  workloads: 5_000,
  platforms: 16,
  licencesPerWorkload: 20,
  instancesPerWorkload: 10_000_000,
  hostMemoryMiB: 64 * 1024 * 1024, // 64 TiB
  hostDiskMiB: 10 * 1024 * 1024 * 1024, // 10 PiB
  coresPerSocket: 1024,
  sockets: 64,
  horizonYears: 30,
  uncertaintyRanges: 100,
} as const;

const MiB_PER_GiB = 1024;

const SCENARIO_KEYS = ['name', 'description', 'currency', 'horizonYears', 'baseline', 'hosts', 'workloads', 'platforms', 'policy', 'prices', 'catalog', 'catalogVersions', 'licensing', 'uncertainty', 'growth', 'finance'] as const;
const HOST_KEYS = ['name', 'sockets', 'coresPerSocket', 'threadsPerCore', 'memoryGiB', 'memoryMiB', 'diskGiB', 'price', 'powerIdleW', 'powerMaxW', 'rackUnits'] as const;
const WORKLOAD_KEYS = ['name', 'instances', 'os', 'vcpus', 'cpuMillicores', 'memoryGiB', 'memoryMiB', 'storageGiB', 'imageMiB', 'image', 'needsOwnKernel', 'licences', 'growthPercentPerYear'] as const;
const COMMON_PLATFORM_KEYS = ['type', 'name', 'host', 'cpuOvercommit', 'memoryOvercommit'] as const;
const HYPERVISOR_KEYS = ['hypervisor', 'perVmOverheadMiB', 'disk', 'hypervisorLicence', 'windowsLicensing', 'linuxLicence', 'zfs'] as const;
const K8S_KEYS = ['reservation', 'generic', 'maxPods', 'controlPlane', 'ownKernelRuntime', 'platformLicence'] as const;
const PLATFORM_KEYS: Record<PlatformType, readonly string[]> = {
  vm: [...COMMON_PLATFORM_KEYS, ...HYPERVISOR_KEYS],
  containers: [...COMMON_PLATFORM_KEYS, ...K8S_KEYS, 'hostLinuxLicence'],
  'containers-in-vms': [...COMMON_PLATFORM_KEYS, ...HYPERVISOR_KEYS, ...K8S_KEYS, 'nodeVm'],
  microvm: [...COMMON_PLATFORM_KEYS, ...K8S_KEYS, 'runtime', 'podOverhead', 'hostLinuxLicence'],
};
const GENERIC_KEYS = ['kubeReservedCpuMillicores', 'kubeReservedMemoryMiB', 'systemReservedCpuMillicores', 'systemReservedMemoryMiB', 'evictionMemoryMiB'] as const;

export { PRICE_ALIASES, LICENCE_PRICE_IDS } from './catalogInputs.js';

/**
 * Bounds of the inputs `project` reads: a yearly growth above -100% (a shrinking estate never
 * reaches nothing) and at most 1000%; discount and lease rates from 0 to 100%.
 */
export const TIME_LIMITS = {
  growthPercentAbove: -100,
  growthPercentMax: 1000,
  ratePercentMax: 100,
} as const;

/** A yearly growth in percent: a finite number above -100 and at most 1000, the range named in the message. */
export function readGrowthPercent(r: Reader, value: unknown, path: string): number | undefined {
  const n = r.number(value, path, {});
  if (n === undefined) return undefined;
  const range = `a yearly growth in percent above ${TIME_LIMITS.growthPercentAbove} and at most ${TIME_LIMITS.growthPercentMax}`;
  if (!(n > TIME_LIMITS.growthPercentAbove)) r.add('too_small', path, `must be ${range}, got ${n}`);
  else if (n > TIME_LIMITS.growthPercentMax) r.add('too_big', path, `must be ${range}, got ${n}`);
  else return n;
  return undefined;
}

/** A yearly rate in percent (discount, lease): a finite number from 0 to 100, the range named in the message. */
export function readRatePercent(r: Reader, value: unknown, path: string): number | undefined {
  const n = r.number(value, path, {});
  if (n === undefined) return undefined;
  const range = `a yearly rate in percent from 0 to ${TIME_LIMITS.ratePercentMax}`;
  if (n < 0) r.add('too_small', path, `must be ${range}, got ${n}`);
  else if (n > TIME_LIMITS.ratePercentMax) r.add('too_big', path, `must be ${range}, got ${n}`);
  else return n;
  return undefined;
}

/** `growth:` (scenario-wide yearly growth); 0 when absent. */
function readGrowth(r: Reader, raw: unknown): Scenario['growth'] {
  const out = { percentPerYear: 0 };
  if (raw === undefined) return out;
  const g = r.object(raw, 'growth', ['percentPerYear']);
  if (!g) return out;
  const v = own(g, 'percentPerYear');
  if (v === undefined) r.add('required', 'growth.percentPerYear', 'is required in growth: (yearly growth of every workload in percent, e.g. 10)');
  else out.percentPerYear = readGrowthPercent(r, v, 'growth.percentPerYear') ?? 0;
  return out;
}

/** `finance:` (discount rate, purchase or lease), with its defaults. */
function readFinance(r: Reader, raw: unknown): Scenario['finance'] {
  const out: Scenario['finance'] = { discountRatePercent: 0, hardware: 'purchase', leaseRatePercent: 0 };
  if (raw === undefined) return out;
  const f = r.object(raw, 'finance', ['discountRatePercent', 'hardware', 'leaseRatePercent']);
  if (!f) return out;
  for (const k of ['discountRatePercent', 'leaseRatePercent'] as const) {
    const v = own(f, k);
    if (v !== undefined) out[k] = readRatePercent(r, v, joinPath('finance', k)) ?? 0;
  }
  const hw = own(f, 'hardware');
  if (hw !== undefined) out.hardware = r.oneOf(hw, 'finance.hardware', HARDWARE_FINANCING) ?? 'purchase';
  return out;
}

/** Converts GiB (possibly fractional) to whole MiB, rounding up; notes when it had to round. */
function gibToMiB(gib: number, path: string, notes: string[]): number {
  const exact = money(gib).times(MiB_PER_GiB);
  const rounded = exact.ceil();
  if (!exact.eq(rounded)) notes.push(`${path}: ${gib} GiB = ${exact.toString()} MiB, rounded up to ${rounded.toString()} MiB`);
  return rounded.toNumber();
}

/** Reads a value in one of two units (GiB or MiB); exactly one may be given. */
function readSize(
  r: Reader,
  obj: Record<string, unknown>,
  path: string,
  base: string,
  opts: { required: boolean; gt?: number; min?: number; maxMiB: number },
  notes: string[],
): number | undefined {
  const gibKey = `${base}GiB`;
  const mibKey = `${base}MiB`;
  const gib = own(obj, gibKey);
  const mib = own(obj, mibKey);
  if (gib !== undefined && mib !== undefined) {
    r.add('conflict', joinPath(path, mibKey), `give ${gibKey} or ${mibKey}, not both`);
    return undefined;
  }
  if (gib === undefined && mib === undefined) {
    if (opts.required) r.add('required', joinPath(path, gibKey), `is required (or ${mibKey})`);
    return undefined;
  }
  // Limits are given in MiB; the GiB field gets the same limits in GiB.
  if (gib !== undefined) {
    const v = r.number(gib, joinPath(path, gibKey), {
      gt: opts.gt,
      min: opts.min === undefined ? undefined : opts.min / MiB_PER_GiB,
      max: opts.maxMiB / MiB_PER_GiB,
      unit: 'GiB',
    });
    return v === undefined ? undefined : gibToMiB(v, joinPath(path, gibKey), notes);
  }
  return r.number(mib, joinPath(path, mibKey), { gt: opts.gt, min: opts.min, max: opts.maxMiB, integer: true, unit: 'MiB' });
}

function validateCatalogValue(r: Reader, id: CatalogId, value: unknown, path: string): unknown {
  const def = FIGURES[id].value as unknown;
  const bounds = CATALOG_BOUNDS[id];
  return validateLike(r, def, value, path, bounds);
}

function validateLike(r: Reader, def: unknown, value: unknown, path: string, bounds: unknown): unknown {
  if (typeof def === 'number') {
    const b = (bounds as Bounds | undefined) ?? DEFAULT_BOUNDS;
    return r.number(value, path, { ...DEFAULT_BOUNDS, ...b });
  }
  if (typeof def === 'string') {
    return r.amount(value, path);
  }
  if (Array.isArray(def)) {
    const list = r.list(value, path, { min: 2, max: 64 });
    if (!list) return undefined;
    const out = list.map((v, i) => validateLike(r, def[0], v, joinPath(path, i), undefined));
    return out.some((v) => v === undefined) ? undefined : out;
  }
  if (def !== null && typeof def === 'object') {
    const keys = Object.keys(def);
    const obj = r.object(value, path, keys);
    if (!obj) return undefined;
    const out: Record<string, unknown> = {};
    let ok = true;
    for (const k of keys) {
      const v = own(obj, k);
      const sub = joinPath(path, k);
      if (v === undefined) {
        r.add('required', sub, 'is required when overriding this entry');
        ok = false;
        continue;
      }
      const fieldBounds = bounds && typeof bounds === 'object' ? (bounds as Record<string, unknown>)[k] : undefined;
      const res = validateLike(r, (def as Record<string, unknown>)[k], v, sub, fieldBounds);
      if (res === undefined) ok = false;
      else out[k] = res;
    }
    return ok ? out : undefined;
  }
  return undefined;
}

function readOverrides(r: Reader, input: Record<string, unknown>): Record<string, unknown> {
  const overrides: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const prices = own(input, 'prices');
  if (prices !== undefined) {
    const p = r.object(prices, 'prices', [...Object.keys(PRICE_ALIASES), 'licences']);
    if (p) {
      for (const [alias, id] of Object.entries(PRICE_ALIASES)) {
        const v = own(p, alias);
        if (v === undefined) continue;
        const res = validateCatalogValue(r, id, v, joinPath('prices', alias));
        if (res !== undefined) overrides[id] = res;
      }
      const lic = own(p, 'licences');
      if (lic !== undefined) {
        const l = r.object(lic, 'prices.licences', Object.keys(LICENCE_PRICE_IDS));
        if (l) {
          for (const [product, id] of Object.entries(LICENCE_PRICE_IDS)) {
            const v = own(l, product);
            if (v === undefined) continue;
            const res = validateCatalogValue(r, id, v, joinPath('prices.licences', product));
            if (res !== undefined) overrides[id] = res;
          }
        }
      }
    }
  }
  const cat = own(input, 'catalog');
  if (cat !== undefined) {
    const c = r.object(cat, 'catalog', null);
    if (c) {
      for (const key of Object.keys(c)) {
        const path = joinPath('catalog', key);
        if (!Object.prototype.hasOwnProperty.call(FIGURES, key)) {
          r.add('unknown_key', path, 'not a catalog id; `kernelcount catalog` lists them');
          continue;
        }
        if (Object.prototype.hasOwnProperty.call(overrides, key)) {
          r.add('conflict', path, 'is also set under prices:; give it once');
          continue;
        }
        const res = validateCatalogValue(r, key as CatalogId, c[key], path);
        if (res !== undefined) overrides[key] = res;
      }
    }
  }
  return overrides;
}

function readHost(r: Reader, value: unknown, path: string, cat: CatalogView, notes: string[]): Host | undefined {
  const h = r.object(value, path, HOST_KEYS);
  if (!h) return undefined;
  const name = r.string(own(h, 'name'), joinPath(path, 'name'), { nonEmpty: true });
  const sockets = r.number(own(h, 'sockets'), joinPath(path, 'sockets'), { min: 1, max: LIMITS.sockets, integer: true });
  const coresPerSocket = r.number(own(h, 'coresPerSocket'), joinPath(path, 'coresPerSocket'), { min: 1, max: LIMITS.coresPerSocket, integer: true });
  // A figure is read from the catalog only when the field is absent: reading it marks it as used.
  const fromCatalog = (k: 'threadsPerCore' | 'powerIdleW' | 'powerMaxW', opts: NumberOptions) => {
    const v = own(h, k);
    return v === undefined ? cat.get(`host.${k}`) : r.number(v, joinPath(path, k), opts);
  };
  const threadsPerCore = fromCatalog('threadsPerCore', { min: 1, max: 8, integer: true });
  const memoryMiB = readSize(r, h, path, 'memory', { required: true, min: 1024, maxMiB: LIMITS.hostMemoryMiB }, notes);
  const diskGiB = own(h, 'diskGiB');
  let diskMiB: number | undefined;
  if (diskGiB === undefined) r.add('required', joinPath(path, 'diskGiB'), 'is required (usable local disk in GiB)');
  else {
    const d = r.number(diskGiB, joinPath(path, 'diskGiB'), { gt: 0, max: LIMITS.hostDiskMiB / MiB_PER_GiB, unit: 'GiB' });
    if (d !== undefined) diskMiB = gibToMiB(d, joinPath(path, 'diskGiB'), notes);
  }
  const priceRaw = own(h, 'price');
  let price: Money | undefined;
  if (priceRaw === undefined) r.add('required', joinPath(path, 'price'), 'is required (purchase price per host)');
  else {
    const p = r.amount(priceRaw, joinPath(path, 'price'));
    if (p !== undefined) price = money(p);
  }
  const watts = { min: 0, max: 100000, unit: 'W' };
  const powerIdleW = fromCatalog('powerIdleW', watts);
  const powerMaxW = fromCatalog('powerMaxW', watts);
  if (powerIdleW !== undefined && powerMaxW !== undefined && powerMaxW < powerIdleW) {
    r.add('conflict', joinPath(path, 'powerMaxW'), `must be >= powerIdleW (${powerIdleW} W), got ${powerMaxW}`);
  }
  const rackUnits = r.numberOr(h, path, 'rackUnits', 1, { min: 1, max: 64, integer: true });
  if (
    name === undefined || sockets === undefined || coresPerSocket === undefined || threadsPerCore === undefined ||
    memoryMiB === undefined || diskMiB === undefined || price === undefined || powerIdleW === undefined ||
    powerMaxW === undefined || rackUnits === undefined
  ) {
    return undefined;
  }
  // The catalog figures this host took because the field was left out.
  const defaults = (['threadsPerCore', 'powerIdleW', 'powerMaxW'] as const).filter((k) => own(h, k) === undefined).map((k) => `host.${k}`);
  return { name, sockets, coresPerSocket, threadsPerCore, memoryMiB, diskMiB, price, powerIdleW, powerMaxW, rackUnits, defaults };
}

function readLicences(r: Reader, value: unknown, path: string): InstanceLicence[] | undefined {
  if (value === undefined) return [];
  const list = r.list(value, path, { max: LIMITS.licencesPerWorkload });
  if (!list) return undefined;
  const out: InstanceLicence[] = [];
  let ok = true;
  list.forEach((item, i) => {
    const p = joinPath(path, i);
    const o = r.object(item, p, ['product', 'name', 'pricePerInstanceYear']);
    if (!o) return void (ok = false);
    if (own(o, 'product') !== undefined) {
      if (own(o, 'name') !== undefined || own(o, 'pricePerInstanceYear') !== undefined) {
        r.add('conflict', p, 'give either product, or name and pricePerInstanceYear');
        return void (ok = false);
      }
      const product = r.oneOf(own(o, 'product'), joinPath(p, 'product'), INSTANCE_LICENCE_PRODUCTS);
      if (!product) return void (ok = false);
      out.push({ kind: 'product', product });
      return;
    }
    const name = r.string(own(o, 'name'), joinPath(p, 'name'), { nonEmpty: true });
    const priceRaw = own(o, 'pricePerInstanceYear');
    if (priceRaw === undefined) {
      r.add('required', joinPath(p, 'pricePerInstanceYear'), 'is required with a licence name');
      return void (ok = false);
    }
    const price = r.amount(priceRaw, joinPath(p, 'pricePerInstanceYear'));
    if (name === undefined || price === undefined) return void (ok = false);
    out.push({ kind: 'flat', name, pricePerInstanceYear: money(price) });
  });
  return ok ? out : undefined;
}

function readWorkload(r: Reader, value: unknown, path: string, cat: CatalogView, notes: string[]): Workload | undefined {
  const w = r.object(value, path, WORKLOAD_KEYS);
  if (!w) return undefined;
  const name = r.string(own(w, 'name'), joinPath(path, 'name'), { nonEmpty: true });
  const instances = r.number(own(w, 'instances'), joinPath(path, 'instances'), { min: 0, max: LIMITS.instancesPerWorkload, integer: true });
  const os = r.pick(w, path, 'os', 'linux', ['linux', 'windows'] as const);
  const vcpusRaw = own(w, 'vcpus');
  const milliRaw = own(w, 'cpuMillicores');
  let cpuMillicores: number | undefined;
  if (vcpusRaw !== undefined && milliRaw !== undefined) {
    r.add('conflict', joinPath(path, 'cpuMillicores'), 'give vcpus or cpuMillicores, not both');
  } else if (vcpusRaw === undefined && milliRaw === undefined) {
    r.add('required', joinPath(path, 'vcpus'), 'is required (or cpuMillicores)');
  } else if (vcpusRaw !== undefined) {
    const v = r.number(vcpusRaw, joinPath(path, 'vcpus'), { gt: 0, max: 4096, unit: 'vCPU' });
    if (v !== undefined) {
      const exact = money(v).times(1000);
      const rounded = exact.ceil();
      if (!exact.eq(rounded)) notes.push(`${joinPath(path, 'vcpus')}: ${v} vCPU = ${exact.toString()} millicores, rounded up to ${rounded.toString()}`);
      cpuMillicores = rounded.toNumber();
    }
  } else {
    cpuMillicores = r.number(milliRaw, joinPath(path, 'cpuMillicores'), { min: 1, max: 4_096_000, integer: true, unit: 'millicores' });
  }
  const memoryMiB = readSize(r, w, path, 'memory', { required: true, gt: 0, maxMiB: LIMITS.hostMemoryMiB }, notes);
  const stRaw = own(w, 'storageGiB');
  let storageMiB: number | undefined = 0;
  if (stRaw !== undefined) {
    const s = r.number(stRaw, joinPath(path, 'storageGiB'), { min: 0, max: LIMITS.hostDiskMiB / MiB_PER_GiB, unit: 'GiB' });
    storageMiB = s === undefined ? undefined : gibToMiB(s, joinPath(path, 'storageGiB'), notes);
  }
  const imgRaw = own(w, 'imageMiB');
  const imageMiB =
    imgRaw !== undefined
      ? r.number(imgRaw, joinPath(path, 'imageMiB'), { min: 0, max: 1024 * 1024, integer: true, unit: 'MiB' })
      : os === 'windows'
        ? cat.get('image.windows.sizeMiB')
        : cat.get('image.linux.sizeMiB');
  const imageRaw = own(w, 'image');
  const image = imageRaw === undefined ? name : r.string(imageRaw, joinPath(path, 'image'), { nonEmpty: true });
  const needsOwnKernel = r.flag(w, path, 'needsOwnKernel');
  const licences = readLicences(r, own(w, 'licences'), joinPath(path, 'licences'));
  const grRaw = own(w, 'growthPercentPerYear');
  const growthPercentPerYear = grRaw === undefined ? null : readGrowthPercent(r, grRaw, joinPath(path, 'growthPercentPerYear'));
  if (
    name === undefined || instances === undefined || os === undefined || cpuMillicores === undefined ||
    memoryMiB === undefined || storageMiB === undefined || imageMiB === undefined || image === undefined ||
    needsOwnKernel === undefined || licences === undefined || growthPercentPerYear === undefined
  ) {
    return undefined;
  }
  return { name, instances, os, cpuMillicores, memoryMiB, storageMiB, imageMiB, image, needsOwnKernel, licences, growthPercentPerYear };
}

function readHypervisorConfig(r: Reader, p: Record<string, unknown>, path: string): HypervisorConfig | undefined {
  const hypervisor = r.pick(p, path, 'hypervisor', 'esxi-6.7', HYPERVISORS);
  const perVmOverheadMiB = r.numberOr(p, path, 'perVmOverheadMiB', null, { min: 0, max: 1024 * 1024, integer: true, unit: 'MiB' });
  const disk = r.pick(p, path, 'disk', 'thick', ['thick', 'thin'] as const);
  const licRaw = own(p, 'hypervisorLicence');
  const isEsxi = hypervisor === 'esxi-6.7' || hypervisor === 'esxi-6.5' || hypervisor === 'esxi-4.0';
  const hypervisorLicence =
    licRaw === undefined ? (isEsxi ? 'vvf' : 'none') : r.oneOf(licRaw, joinPath(path, 'hypervisorLicence'), HYPERVISOR_LICENCES);
  if (hypervisorLicence && hypervisorLicence !== 'none' && hypervisor && !isEsxi) {
    r.add('conflict', joinPath(path, 'hypervisorLicence'), `${hypervisorLicence} licenses ESXi, but hypervisor is ${hypervisor}`);
  }
  const windowsLicensing = r.pick(p, path, 'windowsLicensing', 'cheapest', WINDOWS_LICENSING);
  const linuxLicence = r.pick(p, path, 'linuxLicence', 'none', ['none', 'rhel', 'rhel-vdc'] as const);
  const zfs = r.flag(p, path, 'zfs');
  if (zfs && hypervisor !== 'proxmox') r.add('conflict', joinPath(path, 'zfs'), 'applies to the proxmox hypervisor only');
  if (
    hypervisor === undefined || perVmOverheadMiB === undefined || disk === undefined || hypervisorLicence === undefined ||
    windowsLicensing === undefined || linuxLicence === undefined || zfs === undefined
  ) {
    return undefined;
  }
  return { hypervisor, perVmOverheadMiB, disk, hypervisorLicence, windowsLicensing, linuxLicence, zfs };
}

function readKubernetesConfig(r: Reader, p: Record<string, unknown>, path: string, cat: CatalogView): KubernetesConfig | undefined {
  const reservation = r.pick(p, path, 'reservation', 'generic', RESERVATION_PROFILES);
  const genRaw = own(p, 'generic');
  let generic: KubernetesConfig['generic'] | undefined;
  if (reservation === 'generic' || genRaw !== undefined) {
    const base = { ...cat.get('k8s.generic.reservation') };
    if (genRaw !== undefined) {
      if (reservation !== 'generic') r.add('conflict', joinPath(path, 'generic'), `applies to reservation: generic, not ${reservation}`);
      const g = r.object(genRaw, joinPath(path, 'generic'), GENERIC_KEYS);
      if (g) {
        for (const k of GENERIC_KEYS) {
          const v = own(g, k);
          if (v === undefined) continue;
          const n = r.number(v, joinPath(joinPath(path, 'generic'), k), { min: 0, max: k.endsWith('MiB') ? LIMITS.hostMemoryMiB : 4_096_000, integer: true });
          if (n !== undefined) base[k] = n;
        }
      }
    }
    generic = base;
  } else {
    generic = { ...cat.get('k8s.generic.reservation') };
  }
  const podLimit = reservation ? MAX_PODS_LIMIT[reservation] : { max: 10000, why: '' };
  const mpRaw = own(p, 'maxPods');
  const maxPods = mpRaw === undefined ? Math.min(cat.get('k8s.maxPodsPerNode'), podLimit.max) : r.number(mpRaw, joinPath(path, 'maxPods'), { min: 1, max: podLimit.max, integer: true, unit: podLimit.max < 10000 ? `pods (${podLimit.why})` : 'pods' });
  const controlPlane = r.pick(p, path, 'controlPlane', 'stacked', CONTROL_PLANES);
  const ownKernelRuntime = r.pick(p, path, 'ownKernelRuntime', 'kata-qemu', SANDBOX_RUNTIMES);
  const platformLicence = r.pick(p, path, 'platformLicence', 'none', ['none', 'openshift'] as const);
  if (reservation === undefined || maxPods === undefined || controlPlane === undefined || ownKernelRuntime === undefined || platformLicence === undefined) return undefined;
  return { reservation, generic, maxPods, controlPlane, ownKernelRuntime, platformLicence };
}

function readPlatform(
  r: Reader,
  value: unknown,
  path: string,
  hosts: Host[],
  hostNamesOk: boolean,
  policy: Policy | undefined,
  cat: CatalogView,
  notes: string[],
): Platform | undefined {
  const pre = r.object(value, path, null);
  if (!pre) return undefined;
  const type = r.oneOf(own(pre, 'type'), joinPath(path, 'type'), PLATFORM_TYPES);
  if (!type) return undefined;
  const p = r.object(value, path, PLATFORM_KEYS[type])!;
  const nameRaw = own(p, 'name');
  const name = nameRaw === undefined ? type : r.string(nameRaw, joinPath(path, 'name'), { nonEmpty: true, max: 60 });
  const hostRaw = own(p, 'host');
  let host: Host | undefined = hosts[0];
  if (hostRaw !== undefined) {
    const hn = r.string(hostRaw, joinPath(path, 'host'), { nonEmpty: true });
    if (hn !== undefined) {
      host = hosts.find((h) => h.name === hn);
      if (!host && hostNamesOk) r.add('unknown_value', joinPath(path, 'host'), `no host named ${JSON.stringify(hn)}; hosts are ${hosts.map((h) => JSON.stringify(h.name)).join(', ')}`);
    }
  }
  const cpuOvercommit = r.numberOr(p, path, 'cpuOvercommit', policy?.cpuOvercommit, { min: 0.1, max: 100 });
  const memoryOvercommit = r.numberOr(p, path, 'memoryOvercommit', policy?.memoryOvercommit, { min: 0.1, max: 10 });
  const hostLinuxLicence = r.pick(p, path, 'hostLinuxLicence', 'none', ['none', 'rhel'] as const);

  const hvc = type === 'vm' || type === 'containers-in-vms' ? readHypervisorConfig(r, p, path) : undefined;
  const k8s = type !== 'vm' ? readKubernetesConfig(r, p, path, cat) : undefined;
  let nodeVm: ContainersInVmsPlatform['nodeVm'] | undefined;
  if (type === 'containers-in-vms') {
    const d = cat.get('k8s.nodeVm');
    const nvRaw = own(p, 'nodeVm');
    const nv = nvRaw === undefined ? {} : r.object(nvRaw, joinPath(path, 'nodeVm'), ['vcpus', 'memoryGiB', 'diskGiB']);
    if (nv) {
      const np = joinPath(path, 'nodeVm');
      const vc = own(nv, 'vcpus');
      const vcpus = vc === undefined ? d.vcpus : r.number(vc, joinPath(np, 'vcpus'), { min: 1, max: 1024, integer: true });
      const mg = own(nv, 'memoryGiB');
      const memGiB = mg === undefined ? d.memoryGiB : r.number(mg, joinPath(np, 'memoryGiB'), { min: 1, max: 65536, unit: 'GiB' });
      const dg = own(nv, 'diskGiB');
      const diskGiB = dg === undefined ? d.diskGiB : r.number(dg, joinPath(np, 'diskGiB'), { gt: 0, max: 1048576, unit: 'GiB' });
      if (vcpus !== undefined && memGiB !== undefined && diskGiB !== undefined) {
        nodeVm = { vcpus, memoryMiB: gibToMiB(memGiB, joinPath(np, 'memoryGiB'), notes), diskMiB: gibToMiB(diskGiB, joinPath(np, 'diskGiB'), notes) };
      }
    }
  }
  let runtime: SandboxRuntime | undefined;
  let podOverhead: { memoryMiB: number; cpuMillicores: number } | null = null;
  let podOverheadOk = true;
  if (type === 'microvm') {
    const rtRaw = own(p, 'runtime');
    runtime = rtRaw === undefined ? 'kata-fc' : r.oneOf(rtRaw, joinPath(path, 'runtime'), SANDBOX_RUNTIMES);
    const poRaw = own(p, 'podOverhead');
    if (poRaw !== undefined) {
      const pp = joinPath(path, 'podOverhead');
      if (rtRaw !== undefined) r.add('conflict', pp, `replaces the overhead of a named runtime; give runtime or podOverhead, not both (runtime is ${JSON.stringify(rtRaw)})`);
      const o = r.object(poRaw, pp, ['memoryMiB', 'cpuMillicores']);
      const mem = o ? r.number(own(o, 'memoryMiB') ?? 0, joinPath(pp, 'memoryMiB'), { min: 0, max: LIMITS.hostMemoryMiB, integer: true, unit: 'MiB' }) : undefined;
      const cpu = o ? r.number(own(o, 'cpuMillicores') ?? 0, joinPath(pp, 'cpuMillicores'), { min: 0, max: 4_096_000, integer: true, unit: 'millicores' }) : undefined;
      if (mem === undefined || cpu === undefined) podOverheadOk = false;
      else podOverhead = { memoryMiB: mem, cpuMillicores: cpu };
    }
  }
  if (name === undefined || host === undefined || cpuOvercommit === undefined || memoryOvercommit === undefined || hostLinuxLicence === undefined) {
    return undefined;
  }
  const base = { name, host, cpuOvercommit, memoryOvercommit };
  switch (type) {
    case 'vm':
      return hvc ? { type, ...base, ...hvc } : undefined;
    case 'containers':
      return k8s ? { type, ...base, ...k8s, hostLinuxLicence } : undefined;
    case 'containers-in-vms':
      return hvc && k8s && nodeVm ? { type, ...base, ...hvc, ...k8s, nodeVm } : undefined;
    case 'microvm':
      return k8s && runtime && podOverheadOk ? { type, ...base, ...k8s, runtime, podOverhead, hostLinuxLicence } : undefined;
  }
}

function readPolicy(r: Reader, value: unknown, cat: CatalogView): Policy | undefined {
  const p = value === undefined ? {} : r.object(value, 'policy', ['ha', 'targetUtilization', 'cpuOvercommit', 'memoryOvercommit']);
  if (!p) return undefined;
  let ha: Policy['ha'] | undefined;
  const haRaw = own(p, 'ha');
  if (haRaw === undefined) {
    ha = { kind: 'spare-hosts', spareHosts: cat.get('policy.ha').spareHosts };
  } else {
    const h = r.object(haRaw, 'policy.ha', ['spareHosts', 'reservePercent']);
    if (h) {
      const sh = own(h, 'spareHosts');
      const rp = own(h, 'reservePercent');
      if (sh !== undefined && rp !== undefined) r.add('conflict', 'policy.ha', 'give spareHosts or reservePercent, not both');
      else if (sh !== undefined) {
        const n = r.number(sh, 'policy.ha.spareHosts', { min: 0, max: 100, integer: true });
        if (n !== undefined) ha = { kind: 'spare-hosts', spareHosts: n };
      } else if (rp !== undefined) {
        const n = r.number(rp, 'policy.ha.reservePercent', { min: 0, max: 90, unit: '%' });
        if (n !== undefined) ha = { kind: 'reserve-percent', reservePercent: n };
      } else r.add('required', 'policy.ha', 'needs spareHosts or reservePercent');
    }
  }
  const tDefault = cat.get('policy.targetUtilization');
  const tRaw = own(p, 'targetUtilization');
  let targetUtilization: Policy['targetUtilization'] | undefined = { ...tDefault };
  if (tRaw !== undefined) {
    const t = r.object(tRaw, 'policy.targetUtilization', ['cpu', 'memory', 'disk']);
    if (!t) targetUtilization = undefined;
    else {
      for (const k of ['cpu', 'memory', 'disk'] as const) {
        const v = own(t, k);
        if (v === undefined) continue;
        const n = r.number(v, `policy.targetUtilization.${k}`, { gt: 0, max: 1 });
        if (n === undefined) targetUtilization = undefined;
        else if (targetUtilization) targetUtilization[k] = n;
      }
    }
  }
  const oc = cat.get('policy.overcommit');
  const cpuOvercommit = r.numberOr(p, 'policy', 'cpuOvercommit', oc.cpu, { min: 0.1, max: 100 });
  const memoryOvercommit = r.numberOr(p, 'policy', 'memoryOvercommit', oc.memory, { min: 0.1, max: 10 });
  if (!ha || !targetUtilization || cpuOvercommit === undefined || memoryOvercommit === undefined) return undefined;
  return { ha, targetUtilization, cpuOvercommit, memoryOvercommit };
}

function checkUnique(r: Reader, names: Array<string | undefined>, path: string, field: string): void {
  const seen = new Map<string, number>();
  names.forEach((n, i) => {
    if (n === undefined) return;
    const first = seen.get(n);
    if (first !== undefined) r.add('duplicate', joinPath(joinPath(path, i), field), `${JSON.stringify(n)} is already used by ${path}[${first}]`);
    else seen.set(n, i);
  });
}

/** `catalogVersions:` picks a named version of a catalog figure by id (e.g. 2025 Windows Server prices). */
function readCatalogVersions(r: Reader, raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw === undefined) return out;
  const versioned = (Object.keys(FIGURES) as CatalogId[]).filter((id) => versionNames(FIGURES[id] as CatalogFigure).length > 0);
  const o = r.object(raw, 'catalogVersions', versioned);
  if (!o) return out;
  for (const id of versioned) {
    const v = own(o, id);
    if (v === undefined) continue;
    const names = versionNames(FIGURES[id] as CatalogFigure);
    const name = r.oneOf(v, joinPath('catalogVersions', id), names);
    if (name !== undefined) out[id] = name;
  }
  return out;
}

/**
 * `uncertainty:` maps input paths to `{ low, likely, high }`, at most `LIMITS.uncertaintyRanges`
 * of them, each ordered. This is the shape only: whether each path names an input of this scenario,
 * whether the input takes those values (whole numbers, its own limits) and whether two paths name
 * the same input is `resolveRanges`' job (scenario/ranges.ts), which Monte Carlo and
 * `validateScenario` run. `evaluate` ignores the ranges, so it does not carry the path resolver.
 */
function readUncertainty(r: Reader, raw: unknown): RangeInput[] {
  const out: RangeInput[] = [];
  if (raw === undefined) return out;
  const u = r.object(raw, 'uncertainty', null);
  if (!u) return out;
  const keys = Object.keys(u);
  if (keys.length > LIMITS.uncertaintyRanges) {
    r.add('too_big', 'uncertainty', `must have at most ${LIMITS.uncertaintyRanges} ranges, got ${keys.length}`);
    return out;
  }
  for (const key of keys) {
    const path = joinPath('uncertainty', key);
    const o = r.object(u[key], path, ['low', 'likely', 'high']);
    if (!o) continue;
    const read = (k: 'low' | 'likely' | 'high') => {
      const v = own(o, k);
      if (v === undefined) {
        r.add('required', joinPath(path, k), 'is required (a range is { low, likely, high })');
        return undefined;
      }
      return r.number(v, joinPath(path, k), {});
    };
    const low = read('low');
    const likely = read('likely');
    const high = read('high');
    if (low === undefined || likely === undefined || high === undefined) continue;
    if (likely < low) r.add('conflict', joinPath(path, 'likely'), `must be >= low (${low}), got ${likely}`);
    else if (high < likely) r.add('conflict', joinPath(path, 'high'), `must be >= likely (${likely}), got ${high}`);
    else out.push({ path: key, low, likely, high });
  }
  return out;
}

export interface ParseOptions {
  /** Date used to flag stale defaults (YYYY-MM-DD); default today. */
  today?: string;
}

/** Result of validating a scenario: the normalized scenario plus the catalog view that resolved its defaults. */
export interface ParsedScenario {
  scenario: Scenario;
  catalog: CatalogView;
}

/** @internal Validates and normalizes; throws KernelcountError listing every issue. */
export function parseScenarioWithCatalog(input: unknown, options: ParseOptions = {}): ParsedScenario {
  const r = new Reader();
  const notes: string[] = [];
  const top = r.object(input, '', SCENARIO_KEYS);
  if (!top) throw new KernelcountError(r.issues.map((i) => ({ ...i, message: `a scenario ${i.message}` })));
  const overrides = readOverrides(r, top);
  const catalogVersions = readCatalogVersions(r, own(top, 'catalogVersions'));
  const cat = new CatalogView(overrides, options.today, catalogVersions);

  const nameRaw = own(top, 'name');
  const name = nameRaw === undefined ? 'Untitled scenario' : (r.string(nameRaw, 'name', { max: 200 }) ?? '');
  const descRaw = own(top, 'description');
  const description = descRaw === undefined ? '' : (r.string(descRaw, 'description', { max: 4000 }) ?? '');
  const curRaw = own(top, 'currency');
  let currency = 'USD';
  if (curRaw !== undefined) {
    const c = r.string(curRaw, 'currency', { max: 3 });
    const problem = c === undefined ? null : currencyProblem(c);
    if (problem) r.add(/^[A-Z]{3}$/.test(c!) ? 'unknown_value' : 'invalid_type', 'currency', problem);
    else if (c !== undefined) currency = c;
  }
  const horizonYears = r.numberOr(top, '', 'horizonYears', 5, { min: 1, max: LIMITS.horizonYears, integer: true }) ?? 5;

  const hostsRaw = own(top, 'hosts');
  const hosts: Host[] = [];
  let hostsOk = true;
  if (hostsRaw === undefined) {
    r.add('required', 'hosts', 'is required: at least one host type');
    hostsOk = false;
  } else {
    const list = r.list(hostsRaw, 'hosts', { min: 1, max: LIMITS.hosts }) ?? [];
    list.forEach((h, i) => {
      const host = readHost(r, h, joinPath('hosts', i), cat, notes);
      if (host) hosts.push(host);
      else hostsOk = false;
    });
    checkUnique(r, list.map((h) => (h && typeof h === 'object' ? (own(h as Record<string, unknown>, 'name') as string | undefined) : undefined)), 'hosts', 'name');
  }

  const wRaw = own(top, 'workloads');
  const workloads: Workload[] = [];
  if (wRaw === undefined) r.add('required', 'workloads', 'is required: at least one workload');
  else {
    const list = r.list(wRaw, 'workloads', { min: 1, max: LIMITS.workloads }) ?? [];
    list.forEach((w, i) => {
      const wl = readWorkload(r, w, joinPath('workloads', i), cat, notes);
      if (wl) workloads.push(wl);
    });
    checkUnique(r, list.map((w) => (w && typeof w === 'object' ? (own(w as Record<string, unknown>, 'name') as string | undefined) : undefined)), 'workloads', 'name');
    // Workloads naming one image share its layers, so they must agree on its size. Checked once
    // every workload parsed (so indexes match the input) and names are unique (the image defaults
    // to the name, and a duplicate name is already reported).
    if (workloads.length === list.length && new Set(workloads.map((w) => w.name)).size === workloads.length) {
      const firstByImage = new Map<string, number>();
      workloads.forEach((w, i) => {
        const key = `${w.os}:${w.image}`;
        const first = firstByImage.get(key);
        if (first === undefined) firstByImage.set(key, i);
        else if (workloads[first]!.imageMiB !== w.imageMiB) {
          r.add('conflict', `workloads[${i}].imageMiB`, `image ${JSON.stringify(w.image)} is ${workloads[first]!.imageMiB} MiB in workloads[${first}]; one image has one size, got ${w.imageMiB}`);
        }
      });
    }
    if (list.length > 0 && workloads.length === list.length && workloads.every((w) => w.instances === 0)) {
      r.add('too_small', 'workloads', 'every workload has 0 instances; nothing to place');
    }
  }

  const policy = readPolicy(r, own(top, 'policy'), cat);

  const pRaw = own(top, 'platforms');
  const platforms: Platform[] = [];
  const platformList: unknown[] =
    pRaw === undefined ? PLATFORM_TYPES.map((type) => ({ type })) : (r.list(pRaw, 'platforms', { min: 1, max: LIMITS.platforms }) ?? []);
  platformList.forEach((p, i) => {
    const pl = readPlatform(r, p, joinPath('platforms', i), hosts, hostsOk, policy, cat, notes);
    if (pl) platforms.push(pl);
  });
  checkUnique(
    r,
    platformList.map((p) => {
      if (!p || typeof p !== 'object') return undefined;
      const o = p as Record<string, unknown>;
      return (own(o, 'name') as string | undefined) ?? (own(o, 'type') as string | undefined);
    }),
    'platforms',
    'name',
  );

  const blRaw = own(top, 'baseline');
  let baseline = platforms[0]?.name ?? '';
  if (blRaw !== undefined) {
    const b = r.string(blRaw, 'baseline', { nonEmpty: true });
    if (b !== undefined) {
      if (platforms.length === platformList.length && !platforms.some((p) => p.name === b)) {
        r.add('unknown_value', 'baseline', `no platform named ${JSON.stringify(b)}; platforms are ${platforms.map((p) => JSON.stringify(p.name)).join(', ')}`);
      } else baseline = b;
    }
  }

  const licRaw = own(top, 'licensing');
  const licensing = { softwareAssurance: false };
  if (licRaw !== undefined) {
    const l = r.object(licRaw, 'licensing', ['softwareAssurance']);
    const sa = l ? own(l, 'softwareAssurance') : undefined;
    if (sa !== undefined) licensing.softwareAssurance = r.boolean(sa, 'licensing.softwareAssurance') ?? false;
  }

  const growth = readGrowth(r, own(top, 'growth'));
  const finance = readFinance(r, own(top, 'finance'));

  const ranges = readUncertainty(r, own(top, 'uncertainty'));

  if (r.issues.length > 0 || !policy) throw new KernelcountError(r.issues);
  return {
    scenario: {
      name,
      description,
      currency,
      horizonYears,
      baseline,
      hosts,
      workloads,
      platforms,
      policy,
      licensing,
      overrides: { ...overrides },
      catalogVersions,
      uncertainty: ranges,
      notes,
      growth,
      finance,
    },
    catalog: cat,
  };
}

/**
 * Validates a scenario (as parsed from JSON or YAML, or built in code) and returns it normalized:
 * capacities in whole MiB and millicores, money as Decimal, every default resolved.
 * Throws one KernelcountError listing every issue with its path.
 *
 * @example
 * parseScenario({ hosts: [{ name: 'h', sockets: 2, coresPerSocket: 16, memoryGiB: 512, diskGiB: 3840, price: 20000 }],
 *   workloads: [{ name: 'api', instances: 10, vcpus: 0.5, memoryGiB: 1 }] }).workloads[0].cpuMillicores //=> 500
 */
export function parseScenario(input: unknown, options: ParseOptions = {}): Scenario {
  return parseScenarioWithCatalog(input, options).scenario;
}
