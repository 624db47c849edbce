import { describe, expect, it } from 'vitest';
import { growthFactor, grownInstances } from './growth.js';

const years = (instances: number, pct: number, n: number) => Array.from({ length: n }, (_, i) => grownInstances(instances, pct, i + 1).toNumber());

describe('grownInstances', () => {
  it('compounds and rounds up to whole instances, worked by hand', () => {
    // 10, 11, 12.1, 13.31, 14.641, 16.1051 rounded up.
    expect(years(10, 10, 6)).toEqual([10, 11, 13, 14, 15, 17]);
  });

  it('keeps exact results exact where floating point would round up one too many', () => {
    // 100 x 1.1 x 1.1 is 121.00000000000003 in floating point; in decimals it is 121.
    expect(100 * 1.1 * 1.1).toBeGreaterThan(121);
    expect(years(100, 10, 3)).toEqual([100, 110, 121]);
    // 1000 x 1.05^3 = 1157.625 -> 1158.
    expect(grownInstances(1000, 5, 4).toNumber()).toBe(1158);
  });

  it('shrinks a workload without reaching nothing', () => {
    // 10, 9, 8.1, 7.29, 6.561 rounded up.
    expect(years(10, -10, 5)).toEqual([10, 9, 9, 8, 7]);
    // 10, 5, 2.5, 1.25, 0.625 rounded up: never below one instance.
    expect(years(10, -50, 5)).toEqual([10, 5, 3, 2, 1]);
    expect(years(3, -99.9, 4)).toEqual([3, 1, 1, 1]);
  });

  it('leaves year 1, a zero rate and a workload of no instances alone', () => {
    expect(years(7, 1000, 1)).toEqual([7]);
    expect(years(7, 0, 4)).toEqual([7, 7, 7, 7]);
    expect(years(0, 50, 4)).toEqual([0, 0, 0, 0]);
    // 1000% a year multiplies by 11: 2, 22, 242.
    expect(years(2, 1000, 3)).toEqual([2, 22, 242]);
  });

  it('gives the growth factor as an exact decimal', () => {
    expect(growthFactor(10, 1).toString()).toBe('1');
    expect(growthFactor(10, 4).toString()).toBe('1.331');
    expect(growthFactor(-20, 3).toString()).toBe('0.64');
  });
});
