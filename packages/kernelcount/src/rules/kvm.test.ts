import { describe, it, expect } from 'vitest';
import { kubevirtOverheadMiB, openshiftVirtOverheadMiB, proxmoxHostReserveMiB } from './kvm.js';
import { CATALOG } from '../catalog/catalog.js';

const kubevirt = CATALOG['hypervisor.kubevirt.formula'].value;
const openshift = CATALOG['hypervisor.openshift-virt.formula'].value;
const proxmoxBase = CATALOG['hypervisor.proxmox.hostMemoryMiB'].value;
const zfsArc = CATALOG['hypervisor.proxmox.zfsArc'].value;

// KubeVirt renderresources.go (FACTS.md section 1): guest / 512 (page tables) + 220 fixed
// + 8 per vCPU + 8 IOThread + 32 video; +1024 VFIO, +256 SEV, +100 dedicated CPUs.
describe('KubeVirt per-VM memory overhead', () => {
  it('4096 MiB, 2 vCPU: 4096/512 + 220 + 8x2 + 8 + 32 = 8 + 220 + 16 + 8 + 32 = 284', () => {
    expect(kubevirtOverheadMiB(kubevirt, 4096, 2).overheadMiB).toBe(284);
  });

  it('16384 MiB, 4 vCPU: 32 + 220 + 32 + 8 + 32 = 324', () => {
    expect(kubevirtOverheadMiB(kubevirt, 16384, 4).overheadMiB).toBe(324);
  });

  it('memory not a multiple of 512 (1000 MiB, 1 vCPU): page tables ceil(1.95) = 2, 2 + 220 + 8 + 8 + 32 = 270', () => {
    expect(kubevirtOverheadMiB(kubevirt, 1000, 1).overheadMiB).toBe(270);
  });

  it('one MiB over a multiple of 512 (4097 MiB, 2 vCPU): page tables ceil(8.002) = 9, total 285', () => {
    expect(kubevirtOverheadMiB(kubevirt, 4097, 2).overheadMiB).toBe(285);
  });

  it('video off drops the 32 MiB video share: 284 - 32 = 252', () => {
    expect(kubevirtOverheadMiB(kubevirt, 4096, 2, { video: false }).overheadMiB).toBe(252);
  });

  it('VFIO passthrough adds 1 GiB: 284 + 1024 = 1308', () => {
    expect(kubevirtOverheadMiB(kubevirt, 4096, 2, { vfio: true }).overheadMiB).toBe(1308);
  });

  it('SEV adds 256 MiB: 284 + 256 = 540', () => {
    expect(kubevirtOverheadMiB(kubevirt, 4096, 2, { sev: true }).overheadMiB).toBe(540);
  });

  it('dedicated CPUs add 100 MiB: 284 + 100 = 384', () => {
    expect(kubevirtOverheadMiB(kubevirt, 4096, 2, { dedicatedCpus: true }).overheadMiB).toBe(384);
  });

  it('all options together: 284 + 1024 + 256 + 100 = 1664, and the formula shows them', () => {
    const r = kubevirtOverheadMiB(kubevirt, 4096, 2, { vfio: true, sev: true, dedicatedCpus: true });
    expect(r.overheadMiB).toBe(1664);
    expect(r.formula).toContain('1380 options');
    expect(r.formula).toContain('= 1664 MiB');
  });
});

// openshift-docs virt-cluster-resource-requirements.adoc (FACTS.md section 1):
// 0.002 x requested memory + 218 + 8 per vCPU + 16 per graphics device.
// The docs state no rounding; the proportional share is taken up to whole MiB.
describe('OpenShift Virtualization per-VM memory overhead', () => {
  it('4096 MiB, 2 vCPU, 1 graphics device: ceil(8.192) = 9 + 218 + 16 + 16 = 259', () => {
    expect(openshiftVirtOverheadMiB(openshift, 4096, 2).overheadMiB).toBe(259);
  });

  it('10000 MiB, 2 vCPU, no graphics device: 20 + 218 + 16 + 0 = 254', () => {
    expect(openshiftVirtOverheadMiB(openshift, 10000, 2, 0).overheadMiB).toBe(254);
  });

  it('16384 MiB, 4 vCPU, 2 graphics devices: ceil(32.768) = 33 + 218 + 32 + 32 = 315', () => {
    expect(openshiftVirtOverheadMiB(openshift, 16384, 4, 2).overheadMiB).toBe(315);
  });

  it('500 MiB, 1 vCPU: exactly 0.002 x 500 = 1, no rounding: 1 + 218 + 8 + 16 = 243', () => {
    expect(openshiftVirtOverheadMiB(openshift, 500, 1).overheadMiB).toBe(243);
  });
});

// Proxmox VE admin guide (FACTS.md section 2): 2048 MiB for OS and services + ZFS ARC,
// 10% of RAM capped at 16 GiB (PVE >= 8.1). The cap is reached at 16384 / 10% = 163840 MiB.
describe('Proxmox VE host memory reserve', () => {
  it('below the ARC cap (65536 MiB): ARC ceil(6553.6) = 6554, reserve 2048 + 6554 = 8602', () => {
    const r = proxmoxHostReserveMiB(proxmoxBase, zfsArc, 65536, true);
    expect(r.arcMiB).toBe(6554);
    expect(r.reserveMiB).toBe(8602);
  });

  it('just below the cap edge (163830 MiB): ARC 16383, reserve 18431', () => {
    const r = proxmoxHostReserveMiB(proxmoxBase, zfsArc, 163830, true);
    expect(r.arcMiB).toBe(16383);
    expect(r.reserveMiB).toBe(18431);
  });

  it('at the cap edge (163840 MiB): 10% = 16384 = cap, reserve 18432', () => {
    const r = proxmoxHostReserveMiB(proxmoxBase, zfsArc, 163840, true);
    expect(r.arcMiB).toBe(16384);
    expect(r.reserveMiB).toBe(18432);
  });

  it('above the cap (262144 MiB): ARC held at 16384, reserve 18432', () => {
    const r = proxmoxHostReserveMiB(proxmoxBase, zfsArc, 262144, true);
    expect(r.arcMiB).toBe(16384);
    expect(r.reserveMiB).toBe(18432);
  });

  it('without ZFS: only the 2048 MiB for the OS, no ARC', () => {
    const r = proxmoxHostReserveMiB(proxmoxBase, zfsArc, 262144, false);
    expect(r.arcMiB).toBe(0);
    expect(r.reserveMiB).toBe(2048);
    expect(r.formula).toContain('no ZFS');
  });
});

describe('bad input to the KVM overhead rules', () => {
  it('names the field and says what was expected', () => {
    const f = CATALOG['hypervisor.kubevirt.formula'].value;
    expect(() => kubevirtOverheadMiB(f, 0, 2)).toThrow(/memoryMiB: must be at least 1 MiB, got 0/);
    expect(() => kubevirtOverheadMiB(f, 4096, 1.5)).toThrow(/vcpus: must be a whole number vCPUs, got 1.5/);
    expect(() => openshiftVirtOverheadMiB(CATALOG['hypervisor.openshift-virt.formula'].value, 4096, 2, -1)).toThrow(/graphicsDevices: must be at least 0/);
  });
});
