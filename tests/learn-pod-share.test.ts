/**
 * The containers article's chart (one pod's share of its node's overhead), pinned against the
 * catalog and the providers' own text rather than against the chart's output.
 */
import { CATALOG } from 'kernelcount';
import { describe, expect, test } from 'vitest';
import { POD_COUNTS, podShare, podShareFigures, podShareModel, shimPerPodMiB } from '../src/lib/learn/charts/podShare';

const generic = CATALOG['k8s.generic.reservation'].value;
const shim = CATALOG['runtime.shimMemoryMiB'].value;

describe('pod share of node overhead', () => {
  test('kubeadm: the docs example reservation, divided by the pods, plus the catalog shim per pod', () => {
    const { rows } = podShareModel({ profile: 'generic', nodeMemoryGiB: 64 });
    const r10 = rows.find((r) => r.pods === 10)!;
    expect(r10.kube * 10).toBeCloseTo(generic.kubeReservedMemoryMiB, 9);
    expect(r10.system * 10).toBeCloseTo(generic.systemReservedMemoryMiB, 9);
    expect(r10.eviction * 10).toBeCloseTo(generic.evictionMemoryMiB, 9);
    expect(r10.shim).toBe(shim);
    // (2048 + 1024 + 500) / 10 + 5 = 362.2 MiB
    expect(r10.total).toBeCloseTo(362.2, 9);
  });

  test('EKS: kube-reserved = 11 MiB x max pods + 255 MiB, eviction 100 MiB (amazon-eks-ami), no separate shim', () => {
    const { rows } = podShareModel({ profile: 'eks', nodeMemoryGiB: 64 });
    for (const r of rows) {
      expect(r.kube * r.pods).toBeCloseTo(11 * r.pods + 255, 9);
      expect(r.eviction * r.pods).toBeCloseTo(100, 9);
      expect(r.shim).toBe(0);
    }
  });

  test('AKS >= 1.29: kube-reserved = min(20 x max pods + 50, 25% of memory) (Microsoft Learn)', () => {
    const big = podShareModel({ profile: 'aks', nodeMemoryGiB: 64 }).rows.find((r) => r.pods === 250)!;
    expect(big.kube * 250).toBeCloseTo(20 * 250 + 50, 9);
    // An 8 GiB node with 250 pods hits the 25% cap: 2048 MiB.
    const small = podShareModel({ profile: 'aks', nodeMemoryGiB: 8 }).rows.find((r) => r.pods === 250)!;
    expect(small.kube * 250).toBeCloseTo(2048, 9);
  });

  test('GKE on a 64 GiB node: 25% of 4 GiB + 20% of 4 + 10% of 8 + 6% of 48 = 5,611.52, rounded up to 5,612 MiB', () => {
    const r = podShareModel({ profile: 'gke', nodeMemoryGiB: 64 }).rows[0]!;
    expect(r.kube * r.pods).toBeCloseTo(5612, 9);
    expect(r.shim).toBe(shim);
  });

  test('the shim is added where the calculator adds it', () => {
    expect(shimPerPodMiB('generic')).toBe(shim);
    expect(shimPerPodMiB('gke')).toBe(shim);
    expect(shimPerPodMiB('eks')).toBe(0);
    expect(shimPerPodMiB('aks')).toBe(0);
  });

  test('the axis runs from 10 pods to the AKS ceiling of 250', () => {
    expect(POD_COUNTS[0]).toBe(10);
    expect(POD_COUNTS[POD_COUNTS.length - 1]).toBe(250);
    expect(POD_COUNTS).toContain(110);
  });

  test('the prose figures match the chart at its defaults', () => {
    const f = podShareFigures();
    expect(f.at10).toBe('362 MiB');
    expect(f.nodeFixed).toBe('3,572 MiB');
    expect(podShare.compute(podShare.defaults).summary).toContain(f.at110);
  });
});
