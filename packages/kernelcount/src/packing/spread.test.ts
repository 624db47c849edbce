import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packGroups, type PackGroup } from './pack.js';
import { packSpread } from './spread.js';
import type { BinRecord } from './bins.js';

/** Every bin within capacity, every item placed once, anti-affinity kept. */
function checkBins(records: readonly BinRecord[], capacity: readonly number[], groups: readonly PackGroup[]): void {
  for (const r of records) {
    expect(r.mult).toBeGreaterThan(0);
    r.free.forEach((f) => expect(f).toBeGreaterThanOrEqual(0));
    // free = capacity - items - shared setups present
    capacity.forEach((c, d) => {
      let used = 0;
      for (const g of groups) used += (r.counts.get(g.id) ?? 0) * g.size[d]!;
      for (const key of r.keys) used += groups.flatMap((g) => g.shared ?? []).find((s) => s.key === key)!.size[d]!;
      expect(r.free[d]).toBe(c - used);
    });
    for (const g of groups) if (g.maxPerBin) expect(r.counts.get(g.id) ?? 0).toBeLessThanOrEqual(g.maxPerBin);
  }
  for (const g of groups) expect(records.reduce((a, r) => a + r.mult * (r.counts.get(g.id) ?? 0), 0)).toBe(Math.max(0, g.count));
}

describe('packSpread (every group spread over a fixed number of bins)', () => {
  // Bins of [CPU, memory] = [100, 100]: 3 CPU-heavy items of [30, 9] and 5 memory-heavy of [9, 30].
  const cap = [100, 100];
  const groups: PackGroup[] = [
    { id: 'cpu-heavy', count: 3, size: [30, 9] },
    { id: 'memory-heavy', count: 5, size: [9, 30] },
  ];

  it('fits in 2 bins what filling the first bin first needs 3 for', () => {
    // First fit: the 3 CPU-heavy items take 90 of bin 1's CPU, leaving room for 1 memory-heavy
    // item (10 / 9); the other 4 take 3 in bin 2 (100 / 30) and 1 in bin 3. Spread over 2 bins:
    // CPU-heavy 2 + 1, then memory-heavy 2 (82 / 30) + 3 (91 / 30, CPU 70 / 9) = 5.
    const spread = packSpread(cap, groups, 2)!;
    expect(spread).not.toBeNull();
    checkBins(spread, cap, groups);
    expect(spread.map((r) => [r.counts.get('cpu-heavy'), r.counts.get('memory-heavy')]).sort()).toEqual([
      [1, 3],
      [2, 2],
    ]);
  });

  it('returns null when the items do not fit that many bins, and [] for no items in no bins', () => {
    expect(packSpread(cap, groups, 1)).toBeNull();
    expect(packSpread(cap, [], 0)).toEqual([]);
    expect(packSpread(cap, groups, 0)).toBeNull();
  });

  it('gives the few left over to the bins with the most room, one each', () => {
    const r = packSpread([10], [{ id: 'a', count: 7, size: [1] }], 3)!;
    expect(r.map((x) => [x.mult, x.counts.get('a')]).sort()).toEqual([
      [1, 3],
      [2, 2],
    ]);
  });

  it('stores a shared image once per bin that holds its items', () => {
    const g: PackGroup[] = [{ id: 'a', count: 4, size: [1, 10], shared: [{ key: 'img', size: [0, 50] }] }];
    const r = packSpread([10, 100], g, 2)!;
    checkBins(r, [10, 100], g);
    expect(r.every((x) => x.keys.has('img'))).toBe(true);
  });

  it('keeps capacity, counts and anti-affinity for arbitrary groups (property)', () => {
    const groupArb = fc.record({
      count: fc.integer({ min: 0, max: 60 }),
      size: fc.tuple(fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 9000 })),
      maxPerBin: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(groupArb, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 12 }), (gs, bins) => {
        const capacity = [16000, 65536];
        const groups: PackGroup[] = gs.map((g, i) => ({ id: `g${i}`, count: g.count, size: g.size, ...(g.maxPerBin ? { maxPerBin: g.maxPerBin } : {}) }));
        const r = packSpread(capacity, groups, bins);
        if (r) {
          expect(r.reduce((a, x) => a + x.mult, 0)).toBeLessThanOrEqual(bins);
          checkBins(r, capacity, groups);
        }
      }),
      { seed: 20261122, numRuns: 300 },
    );
  });
});

describe('packGroups with the spread retry', () => {
  it('packs the CPU-heavy / memory-heavy mix into 2 bins (first fit alone: 3), within capacity', () => {
    const cap = [100, 100];
    const groups: PackGroup[] = [
      { id: 'cpu-heavy', count: 3, size: [30, 9] },
      { id: 'memory-heavy', count: 5, size: [9, 30] },
    ];
    const r = packGroups(cap, groups);
    expect(r.bins).toBe(2);
    expect(r.lowerBound).toBe(2); // memory: 27 + 150 = 177 of 100 a bin
    checkBins(r.records, cap, groups);
  });

  it('never goes below the lower bound, keeps every item, and stays within capacity (property)', () => {
    const groupArb = fc.record({
      count: fc.integer({ min: 0, max: 200 }),
      size: fc.tuple(fc.integer({ min: 1, max: 8000 }), fc.integer({ min: 1, max: 30000 }), fc.integer({ min: 0, max: 2 })),
    });
    fc.assert(
      fc.property(fc.array(groupArb, { minLength: 1, maxLength: 6 }), (gs) => {
        const capacity = [16000, 65536, 110];
        const groups: PackGroup[] = gs.map((g, i) => ({ id: `g${i}`, count: g.count, size: g.size }));
        const r = packGroups(capacity, groups);
        expect(r.bins).toBeGreaterThanOrEqual(r.lowerBound);
        expect(r.records.reduce((a, x) => a + x.mult, 0)).toBe(r.bins);
        checkBins(r.records, capacity, groups);
      }),
      { seed: 20261122, numRuns: 300 },
    );
  });
});
