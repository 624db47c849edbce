import type { CatalogId } from './defaults.js';
import type { CatalogText, Source } from './types.js';

/** The sources the catalog, the licence products and the rules cite, by short key. */
const S = {
  vsphereRm: {
    title: 'vSphere Resource Management guide 6.5/6.7, "Sample Overhead Memory on Virtual Machines"',
    url: 'https://docs.vmware.com/en/VMware-vSphere/6.7/com.vmware.vsphere.resmgmt.doc/GUID-B42C72C1-F8D5-40DC-93D1-FB31849B1114.html',
  },
  telcoRa: {
    title: 'VMware Telco Cloud Platform 3.0 reference architecture, "ESXi Host Memory" (the 8% figure could not be re-read there)',
    url: 'https://docs.vmware.com/en/VMware-Telco-Cloud-Platform/3.0/vmware-telco-cloud-reference-architecture-guide-30/GUID-873510BA-0C58-4E41-A938-D8A97A5035F9.html',
  },
  kubevirt: {
    title: 'kubevirt/kubevirt GetMemoryOverhead (pkg/hypervisor/kvm/launcherhypervisorresources.go; earlier pkg/virt-controller/services/renderresources.go)',
    url: 'https://github.com/kubevirt/kubevirt/blob/main/pkg/hypervisor/kvm/launcherhypervisorresources.go',
  },
  kubevirtOld: {
    title: 'kubevirt/kubevirt renderresources.go and template.go as of earlier releases (fixed part 64M in 2018, 180Mi then 210Mi by 2023; video 16Mi)',
    url: 'https://github.com/kubevirt/kubevirt/blob/main/pkg/virt-controller/services/renderresources.go',
  },
  ocpVirt: {
    title: 'OpenShift Virtualization docs, "Physical resource overhead requirements" (modules/virt-cluster-resource-requirements.adoc, memory formula fixed 2025-09-10)',
    url: 'https://github.com/openshift/openshift-docs/blob/main/modules/virt-cluster-resource-requirements.adoc',
  },
  firecracker: {
    title: 'firecracker-microvm/firecracker SPECIFICATION.md (VMM overhead <= 5 MiB for 1 vCPU / 128 MiB; SLA since issue #460, 2018-08)',
    url: 'https://github.com/firecracker-microvm/firecracker/blob/main/SPECIFICATION.md',
  },
  firecrackerTarget: {
    title: 'firecracker-microvm/firecracker issue #144 (2018-02: "at most 32MB" pre-release target)',
    url: 'https://github.com/firecracker-microvm/firecracker/issues/144',
  },
  kata: {
    title: 'kata-containers tools/packaging/kata-deploy/runtimeclasses/kata-runtimeClasses.yaml',
    url: 'https://github.com/kata-containers/kata-containers/tree/main/tools/packaging/kata-deploy/runtimeclasses',
  },
  gvisorDensity: {
    title: 'google/gvisor website/performance/density.csv (memory per container, runsc vs runc)',
    url: 'https://github.com/google/gvisor/blob/master/website/performance/density.csv',
  },
  proxmox: {
    title: 'Proxmox VE Administration Guide, recommended system requirements (2 GB for OS and services, ~1 GB per TB of ZFS/Ceph storage)',
    url: 'https://pve.proxmox.com/pve-docs/pve-admin-guide.html#install_recommended_requirements',
  },
  proxmoxZfs: {
    title: 'Proxmox VE Administration Guide, "Limit ZFS memory usage" (ARC 10% of RAM capped at 16 GiB on new installs from PVE 8.1)',
    url: 'https://pve.proxmox.com/pve-docs/pve-admin-guide.html#sysadmin_zfs_limit_memory_usage',
  },
  k8sReserve: {
    title: 'Kubernetes docs, "Reserve Compute Resources for System Daemons" (example scenario)',
    url: 'https://kubernetes.io/docs/tasks/administer-cluster/reserve-compute-resources/',
  },
  k8sLimits: {
    title: 'kubelet configuration v1beta1 defaults: maxPods 110 (kubernetes/kubernetes pkg/kubelet/apis/config/v1beta1/defaults.go)',
    url: 'https://kubernetes.io/docs/reference/config-api/kubelet-config.v1beta1/',
  },
  k8sEviction: {
    title: 'Kubernetes docs, "Node-pressure Eviction", and pkg/kubelet/eviction/defaults_linux.go (memory.available 100Mi, nodefs.available 10%, nodefs.inodesFree 5%, imagefs.available 15%)',
    url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/node-pressure-eviction/',
  },
  k8sEvictionWindows: {
    title: 'kubernetes/kubernetes pkg/kubelet/eviction/defaults_windows.go (memory.available 500Mi on Windows nodes)',
    url: 'https://github.com/kubernetes/kubernetes/blob/master/pkg/kubelet/eviction/defaults_windows.go',
  },
  eksNodeadm: {
    title: 'awslabs/amazon-eks-ami nodeadm/internal/kubelet/config.go (kube-reserved memory 11 x maxPods + 255 Mi; CPU bands truncated per band; eviction 100Mi, nodefs 10%)',
    url: 'https://github.com/awslabs/amazon-eks-ami/blob/main/nodeadm/internal/kubelet/config.go',
  },
  eksEniMaxPods: {
    title: 'awslabs/amazon-eks-ami nodeadm/internal/kubelet/eni-max-pods.txt and maxpods.go (ENIs x (IPv4 per ENI - 1) + 2; 110 when unknown)',
    url: 'https://github.com/awslabs/amazon-eks-ami/blob/main/nodeadm/internal/kubelet/eni-max-pods.txt',
  },
  gkeNodeSizes: {
    title: 'GKE docs, "Plan node sizes": memory and CPU reservations (bands in GiB; the cluster autoscaler\'s copy uses 1000-MiB bands)',
    url: 'https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes',
  },
  k8sPodOverhead: {
    title: 'Kubernetes docs, "Pod Overhead" (the RuntimeClass overhead is added to the pod\'s requests when scheduling)',
    url: 'https://kubernetes.io/docs/concepts/scheduling-eviction/pod-overhead/',
  },
  aksReservations: {
    title: 'Microsoft Learn, AKS node resource reservations (azure-aks-docs node-resource-reservations.md, 2024-04-16)',
    url: 'https://learn.microsoft.com/en-us/azure/aks/node-resource-reservations',
  },
  gdc: {
    title: 'Google Distributed Cloud (GKE on VMware) docs, "Resources available for your workloads" (1.3-1.5: 280 MiB + 5%; 1.6 and later: 330 MiB + 5%)',
    url: 'https://cloud.google.com/kubernetes-engine/distributed-cloud/vmware/docs/how-to/resources-available-pods',
  },
  esxi40: {
    title: 'vSphere Resource Management Guide, ESX 4.0 / ESXi 4.0, Table 3-2 "Overhead Memory on Virtual Machines" (read from manual copies; rows above 2 GB partly illegible)',
    url: 'https://www.manualsdir.com/manuals/220161/vmware-vsphere-vcenter-server-40-vsphere-esx-40-vsphere-esxi-40.html?page=30',
  },
  azureStackHub: {
    title: 'Microsoft Learn, Azure Stack Hub compute capacity planning (OS reserve 15% of node memory; the only Microsoft host-reserve figure found)',
    url: 'https://learn.microsoft.com/en-us/azure-stack/operator/azure-stack-capacity-planning-compute',
  },
  kubeadm: {
    title: 'Kubernetes docs, "Installing kubeadm": 2 GB RAM and 2 CPUs for control-plane machines',
    url: 'https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/install-kubeadm/',
  },
  containerdShim: {
    title: 'containerd PR #1767 (shim memory: ~5 MB RSS, 1.2 MB PSS per container)',
    url: 'https://github.com/containerd/containerd/pull/1767',
  },
  winHw: {
    title: 'Microsoft Learn, Windows Server hardware requirements (windowsserverdocs get-started/hardware-requirements.md)',
    url: 'https://learn.microsoft.com/en-us/windows-server/get-started/hardware-requirements',
  },
  rhel9: {
    title: 'Red Hat Enterprise Linux 9, "Performing a standard RHEL 9 installation": system requirements (1.5 GiB minimum, 2 GiB recommended; 10 GiB disk)',
    url: 'https://docs.redhat.com/en/documentation/red_hat_enterprise_linux/9/html/performing_a_standard_rhel_9_installation/',
  },
  idleRss: {
    title: 'Secondary measurements of idle Linux guest memory (Ubuntu Server / Rocky 160-300 MB)',
  },
  repoInfo: {
    title: 'docker-library/repo-info repos/*/remote/*.md (compressed transfer sizes, not on-disk sizes)',
    url: 'https://github.com/docker-library/repo-info',
  },
  winImages: {
    title: 'microsoft/Windows-Containers issues #321 and #475 (servercore/nanoserver image sizes)',
    url: 'https://github.com/microsoft/Windows-Containers/issues/475',
  },
  uptime: {
    title: 'Uptime Institute Global Data Center Survey 2024 (average PUE 1.56; 1.58 in 2023)',
    url: 'https://uptimeinstitute.com/resources/research-and-reports/uptime-institute-global-data-center-survey-results-2024',
  },
  cbre: {
    title: 'CBRE North America Data Center Trends H2 2024, published 2025-02-26 (average monthly asking rate, 250-500 kW, primary markets)',
    url: 'https://www.cbre.com/insights/reports/north-america-data-center-trends-h2-2024',
  },
  eia: {
    title: 'U.S. EIA Electric Power Annual (2023 data, released 2024-10): average revenue per kWh, industrial sector',
    url: 'https://www.eia.gov/electricity/annual/',
  },
  gridWorld: {
    title: 'Statista, "Electricity generation emission intensity in selected countries worldwide in 2023" (Ember, Global Electricity Review 2024; 2023 data)',
    url: 'https://www.statista.com/statistics/943137/global-emissions-intensity-power-sector-by-country/',
  },
  gridOwid: {
    title: 'Our World in Data, "Carbon intensity of electricity generation" (Ember and Energy Institute; lifecycle gCO2e/kWh; 2023 column; page updated 2026-01-26)',
    url: 'https://ourworldindata.org/grapher/carbon-intensity-electricity?tab=table',
  },
  gridEu: {
    title: 'Statista, "Carbon intensity of the power sector in the European Union in 2023, by country" (Ember data)',
  },
  gridUsEia: {
    title: 'U.S. EIA FAQ "How much carbon dioxide is produced per kilowatthour of U.S. electricity generation?" (0.81 lb CO2/kWh in 2023, utility-scale generation)',
    url: 'https://www.eia.gov/tools/faqs/faq.php?id=74&t=3',
  },
  gartnerAdmin: {
    title: 'Gartner (2010) server-to-admin ratios, via secondary sources',
  },
  winLic: {
    title: 'Microsoft Windows Server 2022 licensing guide (Oct 2022) and Windows Server product licensing page; list prices as quoted by resellers',
    url: 'https://www.microsoft.com/licensing/product-licensing/windows-server',
  },
  win2025Prices: {
    title: 'Reseller list prices quoted for Windows Server 2025 (not confirmed by Microsoft; other resellers quote the 2022 prices)',
  },
  sqlLic: {
    title: 'Microsoft SQL Server 2022 licensing guide; list prices effective January 2023 as quoted by secondary sources',
    url: 'https://www.microsoft.com/en-us/sql-server/sql-server-2022-pricing',
  },
  rhelSub: {
    title: 'Red Hat Enterprise Linux subscription guide (socket-pair, 2 VMs, Virtual Datacenters); list prices via resellers',
    url: 'https://www.redhat.com/en/resources/red-hat-enterprise-linux-subscription-guide',
  },
  broadcom: {
    title: 'Broadcom KB 313548, Counting cores for VCF and VVF and TiBs for vSAN (16-core minimum per CPU; 1 TiB vSAN per VCF core; updated 2025-03-17); 72-core order minimum from 2025-04-10 and list prices via resellers',
    url: 'https://knowledge.broadcom.com/external/article/313548',
  },
  eksPricing: { title: 'Amazon EKS pricing', url: 'https://aws.amazon.com/eks/pricing/' },
  gkePricing: { title: 'Google Kubernetes Engine pricing', url: 'https://cloud.google.com/kubernetes-engine/pricing' },
  gkePricing2020: {
    title: 'Google Kubernetes Engine pricing as of 2020-06-06: $0.10 per cluster-hour, one zonal cluster per billing account free',
    url: 'https://cloud.google.com/kubernetes-engine/pricing',
  },
  aksPricing: {
    title: 'Azure Kubernetes Service pricing (Free and Standard tiers)',
    url: 'https://azure.microsoft.com/en-us/pricing/details/kubernetes-service/',
  },
  winPayg: {
    title: 'Microsoft Learn, "Windows Server pay-as-you-go licensing enabled by Azure Arc" (Windows Server 2025, same rate for both editions, no minimum cores; 2025-06-27); price as quoted by secondary sources',
    url: 'https://learn.microsoft.com/en-us/windows-server/get-started/windows-server-pay-as-you-go',
  },
  msSa: {
    title: 'Microsoft Software Assurance (yearly fee commonly 25% of the licence price, as quoted by licensing advisers; no Microsoft figure found)',
    url: 'https://www.microsoft.com/en-us/licensing/licensing-programs/software-assurance-default',
  },
  openshift: {
    title: 'Red Hat, Self-managed OpenShift subscription guide (core-pair: 2 cores or 4 vCPUs; bare-metal socket-pair up to 128 cores)',
    url: 'https://www.redhat.com/en/resources/self-managed-openshift-subscription-guide',
  },
  docker: {
    title: 'Docker pricing and docs "Docker Desktop license agreement" (free under 250 employees and $10M revenue; Team $15 from 2024-12-10)',
    url: 'https://www.docker.com/pricing/',
  },
  oracle: {
    title: 'Oracle Partitioning Policy, Processor Core Factor Table and Technology Global Price List',
    url: 'https://www.oracle.com/a/ocom/docs/corporate/pricing/partitioning-070609.pdf',
  },
  containerStart: {
    title: 'Khan, "Decomposing Docker Container Startup Performance: A Three-Tier Measurement Study on Heterogeneous Infrastructure", arXiv 2602.15214 (Docker on an Azure VM, 2 vCPU / 8 GB; 50 runs per test: Premium SSD 568 ms, Standard HDD 1157 ms)',
    url: 'https://arxiv.org/abs/2602.15214',
  },
  kataBootTimes: {
    title: 'kata-containers tests/metrics/cmd/checkmetrics/ci_worker/checkmetrics-json-qemu-kata-metric8.toml, "boot-times" to-workload baseline of the metrics CI (Equinix m3.small.x86 bare-metal worker)',
    url: 'https://github.com/kata-containers/kata-containers/tree/main/tests/metrics/cmd/checkmetrics/ci_worker',
  },
  vmBoot: {
    title: 'kernelcount convention: a round 30 s standing for the "tens of seconds" a VM takes to boot its OS (no sourced figure; replace it with your own measurement)',
  },
  warmSpareModel: {
    title: 'kernelcount model: warm spare = the demand that arrives during one start-up time (linear ramp, instances requested as demand grows)',
  },
  ours: { title: 'kernelcount convention (no public source: set your own)' },
} satisfies Record<string, Source>;

/** The sources the catalog and the rules cite, by short key. */
export const SOURCES = S;
export type SourceKey = keyof typeof S;

/**
 * The words of every catalog figure: what it is (label), where it comes from (source) and any
 * caveat (note), for the entry and for each of its named versions. Kept apart from the figures so
 * that `evaluate` does not carry them; reports and the site look them up by id.
 */
export const CATALOG_TEXT: { readonly [K in CatalogId]: CatalogText } = {
  'guestOs.linux.memoryMiB': {
    label: 'Linux guest OS memory on top of the app',
    source: S.idleRss,
    note: 'upper end of 160-300 MB measured idle RSS for Ubuntu Server / Rocky, read as MiB to stay on the safe side',
  },
  'guestOs.linux.minimumMemoryMiB': {
    label: 'Smallest Linux VM memory (RHEL 9 minimum)',
    source: S.rhel9,
    note: 'RHEL 9 installation guide; its publication date could not be verified',
  },
  'guestOs.linux.diskGiB': {
    label: 'Linux guest OS disk (RHEL 9 minimum)',
    source: S.rhel9,
    note: 'RHEL 9 installation guide; its publication date could not be verified',
  },
  'guestOs.linux.cpuMillicores': {
    label: 'Linux guest OS CPU on top of the app',
    source: S.ours,
    note: 'no published figure; the vCPU rounding of a VM is modelled separately',
  },
  'guestOs.windows.memoryMiB': {
    label: 'Windows Server guest OS memory on top of the app (Desktop Experience minimum)',
    source: S.winHw,
    note: 'the 2 GB minimum for Desktop Experience, used as the OS share; Server Core needs 512 MB',
  },
  'guestOs.windows.minimumMemoryMiB': {
    label: 'Smallest Windows Server VM memory (Desktop Experience)',
    source: S.winHw,
  },
  'guestOs.windows.diskGiB': {
    label: 'Windows Server guest OS disk (minimum)',
    source: S.winHw,
  },
  'guestOs.windows.cpuMillicores': {
    label: 'Windows guest OS CPU on top of the app',
    source: S.ours,
    note: 'no published figure; the vCPU rounding of a VM is modelled separately',
  },
  'vm.thinUsedFraction': {
    label: 'Share of a thin-provisioned VM disk actually written',
    source: S.ours,
    note: 'no sourced ratio exists; measure your own estate (RVTools in-use vs provisioned)',
  },
  'vm.bootSeconds': {
    label: 'Time for a new VM to boot its OS and be ready to start the app',
    source: S.vmBoot,
    note: 'VMs are commonly said to boot in "tens of seconds"; no figure could be sourced, so this is a round placeholder. Real figures depend on the hypervisor or cloud, the image, the OS and the init system: measure yours and override this',
  },
  'hypervisor.esxi-6.7.overheadTable': {
    label: 'ESXi 6.7 per-VM overhead memory sample table',
    source: S.vsphereRm,
    note: 'confirmed cell by cell against the 6.5.1 and 6.7 guides (Table 61); interpolated or extrapolated between and beyond rows, and the result says so. Other versions: hypervisor.esxi-6.5.overheadTable (same table), hypervisor.esxi-4.0.overheadTable (about 5x higher)',
  },
  'hypervisor.esxi-6.5.overheadTable': {
    label: 'ESXi 6.5 per-VM overhead memory sample table',
    source: S.vsphereRm,
    note: 'the 6.5 guide prints the same sample table as 6.7',
  },
  'hypervisor.esxi-4.0.overheadTable': {
    label: 'ESX/ESXi 4.0 per-VM overhead memory table (for contrast)',
    source: S.esxi40,
    note: 'read from manual copies of the 4.0 guide; cells the copies do not show are estimated from the 1-vCPU column plus the per-vCPU step of the largest complete row, and the result says so',
  },
  'hypervisor.esxi.hostReservePercent': {
    label: 'Share of host CPU and memory kept for ESXi itself',
    source: S.telcoRa,
    note: 'design guidance; the 8% figure could not be re-read in the stored reference architecture, so treat it as unverified',
  },
  'hypervisor.kubevirt.formula': {
    label: 'KubeVirt per-VM overhead: guest/512 + fixed + per vCPU + IOThread + video',
    source: S.kubevirt,
    note: 'KubeVirt main as of 2025 (fixed 220Mi after PR #13727, video 32Mi); the code calls it an estimate. Older releases: version 2023 (210Mi, video 16Mi) and 2018 (64M, video 16Mi)',
    versions: {
      '2023': { source: S.kubevirtOld, note: '25 monitor + 100 launcher + 20 virtlogd + 35 virtqemud + 30 QEMU, as quoted by Harvester v1.3 docs' },
      '2018': { source: S.kubevirtOld, note: 'the first fixed overhead for shared libraries and such' },
    },
  },
  'hypervisor.openshift-virt.formula': {
    label: 'OpenShift Virtualization per-VM overhead: 0.002 x memory + fixed + per vCPU + per graphics device',
    source: S.ocpVirt,
    note: 'the docs printed 1.002 x memory (guest memory included) until the 2025-09-10 fix to 0.002; also 360 MiB per worker node, 1 GiB per SR-IOV or GPU device, 256 MiB with SEV, 53 MiB with TPM',
  },
  'hypervisor.proxmox.hostMemoryMiB': {
    label: 'Proxmox VE memory for the OS and services',
    source: S.proxmox,
    note: 'the guide writes 2 GB, read as 2 GiB; add about 1 GB per TB of used ZFS or Ceph storage',
  },
  'hypervisor.proxmox.zfsArc': {
    label: 'Proxmox VE ZFS ARC default: share of RAM, capped (PVE >= 8.1)',
    source: S.proxmoxZfs,
    note: 'new installations from PVE 8.1; hosts upgraded from older releases keep the ZFS default of 50%',
  },
  'hypervisor.kvm.perVmMiB': {
    label: 'Plain KVM/QEMU (Proxmox) per-VM overhead',
    source: S.ours,
    note: 'no published figure for plain QEMU; KubeVirt estimates about 220-300 MiB including its launcher pod',
  },
  'hypervisor.hyperv.perVmMiB': {
    label: 'Hyper-V per-VM overhead',
    source: S.ours,
    note: 'no reliable published figure; measure your hosts',
  },
  'hypervisor.hyperv.rootReserveMiB': {
    label: 'Hyper-V root partition memory',
    source: S.ours,
    note: 'no Microsoft figure for a Hyper-V host; Azure Stack Hub plans 15% of node memory for its OS (see learn.microsoft.com azure-stack-capacity-planning-compute). Measure your hosts',
  },
  'hypervisor.firecracker.vmmMiB': {
    label: 'Firecracker VMM memory overhead per microVM',
    source: S.firecracker,
    note: 'specified for 1 vCPU and a 128 MiB guest with the tuned guest kernel; vsock connections and the MMDS store add more',
    versions: {
      'target-2018-02': { source: S.firecrackerTarget, note: 'a pre-release target ("at most 32MB"), replaced by the <= 5 MiB SLA in August 2018' },
    },
  },
  'hypervisor.firecracker.startMs': {
    label: 'Firecracker: InstanceStart API call to guest /sbin/init',
    source: S.firecracker,
    note: 'an upper bound the specification promises and its integration tests enforce, on a bare-metal host with the Firecracker-tuned guest kernel; the app inside starts after this',
  },
  'k8s.maxPodsPerNode': {
    label: 'Pods per node (upstream default)',
    source: S.k8sLimits,
  },
  'k8s.generic.reservation': {
    label: 'Generic kubeadm node: kube-reserved, system-reserved and eviction threshold',
    source: S.k8sReserve,
    note: 'Kubernetes mandates no reservation; these are the figures of the docs example node, used as a starting point',
  },
  'k8s.evictionHard.memoryMiB': {
    label: 'kubelet default hard eviction threshold memory.available (Linux nodes)',
    source: S.k8sEviction,
  },
  'k8s.evictionHard.nodefsPercent': {
    label: 'kubelet default hard eviction threshold nodefs.available',
    source: S.k8sEviction,
    note: 'the kubelet also evicts at nodefs.inodesFree 5% and imagefs.available 15%',
  },
  'k8s.evictionHard.windowsMemoryMiB': {
    label: 'kubelet default hard eviction threshold memory.available on Windows nodes',
    source: S.k8sEvictionWindows,
    note: 'applied to Windows nodes of generic (kubeadm) clusters; managed providers state their own thresholds',
  },
  'k8s.aks.windowsExtraMiB': {
    label: 'AKS: extra memory reserved for system processes on Windows nodes',
    source: S.aksReservations,
    note: 'AKS writes "2 GB" (its page mixes MB and Mi); read as 2 GiB, which errs on the safe side',
  },
  'k8s.gdc.baseMemoryMiB': {
    label: 'Google Distributed Cloud: fixed part of kube-reserved memory (plus 5% of capacity)',
    source: S.gdc,
    note: 'docs for 1.6 and later; as-of is the month 1.6 docs appeared (approximate)',
    versions: {
      '1.3-1.5': { source: S.gdc, note: 'docs for 1.3, 1.4 and 1.5' },
    },
  },
  'k8s.controlPlane.perNode': {
    label: 'Control-plane components per control-plane node (kubeadm minimum)',
    source: S.kubeadm,
  },
  'runtime.shimMemoryMiB': {
    label: 'Container runtime shim memory per pod (containerd-shim RSS)',
    source: S.containerdShim,
    note: 'RSS is about 5 MB, PSS 1.2 MB; we count RSS',
  },
  'runtime.containerStartSeconds': {
    label: 'Container start (docker run) on SSD storage',
    source: S.containerStart,
    note: 'one measurement study: Docker on a 2 vCPU Azure VM with Premium SSD; image size (5-155 MB) changed it by only 2.5%, namespace creation took 8-10 ms. The app inside starts after this',
    versions: {
      hdd: { source: S.containerStart, note: 'the same study on Azure Standard HDD: about twice the SSD time' },
    },
  },
  'hostOs.linux.diskGiB': {
    label: 'Bare-metal Linux host OS disk',
    source: S.rhel9,
    note: 'RHEL 9 installation guide; its publication date could not be verified',
  },
  'hostOs.windows.diskGiB': {
    label: 'Bare-metal Windows Server host OS disk',
    source: S.winHw,
  },
  'image.linux.sizeMiB': {
    label: 'Default Linux container image, unpacked (ubuntu 24.04)',
    source: S.repoInfo,
    note: 'repo-info gives only the compressed size (29.8 MB for ubuntu:24.04 amd64, "not on-disk size"); 77 MB unpacked is a secondary figure. Measure with docker image ls',
  },
  'image.windows.sizeMiB': {
    label: 'Default Windows container image, unpacked (servercore ltsc2022)',
    source: S.winImages,
    note: 'servercore is 3.1-3.9 GB unpacked (upper end used); nanoserver is about 297 MB',
  },
  'sandbox.kata-qemu': {
    label: 'Kata Containers (QEMU) pod overhead',
    source: S.kata,
  },
  'sandbox.kata-clh': {
    label: 'Kata Containers (Cloud Hypervisor) pod overhead',
    source: S.kata,
  },
  'sandbox.kata-fc': {
    label: 'Kata Containers (Firecracker) pod overhead',
    source: S.kata,
  },
  'sandbox.kata-dragonball': {
    label: 'Kata Containers (Dragonball) pod overhead',
    source: S.kata,
  },
  'sandbox.kata-qemu-tdx': {
    label: 'Kata Containers confidential (QEMU, Intel TDX) pod overhead',
    source: S.kata,
  },
  'sandbox.kata-qemu-snp': {
    label: 'Kata Containers confidential (QEMU, AMD SEV-SNP) pod overhead',
    source: S.kata,
  },
  'sandbox.kata.startSeconds': {
    label: 'Kata Containers (QEMU): container launch to workload running',
    source: S.kataBootTimes,
    note: 'the mean the Kata metrics CI expects (within -40%/+30%) for a container on kata-qemu, a regression baseline rather than a promise; revisions of these files set 0.39-0.71 s by hypervisor and CI machine. The revision read has the late-2023 iperf3 baselines and could not be dated more precisely',
  },
  'sandbox.gvisor': {
    label: 'gVisor (runsc) extra memory per sandbox vs runc',
    source: S.gvisorDensity,
    note: 'node app measured at 124 MB under runsc vs 76.7 MB under runc: 47.4 MB = 45.2 MiB, rounded up; an empty container adds 18.7 MiB and ruby 57.6 MiB. A benchmark, not a limit',
  },
  'sandbox.firecracker.guestKernelMiB': {
    label: 'Minimal guest kernel and init inside a bare Firecracker microVM',
    source: S.idleRss,
    note: 'idle Alpine guest measured at 100-120 MB',
  },
  'sandbox.hyperv-isolation': {
    label: 'Hyper-V isolated Windows container: utility VM overhead per container',
    source: S.ours,
    note: 'no published figure; each container runs in its own small utility VM with a Windows kernel',
  },
  'host.threadsPerCore': {
    label: 'Hardware threads per core (SMT on)',
    source: S.ours,
    note: 'x86 servers ship with SMT enabled; Kubernetes and hypervisors schedule on these logical CPUs',
  },
  'k8s.nodeVm': {
    label: 'Kubernetes node VM size (containers in VMs)',
    source: S.ours,
    note: 'a common mid-size worker; set the size you run',
  },
  'policy.targetUtilization': {
    label: 'Plan hosts to at most this share of usable CPU, memory and disk',
    source: S.ours,
    note: 'headroom for peaks and growth; 1 plans hosts full',
  },
  'policy.overcommit': {
    label: 'Allocated CPU and memory per physical unit (1 = no overcommit)',
    source: S.ours,
    note: 'no overcommit keeps VMs and Kubernetes requests on the same guaranteed footing; VM estates often run 3:1-4:1 vCPU',
  },
  'policy.ha': {
    label: 'Spare hosts per cluster for failover (N+1)',
    source: S.ours,
  },
  'power.pue': {
    label: 'Power usage effectiveness (industry average)',
    source: S.uptime,
    note: 'industry average; 1.58 in 2023, 1.55 in 2022; new large builds 1.3 or better, hyperscale 1.1-1.2',
  },
  'power.pricePerKWh': {
    label: 'Electricity price (US industrial average)',
    source: S.eia,
  },
  'power.averageLoad': {
    label: 'Average host load between idle and maximum power',
    source: S.ours,
  },
  'host.powerIdleW': {
    label: 'Host power at idle (example 2-socket server)',
    source: S.ours,
    note: 'no good public source: give your server\'s measured figures',
  },
  'host.powerMaxW': {
    label: 'Host power at full load (example 2-socket server)',
    source: S.ours,
    note: 'no good public source: give your server\'s measured figures',
  },
  'carbon.gridIntensity': {
    label: 'Carbon intensity of grid electricity (default: world average)',
    source: S.gridWorld,
    note: 'world average of 2023 electricity generation (Ember data as published by Statista); pick your region under catalogVersions or give your own figure (prices.gridIntensityGPerKWh); a supplier or market-based figure can differ a lot',
    versions: {
      'australia-2023': { source: S.gridOwid, note: 'Australia, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'austria-2023': { source: S.gridOwid, note: 'Austria, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'belgium-2023': { source: S.gridOwid, note: 'Belgium, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'brazil-2023': { source: S.gridOwid, note: 'Brazil, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'bulgaria-2023': { source: S.gridOwid, note: 'Bulgaria, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'canada-2023': { source: S.gridOwid, note: 'Canada, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'china-2023': { source: S.gridOwid, note: 'China, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'croatia-2023': { source: S.gridOwid, note: 'Croatia, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'czechia-2023': { source: S.gridOwid, note: 'Czechia, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'denmark-2023': { source: S.gridOwid, note: 'Denmark, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'finland-2023': { source: S.gridOwid, note: 'Finland, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'france-2023': { source: S.gridOwid, note: 'France, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'germany-2023': { source: S.gridOwid, note: 'Germany, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'greece-2023': { source: S.gridOwid, note: 'Greece, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'hungary-2023': { source: S.gridOwid, note: 'Hungary, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'india-2023': { source: S.gridOwid, note: 'India, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'ireland-2023': { source: S.gridOwid, note: 'Ireland, 2023, lifecycle gCO2e/kWh (Ember and Energy Institute via Our World in Data)' },
      'norway-2023': { source: S.gridWorld, note: 'Norway, 2023 (Ember data as published by Statista)' },
      'poland-2023': { source: S.gridEu, note: 'Poland, 2023 (Ember data as published by Statista); as-of is the end of the data year, the page date was not recorded' },
      'sweden-2023': { source: S.gridEu, note: 'Sweden, 2023 (Ember data as published by Statista); as-of is the end of the data year, the page date was not recorded' },
      'us-2023': { source: S.gridUsEia, note: 'CO2 from fuel burnt at utility-scale plants only, not lifecycle CO2e, so not strictly comparable with the Ember figures: 0.81 lb x 453.59237 g/lb = 367.4 g, rounded to 367; as-of is the end of the data year' },
    },
  },
  'facilities.colocationPerKWMonth': {
    label: 'Wholesale colocation per kW of IT load per month',
    source: S.cbre,
    note: 'US primary markets; energy is priced separately',
  },
  'hardware.amortizationYears': {
    label: 'Hardware amortization period',
    source: { title: 'kernelcount choice: enterprise default; hyperscalers use 5-6 years (company filings)' },
  },
  'hardware.supportPercentPerYear': {
    label: 'Hardware support contract per year, share of purchase price',
    source: S.ours,
  },
  'labour.physicalServersPerAdmin': {
    label: 'Physical servers (hypervisors, bare-metal nodes) per administrator',
    source: S.gartnerAdmin,
    note: 'range 10-50; old figure',
  },
  'labour.osInstancesPerAdmin': {
    label: 'Virtual OS instances (VMs, node VMs) per administrator',
    source: S.gartnerAdmin,
    note: 'range 75-500; old figure',
  },
  'labour.costPerAdminYear': {
    label: 'Fully loaded cost of one administrator per year',
    source: S.ours,
  },
  'licence.windows-server-standard': {
    label: 'Windows Server Standard, per 16-core licence (perpetual)',
    source: S.winLic,
    note: 'Windows Server 2022 list price; Microsoft\'s own price page could not be verified, and one reseller quotes the same price for 2025',
    versions: {
      '2025': { source: S.win2025Prices, note: 'Windows Server 2025 list as quoted by some resellers; select with catalogVersions' },
    },
  },
  'licence.windows-server-datacenter': {
    label: 'Windows Server Datacenter, per 16-core licence (perpetual)',
    source: S.winLic,
    note: 'Windows Server 2022 list price; Microsoft\'s own price page could not be verified, and one reseller quotes the same price for 2025',
    versions: {
      '2025': { source: S.win2025Prices, note: 'Windows Server 2025 list as quoted by some resellers; select with catalogVersions' },
    },
  },
  'licence.sql-server-standard': {
    label: 'SQL Server 2022 Standard, per 2-core pack (perpetual)',
    source: S.sqlLic,
  },
  'licence.sql-server-enterprise': {
    label: 'SQL Server 2022 Enterprise, per 2-core pack (perpetual)',
    source: S.sqlLic,
  },
  'licence.rhel': {
    label: 'RHEL Server (standard), per socket-pair or 2 VMs per year',
    source: S.rhelSub,
    note: 'Red Hat publishes no list price we could verify; rules (socket-pair or 2 VMs) are from Red Hat',
  },
  'licence.rhel-vdc': {
    label: 'RHEL for Virtual Datacenters, per socket-pair per year (unlimited guests)',
    source: S.rhelSub,
    note: 'Red Hat publishes no list price we could verify; use your quote',
  },
  'licence.vsphere-standard': {
    label: 'VMware vSphere Standard subscription per core per year',
    source: S.broadcom,
  },
  'licence.vsphere-enterprise-plus': {
    label: 'VMware vSphere Enterprise Plus subscription per core per year',
    source: S.broadcom,
  },
  'licence.vvf': {
    label: 'VMware vSphere Foundation (VVF) subscription per core per year',
    source: S.broadcom,
  },
  'licence.vcf': {
    label: 'VMware Cloud Foundation (VCF) subscription per core per year',
    source: S.broadcom,
    note: 'about $350 per core-year is implied by reseller reports; VCF also entitles 1 TiB of vSAN per licensed core',
  },
  'licence.softwareAssurancePercentPerYear': {
    label: 'Microsoft Software Assurance per year, as a share of the licence price',
    source: S.msSa,
    note: 'needed for Windows Server per-VM licensing and SQL Server Enterprise unlimited virtualization; optional elsewhere',
  },
  'licence.windows-server-payg': {
    label: 'Windows Server pay-as-you-go through Azure Arc, per core per month (Standard and Datacenter alike)',
    source: S.winPayg,
    note: 'Windows Server 2025 only; Microsoft states the model (per core, same for both editions, no minimum) but the price was read from secondary sources',
  },
  'licence.openshift': {
    label: 'Red Hat OpenShift Container Platform, per core-pair (2 cores or 4 vCPUs) per year',
    source: S.openshift,
    note: 'Red Hat publishes no list price; this is a rough reseller-level figure: use your quote',
  },
  'licence.openshift-bare-metal': {
    label: 'Red Hat OpenShift Container Platform for bare metal, per socket-pair (up to 128 cores) per year',
    source: S.openshift,
    note: 'Red Hat publishes no list price; this is a rough reseller-level figure: use your quote',
  },
  'licence.docker-pro': {
    label: 'Docker Pro, per user per month (billed yearly)',
    source: S.docker,
  },
  'licence.docker-team': {
    label: 'Docker Team, per user per month (billed yearly)',
    source: S.docker,
    note: 'was $9 for purchases and renewals before 2024-12-10',
  },
  'licence.docker-business': {
    label: 'Docker Business, per user per month (billed yearly)',
    source: S.docker,
  },
  'licence.oracle-database-enterprise': {
    label: 'Oracle Database Enterprise Edition, per processor licence (perpetual)',
    source: S.oracle,
  },
  'licence.oracle.coreFactor': {
    label: 'Oracle processor core factor for Intel and AMD x86 cores',
    source: S.oracle,
  },
  'licence.oracle.supportPercentPerYear': {
    label: 'Oracle Software Update License & Support per year, as a share of the licence price',
    source: S.oracle,
  },
  'controlPlane.eks': {
    label: 'Amazon EKS control plane per cluster-hour (standard support)',
    source: S.eksPricing,
    note: 'standard support covers 14 months of a Kubernetes version; $0.60 per cluster-hour in the 12 months of extended support (billed from 2024-05-01)',
  },
  'controlPlane.gke': {
    label: 'GKE cluster management fee per cluster-hour',
    source: S.gkePricing,
    note: 'the monthly credit (controlPlane.gke.monthlyCredit) applies to zonal and Autopilot clusters; the Extended channel adds $0.50 per cluster-hour during extended support',
  },
  'controlPlane.aks': {
    label: 'AKS Standard tier per cluster-hour',
    source: S.aksPricing,
    note: 'the Free tier has no fee and no financially backed SLA (recommended under 10 nodes)',
  },
  'controlPlane.eks-extended': {
    label: 'Amazon EKS control plane per cluster-hour in extended support',
    source: S.eksPricing,
  },
  'controlPlane.aks-premium': {
    label: 'AKS Premium tier (long-term support) per cluster-hour',
    source: S.aksPricing,
  },
  'controlPlane.gke.monthlyCredit': {
    label: 'GKE free-tier credit per billing account per month (zonal and Autopilot clusters)',
    source: S.gkePricing,
    note: 'equivalent to one free zonal or Autopilot cluster a month; credits do not roll over',
    versions: {
      'one-free-zonal-2020': { source: S.gkePricing2020, note: 'the 2020 rule, one zonal cluster per billing account free, written as its monthly worth (730 hours x $0.10)' },
    },
  },
};
