/**
 * Packing into a fixed number of bins by spreading each group over all of them (worst fit), used
 * to retry first-fit decreasing with one bin fewer.
 *
 * First-fit decreasing fills one bin before it opens the next. With items that are heavy in
 * different dimensions (CPU-heavy pods beside memory-heavy ones) that strands capacity: the first
 * bin takes every CPU-heavy item and its memory is left unused, so the packing needs a bin more
 * than a spread would. Worse, it makes the bin count non-monotone: growing an item can move part
 * of a group to another bin and so need fewer bins (issue 7's property tests found such a case).
 * Spreading each group evenly mixes the groups in every bin, as a scheduler that balances load does.
 */
import { cloneRecord, place, room, setupFor, type BinRecord, type PackGroup } from './bins.js';

/**
 * Places `groups`, in the given order, into exactly `bins` empty bins of `capacity`, each group
 * spread as evenly as the bins' room allows. Returns the bins (as records of identical bins, empty
 * ones left out), or null when some item finds no room.
 *
 * @example
 * // 3 CPU-heavy and 5 memory-heavy items: first fit needs 3 bins, spread over 2 they fit
 * // (2 + 1 CPU-heavy, then 2 + 3 memory-heavy), as two records of one bin each.
 * packSpread([100, 100], [{ id: 'cpu', count: 3, size: [30, 9] }, { id: 'mem', count: 5, size: [9, 30] }], 2)!.length //=> 2
 */
export function packSpread(capacity: readonly number[], groups: readonly PackGroup[], bins: number): BinRecord[] | null {
  if (bins <= 0) return groups.every((g) => g.count <= 0) ? [] : null;
  const dims = capacity.length;
  let records: BinRecord[] = [{ mult: bins, free: [...capacity], counts: new Map(), keys: new Set() }];
  for (const group of groups) {
    if (group.count <= 0) continue;
    const open: Array<{ r: BinRecord; k: number }> = [];
    let total = 0;
    let unsaturated = 0;
    for (const r of records) {
      const k = room(r, group);
      if (k <= 0) continue;
      open.push({ r, k });
      total += k * r.mult;
      unsaturated += r.mult;
    }
    if (total < group.count) return null;
    // Water filling: every bin takes the same number (the level), or all it has room for if that
    // is less; the few left over go one each to the bins with the most room.
    open.sort((a, b) => a.k - b.k);
    let saturated = 0;
    let level = 0;
    for (const { r, k } of open) {
      if (saturated + unsaturated * k > group.count) {
        level = Math.floor((group.count - saturated) / unsaturated);
        break;
      }
      saturated += k * r.mult;
      unsaturated -= r.mult;
      level = k;
    }
    let remaining = group.count;
    for (const { r, k } of open) {
      const q = Math.min(k, level);
      if (q > 0) place(r, group, q, setupFor(group, r.keys, dims));
      remaining -= q * r.mult;
    }
    if (remaining === 0) continue;
    const taken = new Map<BinRecord, BinRecord>();
    for (let i = open.length - 1; i >= 0 && remaining > 0; i--) {
      const { r, k } = open[i]!;
      if (k <= level) break;
      const use = Math.min(r.mult, remaining);
      // Only a record split in two is copied; a record taken whole gets the item in place.
      if (use < r.mult) taken.set(r, cloneRecord(r, r.mult - use));
      r.mult = use;
      place(r, group, 1, setupFor(group, r.keys, dims));
      remaining -= use;
    }
    if (taken.size > 0) records = records.flatMap((r) => (taken.has(r) ? [r, taken.get(r)!] : [r]));
  }
  return records.filter((r) => r.counts.size > 0);
}
