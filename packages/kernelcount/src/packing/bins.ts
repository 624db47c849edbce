/**
 * The bins of a packing and the small operations on them, shared by first-fit decreasing
 * (pack.ts), the fixed-count spread (spread.ts) and the licence pairing (pairs.ts).
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

/**
 * How many more items of `group` one bin of record `r` takes: its free capacity less the group's
 * shared setup (when the bin does not hold it yet), and at most the group's `maxPerBin` in all.
 */
export function room(r: BinRecord, group: PackGroup): number {
  let k = (group.maxPerBin ?? Number.MAX_SAFE_INTEGER) - (r.counts.get(group.id) ?? 0);
  for (let d = 0; d < r.free.length && k > 0; d++) {
    let avail = r.free[d]!;
    for (const sh of group.shared ?? []) if (!r.keys.has(sh.key)) avail -= sh.size[d]!;
    if (avail < 0) return 0;
    const size = group.size[d]!;
    if (size > 0) k = Math.min(k, Math.floor(avail / size));
  }
  return Math.max(0, k);
}

export function setupFor(group: PackGroup, keys: Set<string>, dims: number): number[] {
  const extra = new Array<number>(dims).fill(0);
  for (const s of group.shared ?? []) {
    if (keys.has(s.key)) continue;
    for (let d = 0; d < dims; d++) extra[d]! += s.size[d]!;
  }
  return extra;
}

export function cloneRecord(r: BinRecord, mult: number): BinRecord {
  return { mult, free: [...r.free], counts: new Map(r.counts), keys: new Set(r.keys) };
}

export function place(r: BinRecord, group: PackGroup, k: number, extra: readonly number[]): void {
  for (let d = 0; d < r.free.length; d++) r.free[d]! -= extra[d]! + group.size[d]! * k;
  r.counts.set(group.id, (r.counts.get(group.id) ?? 0) + k);
  for (const s of group.shared ?? []) r.keys.add(s.key);
}

/** How many bins hold each shared setup (image), by its key. */
export function sharedBinsOf(records: readonly BinRecord[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of records) for (const key of r.keys) out.set(key, (out.get(key) ?? 0) + r.mult);
  return out;
}

/** `records` with empty bins of `capacity` added up to `bins` bins in all. */
export function upTo(records: BinRecord[], bins: number, capacity: readonly number[]): BinRecord[] {
  const have = records.reduce((a, r) => a + r.mult, 0);
  return have < bins ? [...records, { mult: bins - have, free: [...capacity], counts: new Map(), keys: new Set() }] : records;
}
