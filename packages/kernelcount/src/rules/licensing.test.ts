import { describe, it, expect } from 'vitest';
import {
  perPhysicalCoreCount,
  perVirtualCoreCount,
  rhelSubscriptions,
  SQL_SERVER_CORE_RULE,
  vmwareSubscriptionCores,
  WINDOWS_SERVER_CORE_RULE,
  windowsDatacenterBreakEvenVms,
  windowsServerHostLicence,
} from './licensing.js';

// Windows Server 2022/2025 (FACTS.md section 4): license every physical core, at least 8 per
// processor and 16 per server, in 2-core packs.
describe('Windows Server per-core minimums', () => {
  it.each([
    [1, 4, 16], // 1 x max(4, 8) = 8 -> server minimum 16
    [2, 4, 16], // 2 x 8 = 16
    [2, 8, 16], // 2 x 8 = 16
    [2, 9, 18], // 2 x 9 = 18
    [2, 10, 20], // 2 x 10 = 20
    [1, 20, 20], // 1 x 20 = 20
    [1, 17, 18], // 17 cores, 2-core packs -> 18
  ])('%s socket(s) x %s cores -> %s core licences', (sockets, coresPerSocket, licensed) => {
    expect(perPhysicalCoreCount({ sockets, coresPerSocket }, WINDOWS_SERVER_CORE_RULE).licensedCores).toBe(licensed);
    expect(windowsServerHostLicence({ sockets, coresPerSocket }, 'datacenter', 1).coreLicences).toBe(licensed);
  });
});

// Standard: each full licensing of the host's cores grants 2 OSEs; stack another per 2 more.
describe('Windows Server Standard stacking: ceil(OSEs / 2), at least 1', () => {
  const host = { sockets: 2, coresPerSocket: 8 }; // 16 cores per stack
  it.each([
    [0, 1],
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 2],
    [5, 3],
  ])('%s OSEs -> %s stack(s)', (oses, stacks) => {
    const r = windowsServerHostLicence(host, 'standard', oses);
    expect(r.stacks).toBe(stacks);
    expect(r.coreLicences).toBe(16 * stacks);
  });
});

describe('Windows Server Datacenter: unlimited OSEs, always 1 stack', () => {
  it.each([0, 1, 2, 5, 100])('%s OSEs -> 1 stack of 16 cores', (oses) => {
    const r = windowsServerHostLicence({ sockets: 2, coresPerSocket: 8 }, 'datacenter', oses);
    expect(r.stacks).toBe(1);
    expect(r.coreLicences).toBe(16);
  });
});

// Smallest VM count at which Datacenter is cheaper than stacked Standard (ceil(n/2) stacks).
describe('Windows Server Datacenter break-even VMs', () => {
  it('2022 list prices 1069 / 6155: 10 VMs = 5 stacks = 5345 < 6155; 11 VMs = 6 stacks = 6414 > 6155 -> 11', () => {
    expect(windowsDatacenterBreakEvenVms(1069, 6155)).toBe(11);
  });

  it('prices that divide exactly, 1000 / 5000: 5 stacks cost the same (not cheaper), 6 stacks = 6000 > 5000 -> 11 VMs', () => {
    expect(windowsDatacenterBreakEvenVms(1000, 5000)).toBe(11);
  });

  it('agrees with counting stacks VM by VM', () => {
    for (const [std, dc] of [
      [1069, 6155],
      [1176, 6771],
      [1000, 5000],
      [1000, 999],
      [700, 6300],
    ] as const) {
      let n = 1;
      while (!(Math.ceil(n / 2) * std > dc)) n++;
      expect(windowsDatacenterBreakEvenVms(std, dc)).toBe(n);
    }
  });
});

// SQL Server 2022: at least 4 cores per VM or container, 2-core packs.
describe('SQL Server per-VM core minimum', () => {
  it.each([
    [0.5, 4], // rounds up to 1 vCPU, minimum 4
    [4, 4],
    [5, 6], // 2-core packs
    [8, 8],
  ])('%s vCPU -> %s core licences', (vcpus, licensed) => {
    expect(perVirtualCoreCount(vcpus, SQL_SERVER_CORE_RULE).licensedCores).toBe(licensed);
  });
});

// RHEL Server: one socket-pair or 2 VMs per subscription, stackable; VDC per socket-pair, unlimited guests.
describe('RHEL subscriptions', () => {
  const host = { sockets: 2, coresPerSocket: 16 };
  it.each([
    [0, 0],
    [1, 1],
    [2, 1],
    [3, 2],
  ])("'rhel' with %s VMs -> %s subscription(s) (2 VMs each)", (vms, subs) => {
    expect(rhelSubscriptions('rhel', host, vms).subscriptions).toBe(subs);
  });

  it.each([
    [1, 1],
    [2, 1],
    [4, 2],
  ])("'rhel' bare metal with %s socket(s) -> %s subscription(s) (socket-pairs)", (sockets, subs) => {
    expect(rhelSubscriptions('rhel', { sockets, coresPerSocket: 16 }, 'bare-metal').subscriptions).toBe(subs);
  });

  it.each([0, 1, 10, 100])("'rhel-vdc' per socket-pair regardless of VMs (%s VMs)", (vms) => {
    expect(rhelSubscriptions('rhel-vdc', { sockets: 2, coresPerSocket: 16 }, vms).subscriptions).toBe(1);
    expect(rhelSubscriptions('rhel-vdc', { sockets: 4, coresPerSocket: 16 }, vms).subscriptions).toBe(2);
  });
});

// Broadcom VMware: at least 16 cores per CPU; orders below 72 cores billed as 72 (since 2025-04-10).
describe('VMware by Broadcom per-core subscription', () => {
  const host = { sockets: 2, coresPerSocket: 12 }; // 2 x max(12, 16) = 32 cores
  it('16-core minimum per CPU: 3 hosts of 2 x 12 cores = 3 x 32 = 96', () => {
    expect(vmwareSubscriptionCores([host, host, host]).licensedCores).toBe(96);
  });
  it('16-core minimum per CPU: 5 hosts of 1 x 8 cores = 5 x 16 = 80', () => {
    const small = { sockets: 1, coresPerSocket: 8 };
    expect(vmwareSubscriptionCores([small, small, small, small, small]).licensedCores).toBe(80);
  });
  it('72-core order minimum: 2 hosts of 2 x 12 = 64 counted, billed 72', () => {
    const r = vmwareSubscriptionCores([host, host]);
    expect(r.licensedCores).toBe(72);
    expect(r.formula).toContain('= 64');
  });
  it('72-core order minimum: one host of 2 x 12 = 32 counted, billed 72', () => {
    const r = vmwareSubscriptionCores([host]);
    expect(r.licensedCores).toBe(72);
    expect(r.formula).toContain('= 32');
  });
  it('no hosts -> 0 cores (no order)', () => {
    expect(vmwareSubscriptionCores([]).licensedCores).toBe(0);
  });
});
