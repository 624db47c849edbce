/**
 * The node-reservations article's chart and the rules it words in prose, pinned against the
 * providers' own text (FACTS.md section 2) at the band edges it quotes: GKE's first band ends at
 * 4096 MiB, not 4000; EKS reserves 11 MiB per max pod + 255 MiB; AKS the lesser of 20 MiB per
 * max pod + 50 MiB and 25% of memory; AKS before 1.29 evicts at 750 MiB; Google Distributed Cloud
 * reserves 80 m + 1% of CPU and 330 MiB + 5% of memory.
 */
import { describe, expect, test } from 'vitest';
import { NODE_SIZES, aksCpuWords, cpuBandWords, gkeBandWords, heldBack, nodeReserve, nodeReserveFigures, nodeReserveModel, reserve } from '../src/lib/learn/charts/nodeReserve';

const f = nodeReserveFigures();
const G = 1024;

describe('the rules in words match the vendor text', () => {
  test('GKE memory bands (GKE docs, "Plan node sizes")', () => {
    expect(gkeBandWords()).toBe('25% of the first 4 GiB, 20% of the next 4 GiB, 10% of the next 8 GiB, 6% of the next 112 GiB and 2% of everything above 128 GiB');
    expect([f.gkeRate1, f.gkeSpan1, f.gkeRate2, f.gkeSpan2, f.gkeRate3, f.gkeSpan3, f.gkeRate4, f.gkeSpan4, f.gkeTopRate, f.gkeTop]).toEqual([
      '25%', '4 GiB', '20%', '4 GiB', '10%', '8 GiB', '6%', '112 GiB', '2%', '128 GiB',
    ]);
    // 25% of the first 4 GiB = 25% of 4096 MiB = 1024 MiB (a 4000-MiB band would give 1,020).
    expect(f.gkeFirstEdge).toBe('4,096 MiB');
    expect(f.gkeFirst4).toBe('1,024 MiB');
    expect(f.gkeSmallNode).toBe('255 MiB');
  });

  test('GKE at each band edge, on the chart', () => {
    const gkeHeld = (gib: number) => heldBack(reserve('gke', { vcpus: 2, memoryGiB: gib }, 110)).memoryMiB;
    // + 100 MiB eviction each time.
    expect(gkeHeld(4)).toBe(1024 + 100);
    expect(gkeHeld(8)).toBe(Math.ceil(1024 + 0.2 * 4096) + 100); // 1844
    expect(gkeHeld(16)).toBe(Math.ceil(1024 + 0.2 * 4096 + 0.1 * 8192) + 100); // 2663
    expect(gkeHeld(128)).toBe(Math.ceil(1024 + 0.2 * 4096 + 0.1 * 8192 + 0.06 * 112 * G) + 100); // 9544
    expect(gkeHeld(256)).toBe(Math.ceil(1024 + 0.2 * 4096 + 0.1 * 8192 + 0.06 * 112 * G + 0.02 * 128 * G) + 100);
    const row8 = nodeReserve.compute(nodeReserve.defaults).table.rows[0]!;
    expect(row8[0]).toBe('2 vCPU, 8 GiB');
    expect(row8[2]).toBe('1,944 (23.7%)');
  });

  test('EKS: 11 MiB per max pod + 255 MiB; CPU 6% / 1% / 0.5% / 0.25% (amazon-eks-ami)', () => {
    expect(f.eksPerPod).toBe('11 MiB');
    expect(f.eksBase).toBe('255 MiB');
    expect(f.eksRef).toBe('1,465 MiB'); // 11 x 110 + 255
    expect(f.eksM5Pods).toBe('58'); // 4 x (15 - 1) + 2, as eni-max-pods.txt lists m5.2xlarge
    expect(f.eksM5Reserved).toBe('893 MiB'); // 11 x 58 + 255
    expect(cpuBandWords()).toBe('6% of the first core, 1% of the second, 0.5% of the third and fourth and 0.25% of every core above four');
    expect([f.cpuFirst, f.cpuSecond, f.cpuThirdFourth, f.cpuAbove]).toEqual(['6%', '1%', '0.5%', '0.25%']);
    expect(f.cpuRef).toBe('90 millicores'); // 60 + 10 + 10 + 10 on 8 cores
  });

  test('AKS >= 1.29: min(20 MiB x max pods + 50 MiB, 25% of memory); CPU table (Microsoft Learn)', () => {
    expect(f.aksPerPod).toBe('20 MiB');
    expect(f.aksBase).toBe('50 MiB');
    expect(f.aksCapShare).toBe('25%');
    expect(f.aksCapMiB).toBe('2,048 MiB'); // 25% of 8 GiB < 20 x 250 + 50
    expect(f.aksRef).toBe('2,250 MiB'); // 20 x 110 + 50
    expect(aksCpuWords()).toBe('60 millicores for 1 core, 100 for 2, 140 for 4, 180 for 8, 260 for 16, 420 for 32, 740 for 64');
    expect([f.aksCpuMin, f.aksCpuMax, f.aksCpuMaxCores, f.aksCpuRef]).toEqual(['60 millicores', '740 millicores', '64', '180 millicores']);
    expect(f.aksPreEviction).toBe('750 MiB');
  });

  test('Google Distributed Cloud: 80 m + 1% of CPU, 330 MiB + 5% of memory', () => {
    expect(f.gdcCpuBase).toBe('80 millicores');
    expect(f.gdcCpuShare).toBe('1%');
    expect(f.gdcMemoryShare).toBe('5%');
    const r = reserve('gdc', { vcpus: 8, memoryGiB: 32 }, 110);
    expect(r.kubeReserved.memoryMiB).toBe(330 + Math.ceil(0.05 * 32 * G));
    expect(r.kubeReserved.cpuMillicores).toBe(80 + 80);
  });
});

describe('the claims the prose makes about the chart', () => {
  test('on the 8 vCPU / 32 GiB node, allocatable runs EKS > GDC > AKS > GKE > AKS before 1.29', () => {
    const order = [f.allocEks, f.allocGdc, f.allocAks, f.allocGke, f.allocAksPre].map((s) => Number.parseFloat(s));
    expect([...order].sort((a, b) => b - a)).toEqual(order);
    expect(f.heldEks).toBe('1,565 MiB');
    expect(f.heldAksPre).toBe('4,396 MiB');
  });

  test('on the smallest node, GDC < EKS < GKE < AKS < AKS before 1.29', () => {
    const order = [f.smallGdc, f.smallEks, f.smallGke, f.smallAks, f.smallAksPre].map((s) => Number.parseFloat(s));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  test('AKS 1.29 holds back less than before at 110 max pods on every size, more at 250 pods on 16 GiB', () => {
    for (const size of NODE_SIZES) {
      expect(heldBack(reserve('aks', size, 110)).memoryMiB).toBeLessThan(heldBack(reserve('aks-pre-1.29', size, 110)).memoryMiB);
    }
    const mid = { vcpus: 4, memoryGiB: 16 };
    expect(heldBack(reserve('aks', mid, 250)).memoryMiB).toBeGreaterThan(heldBack(reserve('aks-pre-1.29', mid, 250)).memoryMiB);
  });

  test('on the largest node, Google Distributed Cloud holds back the largest share at any max pods', () => {
    for (const maxPods of [10, 110, 250]) {
      const last = nodeReserveModel({ maxPods, resource: 'memory' }).at(-1)!;
      const top = [...last.cells].sort((a, b) => b.share - a.share)[0]!;
      expect(top.profile).toBe('gdc');
    }
  });

  test('max pods moves the memory takeaway but not the CPU one', () => {
    const m = (maxPods: number) => nodeReserve.compute({ maxPods, resource: 'memory' }).summary;
    const c = (maxPods: number) => nodeReserve.compute({ maxPods, resource: 'cpu' }).summary;
    expect(m(10)).not.toBe(m(250));
    expect(c(10)).toBe(c(250));
  });
});
