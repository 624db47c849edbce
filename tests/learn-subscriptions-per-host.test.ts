/**
 * The subscriptions-per-host chart (article: licensing-beyond-windows), pinned against the vendors'
 * counting rules and the catalog's prices.
 */
import { describe, expect, test } from 'vitest';
import { CatalogView } from 'kernelcount';
import { subscriptionsPerHost, subscriptionsPerHostFigures, subscriptionsPerHostModel } from '../src/lib/learn/charts/subscriptionsPerHost';

const cat = new CatalogView();
const price = (id: string) => Number(cat.get(id as never));
const yearly = (coresPerSocket: number, vms: number, id: string) => subscriptionsPerHostModel({ coresPerSocket, vms }).by(id).quote.annualCost.toNumber();

describe('RHEL', () => {
  test('RHEL Server stacks one subscription per 2 VMs; Virtual Datacenters is one per socket-pair', () => {
    expect(yearly(32, 1, 'rhel')).toBeCloseTo(price('licence.rhel'), 6);
    expect(yearly(32, 2, 'rhel')).toBeCloseTo(price('licence.rhel'), 6);
    expect(yearly(32, 3, 'rhel')).toBeCloseTo(2 * price('licence.rhel'), 6);
    expect(yearly(32, 40, 'rhel-vdc')).toBeCloseTo(price('licence.rhel-vdc'), 6);
  });

  test('on two sockets, Virtual Datacenters wins from 7 VMs (4 RHEL Server subscriptions cost more)', () => {
    expect(3 * price('licence.rhel')).toBeLessThan(price('licence.rhel-vdc'));
    expect(4 * price('licence.rhel')).toBeGreaterThan(price('licence.rhel-vdc'));
    expect(subscriptionsPerHostFigures().rhelBreakEven).toBe('7');
  });
});

describe('VMware by Broadcom', () => {
  test('each CPU counts as at least 16 cores, and an order below 72 cores is billed as 72', () => {
    const small = subscriptionsPerHostModel({ coresPerSocket: 8, vms: 10 });
    expect(small.vvfCounted).toBe(32);
    expect(small.vvfBilled).toBe(72);
    expect(yearly(8, 10, 'vvf')).toBeCloseTo(72 * price('licence.vvf'), 6);
    const exact = subscriptionsPerHostModel({ coresPerSocket: 36, vms: 10 });
    expect(exact.vvfCounted).toBe(72);
    expect(exact.vvfBilled).toBe(72);
    expect(yearly(64, 10, 'vcf')).toBeCloseTo(128 * price('licence.vcf'), 6);
  });

  test('VMware does not count VMs', () => {
    expect(yearly(32, 1, 'vvf')).toBe(yearly(32, 40, 'vvf'));
  });

  test('two hosts of 2 x 8 cores count 64 cores and are billed 72; three reference hosts count 192', () => {
    const f = subscriptionsPerHostFigures();
    expect(f.smallCounted).toBe('64 cores');
    expect(f.smallBilled).toBe('72 cores');
    expect(f.threeCores).toBe('192 cores');
  });
});

describe('OpenShift, control planes, Docker', () => {
  test('OpenShift on bare metal: a core-pair is 2 cores; one socket-pair subscription covers up to 128 cores', () => {
    expect(yearly(32, 1, 'openshift-core-pair')).toBeCloseTo(32 * price('licence.openshift'), 6);
    expect(yearly(64, 1, 'openshift-socket-pair')).toBeCloseTo(price('licence.openshift-bare-metal'), 6);
    expect(yearly(8, 1, 'openshift-core-pair')).toBeCloseTo(8 * price('licence.openshift'), 6);
  });

  test('control planes: 8,760 cluster-hours a year; GKE credits one zonal cluster a month per billing account', () => {
    const f = subscriptionsPerHostFigures();
    expect(f.eks).toBe(`$${Math.round(8760 * price('controlPlane.eks')).toLocaleString('en-US')}`);
    expect(f.gke).toBe('$0');
    expect(f.gke3).toBe(`$${Math.round(3 * 8760 * price('controlPlane.gke') - 12 * price('controlPlane.gke.monthlyCredit')).toLocaleString('en-US')}`);
    expect(f.aksFree).toBe('$0');
  });

  test("Docker Desktop's free threshold is read from the package's rule", () => {
    const f = subscriptionsPerHostFigures();
    expect(f.dockerEmployees).toBe('250');
    expect(f.dockerRevenue).toBe('$10M');
    expect(f.docker50).toBe(`$${(50 * 12 * price('licence.docker-team')).toLocaleString('en-US')}`);
  });

  test('both controls change the takeaway', () => {
    const base = subscriptionsPerHost.compute(subscriptionsPerHost.defaults).summary;
    expect(subscriptionsPerHost.compute({ coresPerSocket: 8, vms: 10 }).summary).not.toBe(base);
    expect(subscriptionsPerHost.compute({ coresPerSocket: 32, vms: 3 }).summary).not.toBe(base);
  });
});
