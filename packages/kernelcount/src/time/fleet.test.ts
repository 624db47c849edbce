import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planFleet, type FleetYear } from './fleet.js';

const col = (f: FleetYear[], k: keyof FleetYear) => f.map((y) => y[k]);

describe('planFleet', () => {
  it('buys the year-1 fleet, then replaces it when it reaches the end of its life', () => {
    const f = planFleet([4, 4, 4, 4, 4, 4, 4], 5);
    expect(col(f, 'bought')).toEqual([4, 0, 0, 0, 0, 4, 0]);
    expect(col(f, 'boughtAsRefresh')).toEqual([0, 0, 0, 0, 0, 4, 0]);
    expect(col(f, 'boughtForGrowth')).toEqual([4, 0, 0, 0, 0, 0, 0]);
    expect(col(f, 'retired')).toEqual([0, 0, 0, 0, 0, 4, 0]);
    expect(col(f, 'owned')).toEqual([4, 4, 4, 4, 4, 4, 4]);
    expect(col(f, 'year')).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('counts growth and refresh purchases apart, worked by hand', () => {
    // Life 5. y1 buy 2. y2 +1. y4 +1. y6: the 2 of year 1 retire, 2 in service (years 2 and 4),
    // 5 needed: buy 3 = 2 replacements + 1 for growth. y7: the 1 of year 2 retires, 4 in service,
    // 6 needed: buy 2 = 1 replacement + 1 for growth.
    const f = planFleet([2, 3, 3, 4, 4, 5, 6], 5);
    expect(col(f, 'bought')).toEqual([2, 1, 0, 1, 0, 3, 2]);
    expect(col(f, 'boughtAsRefresh')).toEqual([0, 0, 0, 0, 0, 2, 1]);
    expect(col(f, 'boughtForGrowth')).toEqual([2, 1, 0, 1, 0, 1, 1]);
    expect(col(f, 'retired')).toEqual([0, 0, 0, 0, 0, 2, 1]);
    expect(col(f, 'owned')).toEqual([2, 3, 3, 4, 4, 5, 6]);
  });

  it('keeps owned hosts when the estate shrinks and replaces only what is still needed', () => {
    const f = planFleet([5, 3, 3, 3, 3, 2, 2], 5);
    expect(col(f, 'owned')).toEqual([5, 5, 5, 5, 5, 2, 2]);
    expect(col(f, 'idle')).toEqual([0, 2, 2, 2, 2, 0, 0]);
    expect(col(f, 'bought')).toEqual([5, 0, 0, 0, 0, 2, 0]);
    expect(col(f, 'boughtAsRefresh')).toEqual([0, 0, 0, 0, 0, 2, 0]);
    expect(col(f, 'retired')).toEqual([0, 0, 0, 0, 0, 5, 0]);
  });

  it('refreshes every year with a one-year life', () => {
    const f = planFleet([3, 3, 4], 1);
    expect(col(f, 'bought')).toEqual([3, 3, 4]);
    expect(col(f, 'boughtAsRefresh')).toEqual([0, 3, 3]);
    expect(col(f, 'boughtForGrowth')).toEqual([3, 0, 1]);
  });

  it('refuses a life that is not a whole number of years', () => {
    expect(() => planFleet([1], 0)).toThrow(RangeError);
    expect(() => planFleet([1], 2.5)).toThrow(RangeError);
  });

  it('always owns what it needs, buys nothing it does not need, and retires only what it bought', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 8 }), (needed, life) => {
        const f = planFleet(needed, life);
        let boughtSoFar = 0;
        let retiredSoFar = 0;
        f.forEach((y, i) => {
          expect(y.owned).toBeGreaterThanOrEqual(y.needed);
          expect(y.idle).toBe(y.owned - y.needed);
          expect(y.bought).toBe(y.boughtForGrowth + y.boughtAsRefresh);
          expect(Math.min(y.boughtForGrowth, y.boughtAsRefresh)).toBeGreaterThanOrEqual(0);
          // A purchase happens only when the hosts still in service fall short.
          if (y.bought > 0) expect(y.owned).toBe(y.needed);
          boughtSoFar += y.bought;
          retiredSoFar += y.retired;
          expect(y.owned).toBe(boughtSoFar - retiredSoFar);
          if (i >= life) expect(y.retired).toBe(f[i - life]!.bought);
          else expect(y.retired).toBe(0);
        });
      }),
    );
  });
});
