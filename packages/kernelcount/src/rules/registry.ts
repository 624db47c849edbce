/**
 * Every vendor rule the model applies, as data: what it computes, the exported function that
 * computes it, the catalog figures it reads, its source, as-of date and trust, and its named
 * versions where the vendor changed the rule. The CLI's `catalog` command, the package README and
 * the site's assumptions page are generated from this list, so none of them can drift from the code.
 */
import { SOURCES } from '../catalog/text.js';
import type { Source, Trust } from '../catalog/types.js';
import { LICENCE_PRODUCTS } from '../licensing/productText.js';

export type RuleKind = 'node-reservation' | 'pod-overhead' | 'vm-overhead' | 'host-reserve' | 'scaling' | 'licence';

export interface RuleVersion {
  name: string;
  summary: string;
  source?: Source;
  asOf?: string;
}

export interface RuleInfo {
  /** Stable id, e.g. `eks-reservation`, `licence/windows-server-standard`. */
  id: string;
  kind: RuleKind;
  name: string;
  /** The rule in one or two sentences, in our words. */
  summary: string;
  /** Exported function(s) that apply it. */
  functions: string[];
  /** Catalog ids of the figures it reads (overridable). */
  catalogIds: string[];
  source: Source;
  asOf: string;
  trust: Exclude<Trust, 'user'>;
  versions?: RuleVersion[];
}

const RULES_BY_HAND: RuleInfo[] = [
  {
    id: 'eks-reservation',
    kind: 'node-reservation',
    name: 'Amazon EKS node reservation',
    summary:
      'kube-reserved memory = 11 MiB x max pods + 255 MiB; CPU = 6% of the first core, 1% of the second, 0.5% of cores 3-4, 0.25% of each core above 4, each band truncated to whole millicores; eviction memory.available 100 MiB, nodefs 10%.',
    functions: ['eksReservation', 'eksCpuReservedMillicores', 'nodeReservation'],
    catalogIds: [],
    source: SOURCES.eksNodeadm,
    asOf: '2025-06',
    trust: 'vendor',
  },
  {
    id: 'eks-max-pods',
    kind: 'node-reservation',
    name: 'Amazon EKS max pods per node',
    summary: 'max pods = ENIs x (IPv4 addresses per ENI - 1) + 2 with the VPC CNI (no prefix delegation); 110 when the instance type is unknown.',
    functions: ['eniMaxPods'],
    catalogIds: ['k8s.maxPodsPerNode'],
    source: SOURCES.eksEniMaxPods,
    asOf: '2025-06',
    trust: 'vendor',
  },
  {
    id: 'gke-reservation',
    kind: 'node-reservation',
    name: 'GKE Standard node reservation',
    summary:
      'memory: 255 MiB below 1 GiB; else 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6% of the next 112 and 2% above 128 GiB; eviction 100 MiB. CPU: the same tiers as EKS.',
    functions: ['gkeReservation', 'gkeMemoryReservedMiB', 'gkeCpuReservedMillicores', 'nodeReservation'],
    catalogIds: [],
    source: SOURCES.gkeNodeSizes,
    asOf: '2025-01',
    trust: 'vendor',
    versions: [
      {
        name: 'autoscaler',
        summary:
          'The Kubernetes cluster autoscaler predicts GKE nodes with the same bands in 1000-MiB units ("duplicating an upstream bug"), 24-40 MiB less on 8-64 GiB nodes. kernelcount follows the documented GiB bands.',
        source: { title: 'kubernetes/autoscaler cluster-autoscaler/cloudprovider/gce/reserved.go', url: 'https://github.com/kubernetes/autoscaler/blob/master/cluster-autoscaler/cloudprovider/gce/reserved.go' },
      },
    ],
  },
  {
    id: 'aks-reservation',
    kind: 'node-reservation',
    name: 'AKS node reservation (Kubernetes 1.29 and later)',
    summary:
      'kube-reserved memory = the lesser of 20 MB x max pods + 50 MB and 25% of node memory; eviction 100 Mi; CPU by core count from the AKS table (1: 60m, 2: 100m, 4: 140m, 8: 180m, 16: 260m, 32: 420m, 64: 740m), interpolated between rows and flagged.',
    functions: ['aksReservation', 'aksCpuReservedMillicores', 'nodeReservation'],
    catalogIds: [],
    source: SOURCES.aksReservations,
    asOf: '2024-04',
    trust: 'vendor',
    versions: [{ name: '<1.29', summary: 'Before 1.29: memory bands as GKE (25/20/10/6/2%) and eviction 750 Mi; profile aks-pre-1.29.' }],
  },
  {
    id: 'aks-pre-1.29-reservation',
    kind: 'node-reservation',
    name: 'AKS node reservation (before Kubernetes 1.29)',
    summary: 'kube-reserved memory 25% of the first 4 GB, 20% of the next 4, 10% of the next 8, 6% of the next 112, 2% above 128 GB; eviction 750 Mi; CPU from the AKS table.',
    functions: ['aksPre129Reservation', 'nodeReservation'],
    catalogIds: [],
    source: SOURCES.aksReservations,
    asOf: '2024-04',
    trust: 'vendor',
  },
  {
    id: 'gdc-reservation',
    kind: 'node-reservation',
    name: 'Google Distributed Cloud (GKE on VMware) node reservation',
    summary: 'kube-reserved CPU = 80 m + 1% of capacity; memory = 330 MiB + 5% of capacity (280 MiB + 5% in 1.3-1.5); eviction 100 MiB.',
    functions: ['gdcReservation', 'nodeReservation'],
    catalogIds: ['k8s.gdc.baseMemoryMiB'],
    source: SOURCES.gdc,
    asOf: '2021-01',
    trust: 'vendor',
    versions: [
      { name: '1.6+', summary: '330 MiB + 5% of memory.' },
      { name: '1.3-1.5', summary: '280 MiB + 5% of memory.', asOf: '2020-09' },
    ],
  },
  {
    id: 'generic-reservation',
    kind: 'node-reservation',
    name: 'Generic (kubeadm) node reservation',
    summary: 'Kubernetes mandates no reservation: kube-reserved, system-reserved and the eviction threshold are inputs (defaults: the example node of the Kubernetes docs).',
    functions: ['genericReservation', 'nodeReservation'],
    catalogIds: ['k8s.generic.reservation'],
    source: SOURCES.k8sReserve,
    asOf: '2025-01',
    trust: 'vendor',
  },
  {
    id: 'windows-node-extras',
    kind: 'node-reservation',
    name: 'Windows node extras',
    summary: 'AKS reserves an extra 2 GB for system processes on Windows nodes; a generic Windows node evicts at the kubelet Windows default of 500 MiB. EKS, GKE and GDC publish no Windows-specific figure.',
    functions: ['withWindowsExtras', 'nodeReservation'],
    catalogIds: ['k8s.aks.windowsExtraMiB', 'k8s.evictionHard.windowsMemoryMiB'],
    source: SOURCES.aksReservations,
    asOf: '2024-04',
    trust: 'vendor',
  },
  {
    id: 'pod-overhead',
    kind: 'pod-overhead',
    name: 'Pod overhead per RuntimeClass',
    summary:
      'The scheduler adds the RuntimeClass overhead to the pod\'s requests: Kata QEMU 160 Mi / 250 m; Cloud Hypervisor, Firecracker and Dragonball 130 Mi / 250 m; confidential TDX and SNP 2048 Mi / 1 CPU; gVisor as measured against runc; user-defined via catalog overrides.',
    functions: ['kataPodOverhead', 'gvisorOverhead'],
    catalogIds: ['sandbox.kata-qemu', 'sandbox.kata-clh', 'sandbox.kata-fc', 'sandbox.kata-dragonball', 'sandbox.kata-qemu-tdx', 'sandbox.kata-qemu-snp', 'sandbox.gvisor'],
    source: SOURCES.k8sPodOverhead,
    asOf: '2025-06',
    trust: 'vendor',
  },
  {
    id: 'firecracker-overhead',
    kind: 'pod-overhead',
    name: 'Firecracker microVM overhead',
    summary: 'The VMM takes at most 5 MiB for a 1 vCPU / 128 MiB microVM (earlier target: 32 MB); a bare microVM also carries its guest kernel and init.',
    functions: ['firecrackerOverhead'],
    catalogIds: ['hypervisor.firecracker.vmmMiB', 'sandbox.firecracker.guestKernelMiB'],
    source: SOURCES.firecracker,
    asOf: '2018-08',
    trust: 'vendor',
    versions: [{ name: 'target-2018-02', summary: 'at most 32 MB, the pre-release target', asOf: '2018-02' }],
  },
  {
    id: 'esxi-overhead',
    kind: 'vm-overhead',
    name: 'ESXi per-VM overhead memory',
    summary: 'Read from VMware\'s sample table by configured memory and vCPUs; between cells interpolated, beyond the table extrapolated, cells the source lacks estimated, and the result says which.',
    functions: ['esxiOverheadMiB'],
    catalogIds: ['hypervisor.esxi-6.7.overheadTable', 'hypervisor.esxi-6.5.overheadTable', 'hypervisor.esxi-4.0.overheadTable'],
    source: SOURCES.vsphereRm,
    asOf: '2018-04',
    trust: 'vendor',
    versions: [
      { name: '6.7', summary: 'vSphere 6.7 Resource Management, Table 61 (1 vCPU / 1 GB: 25.90 MB).' },
      { name: '6.5', summary: 'The same table in the 6.5 guide.', asOf: '2016-11' },
      { name: '4.0', summary: 'ESX 4.0 guide, Table 3-2 (1 vCPU / 1 GB: 123.73 MB, about 5x).', source: SOURCES.esxi40, asOf: '2009-05' },
    ],
  },
  {
    id: 'kubevirt-overhead',
    kind: 'vm-overhead',
    name: 'KubeVirt per-VM overhead',
    summary: 'guest memory / 512 (page tables) + 220 MiB fixed (launcher, monitor, virtlogd, virtqemud, QEMU) + 8 MiB per vCPU + 8 MiB IOThread + 32 MiB video; +1 GiB with VFIO, +256 MiB with SEV, +100 MiB with dedicated CPUs.',
    functions: ['kubevirtOverheadMiB'],
    catalogIds: ['hypervisor.kubevirt.formula'],
    source: SOURCES.kubevirt,
    asOf: '2025-01',
    trust: 'vendor',
    versions: [
      { name: '2025', summary: 'fixed 220 MiB, video 32 MiB' },
      { name: '2023', summary: 'fixed 210 MiB, video 16 MiB', asOf: '2023-08' },
      { name: '2018', summary: 'fixed 64 MB, video 16 MiB', asOf: '2018-07' },
    ],
  },
  {
    id: 'openshift-virt-overhead',
    kind: 'vm-overhead',
    name: 'OpenShift Virtualization per-VM overhead',
    summary: '0.002 x requested memory + 218 MiB + 8 MiB per vCPU + 16 MiB per graphics device (the docs printed 1.002 x memory until a fix on 2025-09-10).',
    functions: ['openshiftVirtOverheadMiB'],
    catalogIds: ['hypervisor.openshift-virt.formula'],
    source: SOURCES.ocpVirt,
    asOf: '2025-09',
    trust: 'vendor',
  },
  {
    id: 'hyperv-overhead',
    kind: 'vm-overhead',
    name: 'Hyper-V per-VM overhead and root partition',
    summary: 'No published figure: your input, with a weak default flagged in every evaluation.',
    functions: [],
    catalogIds: ['hypervisor.hyperv.perVmMiB', 'hypervisor.hyperv.rootReserveMiB'],
    source: SOURCES.ours,
    asOf: '2026-11',
    trust: 'weak',
  },
  {
    id: 'esxi-host-reserve',
    kind: 'host-reserve',
    name: 'ESXi host reservation',
    summary: 'Keep 8% of host CPU and memory for ESXi (design guidance; not re-verified).',
    functions: ['esxiHostReserve'],
    catalogIds: ['hypervisor.esxi.hostReservePercent'],
    source: SOURCES.telcoRa,
    asOf: '2023-01',
    trust: 'weak',
  },
  {
    id: 'proxmox-host-reserve',
    kind: 'host-reserve',
    name: 'Proxmox VE host reservation with ZFS ARC',
    summary: '2 GB for the OS and services, plus the ZFS ARC when ZFS is used: 10% of RAM capped at 16 GiB on new PVE 8.1+ installations.',
    functions: ['proxmoxHostReserveMiB'],
    catalogIds: ['hypervisor.proxmox.hostMemoryMiB', 'hypervisor.proxmox.zfsArc'],
    source: SOURCES.proxmox,
    asOf: '2023-11',
    trust: 'vendor',
  },
  {
    id: 'warm-spare-for-spike',
    kind: 'scaling',
    name: 'Warm spare instances for a traffic spike',
    summary:
      'Demand rises linearly from baseline to peak over the ramp; an instance asked for the moment demand grows serves after the start time, so the instances that must already run as spares = ceil((peak - baseline) x min(start, ramp) / ramp): none when start is 0, the whole rise when start >= ramp or the spike is instant. Start times in the catalog: VM boot (a weak placeholder), container start, Kata and Firecracker.',
    functions: ['warmSpareForSpike'],
    catalogIds: ['vm.bootSeconds', 'runtime.containerStartSeconds', 'sandbox.kata.startSeconds', 'hypervisor.firecracker.startMs'],
    source: SOURCES.warmSpareModel,
    asOf: '2026-11',
    trust: 'secondary',
  },
];

/** Every rule: the hand-written list, then one entry per licensed product (from its definition). */
export const RULES: readonly RuleInfo[] = [
  ...RULES_BY_HAND,
  ...Object.values(LICENCE_PRODUCTS).map(
    (p): RuleInfo => ({
      id: `licence/${p.id}`,
      kind: 'licence',
      name: p.name,
      summary: p.rule + (p.entitlements ? ` Also entitles ${p.entitlements}.` : ''),
      functions: ['quoteLicences'],
      catalogIds: [
        ...new Set(
          p.options.flatMap((o) =>
            o.terms.kind === 'free'
              ? []
              : o.terms.kind === 'perpetual'
                ? [o.terms.priceId, o.terms.assurancePercentId]
                : [o.terms.priceId, ...(o.terms.creditPerMonthId ? [o.terms.creditPerMonthId] : [])],
          ),
        ),
      ],
      source: p.source,
      asOf: p.asOf,
      trust: p.trust,
    }),
  ),
];
