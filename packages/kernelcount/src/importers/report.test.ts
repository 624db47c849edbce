import { describe, expect, it } from 'vitest';
import { KernelcountError } from '../errors.js';
import { IssueList, MAX_LISTED_ISSUES, PLACEHOLDER_HOST, formatImportReport, nodeVmFor, nothingImported, scenarioTotals, type ImportReport } from './report.js';

const report: ImportReport = {
  source: 'rvtools-csv',
  file: 'vInfo.csv',
  read: 3,
  imported: 2,
  skipped: [{ where: 'vInfo row 4', row: 4, column: 'Template', name: 'tmpl', reason: 'template', message: 'Template = True: a template' }],
  adjusted: [{ where: 'vInfo rows 2, 3', name: 'linux-2vcpu-4gib', message: 'storage averaged', count: 2 }],
  workloads: [{ name: 'linux-2vcpu-4gib', instances: 2, cpuMillicores: 2000, memoryMiB: 3796, storageMiB: 1234, os: 'linux', from: ['a', 'b'] }],
  hosts: [{ name: PLACEHOLDER_HOST.name, count: 0, placeholder: true, from: [] }],
  totals: { source: { items: 2, cpuMillicores: 4000, memoryMiB: 8192, storageMiB: 2468 }, scenario: { instances: 2, cpuMillicores: 4000, memoryMiB: 7592, storageMiB: 2468 } },
  notes: ['storage basis: provisioned'],
  warnings: ['hosts: placeholder'],
};

describe('formatImportReport', () => {
  it('prints the summary, every skip and adjustment, workloads, totals, notes and warnings', () => {
    expect(formatImportReport(report)).toMatchInlineSnapshot(`
      "kernelcount import: vInfo.csv, RVTools vInfo (CSV)
        read 3 VMs; imported 2 into 1 workload (2 instances); skipped 1

      Skipped:
        vInfo row 4  "tmpl": Template = True: a template [template]

      Adjusted:
        vInfo rows 2, 3  "linux-2vcpu-4gib": storage averaged (x2)

      Workloads (per instance):
        name              instances  os     CPU (m)  memory (MiB)  storage (MiB)  from
        linux-2vcpu-4gib          2  linux     2000          3796           1234  a, b

      Hosts:
        example 2x32-core 1 TiB (replace with your hosts) (placeholder)

      Totals:
        read      2 VMs: CPU 4,000 m, memory 8,192 MiB, storage 2,468 MiB
        scenario  2 instances: CPU 4,000 m, memory 7,592 MiB, storage 2,468 MiB

      Notes:
        - storage basis: provisioned

      Warnings:
        - hosts: placeholder
      "
    `);
  });
});

describe('scenarioTotals', () => {
  it('is the sum over workloads of instances times per-instance figures', () => {
    expect(
      scenarioTotals([
        { name: 'a', instances: 3, cpuMillicores: 250, memoryMiB: 100, storageMiB: 7, os: 'linux', from: [] },
        { name: 'b', instances: 2, cpuMillicores: 1000, memoryMiB: 2048, storageMiB: 0, os: 'windows', from: [] },
      ]),
    ).toEqual({ instances: 5, cpuMillicores: 2750, memoryMiB: 4396, storageMiB: 21 });
  });
});

describe('nodeVmFor', () => {
  it('keeps the default node VM when it holds two of the largest instance', () => {
    expect(nodeVmFor(PLACEHOLDER_HOST, [{ cpuMillicores: 500, memoryMiB: 1024, storageMiB: 0 }])).toBeUndefined();
  });

  it('doubles each dimension until two of the largest instance fit', () => {
    // 2 x 8000 m = 16 vCPU; 2 x 30720 MiB = 60 GiB -> 64; 2 x 512000 MiB = 1000 GiB -> 100, 200, 400, 800, 1600
    expect(nodeVmFor(PLACEHOLDER_HOST, [{ cpuMillicores: 8000, memoryMiB: 30720, storageMiB: 512000 }])!.size).toEqual({ vcpus: 16, memoryGiB: 64, diskGiB: 1600 });
  });

  it('keeps to half of a small host', () => {
    const host = { name: 'small', sockets: 1, coresPerSocket: 2, threadsPerCore: 2, memoryGiB: 16, diskGiB: 100, price: 0 };
    expect(nodeVmFor(host, [{ cpuMillicores: 100, memoryMiB: 100, storageMiB: 0 }])!.size).toEqual({ vcpus: 2, memoryGiB: 8, diskGiB: 50 });
  });
});

describe('IssueList and nothingImported', () => {
  it('lists at most MAX_LISTED_ISSUES problems and counts the rest', () => {
    const list = new IssueList();
    list.throwIfAny();
    for (let i = 0; i < MAX_LISTED_ISSUES + 7; i++) list.add({ code: 'invalid_type', path: `row ${i}`, message: 'bad' });
    try {
      list.throwIfAny();
      expect.unreachable();
    } catch (e) {
      const issues = (e as KernelcountError).issues;
      expect(issues).toHaveLength(MAX_LISTED_ISSUES + 1);
      expect(issues.at(-1)!.message).toBe('... and 7 more problems of the same kinds');
    }
  });

  it('says why nothing was imported', () => {
    const e = nothingImported('f.csv', 'VM', report.skipped, { template: '--include-templates' });
    expect(e.message).toBe('f.csv: no VM to import: every one was skipped: 1 template (--include-templates)');
  });
});
