/**
 * The hypervisor-overhead chart (article: hypervisors) against the vendors' own figures: VMware's
 * sample tables (vSphere 6.5/6.7 Resource Management, "Sample Overhead Memory"; ESX 4.0), KubeVirt's
 * GetMemoryOverhead and the OpenShift Virtualization formula, worked out by hand from their text.
 */
import { CATALOG } from 'kernelcount';
import { describe, expect, test } from 'vitest';
import { hypervisorOverhead, hypervisorOverheadFigures, hypervisorOverheadModel } from '../src/lib/learn/charts/hypervisorOverhead';

const row = (memoryMiB: number, vcpus: number, kubevirt = '2025') => hypervisorOverheadModel({ vcpus, kubevirt }).find((r) => r.memoryMiB === memoryMiB)!;

describe('hypervisor overhead per VM', () => {
  test('ESXi 6.7 reads VMware sample-table cells, rounded up to whole MiB', () => {
    // Table: 1 GB, 1 vCPU = 25.90 MB; 4 GB, 2 vCPUs = 52.72 MB; 16 GB, 8 vCPUs = 168.60 MB.
    expect(row(1024, 1).esxi67).toMatchObject({ overheadMiB: 26, method: 'table' });
    expect(row(4096, 2).esxi67).toMatchObject({ overheadMiB: 53, method: 'table' });
    expect(row(16384, 8).esxi67).toMatchObject({ overheadMiB: 169, method: 'table' });
    // 2 GB lies between the 1 GB and 4 GB rows: 25.90 + (48.64 - 25.90) / 3 = 33.48 MB at 1 vCPU.
    expect(row(2048, 1).esxi67).toMatchObject({ overheadMiB: 34, method: 'interpolated' });
    // Beyond 16 GB the table has no rows: the value is extrapolated and says so.
    expect(row(65536, 2).esxi67.method).toBe('extrapolated');
  });

  test('ESX 4.0 is about five times higher at 1 vCPU and 1 GB (123.73 MB)', () => {
    expect(row(1024, 1).esxi40).toMatchObject({ overheadMiB: 124, method: 'table' });
    expect(Number(hypervisorOverheadFigures().esxiRatio)).toBeCloseTo(123.73 / 25.9, 1);
  });

  test('KubeVirt: guest/512 + 220 fixed + 8 per vCPU + 8 IOThread + 32 video (2025); 64 fixed, 16 video (2018)', () => {
    expect(row(4096, 2).kubevirt).toBe(4096 / 512 + 220 + 2 * 8 + 8 + 32);
    expect(row(65536, 2).kubevirt).toBe(65536 / 512 + 220 + 2 * 8 + 8 + 32);
    expect(row(4096, 2, '2018').kubevirt).toBe(4096 / 512 + 64 + 2 * 8 + 8 + 16);
  });

  test('OpenShift Virtualization: 0.002 x memory (rounded up) + 218 + 8 per vCPU + 16 per graphics device', () => {
    expect(row(4096, 2).openshift).toBe(Math.ceil(4096 * 0.002) + 218 + 2 * 8 + 16);
    expect(row(512, 1).openshift).toBe(Math.ceil(512 * 0.002) + 218 + 8 + 16);
  });

  test('Hyper-V is the catalog placeholder at every size, flagged weak', () => {
    expect(CATALOG['hypervisor.hyperv.perVmMiB'].trust).toBe('weak');
    for (const r of hypervisorOverheadModel(hypervisorOverhead.defaults)) expect(r.hyperv).toBe(CATALOG['hypervisor.hyperv.perVmMiB'].value);
  });

  test('the chart plots the same values and its takeaway quotes them', () => {
    const c = hypervisorOverhead.compute(hypervisorOverhead.defaults);
    const i = c.labels.indexOf('4 GiB');
    expect(c.series.find((s) => s.key === 'esxi-6.7')!.data[i]).toBe(53);
    expect(c.series.find((s) => s.key === 'kubevirt')!.data[i]).toBe(284);
    expect(c.summary).toContain('53 MiB');
    expect(c.summary).toContain('284 MiB');
    expect(c.table.rows.find((r) => r[0] === '64 GiB')![1]).toMatch(/beyond the table/);
  });

  test('the KubeVirt select offers every catalog version, newest first', () => {
    const sel = hypervisorOverhead.controls.find((c) => c.key === 'kubevirt');
    expect(sel?.kind === 'select' && sel.options.map((o) => o.value)).toEqual(['2025', '2023', '2018']);
  });

  test('computes fast enough to follow a slider', () => {
    const t0 = performance.now();
    for (let v = 1; v <= 8; v++) hypervisorOverhead.compute({ vcpus: v, kubevirt: '2025' });
    expect((performance.now() - t0) / 8).toBeLessThan(20);
  });
});
