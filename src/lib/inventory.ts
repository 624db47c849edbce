/**
 * Inventories in, spreadsheets out, for the calculator: tells a dropped or picked file apart (a
 * scenario, an RVTools vInfo export, kubectl pods or nodes), plans what to import, runs the
 * package's importers (`kernelcount/importers`, loaded on demand) with the choices the dialog
 * offers, shapes the import report for tables, and builds the XLSX download
 * (`kernelcount/xlsx`, loaded on demand). Nothing here computes a figure: the importers and the
 * workbook writer do; this only picks, words and wraps.
 */
import type { ImportReport, ImportResult, KubectlImportOptions, RvtoolsImportOptions, SkipReason } from 'kernelcount/importers';
import type { Draft } from './calculatorModel';

/** What a file holds, judged by its name and first bytes. */
export type FileKind = 'scenario' | 'rvtools-csv' | 'rvtools-xlsx' | 'kubectl-pods' | 'kubectl-nodes' | 'xls' | 'unknown' | 'too-large';

/** A file as read from the picker or a drop: its bytes, what it is, and text or JSON when it has them. */
export interface InventoryFile {
  name: string;
  size: number;
  kind: FileKind;
  bytes: Uint8Array;
  /** Decoded text (absent for workbooks and binary data). */
  text?: string;
  /** Parsed JSON, when the file was JSON (kept so a large kubectl file is parsed once). */
  json?: unknown;
  /** Why the kind is `unknown`, `xls` or `too-large`. */
  why?: string;
}

/** Largest scenario file read (a scenario is a few KB). */
export const SCENARIO_MAX_BYTES = 5 * 1024 * 1024;
/** Largest inventory read: the importers' own limit (64 MiB; 10,000 pods of kubectl JSON is about 5.5 MiB). */
export const INVENTORY_MAX_BYTES = 64 * 1024 * 1024;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, sig: number[]) => b.length >= sig.length && sig.every((x, i) => b[i] === x);
const ext = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';

/** UTF-8 (with or without a byte-order mark) or UTF-16 with one; undefined when it is not text. */
export function decodeFileText(bytes: Uint8Array): string | undefined {
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (bytes.subarray(0, 4096).includes(0)) return undefined;
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `kubectl-pods` or `kubectl-nodes` for kubectl `-o json` output (a List or one object), else undefined. */
export function kubectlKind(doc: unknown): 'kubectl-pods' | 'kubectl-nodes' | undefined {
  if (!isObj(doc)) return undefined;
  const kind = doc['kind'];
  if (kind === 'Pod' || kind === 'PodList') return 'kubectl-pods';
  if (kind === 'Node' || kind === 'NodeList') return 'kubectl-nodes';
  const items = doc['items'];
  if (!Array.isArray(items)) return undefined;
  const first = items.find((i) => isObj(i) && typeof i['kind'] === 'string') as Obj | undefined;
  if (first?.['kind'] === 'Pod') return 'kubectl-pods';
  if (first?.['kind'] === 'Node') return 'kubectl-nodes';
  // An empty List from kubectl: the pods importer says there is nothing to import.
  if (kind === 'List' && items.length === 0 && typeof doc['apiVersion'] === 'string') return 'kubectl-pods';
  return undefined;
}

/** The header line of a CSV names RVTools vInfo columns (GUI export or the command-line `vInfo...` names). */
function looksLikeVinfo(text: string): boolean {
  const head = (text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').toLowerCase();
  if (head.includes('vinfovmname')) return true;
  const cells = head.split(/[,;\t|]/).map((c) => c.trim().replace(/^"|"$/g, ''));
  return cells.includes('vm') && (cells.includes('cpus') || cells.includes('powerstate'));
}

/**
 * What a file is, from its name and bytes: an .xlsx workbook (zip) is an RVTools export; JSON is
 * kubectl output when its items are Pods or Nodes, else a scenario; YAML is kubectl output when it
 * lists Pods or Nodes, else a scenario; CSV (or text with a vInfo header) is RVTools vInfo. Text of
 * no known kind is read as a scenario (YAML), as the calculator always did.
 *
 * @example
 * detectFile('vInfo.csv', new TextEncoder().encode('"VM","Powerstate","CPUs"\n')).kind //=> 'rvtools-csv'
 */
export function detectFile(name: string, bytes: Uint8Array): Omit<InventoryFile, 'name' | 'size' | 'bytes'> {
  const e = ext(name);
  if (startsWith(bytes, ZIP)) return { kind: 'rvtools-xlsx' };
  if (startsWith(bytes, OLE2) || e === 'xls') {
    return { kind: 'xls', why: 'is an Excel 97-2003 .xls workbook: save it as .xlsx in Excel, or export the vInfo tab as CSV' };
  }
  if (e === 'xlsx' || e === 'xlsm') return { kind: 'rvtools-xlsx' };
  const text = decodeFileText(bytes);
  if (text === undefined) {
    return { kind: 'unknown', why: 'is neither text nor an .xlsx workbook: expected a scenario (JSON or YAML), an RVTools export (.xlsx or vInfo .csv) or kubectl JSON' };
  }
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // kubectl output names its first item's kind near the top (keys come sorted: apiVersion, items,
    // kind): judged from the head, so megabytes of pods are parsed once, by the importer, off the page.
    const head = trimmed.slice(0, 65536);
    const k8s = /"kind"\s*:\s*"(Pod|Node)(List)?"/.exec(head);
    if (k8s && /"(items|metadata|spec)"\s*:/.test(head)) return { kind: k8s[1] === 'Pod' ? 'kubectl-pods' : 'kubectl-nodes', text };
    // Too large for a scenario: the scenario reader refuses it by size, without parsing it here.
    if (bytes.length > SCENARIO_MAX_BYTES) return { kind: 'scenario', text };
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      // Not valid JSON: the scenario reader names the error.
      return { kind: 'scenario', text };
    }
    const k = kubectlKind(json);
    return k ? { kind: k, text, json } : { kind: 'scenario', text, json };
  }
  if (e === 'csv' || e === 'tsv' || looksLikeVinfo(text)) return { kind: 'rvtools-csv', text };
  // kubectl get pods -A -o yaml: a List whose items are Pods (or Nodes).
  if (/^items:/m.test(trimmed) && /^kind:\s*List\s*$/m.test(trimmed)) {
    if (/^\s*(-\s+)?kind:\s*Pod\s*$/m.test(trimmed)) return { kind: 'kubectl-pods', text };
    if (/^\s*(-\s+)?kind:\s*Node\s*$/m.test(trimmed)) return { kind: 'kubectl-nodes', text };
  }
  return { kind: 'scenario', text };
}

/** Reads the files of a drop or the picker (files over the inventory limit are not read). */
export async function readFiles(files: Iterable<File>): Promise<InventoryFile[]> {
  const out: InventoryFile[] = [];
  for (const f of files) {
    if (f.size > INVENTORY_MAX_BYTES) {
      out.push({ name: f.name, size: f.size, kind: 'too-large', bytes: new Uint8Array(), why: `is ${mib(f.size)}; the limit is ${mib(INVENTORY_MAX_BYTES)}` });
      continue;
    }
    const bytes = new Uint8Array(await f.arrayBuffer());
    out.push({ name: f.name, size: f.size, bytes, ...detectFile(f.name, bytes) });
  }
  return out;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

const KIND_WORDS: Record<FileKind, string> = {
  scenario: 'a scenario file',
  'rvtools-csv': 'an RVTools vInfo export (CSV)',
  'rvtools-xlsx': 'an RVTools workbook (.xlsx)',
  'kubectl-pods': 'kubectl pods (get pods -A -o json)',
  'kubectl-nodes': 'kubectl nodes (get nodes -o json)',
  xls: 'an old .xls workbook',
  unknown: 'not a file the calculator reads',
  'too-large': 'too large',
};

/** What the calculator will do with the files given. */
export type ImportPlan =
  | { kind: 'scenario'; file: InventoryFile; ignored: InventoryFile[] }
  | { kind: 'rvtools'; file: InventoryFile; ignored: InventoryFile[] }
  | { kind: 'kubectl'; pods: InventoryFile; nodes?: InventoryFile; ignored: InventoryFile[] }
  | { kind: 'error'; message: string; details: string[] };

/** `name (what it is)` for messages. */
export function describeFile(f: InventoryFile): string {
  return `${f.name} (${KIND_WORDS[f.kind]})`;
}

/**
 * Decides what to import from the files of one drop: kubectl pods (with the first nodes file
 * beside them), else the first RVTools export, else the first scenario. A nodes file alone, an old
 * .xls, a file too large or of no known kind is an error naming the file and what was expected.
 */
export function planImport(files: readonly InventoryFile[]): ImportPlan {
  if (files.length === 0) return { kind: 'error', message: 'No file was given.', details: [] };
  const first = (k: FileKind) => files.find((f) => f.kind === k);
  const rest = (...used: Array<InventoryFile | undefined>) => files.filter((f) => !used.includes(f));
  const bad = files.filter((f) => f.kind === 'too-large' || f.kind === 'xls' || f.kind === 'unknown');
  const pods = first('kubectl-pods');
  if (pods) {
    const nodes = first('kubectl-nodes');
    return { kind: 'kubectl', pods, ...(nodes ? { nodes } : {}), ignored: rest(pods, nodes) };
  }
  const rv = first('rvtools-csv') ?? first('rvtools-xlsx');
  if (rv) return { kind: 'rvtools', file: rv, ignored: rest(rv) };
  const nodes = first('kubectl-nodes');
  if (nodes) {
    return {
      kind: 'error',
      message: `${nodes.name} lists Kubernetes nodes (kubectl get nodes -o json): drop it together with the pods, the output of kubectl get pods -A -o json.`,
      details: [],
    };
  }
  if (bad.length) {
    return {
      kind: 'error',
      message: bad.length === 1 ? `${bad[0]!.name} could not be imported.` : `None of the ${files.length} files could be imported.`,
      details: bad.map((f) => `${f.name} ${f.why ?? 'is not a file the calculator reads'}`),
    };
  }
  const scenario = first('scenario')!;
  return { kind: 'scenario', file: scenario, ignored: rest(scenario) };
}

/* ------------------------------------------------------------------------------------------ */
/* Choices and running the importers                                                          */

/** The importer options the dialog offers. */
export interface ImportChoices {
  /** RVTools: disk per VM as provisioned or as in use. */
  storage: 'provisioned' | 'in-use';
  /** RVTools: include powered-off and suspended VMs. */
  includePoweredOff: boolean;
  /** RVTools: include templates. */
  includeTemplates: boolean;
  /** RVTools: one workload per VM shape, or per VM. */
  group: 'shape' | 'vm';
  /** kubectl: size pods by requests or limits. */
  resources: 'requests' | 'limits';
  /** kubectl: leave out the kube-system namespace (cluster add-ons the new platform brings its own of). */
  excludeKubeSystem: boolean;
  /** Use the current scenario's hosts instead of the placeholder (RVTools) or the node shapes (kubectl). */
  keepHosts: boolean;
}

export const DEFAULT_CHOICES: ImportChoices = {
  storage: 'provisioned',
  includePoweredOff: false,
  includeTemplates: false,
  group: 'shape',
  resources: 'requests',
  excludeKubeSystem: false,
  keepHosts: false,
};

/** The current scenario's hosts, when it has any (for `keepHosts`). */
export function currentHosts(draft: Draft): unknown[] | undefined {
  const h = draft['hosts'];
  return Array.isArray(h) && h.length > 0 ? h : undefined;
}

export function rvtoolsOptions(c: ImportChoices, file: string, draft: Draft): RvtoolsImportOptions {
  const hosts = c.keepHosts ? currentHosts(draft) : undefined;
  return {
    file,
    storage: c.storage,
    includePoweredOff: c.includePoweredOff,
    includeTemplates: c.includeTemplates,
    group: c.group,
    ...(hosts ? { hosts: hosts as RvtoolsImportOptions['hosts'] } : {}),
  };
}

export function kubectlOptions(c: ImportChoices, pods: InventoryFile, nodes: InventoryFile | undefined, draft: Draft): KubectlImportOptions {
  const hosts = c.keepHosts ? currentHosts(draft) : undefined;
  return {
    file: pods.name,
    resources: c.resources,
    ...(c.excludeKubeSystem ? { excludeNamespaces: ['kube-system'] } : {}),
    ...(nodes ? { nodes: nodes.json ?? nodes.text, nodesFile: nodes.name } : {}),
    ...(hosts ? { hosts: hosts as KubectlImportOptions['hosts'] } : {}),
  };
}

type ImportersModule = typeof import('kernelcount/importers');
const loadImporters = (): Promise<ImportersModule> => import('kernelcount/importers');

export type ImportOutcome = { ok: true; result: ImportResult; text: string } | { ok: false; message: string; details: string[] };

/** The lines of an error: a KernelcountError's issues (`vInfo row 3, column "CPUs": must be ...`), else its message. */
export function errorLines(err: unknown): string[] {
  const issues = (err as { issues?: unknown })?.issues;
  if (Array.isArray(issues) && issues.length) {
    return issues.map((i: { path?: string; message?: string }) => (i.path ? `${i.path}: ${i.message ?? ''}` : String(i.message ?? '')));
  }
  return [err instanceof Error ? err.message : String(err)];
}

/**
 * Runs the importer a plan calls for with the dialog's choices: RVTools from the bytes (CSV in
 * UTF-8/16 or an .xlsx workbook), kubectl from the parsed JSON. Returns the scenario, the report
 * and the report as text, or the importer's problems, each naming its file, row and column.
 */
export async function runImport(plan: ImportPlan, choices: ImportChoices, draft: Draft, load: () => Promise<ImportersModule> = loadImporters): Promise<ImportOutcome> {
  if (plan.kind !== 'rvtools' && plan.kind !== 'kubectl') return { ok: false, message: 'Nothing to import.', details: [] };
  const name = plan.kind === 'rvtools' ? plan.file.name : plan.pods.name;
  let mod: ImportersModule;
  try {
    mod = await load();
  } catch (err) {
    return { ok: false, message: `The importer could not be loaded (${errorLines(err)[0]}). Check the connection and try again.`, details: [] };
  }
  try {
    const result =
      plan.kind === 'rvtools'
        ? await mod.importRvtools(plan.file.bytes, rvtoolsOptions(choices, plan.file.name, draft))
        : mod.importKubectl(plan.pods.json ?? plan.pods.text, kubectlOptions(choices, plan.pods, plan.nodes, draft));
    return { ok: true, result, text: mod.formatImportReport(result.report) };
  } catch (err) {
    const details = errorLines(err);
    return { ok: false, message: `${name} could not be imported: ${details.length === 1 ? 'one problem' : `${details.length} problems`}.`, details };
  }
}

/**
 * The plan as sent to the import worker: only what the importer reads (the bytes of a workbook or
 * CSV, the text of kubectl JSON), not the parsed JSON, which would cost a second copy.
 */
export function planForWorker(plan: ImportPlan): ImportPlan {
  const slim = (f: InventoryFile, keep: 'bytes' | 'text'): InventoryFile => {
    const { json: _json, ...rest } = f;
    return keep === 'bytes' ? { ...rest, text: undefined } : { ...rest, bytes: new Uint8Array() };
  };
  if (plan.kind === 'rvtools') return { ...plan, file: slim(plan.file, 'bytes'), ignored: [] };
  if (plan.kind === 'kubectl') {
    const pods = plan.pods.text === undefined ? plan.pods : slim(plan.pods, 'text');
    const nodes = plan.nodes && plan.nodes.text !== undefined ? slim(plan.nodes, 'text') : plan.nodes;
    return { ...plan, pods, ...(nodes ? { nodes } : {}), ignored: [] };
  }
  return plan;
}

/* ------------------------------------------------------------------------------------------ */
/* The report, shaped for the dialog                                                          */

const REASON_WORDS: Record<SkipReason, string> = {
  template: 'template',
  'powered-off': 'powered off',
  suspended: 'suspended',
  'srm-placeholder': 'SRM placeholder',
  'missing-value': 'missing value',
  'zero-size': 'zero size',
  completed: 'completed',
  failed: 'failed',
  'phase-unknown': 'phase unknown',
  'control-plane': 'control-plane node',
  'excluded-namespace': 'namespace excluded',
  'too-small': 'too small',
};

export function reasonWords(r: SkipReason | string): string {
  return REASON_WORDS[r as SkipReason] ?? r;
}

/** Command-line options the report's messages name, as the dialog's choices (or the command line's, for the others). */
const FLAG_WORDS: Array<[RegExp, string]> = [
  [/(?:include with )?--include-powered-off/g, 'tick “Include powered-off and suspended VMs”'],
  [/(?:include with )?--include-templates/g, 'tick “Include templates”'],
  [/--storage in-use/g, 'choose “in use” storage'],
  [/--storage provisioned/g, 'choose “provisioned” storage'],
  [/--resources limits/g, 'choose “limits”'],
  [/--resources requests/g, 'choose “requests”'],
  [/--group vm/g, 'tick “One workload per VM”'],
  [/--exclude-namespaces kube-system/g, 'tick “Leave out kube-system”'],
  [/(--[a-z][a-z-]*)/g, 'the command line’s $1'],
];

/** A report message with the command-line options it names given as the dialog's choices. */
export function browserWords(message: string): string {
  let out = message;
  for (const [re, words] of FLAG_WORDS) out = out.replace(re, words);
  return out;
}

const group = (n: number) => new Intl.NumberFormat('en-US').format(n);
const plural = (n: number, one: string, many = `${one}s`) => `${group(n)} ${n === 1 ? one : many}`;

/** One sentence: what was read, imported and skipped. */
export function importSummary(r: ImportReport): string {
  const unit = r.source === 'kubectl' ? 'pod' : 'VM';
  const skipped = r.read - r.imported;
  return (
    `Read ${plural(r.read, unit)} from ${r.file}: ${group(r.imported)} imported into ${plural(r.workloads.length, 'workload')} ` +
    `(${plural(r.totals.scenario.instances, 'instance')})` +
    (r.hosts.length ? ` and ${plural(r.hosts.length, 'host type')}` : '') +
    `; ${plural(skipped, unit)} skipped.`
  );
}

/** The banner after the scenario was replaced. */
export function appliedMessage(r: ImportReport): string {
  const w = r.warnings[0];
  const check = w ? ` Check the ${browserWords(w).replace(/\.$/, '')}${r.warnings.length > 1 ? ` (and ${r.warnings.length - 1} more warnings in the report)` : ''}.` : '';
  return `Imported ${r.file}: ${plural(r.workloads.length, 'workload')}, ${plural(r.totals.scenario.instances, 'instance')}${r.read > r.imported ? `, ${plural(r.read - r.imported, r.source === 'kubectl' ? 'pod' : 'VM')} skipped` : ''}.${check}`;
}

/** Workloads past which the editor gets slow and the scenario too long for a link. */
export const MANY_WORKLOADS = 200;

/** A warning when the import makes more workloads than the editor handles well, else null. */
export function sizeWarning(r: ImportReport, c: ImportChoices): string | null {
  const n = r.workloads.length;
  if (n <= MANY_WORKLOADS) return null;
  return (
    `This makes ${group(n)} workloads: the editor shows each one, so it will be slow, and the scenario may be too long to share as a link.` +
    (c.group === 'vm' ? ' Untick “One workload per VM” to group VMs of the same size.' : '')
  );
}

export interface ReportTable {
  caption: string;
  columns: string[];
  numeric: boolean[];
  rows: string[][];
  /** Rows not shown (past the display limit); the text report has them all. */
  more: number;
}

/** Rows shown per table of the report; the downloadable text report has every one. */
export const MAX_REPORT_ROWS = 100;

function limited(rows: string[][], max: number): { rows: string[][]; more: number } {
  return rows.length > max ? { rows: rows.slice(0, max), more: rows.length - max } : { rows, more: 0 };
}

/** Names as a short list: `a, b, c and 4 more`. */
export function nameList(list: readonly string[], max = 3): string {
  const shown = list.slice(0, max).join(', ');
  return list.length > max ? `${shown} and ${list.length - max} more` : shown;
}

/** The report's tables: rows skipped, values adjusted, workloads made, totals. */
export function reportTables(r: ImportReport, max = MAX_REPORT_ROWS): { skipped: ReportTable; adjusted: ReportTable; workloads: ReportTable; totals: ReportTable } {
  const unit = r.source === 'kubectl' ? 'pods' : 'VMs';
  const sk = limited(
    r.skipped.map((s) => [s.where, s.column ?? '', s.name, reasonWords(s.reason), browserWords(s.message)]),
    max,
  );
  const ad = limited(
    r.adjusted.map((a) => [a.where, a.column ?? '', a.name, browserWords(a.message), group(a.count)]),
    max,
  );
  const wl = limited(
    r.workloads.map((w) => [w.name, group(w.instances), w.os, group(w.cpuMillicores), group(w.memoryMiB), group(w.storageMiB), nameList(w.from)]),
    max,
  );
  const s = r.totals.source;
  const t = r.totals.scenario;
  return {
    skipped: { caption: `Skipped (${group(r.skipped.length)}): rows and items left out, and why`, columns: ['where', 'column or field', 'name', 'reason', 'why'], numeric: [false, false, false, false, false], ...sk },
    adjusted: { caption: `Adjusted (${group(r.adjusted.length)}): values the importer changed or filled in`, columns: ['where', 'column or field', 'name', 'what', 'count'], numeric: [false, false, false, false, true], ...ad },
    workloads: {
      caption: `Workloads made (${group(r.workloads.length)}), per instance`,
      columns: ['name', 'instances', 'OS', 'CPU (m)', 'memory (MiB)', 'storage (MiB)', 'from'],
      numeric: [false, true, false, true, true, true, false],
      ...wl,
    },
    totals: {
      caption: 'Totals: as read from the file, and as the scenario holds them',
      columns: ['', unit, 'CPU (m)', 'memory (MiB)', 'storage (MiB)'],
      numeric: [false, true, true, true, true],
      rows: [
        ['read', group(s.items), group(s.cpuMillicores), group(s.memoryMiB), group(s.storageMiB)],
        ['scenario', group(t.instances), group(t.cpuMillicores), group(t.memoryMiB), group(t.storageMiB)],
      ],
      more: 0,
    },
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Spreadsheets out                                                                           */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file name from the scenario's name: `vmware-estate-2025.xlsx`. */
export function fileStem(name: string): string {
  return (
    name
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .replace(/-$/, '') || 'scenario'
  );
}

export function xlsxFileName(name: string): string {
  return `${fileStem(name)}.xlsx`;
}

type XlsxModule = typeof import('kernelcount/xlsx');
const loadXlsx = (): Promise<XlsxModule> => import('kernelcount/xlsx');

/**
 * The scenario as an .xlsx workbook (Inputs, Line items with live formulas, Summary, Assumptions),
 * built by `kernelcount/xlsx`, loaded on demand. Returns the file or a message saying what failed.
 */
export async function buildWorkbook(
  scenario: Draft,
  today: string,
  load: () => Promise<XlsxModule> = loadXlsx,
): Promise<{ ok: true; blob: Blob; bytes: Uint8Array; fileName: string } | { ok: false; message: string; details: string[] }> {
  let mod: XlsxModule;
  try {
    mod = await load();
  } catch (err) {
    return { ok: false, message: `The spreadsheet writer could not be loaded (${errorLines(err)[0]}). Check the connection and try again.`, details: [] };
  }
  try {
    const bytes = await mod.scenarioXlsx(scenario, { today });
    const name = typeof scenario['name'] === 'string' && scenario['name'].trim() ? scenario['name'] : 'scenario';
    return { ok: true, bytes, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX_MIME }), fileName: xlsxFileName(name) };
  } catch (err) {
    return { ok: false, message: 'The workbook could not be made from this scenario.', details: errorLines(err).slice(0, 8) };
  }
}
