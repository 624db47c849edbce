/**
 * The Windows licensing chart (article: windows-licensing), pinned against Microsoft's rules and the
 * catalog's list prices rather than against the chart's own output.
 */
import { describe, expect, test } from 'vitest';
import { CatalogView } from 'kernelcount';
import { windowsLicensing, windowsLicensingFigures, windowsLicensingModel } from '../src/lib/learn/charts/windowsLicensing';

const cat = new CatalogView();
const years = cat.get('hardware.amortizationYears') as number;
const standard16 = Number(cat.get('licence.windows-server-standard'));
const datacenter16 = Number(cat.get('licence.windows-server-datacenter'));
const sa = Number(cat.get('licence.softwareAssurancePercentPerYear')) / 100;

describe('Windows Server per-core rules', () => {
  test('a one-socket 6-core server needs the 16-core server minimum; the reference host its 64 cores', () => {
    const f = windowsLicensingFigures();
    expect(f.smallServerCores).toBe('16 cores');
    expect(f.minPerProcessor).toBe('8 cores');
    expect(f.minPerServer).toBe('16 cores');
    expect(f.hostCores).toBe('64 cores');
  });

  test('two sockets of 8 cores are licensed as 16 cores; one socket of 8 as 16 too (server minimum)', () => {
    expect(windowsLicensingModel({ host: '2x8', vcpus: 4 }).licensedCores).toBe(16);
    expect(windowsLicensingModel({ host: '1x8', vcpus: 4 }).licensedCores).toBe(16);
  });

  test('Standard: one full licensing per 2 VMs, stacked; Datacenter: one licensing for any number', () => {
    const { rows } = windowsLicensingModel({ host: '2x32', vcpus: 4 });
    const oneLicensing = ((64 / 16) * standard16) / years;
    expect(rows[0]!.cost.standard.toNumber()).toBeCloseTo(oneLicensing, 6);
    expect(rows[1]!.cost.standard.toNumber()).toBeCloseTo(oneLicensing, 6);
    expect(rows[2]!.cost.standard.toNumber()).toBeCloseTo(2 * oneLicensing, 6);
    expect(rows[9]!.cost.standard.toNumber()).toBeCloseTo(5 * oneLicensing, 6);
    for (const r of rows) expect(r.cost.datacenter.toNumber()).toBeCloseTo(((64 / 16) * datacenter16) / years, 6);
  });

  test('Datacenter is cheaper from 11 VMs at the 2022 prices: 6 Standard stacks cost more than one Datacenter licensing', () => {
    // 6155 / 1069 = 5.76 Standard licensings per Datacenter licensing: 5 stacks (10 VMs) are cheaper, 6 (11-12 VMs) are not.
    expect(datacenter16 / standard16).toBeGreaterThan(5);
    expect(datacenter16 / standard16).toBeLessThan(6);
    for (const host of ['1x8', '2x16', '2x32', '2x64']) expect(windowsLicensingModel({ host, vcpus: 4 }).stdVsDc?.guests, host).toBe(11);
    expect(windowsLicensingFigures().breakEven).toBe('11');
    expect(windowsLicensing.compute(windowsLicensing.defaults).summary).toContain('cheaper from 11 VMs');
  });

  test('per VM: at least 8 virtual cores per VM, with Software Assurance every year', () => {
    const perVm8 = ((8 / 16) * standard16) / years + (8 / 16) * standard16 * sa;
    const small = windowsLicensingModel({ host: '2x32', vcpus: 2 }).rows[0]!.cost.perVm.toNumber();
    const eight = windowsLicensingModel({ host: '2x32', vcpus: 8 }).rows[0]!.cost.perVm.toNumber();
    const sixteen = windowsLicensingModel({ host: '2x32', vcpus: 16 }).rows[0]!.cost.perVm.toNumber();
    expect(small).toBeCloseTo(perVm8, 6);
    expect(eight).toBeCloseTo(perVm8, 6);
    expect(sixteen).toBeCloseTo(2 * perVm8, 6);
    // Datacenter at 4,924 a year / 240.56 a VM: the 21st VM tips it.
    expect(windowsLicensingFigures().perVmBreakEven).toBe('21');
  });

  test('process-isolated containers need one licensing of the host; Hyper-V isolated ones count like VMs', () => {
    const f = windowsLicensingFigures();
    expect(f.containersProcess).toBe(f.standardPerLicensing);
    const { rows } = windowsLicensingModel({ host: '2x32', vcpus: 4 });
    expect(f.containersHyperv20).toBe(`$${Math.round(rows[19]!.cost.standard.toNumber()).toLocaleString('en-US')}`);
  });

  test('SQL Server: at least 4 cores per VM, so a 2-vCPU VM costs what a 4-vCPU VM costs', () => {
    const f = windowsLicensingFigures();
    expect(f.sqlMinPerVm).toBe('4 cores');
    expect(f.sqlEntVm2).toBe(f.sqlEntVm4);
  });

  test('the table lists pay-as-you-go, and every control changes the takeaway', () => {
    const base = windowsLicensing.compute(windowsLicensing.defaults);
    expect(base.table.columns).toContain('Pay-as-you-go (Azure Arc)');
    expect(base.table.rows).toHaveLength(30);
    expect(windowsLicensing.compute({ host: '1x8', vcpus: 4 }).summary).not.toBe(base.summary);
    expect(windowsLicensing.compute({ host: '2x32', vcpus: 16 }).summary).not.toBe(base.summary);
  });
});
