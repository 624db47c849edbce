/**
 * Licence-aware placement: moves guests between bins, without changing the number of bins, so
 * that a per-host licence whose price depends on the guests on the host costs as little as this
 * local search finds.
 *
 * Windows Server Standard licenses a host for 2 guest OSEs per full licensing of its cores
 * (stacked for more), and a RHEL Server subscription covers 2 guests on a host. So a host with 9
 * Windows VMs pays for 5 licensings, as one with 10 does, and two hosts holding 9 and 1 pay for
 * 5 + 1 = 6 where 8 and 2 pay for 4 + 1 = 5. HA spare hosts are licensed like the busiest host,
 * whose guests they take on failover, so the busiest count is paid once more per spare. First fit
 * fills hosts to the brim, which is the worst case for both. An administrator places VMs so as
 * not to pay for half a licensing twice (affinity rules); the model does the same. The moves, each
 * taken only when the cost of the bins plus the spares goes down:
 *
 * 1. one or two guests from one bin to another (for as many bins of the two records as pair up);
 * 2. one guest from each of two bins into a third with room for both;
 * 3. with spares, guests from every busiest bin at once, down to the next licensing level.
 *
 * `cost(n)` is what one host with n guests costs, non-decreasing in n. The model passes
 * `licensingsFor`, a count that needs no prices, so the placement is worked out once per sizing;
 * the licence is then priced on this placement and on the packed one, and the cheaper kept
 * (cost/licences.ts), which covers Datacenter's flat price being cheaper on a full host. A local
 * search, not an optimum: mixed guest sizes, full hosts and images a host lacks can leave a
 * cheaper placement unfound.
 */
import { stacksFor } from '../licensing/metrics.js';
import { cloneRecord, place, setupFor, type BinRecord, type PackGroup } from './bins.js';

/**
 * Licensings of a host with `guests` guest OSEs under a 2-per-licensing rule: Windows Server
 * Standard's stacking (licensing/metrics.ts `stacksFor`: each licensing of the host's cores grants
 * 2 OSEs, and a host is licensed even with none), which RHEL Server's subscription per 2 guests
 * follows too. The price-free measure guests are placed by.
 *
 * @example
 * [0, 1, 2, 3, 9, 10].map(licensingsFor) //=> [1, 1, 1, 2, 5, 5]
 */
export function licensingsFor(guests: number): number {
  return stacksFor(guests, 2);
}

interface Ctx {
  byId: Map<string, PackGroup>;
  counted: (id: string) => boolean;
  dims: number;
  cost: (guests: number) => number;
  spares: number;
}

function guestsIn(r: BinRecord, ctx: Ctx): number {
  let n = 0;
  for (const [id, c] of r.counts) if (ctx.counted(id)) n += c;
  return n;
}

/** The cost of the bins plus the spares, licensed like the busiest bin. */
function totalCost(recs: readonly BinRecord[], ctx: Ctx): number {
  let sum = 0;
  let max = 0;
  for (const r of recs) {
    const n = guestsIn(r, ctx);
    sum += r.mult * ctx.cost(n);
    max = Math.max(max, n);
  }
  return sum + ctx.spares * ctx.cost(max);
}

/** Guests that may leave `r`, smallest first (they fit most often). */
function movable(r: BinRecord, ctx: Ctx): PackGroup[] {
  const size = (g: PackGroup) => g.size.reduce((a, s) => a + s, 0);
  return [...r.counts.keys()]
    .filter(ctx.counted)
    .map((id) => ctx.byId.get(id)!)
    .sort((a, b) => size(a) - size(b));
}

/**
 * Whether one bin of `r` takes these guests: free room for them and for any shared setup (image)
 * they need that the bin lacks, and their group's `maxPerBin`.
 */
function takes(r: BinRecord, groups: readonly PackGroup[], ctx: Ctx): boolean {
  const need = new Array<number>(ctx.dims).fill(0);
  const per = new Map<string, number>();
  const keys = new Set(r.keys);
  for (const g of groups) {
    setupFor(g, keys, ctx.dims).forEach((x, d) => (need[d]! += x));
    for (const sh of g.shared ?? []) keys.add(sh.key);
    per.set(g.id, (per.get(g.id) ?? 0) + 1);
    if ((r.counts.get(g.id) ?? 0) + per.get(g.id)! > (g.maxPerBin ?? Number.MAX_SAFE_INTEGER)) return false;
    g.size.forEach((s, d) => (need[d]! += s));
  }
  return r.free.every((f, d) => f >= need[d]!);
}

/** Takes one guest of `group` out of each bin of `r`, freeing its room (its shared setup stays). */
function takeOne(r: BinRecord, group: PackGroup): void {
  for (let d = 0; d < r.free.length; d++) r.free[d]! += group.size[d]!;
  const left = (r.counts.get(group.id) ?? 0) - 1;
  if (left > 0) r.counts.set(group.id, left);
  else r.counts.delete(group.id);
}

function putOne(r: BinRecord, group: PackGroup, ctx: Ctx): void {
  place(r, group, 1, setupFor(group, r.keys, ctx.dims));
}

/** Splits `n` bins off record `r` (in place in `recs`) and returns them as their own record. */
function split(recs: BinRecord[], r: BinRecord, n: number): BinRecord {
  if (n >= r.mult) return r;
  const part = cloneRecord(r, n);
  r.mult -= n;
  recs.splice(recs.indexOf(r), 0, part);
  return part;
}

/**
 * The change in cost when `changed` bins (records, how many of their bins, guests before and after)
 * change and the rest stay: exact, the busiest count recomputed, nothing cloned.
 */
function delta(recs: readonly BinRecord[], n: readonly number[], ctx: Ctx, changed: ReadonlyArray<{ at: number; bins: number; to: number }>): number {
  let d = 0;
  const touched = new Map<number, number>();
  for (const c of changed) {
    d += c.bins * (ctx.cost(c.to) - ctx.cost(n[c.at]!));
    touched.set(c.at, (touched.get(c.at) ?? 0) + c.bins);
  }
  if (ctx.spares === 0) return d;
  let before = 0;
  let after = 0;
  recs.forEach((r, i) => {
    before = Math.max(before, n[i]!);
    if ((touched.get(i) ?? 0) < r.mult) after = Math.max(after, n[i]!);
  });
  for (const c of changed) after = Math.max(after, c.to);
  return d + ctx.spares * (ctx.cost(after) - ctx.cost(before));
}

/** Move 1: one or two guests of a group from bin to bin, for as many bins of the two records as pair up. */
function shift(recs: BinRecord[], ctx: Ctx): boolean {
  const n = recs.map((r) => guestsIn(r, ctx));
  const max = Math.max(0, ...n);
  for (let a = 0; a < recs.length; a++) {
    const from = recs[a]!;
    for (const k of [1, 2]) {
      if (n[a]! < k) continue;
      // A giver must get cheaper, or be a busiest bin when spares are licensed like it.
      const drop = ctx.cost(n[a]! - k) - ctx.cost(n[a]!);
      if (drop >= 0 && !(ctx.spares > 0 && n[a] === max)) continue;
      for (let b = 0; b < recs.length; b++) {
        const to = recs[b]!;
        if (a === b && from.mult < 2) continue;
        // Unless the giver is a busiest bin, the spares cannot get cheaper: the two bins must.
        if (n[a] !== max && drop + ctx.cost(n[b]! + k) - ctx.cost(n[b]!) >= 0) continue;
        const bins = a === b ? Math.floor(from.mult / 2) : Math.min(from.mult, to.mult);
        const change = [
          { at: a, bins, to: n[a]! - k },
          { at: b, bins, to: n[b]! + k },
        ];
        if (delta(recs, n, ctx, change) >= -1e-9) continue;
        // The cost depends on the counts only: any group with k guests here that fits there will do.
        const group = movable(from, ctx).find((g) => (from.counts.get(g.id) ?? 0) >= k && takes(to, Array<PackGroup>(k).fill(g), ctx));
        if (!group) continue;
        const givers = split(recs, from, bins);
        const takers = split(recs, from === to ? from : to, bins);
        for (let i = 0; i < k; i++) {
          takeOne(givers, group);
          putOne(takers, group, ctx);
        }
        return true;
      }
    }
  }
  return false;
}

/** Move 2: two bins each give one guest to a third with room for both. */
function twoIntoOne(recs: BinRecord[], ctx: Ctx): boolean {
  const n = recs.map((r) => guestsIn(r, ctx));
  const max = Math.max(0, ...n);
  // Only bins that get cheaper with one guest fewer can give (odd counts of 3 or more, for Standard).
  const gives = (i: number) => n[i]! > 0 && ctx.cost(n[i]! - 1) < ctx.cost(n[i]!);
  for (let a = 0; a < recs.length; a++) {
    if (!gives(a)) continue;
    for (let c = a; c < recs.length; c++) {
      if (!gives(c) || (c === a && recs[a]!.mult < 2)) continue;
      for (let t = 0; t < recs.length; t++) {
        if (t === a || t === c) continue;
        const local = ctx.cost(n[a]! - 1) - ctx.cost(n[a]!) + ctx.cost(n[c]! - 1) - ctx.cost(n[c]!) + ctx.cost(n[t]! + 2) - ctx.cost(n[t]!);
        if (n[a] !== max && n[c] !== max && local >= 0) continue;
        const change = [
          { at: a, bins: c === a ? 2 : 1, to: n[a]! - 1 },
          ...(c === a ? [] : [{ at: c, bins: 1, to: n[c]! - 1 }]),
          { at: t, bins: 1, to: n[t]! + 2 },
        ];
        if (delta(recs, n, ctx, change) >= -1e-9) continue;
        const ra = recs[a]!;
        const rc = recs[c]!;
        let pair: [PackGroup, PackGroup] | undefined;
        for (const ga of movable(ra, ctx)) {
          pair ??= movable(rc, ctx)
            .map((gc): [PackGroup, PackGroup] => [ga, gc])
            .find((p) => takes(recs[t]!, p, ctx));
        }
        if (!pair) continue;
        const taker = split(recs, recs[t]!, 1);
        const giverA = split(recs, ra, 1);
        const giverC = split(recs, rc, 1);
        takeOne(giverA, pair[0]);
        takeOne(giverC, pair[1]);
        putOne(taker, pair[0], ctx);
        putOne(taker, pair[1], ctx);
        return true;
      }
    }
  }
  return false;
}

/** Move 3: every busiest bin sheds guests down to the licensing level below, into bins that stay below it; kept only if cheaper. */
function lowerBusiest(recs: BinRecord[], ctx: Ctx): BinRecord[] | null {
  const max = Math.max(0, ...recs.map((r) => guestsIn(r, ctx)));
  const top = ctx.cost(max);
  // The largest count that costs less than the busiest bin, where the busiest bins must get down
  // to: halving [lo, hi) (cost does not fall as guests are added), a few costs asked, not max.
  if (ctx.cost(0) >= top) return null;
  let lo = 0;
  let hi = max;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (ctx.cost(mid) < top) lo = mid;
    else hi = mid;
  }
  const target = lo;
  // Bounded work: one pass per busiest bin, each looking through the records.
  const busiest = recs.filter((r) => ctx.cost(guestsIn(r, ctx)) >= top);
  if (busiest.reduce((a, r) => a + r.mult, 0) > 10_000) return null;
  const trial = recs.map((r) => cloneRecord(r, r.mult));
  for (;;) {
    const busy = trial.find((r) => guestsIn(r, ctx) > target);
    if (!busy) break;
    const giver = split(trial, busy, 1);
    while (guestsIn(giver, ctx) > target) {
      const move = movable(giver, ctx)
        .map((group) => ({ group, to: trial.find((t) => t !== giver && guestsIn(t, ctx) + 1 <= target && takes(t, [group], ctx)) }))
        .find((m) => m.to);
      if (!move) return null;
      takeOne(giver, move.group);
      putOne(split(trial, move.to!, 1), move.group, ctx);
    }
  }
  return totalCost(trial, ctx) < totalCost(recs, ctx) - 1e-9 ? trial : null;
}

/**
 * Returns the bins with guests (items of the groups `counted` accepts) moved from bin to bin so that
 * `cost` over the bins, plus `spares` bins licensed like the busiest, goes down as far as the moves
 * above find. A guest moves only into a bin that has room for it, respects its group's `maxPerBin`
 * and already holds its shared setup (so no image is stored again). The bins passed in are not changed.
 *
 * @example
 * // 10 guests packed 9 + 1, Standard stacking (a licensing per 2 guests): 8 + 2, 6 licensings become 5.
 * pairGuests(records, groups, () => true, 0, (n) => Math.max(1, Math.ceil(n / 2))).map((r) => r.counts.get('vm')) //=> [8, 2]
 */
export function pairGuests(
  records: readonly BinRecord[],
  groups: readonly PackGroup[],
  counted: (id: string) => boolean,
  spares: number,
  cost: (guests: number) => number,
): BinRecord[] {
  const ctx: Ctx = { byId: new Map(groups.map((g) => [g.id, g])), counted, dims: records[0]?.free.length ?? 0, cost, spares };
  let recs = records.map((r) => cloneRecord(r, r.mult));
  // Every move lowers the cost, so this ends; the cap bounds the work on huge pools.
  for (let step = 0; step < 1_000; step++) {
    if (shift(recs, ctx) || twoIntoOne(recs, ctx)) continue;
    const lower = spares > 0 ? lowerBusiest(recs, ctx) : null;
    if (!lower) break;
    recs = lower;
  }
  return recs.filter((r) => r.mult > 0);
}

/**
 * `pairGuests` from each of several placements of the same guests in the same number of bins (the
 * packed one, and others), keeping the cheapest result; the first on a tie. A local search ends
 * where its start leads it, so more starts find cheaper placements more often.
 */
export function pairFromStarts(
  starts: ReadonlyArray<readonly BinRecord[]>,
  groups: readonly PackGroup[],
  counted: (id: string) => boolean,
  spares: number,
  cost: (guests: number) => number,
): BinRecord[] {
  const ctx: Ctx = { byId: new Map(groups.map((g) => [g.id, g])), counted, dims: starts[0]?.[0]?.free.length ?? 0, cost, spares };
  let best: BinRecord[] | null = null;
  let bestCost = Infinity;
  for (const start of starts) {
    const recs = pairGuests(start, groups, counted, spares, cost);
    const c = totalCost(recs, ctx);
    if (c < bestCost - 1e-9) {
      best = recs;
      bestCost = c;
    }
  }
  return best ?? [];
}
