// The calculator offers a range toggle only where the package takes a range: checked against the
// package's own resolver for every numeric field the editor shows on a host and a workload.
import { KernelcountError, resolveRanges } from 'kernelcount';
import { describe, expect, it } from 'vitest';
import { rangeable } from '../src/components/calculator/UncertaintyRange';

const base = {
  hosts: [{ name: 'h', sockets: 2, coresPerSocket: 16, memoryGiB: 512, diskGiB: 4000, price: 20000 }],
  workloads: [{ name: 'w', instances: 20, vcpus: 2, memoryGiB: 4, storageGiB: 10, growthPercentPerYear: 5 }],
};

function packageTakes(path: string, likely: number): boolean {
  try {
    resolveRanges({ ...base, uncertainty: { [path]: { low: likely / 2, likely, high: likely * 2 } } });
    return true;
  } catch (e) {
    if (e instanceof KernelcountError) return false;
    throw e;
  }
}

describe('rangeable (where the editor offers low / likely / high)', () => {
  const fields: Array<[list: 'hosts' | 'workloads', field: string, likely: number]> = [
    ['workloads', 'instances', 20],
    ['workloads', 'vcpus', 2],
    ['workloads', 'memoryGiB', 4],
    ['workloads', 'storageGiB', 10],
    ['workloads', 'imageMiB', 200],
    ['workloads', 'growthPercentPerYear', 5],
    ['hosts', 'sockets', 2],
    ['hosts', 'price', 20000],
    ['hosts', 'powerIdleW', 150],
  ];
  for (const [list, field, likely] of fields) {
    it(`${list}[0].${field}: offered exactly when the package takes it`, () => {
      expect(rangeable([list, 0, field])).toBe(packageTakes(`${list}[0].${field}`, likely));
    });
  }

  it('a workload’s own growth takes none (the projection is not sampled)', () => {
    expect(rangeable(['workloads', 0, 'growthPercentPerYear'])).toBe(false);
    expect(rangeable(['horizonYears'])).toBe(false);
  });
});
