// Expected values are worked out by hand from the vendors' rules (FACTS.md section 4 and the
// sources cited in products.ts) and the catalog's list prices, not read back from the code.
import { describe, expect, it } from 'vitest';
import { CatalogView } from '../catalog/tracker.js';
import { KernelcountError } from '../errors.js';
import { money, sumMoney } from '../money.js';
import { quoteLicences } from './engine.js';
import type { HostUsage } from './metrics.js';

const host = (h: Partial<HostUsage> = {}): HostUsage => ({ count: 1, sockets: 2, coresPerSocket: 16, oses: 0, ...h });
// List prices pinned here so the expectations do not move when a catalog default is updated.
const prices = new CatalogView(
  {
    'licence.windows-server-standard': '1069',
    'licence.windows-server-datacenter': '6155',
    'licence.sql-server-standard': '3945',
    'licence.sql-server-enterprise': '15123',
    'licence.softwareAssurancePercentPerYear': 25,
    'licence.windows-server-payg': '33.58',
    'licence.rhel': '799',
    'licence.rhel-vdc': '2655',
    'licence.vvf': '135',
    'controlPlane.eks': '0.10',
    'controlPlane.eks-extended': '0.60',
    'controlPlane.gke': '0.10',
    'controlPlane.gke.monthlyCredit': '74.40',
    'controlPlane.aks': '0.10',
    'licence.docker-team': '15',
  },
  '2026-11-22',
);
const opts = { prices, amortizationYears: 5 };

function issuesOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(KernelcountError);
    return (e as KernelcountError).issues.map((i) => `${i.path}:${i.code}`);
  }
  throw new Error('expected a KernelcountError');
}

describe('Windows Server per core: Standard stacks per 2 OSEs, Datacenter unlimited', () => {
  const both = ['windows-server-standard', 'windows-server-datacenter'];
  const perCore = { ...opts, allow: ['windows-server-standard/per-core', 'windows-server-datacenter/per-core'] };

  it('5 VMs on 2 x 16 cores under Standard: 3 licensings x 32 cores = 96 core licences at 1069/16 over 5 years', () => {
    const q = quoteLicences(['windows-server-standard'], { hosts: [host({ oses: 5 })] }, { ...opts, allow: ['windows-server-standard/per-core'] });
    expect(q.lines).toHaveLength(1);
    expect(q.lines[0]!.quantity.toNumber()).toBe(96);
    expect(q.annualCost.toString()).toBe(money(96).times(1069).div(16).div(5).toString());
  });

  it.each([
    // 16-core host: Standard costs ceil(n/2) x 1069, Datacenter 6155; 5 x 1069 = 5345 < 6155 < 6 x 1069 = 6414.
    [10, 'windows-server-standard'],
    [11, 'windows-server-datacenter'],
  ])('%s VMs on a 16-core host -> %s, break-even at 11 VMs', (oses, product) => {
    const q = quoteLicences(both, { hosts: [host({ coresPerSocket: 8, oses })] }, perCore);
    const g = q.hostGroups[0]!;
    expect(g.chosen.product).toBe(product);
    expect(g.rejected[0]!.compliant).toBe(true);
    expect(g.breakEven?.guests).toBe(11);
    expect(g.breakEven?.cheaperFrom).toBe('windows-server-datacenter/per-core');
  });

  it('the minimums apply before stacking: 1 socket x 4 cores counts 16 cores per licensing', () => {
    const q = quoteLicences(['windows-server-standard'], { hosts: [host({ sockets: 1, coresPerSocket: 4, oses: 3 })] }, { ...opts, allow: ['windows-server-standard/per-core'] });
    expect(q.lines[0]!.quantity.toNumber()).toBe(32);
  });

  it('per VM: each VM licenses its virtual cores, at least 8, and Software Assurance is required', () => {
    const q = quoteLicences(['windows-server-standard'], { hosts: [host({ oses: 3, guests: [{ vcpus: 2, count: 2 }, { vcpus: 10, count: 1 }] })] }, { ...opts, allow: ['windows-server-standard/per-vm'] });
    expect(q.lines.map((l) => l.quantity.toNumber())).toEqual([26, 26]); // 8 + 8 + 10
    expect(q.lines[1]!.name).toMatch(/Software Assurance \(25% of the price a year, required/);
    expect(q.lines[1]!.unitPrice.toString()).toBe(money(1069).div(16).times(25).div(100).toString());
  });

  it('per VM cannot license a physical host', () => {
    const q = quoteLicences(['windows-server-standard'], { hosts: [host({ bareMetal: true })] }, opts);
    const perVm = q.hostGroups[0]!.rejected.find((r) => r.option === 'per-vm')!;
    expect(perVm.compliant).toBe(false);
    expect(perVm.reason).toMatch(/not a physical host/);
  });

  it('pay-as-you-go through Azure Arc bills each vCPU per month with no minimum', () => {
    const q = quoteLicences(['windows-server-standard'], { hosts: [host({ oses: 2, guests: [{ vcpus: 2, count: 2 }] })] }, { ...opts, allow: ['windows-server-standard/payg'] });
    expect(q.lines[0]!.quantity.toNumber()).toBe(4);
    expect(q.annualCost.toString()).toBe(money('33.58').times(12).times(4).toString());
  });

  it('a container host with process-isolated containers needs one licensing (no OSEs)', () => {
    const q = quoteLicences(['windows-server-standard'], { hosts: [host({ bareMetal: true, oses: 0 })] }, { ...opts, allow: ['windows-server-standard/per-core'] });
    expect(q.lines[0]!.quantity.toNumber()).toBe(32);
  });

  it('Hyper-V isolated containers count as OSEs: 5 of them need 3 Standard licensings', () => {
    const q = quoteLicences(['windows-server-standard'], { hosts: [host({ bareMetal: true, oses: 5 })] }, { ...opts, allow: ['windows-server-standard/per-core'] });
    expect(q.lines[0]!.quantity.toNumber()).toBe(96);
  });
});

describe('SQL Server: per core, at least 4 per VM; Enterprise + SA licenses unlimited VMs', () => {
  it.each([
    [1, 4],
    [4, 4],
    [5, 6], // 2-core packs
    [6, 6],
  ])('a %s-vCPU VM licenses %s cores', (vcpus, cores) => {
    const q = quoteLicences(['sql-server-standard'], { hosts: [host({ oses: 1, guests: [{ vcpus, count: 1 }] })] }, { ...opts, allow: ['sql-server-standard/per-vm'] });
    expect(q.lines[0]!.quantity.toNumber()).toBe(cores);
  });

  it('physical OSE: at least 4 cores per processor', () => {
    const q = quoteLicences(['sql-server-standard'], { hosts: [host({ sockets: 2, coresPerSocket: 2, bareMetal: true })] }, opts);
    expect(q.hostGroups[0]!.chosen.option).toBe('per-core');
    expect(q.lines[0]!.quantity.toNumber()).toBe(8);
  });

  // Per VM of 4 vCPUs (Software Assurance required since SQL Server 2022): 4 x 15123/2/5 = 6049.2
  // licence + 4 x 7561.5 x 25% = 7561.5 assurance = 13610.7 a year. Unlimited on 32 cores: 32 x 1512.3
  // + 32 x 7561.5 x 25% = 48393.6 + 60492 = 108885.6 = exactly 8 VMs; from 9 VMs unlimited is cheaper.
  it.each([
    [8, 'per-vm'],
    [9, 'unlimited-virtualization'],
  ])('%s four-vCPU VMs on a 32-core host -> %s', (n, option) => {
    const q = quoteLicences(['sql-server-enterprise'], { hosts: [host({ oses: n, guests: [{ vcpus: 4, count: n }] })] }, opts);
    expect(q.hostGroups[0]!.chosen.option).toBe(option);
    expect(q.hostGroups[0]!.breakEven?.guests).toBe(9);
  });
});

describe('RHEL: socket-pair or 2 VMs; Virtual Datacenters unlimited guests per socket-pair', () => {
  it.each([
    [0, 0],
    [1, 1],
    [2, 1],
    [3, 2],
    [5, 3],
  ])('%s VMs need %s RHEL Server subscriptions', (oses, subs) => {
    const q = quoteLicences(['rhel'], { hosts: [host({ oses })] }, opts);
    expect(q.hostGroups[0]!.chosen.count.units).toBe(subs);
  });
  it.each([
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 2],
  ])('a %s-socket host needs %s socket-pair subscriptions (bare metal, or VDC)', (sockets, pairs) => {
    expect(quoteLicences(['rhel'], { hosts: [host({ sockets, bareMetal: true })] }, opts).hostGroups[0]!.chosen.count.units).toBe(pairs);
    expect(quoteLicences(['rhel-vdc'], { hosts: [host({ sockets, oses: 40 })] }, opts).hostGroups[0]!.chosen.count.units).toBe(pairs);
  });
  it('RHEL for Virtual Datacenters does not cover a bare-metal host', () => {
    expect(issuesOf(() => quoteLicences(['rhel-vdc'], { hosts: [host({ bareMetal: true })] }, opts))).toEqual(['hosts[0]:conflict']);
  });
  it('picks VDC over stacked RHEL Server once 4 socket-pair RHEL subscriptions cost more (799 x 4 > 2655)', () => {
    const at = (oses: number) => quoteLicences(['rhel', 'rhel-vdc'], { hosts: [host({ oses })] }, opts).hostGroups[0]!;
    expect(at(6).chosen.product).toBe('rhel'); // 3 x 799 = 2397 < 2655
    expect(at(7).chosen.product).toBe('rhel-vdc'); // 4 x 799 = 3196 > 2655
    expect(at(6).breakEven?.guests).toBe(7);
  });
});

describe('VMware by Broadcom: per core, at least 16 per CPU, orders of at least 72 cores', () => {
  it.each([
    // [hosts, sockets, cores per socket, counted, billed]
    [1, 1, 8, 16, 72],
    [2, 2, 12, 64, 72], // 16 per CPU
    [1, 2, 36, 72, 72],
    [3, 2, 16, 96, 96],
  ])('%s host(s) of %s x %s cores: %s counted, %s billed', (count, sockets, coresPerSocket, counted, billed) => {
    const q = quoteLicences(['vvf'], { hosts: [host({ count, sockets, coresPerSocket, oses: 4 })] }, opts);
    const units = sumMoney(q.lines.map((l) => l.quantity)).toNumber();
    expect(units).toBe(billed);
    expect(q.hostGroups[0]!.chosen.count.units * count).toBe(counted);
    expect(q.annualCost.toString()).toBe(money(billed).times(135).toString());
    if (billed > counted) expect(q.notes.join(' ')).toMatch(/72 order minimum/);
  });
  it('VCF notes its vSAN entitlement', () => {
    expect(quoteLicences(['vcf'], { hosts: [host({ oses: 1 })] }, opts).notes.join(' ')).toMatch(/1 TiB of vSAN/);
  });
});

describe('OpenShift: per core-pair (2 cores or 4 vCPUs); bare-metal socket-pair up to 128 cores', () => {
  it.each([
    [3, 8, 6],
    [3, 6, 5], // 18 vCPUs / 4 rounded up
    [1, 4, 1],
    [1, 5, 2],
  ])('%s node VMs of %s vCPUs need %s core-pairs', (count, vcpus, units) => {
    const q = quoteLicences(['openshift'], { hosts: [host({ oses: count, guests: [{ vcpus, count }] })] }, opts);
    expect(q.hostGroups[0]!.chosen.count.units).toBe(units);
  });
  it.each([
    [2, 32, 1],
    [2, 64, 1], // 128 cores: one socket-pair
    [2, 65, 2], // 130 cores exceed 128
    [4, 16, 2],
  ])('bare metal %s x %s cores: %s socket-pair subscriptions', (sockets, coresPerSocket, units) => {
    const q = quoteLicences(['openshift'], { hosts: [host({ sockets, coresPerSocket, bareMetal: true })] }, { ...opts, allow: ['openshift/bare-metal'] });
    expect(q.hostGroups[0]!.chosen.count.units).toBe(units);
  });
  it('bare metal 2 x 32 cores: 32 core-pairs when only core-pairs are allowed', () => {
    const q = quoteLicences(['openshift'], { hosts: [host({ coresPerSocket: 32, bareMetal: true })] }, { ...opts, allow: ['openshift/core-pair'] });
    expect(q.hostGroups[0]!.chosen.count.units).toBe(32);
  });
});

describe('Managed control planes: per cluster-hour, GKE with a monthly credit', () => {
  it('EKS: 1 cluster x 8,760 h x 0.10 = 876; extended support 0.60 = 5,256', () => {
    expect(quoteLicences(['eks'], { hosts: [], clusters: 1 }, opts).annualCost.toString()).toBe('876');
    expect(quoteLicences(['eks-extended'], { hosts: [], clusters: 1 }, opts).annualCost.toString()).toBe('5256');
  });
  it('GKE: the 74.40 monthly credit (892.80 a year) covers one cluster (876) but never goes below zero', () => {
    expect(quoteLicences(['gke'], { hosts: [], clusters: 1 }, opts).annualCost.toString()).toBe('0');
    expect(quoteLicences(['gke'], { hosts: [], clusters: 2 }, opts).annualCost.toString()).toBe('859.2');
  });
  it('AKS Free tier costs nothing; Standard 0.10 per cluster-hour', () => {
    expect(quoteLicences(['aks-free'], { hosts: [], clusters: 3 }, opts).annualCost.toString()).toBe('0');
    expect(quoteLicences(['aks'], { hosts: [], clusters: 3 }, opts).annualCost.toString()).toBe('2628');
  });
});

describe('Docker: per user; Personal free under 250 employees and $10M revenue', () => {
  it('Team: 10 users x 12 months x 15 = 1,800 a year', () => {
    expect(quoteLicences(['docker-team'], { hosts: [], users: 10 }, opts).annualCost.toString()).toBe('1800');
  });
  it.each([
    [249, 9_999_999, true],
    [250, 1_000_000, false],
    [10, 10_000_000, false],
  ])('%s employees, revenue %s: Personal allowed = %s', (employees, annualRevenue, ok) => {
    const q = quoteLicences(['docker-personal', 'docker-pro'], { hosts: [], users: 5, organisation: { employees, annualRevenue } }, opts);
    expect(q.order!.chosen.product).toBe(ok ? 'docker-personal' : 'docker-pro');
  });
});

describe('Oracle Database Enterprise: processors = cores x 0.5; soft partitioning warned', () => {
  it.each([
    [2, 16, 16],
    [1, 3, 2], // 1.5 rounds up
    [1, 1, 1],
  ])('%s x %s cores -> %s processor licences', (sockets, coresPerSocket, processors) => {
    const q = quoteLicences(['oracle-database-enterprise'], { hosts: [host({ sockets, coresPerSocket, bareMetal: true })] }, opts);
    expect(q.lines[0]!.quantity.toNumber()).toBe(processors);
    expect(q.warnings).toEqual([]);
  });
  it('in VMs the quote warns that every core of every host in the cluster must be licensed', () => {
    const q = quoteLicences(['oracle-database-enterprise'], { hosts: [host({ oses: 1 })] }, opts);
    expect(q.warnings[0]).toMatch(/soft partitioning/);
  });
});

describe('quote totals and errors', () => {
  it('the annual cost is the exact sum of the lines, including minimum top-ups', () => {
    const q = quoteLicences(['vcf', 'windows-server-datacenter'], { hosts: [host({ count: 1, oses: 9 })] }, opts);
    expect(q.annualCost.toString()).toBe(sumMoney(q.lines.map((l) => l.annualCost)).toString());
    for (const l of q.lines) expect(l.annualCost.toString()).toBe(l.quantity.times(l.unitPrice).toString());
  });
  it('identical hosts multiply the per-host lines', () => {
    const one = quoteLicences(['windows-server-datacenter'], { hosts: [host({ oses: 3 })] }, opts);
    const four = quoteLicences(['windows-server-datacenter'], { hosts: [host({ count: 4, oses: 3 })] }, opts);
    expect(four.annualCost.toString()).toBe(one.annualCost.times(4).toString());
  });
  it('names the field of every bad input', () => {
    expect(issuesOf(() => quoteLicences(['windows-server-ultimate'], { hosts: [host()] }))).toEqual(['products[0]:unknown_value']);
    expect(issuesOf(() => quoteLicences([], { hosts: [host()] }))).toEqual(['products:required']);
    expect(issuesOf(() => quoteLicences(['rhel'], { hosts: [] }))).toEqual(['hosts:required']);
    expect(issuesOf(() => quoteLicences(['rhel'], { hosts: [host({ sockets: 0, coresPerSocket: 2.5, oses: -1 })] }))).toEqual([
      'hosts[0].sockets:too_small',
      'hosts[0].coresPerSocket:not_integer',
      'hosts[0].oses:too_small',
    ]);
    expect(issuesOf(() => quoteLicences(['windows-server-standard'], { hosts: [host({ oses: 2 })] }, { allow: ['windows-server-standard/nope'] }))).toEqual(['hosts[0]:conflict']);
    expect(issuesOf(() => quoteLicences(['sql-server-standard'], { hosts: [host({ oses: 3, guests: [{ vcpus: 0, count: 2 }] })] }))).toEqual([
      'hosts[0].guests[0].vcpus:too_small',
      'hosts[0].guests:conflict',
    ]);
  });
  it('overridden prices flow through', () => {
    const q = quoteLicences(['vvf'], { hosts: [host({ count: 3 })] }, { prices: new CatalogView({ 'licence.vvf': '100' }, '2026-11-22') });
    expect(q.annualCost.toString()).toBe('9600');
  });
});
