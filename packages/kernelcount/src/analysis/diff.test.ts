import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KernelcountError } from '../errors.js';
import { sumMoney } from '../money.js';
import { TODAY, baseScenario, loadExample } from '../../test/helpers.js';
import { diffInputs, diffScenarios } from './diff.js';
import { setInput } from './paths.js';

type Raw = Record<string, any>;

describe('input changes', () => {
  it('lists changed values by path, and items added or removed by name', () => {
    const a = baseScenario();
    const b = setInput(a, 'workloads[api].instances', 30) as Raw;
    b.workloads = [...b.workloads.filter((w: Raw) => w.name !== 'db'), { name: 'web', instances: 3, vcpus: 1, memoryGiB: 1 }];
    b.prices = { electricityPerKWh: 0.2 };
    expect(diffInputs(a, b)).toEqual([
      { path: 'workloads[api].instances', change: 'changed', before: 20, after: 30 },
      { path: 'workloads[db]', change: 'removed', before: (a.workloads as Raw[])[1] },
      { path: 'workloads[web]', change: 'added', after: { name: 'web', instances: 3, vcpus: 1, memoryGiB: 1 } },
      { path: 'prices', change: 'added', after: { electricityPerKWh: 0.2 } },
    ]);
  });

  it('ignores reordering and equal amounts written differently', () => {
    const a = baseScenario();
    const b = { ...a, workloads: [...(a.workloads as Raw[])].reverse(), hosts: [{ ...(a.hosts as Raw[])[0], price: '20000.00' }] };
    expect(diffInputs(a, b)).toEqual([]);
  });

  it('compares a scenario without platforms as the four default ones', () => {
    const a = baseScenario();
    const b = setInput(a, 'platforms[vm].cpuOvercommit', 2);
    expect(diffInputs(a, b)).toEqual([{ path: 'platforms[vm].cpuOvercommit', change: 'added', after: 2 }]);
  });

  it('writes catalog ids as they are written in paths', () => {
    const a = { ...baseScenario(), catalog: { 'power.pue': 1.2 } };
    const b = { ...baseScenario(), catalog: { 'power.pue': 1.3 } };
    expect(diffInputs(a, b)).toEqual([{ path: 'catalog.power.pue', change: 'changed', before: 1.2, after: 1.3 }]);
  });
});

describe('scenario diff', () => {
  // linux-microservices: vm runs 2 hosts of (250 + (900 - 250) x 0.5) W = 575 W at PUE 1.5:
  // 2 x 575 x 8760 x 1.5 / 1000 = 15,111 kWh a year. From 0.12 to 0.20 per kWh over 5 years:
  // 15,111 x 0.08 x 5 = 6,044.40 more.
  it('prices the electricity change line by line, worked by hand', () => {
    const a = loadExample('linux-microservices.yaml');
    const b = setInput(a, 'prices.electricityPerKWh', '0.20');
    const d = diffScenarios(a, b, { today: TODAY });
    expect(d.inputs).toEqual([{ path: 'prices.electricityPerKWh', change: 'changed', before: 0.12, after: 0.2 }]);
    const vm = d.platforms.find((p) => p.name === 'vm')!;
    expect(vm.change).toBe('changed');
    expect(vm.hostsDelta).toBe(0);
    expect(vm.lineItems).toHaveLength(1);
    const power = vm.lineItems[0]!;
    expect(power).toMatchObject({ name: 'Electricity (PUE 1.5)', category: 'power', change: 'changed' });
    expect(power.before!.quantity.toString()).toBe('15111');
    expect([power.before!.unitPrice.toString(), power.after!.unitPrice.toString()]).toEqual(['0.12', '0.2']);
    expect(power.delta.toString()).toBe('6044.4');
    expect(vm.tcoDelta.toString()).toBe('6044.4');
    expect(vm.after!.tco.minus(vm.before!.tco).toString()).toBe('6044.4');
  });

  it('reports platforms added and removed, and line items that appear or go', () => {
    const a = baseScenario();
    const b = { ...a, platforms: [{ type: 'vm' }, { type: 'containers', controlPlane: 'eks' }, { type: 'microvm', name: 'kata' }] };
    const d = diffScenarios(a, b, { today: TODAY, labels: ['a.yaml', 'b.yaml'] });
    expect(d.labels).toEqual(['a.yaml', 'b.yaml']);
    expect(d.platforms.map((p) => [p.name, p.change])).toEqual([
      ['vm', 'unchanged'],
      ['containers', 'changed'],
      ['containers-in-vms', 'removed'],
      ['microvm', 'removed'],
      ['kata', 'added'],
    ]);
    const cp = d.platforms[1]!.lineItems.find((li) => li.category === 'control-plane')!;
    expect(cp.change).toBe('added');
    expect(cp.before).toBeNull();
    const removed = d.platforms[2]!;
    expect(removed.after).toBeNull();
    expect(removed.tcoDelta.toString()).toBe(removed.before!.tco.negated().toString());
    expect(d.inputs.map((c) => [c.path, c.change])).toEqual([
      ['platforms[containers].controlPlane', 'added'],
      ['platforms[containers-in-vms]', 'removed'],
      ['platforms[microvm]', 'removed'],
      ['platforms[kata]', 'added'],
    ]);
  });

  it('keeps each platform\'s total change equal to the sum of its line items\' changes (property)', () => {
    const base = loadExample('vmware-to-kubernetes.yaml');
    const changes = fc.record({
      web: fc.integer({ min: 0, max: 400 }),
      price: fc.integer({ min: 1000, max: 90000 }),
      elec: fc.integer({ min: 0, max: 500 }).map((c) => (c / 1000).toString()),
      overcommit: fc.integer({ min: 10, max: 60 }).map((x) => x / 10),
    });
    fc.assert(
      fc.property(changes, (c) => {
        let s = setInput(base, 'workloads[web].instances', c.web);
        s = setInput(s, 'hosts[0].price', c.price);
        s = setInput(s, 'prices.electricityPerKWh', c.elec);
        s = setInput(s, 'platforms[vmware].cpuOvercommit', c.overcommit);
        const d = diffScenarios(base, s, { today: TODAY });
        for (const p of d.platforms) {
          expect(sumMoney(p.lineItems.map((li) => li.delta)).toString(), p.name).toBe(p.tcoDelta.toString());
          expect(p.after!.tco.minus(p.before!.tco).toString()).toBe(p.tcoDelta.toString());
        }
      }),
      { numRuns: 15, seed: 6 },
    );
  });

  it('notes different currencies and horizons', () => {
    const a = baseScenario();
    const d = diffScenarios(a, { ...a, currency: 'EUR', horizonYears: 3 }, { today: TODAY });
    expect(d.notes).toEqual([
      'the scenarios price in different currencies (USD, EUR); no conversion is done, so the differences mix them',
      'the horizons differ (5 and 3 years), so totals cover different periods',
    ]);
  });

  it('names the scenario in every error', () => {
    const a = baseScenario();
    const bad = { ...a, workloads: [{ name: 'x', instances: 1, vcpus: 1, memoryGiB: -1 }] };
    let err: KernelcountError | undefined;
    try {
      diffScenarios(bad, bad, { labels: ['before.yaml', 'after.yaml'] });
    } catch (e) {
      err = e as KernelcountError;
    }
    expect(err!.issues.map((i) => i.path)).toEqual(['before.yaml: workloads[0].memoryGiB', 'after.yaml: workloads[0].memoryGiB']);
  });
});
