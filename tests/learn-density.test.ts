/**
 * The density chart (article: density) against its sources: the Kubernetes default of 110 pods per
 * node, ESXi's host reserve and whole vCPUs per VM, the planning target, the guest OS figures and
 * VMware's overhead table, worked out by hand for the reference host (2 x 32 cores x 2 threads,
 * 1 TiB).
 */
import { CATALOG } from 'kernelcount';
import { describe, expect, test } from 'vitest';
import { density, densityFigures, densityModel } from '../src/lib/learn/charts/density';

const cat = <K extends keyof typeof CATALOG>(id: K): (typeof CATALOG)[K]['value'] => CATALOG[id].value;
const threadsMillicores = 2 * 32 * 2 * 1000;
const hostMiB = 1024 * 1024;
const cell = (gib: number, type: 'vm' | 'containers' | 'containers-in-vms' | 'microvm', over: Partial<{ vcpus: number; cpuOvercommit: number }> = {}) =>
  densityModel({ ...density.defaults, ...over } as never).rows.find((r) => r.memoryGiB === gib)!.cells[type];

describe('density on the reference host', () => {
  const esxiCpu = Math.floor((threadsMillicores - Math.ceil((threadsMillicores * cat('hypervisor.esxi.hostReservePercent')) / 100)) * cat('policy.targetUtilization').cpu);

  test('small VMs: each takes a whole vCPU, so CPU binds after ESXi reserve and the planning target', () => {
    expect(cell(0.25, 'vm')).toMatchObject({ perHost: Math.floor(esxiCpu / 1000), binding: 'cpu' });
    expect(cell(0.25, 'vm').perHost).toBe(94);
    // Overcommit multiplies the vCPUs a hypervisor may schedule.
    expect(cell(0.25, 'vm', { cpuOvercommit: 4 })).toMatchObject({ perHost: Math.floor((esxiCpu * 4) / 1000), binding: 'cpu' });
  });

  test('large VMs: memory binds, guest OS and per-VM overhead included', () => {
    const usable = Math.floor((hostMiB - Math.ceil((hostMiB * cat('hypervisor.esxi.hostReservePercent')) / 100)) * cat('policy.targetUtilization').memory);
    const vmMiB = 16 * 1024 + cat('guestOs.linux.memoryMiB');
    // VMware's table at 1 vCPU: 48.64 MB at 4 GB, 139.62 MB at 16 GB; extrapolated on the same line.
    const overhead = Math.ceil(139.62 + ((vmMiB - 16384) * (139.62 - 48.64)) / (16384 - 4096));
    expect(cell(16, 'vm')).toMatchObject({ perHost: Math.floor(usable / (vmMiB + overhead)), binding: 'memory' });
  });

  test('small containers and micro-VMs stop at the Kubernetes default of 110 pods per node', () => {
    expect(cat('k8s.maxPodsPerNode')).toBe(110);
    expect(cell(0.25, 'containers')).toMatchObject({ perHost: 110, binding: 'pods' });
    expect(cell(0.25, 'microvm')).toMatchObject({ perHost: 110, binding: 'pods' });
    // Pods are placed on requests: hypervisor overcommit does not change bare-metal containers.
    expect(cell(0.25, 'containers', { cpuOvercommit: 8 })).toEqual(cell(0.25, 'containers'));
  });

  test('memory per small instance: a VM is raised to the OS minimum plus ESXi overhead; a container adds a shim', () => {
    const vmMiB = cat('guestOs.linux.minimumMemoryMiB'); // 256 MiB app + 300 MiB guest is below the minimum
    const overhead = Math.ceil(25.9 + ((vmMiB - 1024) * (48.64 - 25.9)) / (4096 - 1024)); // VMware table, 1 vCPU
    expect(cell(0.25, 'vm').memoryMiB).toBe(vmMiB + overhead);
    expect(cell(0.25, 'containers').memoryMiB).toBe(256 + cat('runtime.shimMemoryMiB'));
  });

  test('containers in VMs: pods per node VM times node VMs per host', () => {
    const { rows, nodeVmsPerHost } = densityModel(density.defaults);
    const nested = rows[0]!.cells['containers-in-vms'];
    expect(nested.perHost % nodeVmsPerHost).toBe(0);
    expect(nested.perHost / nodeVmsPerHost).toBeLessThanOrEqual(110);
  });

  test('the takeaway and the figures quote the chart', () => {
    const c = density.compute(density.defaults);
    const f = densityFigures();
    expect(c.summary).toContain(`${f.vmSmall} VMs (CPU)`);
    expect(c.summary).toContain(`${f.ctSmall} bare-metal containers (pod limit)`);
    expect(c.table.rows[0]![1]).toBe(`${f.vmSmall} (CPU)`);
  });

  test('computes fast enough to follow a slider', () => {
    density.compute({ vcpus: 1, cpuOvercommit: 2 });
    const t0 = performance.now();
    for (const oc of [1, 3, 5, 8]) density.compute({ vcpus: 0.5, cpuOvercommit: oc });
    expect((performance.now() - t0) / 4).toBeLessThan(20);
  });
});
