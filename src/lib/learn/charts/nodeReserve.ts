/**
 * Article 7 (node reservations): how much of a Kubernetes node each provider holds back from pods
 * (kube-reserved + system-reserved + the eviction threshold), by node size, for EKS, GKE, AKS from
 * 1.29, AKS before 1.29 and Google Distributed Cloud. Every number comes from the package's rule
 * functions, written band by band from each provider's text; the article's wording of the rules is
 * read back from the same functions at their band edges, so the prose cannot drift from the code.
 */
import {
  AKS_CPU_TABLE,
  aksPre129Reservation,
  aksReservation,
  eksCpuReservedMillicores,
  eksReservation,
  eniMaxPods,
  gdcReservation,
  gkeMemoryReservedMiB,
  gkeReservation,
  nodeReservation,
} from 'kernelcount';
import type { NodeReservation, NodeSize, ReservationProfile } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { int, mib, numericTable } from './common';

export type NodeReserveProfile = Exclude<ReservationProfile, 'generic'>;

export interface NodeReserveParams {
  [key: string]: number | string;
  maxPods: number;
  resource: 'memory' | 'cpu';
}

export const NODE_RESERVE_PROFILES: Record<NodeReserveProfile, string> = {
  eks: 'EKS',
  gke: 'GKE',
  aks: 'AKS 1.29+',
  'aks-pre-1.29': 'AKS before 1.29',
  gdc: 'Google Distributed Cloud',
};
const PROFILES = Object.keys(NODE_RESERVE_PROFILES) as NodeReserveProfile[];

/** General-purpose node sizes: 4 GiB per vCPU, the sizes of AKS's CPU table. */
export const NODE_SIZES: readonly { vcpus: number; memoryGiB: number }[] = [2, 4, 8, 16, 32, 64].map((vcpus) => ({ vcpus, memoryGiB: vcpus * 4 }));

export const sizeLabel = (s: { vcpus: number; memoryGiB: number }) => `${s.vcpus} vCPU, ${s.memoryGiB} GiB`;

export function reserve(profile: NodeReserveProfile, size: { vcpus: number; memoryGiB: number }, maxPods: number): NodeReservation {
  return nodeReservation(profile, { cpuMillicores: size.vcpus * 1000, memoryMiB: size.memoryGiB * 1024, maxPods });
}

/** What a reservation holds back from pods, memory in MiB and CPU in millicores. */
export function heldBack(r: NodeReservation) {
  return {
    memoryMiB: r.kubeReserved.memoryMiB + r.systemReserved.memoryMiB + r.evictionMemoryMiB,
    cpuMillicores: r.kubeReserved.cpuMillicores + r.systemReserved.cpuMillicores,
  };
}

export function nodeReserveModel(p: NodeReserveParams) {
  return NODE_SIZES.map((size) => {
    const cells = PROFILES.map((profile) => {
      const r = reserve(profile, size, p.maxPods);
      const h = heldBack(r);
      const amount = p.resource === 'memory' ? h.memoryMiB : h.cpuMillicores;
      const capacity = p.resource === 'memory' ? r.capacity.memoryMiB : r.capacity.cpuMillicores;
      return { profile, amount, share: amount / capacity, allocatable: p.resource === 'memory' ? r.allocatable.memoryMiB : r.allocatable.cpuMillicores };
    });
    return { size, cells };
  });
}

const pct1 = (x: number) => `${(Math.round(x * 1000) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
/**
 * Rule rates, which go down to a quarter of a per cent: `0.25%`. Read off rounded-up totals, a band's
 * rate can be off by a fraction of a MiB over the band (20.02% for GKE's 20%), so it is worded to the
 * nearest 0.05 of a percentage point; the tests pin the exact MiB at each band edge.
 */
const pct2 = (x: number) => `${(Math.round(x * 2000) / 20).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;

export const nodeReserve: LearnChartDef<NodeReserveParams> = {
  id: 'node-reserve',
  defaults: { maxPods: 110, resource: 'memory' },
  controls: [
    { kind: 'range', key: 'maxPods', label: 'Max pods per node', min: 10, max: 250, step: 10 },
    {
      kind: 'select',
      key: 'resource',
      label: 'Resource',
      options: [
        { value: 'memory', label: 'Memory' },
        { value: 'cpu', label: 'CPU' },
      ],
    },
  ],
  compute(p) {
    const rows = nodeReserveModel(p);
    const mem = p.resource === 'memory';
    const unitWord = mem ? 'memory' : 'CPU';
    // The lowest and highest share on a node size, naming every provider that ties at either end.
    const ends = (i: number) => {
      const cells = rows[i]!.cells;
      const shares = cells.map((c) => pct1(c.share));
      const value = (pick: (a: number, b: number) => number) => cells.reduce((m, c) => pick(m, c.share), cells[0]!.share);
      const named = (x: number) => `${pct1(x)} (${cells.filter((_, j) => shares[j] === pct1(x)).map((c) => NODE_RESERVE_PROFILES[c.profile]).join(', ')})`;
      return { lo: named(value(Math.min)), hi: named(value(Math.max)) };
    };
    const first = ends(0);
    const last = ends(rows.length - 1);
    const podsNote = mem ? ` with ${int(p.maxPods)} max pods` : ' (max pods does not change CPU)';
    const takeaway =
      `Node by node${podsNote}, a ${sizeLabel(rows[0]!.size)} node keeps back from ${first.lo} to ${first.hi} of its ${unitWord}, ` +
      `a ${sizeLabel(rows[rows.length - 1]!.size)} node from ${last.lo} to ${last.hi}.`;
    return {
      id: 'node-reserve',
      title: `Share of a node's ${unitWord} held back from pods, by provider`,
      summary: takeaway,
      kind: 'bar',
      labels: rows.map((r) => sizeLabel(r.size)),
      series: PROFILES.map((profile) => ({
        label: NODE_RESERVE_PROFILES[profile],
        key: `reserve-${profile}`,
        data: rows.map((r) => Math.round(r.cells.find((c) => c.profile === profile)!.share * 1000) / 10),
      })),
      x: 'node size',
      y: `% of the node's ${unitWord}`,
      table: numericTable(
        mem
          ? `Memory held back per node in MiB (kube-reserved + system-reserved + eviction threshold) with ${int(p.maxPods)} max pods, and its share of the node`
          : 'CPU held back per node in millicores (kube-reserved + system-reserved), and its share of the node',
        ['Node', ...PROFILES.map((pr) => NODE_RESERVE_PROFILES[pr])],
        rows.map((r) => [sizeLabel(r.size), ...r.cells.map((c) => `${int(c.amount)} (${pct1(c.share)})`)]),
      ),
    };
  },
};

// ---- the rules in words, read back from the package's functions at their band edges ------------

const G = 1024;
const share = (reserved: number, span: number) => pct2(reserved / span);
const gib = (m: number) => `${int(m / G)} GiB`;

/**
 * GKE's memory bands, read from `gkeMemoryReservedMiB` at each band edge: the rate of each band and
 * its width, then the rate above the last edge. (Separate pieces, so the prose can quote each one.)
 */
export function gkeBands(): { bands: { rate: string; span: string }[]; topRate: string; top: string } {
  const edges = [0, 4 * G, 8 * G, 16 * G, 128 * G];
  const bands: { rate: string; span: string }[] = [];
  for (let i = 1; i < edges.length; i++) {
    const a = edges[i - 1]!;
    const b = edges[i]!;
    const reserved = gkeMemoryReservedMiB(b) - (a === 0 ? 0 : gkeMemoryReservedMiB(a));
    bands.push({ rate: share(reserved, b - a), span: gib(b - a) });
  }
  const top = 128 * G;
  const above = gkeMemoryReservedMiB(top + 100 * G) - gkeMemoryReservedMiB(top);
  return { bands, topRate: share(above, 100 * G), top: gib(top) };
}

/** GKE's memory rule in one sentence, as the vendor words it. */
export function gkeBandWords(): string {
  const g = gkeBands();
  const parts = g.bands.map((b, i) => `${b.rate} of the ${i === 0 ? 'first' : 'next'} ${b.span}`);
  return `${parts.join(', ')} and ${g.topRate} of everything above ${g.top}`;
}

/** EKS's and GKE's CPU bands, read from `eksCpuReservedMillicores`. */
export function cpuBands() {
  const r = (cores: number) => eksCpuReservedMillicores(cores * 1000);
  return {
    first: share(r(1), 1000),
    second: share(r(2) - r(1), 1000),
    thirdFourth: share(r(4) - r(2), 2000),
    above: share(r(104) - r(4), 100000),
  };
}

export function cpuBandWords(): string {
  const c = cpuBands();
  return `${c.first} of the first core, ${c.second} of the second, ${c.thirdFourth} of the third and fourth and ${c.above} of every core above four`;
}

/** The AKS CPU table in words: `60 millicores for 1 core, 100 for 2, ...`. */
export function aksCpuWords(): string {
  return AKS_CPU_TABLE.map(([cores, m], i) => (i === 0 ? `${m} millicores for ${cores} core` : `${m} for ${cores}`)).join(', ');
}

/** The reference node the prose works through: 8 vCPUs, 32 GiB, 110 pods. */
const REF: NodeSize = { cpuMillicores: 8000, memoryMiB: 32 * G, maxPods: 110 };

/** The figures the article quotes. */
export function nodeReserveFigures() {
  const eks = (pods: number) => eksReservation({ ...REF, maxPods: pods }).kubeReserved.memoryMiB;
  const aksPods = (pods: number) => aksReservation({ ...REF, memoryMiB: 256 * G, maxPods: pods }).kubeReserved.memoryMiB;
  const aksCap = aksReservation({ cpuMillicores: 2000, memoryMiB: 8 * G, maxPods: 250 }).kubeReserved.memoryMiB;
  const gdc0 = gdcReservation({ ...REF, memoryMiB: 100 * G });
  const gdc1 = gdcReservation({ ...REF, memoryMiB: 200 * G });
  const gdcPerMemory = (gdc1.kubeReserved.memoryMiB - gdc0.kubeReserved.memoryMiB) / (100 * G);
  const gdcCpu0 = gdcReservation({ ...REF, cpuMillicores: 100000 }).kubeReserved.cpuMillicores;
  const gdcCpu1 = gdcReservation({ ...REF, cpuMillicores: 200000 }).kubeReserved.cpuMillicores;
  const ref = Object.fromEntries(PROFILES.map((pr) => [pr, nodeReservation(pr, REF)])) as Record<NodeReserveProfile, NodeReservation>;
  const alloc = (pr: NodeReserveProfile) => mib(ref[pr].allocatable.memoryMiB);
  const held = (pr: NodeReserveProfile) => mib(heldBack(ref[pr]).memoryMiB);
  const small = { vcpus: 2, memoryGiB: 8 };
  const smallHeld = (pr: NodeReserveProfile) => pct1(heldBack(reserve(pr, small, 110)).memoryMiB / (small.memoryGiB * G));
  const m5 = eniMaxPods(4, 15);
  const gke = gkeBands();
  const cpu = cpuBands();
  return {
    refNode: `${REF.cpuMillicores / 1000} vCPUs and ${gib(REF.memoryMiB)}`,
    refPods: int(REF.maxPods),
    // EKS
    eksPerPod: mib(eks(111) - eks(110)),
    eksBase: mib(eks(110) - 110 * (eks(111) - eks(110))),
    eksRef: mib(eks(110)),
    eksM5Pods: int(m5),
    eksM5Reserved: mib(eksReservation({ ...REF, maxPods: m5 }).kubeReserved.memoryMiB),
    // GKE
    gkeRate1: gke.bands[0]!.rate,
    gkeSpan1: gke.bands[0]!.span,
    gkeRate2: gke.bands[1]!.rate,
    gkeSpan2: gke.bands[1]!.span,
    gkeRate3: gke.bands[2]!.rate,
    gkeSpan3: gke.bands[2]!.span,
    gkeRate4: gke.bands[3]!.rate,
    gkeSpan4: gke.bands[3]!.span,
    gkeTopRate: gke.topRate,
    gkeTop: gke.top,
    gkeFirst4: mib(gkeMemoryReservedMiB(4 * G)),
    gkeFirst4Node: gib(4 * G),
    gkeFirstEdge: mib(4 * G),
    gkeSmallNode: mib(gkeReservation({ cpuMillicores: 1000, memoryMiB: 512, maxPods: 110 }).kubeReserved.memoryMiB),
    gkeRef: mib(gkeMemoryReservedMiB(REF.memoryMiB)),
    cpuFirst: cpu.first,
    cpuSecond: cpu.second,
    cpuThirdFourth: cpu.thirdFourth,
    cpuAbove: cpu.above,
    cpuRef: `${int(eksCpuReservedMillicores(REF.cpuMillicores))} millicores`,
    // AKS
    aksPerPod: mib(aksPods(111) - aksPods(110)),
    aksBase: mib(aksPods(110) - 110 * (aksPods(111) - aksPods(110))),
    aksCapShare: pct1(aksCap / (8 * G)),
    aksCapNode: gib(8 * G),
    aksCapMiB: mib(aksCap),
    aksRef: mib(aksReservation(REF).kubeReserved.memoryMiB),
    aksCpuMin: `${int(AKS_CPU_TABLE[0]![1])} millicores`,
    aksCpuMax: `${int(AKS_CPU_TABLE[AKS_CPU_TABLE.length - 1]![1])} millicores`,
    aksCpuMaxCores: int(AKS_CPU_TABLE[AKS_CPU_TABLE.length - 1]![0]),
    aksCpuRef: `${int(aksReservation(REF).kubeReserved.cpuMillicores)} millicores`,
    aksPreEviction: mib(aksPre129Reservation(REF).evictionMemoryMiB),
    // Google Distributed Cloud
    gdcMemoryShare: pct1(gdcPerMemory),
    gdcCpuBase: `${int(gdcReservation({ ...REF, cpuMillicores: 1 }).kubeReserved.cpuMillicores - 1)} millicores`,
    gdcCpuShare: pct1((gdcCpu1 - gdcCpu0) / 100000),
    // The reference node under each rule
    heldEks: held('eks'),
    heldGke: held('gke'),
    heldAks: held('aks'),
    heldAksPre: held('aks-pre-1.29'),
    heldGdc: held('gdc'),
    allocEks: alloc('eks'),
    allocGke: alloc('gke'),
    allocAks: alloc('aks'),
    allocAksPre: alloc('aks-pre-1.29'),
    allocGdc: alloc('gdc'),
    smallNode: `${small.vcpus} vCPUs and ${small.memoryGiB} GiB`,
    smallAks: smallHeld('aks'),
    smallAksPre: smallHeld('aks-pre-1.29'),
    smallGdc: smallHeld('gdc'),
    smallEks: smallHeld('eks'),
    smallGke: smallHeld('gke'),
  };
}
