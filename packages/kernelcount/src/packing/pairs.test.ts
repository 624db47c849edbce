import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packGroups, type PackGroup } from './pack.js';
import { stacksFor } from '../licensing/metrics.js';
import { licensingsFor, pairGuests } from './pairs.js';
import type { BinRecord } from './bins.js';

const all = () => true;

/** Guest counts per bin, one entry per bin, largest first. */
function perBin(records: readonly BinRecord[], id = 'vm'): number[] {
  return records.flatMap((r) => Array<number>(r.mult).fill(r.counts.get(id) ?? 0)).sort((a, b) => b - a);
}

/** Licensings of the bins plus `spares` licensed like the busiest (2 guests per licensing). */
function licensings(records: readonly BinRecord[], spares: number): number {
  let sum = 0;
  let max = 0;
  for (const r of records) {
    const n = [...r.counts.values()].reduce((a, c) => a + c, 0);
    sum += r.mult * licensingsFor(n);
    max = Math.max(max, n);
  }
  return sum + spares * licensingsFor(max);
}

describe('licensingsFor (2 guests per licensing, a host licensed even with none)', () => {
  it("is Windows Server Standard's stacking, and RHEL Server's subscriptions per 2 guests from 1 guest on", () => {
    for (let n = 0; n <= 40; n++) {
      expect(licensingsFor(n)).toBe(stacksFor(n, 2));
      if (n > 0) expect(licensingsFor(n)).toBe(Math.ceil(n / 2));
    }
  });
});

describe('pairGuests (guests placed for a 2-per-licensing rule)', () => {
  it('moves one of 9 + 1 guests: 8 + 2 need 5 licensings, not 6', () => {
    // 9 fit a bin (size 1 of 9): first fit packs 10 as 9 + 1.
    const groups: PackGroup[] = [{ id: 'vm', count: 10, size: [1] }];
    const packed = packGroups([9], groups).records;
    expect(perBin(packed)).toEqual([9, 1]);
    const paired = pairGuests(packed, groups, all, 0, licensingsFor);
    expect(perBin(paired)).toEqual([8, 2]);
    expect([licensings(packed, 0), licensings(paired, 0)]).toEqual([6, 5]);
    expect(perBin(packed)).toEqual([9, 1]); // the records passed in are not changed
  });

  it('with a spare, lowers the busiest host: 17 + 2 (9 + 1 + 9 licensings) becomes 10 + 9 (5 + 5 + 5)', () => {
    const groups: PackGroup[] = [{ id: 'vm', count: 19, size: [1] }];
    const packed = packGroups([17], groups).records;
    expect(perBin(packed)).toEqual([17, 2]);
    const paired = pairGuests(packed, groups, all, 1, licensingsFor);
    expect(licensings(packed, 1)).toBe(19);
    // ceil(19 / 2) = 10 licensings at least for the load; the spare as the busiest: 10 guests, 5 more
    expect(perBin(paired)).toEqual([10, 9]);
    expect(licensings(paired, 1)).toBe(15);
  });

  it('takes one guest from each of two full odd hosts into a third: 17 + 17 + 2 -> 16 + 16 + 4', () => {
    const groups: PackGroup[] = [{ id: 'vm', count: 36, size: [1] }];
    const packed = packGroups([17], groups).records;
    expect(perBin(packed)).toEqual([17, 17, 2]);
    const paired = pairGuests(packed, groups, all, 0, licensingsFor);
    expect(perBin(paired)).toEqual([16, 16, 4]);
    expect([licensings(packed, 0), licensings(paired, 0)]).toEqual([19, 18]);
  });

  it('moves only guests, and only where they fit', () => {
    const groups: PackGroup[] = [
      { id: 'vm', count: 9, size: [10, 1] },
      { id: 'other', count: 1, size: [85, 1] },
      { id: 'pod', count: 3, size: [1, 1], shared: [{ key: 'img', size: [0, 5] }] },
    ];
    const packed = packGroups([100, 100], groups).records;
    const paired = pairGuests(packed, groups, (id) => id === 'vm', 0, licensingsFor);
    // 'other' and the pods are not counted and never move; free stays within capacity
    for (const g of ['other', 'pod']) expect(perBin(paired, g)).toEqual(perBin(packed, g));
    for (const r of paired) for (const f of r.free) expect(f).toBeGreaterThanOrEqual(0);
  });

  it('moves a guest to a bin without its image when the bin has room for the image too, and stores it there', () => {
    // [CPU, disk] of 100 each. Three large guests fill a bin's CPU (90); first fit puts the two
    // small ones, with their 50 MiB image, beside the first three: 5 + 3 guests, 3 + 2 licensings.
    // One small guest moves to the second bin, which then stores the image (3 + 50 + 1 disk): 4 + 4, 2 + 2.
    const groups: PackGroup[] = [
      { id: 'large', count: 6, size: [30, 1] },
      { id: 'small', count: 2, size: [1, 1], shared: [{ key: 'img', size: [0, 50] }] },
    ];
    const packed = packGroups([100, 100], groups).records;
    const total = (rs: readonly BinRecord[]) => rs.flatMap((r) => Array<number>(r.mult).fill([...r.counts.values()].reduce((x, c) => x + c, 0))).sort((x, y) => y - x);
    expect(total(packed)).toEqual([5, 3]);
    const paired = pairGuests(packed, groups, all, 0, licensingsFor);
    expect(total(paired)).toEqual([4, 4]);
    expect([licensings(packed, 0), licensings(paired, 0)]).toEqual([5, 4]);
    for (const r of paired) {
      expect(r.keys.has('img')).toBe(true);
      expect(r.free).toEqual([100 - 91, 100 - 54]);
    }
  });

  it('leaves a guest where it is when the other bin has no room for its image', () => {
    // As above, but the second bin also holds 48 MiB of data (not a guest): 3 + 48 used, 49 free,
    // and the small guest with its image needs 1 + 50.
    const groups: PackGroup[] = [
      { id: 'large', count: 6, size: [30, 1] },
      { id: 'small', count: 2, size: [1, 1], shared: [{ key: 'img', size: [0, 50] }] },
      { id: 'data', count: 1, size: [1, 48] },
    ];
    const records: BinRecord[] = [
      { mult: 1, free: [100 - 92, 100 - 55], counts: new Map([['large', 3], ['small', 2]]), keys: new Set(['img']) },
      { mult: 1, free: [100 - 91, 100 - 51], counts: new Map([['large', 3], ['data', 1]]), keys: new Set() },
    ];
    const paired = pairGuests(records, groups, (id) => id !== 'data', 0, licensingsFor);
    expect(paired.map((r) => r.counts.get('small') ?? 0)).toEqual([2, 0]);
    expect(paired[1]!.keys.has('img')).toBe(false);
  });

  it('never needs more licensings, keeps every guest and every bin, stays within capacity (property)', () => {
    const groupArb = fc.record({ count: fc.integer({ min: 0, max: 80 }), size: fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 })) });
    fc.assert(
      fc.property(fc.array(groupArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 60, max: 200 }), (gs, spares, cap) => {
        const groups: PackGroup[] = gs.map((g, i) => ({ id: `g${i}`, count: g.count, size: g.size }));
        const packed = packGroups([cap, cap], groups).records;
        const paired = pairGuests(packed, groups, all, spares, licensingsFor);
        expect(licensings(paired, spares)).toBeLessThanOrEqual(licensings(packed, spares));
        expect(paired.reduce((a, r) => a + r.mult, 0)).toBe(packed.reduce((a, r) => a + r.mult, 0));
        for (const g of groups) expect(paired.reduce((a, r) => a + r.mult * (r.counts.get(g.id) ?? 0), 0)).toBe(g.count);
        for (const r of paired) {
          [0, 1].forEach((d) => expect(r.free[d]).toBe(cap - groups.reduce((a, g) => a + (r.counts.get(g.id) ?? 0) * g.size[d]!, 0)));
        }
      }),
      { seed: 20261122, numRuns: 300 },
    );
  });
});
