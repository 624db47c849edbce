/**
 * The security-and-isolation chart against the catalog: sandbox overheads as the vendors declare
 * them, and the VM fleet's labour worked by hand from the labour ratios.
 */
import { CATALOG } from 'kernelcount';
import { describe, expect, test } from 'vitest';
import { MAX_PODS, isolationCost, isolationCostFigures, isolationCostModel } from '../src/lib/learn/charts/isolationCost';

describe('isolation cost at the defaults (1,000 instances, 0.5 vCPU and 1 GiB each)', () => {
  const { rows } = isolationCostModel(isolationCost.defaults);
  const by = (id: string) => rows.find((r) => r.id === id)!;

  test('each sandbox carries the overhead its vendor declares', () => {
    expect(by('runc').sandboxMiB).toBe(0);
    expect(by('gvisor').sandboxMiB).toBe(CATALOG['sandbox.gvisor'].value.memoryMiB); // 46: runsc vs runc, measured
    expect(by('kata-qemu').sandboxMiB).toBe(CATALOG['sandbox.kata-qemu'].value.memoryMiB); // 160Mi podFixed
    expect(by('kata-fc').sandboxMiB).toBe(CATALOG['sandbox.kata-fc'].value.memoryMiB); // 130Mi
    expect(by('kata-clh').sandboxMiB).toBe(CATALOG['sandbox.kata-clh'].value.memoryMiB); // 130Mi
    expect(by('kata-confidential').sandboxMiB).toBe(CATALOG['sandbox.kata-qemu-tdx'].value.memoryMiB); // 2048Mi
  });

  test('CPU binds, so only the runtimes that reserve CPU per pod need more hosts', () => {
    expect(by('runc').binding).toBe('cpu');
    expect(CATALOG['sandbox.gvisor'].value.cpuMillicores).toBe(0);
    expect(by('gvisor').hosts).toBe(by('runc').hosts);
    // Kata reserves 250m per pod on top of a 500m request (x1.5); confidential 1000m (x3).
    expect(CATALOG['sandbox.kata-qemu'].value.cpuMillicores).toBe(250);
    expect(by('kata-qemu').hosts).toBeGreaterThan(by('runc').hosts);
    expect(by('kata-fc').hosts).toBe(by('kata-qemu').hosts);
    expect(by('kata-confidential').hosts).toBeGreaterThan(by('kata-qemu').hosts);
  });

  test("the VMs' labour is one administrator per 150 OS instances plus one per 30 hosts", () => {
    const vm = by('vm');
    const adminYear = Number(CATALOG['labour.costPerAdminYear'].value);
    const want = (1000 / CATALOG['labour.osInstancesPerAdmin'].value + vm.hosts / CATALOG['labour.physicalServersPerAdmin'].value) * adminYear;
    expect(vm.result.yearlyCostByCategory.labour[0]!.toNumber()).toBeCloseTo(want, 2);
    expect(vm.ratio).toBeGreaterThan(5);
  });

  test('the Kubernetes platforms allow 250 pods per node', () => {
    expect(MAX_PODS).toBe(250);
    for (const r of rows) if (r.platform.type !== 'vm') expect((r.platform as { maxPods?: number }).maxPods).toBe(250);
  });

  test('the prose quotes the same numbers', () => {
    const f = isolationCostFigures();
    expect(f.instances).toBe('1,000');
    expect(f.gvisor.hosts).toBe(f.runc.hosts);
    expect(f.kataQemu.hosts).toBe(String(by('kata-qemu').hosts));
  });
});

describe('memory-heavy instances', () => {
  test('when memory binds, the sandboxes cost a smaller share', () => {
    const small = isolationCostModel({ instances: 1000, memoryGiB: 1 }).rows.find((r) => r.id === 'kata-qemu')!;
    const large = isolationCostModel({ instances: 1000, memoryGiB: 16 }).rows.find((r) => r.id === 'kata-qemu')!;
    expect(large.binding).toBe('memory');
    expect(large.ratio).toBeLessThan(small.ratio);
  });
});
