/**
 * The startup-and-scaling chart against the catalog's start times and the rule's formula worked by
 * hand: spare = ceil(rise x min(start, ramp) / ramp), the whole rise for an instant spike.
 */
import { CATALOG } from 'kernelcount';
import { describe, expect, test } from 'vitest';
import { BASELINE, warmSpare, warmSpareFigures, warmSpareModel } from '../src/lib/learn/charts/warmSpare';

const START = {
  vm: CATALOG['vm.bootSeconds'].value, // 30 s, a weak placeholder
  containers: CATALOG['runtime.containerStartSeconds'].value, // 0.568 s (arXiv 2602.15214, SSD)
  kata: CATALOG['sandbox.kata.startSeconds'].value, // 0.71 s (Kata metrics CI, kata-qemu)
  firecracker: CATALOG['hypervisor.firecracker.startMs'].value / 1000, // 125 ms (SPECIFICATION.md)
};

describe('warm spares at the defaults (100 -> 300 instances over 60 s)', () => {
  const { peak, rows } = warmSpareModel(warmSpare.defaults);
  const spare = Object.fromEntries(rows.map((r) => [r.id, r.spare]));

  test('the start times are the catalog figures', () => {
    expect(START).toEqual({ vm: 30, containers: 0.568, kata: 0.71, firecracker: 0.125 });
    for (const r of rows) expect(r.startSeconds).toBe(START[r.id as keyof typeof START]);
  });

  test('spares follow ceil(rise x start / ramp)', () => {
    expect(peak).toBe(300);
    expect(spare).toEqual({
      vm: 100, // 200 x 30 / 60
      containers: 2, // 200 x 0.568 / 60 = 1.89
      kata: 3, // 200 x 0.71 / 60 = 2.37
      firecracker: 1, // 200 x 0.125 / 60 = 0.42
    });
  });

  test('the VM spares cost at least the labour of 100 more guest operating systems', () => {
    // 100 VMs / 150 OS instances per administrator x 120,000 a year = 80,000.
    const perAdmin = CATALOG['labour.osInstancesPerAdmin'].value;
    const adminYear = Number(CATALOG['labour.costPerAdminYear'].value);
    const vm = rows.find((r) => r.id === 'vm')!;
    expect(vm.cost.toNumber()).toBeGreaterThanOrEqual((100 / perAdmin) * adminYear);
  });

  test('two spare containers fit on the hosts the baseline cluster already runs', () => {
    const ct = rows.find((r) => r.id === 'containers')!;
    expect(ct.extraHosts).toBe(0);
  });

  test('the prose quotes the same numbers', () => {
    const f = warmSpareFigures();
    expect([f.baseline, f.peak, f.vmSpare, f.containerSpare, f.kataSpare, f.fcSpare]).toEqual(['100', '300', '100', '2', '3', '1']);
    expect(f.instantSpare).toBe('200');
    expect(f.slowVmSpare).toBe('10'); // 200 x 30 / 600
    expect(f.vmSpareWithApp).toBe('134'); // 200 x 40 / 60 = 133.3
    expect(f.containerSpareWithApp).toBe('36'); // 200 x 10.568 / 60 = 35.2
  });
});

describe('the chart', () => {
  test('every platform needs the whole rise for an instant spike, and a VM for any ramp up to its boot time', () => {
    const c = warmSpare.compute({ spike: 3, rampSeconds: 45 });
    const at = (label: string) => c.labels.indexOf(label);
    for (const s of c.series) expect(s.data[at('0 s')]).toBe(200);
    const vm = c.series.find((s) => s.key === 'vm')!;
    expect(vm.data[at('30 s')]).toBe(200); // start >= ramp: nothing new arrives in time
    expect(vm.data[at('45 s (yours)')]).toBe(134); // the reader's ramp is on the axis: 200 x 30 / 45 = 133.3
  });

  test('spares never grow with a longer ramp', () => {
    const c = warmSpare.compute({ spike: 7.5, rampSeconds: 60 });
    for (const s of c.series) for (let i = 1; i < s.data.length; i++) expect(s.data[i]!).toBeLessThanOrEqual(s.data[i - 1]!);
  });

  test('the takeaway names the numbers and the baseline', () => {
    const c = warmSpare.compute(warmSpare.defaults);
    expect(c.summary).toContain(`from ${BASELINE} to 300 instances over 60 s`);
    expect(c.summary).toContain('need 100 warm spares');
    expect(c.table.rows.map((r) => r[2])).toEqual(['100', '2', '3', '1']);
  });
});
