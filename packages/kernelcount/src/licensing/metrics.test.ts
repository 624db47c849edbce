// The metric counters, at every band edge of the vendors' rules (FACTS.md section 4), worked out
// by hand from the rule text.
import { describe, expect, it } from 'vitest';
import { countHost, countOrder, physicalCoreLicensing, stacksFor, type HostUsage } from './metrics.js';

const WINDOWS = { minPerProcessor: 8, minPerServer: 16, packCores: 2 };
const host = (h: Partial<HostUsage>): HostUsage => ({ count: 1, sockets: 2, coresPerSocket: 16, oses: 0, ...h });

// Windows Server 2022/2025: license every physical core, at least 8 per processor and 16 per server, 2-core packs.
describe('per physical core with per-processor and per-server minimums', () => {
  it.each([
    [1, 4, 16], // 1 x max(4, 8) = 8 -> server minimum 16
    [2, 4, 16], // 2 x 8 = 16
    [2, 8, 16],
    [2, 9, 18],
    [2, 10, 20],
    [1, 20, 20],
    [1, 17, 18], // 17 cores in 2-core packs -> 18
    [4, 8, 32],
  ])('%s socket(s) x %s cores -> %s core licences', (sockets, coresPerSocket, cores) => {
    expect(physicalCoreLicensing({ sockets, coresPerSocket }, WINDOWS).units).toBe(cores);
  });
  it('VMware: at least 16 per CPU, no server minimum, single cores', () => {
    expect(physicalCoreLicensing({ sockets: 2, coresPerSocket: 12 }, { minPerProcessor: 16, minPerServer: 0, packCores: 1 }).units).toBe(32);
    expect(physicalCoreLicensing({ sockets: 1, coresPerSocket: 17 }, { minPerProcessor: 16, minPerServer: 0, packCores: 1 }).units).toBe(17);
  });
  it('SQL Server physical OSE: at least 4 per processor', () => {
    expect(physicalCoreLicensing({ sockets: 2, coresPerSocket: 2 }, { minPerProcessor: 4, minPerServer: 0, packCores: 2 }).units).toBe(8);
  });
});

// Standard: each full licensing grants 2 OSEs; stack another per 2 more. Datacenter: unlimited.
describe('OSE grants and stacking', () => {
  it.each([
    [0, 1],
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 2],
    [5, 3],
    [11, 6],
  ])('%s OSEs at 2 per licensing -> %s licensing(s)', (oses, stacks) => {
    expect(stacksFor(oses, 2)).toBe(stacks);
    const standard = { kind: 'per-physical-core', ...WINDOWS, osesPerLicensing: 2 } as const;
    expect(countHost(standard, host({ coresPerSocket: 8, oses })).units).toBe(16 * stacks);
  });
  it.each([0, 1, 2, 5, 100])('unlimited OSEs: %s -> one licensing', (oses) => {
    expect(stacksFor(oses, 'unlimited')).toBe(1);
    const dc = { kind: 'per-physical-core', ...WINDOWS, osesPerLicensing: 'unlimited' } as const;
    expect(countHost(dc, host({ coresPerSocket: 8, oses })).units).toBe(16);
  });
});

// SQL Server 2022 per VM: at least 4 cores per VM or container, 2-core packs. Windows per VM: at least 8.
describe('per virtual core with a per-instance minimum', () => {
  const sql = { kind: 'per-virtual-core', minPerInstance: 4, packCores: 2 } as const;
  it.each([
    [0.5, 4], // 1 vCPU after rounding up, minimum 4
    [4, 4],
    [5, 6],
    [8, 8],
  ])('%s vCPU -> %s core licences', (vcpus, cores) => {
    expect(countHost(sql, host({ oses: 1, guests: [{ vcpus, count: 1 }] })).units).toBe(cores);
  });
  it('sums guest groups: 3 x 2 vCPU and 1 x 10 vCPU under Windows per VM (min 8) = 34', () => {
    const perVm = { kind: 'per-virtual-core', minPerInstance: 8, packCores: 2 } as const;
    expect(countHost(perVm, host({ oses: 4, guests: [{ vcpus: 2, count: 3 }, { vcpus: 10, count: 1 }] })).units).toBe(34);
  });
});

// Oracle processor metric: physical cores x core factor, rounded up.
describe('per processor with a core factor', () => {
  it.each([
    [1, 1, 1],
    [1, 3, 2],
    [2, 16, 16],
    [2, 15, 15],
  ])('%s x %s cores at 0.5 -> %s processors', (sockets, coresPerSocket, units) => {
    expect(countHost({ kind: 'per-processor', coreFactor: 0.5 }, host({ sockets, coresPerSocket })).units).toBe(units);
  });
});

// RHEL: socket-pair on bare metal, or 2 guests per subscription; VDC: unlimited guests per socket-pair.
describe('per socket-pair with guest entitlements', () => {
  const rhel = { kind: 'per-socket-pair', guestsPerUnit: 2 } as const;
  const vdc = { kind: 'per-socket-pair', guestsPerUnit: 'unlimited' } as const;
  it.each([
    [0, 0],
    [1, 1],
    [2, 1],
    [3, 2],
  ])('%s guests -> %s RHEL subscriptions', (oses, units) => {
    expect(countHost(rhel, host({ oses })).units).toBe(units);
  });
  it.each([
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 2],
  ])('%s sockets -> %s socket-pairs (bare metal, and VDC at any guest count)', (sockets, units) => {
    expect(countHost(rhel, host({ sockets, bareMetal: true })).units).toBe(units);
    expect(countHost(vdc, host({ sockets, oses: 100 })).units).toBe(units);
  });
  it('OpenShift bare metal: a socket-pair covers up to 128 cores', () => {
    const os = { kind: 'per-socket-pair', guestsPerUnit: 'unlimited', maxCoresPerUnit: 128 } as const;
    expect(countHost(os, host({ sockets: 2, coresPerSocket: 64, bareMetal: true })).units).toBe(1);
    expect(countHost(os, host({ sockets: 2, coresPerSocket: 65, bareMetal: true })).units).toBe(2);
  });
});

// OpenShift core-pair: 2 physical cores, or 4 vCPUs.
describe('per core-pair', () => {
  const cp = { kind: 'per-core-pair', physicalCoresPerUnit: 2, vcpusPerUnit: 4 } as const;
  it.each([
    [4, 1],
    [5, 2],
    [8, 2],
  ])('%s vCPUs -> %s core-pairs', (vcpus, units) => {
    expect(countHost(cp, host({ oses: 1, guests: [{ vcpus, count: 1 }] })).units).toBe(units);
  });
  it('bare metal 2 x 15 cores -> 15 core-pairs; 1 x 3 cores -> 2', () => {
    expect(countHost(cp, host({ sockets: 2, coresPerSocket: 15, bareMetal: true })).units).toBe(15);
    expect(countHost(cp, host({ sockets: 1, coresPerSocket: 3, bareMetal: true })).units).toBe(2);
  });
});

describe('order-scoped metrics', () => {
  it('cluster-hours: clusters x hours (8,760 by default)', () => {
    expect(countOrder({ kind: 'per-cluster-hour' }, { hosts: [], clusters: 3 }).units).toBe(26280);
    expect(countOrder({ kind: 'per-cluster-hour' }, { hosts: [], clusters: 1, hoursPerYear: 730 }).units).toBe(730);
  });
  it('users: users x 12 months', () => {
    expect(countOrder({ kind: 'per-user' }, { hosts: [], users: 7 }).units).toBe(84);
  });
});
