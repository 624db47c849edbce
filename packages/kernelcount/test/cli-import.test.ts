// `kernelcount import rvtools|kubectl`. Figures are the fixtures' hand-worked ones (see
// src/importers/rvtools.test.ts and kubectl.test.ts); these tests check the command around them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { run, type CliIo } from '../src/cli/run.js';
import { importKubectl } from '../src/importers/kubectl.js';
import { importRvtoolsCsv } from '../src/importers/rvtools.js';
import { pkgRoot } from './helpers.js';

const fixtures = path.join(pkgRoot, 'test/fixtures');
const fixture = (f: string) => readFileSync(path.join(fixtures, f), 'utf8');

/** An in-memory CliIo whose files may be text or bytes. */
function io(files: Record<string, string | Uint8Array> = {}): CliIo & { files: Record<string, string | Uint8Array> } {
  const get = (p: string) => {
    if (!(p in files)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
    return files[p]!;
  };
  return {
    files,
    readFile: (p) => {
      const v = get(p);
      return typeof v === 'string' ? v : new TextDecoder().decode(v);
    },
    readBytes: (p) => {
      const v = get(p);
      return typeof v === 'string' ? new TextEncoder().encode(v) : v;
    },
    readStdin: () => (typeof files['-'] === 'string' ? files['-'] : ''),
    writeFile: (p, t) => {
      if (p in files) throw new Error('exists');
      files[p] = t;
    },
    overwriteFile: (p, t) => void (files[p] = t),
    exists: (p) => p in files,
  };
}

async function cli(args: string[], files: Record<string, string | Uint8Array> = {}) {
  const r = await run(args, io(files));
  expect(r.stdout + r.stderr, args.join(' ')).not.toMatch(/NaN|Infinity|undefined|\[object /);
  return r;
}

const vinfo = fixture('rvtools-4.x-vInfo.csv');
const pods = fixture('kubectl-pods.json');
const nodes = fixture('kubectl-nodes.json');

describe('kernelcount import rvtools', () => {
  it('prints the scenario as YAML on stdout and the report on stderr', async () => {
    const r = await cli(['import', 'rvtools', 'vInfo.csv'], { 'vInfo.csv': vinfo });
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      '# kernelcount scenario imported from vInfo.csv by kernelcount import rvtools',
      '# 10 of 15 VMs imported into 5 workloads; 5 skipped (the import report lists each).',
    ]);
    expect(parse(r.stdout)).toEqual(importRvtoolsCsv(vinfo, { file: 'vInfo.csv' }).scenario);
    expect(r.stderr).toContain('read 15 VMs; imported 10 into 5 workloads (10 instances); skipped 5');
    expect(r.stderr).toContain('vInfo row 7  "tmpl-rhel9": Template = True: a template, not a running VM (include with --include-templates) [template]');
  });

  it('writes a scenario that kernelcount evaluate accepts', async () => {
    const files: Record<string, string | Uint8Array> = { 'vInfo.csv': vinfo };
    const w = await cli(['import', 'rvtools', 'vInfo.csv', '--out', 'scenario.yaml'], files);
    expect(w.code).toBe(0);
    expect(w.stdout).toBe('wrote scenario.yaml; edit its hosts and prices, then run: kernelcount evaluate scenario.yaml\n');
    expect(w.stderr).toMatch(/^kernelcount import: vInfo\.csv/);
    const e = await run(['evaluate', 'scenario.yaml', '--format', 'json', '--today', '2026-11-22'], io(files));
    expect(e.code, e.stderr).toBe(0);
    expect(JSON.parse(e.stdout).platforms.map((p: { name: string }) => p.name)).toEqual(['vmware', 'k8s-bare-metal', 'k8s-on-vmware', 'kata']);
    const again = await cli(['import', 'rvtools', 'vInfo.csv', '--out', 'scenario.yaml'], files);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/scenario\.yaml: already exists; use --force/);
    expect((await cli(['import', 'rvtools', 'vInfo.csv', '--out', 'scenario.yaml', '--force', '--format', 'json'], files)).code).toBe(0);
    expect(JSON.parse(files['scenario.yaml'] as string).baseline).toBe('vmware');
  });

  it('passes its options to the importer', async () => {
    const r = await cli(['import', 'rvtools', 'vInfo.csv', '--storage', 'in-use', '--group', 'vm', '--include-powered-off', '--include-templates', '--guest-os', 'keep', '--format', 'json'], {
      'vInfo.csv': vinfo,
    });
    expect(r.code).toBe(0);
    const expected = importRvtoolsCsv(vinfo, { file: 'vInfo.csv', storage: 'in-use', group: 'vm', includePoweredOff: true, includeTemplates: true, guestOs: 'keep' });
    expect(JSON.parse(r.stdout)).toEqual(expected.scenario);
    expect(expected.scenario.workloads).toHaveLength(13);
  });

  it('reads CSV from standard input', async () => {
    const r = await cli(['import', 'rvtools', '-'], { '-': fixture('rvtools-3.x-vInfo-MB.csv') });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^kernelcount import: standard input, RVTools vInfo \(CSV\)/);
  });

  describe('the .xlsx workbook', () => {
    let workbook: Uint8Array;
    beforeAll(async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('vInfo');
      ws.addRow(['VM', 'Powerstate', 'Template', 'CPUs', 'Memory', 'Provisioned MiB', 'In Use MiB', 'OS according to the VMware Tools']);
      ws.addRow(['app-01', 'poweredOn', false, 4, 16384, 112640, 50000, 'Red Hat Enterprise Linux 8 (64-bit)']);
      ws.addRow(['app-02', 'poweredOn', false, 4, 16384, 112640, 48000, 'Red Hat Enterprise Linux 8 (64-bit)']);
      ws.addRow(['w2019-tmpl', 'poweredOff', true, 2, 4096, 69632, 20000, '']);
      workbook = new Uint8Array(await wb.xlsx.writeBuffer());
    });

    it('reads the vInfo sheet from the bytes of the file', async () => {
      const r = await cli(['import', 'rvtools', 'RVTools.xlsx'], { 'RVTools.xlsx': workbook });
      expect(r.code, r.stderr).toBe(0);
      // 16384 - 300 = 16084 MiB; 112640 - 10240 = 102400 MiB = 100 GiB
      expect(parse(r.stdout).workloads).toEqual([{ name: 'linux-4vcpu-16gib', instances: 2, os: 'linux', vcpus: 4, memoryMiB: 16084, storageGiB: 100 }]);
      expect(r.stderr).toContain('RVTools workbook (xlsx)');
      expect(r.stderr).toContain('vInfo row 4  "w2019-tmpl"');
    });

    it('says which sheets there are when --sheet names a missing one', async () => {
      const r = await cli(['import', 'rvtools', 'RVTools.xlsx', '--sheet', 'vInfo2'], { 'RVTools.xlsx': workbook });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('RVTools.xlsx: has no "vInfo2" sheet; its sheets are "vInfo" [required]');
    });
  });
});

describe('kernelcount import rvtools: hosts from the workbook', () => {
  it('reads vHost into host types by default, and --host-sheet none keeps the placeholder', async () => {
    const wb = new ExcelJS.Workbook();
    const vinfo = wb.addWorksheet('vInfo');
    vinfo.addRow(['VM', 'Powerstate', 'Template', 'CPUs', 'Memory', 'Provisioned MiB', 'OS according to the VMware Tools']);
    vinfo.addRow(['app-01', 'poweredOn', false, 4, 16384, 102400, 'Ubuntu Linux (64-bit)']);
    const vhost = wb.addWorksheet('vHost');
    vhost.addRow(['Host', 'CPU Model', 'HT Active', '# CPU', 'Cores per CPU', '# Cores', '# Memory']);
    vhost.addRow(['esx01', 'Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz', true, 2, 32, 64, 1048576]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await cli(['import', 'rvtools', 'rv.xlsx', '--format', 'json'], { 'rv.xlsx': bytes });
    expect(r.code, r.stderr).toBe(0);
    // 1,048,576 MiB = 1024 GiB exactly
    expect(JSON.parse(r.stdout).hosts).toEqual([{ name: 'esxi-2x32c-1024gib', sockets: 2, coresPerSocket: 32, threadsPerCore: 2, memoryMiB: 1048576, diskGiB: 7680, price: 0 }]);
    const off = await cli(['import', 'rvtools', 'rv.xlsx', '--format', 'json', '--host-sheet', 'none'], { 'rv.xlsx': bytes });
    expect(JSON.parse(off.stdout).hosts[0].name).toMatch(/replace with your hosts/);
    const missing = await cli(['import', 'rvtools', 'rv.xlsx', '--host-sheet', 'Hosts'], { 'rv.xlsx': bytes });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/has no "Hosts" sheet with hosts/);
  });
});

describe('kernelcount import kubectl', () => {
  it('imports pods and nodes', async () => {
    const r = await cli(['import', 'kubectl', 'pods.json', '--nodes', 'nodes.json', '--format', 'json'], { 'pods.json': pods, 'nodes.json': nodes });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(importKubectl(pods, { nodes, file: 'pods.json', nodesFile: 'nodes.json' }).scenario);
    expect(r.stderr).toContain('read 21 pods; imported 17 into 9 workloads (17 instances); skipped 4');
    expect(r.stderr).toContain('linux-8cpu-32011mib: 3 nodes (worker-1, worker-2, worker-3)');
  });

  it('takes --exclude-namespaces as a comma-separated list', async () => {
    const r = await cli(['import', 'kubectl', 'pods.json', '--exclude-namespaces', 'kube-system, batch', '--format', 'json'], { 'pods.json': pods });
    expect(r.code, r.stderr).toBe(0);
    const names = JSON.parse(r.stdout).workloads.map((w: { name: string }) => w.name);
    expect(names.some((n: string) => n.startsWith('kube-system/'))).toBe(false);
    // 7 kube-system pods and the 2 finished batch pods are left out
    expect(r.stderr).toContain('read 21 pods; imported 12 into 7 workloads (12 instances); skipped 9');
    const bad = await cli(['import', 'kubectl', 'pods.json', '--exclude-namespaces', 'kube-system,'], { 'pods.json': pods });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--exclude-namespaces\[1\]: must be a namespace name/);
  });

  it('takes --resources, --default-cpu and --default-memory', async () => {
    const r = await cli(['import', 'kubectl', 'pods.json', '--resources', 'limits', '--default-cpu', '50m', '--default-memory', '64Mi', '--format', 'json'], { 'pods.json': pods });
    expect(r.code, r.stderr).toBe(0);
    const cache = JSON.parse(r.stdout).workloads.find((w: { name: string }) => w.name === 'shop/cache');
    expect(cache).toMatchObject({ cpuMillicores: 50, memoryMiB: 64 });
    const web = JSON.parse(r.stdout).workloads.find((w: { name: string }) => w.name === 'shop/web');
    // limits: web 500m + log-shipper has no CPU limit, so its 50m request; memory 512Mi + 128Mi
    expect(web).toMatchObject({ cpuMillicores: 550, memoryMiB: 640 });
  });
});

describe('kernelcount import: mistakes exit 2 with the flag, file, row or field', () => {
  it('names what is wrong', async () => {
    const files = {
      'vInfo.csv': vinfo,
      'bad.csv': fixture('rvtools-non-numeric.csv'),
      'vhost.csv': fixture('rvtools-vHost-not-vInfo.csv'),
      'pods.json': pods,
      'bad-pods.json': fixture('kubectl-pods-malformed.json'),
    };
    const cases: Array<[string[], RegExp]> = [
      [['import'], /source: give rvtools or kubectl, then a file \[required\]/],
      [['import', 'vmware', 'x.csv'], /source: must be rvtools or kubectl, got "vmware" \[unknown_value\]/],
      [['import', 'rvtools'], /file: give the vInfo CSV or RVTools \.xlsx/],
      [['import', 'rvtools', 'a.csv', 'b.csv'], /file: give one file, got 2/],
      [['import', 'rvtools', 'missing.csv'], /missing\.csv: cannot read: no such file \[unreadable\]/],
      [['import', 'rvtools', 'vInfo.csv', '--storage', 'used'], /--storage: must be one of provisioned, in-use, got "used"/],
      [['import', 'rvtools', 'vInfo.csv', '--group', 'cluster'], /--group: must be one of shape, vm/],
      [['import', 'rvtools', 'vInfo.csv', '--nodes', 'n.json'], /--nodes: applies to import kubectl, not rvtools/],
      [['import', 'kubectl', 'pods.json', '--include-templates'], /--include-templates: applies to import rvtools, not kubectl/],
      [['import', 'rvtools', 'vInfo.csv', '--format', 'csv'], /--format: must be one of yaml, json/],
      [['import', 'rvtools', 'bad.csv'], /vInfo row 3, column "CPUs": must be a whole number of vCPUs, got "four" \[invalid_type\]/],
      [['import', 'rvtools', 'vhost.csv'], /vInfo row 1: no column "VM" or "vInfoVMName"/],
      [['import', 'kubectl', 'bad-pods.json'], /bad-pods\.json items\[0\]\.spec\.containers\[0\]\.resources\.requests\.memory: unknown suffix "GB"/],
      [['import', 'kubectl', 'pods.json', '--nodes', 'nodes-missing.json'], /nodes-missing\.json: cannot read: no such file/],
      [['import', 'kubectl', 'pods.json', '--default-cpu', 'lots'], /--default-cpu: must be a CPU amount/],
      [['import', 'kubectl', 'pods.json', '--default-memory', '-1Gi'], /--default-memory: must be > 0/],
      [['import', 'rvtools', 'vInfo.csv', '--bogus'], /unknown option --bogus/],
    ];
    for (const [args, pattern] of cases) {
      const r = await cli(args, { ...files });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr, args.join(' ')).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('has --help', async () => {
    const r = await cli(['import', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage:\n {2}kernelcount import rvtools/);
    expect((await cli(['--help'])).stdout).toContain('kernelcount import rvtools');
  });
});

describe('kernelcount import as a process (bin/kernelcount.js over the built dist/)', () => {
  it('reads a workbook from disk and writes YAML', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kc-import-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('vInfo');
    ws.addRow(['VM', 'Powerstate', 'Template', 'CPUs', 'Memory', 'Provisioned MiB', 'OS according to the VMware Tools']);
    ws.addRow(['db-01', 'poweredOn', false, 8, 65536, 1048576, 'Microsoft Windows Server 2022 (64-bit)']);
    const file = path.join(dir, 'RVTools_export_all.xlsx');
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const r = spawnSync(process.execPath, [path.join(pkgRoot, 'bin/kernelcount.js'), 'import', 'rvtools', file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    // 65536 - 2048 = 63488 MiB; 1048576 - 32768 = 1015808 MiB = 992 GiB
    expect(parse(r.stdout).workloads).toEqual([{ name: 'windows-8vcpu-64gib', instances: 1, os: 'windows', vcpus: 8, memoryMiB: 63488, storageGiB: 992 }]);
    expect(r.stderr).toContain('imported 1 into 1 workload');
    const bad = spawnSync(process.execPath, [path.join(pkgRoot, 'bin/kernelcount.js'), 'import', 'rvtools', path.join(pkgRoot, 'package.json'), '--storage', 'in-use'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/vInfo row 1: no column "VM"/);
  });
});
