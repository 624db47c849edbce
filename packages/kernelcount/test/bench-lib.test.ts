// The statistics and helpers of the bench harness (bench/lib.mjs), on hand-made samples. Nothing
// here is timed: the expected values are worked out by hand from the definition (linear
// interpolation between ranks, position (n - 1) * q in the sorted values, as tinybench does).
import { describe, expect, it } from 'vitest';
import { comparedPair, formatFigure, markdownTable, measure, quantile, ratio, RANGES, withRanges } from '../bench/lib.mjs';

const oneToTwenty = Array.from({ length: 20 }, (_, i) => i + 1);

describe('quantile', () => {
  it('interpolates between the two nearest ranks', () => {
    // 1..20: position 19 x 0.95 = 18.05, between 19 and 20
    expect(quantile(oneToTwenty, 0.95)).toBeCloseTo(19.05, 12);
    // 1..20: position 19 x 0.5 = 9.5, between 10 and 11
    expect(quantile(oneToTwenty, 0.5)).toBe(10.5);
    // two values: 10 + 0.95 x (20 - 10)
    expect(quantile([10, 20], 0.95)).toBeCloseTo(19.5, 12);
    // 1..10, p99: position 8.91, between 9 and 10
    expect(quantile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.99)).toBeCloseTo(9.91, 12);
  });

  it('gives the tail of a skewed sample and of 1..100', () => {
    // sorted 1, 2, 3, 4, 100: p95 at position 3.8 = 4 + 0.8 x 96; p99 at 3.96 = 4 + 0.96 x 96
    expect(quantile([4, 1, 3, 2, 100], 0.5)).toBe(3);
    expect(quantile([4, 1, 3, 2, 100], 0.95)).toBeCloseTo(80.8, 10);
    expect(quantile([4, 1, 3, 2, 100], 0.99)).toBeCloseTo(96.16, 10);
    // 1..100: position 99 x 0.95 = 94.05, between 95 and 96
    expect(quantile(Array.from({ length: 100 }, (_, i) => i + 1), 0.95)).toBeCloseTo(95.05, 10);
  });

  it('sorts a copy and leaves the samples as given', () => {
    const samples = [3, 1, 4, 2];
    expect(quantile(samples, 0.5)).toBe(2.5);
    expect(samples).toEqual([3, 1, 4, 2]);
    expect(quantile(new Float64Array([0.3, 0.1, 0.2]), 0.5)).toBe(0.2);
  });

  it('gives the extremes at 0 and 1, the value itself for one sample, and ties unchanged', () => {
    expect(quantile([7, 3, 9], 0)).toBe(3);
    expect(quantile([7, 3, 9], 1)).toBe(9);
    expect(quantile([42], 0.95)).toBe(42);
    expect(quantile([5, 5, 5, 7], 0.5)).toBe(5);
    // an exact rank needs no interpolation: 1..5, position 4 x 0.75 = 3
    expect(quantile([5, 4, 3, 2, 1], 0.75)).toBe(4);
  });

  it('refuses what has no quantile', () => {
    expect(() => quantile([], 0.5)).toThrow(/no values/);
    expect(() => quantile([1, 2], 1.5)).toThrow(/q must be from 0 to 1, got 1.5/);
    expect(() => quantile([1, 2], Number.NaN)).toThrow(/q must be from 0 to 1/);
    expect(() => quantile([1, Number.NaN], 0.5)).toThrow(/finite number, got NaN/);
    expect(() => quantile([1, Number.POSITIVE_INFINITY], 0.5)).toThrow(/finite number, got Infinity/);
  });
});

describe('ratio', () => {
  it('is the task median in reference medians', () => {
    expect(ratio(0.5, 0.25)).toBe(2);
    expect(ratio(20.4, 0.0102)).toBeCloseTo(2000, 9);
    expect(ratio(0, 0.01)).toBe(0);
  });

  it('does not divide by a reference the timer could not see, nor take a broken median', () => {
    expect(() => ratio(1, 0)).toThrow(/reference median is 0 ms/);
    expect(() => ratio(Number.NaN, 1)).toThrow(/task median must be a finite number >= 0, got NaN/);
    expect(() => ratio(1, -1)).toThrow(/reference median must be a finite number >= 0, got -1/);
  });
});

describe('measure', () => {
  // tinybench takes a duration the task reports itself (overriddenDuration) instead of its clock,
  // so these samples are made by hand and nothing depends on how fast the machine is. The task
  // walks round the list: tinybench may call it before the timed run (it does once, to see whether
  // it returns a promise), and any 20 calls in a row still give each of 1..20 once.
  const shuffled = [7, 19, 3, 12, 1, 20, 15, 9, 5, 17, 11, 2, 14, 8, 18, 4, 13, 10, 16, 6];
  const profile = { time: 0, iterations: shuffled.length, warmupTime: 0, warmupIterations: 0, warmup: false };

  it("puts tinybench's median and p99 and its own p95 on the same hand-made samples", async () => {
    let i = 0;
    const f = await measure('hand-made', () => ({ overriddenDuration: shuffled[i++ % 20] }), profile);
    expect(f.iterations).toBe(20);
    expect(f.samples).toEqual(oneToTwenty);
    expect(f.median).toBe(10.5); // tinybench's p50
    expect(f.p99).toBeCloseTo(19.81, 10); // tinybench's p99: position 18.81, between 19 and 20
    expect(f.p95).toBeCloseTo(19.05, 10);
    expect(f.min).toBe(1);
    expect(f.max).toBe(20);
    expect(f.mean).toBe(10.5);
  });

  it('awaits an asynchronous task the same way', async () => {
    let i = 0;
    const f = await measure('hand-made, async', async () => ({ overriddenDuration: shuffled[i++ % 20] }), profile);
    expect(f.iterations).toBe(20);
    expect(f.samples).toEqual(oneToTwenty);
    expect(f.median).toBe(10.5);
    expect(f.p95).toBeCloseTo(19.05, 10);
  });

  it('passes on the error of a task that throws', async () => {
    await expect(
      measure(
        'throws',
        () => {
          throw new Error('broken task');
        },
        profile,
      ),
    ).rejects.toThrow('broken task');
  });
});

describe('output', () => {
  it('rounds figures to three significant digits', () => {
    expect(formatFigure(0.010434)).toBe('0.0104');
    expect(formatFigure(20.44)).toBe('20.4');
    expect(formatFigure(1963.4)).toBe('1,960');
    expect(formatFigure(2)).toBe('2');
  });

  it('writes a Markdown table with right-aligned columns and escaped pipes', () => {
    expect(markdownTable(['task', 'ms'], [['a|b', 1.5], ['c', 2]], ['l', 'r'])).toBe(
      ['| task | ms |', '| --- | ---: |', '| a\\|b | 1.5 |', '| c | 2 |'].join('\n'),
    );
  });
});

describe('scenarios', () => {
  it('compares a known example by its pair, any other by its baseline and the next platform', () => {
    expect(comparedPair('vmware-to-kubernetes', {})).toEqual(['vmware', 'k8s-bare-metal']);
    const scenario = { baseline: 'b', platforms: [{ type: 'vm', name: 'a' }, { type: 'containers', name: 'b' }, { type: 'micro-vm' }] };
    expect(comparedPair('other', scenario)).toEqual(['b', 'a']);
    expect(comparedPair('other', { platforms: [{ type: 'vm' }, { type: 'containers' }] })).toEqual(['vm', 'containers']);
    expect(() => comparedPair('other', { platforms: [{ type: 'vm' }] })).toThrow(/needs two platforms/);
  });

  it("samples an example's own ranges before the bench's, and nothing without either", () => {
    const own = { uncertainty: { 'prices.pue': { low: 1.2, likely: 1.4, high: 1.8 } } };
    expect(withRanges('linux-microservices', own)).toEqual({ scenario: own, source: 'example' });
    const plain = { name: 'x' };
    expect(withRanges('linux-microservices', plain)).toEqual({ scenario: { name: 'x', uncertainty: RANGES['linux-microservices'] }, source: 'bench' });
    expect(plain).toEqual({ name: 'x' });
    expect(withRanges('unknown', plain)).toBeUndefined();
  });
});
