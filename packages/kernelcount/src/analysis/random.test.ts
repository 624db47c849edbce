import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pert, sampleStream, Xoshiro128 } from './random.js';

describe('xoshiro128**', () => {
  // Worked by hand from the algorithm (Blackman and Vigna 2018): output = rotl(s1 x 5, 7) x 9, then
  // t = s1 << 9; s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3; s2 ^= t; s3 = rotl(s3, 11).
  // State [1, 2, 3, 4]: rotl(10, 7) x 9 = 1280 x 9 = 11520; the state becomes [7, 0, 1026, 12288],
  // so the next is rotl(0, 7) x 9 = 0; then [12295, 1029, 1029, 25165824]: rotl(5145, 7) x 9 = 5927040.
  it('gives the outputs worked out by hand for the state [1, 2, 3, 4]', () => {
    const g = new Xoshiro128([1, 2, 3, 4]);
    expect([g.nextUint32(), g.nextUint32(), g.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it('never stays in the all-zero state', () => {
    const g = new Xoshiro128([0, 0, 0, 0]);
    const outs = Array.from({ length: 8 }, () => g.nextUint32());
    expect(new Set(outs).size).toBeGreaterThan(1);
  });

  it('gives floats in [0, 1) with their mean near 1/2', () => {
    const g = sampleStream(7, 0);
    let sum = 0;
    for (let i = 0; i < 20000; i++) {
      const x = g.nextFloat();
      expect(x >= 0 && x < 1).toBe(true);
      sum += x;
    }
    // Standard error of the mean of 20,000 uniforms: sqrt(1/12 / 20000) = 0.002; allow 5 of them.
    expect(Math.abs(sum / 20000 - 0.5)).toBeLessThan(0.01);
  });
});

describe('sampleStream', () => {
  it('gives the same stream for the same seed and index, another for another seed or index', () => {
    const take = (seed: number, index: number) => {
      const g = sampleStream(seed, index);
      return [g.nextUint32(), g.nextUint32(), g.nextUint32()];
    };
    expect(take(42, 3)).toEqual(take(42, 3));
    expect(take(42, 3)).not.toEqual(take(42, 4));
    expect(take(42, 3)).not.toEqual(take(43, 3));
    expect(take(0, 0)).not.toEqual([0, 0, 0]);
  });
});

describe('pert', () => {
  it('returns the value itself when low equals high', () => {
    expect(pert(sampleStream(1, 0), 5, 5, 5)).toBe(5);
  });

  it('stays within [low, high] for any range and stream', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat({ max: 2 ** 32 - 1 }),
        (low, width, at, seed) => {
          const high = low + width;
          const likely = Math.min(high, Math.max(low, low + at * width));
          const x = pert(sampleStream(seed, 0), low, likely, high);
          return x >= low && x <= high;
        },
      ),
    );
  });

  // PERT(a, m, b) is a + (b - a) Beta(1 + 4 (m - a)/(b - a), 1 + 4 (b - m)/(b - a)), so its mean is
  // (a + 4m + b) / 6 and its variance (mean - a)(b - mean) / 7. For (0.08, 0.12, 0.20): mean
  // (0.08 + 0.48 + 0.20) / 6 = 0.126667, variance 0.046667 x 0.073333 / 7 = 0.000488889.
  it('has the mean (low + 4 likely + high) / 6 and the variance (mean - low)(high - mean) / 7', () => {
    const n = 40000;
    const xs: number[] = [];
    for (let i = 0; i < n; i++) xs.push(pert(sampleStream(99, i), 0.08, 0.12, 0.2));
    const mean = xs.reduce((a, x) => a + x, 0) / n;
    const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
    // Standard error of the mean: sqrt(0.000488889 / 40000) = 0.000111; allow 5 of them.
    expect(Math.abs(mean - 0.76 / 6)).toBeLessThan(0.00056);
    expect(Math.abs(variance - 0.000488889) / 0.000488889).toBeLessThan(0.03);
  });

  it('puts the most samples near the likely value', () => {
    // A skewed range: low 0, likely 2, high 10. Count samples in ten bins of width 1.
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 20000; i++) bins[Math.min(9, Math.floor(pert(sampleStream(5, i), 0, 2, 10)))]! += 1;
    const top = bins.indexOf(Math.max(...bins));
    expect([1, 2]).toContain(top);
  });
});
