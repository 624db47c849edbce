/**
 * The per-VM overhead chart (article: vm-overhead) against its sources: the guest OS figures and
 * minimums in the catalog (RHEL 9 and Windows Server requirements), VMware's ESXi 6.7 sample table
 * (1 GB: 25.90 MB, 4 GB: 48.64 MB at 1 vCPU) and the thin-disk share, worked out by hand.
 */
import { CATALOG } from 'kernelcount';
import { describe, expect, test } from 'vitest';
import { VM_APP, vmOverhead, vmOverheadFigures, vmOverheadModel } from '../src/lib/learn/charts/vmOverhead';

const cat = <K extends keyof typeof CATALOG>(id: K): (typeof CATALOG)[K]['value'] => CATALOG[id].value;
const appMiB = VM_APP.memoryGiB * 1024;

describe('per-VM overhead', () => {
  const one = vmOverheadModel(1, 'thick');

  test('a small Linux VM is raised to the distribution minimum; a Windows VM adds the whole guest OS', () => {
    const linuxVm = Math.max(cat('guestOs.linux.minimumMemoryMiB'), appMiB + cat('guestOs.linux.memoryMiB'));
    const windowsVm = Math.max(cat('guestOs.windows.minimumMemoryMiB'), appMiB + cat('guestOs.windows.memoryMiB'));
    expect(linuxVm).toBe(1536); // RHEL 9 minimum 1.5 GiB beats 1 GiB app + 300 MiB guest
    expect(one.linux.memory.guestOs).toBe(linuxVm - appMiB);
    expect(one.windows.memory.guestOs).toBe(windowsVm - appMiB);
  });

  test('ESXi 6.7 overhead interpolated in VMware table between the 1 GB and 4 GB rows (1 vCPU)', () => {
    const at = (m: number) => Math.ceil(25.9 + ((m - 1024) * (48.64 - 25.9)) / (4096 - 1024));
    expect(one.linux.memory.hypervisor).toBe(at(1536)); // 29.69 -> 30
    expect(one.windows.memory.hypervisor).toBe(at(3072)); // 41.06 -> 42
  });

  test('the guest OS disk is the catalog figure thick, and the thin share of it thin', () => {
    const thin = vmOverheadModel(1, 'thin');
    expect(one.linux.disk.guestOs).toBe(cat('guestOs.linux.diskGiB') * 1024);
    expect(one.windows.disk.guestOs).toBe(cat('guestOs.windows.diskGiB') * 1024);
    expect(thin.windows.disk.guestOs).toBe(Math.ceil(cat('guestOs.windows.diskGiB') * 1024 * cat('vm.thinUsedFraction')));
    expect(CATALOG['vm.thinUsedFraction'].trust).toBe('weak');
  });

  test('no page sharing: N VMs cost N times one VM', () => {
    const many = vmOverheadModel(137, 'thick');
    expect(many.linux.memory).toEqual({ app: 137 * one.linux.memory.app, guestOs: 137 * one.linux.memory.guestOs, hypervisor: 137 * one.linux.memory.hypervisor });
    expect(many.windows.disk.guestOs).toBe(137 * one.windows.disk.guestOs);
  });

  test('chart, takeaway and figures agree at the defaults', () => {
    const c = vmOverhead.compute(vmOverhead.defaults);
    expect(c.labels).toEqual(['Linux VMs', 'Windows VMs']);
    expect(c.series.map((s) => s.key)).toEqual(['app', 'guestOs', 'hypervisor']);
    const f = vmOverheadFigures();
    expect(f.linuxGuestPerVm).toBe('512 MiB');
    expect(c.summary).toContain(f.linuxBeyond);
    expect(c.summary).toContain(f.windowsBeyond);
    const d = vmOverhead.compute({ ...vmOverhead.defaults, view: 'disk-thin' });
    expect(d.summary).toMatch(/thin disks, each virtual disk counted at 50%/);
  });

  test('computes fast enough to follow a slider', () => {
    vmOverhead.compute({ vms: 200, view: 'memory' });
    const t0 = performance.now();
    for (let n = 1; n <= 200; n += 20) vmOverhead.compute({ vms: n, view: 'disk-thin' });
    expect((performance.now() - t0) / 10).toBeLessThan(20);
  });
});
