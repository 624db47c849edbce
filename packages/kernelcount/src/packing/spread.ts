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
import { cloneRecord, fits, place, setupFor, type BinRecord, type PackGroup } from './bins.js';

/** How many more items of `group` one bin of record `r` takes (capacity, shared setup, anti-affinity). */
function room(r: BinRecord, group: PackGroup, dims: number): number {
  const cap = group.maxPerBin ?? Number.MAX_SAFE_INTEGER;
  const k = Math.min(fits(r.free, group.size, setupFor(group, r.keys, dims)), cap - (r.counts.get(group.id) ?? 0));
  return Math.max(0, k);
}

/**
 * Places `groups`, in the given order, into exactly `bins` empty bins of `capacity`, each group
 * spread as evenly as the bins' room allows. Returns the bins (as records of identical bins, empty
 * ones left out), or null when some item finds no room.
 *
 * @example
 * // 4 CPU-heavy and 25 memory-heavy items: first fit needs 4 bins, spread over 3 they fit.
 * packSpread([14500, 127500], [{ id: 'cpu', count: 4, size: [3423, 64] }, { id: 'mem', count: 25, size: [116, 12746] }], 3)!.length //=> 2
 */
export function packSpread(capacity: readonly number[], groups: readonly PackGroup[], bins: number): BinRecord[] | null {
  if (bins <= 0) return groups.every((g) => g.count <= 0) ? [] : null;
  const dims = capacity.length;
  let records: BinRecord[] = [{ mult: bins, free: [...capacity], counts: new Map(), keys: new Set() }];
  for (const group of groups) {
    let remaining = group.count;
    while (remaining > 0) {
      const open = records.map((r) => ({ r, k: room(r, group, dims) })).filter((x) => x.k > 0);
      const n = open.reduce((a, x) => a + x.r.mult, 0);
      if (n === 0) return null;
      if (remaining >= n) {
        // A full round: every bin with room takes the same number, as many as the tightest allows.
        const q = Math.min(Math.floor(remaining / n), ...open.map((x) => x.k));
        for (const { r } of open) place(r, group, q, setupFor(group, r.keys, dims));
        remaining -= q * n;
        continue;
      }
      // The last items, one each to the bins with the most room for them (earlier records first on a tie).
      open.sort((a, b) => b.k - a.k);
      const next: BinRecord[] = [];
      const taken = new Map<BinRecord, BinRecord[]>();
      for (const { r } of open) {
        if (remaining === 0) break;
        const use = Math.min(r.mult, remaining);
        const got = cloneRecord(r, use);
        place(got, group, 1, setupFor(group, got.keys, dims));
        const parts = [got];
        if (use < r.mult) parts.push(cloneRecord(r, r.mult - use));
        taken.set(r, parts);
        remaining -= use;
      }
      for (const r of records) next.push(...(taken.get(r) ?? [r]));
      records = next;
    }
  }
  return records.filter((r) => r.counts.size > 0);
}
