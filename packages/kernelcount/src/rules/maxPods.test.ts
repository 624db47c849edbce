import { describe, expect, it } from 'vitest';
import { eniMaxPods } from './maxPods.js';

// awslabs/amazon-eks-ami files/eni-max-pods.txt header: "# of ENI * (# of IPv4 per ENI - 1) + 2";
// instance limits from the EC2 user guide "IP addresses per network interface per instance type".
describe('EKS max pods = ENIs x (IPv4 per ENI - 1) + 2', () => {
  it.each([
    ['t3.nano', 2, 2, 4], // 2 x (2 - 1) + 2 = 4
    ['t3.medium', 3, 6, 17], // 3 x 5 + 2 = 17
    ['m5.large', 3, 10, 29], // 3 x 9 + 2 = 29
    ['c5.4xlarge', 8, 30, 234], // 8 x 29 + 2 = 234
    ['m5.24xlarge', 15, 50, 737], // 15 x 49 + 2 = 737
  ])('%s: %i ENIs x %i IPv4 = %i pods', (_type, enis, ips, pods) => {
    expect(eniMaxPods(enis, ips)).toBe(pods);
  });

  it('edges: one ENI with one address leaves only the two host-network pods', () => {
    expect(eniMaxPods(1, 1)).toBe(2); // 1 x 0 + 2
    expect(eniMaxPods(1, 2)).toBe(3); // 1 x 1 + 2
  });

  it('refuses what no instance has: zero, negative or fractional counts', () => {
    expect(() => eniMaxPods(0, 10)).toThrowErrorMatchingInlineSnapshot(`[RangeError: ENIs must be a whole number >= 1, got 0]`);
    expect(() => eniMaxPods(2.5, 10)).toThrow(RangeError);
    expect(() => eniMaxPods(3, 0)).toThrowErrorMatchingInlineSnapshot(`[RangeError: IPv4 addresses per ENI must be a whole number >= 1, got 0]`);
    expect(() => eniMaxPods(3, Number.NaN)).toThrow(RangeError);
    expect(() => eniMaxPods(-1, 10)).toThrow(RangeError);
  });
});
