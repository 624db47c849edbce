/**
 * Kubernetes node reservations: what the kubelet holds back from a node's capacity before the
 * scheduler sees it (allocatable = capacity - kube-reserved - system-reserved - eviction threshold).
 * Each provider's rule is written from its own text, band by band; quantities are integers
 * (millicores, MiB) and any fraction is rounded as the provider does, or up where it does not say.
 */
import { KernelcountError } from '../errors.js';
import { RULE_LIMITS, checkInputs } from './inputs.js';

export type ReservationProfile = 'eks' | 'gke' | 'aks' | 'aks-pre-1.29' | 'gdc' | 'generic';
export const RESERVATION_PROFILES: readonly ReservationProfile[] = ['eks', 'gke', 'aks', 'aks-pre-1.29', 'gdc', 'generic'];

export interface NodeSize {
  /** Logical CPUs the node reports (vCPUs or hardware threads), fractional allowed. */
  cpuMillicores: number;
  memoryMiB: number;
  /** Pods the kubelet admits on this node. */
  maxPods: number;
}

export interface NodeReservation {
  profile: ReservationProfile;
  capacity: { cpuMillicores: number; memoryMiB: number; pods: number };
  kubeReserved: { cpuMillicores: number; memoryMiB: number };
  systemReserved: { cpuMillicores: number; memoryMiB: number };
  evictionMemoryMiB: number;
  allocatable: { cpuMillicores: number; memoryMiB: number; pods: number };
  /** The rule with the node's numbers filled in, one line per quantity. */
  formula: string[];
}

export interface GenericReservationInput {
  kubeReservedCpuMillicores: number;
  kubeReservedMemoryMiB: number;
  systemReservedCpuMillicores: number;
  systemReservedMemoryMiB: number;
  evictionMemoryMiB: number;
}

function finish(
  profile: ReservationProfile,
  node: NodeSize,
  kube: { cpuMillicores: number; memoryMiB: number },
  system: { cpuMillicores: number; memoryMiB: number },
  evictionMemoryMiB: number,
  formula: string[],
): NodeReservation {
  const allocCpu = node.cpuMillicores - kube.cpuMillicores - system.cpuMillicores;
  const allocMem = node.memoryMiB - kube.memoryMiB - system.memoryMiB - evictionMemoryMiB;
  return {
    profile,
    capacity: { cpuMillicores: node.cpuMillicores, memoryMiB: node.memoryMiB, pods: node.maxPods },
    kubeReserved: kube,
    systemReserved: system,
    evictionMemoryMiB,
    allocatable: { cpuMillicores: Math.max(0, allocCpu), memoryMiB: Math.max(0, allocMem), pods: node.maxPods },
    formula,
  };
}

/**
 * EKS kube-reserved CPU (awslabs/amazon-eks-ami nodeadm `getCPUMillicoresToReserve`, as of 2025-01):
 * 6% of the first core, 1% of the second, 0.5% of cores 3-4 and 0.25% of every core above 4. Each
 * band is computed in integer millicores and truncated, as the Go code does, so 5 cores reserve
 * 60 + 10 + 10 + 2 = 82 m.
 *
 * @example
 * eksCpuReservedMillicores(8000) //=> 90
 */
export function eksCpuReservedMillicores(cpuMillicores: number): number {
  const edges = [0, 1000, 2000, 4000, Math.max(4000, cpuMillicores)];
  const perTenThousand = [600, 100, 50, 25];
  let reserved = 0;
  for (let i = 0; i < perTenThousand.length; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    if (cpuMillicores <= start) continue;
    const inBand = Math.min(cpuMillicores, end) - start;
    reserved += Math.floor((inBand * perTenThousand[i]!) / 10000);
  }
  return reserved;
}

/**
 * GKE CPU reservation (GKE docs "Plan node sizes", as of 2025-01): same bands as EKS (6% / 1% / 0.5% /
 * 0.25%); GKE does not state rounding, so the total is rounded up to whole millicores.
 *
 * @example
 * gkeCpuReservedMillicores(5000) //=> 83 (82.5 rounded up)
 */
export function gkeCpuReservedMillicores(cpuMillicores: number): number {
  const bands: Array<[number, number, number]> = [
    [0, 1000, 6],
    [1000, 2000, 1],
    [2000, 4000, 0.5],
    [4000, Infinity, 0.25],
  ];
  let tenThousandths = 0; // in millicores x 100, exact for these percentages
  for (const [start, end, pct] of bands) {
    if (cpuMillicores <= start) continue;
    const inBand = Math.min(cpuMillicores, end) - start;
    tenThousandths += inBand * pct * 100; // pct% of inBand, x10000 / 100
  }
  return Math.ceil(Math.round(tenThousandths) / 10000);
}

/**
 * GKE memory reservation (GKE docs "Plan node sizes", as of 2025-01): 255 MiB for nodes under 1 GiB;
 * otherwise 25% of the first 4 GiB, 20% of the next 4 GiB (to 8), 10% of the next 8 GiB (to 16),
 * 6% of the next 112 GiB (to 128) and 2% of everything above 128 GiB. Bands are in GiB = 1024 MiB;
 * the total is rounded up to whole MiB.
 *
 * @example
 * gkeMemoryReservedMiB(16384) //=> 2663 (1024 + 819.2 + 819.2 = 2662.4, rounded up)
 */
export function gkeMemoryReservedMiB(memoryMiB: number): number {
  if (memoryMiB < 1024) return 255;
  const G = 1024;
  const bands: Array<[number, number, number]> = [
    [0, 4 * G, 25],
    [4 * G, 8 * G, 20],
    [8 * G, 16 * G, 10],
    [16 * G, 128 * G, 6],
    [128 * G, Infinity, 2],
  ];
  let hundredths = 0; // MiB x 100
  for (const [start, end, pct] of bands) {
    if (memoryMiB <= start) continue;
    hundredths += (Math.min(memoryMiB, end) - start) * pct;
  }
  return Math.ceil(hundredths / 100);
}

/**
 * EKS node reservation (awslabs/amazon-eks-ami nodeadm kubelet config, as of 2025-01): kube-reserved
 * memory = 11 MiB x maxPods + 255 MiB; CPU by `eksCpuReservedMillicores`; no system-reserved;
 * hard eviction at memory.available < 100Mi.
 *
 * @example
 * eksReservation({ cpuMillicores: 8000, memoryMiB: 32768, maxPods: 58 }).allocatable.memoryMiB //=> 31775
 */
export function eksReservation(node: NodeSize): NodeReservation {
  const mem = 11 * node.maxPods + 255;
  const cpu = eksCpuReservedMillicores(node.cpuMillicores);
  return finish('eks', node, { cpuMillicores: cpu, memoryMiB: mem }, { cpuMillicores: 0, memoryMiB: 0 }, 100, [
    `kube-reserved memory = 11 x ${node.maxPods} pods + 255 = ${mem} MiB`,
    `kube-reserved CPU = 6% of core 1 + 1% of core 2 + 0.5% of cores 3-4 + 0.25% above 4, per band truncated = ${cpu} m`,
    'eviction memory.available = 100 MiB',
  ]);
}

/**
 * GKE Standard node reservation (GKE docs "Plan node sizes", as of 2025-01): memory bands of
 * `gkeMemoryReservedMiB`, CPU bands of `gkeCpuReservedMillicores`, eviction 100 MiB.
 *
 * @example
 * gkeReservation({ cpuMillicores: 4000, memoryMiB: 16384, maxPods: 110 }).kubeReserved //=> { cpuMillicores: 80, memoryMiB: 2663 }
 */
export function gkeReservation(node: NodeSize): NodeReservation {
  const mem = gkeMemoryReservedMiB(node.memoryMiB);
  const cpu = gkeCpuReservedMillicores(node.cpuMillicores);
  return finish('gke', node, { cpuMillicores: cpu, memoryMiB: mem }, { cpuMillicores: 0, memoryMiB: 0 }, 100, [
    node.memoryMiB < 1024
      ? 'kube-reserved memory = 255 MiB (node under 1 GiB)'
      : `kube-reserved memory = 25% of first 4 GiB + 20% of next 4 + 10% of next 8 + 6% of next 112 + 2% above 128 GiB of ${node.memoryMiB} MiB = ${mem} MiB (rounded up)`,
    `kube-reserved CPU = 6% of core 1 + 1% of core 2 + 0.5% of cores 3-4 + 0.25% above 4 = ${cpu} m (rounded up)`,
    'eviction memory.available = 100 MiB',
  ]);
}

/** AKS kube-reserved CPU table (AKS docs "Node resource reservations", as of 2025-01), millicores by cores. */
export const AKS_CPU_TABLE: ReadonlyArray<readonly [cores: number, millicores: number]> = [
  [1, 60],
  [2, 100],
  [4, 140],
  [8, 180],
  [16, 260],
  [32, 420],
  [64, 740],
];

/**
 * AKS kube-reserved CPU. The vendor publishes a table for 1, 2, 4, 8, 16, 32 and 64 cores; those
 * sizes return the table value exactly. Other sizes follow the straight line between the two nearest
 * rows (beyond 64 cores, the 10 m per core slope of the last rows), rounded up, and say so.
 *
 * @example
 * aksCpuReservedMillicores(16000).cpuMillicores //=> 260
 */
export function aksCpuReservedMillicores(cpuMillicores: number): { cpuMillicores: number; interpolated: boolean } {
  const cores = cpuMillicores / 1000;
  const exact = AKS_CPU_TABLE.find(([c]) => c === cores);
  if (exact) return { cpuMillicores: exact[1], interpolated: false };
  if (cores < 1) return { cpuMillicores: 60, interpolated: true };
  let lo = AKS_CPU_TABLE[0]!;
  let hi = AKS_CPU_TABLE[1]!;
  for (let i = 0; i < AKS_CPU_TABLE.length - 1; i++) {
    lo = AKS_CPU_TABLE[i]!;
    hi = AKS_CPU_TABLE[i + 1]!;
    if (cores < hi[0]) break;
  }
  const value = lo[1] + ((hi[1] - lo[1]) * (cores - lo[0])) / (hi[0] - lo[0]);
  return { cpuMillicores: Math.ceil(value - 1e-9), interpolated: true };
}

/**
 * AKS >= 1.29 node reservation (AKS docs "Node resource reservations", as of 2025-01): kube-reserved
 * memory = min(20 MiB x maxPods + 50 MiB, 25% of node memory); CPU from the AKS table; eviction
 * memory.available < 100Mi. AKS writes "MB"; its kubelet flags are in Mi, which we follow.
 *
 * @example
 * aksReservation({ cpuMillicores: 4000, memoryMiB: 16384, maxPods: 30 }).kubeReserved.memoryMiB //=> 650
 */
export function aksReservation(node: NodeSize): NodeReservation {
  const byPods = 20 * node.maxPods + 50;
  const quarter = Math.floor(node.memoryMiB / 4);
  const mem = Math.min(byPods, quarter);
  const cpu = aksCpuReservedMillicores(node.cpuMillicores);
  return finish('aks', node, { cpuMillicores: cpu.cpuMillicores, memoryMiB: mem }, { cpuMillicores: 0, memoryMiB: 0 }, 100, [
    `kube-reserved memory = min(20 x ${node.maxPods} pods + 50, 25% x ${node.memoryMiB}) = min(${byPods}, ${quarter}) = ${mem} MiB`,
    `kube-reserved CPU = ${cpu.cpuMillicores} m from the AKS table${cpu.interpolated ? ' (size not in the table: interpolated)' : ''}`,
    'eviction memory.available = 100 MiB',
  ]);
}

/**
 * AKS before 1.29 (AKS docs, as of 2025-01): memory bands as GKE's, eviction memory.available < 750Mi,
 * CPU from the AKS table.
 *
 * @example
 * aksPre129Reservation({ cpuMillicores: 4000, memoryMiB: 16384, maxPods: 30 }).evictionMemoryMiB //=> 750
 */
export function aksPre129Reservation(node: NodeSize): NodeReservation {
  const mem = gkeMemoryReservedMiB(node.memoryMiB);
  const cpu = aksCpuReservedMillicores(node.cpuMillicores);
  return finish('aks-pre-1.29', node, { cpuMillicores: cpu.cpuMillicores, memoryMiB: mem }, { cpuMillicores: 0, memoryMiB: 0 }, 750, [
    `kube-reserved memory = GKE-style bands of ${node.memoryMiB} MiB = ${mem} MiB`,
    `kube-reserved CPU = ${cpu.cpuMillicores} m from the AKS table${cpu.interpolated ? ' (size not in the table: interpolated)' : ''}`,
    'eviction memory.available = 750 MiB',
  ]);
}

/**
 * Google Distributed Cloud (GKE on VMware, "Resources available for your workloads"): CPU 80 m + 1% of
 * capacity; memory 330 MiB + 5% of capacity in the docs for 1.6 and later (280 MiB + 5% in 1.3-1.5);
 * eviction 100 MiB. Fractions rounded up.
 *
 * @example
 * gdcReservation({ cpuMillicores: 8000, memoryMiB: 32768, maxPods: 110 }).kubeReserved //=> { cpuMillicores: 160, memoryMiB: 1969 }
 */
export function gdcReservation(node: NodeSize, baseMemoryMiB = 330): NodeReservation {
  const cpu = 80 + Math.ceil(node.cpuMillicores / 100);
  const mem = baseMemoryMiB + Math.ceil((node.memoryMiB * 5) / 100);
  return finish('gdc', node, { cpuMillicores: cpu, memoryMiB: mem }, { cpuMillicores: 0, memoryMiB: 0 }, 100, [
    `kube-reserved CPU = 80 + 1% x ${node.cpuMillicores} = ${cpu} m`,
    `kube-reserved memory = ${baseMemoryMiB} + 5% x ${node.memoryMiB} = ${mem} MiB`,
    'eviction memory.available = 100 MiB',
  ]);
}

/**
 * A plain kubeadm node: Kubernetes mandates no reservation, so every figure is an input
 * (Kubernetes docs "Reserve Compute Resources for System Daemons").
 *
 * @example
 * genericReservation({ cpuMillicores: 8000, memoryMiB: 32768, maxPods: 110 }, { kubeReservedCpuMillicores: 1000, kubeReservedMemoryMiB: 2048, systemReservedCpuMillicores: 500, systemReservedMemoryMiB: 1024, evictionMemoryMiB: 500 }).allocatable.memoryMiB //=> 29196
 */
export function genericReservation(node: NodeSize, r: GenericReservationInput): NodeReservation {
  return finish(
    'generic',
    node,
    { cpuMillicores: r.kubeReservedCpuMillicores, memoryMiB: r.kubeReservedMemoryMiB },
    { cpuMillicores: r.systemReservedCpuMillicores, memoryMiB: r.systemReservedMemoryMiB },
    r.evictionMemoryMiB,
    [
      `kube-reserved = ${r.kubeReservedCpuMillicores} m, ${r.kubeReservedMemoryMiB} MiB (input)`,
      `system-reserved = ${r.systemReservedCpuMillicores} m, ${r.systemReservedMemoryMiB} MiB (input)`,
      `eviction memory.available = ${r.evictionMemoryMiB} MiB (input)`,
    ],
  );
}

/**
 * The most pods a node of each profile admits: AKS 250 per node (Azure CNI and kubenet maximum), GKE
 * Standard 256; EKS, Google Distributed Cloud and kubeadm publish no hard ceiling beyond what the
 * network plugin assigns, so the package's own bound of 10,000 applies.
 */
export const MAX_PODS_LIMIT: Readonly<Record<ReservationProfile, { max: number; why: string }>> = {
  eks: { max: 10000, why: "kernelcount's bound" },
  gke: { max: 256, why: 'GKE Standard admits at most 256 pods per node' },
  aks: { max: 250, why: 'AKS admits at most 250 pods per node' },
  'aks-pre-1.29': { max: 250, why: 'AKS admits at most 250 pods per node' },
  gdc: { max: 10000, why: "kernelcount's bound" },
  generic: { max: 10000, why: "kernelcount's bound" },
};

/** Windows node figures that some profiles add on top of their Linux rule. */
export interface WindowsNodeExtras {
  /** AKS reserves this much more memory for system processes on Windows nodes (AKS docs: "2 GB"). */
  aksExtraMemoryMiB: number;
  /** The kubelet's default memory.available threshold on Windows (500Mi), used by generic clusters. */
  kubeletEvictionMemoryMiB: number;
}

/**
 * Adds the Windows node extras to a reservation (AKS node resource reservations, as of 2024-04;
 * kubernetes pkg/kubelet/eviction/defaults_windows.go): AKS, before and after 1.29, reserves an extra
 * 2 GB for system processes on Windows nodes; a generic (kubeadm) Windows node evicts at the kubelet's
 * Windows default of 500 MiB unless its own threshold is higher. EKS, GKE and Google Distributed
 * Cloud publish no Windows-specific figure, so nothing is added for them.
 *
 * @example
 * withWindowsExtras(aksReservation({ cpuMillicores: 4000, memoryMiB: 16384, maxPods: 30 }), { aksExtraMemoryMiB: 2048, kubeletEvictionMemoryMiB: 500 }).systemReserved.memoryMiB //=> 2048
 */
export function withWindowsExtras(r: NodeReservation, extras: WindowsNodeExtras): NodeReservation {
  const node: NodeSize = { cpuMillicores: r.capacity.cpuMillicores, memoryMiB: r.capacity.memoryMiB, maxPods: r.capacity.pods };
  if (r.profile === 'aks' || r.profile === 'aks-pre-1.29') {
    const system = { cpuMillicores: r.systemReserved.cpuMillicores, memoryMiB: r.systemReserved.memoryMiB + extras.aksExtraMemoryMiB };
    return finish(r.profile, node, r.kubeReserved, system, r.evictionMemoryMiB, [
      ...r.formula,
      `Windows node: system-reserved memory + ${extras.aksExtraMemoryMiB} MiB (AKS "2 GB" for system processes)`,
    ]);
  }
  if (r.profile === 'generic' && extras.kubeletEvictionMemoryMiB > r.evictionMemoryMiB) {
    return finish(r.profile, node, r.kubeReserved, r.systemReserved, extras.kubeletEvictionMemoryMiB, [
      ...r.formula,
      `Windows node: eviction memory.available = kubelet Windows default ${extras.kubeletEvictionMemoryMiB} MiB`,
    ]);
  }
  return r;
}

/** Optional inputs of `nodeReservation` beyond the node's size. */
export interface ReservationOptions {
  /** Inputs of the generic profile (required for it). */
  generic?: GenericReservationInput;
  /** Google Distributed Cloud base memory: 330 MiB (1.6 and later, default) or 280 MiB (1.3-1.5). */
  gdcBaseMemoryMiB?: number;
  /** Set for a Windows node: adds the provider's Windows extras. */
  windows?: WindowsNodeExtras;
}

/**
 * The reservation of a node under a named profile.
 *
 * @example
 * nodeReservation('eks', { cpuMillicores: 4000, memoryMiB: 16384, maxPods: 110 }).kubeReserved.memoryMiB //=> 1465
 */
export function nodeReservation(profile: ReservationProfile, node: NodeSize, options: GenericReservationInput | ReservationOptions = {}): NodeReservation {
  if (!RESERVATION_PROFILES.includes(profile)) {
    throw new KernelcountError([{ code: 'unknown_value', path: 'profile', message: `unknown reservation profile ${JSON.stringify(profile)}; profiles: ${RESERVATION_PROFILES.join(', ')}` }]);
  }
  const maxPods = MAX_PODS_LIMIT[profile];
  checkInputs({
    cpuMillicores: [node?.cpuMillicores, { min: 1, max: RULE_LIMITS.cpuMillicores, integer: true, unit: 'millicores' }],
    memoryMiB: [node?.memoryMiB, { min: 1, max: RULE_LIMITS.memoryMiB, integer: true, unit: 'MiB' }],
    maxPods: [node?.maxPods, { min: 1, max: maxPods.max, integer: true, unit: 'pods', why: maxPods.why }],
  });
  const opts: ReservationOptions = 'kubeReservedCpuMillicores' in options ? { generic: options } : options;
  if (profile === 'generic' && opts.generic) {
    const g = opts.generic;
    const mem = { min: 0, max: RULE_LIMITS.memoryMiB, integer: true, unit: 'MiB' };
    const cpu = { min: 0, max: RULE_LIMITS.cpuMillicores, integer: true, unit: 'millicores' };
    checkInputs({
      'generic.kubeReservedCpuMillicores': [g.kubeReservedCpuMillicores, cpu],
      'generic.kubeReservedMemoryMiB': [g.kubeReservedMemoryMiB, mem],
      'generic.systemReservedCpuMillicores': [g.systemReservedCpuMillicores, cpu],
      'generic.systemReservedMemoryMiB': [g.systemReservedMemoryMiB, mem],
      'generic.evictionMemoryMiB': [g.evictionMemoryMiB, mem],
    });
  }
  const base = ((): NodeReservation => {
    switch (profile) {
      case 'eks':
        return eksReservation(node);
      case 'gke':
        return gkeReservation(node);
      case 'aks':
        return aksReservation(node);
      case 'aks-pre-1.29':
        return aksPre129Reservation(node);
      case 'gdc':
        return gdcReservation(node, opts.gdcBaseMemoryMiB);
      case 'generic':
        if (!opts.generic) throw new KernelcountError([{ code: 'required', path: 'generic', message: 'the generic profile needs kube-reserved, system-reserved and eviction inputs' }]);
        return genericReservation(node, opts.generic);
    }
  })();
  return opts.windows ? withWindowsExtras(base, opts.windows) : base;
}
