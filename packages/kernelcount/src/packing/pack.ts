/**
 * Multi-dimensional bin packing of identical bins (hosts or node VMs), first-fit decreasing over
 * groups of identical items. Groups are placed as blocks and identical bins are kept as one record
 * with a multiplicity, so 100,000 instances of 200 workloads pack in milliseconds, not minutes.
 *
 * Dimensions are plain non-negative integers (millicores, MiB, MiB, pod slots). An item group may
 * need a shared "setup" (a container image) stored once per bin that holds any item needing it.
 */
import { cloneRecord, place, room, setupFor, sharedBinsOf, upTo, type BinRecord, type PackGroup } from './bins.js';
import { packSpread } from './spread.js';

export type { BinRecord, PackGroup } from './bins.js';

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

/**
 * Packs item groups into as few identical bins as first-fit decreasing finds, then, while that is
 * above the lower bound, as few as spreading every group over one bin fewer finds (spread.ts).
 * With `extraBins`, uses that many bins more than the fewest found. Throws DoesNotFitError when
 * one item cannot fit an empty bin.
 *
 * @example
 * packGroups([16000, 65536], [{ id: 'a', count: 10, size: [2000, 8192] }]).bins //=> 2
 */
export function packGroups(capacity: readonly number[], groups: readonly PackGroup[], extraBins = 0): PackResult {
  const dims = capacity.length;
  const order = packOrder(capacity, groups);

  const records: BinRecord[] = [];
  for (const group of order) {
    let remaining = group.count;
    for (let ri = 0; remaining > 0; ri++) {
      if (ri === records.length) {
        // Past the last bin: open as many empty bins as the rest needs, filled by the split below.
        const empty: BinRecord = { mult: 1, free: [...capacity], counts: new Map(), keys: new Set() };
        const k = room(empty, group);
        if (k <= 0) {
          const extra = setupFor(group, empty.keys, dims);
          let dim = 0;
          for (let d = 0; d < dims; d++) if (group.size[d]! + extra[d]! > capacity[d]!) dim = d;
          throw new DoesNotFitError(group.id, dim);
        }
        empty.mult = Math.ceil(remaining / k);
        records.push(empty);
      }
      const r = records[ri]!;
      const k = room(r, group);
      if (k <= 0) continue;
      const extra = setupFor(group, r.keys, dims);
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
  }

  let lowerBound = 0;
  for (let d = 0; d < dims; d++) {
    let total = 0;
    for (const g of groups) total += g.size[d]! * g.count;
    if (capacity[d]! > 0) lowerBound = Math.max(lowerBound, Math.ceil(total / capacity[d]!));
  }
  for (const g of groups) if (g.maxPerBin && g.count > 0) lowerBound = Math.max(lowerBound, Math.ceil(g.count / g.maxPerBin));

  // First fit can strand capacity (see spread.ts). When it used more bins than the bound, try one
  // bin fewer with every group spread over all bins; if that fits, the bound itself, then halve
  // the gap between the fewest that fitted and the most that did not (a spread that fits in n
  // bins almost always fits in more, so this finds the fewest in a few tries).
  let best = records;
  let bins = countBins(records);
  let failed = lowerBound - 1; // the most bins known not to fit
  let tryBins = bins - 1;
  let first = true;
  // Bounded work: a spread costs about groups x bins steps, so pools beyond a million of those
  // (14,000 hosts of 70 workloads) keep the first-fit count.
  if (order.length * bins > 1_000_000) tryBins = bins;
  while (tryBins > failed && tryBins < bins) {
    const spread = packSpread(capacity, order, tryBins);
    if (spread) {
      best = spread;
      bins = countBins(spread);
    } else {
      failed = tryBins;
      if (first) break;
    }
    tryBins = first && spread ? lowerBound : Math.floor((failed + bins) / 2);
    first = false;
  }

  if (extraBins > 0) {
    // Bins beyond the fewest found, asked for because they cost less than what they save (a
    // per-host licence: cost/hostCount.ts): every group spread over all of them, or, where a spread
    // finds no room, the bins as packed and the rest empty.
    bins += extraBins;
    best = upTo(packSpread(capacity, order, bins) ?? best, bins, capacity);
  }

  return { bins, records: best, sharedBins: sharedBinsOf(best), lowerBound };
}

/** The groups with items, in the order they are packed: priority first, then largest share of a bin first, then as given. */
export function packOrder(capacity: readonly number[], groups: readonly PackGroup[]): PackGroup[] {
  const scale = (g: PackGroup) => Math.max(...g.size.map((s, d) => (capacity[d]! > 0 ? s / capacity[d]! : 0)));
  return groups
    .filter((g) => g.count > 0)
    .map((g, i) => ({ g, i, key: scale(g) }))
    .sort((a, b) => (b.g.priority ?? 0) - (a.g.priority ?? 0) || b.key - a.key || a.i - b.i)
    .map((x) => x.g);
}

function countBins(records: readonly BinRecord[]): number {
  return records.reduce((a, r) => a + r.mult, 0);
}
