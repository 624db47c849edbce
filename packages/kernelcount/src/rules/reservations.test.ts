import { describe, it, expect } from 'vitest';
import type { KernelcountError } from '../errors.js';
import {
  aksCpuReservedMillicores,
  aksPre129Reservation,
  aksReservation,
  eksCpuReservedMillicores,
  eksReservation,
  gdcReservation,
  genericReservation,
  gkeCpuReservedMillicores,
  gkeMemoryReservedMiB,
  gkeReservation,
  nodeReservation,
  withWindowsExtras,
  RESERVATION_PROFILES,
  type GenericReservationInput,
  type NodeSize,
} from './reservations.js';

const node = (cores: number, memoryMiB: number, maxPods = 110): NodeSize => ({
  cpuMillicores: cores * 1000,
  memoryMiB,
  maxPods,
});

// awslabs/amazon-eks-ami nodeadm kubelet config (FACTS.md section 2): 11 MiB x maxPods + 255 MiB.
describe('EKS kube-reserved memory = 11 x maxPods + 255', () => {
  it('110 pods: 11 x 110 + 255 = 1210 + 255 = 1465 MiB', () => {
    expect(eksReservation(node(4, 16384, 110)).kubeReserved.memoryMiB).toBe(1465);
  });
  it('58 pods: 11 x 58 + 255 = 638 + 255 = 893 MiB', () => {
    expect(eksReservation(node(8, 32768, 58)).kubeReserved.memoryMiB).toBe(893);
  });
  it('1 pod: 11 + 255 = 266 MiB', () => {
    expect(eksReservation(node(2, 4096, 1)).kubeReserved.memoryMiB).toBe(266);
  });
  it('eviction memory.available 100 MiB and no system-reserved', () => {
    const r = eksReservation(node(8, 32768, 58));
    expect(r.evictionMemoryMiB).toBe(100);
    expect(r.systemReserved).toEqual({ cpuMillicores: 0, memoryMiB: 0 });
    // 32768 - 893 - 0 - 100 = 31775
    expect(r.allocatable.memoryMiB).toBe(31775);
  });
});

// EKS CPU: 6% of core 1, 1% of core 2, 0.5% of cores 3-4, 0.25% above 4; each band in integer
// millicores x (per ten-thousand) / 10000, truncated as Go integer division does.
describe('EKS kube-reserved CPU, each band truncated as in amazon-eks-ami', () => {
  it.each([
    [0.5, 30], // 500 x 600 / 10000 = 30
    [1, 60], // 1000 x 6% = 60
    [2, 70], // 60 + 1000 x 1% = 60 + 10
    [3, 75], // 60 + 10 + 1000 x 0.5% = 5
    [4, 80], // 60 + 10 + 2000 x 0.5% = 10
    [5, 82], // 60 + 10 + 10 + 1000 x 0.25% = 2.5, truncated to 2
    [8, 90], // 60 + 10 + 10 + 4000 x 0.25% = 10
    [96, 310], // 60 + 10 + 10 + 92000 x 0.25% = 230
  ])('%s cores reserve %s m', (cores, millicores) => {
    expect(eksCpuReservedMillicores(cores * 1000)).toBe(millicores);
    expect(eksReservation(node(cores, 8192)).kubeReserved.cpuMillicores).toBe(millicores);
  });
});

// GKE "Plan node sizes" (FACTS.md section 2): 255 MiB under 1 GiB; else 25% of first 4 GiB,
// 20% of next 4, 10% of next 8, 6% of next 112, 2% above 128 GiB. Fractions rounded up.
describe('GKE kube-reserved memory bands', () => {
  it.each([
    [1023, 255], // under 1 GiB: flat 255
    [1024, 256], // exactly 1 GiB: 25% of 1024 = 256
    [4096, 1024], // 25% of 4096
    [8192, 1844], // 1024 + 20% of 4096 = 819.2 -> 1843.2 -> 1844
    [16384, 2663], // 1024 + 819.2 + 10% of 8192 = 819.2 -> 2662.4 -> 2663
    [131072, 9544], // 2662.4 + 6% of 114688 = 6881.28 -> 9543.68 -> 9544
    [262144, 12166], // 9543.68 + 2% of 131072 = 2621.44 -> 12165.12 -> 12166
  ])('%s MiB reserves %s MiB', (memoryMiB, reserved) => {
    expect(gkeMemoryReservedMiB(memoryMiB)).toBe(reserved);
    expect(gkeReservation(node(4, memoryMiB)).kubeReserved.memoryMiB).toBe(reserved);
  });
});

describe('GKE kube-reserved CPU: EKS tiers, rounded up', () => {
  it.each([
    [0.5, 30], // 6% of 500
    [1, 60],
    [2, 70], // 60 + 10
    [3, 75], // 60 + 10 + 5
    [4, 80], // 60 + 10 + 10
    [5, 83], // 80 + 0.25% of 1000 = 82.5 -> 83
    [8, 90], // 80 + 0.25% of 4000 = 10
  ])('%s cores reserve %s m', (cores, millicores) => {
    expect(gkeCpuReservedMillicores(cores * 1000)).toBe(millicores);
    expect(gkeReservation(node(cores, 8192)).kubeReserved.cpuMillicores).toBe(millicores);
  });

  it('eviction memory.available 100 MiB', () => {
    expect(gkeReservation(node(4, 16384)).evictionMemoryMiB).toBe(100);
  });
});

// AKS docs node-resource-reservations.md (FACTS.md section 2).
describe('AKS >= 1.29 kube-reserved memory = min(20 x maxPods + 50, 25% of memory)', () => {
  it('pods side smaller: 30 pods on 16384 MiB = min(650, 4096) = 650', () => {
    expect(aksReservation(node(4, 16384, 30)).kubeReserved.memoryMiB).toBe(650);
  });
  it('memory side smaller: 110 pods on 4096 MiB = min(2250, 1024) = 1024', () => {
    expect(aksReservation(node(2, 4096, 110)).kubeReserved.memoryMiB).toBe(1024);
  });
  it('at the crossover: 30 pods on 2600 MiB = min(650, 650) = 650', () => {
    expect(aksReservation(node(2, 2600, 30)).kubeReserved.memoryMiB).toBe(650);
  });
  it('one pod past the crossover: 31 pods on 2600 MiB = min(670, 650) = 650', () => {
    expect(aksReservation(node(2, 2600, 31)).kubeReserved.memoryMiB).toBe(650);
  });
  it('eviction memory.available 100 MiB', () => {
    expect(aksReservation(node(4, 16384, 30)).evictionMemoryMiB).toBe(100);
  });
});

describe('AKS kube-reserved CPU table', () => {
  it.each([
    [1, 60],
    [2, 100],
    [4, 140],
    [8, 180],
    [16, 260],
    [32, 420],
    [64, 740],
  ])('%s cores: %s m exactly, not interpolated', (cores, millicores) => {
    expect(aksCpuReservedMillicores(cores * 1000)).toEqual({ cpuMillicores: millicores, interpolated: false });
    expect(aksReservation(node(cores, 65536, 30)).kubeReserved.cpuMillicores).toBe(millicores);
  });

  it('12 cores (not in the table) is interpolated between the 8 and 16 core rows', () => {
    const r = aksCpuReservedMillicores(12000);
    expect(r.interpolated).toBe(true);
    expect(r.cpuMillicores).toBeGreaterThan(180);
    expect(r.cpuMillicores).toBeLessThan(260);
    expect(aksReservation(node(12, 49152, 30)).formula.join('\n')).toContain('interpolated');
  });
});

describe('AKS < 1.29: GKE-style memory bands and eviction 750 MiB', () => {
  it('16384 MiB: memory as GKE (2663), eviction 750, CPU from the AKS table (4 cores = 140)', () => {
    const r = aksPre129Reservation(node(4, 16384, 30));
    expect(r.kubeReserved.memoryMiB).toBe(2663);
    expect(r.evictionMemoryMiB).toBe(750);
    expect(r.kubeReserved.cpuMillicores).toBe(140);
    // 16384 - 2663 - 750 = 12971
    expect(r.allocatable.memoryMiB).toBe(12971);
  });
});

// Google Distributed Cloud on-prem (FACTS.md section 2): CPU 80m + 1%, memory 330 MiB + 5%
// (280 MiB + 5% in 1.3-1.5), eviction 100 MiB.
describe('GDC kube-reserved: CPU 80 + 1%, memory 330 + 5%, eviction 100', () => {
  it('4 cores, 20480 MiB: CPU 80 + 40 = 120 m; memory 330 + 1024 = 1354 MiB', () => {
    const r = gdcReservation(node(4, 20480));
    expect(r.kubeReserved).toEqual({ cpuMillicores: 120, memoryMiB: 1354 });
    expect(r.evictionMemoryMiB).toBe(100);
  });
  it('8 cores, 32768 MiB: CPU 80 + 80 = 160 m; memory 330 + 1638.4 -> 1969 MiB', () => {
    expect(gdcReservation(node(8, 32768)).kubeReserved).toEqual({ cpuMillicores: 160, memoryMiB: 1969 });
  });
  it('versions 1.3-1.5 base of 280 MiB: 280 + 1024 = 1304 MiB', () => {
    expect(gdcReservation(node(4, 20480), 280).kubeReserved.memoryMiB).toBe(1304);
  });
});

const docsExample: GenericReservationInput = {
  kubeReservedCpuMillicores: 1000,
  kubeReservedMemoryMiB: 2048,
  systemReservedCpuMillicores: 500,
  systemReservedMemoryMiB: 1024,
  evictionMemoryMiB: 500,
};

describe('generic node: reservation from inputs', () => {
  it('allocatable = capacity - kube - system - eviction: CPU 8000 - 1000 - 500 = 6500; memory 32768 - 2048 - 1024 - 500 = 29196', () => {
    const r = genericReservation(node(8, 32768), docsExample);
    expect(r.kubeReserved).toEqual({ cpuMillicores: 1000, memoryMiB: 2048 });
    expect(r.systemReserved).toEqual({ cpuMillicores: 500, memoryMiB: 1024 });
    expect(r.evictionMemoryMiB).toBe(500);
    expect(r.allocatable).toEqual({ cpuMillicores: 6500, memoryMiB: 29196, pods: 110 });
  });

  it('a tiny node never gets negative allocatable', () => {
    const r = genericReservation(node(1, 2048), docsExample);
    expect(r.allocatable.cpuMillicores).toBe(0);
    expect(r.allocatable.memoryMiB).toBe(0);
  });
});

describe('allocatable on a tiny node is never negative', () => {
  it('EKS 0.5 core, 512 MiB, 110 pods: 512 - 1465 - 100 < 0 -> 0 MiB; CPU 500 - 30 = 470 m', () => {
    const r = eksReservation(node(0.5, 512, 110));
    expect(r.allocatable.memoryMiB).toBe(0);
    expect(r.allocatable.cpuMillicores).toBe(470);
  });
  it('GKE 0.5 core, 256 MiB: 256 - 255 - 100 < 0 -> 0 MiB', () => {
    expect(gkeReservation(node(0.5, 256)).allocatable.memoryMiB).toBe(0);
  });
});

describe('nodeReservation dispatches each profile', () => {
  const n = node(4, 16384, 30);
  const direct = {
    eks: () => eksReservation(n),
    gke: () => gkeReservation(n),
    aks: () => aksReservation(n),
    'aks-pre-1.29': () => aksPre129Reservation(n),
    gdc: () => gdcReservation(n),
    generic: () => genericReservation(n, docsExample),
  } as const;

  it.each(RESERVATION_PROFILES.map((p) => [p]))('%s returns the same as its own rule', (profile) => {
    const r = nodeReservation(profile, n, docsExample);
    expect(r.profile).toBe(profile);
    expect(r).toEqual(direct[profile]());
  });

  it('generic without inputs is refused with the package error', () => {
    expect(() => nodeReservation('generic', n)).toThrow(/generic profile needs/);
  });
});

describe('bad input to a reservation rule called on its own', () => {
  const issues = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as KernelcountError).issues.map((i) => `${i.path}:${i.code}`);
    }
    return [];
  };
  it('names each field: zero CPU, fractional memory, pods above the provider limit', () => {
    expect(issues(() => nodeReservation('aks', { cpuMillicores: 0, memoryMiB: 1.5, maxPods: 251 }))).toEqual([
      'cpuMillicores:too_small',
      'memoryMiB:not_integer',
      'maxPods:too_big',
    ]);
    // AKS admits 250 pods per node, GKE Standard 256
    expect(issues(() => nodeReservation('aks', { cpuMillicores: 4000, memoryMiB: 16384, maxPods: 250 }))).toEqual([]);
    expect(issues(() => nodeReservation('gke', { cpuMillicores: 4000, memoryMiB: 16384, maxPods: 256 }))).toEqual([]);
    expect(issues(() => nodeReservation('gke', { cpuMillicores: 4000, memoryMiB: 16384, maxPods: 257 }))).toEqual(['maxPods:too_big']);
  });
  it('an unknown profile and a generic node without inputs are input errors, not crashes', () => {
    expect(issues(() => nodeReservation('openshift' as never, { cpuMillicores: 4000, memoryMiB: 16384, maxPods: 110 }))).toEqual(['profile:unknown_value']);
    expect(issues(() => nodeReservation('generic', { cpuMillicores: 4000, memoryMiB: 16384, maxPods: 110 }))).toEqual(['generic:required']);
    expect(issues(() => nodeReservation('eks', { cpuMillicores: NaN, memoryMiB: Infinity, maxPods: 110 }))).toEqual(['cpuMillicores:invalid_type', 'memoryMiB:not_finite']);
  });
});

// AKS node resource reservations: "AKS reserves an extra 2 GB for system processes in Windows nodes";
// kubelet eviction defaults on Windows (defaults_windows.go): memory.available 500Mi.
describe('Windows node extras', () => {
  const extras = { aksExtraMemoryMiB: 2048, kubeletEvictionMemoryMiB: 500 };
  const n = { cpuMillicores: 4000, memoryMiB: 16384, maxPods: 30 };
  it.each(['aks', 'aks-pre-1.29'] as const)('%s: 2 GB more system-reserved memory, allocatable 2048 MiB lower', (profile) => {
    const linux = nodeReservation(profile, n);
    const win = nodeReservation(profile, n, { windows: extras });
    expect(win.systemReserved.memoryMiB).toBe(linux.systemReserved.memoryMiB + 2048);
    expect(win.allocatable.memoryMiB).toBe(linux.allocatable.memoryMiB - 2048);
    expect(win.evictionMemoryMiB).toBe(linux.evictionMemoryMiB);
  });
  it('generic: the Windows kubelet evicts at 500 MiB unless the node is set higher', () => {
    const g = (evictionMemoryMiB: number): GenericReservationInput => ({ kubeReservedCpuMillicores: 100, kubeReservedMemoryMiB: 512, systemReservedCpuMillicores: 100, systemReservedMemoryMiB: 512, evictionMemoryMiB });
    expect(nodeReservation('generic', n, { generic: g(100), windows: extras }).evictionMemoryMiB).toBe(500);
    expect(nodeReservation('generic', n, { generic: g(750), windows: extras }).evictionMemoryMiB).toBe(750);
  });
  it.each(['eks', 'gke', 'gdc'] as const)('%s publishes no Windows figure: unchanged', (profile) => {
    expect(nodeReservation(profile, n, { windows: extras })).toEqual(nodeReservation(profile, n));
  });
  it('withWindowsExtras on its own says what it added', () => {
    const r = withWindowsExtras(aksReservation(n), extras);
    expect(r.formula.at(-1)).toMatch(/Windows node: system-reserved memory \+ 2048 MiB/);
  });
});
