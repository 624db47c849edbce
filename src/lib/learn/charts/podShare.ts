/**
 * Article 4 (containers): what one pod carries of its node's overhead as the node runs more pods.
 * The node's reservations (kube-reserved for the kubelet and the runtime, system-reserved for the
 * OS daemons, the eviction threshold) are paid once per node, so each pod's share falls as pods are
 * added; the runtime shim is paid per pod and does not fall. The reservations come from the
 * package's rules (`nodeReservation`, with the catalog's generic kubeadm figures); the shim per pod
 * is read from an evaluation, so the chart adds it exactly where the calculator does (EKS and AKS
 * fold a per-pod allowance into kube-reserved, and the package adds no separate shim there).
 */
import { FIGURES, nodeReservation } from 'kernelcount';
import type { NodeReservation, ReservationProfile } from 'kernelcount';
import type { LearnChartDef } from '../chart';
import { int, mib, numericTable, pct, run, scenario } from './common';

export type PodShareProfile = Extract<ReservationProfile, 'generic' | 'eks' | 'gke' | 'aks'>;

export interface PodShareParams {
  [key: string]: number | string;
  profile: PodShareProfile;
  nodeMemoryGiB: number;
}

export const POD_SHARE_PROFILES: Record<PodShareProfile, string> = {
  generic: 'kubeadm (Kubernetes docs example)',
  eks: 'Amazon EKS',
  gke: 'Google GKE',
  aks: 'Azure AKS (1.29 and later)',
};

/** Pods per node along the chart's axis: from a sparse node to AKS's ceiling of 250. */
export const POD_COUNTS = [10, 20, 30, 50, 75, 110, 150, 200, 250] as const;

/** A general-purpose node: one vCPU per 4 GiB, at least 2. */
function nodeCpuMillicores(memoryGiB: number): number {
  return Math.max(2, Math.round(memoryGiB / 4)) * 1000;
}

function reservationFor(profile: PodShareProfile, memoryGiB: number, pods: number): NodeReservation {
  const node = { cpuMillicores: nodeCpuMillicores(memoryGiB), memoryMiB: memoryGiB * 1024, maxPods: pods };
  return nodeReservation(profile, node, profile === 'generic' ? { generic: FIGURES['k8s.generic.reservation'].value } : {});
}

/**
 * The runtime memory the calculator adds to each pod on a node of this profile (the shim, or 0
 * where the provider's kube-reserved already grows with max pods). Read from one evaluation.
 */
const shimCache = new Map<PodShareProfile, number>();
export function shimPerPodMiB(profile: PodShareProfile): number {
  const hit = shimCache.get(profile);
  if (hit !== undefined) return hit;
  const e = run(
    scenario({
      name: 'Containers: shim per pod',
      hosts: [{ name: 'node', sockets: 1, coresPerSocket: 8, threadsPerCore: 1, memoryGiB: 32, diskGiB: 100, price: 0 }],
      policy: { ha: { spareHosts: 0 } },
      workloads: [{ name: 'app', instances: 1, os: 'linux', cpuMillicores: 100, memoryMiB: 64 }],
      platforms: [{ type: 'containers', reservation: profile, controlPlane: 'none' }],
    }),
  );
  const v = e.platforms[0]!.pools[0]!.workloads[0]!.perInstance.memoryMiB.runtime;
  shimCache.set(profile, v);
  return v;
}

export interface PodShareRow {
  pods: number;
  kube: number;
  system: number;
  eviction: number;
  shim: number;
  /** Everything one pod carries besides its own memory (MiB). */
  total: number;
  /** What the node holds back in all (MiB), pods' shims included. */
  nodeOverhead: number;
}

export function podShareModel(p: PodShareParams) {
  const shim = shimPerPodMiB(p.profile);
  const capacityMiB = p.nodeMemoryGiB * 1024;
  const rows: PodShareRow[] = POD_COUNTS.map((pods) => {
    const r = reservationFor(p.profile, p.nodeMemoryGiB, pods);
    const kube = r.kubeReserved.memoryMiB / pods;
    const system = r.systemReserved.memoryMiB / pods;
    const eviction = r.evictionMemoryMiB / pods;
    const fixed = r.kubeReserved.memoryMiB + r.systemReserved.memoryMiB + r.evictionMemoryMiB;
    return { pods, kube, system, eviction, shim, total: kube + system + eviction + shim, nodeOverhead: fixed + shim * pods };
  });
  return { rows, shim, capacityMiB };
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export const podShare: LearnChartDef<PodShareParams> = {
  id: 'pod-share',
  defaults: { profile: 'generic', nodeMemoryGiB: 64 },
  controls: [
    {
      kind: 'select',
      key: 'profile',
      label: 'Node reservation rule',
      options: (Object.keys(POD_SHARE_PROFILES) as PodShareProfile[]).map((value) => ({ value, label: POD_SHARE_PROFILES[value] })),
    },
    { kind: 'range', key: 'nodeMemoryGiB', label: 'Node memory', min: 8, max: 256, step: 8, unit: 'GiB' },
  ],
  compute(p) {
    const { rows, shim, capacityMiB } = podShareModel(p);
    const at = (n: number) => rows.find((r) => r.pods === n)!;
    const lo = at(10);
    const mid = at(110);
    const hi = at(250);
    const tail =
      shim > 0
        ? `the runtime shim's ${mib(shim)} per pod is the one part that does not shrink.`
        : `here the provider builds a per-pod allowance into kube-reserved, so even at 250 pods each still carries ${mib(hi.total)}.`;
    const takeaway =
      `On a ${int(p.nodeMemoryGiB)} GiB node under ${POD_SHARE_PROFILES[p.profile]}, each pod carries ${mib(lo.total)} of node overhead when the node runs 10 pods ` +
      `and ${mib(mid.total)} at 110 pods (${pct(mid.nodeOverhead / capacityMiB)} of the node held back in all); ${tail}`;
    const series = [
      { label: 'kube-reserved (kubelet, runtime)', key: 'runtime', data: rows.map((r) => round1(r.kube)) },
      { label: 'system-reserved (OS daemons)', key: 'hostReserve', data: rows.map((r) => round1(r.system)) },
      { label: 'eviction threshold', key: 'spare', data: rows.map((r) => round1(r.eviction)) },
      { label: 'runtime shim', key: 'load', data: rows.map((r) => round1(r.shim)) },
      // Colour keys: the layer colours for the reservations; the two fixed blues for the rest.
    ].map((s) => ({ ...s, stack: 'pod' }));
    return {
      id: 'pod-share',
      title: "One pod's share of its node's overhead",
      summary: takeaway,
      kind: 'stacked-bar',
      labels: rows.map((r) => `${r.pods} pods`),
      series,
      x: 'pods per node',
      y: 'MiB of node memory per pod',
      table: numericTable(
        `Node memory per pod (MiB) on a ${int(p.nodeMemoryGiB)} GiB node, ${POD_SHARE_PROFILES[p.profile]}; the app's own memory comes on top`,
        ['Pods per node', 'kube-reserved', 'system-reserved', 'eviction', 'shim', 'Per pod', 'Node held back (MiB)', 'Share of node'],
        rows.map((r) => [
          int(r.pods),
          int(r.kube),
          int(r.system),
          int(r.eviction),
          int(r.shim),
          int(r.total),
          int(r.nodeOverhead),
          pct(r.nodeOverhead / capacityMiB),
        ]),
      ),
    };
  },
};

/** The figures the article quotes, computed with the chart's defaults (and EKS for contrast). */
export function podShareFigures() {
  const d = podShare.defaults;
  const { rows, capacityMiB } = podShareModel(d);
  const at = (n: number) => rows.find((r) => r.pods === n)!;
  const eks = podShareModel({ ...d, profile: 'eks' }).rows;
  const eksAt = (n: number) => eks.find((r) => r.pods === n)!;
  const fixed = at(10).nodeOverhead - at(10).shim * 10;
  return {
    node: `${int(d.nodeMemoryGiB)} GiB`,
    nodeFixed: mib(fixed),
    nodeFixedShare: pct(fixed / capacityMiB),
    at10: mib(at(10).total),
    at110: mib(at(110).total),
    at250: mib(at(250).total),
    held110: mib(at(110).nodeOverhead),
    held110Share: pct(at(110).nodeOverhead / capacityMiB),
    eksAt10: mib(eksAt(10).total),
    eksAt110: mib(eksAt(110).total),
    eksAt250: mib(eksAt(250).total),
  };
}
