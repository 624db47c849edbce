/**
 * Licence-aware placement: moves guests between bins so that as few bins as possible hold an odd
 * number of them, without changing the number of bins.
 *
 * Windows Server Standard licenses a host for 2 guest OSEs per full licensing of its cores
 * (stacked for more), and a RHEL Server subscription covers 2 guests on a host. So a host with 9
 * Windows VMs pays for 5 licensings, as one with 10 does, and two hosts holding 9 and 1 pay for
 * 5 + 1 = 6 where 8 and 2 pay for 4 + 1 = 5. An administrator places VMs to avoid paying for half
 * a licensing twice (affinity rules); the model does the same. Moving one guest from a host with an
 * odd count to another host with an odd count makes both even and never costs more: the giver
 * needs one licensing fewer (or the same), the taker as many as before, and the busiest host, which
 * the HA spares are licensed like, needs no more licensings than it did.
 */
import { cloneRecord, place, setupFor, type BinRecord, type PackGroup } from './bins.js';

function guestsIn(r: BinRecord, counted: (id: string) => boolean): number {
  let n = 0;
  for (const [id, c] of r.counts) if (counted(id)) n += c;
  return n;
}

/** Takes one item of `group` out of each bin of `r`, freeing its space (its shared setup stays). */
function takeOne(r: BinRecord, group: PackGroup): void {
  for (let d = 0; d < r.free.length; d++) r.free[d]! += group.size[d]!;
  const left = (r.counts.get(group.id) ?? 0) - 1;
  if (left > 0) r.counts.set(group.id, left);
  else r.counts.delete(group.id);
}

/**
 * Returns the bins with guests (items of the groups `counted` accepts) moved from bin to bin so
 * that at most one bin holds an odd number of them, as far as free capacity allows. A guest moves
 * only into a bin that has room for it, respects its group's `maxPerBin` and already holds its
 * shared setup (so no image is stored again). The bins passed in are not changed.
 *
 * @example
 * // 10 guests packed 9 + 1: one moves, 8 + 2.
 * pairGuests(records, groups, () => true).map((r) => r.counts.get('vm')) //=> [8, 2]
 */
export function pairGuests(records: readonly BinRecord[], groups: readonly PackGroup[], counted: (id: string) => boolean): BinRecord[] {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const dims = records[0]?.free.length ?? 0;
  let recs = records.map((r) => cloneRecord(r, r.mult));
  // Smallest guests first: they fit most often.
  const scale = (g: PackGroup) => g.size.reduce((a, s) => a + s, 0);
  for (;;) {
    const odd = recs.filter((r) => guestsIn(r, counted) % 2 === 1);
    if (odd.reduce((a, r) => a + r.mult, 0) < 2) return recs;
    let move: { from: BinRecord; to: BinRecord; group: PackGroup; pairs: number } | null = null;
    search: for (const from of odd) {
      const movable = [...from.counts.keys()]
        .filter(counted)
        .map((id) => byId.get(id)!)
        .sort((a, b) => scale(a) - scale(b));
      for (const group of movable) {
        for (const to of odd) {
          if (to === from && from.mult < 2) continue;
          if (setupFor(group, to.keys, dims).some((x) => x > 0)) continue;
          if ((to.counts.get(group.id) ?? 0) + 1 > (group.maxPerBin ?? Number.MAX_SAFE_INTEGER)) continue;
          if (to.free.some((f, d) => f < group.size[d]!)) continue;
          move = { from, to, group, pairs: to === from ? Math.floor(from.mult / 2) : Math.min(from.mult, to.mult) };
          break search;
        }
      }
    }
    if (!move) return recs;
    const { from, to, group, pairs } = move;
    const givers = cloneRecord(from, pairs);
    takeOne(givers, group);
    const takers = cloneRecord(to, pairs);
    place(takers, group, 1, setupFor(group, takers.keys, dims));
    const next: BinRecord[] = [];
    for (const r of recs) {
      if (r === from && r === to) {
        next.push(givers, takers);
        if (r.mult > 2 * pairs) next.push(cloneRecord(r, r.mult - 2 * pairs));
      } else if (r === from) {
        next.push(givers);
        if (r.mult > pairs) next.push(cloneRecord(r, r.mult - pairs));
      } else if (r === to) {
        next.push(takers);
        if (r.mult > pairs) next.push(cloneRecord(r, r.mult - pairs));
      } else next.push(r);
    }
    recs = next;
  }
}
