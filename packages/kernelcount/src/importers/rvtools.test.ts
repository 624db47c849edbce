// RVTools vInfo import. Expected figures are worked out by hand from the fixture rows (see the
// comments), with the catalog's guest OS figures: Linux 300 MiB memory, 0 m CPU, 10 GiB disk;
// Windows 2048 MiB, 0 m, 32 GiB.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { KernelcountError } from '../errors.js';
import { evaluate } from '../evaluate.js';
import { parseScenario } from '../scenario/validate.js';
import { importRvtools, importRvtoolsCsv, importRvtoolsXlsx, osFamilyFromGuestOs } from './rvtools.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');
const read = (f: string) => readFileSync(path.join(fixtures, f), 'utf8');
const modern = read('rvtools-4.x-vInfo.csv');

function issuesOf(fn: () => unknown): KernelcountError['issues'] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KernelcountError);
    return (e as KernelcountError).issues;
  }
  throw new Error('expected a KernelcountError');
}

async function issuesOfAsync(p: Promise<unknown>): Promise<KernelcountError['issues']> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(KernelcountError);
    return (e as KernelcountError).issues;
  }
  throw new Error('expected a KernelcountError');
}

describe('importRvtoolsCsv: an RVTools 4.x vInfo export', () => {
  const { scenario, report } = importRvtoolsCsv(modern, { file: 'rvtools-4.x-vInfo.csv' });

  it('groups running VMs by OS, vCPUs and memory, taking the guest OS off each', () => {
    expect(scenario.workloads).toEqual([
      // web-01..03 (45056 MiB provisioned) and monitoring-01 (30720): app disk 3 x 34816 + 20480 = 124928; / 4 = 31232 MiB = 30.5 GiB
      { name: 'linux-2vcpu-4gib', instances: 4, os: 'linux', vcpus: 2, memoryMiB: 4096 - 300, storageGiB: 30.5 },
      // ubuntu-tools-off (61440), api-01 and api-02 (71680): 51200 + 61440 + 61440 = 174080; / 3 = 58026.67 -> 58027 MiB
      { name: 'linux-4vcpu-8gib', instances: 3, os: 'linux', vcpus: 4, memoryMiB: 8192 - 300, storageGiB: 58027 / 1024 },
      // appliance-fw: FreeBSD, counted as linux; 20480 - 10240 = 10240 MiB
      { name: 'unknown-os-2vcpu-2gib', instances: 1, os: 'linux', vcpus: 2, memoryMiB: 2048 - 300, storageGiB: 10 },
      // dc-01: 69632 - 32768 = 36864 MiB = 36 GiB
      { name: 'windows-2vcpu-4gib', instances: 1, os: 'windows', vcpus: 2, memoryMiB: 4096 - 2048, storageGiB: 36 },
      // sql-01: 544768 - 32768 = 512000 MiB = 500 GiB
      { name: 'windows-8vcpu-32gib', instances: 1, os: 'windows', vcpus: 8, memoryMiB: 32768 - 2048, storageGiB: 500 },
    ]);
  });

  it('reports every row it skipped, with row, column and reason', () => {
    expect(report.skipped.map((s) => [s.row, s.name, s.column, s.reason])).toEqual([
      [7, 'tmpl-rhel9', 'Template', 'template'],
      [8, 'old-app-02', 'Powerstate', 'powered-off'],
      [9, 'batch-07', 'Powerstate', 'suspended'],
      [12, 'srm-ph-web-09', 'SRM Placeholder', 'srm-placeholder'],
      [14, 'orphan-03', 'Powerstate', 'powered-off'],
    ]);
    expect(report.read).toBe(15);
    expect(report.imported).toBe(10);
  });

  it('reports every value it adjusted', () => {
    expect(report.adjusted.map((a) => [a.where, a.name, a.message, a.count])).toEqual([
      ['vInfo row 10, column "OS according to the VMware Tools"', 'appliance-fw', 'OS "FreeBSD 13.2-RELEASE" is neither Windows nor Linux: counted as linux', 1],
      ['vInfo rows 11, 13, 15', 'linux-4vcpu-8gib', 'storage averaged over 3 VMs: 174080 MiB / 3 rounded up to 58027 MiB each (+1 MiB in all)', 3],
    ]);
    // ubuntu-tools-off has no Tools OS (Tools not running): its configuration-file OS is used, and nothing is reported.
    expect(report.workloads.find((w) => w.name === 'linux-4vcpu-8gib')!.from).toEqual(['ubuntu-tools-off', 'api-01', 'api-02']);
  });

  it('totals add up: as read, and as the scenario holds them', () => {
    // vCPUs 2x4 + 4x3 + 2 + 2 + 8 = 32; memory 4096x4 + 8192x3 + 2048 + 4096 + 32768 = 79872;
    // provisioned 45056x3 + 30720 + 61440 + 71680x2 + 20480 + 69632 + 544768 = 1005568
    expect(report.totals.source).toEqual({ items: 10, cpuMillicores: 32000, memoryMiB: 79872, storageMiB: 1005568 });
    // memory: less 300 MiB for each of 8 Linux VMs and 2048 for each of 2 Windows: 79872 - 2400 - 4096 = 73376;
    // storage: less 10240 x 8 and 32768 x 2 = 147456, plus the 1 MiB of rounding: 858113
    expect(report.totals.scenario).toEqual({ instances: 10, cpuMillicores: 32000, memoryMiB: 73376, storageMiB: 858113 });
    const sum = report.workloads.reduce((t, w) => t + w.instances * w.storageMiB, 0);
    expect(sum).toBe(report.totals.scenario.storageMiB);
  });

  it('writes a scenario that validates and evaluates, with a placeholder host and VMware as baseline', () => {
    expect(scenario.hosts).toHaveLength(1);
    expect(report.hosts[0]!.placeholder).toBe(true);
    expect(report.warnings.join('\n')).toMatch(/placeholder/);
    expect(scenario.baseline).toBe('vmware');
    expect(scenario.platforms!.map((p) => p.type)).toEqual(['vm', 'containers', 'containers-in-vms', 'microvm']);
    const parsed = parseScenario(scenario);
    // The validator turns storageGiB back into the same whole MiB.
    expect(parsed.workloads.map((w) => w.storageMiB)).toEqual([31232, 58027, 10240, 36864, 512000]);
    const result = evaluate(scenario, { today: '2026-11-22' });
    expect(result.platforms).toHaveLength(4);
    // On the VM platform each instance is rebuilt at its original size: app + guest OS.
    const vmWorkloads = parsed.workloads.map((w) => w.memoryMiB + (w.os === 'windows' ? 2048 : 300));
    expect(vmWorkloads).toEqual([4096, 8192, 2048, 4096, 32768]);
  });

  it('notes the storage basis and the estate in-use / provisioned ratio', () => {
    // 9 VMs have both columns (web-03 has no In Use): in use 18432 + 20480 + 301234 + 40000 + 6000 + 25000 + 30720 + 32768 + 9000 = 483634
    // provisioned 45056 x 2 + 544768 + 69632 + 20480 + 61440 + 71680 x 2 + 30720 = 960512
    expect(report.notes).toContain('storage basis: provisioned (column "Provisioned MiB"; --storage in-use for the other)');
    expect(report.notes.join('\n')).toContain('in use / provisioned over 9 VMs: 483634 / 960512 MiB = 0.504');
  });
});

describe('importRvtoolsCsv options', () => {
  it('--storage in-use: an empty In Use cell is 0, and disks below the guest OS disk give 0', () => {
    const { scenario, report } = importRvtoolsCsv(modern, { storage: 'in-use' });
    const w = (name: string) => scenario.workloads.find((x) => x.name === name)!;
    // web-01 18432, web-02 20480, web-03 empty, monitoring-01 9000: app 8192 + 10240 + 0 + 0 = 18432; / 4 = 4608 MiB = 4.5 GiB
    expect(w('linux-2vcpu-4gib').storageGiB).toBe(4.5);
    // 25000 - 10240 + 30720 - 10240 + 32768 - 10240 = 57768; / 3 = 19256 exactly
    expect(w('linux-4vcpu-8gib').storageGiB).toBe(19256 / 1024);
    expect(w('windows-8vcpu-32gib').storageGiB).toBe((301234 - 32768) / 1024);
    expect(w('unknown-os-2vcpu-2gib').storageGiB).toBe(0);
    const msgs = report.adjusted.map((a) => `${a.where}: ${a.message} x${a.count}`);
    expect(msgs).toContain('vInfo row 4, column "In Use MiB": empty: storage taken as 0 x1');
    expect(msgs).toContain('vInfo rows 2, 3, 4, 16: 2 VMs have less in-use disk than the linux guest OS\'s 10240 MiB: app storage 0 x2');
  });

  it('includes templates and powered-off VMs when asked; an orphan with 0 CPUs is still skipped, with why', () => {
    const { report } = importRvtoolsCsv(modern, { includeTemplates: true, includePoweredOff: true });
    expect(report.imported).toBe(13); // + tmpl-rhel9, old-app-02, batch-07
    expect(report.skipped.map((s) => [s.name, s.reason, s.column])).toEqual([
      ['srm-ph-web-09', 'srm-placeholder', 'SRM Placeholder'],
      ['orphan-03', 'zero-size', 'CPUs'],
    ]);
  });

  it('--group vm: one workload per VM, named after it', () => {
    const { scenario } = importRvtoolsCsv(modern, { group: 'vm' });
    expect(scenario.workloads.map((w) => w.name)).toEqual([
      'web-01', 'web-02', 'web-03', 'sql-01', 'dc-01', 'appliance-fw', 'ubuntu-tools-off', 'api-01', 'api-02', 'monitoring-01',
    ]);
    expect(scenario.workloads.every((w) => w.instances === 1)).toBe(true);
    expect(scenario.workloads[0]).toEqual({ name: 'web-01', instances: 1, os: 'linux', vcpus: 2, memoryMiB: 3796, storageGiB: 34 }); // 45056 - 10240 = 34816 MiB
  });

  it('--guest-os keep: the VM figures are the app figures', () => {
    const { scenario, report } = importRvtoolsCsv(modern, { guestOs: 'keep' });
    expect(scenario.workloads[0]).toMatchObject({ vcpus: 2, memoryMiB: 4096, storageGiB: (45056 * 3 + 30720) / 4 / 1024 });
    expect(report.totals.scenario.memoryMiB).toBe(report.totals.source.memoryMiB);
    expect(report.totals.scenario.storageMiB).toBe(report.totals.source.storageMiB + 1); // 1 MiB of averaging round-up
  });

  it('keeps two VMs of the same name apart with --group vm (two vCenters in one export)', () => {
    const csv = 'VM,Powerstate,CPUs,Memory,Provisioned MiB\nweb,poweredOn,1,2048,20480\nweb,poweredOn,1,2048,20480\n';
    const { scenario } = importRvtoolsCsv(csv, { group: 'vm' });
    expect(scenario.workloads.map((w) => w.name)).toEqual(['web', 'web (row 3)']);
  });

  it('clamps a VM smaller than its guest OS to 1 MiB of app memory, and says so', () => {
    const csv = 'VM,Powerstate,CPUs,Memory,Provisioned MiB,OS according to the VMware Tools\ntiny-win,poweredOn,1,2048,40960,Microsoft Windows Server 2019 (64-bit)\n';
    const { scenario, report } = importRvtoolsCsv(csv);
    expect(scenario.workloads[0]).toMatchObject({ memoryMiB: 1, os: 'windows' });
    expect(report.adjusted[0]!.message).toMatch(/2048 MiB of memory is no more than the windows guest OS's 2048 MiB: app memory set to 1 MiB/);
  });

  it('refuses unknown option values', () => {
    expect(issuesOf(() => importRvtoolsCsv(modern, { storage: 'used' as 'in-use' }))[0]).toMatchObject({ path: 'storage', code: 'unknown_value' });
    expect(issuesOf(() => importRvtoolsCsv(modern, { group: 'host' as 'vm' }))[0]).toMatchObject({ path: 'group' });
  });
});

describe('RVTools versions and export forms', () => {
  it('reads an older RVTools (3.x) export: semicolons, "Provisioned MB" and "In Use MB" holding MiB', () => {
    const { scenario, report } = importRvtoolsCsv(read('rvtools-3.x-vInfo-MB.csv'));
    expect(scenario.workloads).toEqual([
      // LNX-APP01 and 02: 51200 - 10240 = 40960 MiB = 40 GiB
      { name: 'linux-2vcpu-4gib', instances: 2, os: 'linux', vcpus: 2, memoryMiB: 3796, storageGiB: 40 },
      // FILESRV01: 307200 - 32768 = 274432 MiB = 268 GiB
      { name: 'windows-4vcpu-8gib', instances: 1, os: 'windows', vcpus: 4, memoryMiB: 6144, storageGiB: 268 },
    ]);
    expect(report.skipped.map((s) => [s.row, s.name, s.reason])).toEqual([[5, 'TEMPLATE-W2012', 'template']]);
    expect(report.notes.join('\n')).toContain('column "Provisioned MB" (older RVTools) holds the same binary figure newer versions label MiB: read as MiB');
    expect(importRvtoolsCsv(read('rvtools-3.x-vInfo-MB.csv'), { storage: 'in-use' }).report.notes.join('\n')).toContain('"In Use MB"');
  });

  it('reads the command-line export, whose columns are named vInfoVMName, vInfoCPUs, ...', () => {
    const { scenario, report } = importRvtoolsCsv(read('rvtools-cli-vInfo.csv'));
    // 112640 - 10240 = 102400 MiB = 100 GiB
    expect(scenario.workloads).toEqual([{ name: 'linux-8vcpu-32gib', instances: 2, os: 'linux', vcpus: 8, memoryMiB: 32468, storageGiB: 100 }]);
    expect(report.skipped.map((s) => [s.name, s.reason, s.column])).toEqual([['jump-win', 'powered-off', 'vInfoPowerstate']]);
  });

  it('reads CSV bytes in UTF-16 with tabs, as Excel saves "Unicode Text"', async () => {
    const text = read('rvtools-3.x-vInfo-MB.csv').replace(/;/g, '\t');
    const body = Buffer.from(text, 'utf16le');
    const bytes = new Uint8Array(body.length + 2);
    bytes.set([0xff, 0xfe]);
    bytes.set(body, 2);
    const { scenario, report } = await importRvtools(bytes, { file: 'vInfo.txt' });
    expect(report.source).toBe('rvtools-csv');
    expect(scenario.workloads).toEqual(importRvtoolsCsv(read('rvtools-3.x-vInfo-MB.csv')).scenario.workloads);
  });

  it('reads grouped thousands and fractional MiB, and reports each', () => {
    const csv = 'VM,Powerstate,Template,CPUs,Memory,Provisioned MiB,OS according to the VMware Tools\n' + '"app-1","poweredOn","False","2","4,096","45056.5","Rocky Linux 9 (64-bit)"\n';
    const { scenario, report } = importRvtoolsCsv(csv);
    expect(scenario.workloads[0]).toMatchObject({ memoryMiB: 3796 });
    expect(report.adjusted.map((a) => a.message)).toEqual([
      'read "4,096" as 4096 (thousands separators)',
      '45056.5 MiB rounded up to 45057 MiB',
    ]);
    // 45056.5 is not grouped thousands: refused as not a number? No: "45056.5" mixes a group and a fraction.
  });
});

describe('malformed RVTools input', () => {
  it('names the missing columns of another tab (vHost) and hints at vInfo', () => {
    const issues = issuesOf(() => importRvtoolsCsv(read('rvtools-vHost-not-vInfo.csv')));
    expect(issues.map((i) => i.path)).toEqual(['vInfo row 1', 'vInfo row 1', 'vInfo row 1', 'vInfo row 1', 'vInfo row 1']);
    expect(issues[0]!.message).toMatch(/^no column "VM" or "vInfoVMName"; the header has "Host", "Datacenter", .*\(this looks like another RVTools tab: export vInfo\)$/);
    expect(issues.map((i) => i.message.split(';')[0])).toEqual([
      'no column "VM" or "vInfoVMName"',
      'no column "Powerstate" or "vInfoPowerstate"',
      'no column "CPUs" or "vInfoCPUs"',
      'no column "Memory" or "vInfoMemory"',
      'no column "Provisioned MiB" or "Provisioned MB" or "vInfoProvisioned"',
    ]);
  });

  it('lists every non-numeric or unknown cell with its row and column', () => {
    expect(() => importRvtoolsCsv(read('rvtools-non-numeric.csv'))).toThrowErrorMatchingInlineSnapshot(`
      [KernelcountError: vInfo row 3, column "CPUs": must be a whole number of vCPUs, got "four"
      vInfo row 4, column "Memory": must be memory in MiB, got "4 GB"
      vInfo row 5, column "Powerstate": must be poweredOn, poweredOff or suspended, got "running"]
    `);
  });

  it('refuses empty files, broken quoting, ragged rows, negative sizes, fractional CPUs and odd booleans', () => {
    const head = 'VM,Powerstate,Template,CPUs,Memory,Provisioned MiB\n';
    const cases: Array<[string, string, RegExp]> = [
      ['', 'vInfo.csv', /is empty: expected a header row/],
      ['\n\n  \n', 'vInfo.csv', /is empty/],
      [head + '"web-01,poweredOn,False,2,4096,45056\n', 'vInfo row 2', /not valid CSV: .*never closed/],
      [head + 'web-01,poweredOn,False,2,4096,45056,extra\n', 'vInfo row 2', /has 7 cells but the header has 6 columns/],
      [head + 'web-01,poweredOn,False,2,-4096,45056\n', 'vInfo row 2, column "Memory"', /must not be negative, got -4096/],
      [head + 'web-01,poweredOn,False,2.5,4096,45056\n', 'vInfo row 2, column "CPUs"', /must be a whole number of vCPUs, got "2.5"/],
      [head + 'web-01,poweredOn,maybe,2,4096,45056\n', 'vInfo row 2, column "Template"', /must be True or False, got "maybe"/],
      [head, 'vInfo.csv', /no VM to import: the file lists none/],
      [head + 't,poweredOff,True,2,4096,1\np,poweredOff,False,2,4096,1\n', 'vInfo.csv', /every one was skipped: 1 template \(--include-templates\), 1 powered-off \(--include-powered-off\)/],
    ];
    for (const [csv, pathText, pattern] of cases) {
      const issues = issuesOf(() => importRvtoolsCsv(csv));
      expect(issues[0]!.path, csv).toBe(pathText);
      expect(issues[0]!.message, csv).toMatch(pattern);
    }
  });

  it('skips and reports a VM whose CPUs or memory cell is empty', () => {
    const csv = 'VM,Powerstate,CPUs,Memory,Provisioned MiB\nok,poweredOn,1,2048,20480\nno-mem,poweredOn,2,,20480\n,poweredOn,1,1024,1\n';
    const { report } = importRvtoolsCsv(csv);
    expect(report.skipped.map((s) => [s.row, s.name, s.column, s.reason])).toEqual([
      [3, 'no-mem', 'Memory', 'missing-value'],
      [4, '', 'VM', 'missing-value'],
    ]);
  });

  it('refuses binaries that are not workbooks, and old .xls files, by their first bytes', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await issuesOfAsync(importRvtools(png, { file: 'photo.png' })))[0]).toMatchObject({ path: 'photo.png', message: 'is neither an .xlsx workbook nor CSV text' });
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]);
    expect((await issuesOfAsync(importRvtools(xls, { file: 'old.xls' })))[0]!.message).toMatch(/Excel 97-2003 \.xls workbook: save it as \.xlsx/);
    const fakeZip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const issue = (await issuesOfAsync(importRvtools(fakeZip, { file: 'broken.xlsx' })))[0]!;
    expect(issue).toMatchObject({ code: 'unreadable', path: 'broken.xlsx' });
    expect(issue.message).toMatch(/^is not a readable \.xlsx workbook: /);
    expect((await issuesOfAsync(importRvtoolsXlsx(new TextEncoder().encode('VM,CPUs\n'), { file: 'x.xlsx' })))[0]!.message).toMatch(/is text, not an \.xlsx workbook/);
  });
});

describe('importRvtoolsXlsx: the RVTools workbook', () => {
  let workbook: Uint8Array;
  let noVinfo: Uint8Array;

  // A workbook laid out as RVTools writes it: vInfo with the fixture's rows (numbers as numbers,
  // Template as booleans), another tab, and vMetaData in the RVTools 4.x form.
  beforeAll(async () => {
    const rows = Papa.parse<string[]>(modern, { skipEmptyLines: true }).data;
    const header = rows[0]!;
    const numeric = new Set(['CPUs', 'Memory', 'NICs', 'Disks', 'Total disk capacity MiB', 'Provisioned MiB', 'In Use MiB', 'Unshared MiB', 'Num Monitors', 'Video Ram KiB']);
    const wb = new ExcelJS.Workbook();
    const vinfo = wb.addWorksheet('vInfo');
    vinfo.addRow(header);
    for (const r of rows.slice(1)) {
      vinfo.addRow(
        r.map((v, i) => {
          const h = header[i]!;
          if (v === '') return null;
          if (numeric.has(h)) return Number(v);
          if (h === 'Template' || h === 'SRM Placeholder') return v === 'True';
          return v;
        }),
      );
    }
    // A formula cell with its cached result, and a rich-text name, as Excel may leave them.
    const memCol = header.indexOf('Memory') + 1;
    vinfo.getRow(2).getCell(memCol).value = { formula: '2048*2', result: 4096 };
    vinfo.getRow(3).getCell(1).value = { richText: [{ text: 'web-' }, { text: '02', font: { bold: true } }] };
    const vhost = wb.addWorksheet('vHost');
    vhost.addRow(['Host', '# CPU', '# Cores']);
    vhost.addRow(['esx01.lab.example', 2, 64]);
    const meta = wb.addWorksheet('vMetaData');
    meta.addRow(['RVTools major version', 'RVTools version', 'xlsx creation datetime', 'Server']);
    meta.addRow([4, '4.7.1.4', '2024/10/02 09:00:00', 'vcenter.lab.example']);
    workbook = new Uint8Array(await wb.xlsx.writeBuffer());
    const other = new ExcelJS.Workbook();
    other.addWorksheet('vHost').addRow(['Host']);
    other.addWorksheet('vDisk').addRow(['VM', 'Capacity MiB']);
    noVinfo = new Uint8Array(await other.xlsx.writeBuffer());
  });

  it('gives the same workloads, skips and totals as the CSV of the same rows', async () => {
    const x = await importRvtools(workbook, { file: 'RVTools_export_all.xlsx' });
    const c = importRvtoolsCsv(modern);
    expect(x.report.source).toBe('rvtools-xlsx');
    expect(x.scenario.workloads).toEqual(c.scenario.workloads);
    expect(x.report.skipped.map((s) => [s.row, s.reason])).toEqual(c.report.skipped.map((s) => [s.row, s.reason]));
    expect(x.report.totals).toEqual(c.report.totals);
    expect(x.report.notes).toContain('written by RVTools 4.7.1.4');
    expect(x.report.workloads[0]!.from).toContain('web-02');
  });

  it('reads another sheet when asked, and names the sheets when vInfo is missing', async () => {
    const issues = await issuesOfAsync(importRvtoolsXlsx(noVinfo, { file: 'partial.xlsx' }));
    expect(issues[0]).toMatchObject({ code: 'required', path: 'partial.xlsx', message: 'has no "vInfo" sheet; its sheets are "vHost", "vDisk"' });
    const wrong = await issuesOfAsync(importRvtoolsXlsx(noVinfo, { file: 'partial.xlsx', sheet: 'vDisk' }));
    expect(wrong.map((i) => i.path)).toContain('vDisk row 1');
  });

  it('takes bytes straight from readFileSync (a Buffer)', async () => {
    const { scenario } = await importRvtoolsXlsx(Buffer.from(workbook));
    expect(scenario.workloads).toHaveLength(5);
  });
});

describe('osFamilyFromGuestOs', () => {
  it('reads vSphere names, VMware Tools names and guest ids', () => {
    const cases: Array<[string, 'windows' | 'linux' | undefined]> = [
      ['Microsoft Windows Server 2022 (64-bit)', 'windows'],
      ['Microsoft Windows Server 2012 R2 Standard', 'windows'],
      ['windows2019srv_64Guest', 'windows'],
      ['winNetEnterpriseGuest', 'windows'],
      ['Red Hat Enterprise Linux 9 (64-bit)', 'linux'],
      ['rhel8_64Guest', 'linux'],
      ['CentOS 4/5/6/7 (64-bit)', 'linux'],
      ['Ubuntu 22.04.4 LTS', 'linux'],
      ['SUSE Linux Enterprise 15 (64-bit)', 'linux'],
      ['VMware Photon OS (64-bit)', 'linux'],
      ['Other 4.x or later Linux (64-bit)', 'linux'],
      ['Debian GNU/Linux 12 (64-bit)', 'linux'],
      ['FreeBSD 13 (64-bit)', undefined],
      ['Other (64-bit)', undefined],
      ['VMware ESXi 8.0 or later', undefined],
      ['Apple macOS 13 (64-bit)', undefined],
      ['darwin21_64Guest', undefined],
    ];
    for (const [text, family] of cases) expect(osFamilyFromGuestOs(text), text).toBe(family);
  });
});

describe('properties', () => {
  const vmArb = fc.record({
    name: fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/),
    power: fc.constantFrom('poweredOn', 'poweredOff', 'suspended'),
    template: fc.boolean(),
    cpus: fc.integer({ min: 1, max: 64 }),
    memoryMiB: fc.constantFrom(1024, 2048, 4096, 8192, 16384, 65536),
    provisionedMiB: fc.integer({ min: 0, max: 4_000_000 }),
    os: fc.constantFrom('Red Hat Enterprise Linux 9 (64-bit)', 'Microsoft Windows Server 2019 (64-bit)', 'Other (64-bit)', ''),
  });

  it('every row is imported or skipped; instances, CPU and memory add up to what was read (guest OS kept)', () => {
    fc.assert(
      fc.property(fc.array(vmArb, { minLength: 1, maxLength: 40 }), fc.boolean(), fc.boolean(), (vms, includeOff, includeTemplates) => {
        const csv = Papa.unparse({
          fields: ['VM', 'Powerstate', 'Template', 'CPUs', 'Memory', 'Provisioned MiB', 'OS according to the VMware Tools'],
          data: vms.map((v) => [v.name, v.power, v.template ? 'True' : 'False', v.cpus, v.memoryMiB, v.provisionedMiB, v.os]),
        });
        const expected = vms.filter((v) => (includeTemplates || !v.template) && (includeOff || v.power === 'poweredOn'));
        if (expected.length === 0) {
          expect(() => importRvtoolsCsv(csv, { includePoweredOff: includeOff, includeTemplates })).toThrow(KernelcountError);
          return;
        }
        const { report, scenario } = importRvtoolsCsv(csv, { includePoweredOff: includeOff, includeTemplates, guestOs: 'keep' });
        expect(report.imported + report.skipped.length).toBe(vms.length);
        expect(report.imported).toBe(expected.length);
        const t = report.totals.scenario;
        expect(t.instances).toBe(expected.length);
        expect(t.cpuMillicores).toBe(expected.reduce((s, v) => s + v.cpus * 1000, 0));
        expect(t.memoryMiB).toBe(expected.reduce((s, v) => s + v.memoryMiB, 0));
        // Averaging rounds each group up by less than one MiB per instance.
        const storage = expected.reduce((s, v) => s + v.provisionedMiB, 0);
        expect(t.storageMiB).toBeGreaterThanOrEqual(storage);
        expect(t.storageMiB - storage).toBeLessThan(expected.length); // at most n - 1 MiB for a group of n
        expect(scenario.workloads.reduce((s, w) => s + w.instances, 0)).toBe(expected.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe('importRvtoolsXlsx: hosts from the vHost sheet', () => {
  const VHOST = ['Host', 'Datacenter', 'Cluster', 'Config status', 'CPU Model', 'Speed', 'HT Available', 'HT Active', '# CPU', 'Cores per CPU', '# Cores', 'CPU usage %', '# Memory', 'Memory usage %', '# VMs', 'ESX Version'];
  const GOLD = 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz';
  const AMD = 'AMD EPYC 9354 32-Core Processor';
  const host = (name: string, model: string, ht: boolean, sockets: number | null, cores: number, total: number, memory: number | string | null) => [name, 'DC-LAB', 'CL-PROD', 'green', model, 2000, true, ht, sockets, cores, total, 23, memory, 61, 10, 'VMware ESXi 8.0.2'];
  async function book(vhost: unknown[][] | null): Promise<Uint8Array> {
    const rows = Papa.parse<string[]>(modern, { skipEmptyLines: true }).data;
    const wb = new ExcelJS.Workbook();
    const vinfo = wb.addWorksheet('vInfo');
    for (const r of rows) vinfo.addRow(r);
    if (vhost) {
      const ws = wb.addWorksheet('vHost');
      ws.addRow(VHOST);
      for (const r of vhost) ws.addRow(r);
    }
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('groups hosts by shape, most common first, with HT, memory in MiB, price 0 and the disk placeholder reported', async () => {
    const bytes = await book([
      host('esx01', GOLD, true, 2, 32, 64, 1048020),
      host('esx02', GOLD, true, 2, 32, 64, 1048020),
      host('esx03', AMD, false, 1, 32, 32, 786096),
      host('esx04', GOLD, true, 2, 32, 64, 1048020),
      host('esx05', GOLD, true, 2, 32, 48, 1048020), // # Cores disagrees: 2 x 32 = 64 is used
      host('esx06', GOLD, true, 2, 32, 64, null), // no memory: skipped
    ]);
    const { scenario, report } = await importRvtoolsXlsx(bytes, { file: 'rv.xlsx' });
    // 1,048,020 MiB is not a whole GiB, so the label keeps MiB
    expect(scenario.hosts).toEqual([
      { name: 'esxi-2x32c-1048020mib', sockets: 2, coresPerSocket: 32, threadsPerCore: 2, memoryMiB: 1048020, diskGiB: 7680, price: 0 },
      { name: 'esxi-1x32c-786096mib', sockets: 1, coresPerSocket: 32, threadsPerCore: 1, memoryMiB: 786096, diskGiB: 7680, price: 0 },
    ]);
    expect(report.hosts).toEqual([
      { name: 'esxi-2x32c-1048020mib', count: 4, placeholder: false, from: ['esx01', 'esx02', 'esx04', 'esx05'] },
      { name: 'esxi-1x32c-786096mib', count: 1, placeholder: false, from: ['esx03'] },
    ]);
    expect(report.skipped.filter((s) => s.where.startsWith('vHost'))).toEqual([
      { where: 'vHost row 7', row: 7, column: '# Memory', name: 'esx06', reason: 'missing-value', message: 'no "# Memory": the host is not a host type' },
    ]);
    expect(report.adjusted.map((a) => a.message)).toContain('"# Cores" says 48, but 2 sockets x 32 cores per CPU = 64: the sockets and cores per CPU are used');
    expect(report.warnings.join(' ')).toMatch(/price 0/);
    expect(report.warnings.join(' ')).not.toMatch(/placeholder \(price/);
  });

  it('names the row and column of a value that is not a number, and imports nothing', async () => {
    const bytes = await book([host('esx01', GOLD, true, 2, 32, 64, 'lots')]);
    const issues = await issuesOfAsync(importRvtoolsXlsx(bytes, { file: 'rv.xlsx' }));
    expect(issues).toEqual([{ code: 'invalid_type', path: 'vHost row 2, column "# Memory"', message: 'must be memory in MiB, got "lots"' }]);
  });

  it('keeps the placeholder with hostSheet false, without a vHost sheet, and uses the hosts given', async () => {
    const bytes = await book([host('esx01', GOLD, true, 2, 32, 64, 1048020)]);
    const off = await importRvtoolsXlsx(bytes, { hostSheet: false });
    expect(off.report.hosts[0]!.placeholder).toBe(true);
    const none = await importRvtoolsXlsx(await book(null));
    expect(none.report.hosts[0]!.placeholder).toBe(true);
    const mine = { name: 'mine', sockets: 2, coresPerSocket: 16, memoryGiB: 512, diskGiB: 4000, price: 20000 };
    expect((await importRvtoolsXlsx(bytes, { hosts: [mine] })).scenario.hosts).toEqual([mine]);
    const issues = await issuesOfAsync(importRvtoolsXlsx(await book(null), { file: 'rv.xlsx', hostSheet: 'Hosts' }));
    expect(issues[0]).toMatchObject({ path: 'rv.xlsx', message: 'has no "Hosts" sheet with hosts (hostSheet)' });
  });

  it('the imported hosts evaluate: the scenario runs as it is', async () => {
    const { scenario } = await importRvtoolsXlsx(await book([host('esx01', GOLD, true, 2, 32, 64, 1048020)]));
    expect(() => evaluate(scenario, { today: '2026-11-22' })).not.toThrow();
  });
});
