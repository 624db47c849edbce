// `kernelcount reserve` and `kernelcount overhead`. Every expected figure below is worked out by hand
// from the vendor's text (cited above each block), not taken from running the code.
import { describe, expect, it } from 'vitest';
import { OVERHEAD_MODEL_NAMES, OVERHEAD_MODELS, type OverheadReport } from '../src/cli/overhead.js';
import type { ReserveReport } from '../src/cli/reserve.js';
import { runCli } from './helpers.js';

const cli = runCli;

type ReserveJson = ReserveReport;

async function reserve(...args: string[]): Promise<ReserveJson> {
  const r = await cli('reserve', ...args, '--format', 'json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ReserveJson;
}

/** The four figures a reservation comes down to: kube-reserved, system-reserved, eviction, allocatable. */
function figures(j: ReserveJson) {
  return { kube: j.kubeReserved, system: j.systemReserved, eviction: j.evictionMemoryMiB, allocatable: j.allocatable };
}

describe('kernelcount reserve: one node under each profile', () => {
  // amazon-eks-ami nodeadm: kube-reserved memory = 11 MiB x maxPods + 255 MiB; CPU 6% of core 1,
  // 1% of core 2, 0.5% of cores 3-4, 0.25% above 4; no system-reserved; eviction memory.available 100Mi.
  it('eks, 8 vCPU / 32 GiB / 58 pods', async () => {
    const j = await reserve('eks', '--vcpus', '8', '--memory', '32GiB', '--max-pods', '58');
    // memory 11 x 58 + 255 = 893; CPU 60 + 10 + (2 x 5) + (4 x 2.5) = 90 m
    // allocatable: 8000 - 90 = 7910 m; 32768 - 893 - 100 = 31775 MiB
    expect(figures(j)).toEqual({
      kube: { cpuMillicores: 90, memoryMiB: 893 },
      system: { cpuMillicores: 0, memoryMiB: 0 },
      eviction: 100,
      allocatable: { cpuMillicores: 7910, memoryMiB: 31775, pods: 58 },
    });
    expect(j.capacity).toEqual({ cpuMillicores: 8000, memoryMiB: 32768, pods: 58 });
    expect(j.maxPodsFrom).toBe('max-pods');
    expect(j.formula).toContain('kube-reserved memory = 11 x 58 pods + 255 = 893 MiB');
    expect(j.formula).toContain('allocatable memory = 32768 - 893 - 0 - 100 = 31775 MiB');
  });

  // eni-max-pods.txt: ENIs x (IPv4 per ENI - 1) + 2; m5.large has 3 ENIs of 10 IPv4 addresses.
  it('eks from ENIs: m5.large (2 vCPU, 8 GiB, 3 ENIs x 10 IPv4) admits 29 pods', async () => {
    const j = await reserve('eks', '--vcpus', '2', '--memory', '8GiB', '--enis', '3', '--ips-per-eni', '10');
    // pods 3 x 9 + 2 = 29; memory 11 x 29 + 255 = 574; CPU 60 + 10 = 70 m
    // allocatable: 2000 - 70 = 1930 m; 8192 - 574 - 100 = 7518 MiB
    expect(j.capacity.pods).toBe(29);
    expect(j.maxPodsFrom).toBe('enis');
    expect(figures(j)).toEqual({
      kube: { cpuMillicores: 70, memoryMiB: 574 },
      system: { cpuMillicores: 0, memoryMiB: 0 },
      eviction: 100,
      allocatable: { cpuMillicores: 1930, memoryMiB: 7518, pods: 29 },
    });
    expect(j.formula[0]).toBe('max pods = 3 ENIs x (10 IPv4 per ENI - 1) + 2 = 29 (amazon-eks-ami eni-max-pods formula; prefix delegation not modelled)');
  });

  it('without --max-pods, 110 pods (the Kubernetes default) and the output says so', async () => {
    const j = await reserve('eks', '--vcpus', '4', '--memory', '16GiB');
    // 11 x 110 + 255 = 1465 MiB
    expect(j.capacity.pods).toBe(110);
    expect(j.kubeReserved.memoryMiB).toBe(1465);
    expect(j.maxPodsFrom).toBe('default');
    expect(j.notes.join('\n')).toMatch(/max pods not given: 110, the Kubernetes default/);
    const table = await cli('reserve', 'eks', '--vcpus', '4', '--memory', '16GiB');
    expect(table.stdout).toMatch(/max pods not given: 110, the Kubernetes default/);
  });

  // GKE "Plan node sizes": memory 25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, ...;
  // CPU 6% / 1% / 0.5% / 0.25% bands; eviction 100 MiB.
  it('gke, 4 vCPU / 16 GiB', async () => {
    const j = await reserve('gke', '--vcpus', '4', '--memory', '16GiB');
    // memory 1024 + 819.2 + 819.2 = 2662.4 -> 2663; CPU 60 + 10 + 10 = 80 m
    // allocatable: 4000 - 80 = 3920 m; 16384 - 2663 - 100 = 13621 MiB
    expect(figures(j)).toEqual({
      kube: { cpuMillicores: 80, memoryMiB: 2663 },
      system: { cpuMillicores: 0, memoryMiB: 0 },
      eviction: 100,
      allocatable: { cpuMillicores: 3920, memoryMiB: 13621, pods: 110 },
    });
  });

  // AKS "Node resource reservations": from 1.29 kube-reserved memory = min(20 MB x max pods + 50 MB,
  // 25% of memory), eviction 100Mi; before 1.29 GKE-style memory bands and eviction 750Mi.
  // CPU from the AKS table: 4 cores = 140 m, in both.
  describe('aks: --version selects the rule', () => {
    const node = ['--vcpus', '4', '--memory', '16GiB', '--max-pods', '30'];
    // >= 1.29: min(20 x 30 + 50 = 650, 16384 / 4 = 4096) = 650; 16384 - 650 - 100 = 15634; 4000 - 140 = 3860
    const current = {
      kube: { cpuMillicores: 140, memoryMiB: 650 },
      system: { cpuMillicores: 0, memoryMiB: 0 },
      eviction: 100,
      allocatable: { cpuMillicores: 3860, memoryMiB: 15634, pods: 30 },
    };
    // < 1.29: memory bands 2663 (as GKE above); 16384 - 2663 - 750 = 12971
    const pre129 = {
      kube: { cpuMillicores: 140, memoryMiB: 2663 },
      system: { cpuMillicores: 0, memoryMiB: 0 },
      eviction: 750,
      allocatable: { cpuMillicores: 3860, memoryMiB: 12971, pods: 30 },
    };

    it.each(['1.29', '1.30.4', 'v1.31'])('--version %s: the current rule', async (v) => {
      const j = await reserve('aks', ...node, '--version', v);
      expect(j.rule).toBe('aks');
      expect(j.version).toBe(v);
      expect(figures(j)).toEqual(current);
    });

    it('--version 1.28: the aks-pre-1.29 rule, with different figures', async () => {
      const j = await reserve('aks', ...node, '--version', '1.28');
      expect(j.profile).toBe('aks');
      expect(j.rule).toBe('aks-pre-1.29');
      expect(figures(j)).toEqual(pre129);
      expect(j.notes[0]).toMatch(/--version 1.28 is before 1.29: the aks-pre-1.29 rule applies/);
    });

    it('no --version: the current rule, and a note saying how to pick the older one', async () => {
      const j = await reserve('aks', ...node);
      expect(figures(j)).toEqual(current);
      expect(j.version).toBeNull();
      expect(j.notes[0]).toMatch(/no --version: the current AKS rule/);
    });

    it('aks-pre-1.29 as a profile, and its conflict with a later --version', async () => {
      expect(figures(await reserve('aks-pre-1.29', ...node))).toEqual(pre129);
      const r = await cli('reserve', 'aks-pre-1.29', ...node, '--version', '1.30');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--version: aks-pre-1.29 is for clusters before 1.29, got 1.30; use: reserve aks --version 1.30 \[conflict\]/);
    });
  });

  // Google Distributed Cloud "Resources available for your workloads": 80 millicores + 1% of CPU and
  // 330 MiB + 5% of memory (docs for 1.6 and later); 280 MiB + 5% in the 1.3-1.5 docs; eviction 100 MiB.
  describe('gdc: --version selects the memory base', () => {
    const node = ['--vcpus', '8', '--memory', '10GiB'];
    // CPU 80 + 1% x 8000 = 160 m; 5% of 10240 = 512 MiB
    it.each(['1.3', '1.5'])('--version %s: 280 MiB base', async (v) => {
      const j = await reserve('gdc', ...node, '--version', v);
      // 280 + 512 = 792; 10240 - 792 - 100 = 9348; 8000 - 160 = 7840
      expect(figures(j)).toEqual({
        kube: { cpuMillicores: 160, memoryMiB: 792 },
        system: { cpuMillicores: 0, memoryMiB: 0 },
        eviction: 100,
        allocatable: { cpuMillicores: 7840, memoryMiB: 9348, pods: 110 },
      });
    });
    it.each(['1.6', '1.7', '1.16.3', '1.30', undefined])('--version %s: 330 MiB base', async (v) => {
      const j = await reserve('gdc', ...node, ...(v ? ['--version', v] : []));
      // 330 + 512 = 842; 10240 - 842 - 100 = 9298
      expect(j.kubeReserved).toEqual({ cpuMillicores: 160, memoryMiB: 842 });
      expect(j.allocatable.memoryMiB).toBe(9298);
    });
    it('refuses versions older than any published rule', async () => {
      const r = await cli('reserve', 'gdc', ...node, '--version', '1.2');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--version: Google Distributed Cloud reservations are known from 1.3 on, got 1.2 \[too_small\]/);
    });
  });

  // Kubernetes "Reserve Compute Resources for System Daemons": allocatable = capacity - kube-reserved
  // - system-reserved - eviction threshold; every figure is an input.
  it('generic, with every figure given', async () => {
    const j = await reserve(
      'generic', '--vcpus', '8', '--memory', '32GiB',
      '--kube-reserved-cpu', '1', '--kube-reserved-memory', '2GiB',
      '--system-reserved-cpu', '500m', '--system-reserved-memory', '1Gi',
      '--eviction-memory', '500Mi',
    );
    // CPU 8000 - 1000 - 500 = 6500; memory 32768 - 2048 - 1024 - 500 = 29196
    expect(figures(j)).toEqual({
      kube: { cpuMillicores: 1000, memoryMiB: 2048 },
      system: { cpuMillicores: 500, memoryMiB: 1024 },
      eviction: 500,
      allocatable: { cpuMillicores: 6500, memoryMiB: 29196, pods: 110 },
    });
  });

  it('generic names every missing flag', async () => {
    const r = await cli('reserve', 'generic', '--vcpus', '8', '--memory', '32GiB', '--kube-reserved-cpu', '1', '--eviction-memory', '100Mi');
    expect(r.code).toBe(2);
    for (const flag of ['--kube-reserved-memory', '--system-reserved-cpu', '--system-reserved-memory']) {
      expect(r.stderr).toMatch(new RegExp(`${flag}: is required for the generic profile .*\\[required\\]`));
    }
    expect(r.stderr).not.toMatch(/--kube-reserved-cpu:|--eviction-memory:/);
  });

  it('echoes --version where it changes nothing, and says so', async () => {
    for (const profile of ['eks', 'gke']) {
      const j = await reserve(profile, '--vcpus', '4', '--memory', '16GiB', '--version', '1.30');
      expect(j.version).toBe('1.30');
      expect(j.notes[0]).toBe(`--version 1.30 is echoed only: the ${profile} rule does not change with the version`);
    }
  });

  it('prints JSON whose keys name their units and whose quantities are numbers', async () => {
    const j = await reserve('eks', '--vcpus', '8', '--memory', '32GiB', '--max-pods', '58', '--version', '1.30');
    expect(Object.keys(j)).toEqual([
      'profile', 'rule', 'version', 'capacity', 'kubeReserved', 'systemReserved', 'evictionMemoryMiB', 'allocatable', 'maxPodsFrom', 'formula', 'notes',
    ]);
    expect(Object.keys(j.capacity)).toEqual(['cpuMillicores', 'memoryMiB', 'pods']);
    expect(Object.keys(j.kubeReserved)).toEqual(['cpuMillicores', 'memoryMiB']);
    expect(Object.keys(j.systemReserved)).toEqual(['cpuMillicores', 'memoryMiB']);
    expect(Object.keys(j.allocatable)).toEqual(['cpuMillicores', 'memoryMiB', 'pods']);
    const quantities = [
      ...Object.values(j.capacity), ...Object.values(j.kubeReserved), ...Object.values(j.systemReserved),
      j.evictionMemoryMiB, ...Object.values(j.allocatable),
    ];
    for (const q of quantities) expect(Number.isInteger(q)).toBe(true);
    expect(j.formula.every((f) => typeof f === 'string')).toBe(true);
  });

  it('converts decimal units and fractional CPUs, and says so', async () => {
    // 8GB = 8 x 10^9 bytes = 7629.39 MiB -> 7630; 0.5 vCPU = 500 m
    const j = await reserve('eks', '--vcpus', '0.5', '--memory', '8GB', '--max-pods', '10');
    expect(j.capacity).toEqual({ cpuMillicores: 500, memoryMiB: 7630, pods: 10 });
    expect(j.notes).toContain('--memory 8GB: decimal unit (1 GB = 1000000000 bytes) = 7629.39 MiB, rounded up to 7630 MiB; use GiB or Gi for binary sizes');
  });

  it('prints a readable table by default', async () => {
    const r = await cli('reserve', 'eks', '--vcpus', '8', '--memory', '32GiB', '--max-pods', '58');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "Node reservation (eks)

                              CPU (m)   memory (MiB)    pods
        capacity                 8000          32768      58
        kube-reserved              90            893
        system-reserved             0              0
        eviction threshold                       100
        allocatable              7910          31775      58

      Formula:
        kube-reserved memory = 11 x 58 pods + 255 = 893 MiB
        kube-reserved CPU = 6% of core 1 + 1% of core 2 + 0.5% of cores 3-4 + 0.25% above 4, per band truncated = 90 m
        eviction memory.available = 100 MiB
        allocatable CPU = 8000 - 90 - 0 = 7910 m
        allocatable memory = 32768 - 893 - 0 - 100 = 31775 MiB
      "
    `);
  });
});

type OverheadJson = OverheadReport;

async function overhead(...args: string[]): Promise<OverheadJson & { stderr: string }> {
  const r = await cli('overhead', ...args, '--format', 'json');
  expect(r.code, r.stderr).toBe(0);
  return { ...(JSON.parse(r.stdout) as OverheadJson), stderr: r.stderr };
}

describe('kernelcount overhead: each model once', () => {
  // vSphere Resource Management 6.5/6.7 "Sample Overhead Memory on Virtual Machines" (MB, meaning MiB):
  // 1024 MB: 1 vCPU 25.90, 2 vCPU 29.91; 4096 MB: 2 vCPU 52.72, 4 vCPU 60.67, 8 vCPU 76.78.
  it('esxi-6.7 reads a table cell: 4096 MiB, 2 vCPU = 52.72 -> 53 MiB', async () => {
    const j = await overhead('esxi-6.7', '--vcpus', '2', '--memory', '4GiB');
    expect(j).toMatchObject({ model: 'esxi-6.7', kind: 'vm', overheadMemoryMiB: 53, cpuMillicores: null, method: 'table' });
    expect(j.catalog.map((c) => [c.id, c.asOf, c.trust])).toEqual([['hypervisor.esxi-6.7.overheadTable', '2018-04', 'vendor']]);
    expect(j.catalog[0]!.source.title).toMatch(/vSphere Resource Management/);
    expect(j.formula[0]).toMatch(/52\.72 MiB, rounded up to 53 MiB/);
  });

  it('esxi-6.5 interpolates between cells and says so: 2048 MiB, 2 vCPU', async () => {
    // between 1024 MB (29.91) and 4096 MB (52.72): 29.91 + 22.81 x 1024/3072 = 37.513 -> 38
    const j = await overhead('esxi-6.5', '--vcpus', '2', '--memory', '2GiB');
    expect(j).toMatchObject({ overheadMemoryMiB: 38, method: 'interpolated' });
    expect(j.notes[0]).toMatch(/^interpolated: 2048 MiB, 2 vCPU lies between the cells of VMware's sample table/);
    const table = await cli('overhead', 'esxi-6.5', '--vcpus', '2', '--memory', '2GiB');
    expect(table.stdout).toMatch(/interpolated/);
  });

  it('esxi extrapolates beyond the table and flags it: 4096 MiB, 16 vCPU', async () => {
    // from the 4 and 8 vCPU cells: 76.78 + (76.78 - 60.67) x (16 - 8)/(8 - 4) = 109.00 -> 109
    const j = await overhead('esxi-6.7', '--vcpus', '16', '--memory', '4096');
    expect(j).toMatchObject({ overheadMemoryMiB: 109, method: 'extrapolated' });
    expect(j.notes[0]).toMatch(/^extrapolated: .*less reliable than a table value/);
  });

  it('a VM gets whole vCPUs: 1.5 is rounded up to 2, with a note', async () => {
    const j = await overhead('esxi-6.7', '--vcpus', '1.5', '--memory', '4GiB');
    expect(j.input).toEqual({ vcpus: 2, cpuMillicores: 1500, memoryMiB: 4096 });
    expect(j.overheadMemoryMiB).toBe(53);
    expect(j.notes).toContain('a VM has whole vCPUs: 1.5 rounded up to 2');
  });

  // KubeVirt renderresources.go GetMemoryOverhead: guest/512 page tables + 220 MiB fixed + 8 MiB per
  // vCPU + 8 MiB IOThread + 32 MiB video; +1 GiB VFIO, +256 MiB SEV, +100 MiB dedicated CPUs.
  it('kubevirt: 4096 MiB, 2 vCPU, and its options', async () => {
    // 4096/512 = 8; 8 + 220 + 16 + 8 + 32 = 284
    const j = await overhead('kubevirt', '--vcpus', '2', '--memory', '4GiB');
    expect(j).toMatchObject({ overheadMemoryMiB: 284, method: 'formula', cpuMillicores: null });
    expect(j.formula[0]).toBe('ceil(4096/512) + 220 + 8x2 vCPU + 8 IOThread + 32 video = 284 MiB');
    // + 1024 + 256 + 100 = 1664
    expect((await overhead('kubevirt', '--vcpus', '2', '--memory', '4GiB', '--vfio', '--sev', '--dedicated-cpus')).overheadMemoryMiB).toBe(1664);
    // without video: 284 - 32 = 252
    expect((await overhead('kubevirt', '--vcpus', '2', '--memory', '4GiB', '--no-video')).overheadMemoryMiB).toBe(252);
  });

  // OpenShift Virtualization "Cluster resource requirements": 0.002 x memory + 218 MiB + 8 MiB per
  // vCPU + 16 MiB per graphics device.
  it('openshift-virt: 4096 MiB, 2 vCPU, 1 or 0 graphics devices', async () => {
    // 0.002 x 4096 = 8.192 -> 9; 9 + 218 + 16 + 16 = 259
    expect((await overhead('openshift-virt', '--vcpus', '2', '--memory', '4GiB')).overheadMemoryMiB).toBe(259);
    // 259 - 16 = 243
    expect((await overhead('openshift-virt', '--vcpus', '2', '--memory', '4GiB', '--graphics-devices', '0')).overheadMemoryMiB).toBe(243);
  });

  // Firecracker SPECIFICATION.md: VMM overhead under 5 MiB; the guest kernel and init (catalog, weak: 120 MiB).
  it('firecracker: VMM + guest kernel, the weak part flagged', async () => {
    const j = await overhead('firecracker', '--vcpus', '1', '--memory', '128MiB');
    expect(j).toMatchObject({ kind: 'microvm', overheadMemoryMiB: 125, breakdown: { hypervisorMemoryMiB: 5, guestOsMemoryMiB: 120 }, cpuMillicores: 0 });
    expect(j.catalog.map((c) => `${c.id} ${c.trust}`)).toEqual(['hypervisor.firecracker.vmmMiB vendor', 'sandbox.firecracker.guestKernelMiB weak']);
    expect(j.notes.join('\n')).toMatch(/WEAK default sandbox.firecracker.guestKernelMiB/);
    expect(j.stderr).toMatch(/warning: weak default used: sandbox.firecracker.guestKernelMiB/);
  });

  // kata-deploy RuntimeClasses overhead.podFixed: kata-qemu 160Mi / 250m; kata-clh and kata-fc 130Mi / 250m.
  // gVisor density benchmark: 124 MB (runsc) - 76.7 MB (runc) = 47.3 MB = 45.1 MiB -> 46 MiB, no CPU.
  it.each([
    ['kata-qemu', 160, 250],
    ['kata-clh', 130, 250],
    ['kata-fc', 130, 250],
    ['gvisor', 46, 0],
  ])('%s: %i MiB, %i m per pod, whatever the pod size', async (model, mib, m) => {
    const j = await overhead(model, '--vcpus', '0.5', '--memory', '1GiB');
    expect(j).toMatchObject({ kind: 'pod', overheadMemoryMiB: mib, cpuMillicores: m, method: 'catalog' });
    expect(j.input).toEqual({ vcpus: 0.5, cpuMillicores: 500, memoryMiB: 1024 });
    expect(j.catalog[0]).toMatchObject({ id: `sandbox.${model}`, trust: 'vendor' });
    expect(j.notes).toContain('the pod overhead is fixed per pod: --vcpus and --memory do not change it');
    expect(j.stderr).toBe('');
  });

  it('hyperv: the weak default, clearly flagged, or your own figure', async () => {
    const weak = await overhead('hyperv', '--vcpus', '2', '--memory', '8GiB');
    expect(weak).toMatchObject({ overheadMemoryMiB: 256, method: 'catalog' });
    expect(weak.catalog[0]).toMatchObject({ id: 'hypervisor.hyperv.perVmMiB', trust: 'weak' });
    expect(weak.notes[0]).toMatch(/256 MiB is a WEAK default .*give --per-vm-overhead SIZE/);
    expect(weak.stderr).toMatch(/warning: weak default used: hypervisor.hyperv.perVmMiB/);
    const table = await cli('overhead', 'hyperv', '--vcpus', '2', '--memory', '8GiB');
    expect(table.stdout).toMatch(/hypervisor\.hyperv\.perVmMiB {2}\[WEAK\]/);

    const mine = await overhead('hyperv', '--vcpus', '2', '--memory', '8GiB', '--per-vm-overhead', '300MiB');
    expect(mine).toMatchObject({ overheadMemoryMiB: 300, method: 'user', catalog: [] });
    expect(mine.stderr).toBe('');
  });

  it('prints JSON whose keys name their units', async () => {
    const j = await overhead('kata-qemu', '--vcpus', '1', '--memory', '1GiB');
    const { stderr: _, ...json } = j;
    expect(Object.keys(json)).toEqual(['model', 'kind', 'input', 'overheadMemoryMiB', 'breakdown', 'cpuMillicores', 'method', 'formula', 'catalog', 'notes']);
    expect(typeof j.overheadMemoryMiB).toBe('number');
    expect(typeof j.cpuMillicores).toBe('number');
    expect(Object.keys(j.catalog[0]!)).toEqual(expect.arrayContaining(['id', 'label', 'value', 'unit', 'source', 'asOf', 'trust']));
  });

  it('lists every model of the one registry in --help and in the unknown-model error', async () => {
    expect(OVERHEAD_MODEL_NAMES).toEqual(['esxi-6.7', 'esxi-6.5', 'esxi-4.0', 'kubevirt', 'openshift-virt', 'firecracker', 'kata-qemu', 'kata-clh', 'kata-fc', 'kata-dragonball', 'kata-qemu-tdx', 'kata-qemu-snp', 'gvisor', 'hyperv']);
    expect(Object.keys(OVERHEAD_MODELS)).toEqual(OVERHEAD_MODEL_NAMES);
    const help = await cli('overhead', '--help');
    for (const name of OVERHEAD_MODEL_NAMES) expect(help.stdout).toMatch(new RegExp(`^  ${name.replace('.', '\\.')} `, 'm'));
    const r = await cli('overhead', 'esxi-3.5', '--vcpus', '1', '--memory', '1GiB');
    expect(r.stderr).toMatch(`model: unknown model "esxi-3.5"; models: ${OVERHEAD_MODEL_NAMES.join(', ')} [unknown_value]`);
  });
});

describe('reserve and overhead: mistakes exit 2 with the flag as the path', () => {
  const cases: Array<[string[], RegExp]> = [
    [['reserve', 'eksx', '--vcpus', '8', '--memory', '32GiB'], /profile: unknown profile "eksx"; profiles: eks, gke, aks, aks-pre-1\.29, gdc, generic \[unknown_value\]/],
    [['reserve', '--vcpus', '8', '--memory', '32GiB'], /profile: give a profile: eks, gke/],
    [['reserve', 'eks', '--vcpus', '0', '--memory', '32GiB'], /--vcpus: must be > 0, got "0" \[too_small\]/],
    [['reserve', 'eks', '--vcpus', '-2', '--memory', '32GiB'], /--vcpus: must be > 0, got "-2" \[too_small\]/],
    [['reserve', 'eks', '--vcpus', 'NaN', '--memory', '32GiB'], /--vcpus: must be a CPU amount in cores \(8, 0\.5\) or millicores \(500m\); got "NaN" \[invalid_type\]/],
    [['reserve', 'eks', '--memory', '32GiB'], /--vcpus: is required/],
    [['reserve', 'eks', '--vcpus', '8'], /--memory: is required/],
    [['reserve', 'eks', '--vcpus', '8', '--memory', '8XB'], /--memory: must be a size such as .*units: MiB, GiB, TiB, .*got "8XB" \[invalid_type\]/],
    [['reserve', 'eks', '--vcpus', '8', '--memory', '-1GiB'], /--memory: must be > 0, got "-1GiB" \[too_small\]/],
    [['reserve', 'eks', '--vcpus', '8', '--memory', '1e400GiB'], /--memory: must be a size such as/],
    [['reserve', 'eks', '--vcpus', '8', '--memory', '0'], /--memory: must be > 0, got "0" \[too_small\]/],
    [['reserve', 'eks', '--vcpus', '8', '--memory', '32GiB', '--max-pods', '2.5'], /--max-pods: must be a whole number of pods, got "2\.5" \[not_integer\]/],
    [['reserve', 'eks', '--vcpus', '8', '--memory', '32GiB', '--max-pods', '0'], /--max-pods: must be >= 1, got "0" \[too_small\]/],
    [['reserve', 'eks', '--vcpus', '8', '--memory', '32GiB', '--enis', '2.5', '--ips-per-eni', '10'], /--enis: must be a whole number of ENIs, got "2\.5" \[not_integer\]/],
    [['reserve', 'eks', '--vcpus', '8', '--memory', '32GiB', '--enis', '3'], /--ips-per-eni: is required with --enis/],
    [['reserve', 'eks', '--vcpus', '8', '--memory', '32GiB', '--max-pods', '58', '--enis', '3', '--ips-per-eni', '10'], /--enis: give either --max-pods or --enis with --ips-per-eni, not both \[conflict\]/],
    [['reserve', 'gke', '--vcpus', '8', '--memory', '32GiB', '--enis', '3', '--ips-per-eni', '10'], /--enis: applies to the eks profile only/],
    [['reserve', 'gke', '--vcpus', '8', '--memory', '32GiB', '--eviction-memory', '1GiB'], /--eviction-memory: applies to the generic profile only/],
    [['reserve', 'aks', '--vcpus', '8', '--memory', '32GiB', '--version', '1.x'], /--version: must be a Kubernetes version such as 1\.29, 1\.30\.4 or v1\.31, got "1\.x" \[invalid_type\]/],
    [['reserve', 'aks', '--vcpus', '8', '--memory', '32GiB', '--version', 'latest'], /--version: must be a Kubernetes version/],
    [['reserve', 'eks', '--vcpus', '8', '--memory', '32GiB', '--format', 'csv'], /--format: must be one of table, json/],
    [['reserve', 'eks', '--vcpus', '8', '--memory', '32GiB', '--vfio'], /unknown option --vfio/],
    [['reserve', 'eks', '--vcpus', '8', '--memory', '8', 'GiB'], /profile: unexpected "GiB": write a size without a space \(8GiB\) or quote it \("8 GiB"\) \[conflict\]/],
    [['reserve', 'eks', 'gke', '--vcpus', '8', '--memory', '8GiB'], /profile: give one profile, got also "gke" \[conflict\]/],
    [['overhead', 'kata-fc', '--vcpus', '1', '--memory', '512', 'mi'], /model: unexpected "mi": write a size without a space/],
    [['overhead', 'vmware', '--vcpus', '2', '--memory', '4GiB'], /model: unknown model "vmware"; models: esxi-6\.7, esxi-6\.5, esxi-4\.0, kubevirt, openshift-virt, firecracker, kata-qemu, kata-clh, kata-fc, kata-dragonball, kata-qemu-tdx, kata-qemu-snp, gvisor, hyperv \[unknown_value\]/],
    [['overhead', 'kubevirt', '--vcpus', '0', '--memory', '4GiB'], /--vcpus: must be > 0, got "0" \[too_small\]/],
    [['overhead', 'kubevirt', '--vcpus', '2', '--memory', '8XB'], /--memory: must be a size such as .*got "8XB" \[invalid_type\]/],
    [['overhead', 'kubevirt', '--vcpus', '2'], /--memory: is required/],
    [['overhead', 'esxi-6.7', '--vcpus', '2', '--memory', '4GiB', '--vfio'], /--vfio: applies to kubevirt only, not esxi-6\.7 \[conflict\]/],
    [['overhead', 'openshift-virt', '--vcpus', '2', '--memory', '4GiB', '--graphics-devices', '1.5'], /--graphics-devices: must be a whole number of graphics devices, got "1\.5" \[not_integer\]/],
    [['overhead', 'hyperv', '--vcpus', '2', '--memory', '4GiB', '--per-vm-overhead', 'lots'], /--per-vm-overhead: must be a size such as/],
  ];
  it.each(cases)('%j', async (args, pattern) => {
    const r = await cli(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists every problem at once', async () => {
    const r = await cli('reserve', 'eksx', '--vcpus', '0', '--memory', '8XB', '--max-pods', '2.5');
    expect(r.stderr.split('\n').filter((l) => /\[\w+\]$/.test(l))).toHaveLength(4);
  });

  it('has --help on both verbs, and the main help lists them', async () => {
    for (const verb of ['reserve', 'overhead']) {
      const r = await cli(verb, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: kernelcount ${verb} `));
      expect(r.stdout).toMatch(/a bare number is MiB/);
    }
    const main = await cli('--help');
    expect(main.stdout).toMatch(/kernelcount reserve </);
    expect(main.stdout).toMatch(/kernelcount overhead </);
  });
});

describe('overhead esxi-4.0 (the 4.0 guide table, for contrast)', () => {
  it('reads the printed cell: 1 vCPU, 1 GB = 123.73 MB -> 124 MiB', async () => {
    const r = await cli('overhead', 'esxi-4.0', '--vcpus', '1', '--memory', '1GiB', '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.overheadMemoryMiB).toBe(124);
    expect(j.method).toBe('table');
  });
  it('says when a cell is estimated because the source lacks it', async () => {
    const r = await cli('overhead', 'esxi-4.0', '--vcpus', '8', '--memory', '4GiB', '--format', 'json');
    const j = JSON.parse(r.stdout);
    expect(j.method).toBe('estimated');
    expect(j.overheadMemoryMiB).toBe(513); // 165.98 + (484.18 - 137.81) = 512.35
  });
});
