import { describe, expect, it } from 'vitest';
import { DoesNotFitError, packGroups } from './pack.js';

// Dimensions in these tests: [cpu millicores, memory MiB, disk MiB, pods].
const BIN = [16000, 65536, 100000, 110];

describe('packGroups (first-fit decreasing over groups)', () => {
  it('needs no bins for nothing, and one bin for one item', () => {
    expect(packGroups(BIN, []).bins).toBe(0);
    expect(packGroups(BIN, [{ id: 'a', count: 0, size: [1000, 1024, 0, 1] }]).bins).toBe(0);
    expect(packGroups(BIN, [{ id: 'a', count: 1, size: [1000, 1024, 0, 1] }]).bins).toBe(1);
  });

  it('fills exactly to capacity and opens a bin for the next item', () => {
    // 16 items of 1000 m fill 16000 m exactly; the 17th needs a second bin.
    expect(packGroups(BIN, [{ id: 'a', count: 16, size: [1000, 1, 0, 0] }]).bins).toBe(1);
    expect(packGroups(BIN, [{ id: 'a', count: 17, size: [1000, 1, 0, 0] }]).bins).toBe(2);
  });

  it('is bound by whichever dimension fills first (here the pod slots)', () => {
    const r = packGroups(BIN, [{ id: 'tiny', count: 111, size: [10, 10, 0, 1] }]);
    expect(r.bins).toBe(2);
    expect(r.lowerBound).toBe(2);
  });

  it('stores a shared image once per bin that holds its items', () => {
    const r = packGroups([16000, 65536, 1000, 110], [
      { id: 'a', count: 20, size: [1000, 1024, 10, 1], shared: [{ key: 'img', size: [0, 0, 500, 0] }] },
    ]);
    // 16 per bin by CPU; image 500 + 16 x 10 fits 1000 MiB disk; two bins hold the image.
    expect(r.bins).toBe(2);
    expect(r.sharedBins.get('img')).toBe(2);
  });

  it('spreads anti-affinity members over separate bins and fills them first', () => {
    const r = packGroups(BIN, [
      { id: 'pods', count: 4, size: [1000, 1024, 0, 1] },
      { id: 'cp', count: 3, size: [2000, 2048, 0, 0], maxPerBin: 1, priority: 1 },
    ]);
    expect(r.bins).toBe(3);
    expect(r.lowerBound).toBe(3);
  });

  it('keeps identical bins as one record so huge counts stay fast', () => {
    const r = packGroups(BIN, [{ id: 'a', count: 10_000_000, size: [100, 100, 0, 1] }]);
    expect(r.bins).toBe(Math.ceil(10_000_000 / 110));
    expect(r.records.length).toBeLessThanOrEqual(2);
  });

  it('mixes groups, largest first, reusing space left in open bins', () => {
    const r = packGroups(BIN, [
      { id: 'small', count: 8, size: [1000, 1024, 0, 1] },
      { id: 'big', count: 1, size: [8000, 32768, 0, 1] },
    ]);
    // big takes half a bin; all 8 small fit in the other half.
    expect(r.bins).toBe(1);
  });

  it('refuses an item larger than an empty bin, naming the dimension', () => {
    expect(() => packGroups(BIN, [{ id: 'huge', count: 1, size: [1000, 70000, 0, 1] }])).toThrow(DoesNotFitError);
    try {
      packGroups(BIN, [{ id: 'huge', count: 1, size: [1000, 70000, 0, 1] }]);
    } catch (e) {
      expect((e as DoesNotFitError).dimension).toBe(1);
    }
  });
});
