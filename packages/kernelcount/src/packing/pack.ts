/**
 * Multi-dimensional bin packing of identical bins (hosts or node VMs), first-fit decreasing over
 * groups of identical items. Groups are placed as blocks and identical bins are kept as one record
 * with a multiplicity, so 100,000 instances of 200 workloads pack in milliseconds, not minutes.
 *
 * Dimensions are plain non-negative integers (millicores, MiB, MiB, pod slots). An item group may
 * need a shared "setup" (a container image) stored once per bin that holds any item needing it.
 */

export interface PackGroup {
  id: string;
  count: number;
  /** Demand of one item per dimension. */
  size: readonly number[];
  /** Shared once-per-bin needs, by key (e.g. an image's layers on a node's disk). */
  shared?: ReadonlyArray<{ key: string; size: readonly number[] }>;
  /** At most this many items of the group per bin (anti-affinity), e.g. 1 for control-plane members. */
  maxPerBin?: number;
  /** Groups with a higher priority are placed first (before the size order). */
  priority?: number;
}

export interface BinRecord {
  /** How many identical bins this record stands for. */
  mult: number;
  /** Remaining capacity of each of these bins. */
  free: number[];
  /** Items of each group in each of these bins. */
  counts: Map<string, number>;
  /** Shared keys present in each of these bins. */
  keys: Set<string>;
}

export interface PackResult {
  bins: number;
  records: BinRecord[];
  /** Number of bins that hold each shared key. */
  sharedBins: Map<string, number>;
  /** Simple lower bound: the largest over dimensions of ceil(total demand / capacity). */
  lowerBound: number;
}

export class DoesNotFitError extends Error {
  constructor(
    readonly groupId: string,
    readonly dimension: number,
  ) {
    super(`group ${groupId} does not fit in an empty bin (dimension ${dimension})`);
  }
}

function fits(free: readonly number[], size: readonly number[], extra: readonly number[]): number {
  let k = Number.MAX_SAFE_INTEGER;
  for (let d = 0; d < free.length; d++) {
    const avail = free[d]! - extra[d]!;
    if (avail < 0) return 0;
    const s = size[d]!;
    if (s > 0) k = Math.min(k, Math.floor(avail / s));
  }
  return k;
}

function setupFor(group: PackGroup, keys: Set<string>, dims: number): number[] {
  const extra = new Array<number>(dims).fill(0);
  for (const s of group.shared ?? []) {
    if (keys.has(s.key)) continue;
    for (let d = 0; d < dims; d++) extra[d]! += s.size[d]!;
  }
  return extra;
}

function cloneRecord(r: BinRecord, mult: number): BinRecord {
  return { mult, free: [...r.free], counts: new Map(r.counts), keys: new Set(r.keys) };
}

function place(r: BinRecord, group: PackGroup, k: number, extra: readonly number[]): void {
  for (let d = 0; d < r.free.length; d++) r.free[d]! -= extra[d]! + group.size[d]! * k;
  r.counts.set(group.id, (r.counts.get(group.id) ?? 0) + k);
  for (const s of group.shared ?? []) r.keys.add(s.key);
}

/**
 * Packs item groups into as few identical bins as first-fit decreasing finds.
 * Throws DoesNotFitError when one item cannot fit an empty bin.
 *
 * @example
 * packGroups([16000, 65536], [{ id: 'a', count: 10, size: [2000, 8192] }]).bins //=> 2
 */
export function packGroups(capacity: readonly number[], groups: readonly PackGroup[]): PackResult {
  const dims = capacity.length;
  const scale = (g: PackGroup) => Math.max(...g.size.map((s, d) => (capacity[d]! > 0 ? s / capacity[d]! : 0)));
  const order = groups
    .filter((g) => g.count > 0)
    .map((g, i) => ({ g, i, key: scale(g) }))
    .sort((a, b) => (b.g.priority ?? 0) - (a.g.priority ?? 0) || b.key - a.key || a.i - b.i)
    .map((x) => x.g);

  const records: BinRecord[] = [];
  for (const group of order) {
    let remaining = group.count;
    const cap = group.maxPerBin ?? Number.MAX_SAFE_INTEGER;
    for (let ri = 0; ri < records.length && remaining > 0; ri++) {
      const r = records[ri]!;
      const already = r.counts.get(group.id) ?? 0;
      const extra = setupFor(group, r.keys, dims);
      const k = Math.min(fits(r.free, group.size, extra), cap - already);
      if (k <= 0) continue;
      if (k * r.mult <= remaining) {
        place(r, group, k, extra);
        remaining -= k * r.mult;
        continue;
      }
      // Only part of this record is needed: split it into bins that take k, one that takes the
      // remainder, and the untouched rest.
      const full = Math.floor(remaining / k);
      const rest = remaining - full * k;
      const untouched = r.mult - full - (rest > 0 ? 1 : 0);
      const pieces: BinRecord[] = [];
      if (full > 0) {
        const a = cloneRecord(r, full);
        place(a, group, k, extra);
        pieces.push(a);
      }
      if (rest > 0) {
        const b = cloneRecord(r, 1);
        place(b, group, rest, extra);
        pieces.push(b);
      }
      if (untouched > 0) pieces.push(cloneRecord(r, untouched));
      records.splice(ri, 1, ...pieces);
      ri += pieces.length - 1;
      remaining = 0;
    }
    if (remaining > 0) {
      const empty: BinRecord = { mult: 1, free: [...capacity], counts: new Map(), keys: new Set() };
      const extra = setupFor(group, empty.keys, dims);
      const k = Math.min(fits(empty.free, group.size, extra), cap);
      if (k <= 0) {
        let dim = 0;
        for (let d = 0; d < dims; d++) if (group.size[d]! + extra[d]! > capacity[d]!) dim = d;
        throw new DoesNotFitError(group.id, dim);
      }
      const full = Math.floor(remaining / k);
      if (full > 0) {
        const a = cloneRecord(empty, full);
        place(a, group, k, extra);
        records.push(a);
      }
      const rest = remaining - full * k;
      if (rest > 0) {
        const b = cloneRecord(empty, 1);
        place(b, group, rest, extra);
        records.push(b);
      }
    }
  }

  const sharedBins = new Map<string, number>();
  let bins = 0;
  for (const r of records) {
    bins += r.mult;
    for (const key of r.keys) sharedBins.set(key, (sharedBins.get(key) ?? 0) + r.mult);
  }
  let lowerBound = 0;
  for (let d = 0; d < dims; d++) {
    let total = 0;
    for (const g of groups) total += g.size[d]! * g.count;
    if (capacity[d]! > 0) lowerBound = Math.max(lowerBound, Math.ceil(total / capacity[d]!));
  }
  for (const g of groups) if (g.maxPerBin && g.count > 0) lowerBound = Math.max(lowerBound, Math.ceil(g.count / g.maxPerBin));
  return { bins, records, sharedBins, lowerBound };
}
