// Inventories in and spreadsheets out, without a browser: telling files apart, planning an import,
// running the package's importers with the dialog's choices on the test fixtures, shaping the
// report, and building the workbook (a real .xlsx that exceljs opens).
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { evaluate, parseScenarioText } from 'kernelcount';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHOICES,
  INVENTORY_MAX_BYTES,
  MANY_WORKLOADS,
  SCENARIO_MAX_BYTES,
  XLSX_MIME,
  appliedMessage,
  browserWords,
  buildWorkbook,
  detectFile,
  errorLines,
  fileStem,
  importSummary,
  kubectlKind,
  planForWorker,
  planImport,
  reasonWords,
  readFiles,
  reportTables,
  runImport,
  sizeWarning,
  xlsxFileName,
  type ImportPlan,
  type InventoryFile,
} from '../src/lib/inventory';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const enc = (text: string) => new TextEncoder().encode(text);
const file = (name: string, bytes: Uint8Array): InventoryFile => ({ name, size: bytes.length, bytes, ...detectFile(name, bytes) });
const example = (name: string) => parseScenarioText(readFileSync(new URL(`../packages/kernelcount/examples/${name}.yaml`, import.meta.url), 'utf8'), 'yaml') as Record<string, unknown>;

describe('telling files apart', () => {
  it('reads the fixtures as what they are', () => {
    expect(file('RVTools_export_vInfo.csv', fixture('RVTools_export_vInfo.csv')).kind).toBe('rvtools-csv');
    expect(file('kubectl-pods.json', fixture('kubectl-pods.json')).kind).toBe('kubectl-pods');
    expect(file('kubectl-nodes.json', fixture('kubectl-nodes.json')).kind).toBe('kubectl-nodes');
  });
  it('judges by content where the name does not tell', () => {
    expect(detectFile('export.txt', enc('"VM","Powerstate","Template","CPUs","Memory"\r\n"a","poweredOn","False","2","4096"\r\n')).kind).toBe('rvtools-csv');
    expect(detectFile('inventory', enc('vInfoVMName;vInfoCPUs\n')).kind).toBe('rvtools-csv');
    expect(detectFile('anything.json', enc('{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"}}')).kind).toBe('kubectl-pods');
    expect(detectFile('pods.yaml', enc('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\nkind: List\n')).kind).toBe('kubectl-pods');
    expect(detectFile('nodes.yaml', enc('apiVersion: v1\nitems:\n- apiVersion: v1\n  kind: Node\nkind: List\n')).kind).toBe('kubectl-nodes');
    // An .xlsx is a zip, whatever its name.
    expect(detectFile('upload.bin', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])).kind).toBe('rvtools-xlsx');
  });
  it('keeps scenarios as scenarios (JSON, YAML, and text of no known kind, as before)', () => {
    const json = detectFile('s.json', enc('{"hosts":[],"workloads":[]}'));
    expect(json.kind).toBe('scenario');
    expect(json.json).toEqual({ hosts: [], workloads: [] });
    expect(detectFile('s.yaml', enc('name: x\nhosts: []\n')).kind).toBe('scenario');
    // Broken JSON stays a scenario so that the scenario reader names the error.
    expect(detectFile('s.json', enc('{"hosts": [')).kind).toBe('scenario');
    expect(kubectlKind({ items: [{ name: 'not a pod' }] })).toBeUndefined();
    expect(kubectlKind({ apiVersion: 'v1', kind: 'List', items: [] })).toBe('kubectl-pods');
  });
  it('tells kubectl JSON from its head without parsing it (the importer parses it, off the page)', () => {
    const pods = detectFile('pods.json', fixture('kubectl-pods.json'));
    expect(pods.kind).toBe('kubectl-pods');
    expect(pods.json).toBeUndefined();
    expect(pods.text).toContain('"kind": "List"');
    // A JSON file too large for a scenario is not parsed here; the scenario reader refuses it by size.
    const huge = detectFile('huge.json', enc(`{"name": "${'x'.repeat(SCENARIO_MAX_BYTES)}"}`));
    expect(huge).toMatchObject({ kind: 'scenario' });
    expect(huge.json).toBeUndefined();
  });
  it('reads UTF-16 text with a byte-order mark (Excel "Unicode Text")', () => {
    const text = '\uFEFFVM\tPowerstate\tCPUs\n';
    const bytes = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i) & 0xff, (bytes[i * 2 + 1] = text.charCodeAt(i) >> 8);
    const d = detectFile('vInfo.txt', bytes);
    expect(d.kind).toBe('rvtools-csv');
  });
  it('names old workbooks and binary data', () => {
    const xls = detectFile('RVTools.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]));
    expect(xls.kind).toBe('xls');
    expect(xls.why).toMatch(/save it as \.xlsx/);
    const bin = detectFile('photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    expect(bin.kind).toBe('unknown');
    expect(bin.why).toMatch(/expected a scenario/);
  });
  it('reads File objects and refuses one over the limit without reading it', async () => {
    const files = await readFiles([new File([fixture('kubectl-pods.json')], 'pods.json')]);
    expect(files[0]!.kind).toBe('kubectl-pods');
    expect(files[0]!.size).toBe(fixture('kubectl-pods.json').length);
    const big = { name: 'huge.csv', size: INVENTORY_MAX_BYTES + 1, arrayBuffer: () => Promise.reject(new Error('must not be read')) } as unknown as File;
    const [r] = await readFiles([big]);
    expect(r!.kind).toBe('too-large');
    expect(r!.why).toMatch(/limit is 64\.0 MiB/);
  });
});

describe('planning an import', () => {
  const pods = file('pods.json', fixture('kubectl-pods.json'));
  const nodes = file('nodes.json', fixture('kubectl-nodes.json'));
  const rv = file('vInfo.csv', fixture('RVTools_export_vInfo.csv'));
  const scenario = file('s.yaml', enc('name: x\n'));
  it('pairs pods with nodes in either order', () => {
    const p = planImport([nodes, pods]);
    expect(p.kind).toBe('kubectl');
    expect(p.kind === 'kubectl' && p.pods.name).toBe('pods.json');
    expect(p.kind === 'kubectl' && p.nodes?.name).toBe('nodes.json');
  });
  it('takes the inventory and lists what it leaves', () => {
    const p = planImport([scenario, rv]);
    expect(p.kind).toBe('rvtools');
    expect(p.kind === 'rvtools' && p.ignored.map((f) => f.name)).toEqual(['s.yaml']);
    expect(planImport([scenario]).kind).toBe('scenario');
  });
  it('explains a nodes file alone, an old workbook, an unknown file', () => {
    const n = planImport([nodes]);
    expect(n.kind === 'error' && n.message).toMatch(/nodes\.json lists Kubernetes nodes.*kubectl get pods -A -o json/);
    const x = planImport([file('RVTools.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))]);
    expect(x.kind === 'error' && x.details[0]).toMatch(/^RVTools\.xls is an Excel 97-2003 \.xls workbook/);
    expect(planImport([]).kind).toBe('error');
  });
});

describe('running the importers with the dialog choices', () => {
  const rvPlan = planImport([file('RVTools_export_vInfo.csv', fixture('RVTools_export_vInfo.csv'))]);
  const k8sPlan = planImport([file('pods.json', fixture('kubectl-pods.json')), file('nodes.json', fixture('kubectl-nodes.json'))]);

  it('imports the RVTools fixture: skipped rows with row, column and reason; totals that add up', async () => {
    const o = await runImport(rvPlan, DEFAULT_CHOICES, {});
    if (!o.ok) throw new Error(o.details.join('\n'));
    const r = o.result.report;
    expect(r.read).toBe(8);
    expect(r.imported).toBe(6);
    expect(r.skipped.map((s) => [s.row, s.column, s.name, s.reason])).toEqual([
      [6, 'Template', 'tmpl-rhel9', 'template'],
      [7, 'Powerstate', 'old-app-02', 'powered-off'],
    ]);
    expect(importSummary(r)).toBe('Read 8 VMs from RVTools_export_vInfo.csv: 6 imported into 4 workloads (6 instances) and 1 host type; 2 VMs skipped.');
    const t = reportTables(r);
    expect(t.skipped.rows[0]).toEqual(['vInfo row 6', 'Template', 'tmpl-rhel9', 'template', 'Template = True: a template, not a running VM (tick “Include templates”)']);
    expect(t.totals.rows[1]![1]).toBe(String(r.totals.scenario.instances));
    expect(t.workloads.rows.map((w) => w[0])).toContain('linux-2vcpu-4gib');
    expect(o.text).toMatch(/^kernelcount import: RVTools_export_vInfo\.csv/);
    // The scenario evaluates as it is.
    expect(() => evaluate(o.result.scenario)).not.toThrow();
    expect(appliedMessage(r)).toBe(
      'Imported RVTools_export_vInfo.csv: 4 workloads, 6 instances, 2 VMs skipped. Check the hosts: example 2x32-core 1 TiB (replace with your hosts) is a placeholder (price 38000): replace it with your hardware and its price.',
    );
  });

  it('passes the options on: powered-off included, in-use storage, one workload per VM', async () => {
    const base = await runImport(rvPlan, DEFAULT_CHOICES, {});
    const o = await runImport(rvPlan, { ...DEFAULT_CHOICES, includePoweredOff: true, storage: 'in-use', group: 'vm' }, {});
    if (!o.ok || !base.ok) throw new Error('import failed');
    expect(o.result.report.imported).toBe(7);
    expect(o.result.report.skipped.map((s) => s.reason)).toEqual(['template']);
    expect(o.result.report.workloads).toHaveLength(7);
    expect(o.result.report.totals.source.storageMiB).toBeLessThan(base.result.report.totals.source.storageMiB);
  });

  it('keeps the current hosts when asked', async () => {
    const draft = example('linux-microservices');
    const o = await runImport(rvPlan, { ...DEFAULT_CHOICES, keepHosts: true }, draft);
    if (!o.ok) throw new Error(o.details.join('\n'));
    expect(o.result.scenario.hosts).toEqual(draft['hosts']);
    expect(o.result.report.warnings.join(' ')).not.toMatch(/placeholder/);
  });

  it('imports kubectl pods with nodes: completed pods and control-plane nodes skipped, defaults adjusted', async () => {
    const o = await runImport(k8sPlan, DEFAULT_CHOICES, {});
    if (!o.ok) throw new Error(o.details.join('\n'));
    const r = o.result.report;
    expect(r.source).toBe('kubectl');
    expect(r.skipped.map((s) => s.reason)).toEqual(['completed', 'control-plane']);
    expect(r.workloads.map((w) => [w.name, w.instances])).toEqual([
      ['shop/web', 3],
      ['shop/postgres', 2],
      ['ci/sandbox-runner', 1],
      ['default/debug-shell', 1],
    ]);
    expect(r.hosts.map((h) => [h.name, h.count])).toEqual([['m-16x64', 3]]);
    expect(reportTables(r).adjusted.rows.some((row) => /no cpu request or limit: 100 m used/.test(row[3]!))).toBe(true);
    const limits = await runImport(k8sPlan, { ...DEFAULT_CHOICES, resources: 'limits' }, {});
    expect(limits.ok && limits.result.report.notes.join(' ')).toMatch(/sized by their limits/);
  });

  it('leaves out kube-system when ticked, and lists those pods as skipped', async () => {
    const pods = JSON.parse(new TextDecoder().decode(fixture('kubectl-pods.json')));
    // the fixture's debug pod, moved into kube-system
    pods.items[7].metadata.namespace = 'kube-system';
    const plan = planImport([file('pods.json', new TextEncoder().encode(JSON.stringify(pods))), file('nodes.json', fixture('kubectl-nodes.json'))]);
    const kept = await runImport(plan, DEFAULT_CHOICES, {});
    const out = await runImport(plan, { ...DEFAULT_CHOICES, excludeKubeSystem: true }, {});
    if (!kept.ok || !out.ok) throw new Error('import failed');
    expect(kept.result.report.workloads.map((w) => w.name)).toContain('kube-system/debug-shell');
    expect(out.result.report.workloads.map((w) => w.name)).not.toContain('kube-system/debug-shell');
    expect(out.result.report.skipped.map((s) => [s.reason, s.name])).toContainEqual(['excluded-namespace', 'kube-system/debug-shell']);
    expect(reasonWords('excluded-namespace')).toBe('namespace excluded');
  });

  it('reports a malformed file with its row and column, and loads nothing', async () => {
    const bad = planImport([file('rvtools-bad-cpus.csv', fixture('rvtools-bad-cpus.csv'))]);
    const o = await runImport(bad, DEFAULT_CHOICES, {});
    expect(o.ok).toBe(false);
    if (o.ok) return;
    expect(o.message).toBe('rvtools-bad-cpus.csv could not be imported: one problem.');
    expect(o.details).toEqual(['vInfo row 3, column "CPUs": must be a whole number of vCPUs, got "four"']);
  });

  it('says when everything was skipped, and which option would include it', async () => {
    const csv = 'VM,Powerstate,Template,CPUs,Memory,Provisioned MiB,In Use MiB,OS according to the VMware Tools\r\nold,poweredOff,False,2,4096,40960,1024,Ubuntu Linux (64-bit)\r\n';
    const o = await runImport(planImport([file('off.csv', enc(csv))]), DEFAULT_CHOICES, {});
    expect(!o.ok && browserWords(o.details[0]!)).toMatch(/every one was skipped: 1 powered-off \(tick “Include powered-off and suspended VMs”\)/);
    const on = await runImport(planImport([file('off.csv', enc(csv))]), { ...DEFAULT_CHOICES, includePoweredOff: true }, {});
    expect(on.ok).toBe(true);
  });

  it('says so when the importer cannot be loaded', async () => {
    const o = await runImport(rvPlan, DEFAULT_CHOICES, {}, () => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    expect(!o.ok && o.message).toMatch(/could not be loaded \(Failed to fetch/);
  });

  it('warns when an import makes more workloads than the editor handles well', async () => {
    const rows = ['VM,Powerstate,Template,CPUs,Memory,Provisioned MiB,In Use MiB,OS according to the VMware Tools'];
    for (let i = 0; i < MANY_WORKLOADS + 1; i++) rows.push(`vm-${i},poweredOn,False,2,4096,40960,1024,Ubuntu Linux (64-bit)`);
    const plan = planImport([file('many.csv', enc(rows.join('\r\n')))]);
    const perVm = await runImport(plan, { ...DEFAULT_CHOICES, group: 'vm' }, {});
    if (!perVm.ok) throw new Error(perVm.details.join('\n'));
    expect(sizeWarning(perVm.result.report, { ...DEFAULT_CHOICES, group: 'vm' })).toMatch(/^This makes 201 workloads: .* Untick “One workload per VM”/);
    const byShape = await runImport(plan, DEFAULT_CHOICES, {});
    expect(byShape.ok && sizeWarning(byShape.result.report, DEFAULT_CHOICES)).toBeNull();
  });

  it('limits the rows shown and counts the rest', async () => {
    const o = await runImport(rvPlan, { ...DEFAULT_CHOICES, group: 'vm' }, {});
    if (!o.ok) throw new Error('import failed');
    const t = reportTables(o.result.report, 2);
    expect(t.workloads.rows).toHaveLength(2);
    expect(t.workloads.more).toBe(4);
  });
});

describe('the import worker', () => {
  it('gets only what the importer reads, and its answer survives the trip between threads', async () => {
    const rv = planImport([file('vInfo.csv', fixture('RVTools_export_vInfo.csv')), file('s.yaml', enc('name: x\n'))]);
    const slim = planForWorker(rv);
    expect(slim.kind === 'rvtools' && slim.file.bytes.length).toBe(fixture('RVTools_export_vInfo.csv').length);
    expect(slim.kind === 'rvtools' && slim.file.text).toBeUndefined();
    expect(slim.kind === 'rvtools' && slim.ignored).toEqual([]);
    const k8s = planImport([file('pods.json', fixture('kubectl-pods.json')), file('nodes.json', fixture('kubectl-nodes.json'))]);
    const slimK = planForWorker(k8s);
    expect(slimK.kind === 'kubectl' && [slimK.pods.bytes.length, slimK.nodes?.bytes.length]).toEqual([0, 0]);
    // What the worker receives and sends back is structured-cloneable, and imports the same.
    for (const [full, sent] of [
      [rv, slim],
      [k8s, slimK],
    ] as const) {
      const there = structuredClone(sent);
      const o = await runImport(there, DEFAULT_CHOICES, {});
      const back = structuredClone(o);
      const here = await runImport(full, DEFAULT_CHOICES, {});
      expect(back).toEqual(here);
    }
  });
});

describe('words for the browser', () => {
  it('names the dialog choices instead of command-line options', () => {
    expect(browserWords('not running (include with --include-powered-off)')).toBe('not running (tick “Include powered-off and suspended VMs”)');
    expect(browserWords('set your own with --default-cpu and --default-memory')).toBe('set your own with the command line’s --default-cpu and the command line’s --default-memory');
    expect(browserWords('pods sized by their requests (--resources limits for the other)')).toBe('pods sized by their requests (choose “limits” for the other)');
  });
  it('lists the issues of a KernelcountError, else the message', () => {
    expect(errorLines({ issues: [{ path: 'a', message: 'b' }, { path: '', message: 'c' }] })).toEqual(['a: b', 'c']);
    expect(errorLines(new Error('boom'))).toEqual(['boom']);
  });
});

describe('spreadsheets out', () => {
  it('names the file from the scenario', () => {
    expect(xlsxFileName('VMware estate — Zürich 2025')).toBe('vmware-estate-zurich-2025.xlsx');
    expect(xlsxFileName('   ')).toBe('scenario.xlsx');
    expect(fileStem('a'.repeat(80))).toHaveLength(60);
  });

  it('builds a workbook that exceljs opens, with the four sheets and the totals', async () => {
    const scenario = example('windows-lob-sql');
    const r = await buildWorkbook(scenario, '2026-01-01');
    if (!r.ok) throw new Error(r.details.join('\n'));
    expect(r.fileName).toBe(`${fileStem(String(scenario['name']))}.xlsx`);
    expect(r.blob.type).toBe(XLSX_MIME);
    expect([...r.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(r.blob.size).toBe(r.bytes.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.bytes) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Inputs', 'Line items', 'Summary', 'Assumptions']);
  });

  it('says what failed for a scenario the package refuses, or a writer that does not load', async () => {
    const r = await buildWorkbook({ hosts: [], workloads: [] }, '2026-01-01');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toBe('The workbook could not be made from this scenario.');
    expect(!r.ok && r.details.length).toBeGreaterThan(0);
    const l = await buildWorkbook({}, '2026-01-01', () => Promise.reject(new Error('offline')));
    expect(!l.ok && l.message).toMatch(/could not be loaded \(offline\)/);
  });
});

// A plan type check: the dialog only ever gets an inventory plan.
const _plan: ImportPlan['kind'][] = ['scenario', 'rvtools', 'kubectl', 'error'];
void _plan;
