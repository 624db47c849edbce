/**
 * The hybrid article's node-VM chart: the node VMs it sizes really tile a host, and the layers it
 * shows per node VM are the catalog's reservations (the Kubernetes docs' example node) and ESXi's
 * 8% host reserve, not figures of the chart's own.
 */
import { describe, expect, test } from 'vitest';
import { CATALOG } from 'kernelcount';
import { nestedStack, nestedStackModel, nodeVmFor } from '../src/lib/learn/charts/nestedStack';
import { REFERENCE_HOST } from '../src/lib/learn/charts/common';

const generic = CATALOG['k8s.generic.reservation'].value as {
  kubeReservedMemoryMiB: number;
  systemReservedMemoryMiB: number;
  evictionMemoryMiB: number;
  kubeReservedCpuMillicores: number;
  systemReservedCpuMillicores: number;
};
const hostMiB = (REFERENCE_HOST.memoryGiB ?? 0) * 1024;

describe('node VM sizing', () => {
  test.each([1, 2, 3, 4, 6, 8, 12, 16])('%i node VMs of the chosen size fit on each host', (n) => {
    const { rows } = nestedStackModel({ ...nestedStack.defaults, nodeVmsPerHost: n });
    const nested = rows.find((r) => r.type === 'containers-in-vms')!;
    expect(nested.result.pools[0]!.nodeVmsPerHost).toBe(n);
  });

  test('node VMs get fewer vCPUs and less memory as a host is cut finer', () => {
    const sizes = [1, 2, 4, 8, 16].map(nodeVmFor);
    for (let i = 1; i < sizes.length; i++) {
      expect(sizes[i]!.vcpus).toBeLessThan(sizes[i - 1]!.vcpus);
      expect(sizes[i]!.memoryGiB).toBeLessThan(sizes[i - 1]!.memoryGiB);
    }
  });
});

describe('layers per node VM come from the catalog', () => {
  const { rows } = nestedStackModel(nestedStack.defaults);
  const nested = rows.find((r) => r.type === 'containers-in-vms')!;
  const bare = rows.find((r) => r.type === 'containers')!;
  const vms = nested.vms;
  const hosts = nested.hosts;

  test('guest OS of each node VM = system-reserved of the docs example (1 GiB)', () => {
    expect(generic.systemReservedMemoryMiB).toBe(1024);
    expect(nested.result.layers.memoryMiB.guestOs / vms).toBeCloseTo(generic.systemReservedMemoryMiB, 6);
  });

  test('node agents of each node VM = kube-reserved + eviction threshold, plus a shim per pod and the control plane', () => {
    const shims = nested.result.instances * (CATALOG['runtime.shimMemoryMiB'].value as number);
    // A stacked control plane takes 2 GiB on each of three nodes.
    const controlPlane = 3 * (CATALOG['k8s.controlPlane.perNode'].value as { memoryMiB: number }).memoryMiB;
    const perVm = (nested.result.layers.memoryMiB.runtime - shims - controlPlane) / vms;
    expect(perVm).toBeCloseTo(generic.kubeReservedMemoryMiB + generic.evictionMemoryMiB, 6);
  });

  test("ESXi keeps 8% of each host's memory for itself", () => {
    expect(CATALOG['hypervisor.esxi.hostReservePercent'].value).toBe(8);
    expect(nested.result.layers.memoryMiB.hostReserve / hosts).toBeCloseTo(0.08 * hostMiB, -1);
  });

  test('on bare metal the host keeps only system-reserved, once per host', () => {
    expect(bare.result.layers.memoryMiB.hostReserve / bare.hosts).toBeCloseTo(generic.systemReservedMemoryMiB, 6);
    expect(bare.result.layers.memoryMiB.guestOs).toBe(0);
    expect(bare.result.layers.memoryMiB.hypervisor).toBe(0);
  });

  test('each node VM gives up 1.5 CPUs to reservations (1000 m kube-reserved + 500 m system-reserved)', () => {
    const u = nested.result.pools[0]!.usablePerNodeVm!;
    const nodeVm = nodeVmFor(nestedStack.defaults.nodeVmsPerHost);
    expect(generic.kubeReservedCpuMillicores + generic.systemReservedCpuMillicores).toBe(1500);
    expect(u.cpuMillicores).toBe(nodeVm.vcpus * 1000 - 1500);
  });
});

test('small services: bare-metal nodes stop at 110 pods, node VMs each bring their own 110', () => {
  expect(CATALOG['k8s.maxPodsPerNode'].value).toBe(110);
  const { rows } = nestedStackModel({ ...nestedStack.defaults, size: '0.25x2' });
  const bare = rows.find((r) => r.type === 'containers')!;
  expect(bare.binding).toBe('pods');
  // 1,000 pods at 110 per node: 10 hosts with no spare.
  expect(bare.hosts).toBe(Math.ceil(1000 / 110));
});
