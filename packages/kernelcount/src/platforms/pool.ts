import { DoesNotFitError, packGroups, packOrder, type PackGroup, type PackResult } from '../packing/pack.js';
import { pairFromStarts } from '../packing/pairs.js';
import { packSpread } from '../packing/spread.js';
import { sharedBinsOf, upTo } from '../packing/bins.js';
import type { OsFamily, Policy, Workload } from '../scenario/types.js';
import { addInto, layers, total, type Footprint, type LayerAmounts } from './footprint.js';

export type Resource = 'cpu' | 'memory' | 'disk' | 'pods';
export const RESOURCES: readonly Resource[] = ['cpu', 'memory', 'disk', 'pods'];
/** What decides the number of bins: a resource, or a minimum cluster size (3 control-plane nodes). */
export type Binding = Resource | 'cluster-size';

/** One kind of item to place: the instances of a workload, or fixed members such as a control plane. */
export interface PoolItem {
  id: string;
  workload: Workload | null;
  label: string;
  count: number;
  footprint: Footprint;
  /** Shared image stored once per bin (disk MiB, reported in the app layer). */
  image?: { key: string; diskMiB: number };
  maxPerBin?: number;
  priority?: number;
  /** vCPUs of the VM (VM platforms) or whole cores requested (containers), for per-core licences. */
  licensableCores: number;
}

/** A set of identical bins (hosts, or node VMs) and what to place in them. */
export interface PoolSpec {
  key: string;
  os: OsFamily;
  /** Raw capacity of one bin. */
  capacity: { cpuMillicores: number; memoryMiB: number; diskMiB: number; pods: number };
  /** What each bin keeps for itself before anything is placed. */
  fixed: Footprint;
  items: PoolItem[];
  /** Explanations of the fixed reservations. */
  formulas: string[];
}

export interface UsableCapacity {
  cpuMillicores: number;
  memoryMiB: number;
  diskMiB: number;
  pods: number;
  formula: string[];
}

/**
 * What the scheduler may place on one bin: capacity less the bin's own reservations, times the target
 * utilization (and the HA reserve share, if HA is a reserve), times overcommit. Whole units, rounded down.
 */
export function usableCapacity(spec: PoolSpec, policy: Policy, overcommit: { cpu: number; memory: number }): UsableCapacity {
  const reserve = policy.ha.kind === 'reserve-percent' ? 1 - policy.ha.reservePercent / 100 : 1;
  const t = policy.targetUtilization;
  const cpuBase = spec.capacity.cpuMillicores - spec.fixed.cpuMillicores;
  const memBase = spec.capacity.memoryMiB - total(spec.fixed.memoryMiB);
  const diskBase = spec.capacity.diskMiB - total(spec.fixed.diskMiB);
  const f = (x: number, factor: number) => Math.max(0, Math.floor(x * factor + 1e-9));
  const cpu = f(cpuBase, t.cpu * reserve * overcommit.cpu);
  const mem = f(memBase, t.memory * reserve * overcommit.memory);
  const disk = f(diskBase, t.disk * reserve);
  const haText = policy.ha.kind === 'reserve-percent' ? ` x (1 - ${policy.ha.reservePercent}% HA reserve)` : '';
  return {
    cpuMillicores: cpu,
    memoryMiB: mem,
    diskMiB: disk,
    pods: spec.capacity.pods,
    formula: [
      `usable CPU = (${spec.capacity.cpuMillicores} - ${spec.fixed.cpuMillicores} reserved) m x ${t.cpu} target${haText} x ${overcommit.cpu} overcommit = ${cpu} m`,
      `usable memory = (${spec.capacity.memoryMiB} - ${total(spec.fixed.memoryMiB)} reserved) MiB x ${t.memory} target${haText} x ${overcommit.memory} overcommit = ${mem} MiB`,
      `usable disk = (${spec.capacity.diskMiB} - ${total(spec.fixed.diskMiB)} reserved) MiB x ${t.disk} target${haText} = ${disk} MiB`,
    ],
  };
}

function sizeOf(fp: Footprint): number[] {
  return [fp.cpuMillicores, total(fp.memoryMiB), total(fp.diskMiB), fp.pods];
}

export interface ItemDensity {
  id: string;
  label: string;
  /** Most of these items one empty bin takes. */
  maxPerBin: number;
  /** The resource that stops the next one fitting. */
  binding: Resource;
}

/** How many of one item fit an empty bin alone, and what binds. */
export function densityOf(item: PoolItem, usable: UsableCapacity): ItemDensity {
  const size = sizeOf(item.footprint);
  const cap = [usable.cpuMillicores, usable.memoryMiB, usable.diskMiB - (item.image?.diskMiB ?? 0), usable.pods];
  let best = Number.MAX_SAFE_INTEGER;
  let binding: Resource = 'memory';
  RESOURCES.forEach((r, d) => {
    const s = size[d]!;
    if (s <= 0) return;
    const k = Math.max(0, Math.floor(cap[d]! / s));
    if (k < best) {
      best = k;
      binding = r;
    }
  });
  return { id: item.id, label: item.label, maxPerBin: best === Number.MAX_SAFE_INTEGER ? 0 : best, binding };
}

export interface PackedPool {
  spec: PoolSpec;
  usable: UsableCapacity;
  pack: PackResult;
  /** Bins needed for the load (before HA spares). */
  bins: number;
  /** Sum of item demand per resource. */
  demand: Record<Resource, number>;
  /** Share of usable capacity the load takes over the packed bins, per resource. */
  utilization: Record<Resource, number>;
  binding: Binding;
  densities: ItemDensity[];
}

export class ItemTooLargeError extends Error {
  constructor(
    readonly item: PoolItem,
    readonly resource: Resource,
    readonly need: number,
    readonly usable: number,
  ) {
    super(`${item.label} needs ${need} of ${resource}, a bin offers ${usable}`);
  }
}

/**
 * Disk taken by shared images over all bins: each image once per bin that holds it. Items sharing a
 * key share one size (validation refuses one image name with two sizes).
 */
function sharedDiskMiB(spec: PoolSpec, pack: PackResult): number {
  const size = new Map<string, number>();
  for (const i of spec.items) if (i.image) size.set(i.image.key, i.image.diskMiB);
  let total = 0;
  for (const [key, bins] of pack.sharedBins) total += (size.get(key) ?? 0) * bins;
  return total;
}

function packGroupsOf(spec: PoolSpec): PackGroup[] {
  return spec.items.map((it) => {
    const g: PackGroup = { id: it.id, count: it.count, size: sizeOf(it.footprint) };
    if (it.image) g.shared = [{ key: it.image.key, size: [0, 0, it.image.diskMiB, 0] }];
    if (it.maxPerBin !== undefined) g.maxPerBin = it.maxPerBin;
    if (it.priority !== undefined) g.priority = it.priority;
    return g;
  });
}

/** A bin's capacity in the packer's dimensions: millicores, MiB of memory, MiB of disk, pod slots. */
function capacityOf(usable: UsableCapacity): number[] {
  return [usable.cpuMillicores, usable.memoryMiB, usable.diskMiB, usable.pods];
}

/** Packs a pool's items into its bins (`extraBins` more than the fewest found, see packGroups). */
export function packPool(spec: PoolSpec, usable: UsableCapacity, extraBins = 0): PackedPool {
  const capacity = capacityOf(usable);
  const groups = packGroupsOf(spec);
  let pack: PackResult;
  try {
    pack = packGroups(capacity, groups, extraBins);
  } catch (e) {
    if (e instanceof DoesNotFitError) {
      const item = spec.items.find((i) => i.id === e.groupId)!;
      const resource = RESOURCES[e.dimension]!;
      const need = sizeOf(item.footprint)[e.dimension]! + (resource === 'disk' ? (item.image?.diskMiB ?? 0) : 0);
      throw new ItemTooLargeError(item, resource, need, capacity[e.dimension]!);
    }
    throw e;
  }
  const demand: Record<Resource, number> = { cpu: 0, memory: 0, disk: 0, pods: 0 };
  for (const it of spec.items) {
    const s = sizeOf(it.footprint);
    RESOURCES.forEach((r, d) => (demand[r] += s[d]! * it.count));
  }
  demand.disk += sharedDiskMiB(spec, pack);
  const utilization: Record<Resource, number> = { cpu: 0, memory: 0, disk: 0, pods: 0 };
  let binding: Resource = 'memory';
  let top = -1;
  RESOURCES.forEach((r, d) => {
    const cap = capacity[d]! * pack.bins;
    utilization[r] = cap > 0 ? demand[r] / cap : 0;
    if (cap > 0 && utilization[r] > top) {
      top = utilization[r];
      binding = r;
    }
  });
  // When members that must sit on separate bins (a 3-node control plane) open more bins than the
  // load needs, the cluster's minimum size is what sets the count.
  const spread = Math.max(0, ...spec.items.filter((i) => i.maxPerBin).map((i) => Math.ceil(i.count / i.maxPerBin!)));
  const byDemand = Math.max(...RESOURCES.map((r, d) => (capacity[d]! > 0 ? Math.ceil(demand[r] / capacity[d]!) : 0)));
  const finalBinding: Binding = spread > 0 && pack.bins === spread && byDemand < spread ? 'cluster-size' : binding;
  return {
    spec,
    usable,
    pack,
    bins: pack.bins,
    demand,
    utilization,
    binding: finalBinding,
    densities: spec.items.filter((i) => i.workload).map((i) => densityOf(i, usable)),
  };
}

/** Pools of at most this many bins also start the licence placement from a spread packing. */
const SPREAD_START_MAX_BINS = 32;

/** Guests per bin as arranged for a licence, and the image disk that arrangement stores beyond the packed one. */
export interface ArrangedGuests {
  perBin: Array<{ bins: number; instances: number }>;
  /** MiB of images stored on bins that did not hold them as packed (a guest moved where its image was not). */
  extraImageMiB: number;
}

/**
 * The guest OSEs (the items `guests` picks) per load bin after moving them between bins so that a
 * per-host licence priced by `cost(guests on the host)` costs as little as packing/pairs.ts finds,
 * `spares` HA hosts licensed like the busiest included (Windows Server Standard and RHEL Server
 * license 2 guests per licensing). The number of bins stays as packed; the search starts from the
 * bins as packed and, up to SPREAD_START_MAX_BINS bins, from every group spread over them, and
 * keeps the cheaper.
 */
export function arrangeGuests(
  packed: PackedPool,
  guests: (item: PoolItem) => boolean,
  spares: number,
  cost: (guests: number) => number,
): ArrangedGuests {
  const byId = new Map(packed.spec.items.map((i) => [i.id, i]));
  const groups = packGroupsOf(packed.spec);
  const capacity = capacityOf(packed.usable);
  const starts = [packed.pack.records];
  // A second start for small pools (bounded work: each start is a search of its own).
  const spread = packed.bins <= SPREAD_START_MAX_BINS ? packSpread(capacity, packOrder(capacity, groups), packed.bins) : null;
  if (spread) starts.push(upTo(spread, packed.bins, capacity));
  const records = pairFromStarts(starts, groups, (id) => guests(byId.get(id)!), spares, cost);
  const pack = { ...packed.pack, records, sharedBins: sharedBinsOf(records) };
  return {
    perBin: instancesPerBin({ ...packed, pack }, guests),
    extraImageMiB: Math.max(0, sharedDiskMiB(packed.spec, pack) - sharedDiskMiB(packed.spec, packed.pack)),
  };
}

/** Memory and disk of a whole pool by layer, over `bins` bins; free is what no layer uses. */
export interface LayerTotals {
  memoryMiB: LayerAmounts & { free: number };
  diskMiB: LayerAmounts & { free: number };
}

export function poolLayerTotals(packed: PackedPool, binsIncludingSpares: number): LayerTotals {
  const mem = layers();
  const disk = layers();
  addInto(mem, packed.spec.fixed.memoryMiB, binsIncludingSpares);
  addInto(disk, packed.spec.fixed.diskMiB, binsIncludingSpares);
  for (const it of packed.spec.items) {
    addInto(mem, it.footprint.memoryMiB, it.count);
    addInto(disk, it.footprint.diskMiB, it.count);
  }
  disk.app += sharedDiskMiB(packed.spec, packed.pack);
  // With memory overcommit above 1 the layers can hold more than the hosts have: then nothing is
  // free (never a negative amount; found by fuzzing, test/fuzz-evaluate.test.ts).
  return {
    memoryMiB: { ...mem, free: Math.max(0, packed.spec.capacity.memoryMiB * binsIncludingSpares - total(mem)) },
    diskMiB: { ...disk, free: Math.max(0, packed.spec.capacity.diskMiB * binsIncludingSpares - total(disk)) },
  };
}

/** The OS instances (VMs or node VMs) on each packed bin, as (bins, instances per bin) pairs. */
export function instancesPerBin(packed: PackedPool, filter: (item: PoolItem) => boolean = () => true): Array<{ bins: number; instances: number }> {
  const byId = new Map(packed.spec.items.map((i) => [i.id, i]));
  return packed.pack.records.map((r) => {
    let n = 0;
    for (const [id, c] of r.counts) if (filter(byId.get(id)!)) n += c;
    return { bins: r.mult, instances: n };
  });
}
