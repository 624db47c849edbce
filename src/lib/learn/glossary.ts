/**
 * The glossary: every term an article may use without explaining it. Articles do not link terms by
 * hand: at build time the first use of each term in an article's prose is linked to its entry here
 * (see remarkGlossary.ts). `match` lists the spellings to look for, as whole words.
 */
export interface GlossaryTerm {
  /** Anchor on /learn/glossary. */
  id: string;
  term: string;
  /** Spellings to link, as whole words. Matched case-insensitively unless `exactCase`. */
  match: readonly string[];
  exactCase?: boolean;
  definition: string;
}

export const GLOSSARY: readonly GlossaryTerm[] = [
  { id: 'allocatable', term: 'Allocatable', match: ['allocatable'], definition: "What the Kubernetes scheduler may hand out to pods on a node: the node's capacity minus kube-reserved, system-reserved and the eviction threshold." },
  { id: 'amortization', term: 'Amortization', match: ['amortization', 'amortized', 'amortised'], definition: 'Spreading the purchase price of hardware (or a perpetual licence) evenly over the years it is expected to be used, so each year carries its share.' },
  { id: 'ballooning', term: 'Memory ballooning', match: ['ballooning', 'balloon driver'], definition: 'A driver inside a VM that the hypervisor can inflate to make the guest give memory back, so the host can lend it to other VMs. It helps under pressure; it does not make the guest need less.' },
  { id: 'autoscaler', term: 'Autoscaler', match: ['autoscaler', 'autoscalers', 'autoscaling'], definition: 'Software that adds or removes instances as demand changes. It can react only as fast as a new instance starts.' },
  { id: 'binding-resource', term: 'Binding resource', match: ['binding resource', 'binds first'], definition: 'The resource (CPU, memory, disk or a pod limit) that runs out first on a host and so decides how many instances fit.' },
  { id: 'cgroups', term: 'cgroups (control groups)', match: ['cgroups', 'cgroup', 'control groups'], definition: 'A Linux kernel feature that meters and caps the CPU, memory and I/O a group of processes may use. Containers use it to stay within their limits.' },
  { id: 'cal', term: 'CAL (client access licence)', match: ['CAL', 'CALs', 'client access licence', 'client access licences'], exactCase: true, definition: 'A Microsoft licence for each user or device that connects to a server, bought on top of the licences for the server itself.' },
  { id: 'core-pair', term: 'Core-pair', match: ['core-pair', 'core-pairs'], definition: "Red Hat OpenShift's subscription unit: two physical cores, or four vCPUs, of worker nodes, counted across the cluster." },
  { id: 'hard-partitioning', term: 'Hard partitioning', match: ['hard partitioning', 'hard-partitioning'], definition: "Oracle's list of technologies that physically confine a workload to certain cores, and so may limit what must be licensed. Anything else counts as soft partitioning." },
  { id: 'colocation', term: 'Colocation', match: ['colocation', 'colo'], definition: "Renting space, power and cooling for your own servers in someone else's data centre, usually priced per kilowatt per month." },
  { id: 'confidential-computing', term: 'Confidential computing', match: ['confidential computing', 'confidential containers', 'confidential VMs', 'TDX', 'SEV-SNP'], definition: "Processor features (Intel TDX, AMD SEV-SNP) that encrypt a VM's memory so that even the host and its administrators cannot read it." },
  { id: 'container', term: 'Container', match: ['container', 'containers'], definition: "One or more processes that the host's kernel runs with their own view of the system (namespaces) and their own resource limits (cgroups). Containers share the host's kernel." },
  { id: 'container-escape', term: 'Container escape', match: ['container escape', 'container escapes', 'container breakout'], definition: 'An attack that takes code running inside a container out to the host, usually through a flaw in the shared kernel or in the container runtime.' },
  { id: 'containerd', term: 'containerd', match: ['containerd'], exactCase: true, definition: 'A container runtime daemon that pulls images, manages storage and starts containers through a low-level runtime such as runc. Kubernetes usually talks to it through CRI.' },
  { id: 'control-plane', term: 'Control plane', match: ['control plane', 'control-plane'], definition: "The Kubernetes components that hold a cluster's state and make its decisions (API server, scheduler, controllers, etcd). Managed services charge for it per cluster-hour." },
  { id: 'copy-on-write', term: 'Copy-on-write', match: ['copy-on-write'], definition: 'Sharing one copy of data until someone changes it, and only then making a private copy. Containers share read-only image layers this way and copy a file up into their writable layer when they change it.' },
  { id: 'core-factor', term: 'Core factor', match: ['core factor'], definition: "Oracle's multiplier that turns physical cores into licensable processors (0.5 for most Intel and AMD chips)." },
  { id: 'cri', term: 'CRI (Container Runtime Interface)', match: ['Container Runtime Interface', 'CRI'], exactCase: true, definition: "Kubernetes' interface to container runtimes such as containerd and CRI-O; the kubelet starts pods through it." },
  { id: 'cri-o', term: 'CRI-O', match: ['CRI-O'], exactCase: true, definition: 'A container runtime built only for Kubernetes, implementing its Container Runtime Interface; OpenShift uses it.' },
  { id: 'ci-cd', term: 'CI/CD pipeline', match: ['CI/CD', 'CI pipeline', 'CI pipelines'], exactCase: true, definition: 'Continuous integration and delivery: an automated chain that builds, tests and ships software on every change. For containers it builds the images, scans them and pushes them to a registry.' },
  { id: 'datacenter-edition', term: 'Datacenter edition', match: ['Datacenter edition', 'Windows Server Datacenter'], definition: 'The Windows Server edition that, once every physical core is licensed, allows any number of Windows VMs and containers on that host.' },
  { id: 'density', term: 'Density', match: ['density'], definition: 'How many instances fit on one host. Higher density means fewer hosts for the same work.' },
  { id: 'ept', term: 'EPT / NPT (second-level address translation)', match: ['EPT', 'NPT', 'second-level address translation'], exactCase: true, definition: "Processor support (Intel's EPT, AMD's NPT) for translating a guest's memory addresses to the host's in hardware, replacing the shadow page tables hypervisors used to maintain in software." },
  { id: 'esxi', term: 'ESXi', match: ['ESXi'], exactCase: true, definition: "VMware's type 1 hypervisor: a small operating system built only to run VMs, installed directly on the server." },
  { id: 'eviction-threshold', term: 'Eviction threshold', match: ['eviction threshold', 'eviction thresholds', 'evictionHard'], definition: 'Free memory (or disk) the kubelet keeps in reserve; when the node drops below it, the kubelet evicts pods. It is subtracted from allocatable.' },
  { id: 'firecracker', term: 'Firecracker', match: ['Firecracker'], exactCase: true, definition: 'A minimal virtual machine monitor from AWS that starts small micro-VMs in a fraction of a second, built for serverless and multi-tenant containers.' },
  { id: 'guest-os', term: 'Guest OS', match: ['guest OS', 'guest operating system', 'guest kernel'], definition: 'The operating system running inside a virtual machine, with its own kernel, services and memory.' },
  { id: 'gvisor', term: 'gVisor', match: ['gVisor'], exactCase: true, definition: "A sandbox from Google that intercepts a container's system calls in a user-space kernel, so the container never talks to the host kernel directly." },
  { id: 'ha', term: 'High availability (N+1)', match: ['N+1', 'high availability'], definition: 'Keeping enough spare capacity that the loss of a host (N+1: one host) does not take workloads down.' },
  { id: 'host-reserve', term: 'Host reserve', match: ['host reserve'], definition: "CPU and memory a host keeps back for the hypervisor (or its own operating system) before any VM or pod is placed. It is paid once per host, not per instance." },
  { id: 'hyperv-isolation', term: 'Hyper-V isolation', match: ['Hyper-V isolation'], definition: 'Running a Windows container inside its own small utility VM with its own kernel, instead of sharing the host kernel. For licensing it counts like a VM.' },
  { id: 'hypervisor', term: 'Hypervisor', match: ['hypervisor', 'hypervisors'], definition: 'Software that runs virtual machines: it shares out CPU time, memory and devices among them and keeps them apart. Type 1 runs on the hardware; type 2 runs on a host operating system.' },
  { id: 'image-layer', term: 'Image layer', match: ['image layer', 'image layers'], definition: 'One read-only, content-addressed slice of a container image. Layers that several images share are stored once per node.' },
  { id: 'immutable-image', term: 'Immutable image', match: ['immutable image', 'immutable images', 'immutable VM images'], definition: 'An image, for a machine or a container, that is never changed after it is built: a fix means building a new image and replacing what runs, not patching it in place.' },
  { id: 'instance-month', term: 'Cost per instance-month', match: ['cost per instance-month', 'instance-month'], definition: 'The total cost over the horizon divided by the number of instances and by the months: what one copy of one service costs for a month, everything included.' },
  { id: 'probes', term: 'Liveness and readiness probes', match: ['liveness probe', 'liveness probes', 'readiness probe', 'readiness probes'], definition: 'Health checks Kubernetes runs against a container. A failing liveness probe gets the container restarted; a failing readiness probe takes the pod out of the traffic rotation without stopping it.' },
  { id: 'qemu', term: 'QEMU', match: ['QEMU'], exactCase: true, definition: 'The open-source machine emulator that KVM-based platforms run as one process per VM to provide its virtual devices.' },
  { id: 'registry', term: 'Image registry', match: ['image registry', 'registry'], definition: 'A server that stores container images and hands them out to the nodes that pull them; companies run private ones next to public registries.' },
  { id: 'rolling-update', term: 'Rolling update', match: ['rolling update', 'rolling updates'], definition: 'Replacing the running copies of a service with a new version a few at a time, each new copy proving healthy before the next old one goes, so the service stays up during the change.' },
  { id: 'kata', term: 'Kata Containers', match: ['Kata Containers', 'Kata'], exactCase: true, definition: 'A runtime that starts each Kubernetes pod in its own lightweight VM, so pods get a separate kernel while keeping the container workflow.' },
  { id: 'kvm', term: 'KVM (Kernel-based Virtual Machine)', match: ['KVM'], exactCase: true, definition: 'The hypervisor built into the Linux kernel. Each VM is an ordinary Linux process (usually QEMU) whose vCPUs are threads the kernel schedules.' },
  { id: 'kube-reserved', term: 'kube-reserved', match: ['kube-reserved'], exactCase: true, definition: "CPU, memory and disk a node sets aside for Kubernetes' own node agents (kubelet, container runtime). Cloud providers compute it from the node's size." },
  { id: 'kubelet', term: 'kubelet', match: ['kubelet'], exactCase: true, definition: 'The Kubernetes agent on every node that starts pods, reports their health and enforces reservations and eviction.' },
  { id: 'ksm', term: 'KSM (kernel same-page merging)', match: ['KSM', 'same-page merging'], definition: "Linux's way to merge identical memory pages between processes, including VMs; it only touches memory marked as mergeable." },
  { id: 'micro-vm', term: 'Micro-VM', match: ['micro-VM', 'micro-VMs', 'microVM', 'microVMs'], definition: 'A stripped-down virtual machine with a minimal device model and kernel, made to start in milliseconds and carry little overhead.' },
  { id: 'namespaces', term: 'Namespaces', match: ['namespaces', 'namespace'], definition: 'A Linux kernel feature that gives a group of processes its own view of one kind of resource: process IDs, network, mounts, users, hostname or IPC.' },
  { id: 'node', term: 'Node', match: ['node', 'nodes'], definition: 'A machine, physical or virtual, that runs pods in a Kubernetes cluster.' },
  { id: 'node-vm', term: 'Node VM', match: ['node VM', 'node VMs'], definition: 'A virtual machine that serves as a Kubernetes node, so its containers run on top of a hypervisor. Managed Kubernetes services usually run their nodes this way.' },
  { id: 'npv', term: 'NPV (net present value)', match: ['NPV', 'net present value'], definition: "Future costs discounted to today's money at a chosen rate, so costs paid later weigh less than costs paid now." },
  { id: 'oci', term: 'OCI (Open Container Initiative)', match: ['OCI', 'Open Container Initiative'], exactCase: true, definition: 'The open standards for container images and runtimes that Docker, containerd, CRI-O and runc follow, so an image built with one runs on the others.' },
  { id: 'ose', term: 'OSE (operating system environment)', match: ['OSE', 'OSEs', 'operating system environment'], exactCase: true, definition: "Microsoft's licensing term for one instance of an operating system, physical or virtual. Windows Server Standard grants two per fully licensed host." },
  { id: 'overcommit', term: 'Overcommit', match: ['overcommit', 'overcommitment', 'overcommitted'], definition: 'Promising guests more vCPUs (or memory) than the host has, betting that they will not all use it at once. Common for CPU, risky for memory.' },
  { id: 'page-sharing', term: 'Transparent page sharing (TPS)', match: ['transparent page sharing', 'page sharing', 'TPS'], definition: 'ESXi merging identical memory pages across VMs. Between VMs it has been off by default since 2014-2015 for security reasons.' },
  { id: 'paravirtualization', term: 'Paravirtualization, virtio', match: ['paravirtualization', 'paravirtualized', 'virtio'], definition: 'Virtual devices designed for VMs instead of copied from real hardware: the guest and the hypervisor pass batches of requests through shared memory, with few costly exits. virtio is the open standard KVM uses.' },
  { id: 'persistent-volume', term: 'Persistent volume', match: ['persistent volume', 'persistent volumes'], definition: 'Storage in a Kubernetes cluster with a life of its own: a pod claims and mounts it, and the data outlives any one container.' },
  { id: 'pod', term: 'Pod', match: ['pod', 'pods'], definition: "Kubernetes' unit of scheduling: one or more containers that share a network address and are placed on a node together." },
  { id: 'pod-overhead', term: 'Pod overhead', match: ['pod overhead', 'podFixed'], definition: "Resources a RuntimeClass declares per pod on top of the containers' requests (the sandbox VM of Kata, for instance). The scheduler counts it." },
  { id: 'pue', term: 'PUE (power usage effectiveness)', match: ['PUE', 'power usage effectiveness'], exactCase: true, definition: "A data centre's total power divided by the power its IT equipment draws. 1.5 means every watt for a server costs another half watt for cooling and losses." },
  { id: 'runc', term: 'runc', match: ['runc'], exactCase: true, definition: 'The reference low-level container runtime: it asks the kernel for namespaces and cgroups and starts the container process, then steps away.' },
  { id: 'runtimeclass', term: 'RuntimeClass', match: ['RuntimeClass', 'runtime class'], definition: 'A Kubernetes object that picks how a pod runs (runc, Kata, gVisor) and may declare a pod overhead for it.' },
  { id: 'seccomp', term: 'seccomp', match: ['seccomp'], exactCase: true, definition: 'A Linux kernel filter on the system calls a process may make. Container runtimes apply a default profile that blocks the riskiest ones.' },
  { id: 'shim', term: 'Shim', match: ['shim', 'containerd-shim'], definition: 'A small process that stays with each running container (or pod) so the runtime daemon can restart without killing it; it costs a few MiB per container.' },
  { id: 'socket-pair', term: 'Socket-pair', match: ['socket-pair', 'socket-pairs'], definition: 'A licensing unit covering up to two CPU sockets in one server, used by Red Hat.' },
  { id: 'soft-partitioning', term: 'Soft partitioning', match: ['soft partitioning', 'soft-partitioning'], definition: "Oracle's term for limiting a workload with hypervisor settings (VMware, Hyper-V, KVM). Oracle does not accept it for licensing, so every core the VM could run on must be licensed." },
  { id: 'software-assurance', term: 'Software Assurance (SA)', match: ['Software Assurance'], definition: "Microsoft's yearly add-on to a perpetual licence that gives upgrade rights and extra use rights, such as licensing by VM or moving licences between hosts." },
  { id: 'stacking', term: 'Licence stacking', match: ['licence stacking', 'stacking licences', 'stacked Standard'], definition: 'Buying the same licence again for the same host to gain more rights, as with Windows Server Standard: each full set of core licences adds two VMs.' },
  { id: 'stateless', term: 'Stateless service', match: ['stateless'], definition: 'A service that keeps no data of its own between requests, so any copy can be stopped, replaced or moved without losing anything.' },
  { id: 'system-reserved', term: 'system-reserved', match: ['system-reserved'], exactCase: true, definition: "Resources a node keeps for the operating system's own daemons (sshd, journald), outside Kubernetes." },
  { id: 'tco', term: 'TCO (total cost of ownership)', match: ['TCO', 'total cost of ownership'], exactCase: true, definition: 'Everything it costs to own and run something over its life: purchase, power, space, licences, support and labour, not just the price tag.' },
  { id: 'thin-provisioning', term: 'Thin provisioning', match: ['thin provisioning', 'thin-provisioned', 'thin disks'], definition: 'Giving a VM a virtual disk that takes space only as data is written, instead of reserving its full size up front (thick).' },
  { id: 'vcpu', term: 'vCPU', match: ['vCPU', 'vCPUs'], exactCase: true, definition: "A virtual CPU: one processor as the guest sees it, scheduled by the hypervisor on one of the host's hardware threads." },
  { id: 'virtual-machine', term: 'Virtual machine (VM)', match: ['virtual machine', 'virtual machines'], definition: 'A complete computer made in software: virtual CPUs, memory, disks and network cards, running its own operating system and kernel on a hypervisor.' },
  { id: 'vm-exit', term: 'VM exit', match: ['VM exit', 'VM exits'], definition: 'The processor leaving a guest so the hypervisor can handle something the guest may not do itself. Each exit costs far more than an ordinary instruction.' },
  { id: 'warm-spare', term: 'Warm spare', match: ['warm spare', 'warm spares', 'warm pool'], definition: 'An instance kept running and idle so it can serve at once when demand rises, because starting a new one would take too long.' },
  { id: 'writable-layer', term: 'Writable layer', match: ['writable layer', 'container layer'], definition: 'The thin read-write layer each running container gets on top of its image. It holds what the container changes and is thrown away with the container.' },
];

/** Looks a term up by id; throws for an unknown id. */
export function glossaryTerm(id: string): GlossaryTerm {
  const t = GLOSSARY.find((g) => g.id === id);
  if (!t) throw new Error(`Unknown glossary term "${id}"`);
  return t;
}
