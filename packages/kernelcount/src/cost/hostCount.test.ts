import { describe, expect, it } from 'vitest';
import { money } from '../money.js';
import { sizePlatform, type PlatformSizing } from '../platforms/size.js';
import { parseScenarioWithCatalog } from '../scenario/validate.js';
import { cheapestHostCount, MAX_ADDED_HOSTS } from './hostCount.js';
import { licenceDrafts } from './licences.js';
import type { LineItem } from './lineItems.js';

// A Windows VM platform (its windows pool's licence depends on its guests per host), sized for
// real; the prices below are made up per host count, to check the search, not the model.
const { scenario, catalog } = parseScenarioWithCatalog(
  {
    hosts: [{ name: 'h', sockets: 2, coresPerSocket: 8, memoryGiB: 128, price: 3000, diskGiB: 2000 }],
    workloads: [{ name: 'w', instances: 21, os: 'windows', vcpus: 1, memoryGiB: 1 }],
    platforms: [{ type: 'vm', windowsLicensing: 'standard' }],
  },
  { today: '2026-11-22' },
);
const platform = scenario.platforms[0]!;
const packed = sizePlatform(platform, scenario, catalog);
const resize = (added: Record<string, number>) => sizePlatform(platform, scenario, catalog, added);

function item(component: string, total: number): LineItem {
  return { component, total: money(total) } as LineItem;
}

/** Prices `n` added hosts as `hosts(n)` of hardware and `licence(n)` of Windows Server; records what was asked. */
function pricer(hosts: (n: number) => number, licence: (n: number) => number) {
  const asked: number[] = [];
  const price = (s: PlatformSizing) => {
    const n = s.addedHosts;
    asked.push(n);
    return { items: [item('hardware', hosts(n)), item('windows-server', licence(n))], morePays: ['windows'] };
  };
  return { asked, price };
}

describe('cheapestHostCount (hosts added while they cost less than the licences they save)', () => {
  it('keeps the fewest hosts when a host costs more than any licence it could save, after one try', () => {
    const { asked, price } = pricer((n) => 10_000 * (packed.loadHosts + n), () => 5_000);
    const c = cheapestHostCount(packed, resize, price);
    expect(c.sizing.addedHosts).toBe(0);
    // One host more: 10,000 more hardware and no saving; its hardware alone is already above the
    // best total (the licence being 5,000), so no larger count is tried.
    expect(asked).toEqual([0, 1]);
  });

  it('is exact over host counts: tries past a host that saves nothing while the rest could still pay', () => {
    // The licence falls only at 2 hosts added (1,000, then 100), each host 300: totals 1,000, 1,300,
    // 700, 1,000 for 0-3 added. At 3, the hardware alone (900) is above the best (700): it stops.
    const { asked, price } = pricer((n) => 300 * n, (n) => (n < 2 ? 1_000 : 100));
    const c = cheapestHostCount(packed, resize, price);
    expect(c.sizing.addedHosts).toBe(2);
    expect(c.priced.items.map((i) => i.total.toNumber())).toEqual([600, 100]);
    expect(asked).toEqual([0, 1, 2, 3]);
    expect(c.packed.sizing).toBe(packed);
  });

  it('keeps the fewer hosts on a tie', () => {
    const { price } = pricer((n) => 500 * n, (n) => 1_000 - 500 * Math.min(n, 1));
    expect(cheapestHostCount(packed, resize, price).sizing.addedHosts).toBe(0);
  });

  it(`adds at most ${MAX_ADDED_HOSTS} hosts to a pool, however much each saves`, () => {
    const { asked, price } = pricer((n) => n, (n) => 1_000_000 - 1_000 * n);
    expect(cheapestHostCount(packed, resize, price).sizing.addedHosts).toBe(MAX_ADDED_HOSTS);
    expect(Math.max(...asked)).toBe(MAX_ADDED_HOSTS);
  });

  it('sizes the added hosts for real: more load hosts, the same guests spread over them', () => {
    const wider = resize({ windows: 2 });
    expect(wider.loadHosts).toBe(packed.loadHosts + 2);
    expect(wider.pools[0]!.addedHosts).toBe(2);
    expect(wider.instances).toBe(packed.instances);
    expect(wider.pools[0]!.osesPerHost.reduce((a, x) => a + x.hosts * x.oses, 0)).toBe(21);
    expect(wider.pools[0]!.utilization.memory).toBeLessThan(packed.pools[0]!.utilization.memory);
  });

  it('tries only the pools the pricing names in morePays', () => {
    const asked: number[] = [];
    cheapestHostCount(packed, resize, (sz) => (asked.push(sz.addedHosts), { items: [item('windows-server', 1_000_000)], morePays: [] }));
    expect(asked).toEqual([0]);
  });
});

describe('morePays (whether more hosts could license the guests for less, price-free)', () => {
  const pools = (input: Record<string, unknown>) => {
    const p = parseScenarioWithCatalog(input, { today: '2026-11-22' });
    return licenceDrafts(sizePlatform(p.scenario.platforms[0]!, p.scenario, p.catalog), p.scenario, p.catalog).morePays;
  };
  const host = { name: 'h', sockets: 2, coresPerSocket: 8, memoryGiB: 128, price: 3000, diskGiB: 2000 };
  const vms = (instances: number, spares: number, windowsLicensing = 'standard') => ({
    hosts: [host],
    workloads: [{ name: 'w', instances, os: 'windows', cpuMillicores: 50, memoryMiB: 64 }],
    platforms: [{ type: 'vm', windowsLicensing }],
    policy: { ha: { spareHosts: spares } },
  });

  it('names a Windows pool whose spare is licensed like a busy host', () => {
    // 21 VMs on one load host and a spare: 11 + 11 licensings now; with 2 load hosts at least
    // max(2, 11) + 1 spare x ceil(ceil(21/2) / 2) = 11 + 6 = 17.
    expect(pools(vms(21, 1))).toEqual(['windows']);
  });

  it('leaves out a pool already at the bound: 20 VMs on one host, no spare (10 licensings, and at least 10 on any number of hosts)', () => {
    expect(pools(vms(20, 0))).toEqual([]);
  });

  it('leaves out Datacenter alone, per-VM licensing and Linux guests without RHEL', () => {
    expect(pools(vms(21, 1, 'datacenter'))).toEqual([]);
    expect(pools(vms(21, 1, 'per-vm'))).toEqual([]);
    expect(pools({ hosts: [host], workloads: [{ name: 'w', instances: 21, vcpus: 1, memoryGiB: 1 }], platforms: [{ type: 'vm' }], policy: { ha: { spareHosts: 1 } } })).toEqual([]);
  });

  it('names a Linux pool licensed with RHEL per 2 guests when a spare is licensed like its busiest host', () => {
    const input = { hosts: [host], workloads: [{ name: 'w', instances: 21, vcpus: 1, memoryGiB: 1 }], platforms: [{ type: 'vm', linuxLicence: 'rhel' }], policy: { ha: { spareHosts: 1 } } };
    expect(pools(input)).toEqual(['linux']);
  });
});
