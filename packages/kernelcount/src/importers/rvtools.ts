/**
 * RVTools vInfo -> kernelcount workloads.
 *
 * RVTools lists one VMware VM per row of its `vInfo` tab. Columns read (header names in any case;
 * the RVTools command-line CSV export names them `vInfo...`; RVTools versions before the move to
 * binary unit names wrote `MB` where newer ones write `MiB`, for the same vSphere figures):
 *
 * | field | vInfo header (xlsx / GUI CSV) | command-line CSV | unit |
 * |---|---|---|---|
 * | name | `VM` | `vInfoVMName` | |
 * | power | `Powerstate` (`poweredOn`, `poweredOff`, `suspended`) | `vInfoPowerstate` | |
 * | template | `Template` (`True`/`False`) | `vInfoTemplate` | |
 * | SRM placeholder | `SRM Placeholder` | `vInfoSRMPlaceHolder` | |
 * | CPUs | `CPUs` | `vInfoCPUs` | vCPUs |
 * | memory | `Memory` | `vInfoMemory` | MiB (vSphere's memorySizeMB) |
 * | provisioned disk | `Provisioned MiB`, older `Provisioned MB` | `vInfoProvisioned` | MiB |
 * | in-use disk | `In Use MiB`, older `In Use MB` | `vInfoInUse` | MiB |
 * | OS | `OS according to the VMware Tools`, else `OS according to the configuration file` | `vInfoOSTools`, `vInfoOS` | |
 *
 * The vSphere API reports VM memory in binary megabytes (`memorySizeMB` is MiB) and RVTools
 * divides storage by 1024 x 1024; an older header that says MB holds the same MiB figure, and the
 * report notes it.
 */
import { CATALOG } from '../catalog/catalog.js';
import { KernelcountError, describeValue, type Issue } from '../errors.js';
import { LIMITS } from '../scenario/validate.js';
import type { HostInput, PlatformInput, WorkloadInput } from '../scenario/types.js';
import {
  IssueList,
  PLACEHOLDER_HOST,
  nodeVmFor,
  nothingImported,
  scenarioTotals,
  sizeLabel,
  type Adjustment,
  type ImportReport,
  type ImportResult,
  type ImportSource,
  type ImportedHost,
  type ImportedWorkload,
  type SkippedItem,
} from './report.js';
import { decodeText, readCsvTable, readXlsxTable, sniffFile, type Cell, type Table } from './sheet.js';

/** Options for reading an RVTools vInfo export. */
export interface RvtoolsImportOptions {
  /** Disk per VM: `provisioned` (what the VM holds on the datastore, the default) or `in-use` (what it has written). */
  storage?: 'provisioned' | 'in-use';
  /** Include powered-off and suspended VMs (default: skip them, and report each). */
  includePoweredOff?: boolean;
  /** Include templates (default: skip them, and report each). */
  includeTemplates?: boolean;
  /** `shape` (default): one workload per OS, vCPU count and memory size, with an instance count; `vm`: one workload per VM. */
  group?: 'shape' | 'vm';
  /**
   * `subtract` (default): a VM's memory, vCPUs and disk include its guest OS, so the catalog's guest
   * OS figures are taken off to leave the app's own share, which the model's VM platforms add back.
   * `keep`: use the VM's figures as the app's.
   */
  guestOs?: 'subtract' | 'keep';
  /** Hosts of the scenario (default: the example host of `kernelcount init`, flagged as a placeholder). */
  hosts?: HostInput[];
  /** Sheet of a workbook to read (default `vInfo`). */
  sheet?: string;
  /**
   * A workbook's sheet of ESXi hosts (default `vHost`), whose hosts become the scenario's host types
   * by shape (sockets, cores, threads, memory, CPU model), most common first; `false` keeps the
   * placeholder host. Ignored for CSV and when `hosts` is given.
   */
  hostSheet?: string | false;
  /** File name for the report and messages (default `vInfo.csv` or `RVTools.xlsx`). */
  file?: string;
}

type Field = 'vm' | 'powerstate' | 'template' | 'srmPlaceholder' | 'cpus' | 'memory' | 'provisioned' | 'inUse' | 'osTools' | 'osConfig';

/** Header names each field is known by, newest first. */
export const RVTOOLS_COLUMNS: Readonly<Record<Field, readonly string[]>> = {
  vm: ['VM', 'vInfoVMName'],
  powerstate: ['Powerstate', 'vInfoPowerstate'],
  template: ['Template', 'vInfoTemplate'],
  srmPlaceholder: ['SRM Placeholder', 'vInfoSRMPlaceHolder'],
  cpus: ['CPUs', 'vInfoCPUs'],
  memory: ['Memory', 'vInfoMemory'],
  provisioned: ['Provisioned MiB', 'Provisioned MB', 'vInfoProvisioned'],
  inUse: ['In Use MiB', 'In Use MB', 'vInfoInUse'],
  osTools: ['OS according to the VMware Tools', 'vInfoOSTools'],
  osConfig: ['OS according to the configuration file', 'vInfoOS'],
};

const FIELDS = Object.keys(RVTOOLS_COLUMNS) as Field[];
const normalize = (h: string) => h.trim().replace(/\s+/g, ' ').toLowerCase();
const KNOWN_HEADERS = new Set(FIELDS.flatMap((f) => RVTOOLS_COLUMNS[f].map(normalize)));

/**
 * The OS family a guest OS string names: `windows`, `linux`, or undefined when it is neither or
 * unknown (`Other (64-bit)`, FreeBSD, nested ESXi). Reads vSphere's display names
 * (`Microsoft Windows Server 2019 (64-bit)`, `Red Hat Enterprise Linux 9 (64-bit)`), the VMware
 * Tools' own (`Ubuntu 22.04.3 LTS`) and guest ids (`windows2019srv_64Guest`, `rhel8_64Guest`).
 *
 * @example
 * osFamilyFromGuestOs('Microsoft Windows Server 2022 (64-bit)') //=> 'windows'
 * osFamilyFromGuestOs('Other 4.x or later Linux (64-bit)')      //=> 'linux'
 * osFamilyFromGuestOs('FreeBSD 13 (64-bit)')                    //=> undefined
 */
export function osFamilyFromGuestOs(text: string): 'windows' | 'linux' | undefined {
  if (/windows|microsoft/i.test(text) || /^win[A-Z0-9]/.test(text.trim())) return 'windows';
  if (
    /linux|red ?hat|\brhel|centos|ubuntu|debian|suse|\bsles|fedora|rocky|almalinux|photon|coreos|flatcar|asianux|mandr(ake|iva)|turbolinux|miracle|kylin|openeuler|gentoo|slackware/i.test(
      text,
    )
  ) {
    return 'linux';
  }
  return undefined;
}

interface Columns {
  index: Partial<Record<Field, number>>;
  header: Partial<Record<Field, string>>;
}

function findColumns(headers: readonly string[]): Columns {
  const index: Columns['index'] = {};
  const header: Columns['header'] = {};
  const norm = headers.map(normalize);
  for (const f of FIELDS) {
    for (const name of RVTOOLS_COLUMNS[f]) {
      const i = norm.indexOf(normalize(name));
      if (i !== -1) {
        index[f] = i;
        header[f] = headers[i]!;
        break;
      }
    }
  }
  return { index, header };
}

/** Where a cell is, for messages: `vInfo row 7, column "Memory"`. */
function at(table: Table, row: number, column?: string): string {
  return column === undefined ? `${table.sheet} row ${row}` : `${table.sheet} row ${row}, column ${JSON.stringify(column)}`;
}

type Num = { value: number; grouped?: string } | null | undefined;

/** A numeric cell: null when empty, undefined (with an issue) when not a number. */
function readNumber(cell: Cell, path: string, issues: IssueList, expected: string): Num {
  if (cell === null) return null;
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) {
      issues.add({ code: 'not_finite', path, message: `must be ${expected}, got ${describeValue(cell)}` });
      return undefined;
    }
    return { value: cell };
  }
  const text = String(cell).trim();
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return { value: Number(text) };
  // Thousands separators as a spreadsheet saved them: 4,096 or 4 096 or 4'096.
  if (/^\d{1,3}([,\u00a0\u202f ']\d{3})+$/.test(text)) return { value: Number(text.replace(/[,\u00a0\u202f ']/g, '')), grouped: text };
  issues.add({ code: 'invalid_type', path, message: `must be ${expected}, got ${describeValue(cell)}` });
  return undefined;
}

function readBoolean(cell: Cell, path: string, issues: IssueList): boolean | null | undefined {
  if (cell === null) return null;
  if (typeof cell === 'boolean') return cell;
  const t = String(cell).trim().toLowerCase();
  if (t === 'true' || t === 'yes' || t === '1') return true;
  if (t === 'false' || t === 'no' || t === '0') return false;
  issues.add({ code: 'invalid_type', path, message: `must be True or False, got ${describeValue(cell)}` });
  return undefined;
}

type Power = 'on' | 'off' | 'suspended';

function readPower(cell: Cell, path: string, issues: IssueList): Power | undefined {
  const t = cell === null ? '' : String(cell).trim().toLowerCase().replace(/[\s_-]/g, '');
  if (t === 'poweredon') return 'on';
  if (t === 'poweredoff') return 'off';
  if (t === 'suspended') return 'suspended';
  issues.add({ code: 'unknown_value', path, message: `must be poweredOn, poweredOff or suspended, got ${describeValue(cell)}` });
  return undefined;
}

/** One VM read from a row, before grouping. */
interface VmRow {
  row: number;
  name: string;
  os: 'linux' | 'windows' | 'unknown';
  cpus: number;
  memoryMiB: number;
  storageMiB: number;
}

function guestFigures(os: 'linux' | 'windows') {
  return {
    memoryMiB: CATALOG[`guestOs.${os}.memoryMiB`].value as number,
    cpuMillicores: CATALOG[`guestOs.${os}.cpuMillicores`].value as number,
    diskMiB: (CATALOG[`guestOs.${os}.diskGiB`].value as number) * 1024,
  };
}

/**
 * Turns the rows of a vInfo table into a scenario and a report. Shared by the CSV and xlsx readers.
 */
type HostField = 'host' | 'cluster' | 'cpuModel' | 'htActive' | 'sockets' | 'coresPerSocket' | 'cores' | 'memory';

/** vHost header names (RVTools 4.x) each host field is read from. */
export const RVTOOLS_HOST_COLUMNS: Readonly<Record<HostField, readonly string[]>> = {
  host: ['Host'],
  cluster: ['Cluster'],
  cpuModel: ['CPU Model'],
  htActive: ['HT Active'],
  sockets: ['# CPU'],
  coresPerSocket: ['Cores per CPU'],
  cores: ['# Cores'],
  memory: ['# Memory'],
};
const HOST_FIELDS = Object.keys(RVTOOLS_HOST_COLUMNS) as HostField[];
const KNOWN_HOST_HEADERS = new Set(HOST_FIELDS.flatMap((f) => RVTOOLS_HOST_COLUMNS[f].map(normalize)));

/** The hosts a vHost sheet lists, grouped by shape, with what was skipped or adjusted. */
interface VhostHosts {
  hosts: HostInput[];
  imported: ImportedHost[];
  skipped: SkippedItem[];
  adjusted: Adjustment[];
  notes: string[];
}

/**
 * ESXi hosts of a vHost sheet as host types: one per shape (sockets, cores per socket, hyper-threading,
 * memory, CPU model), most common first. RVTools gives memory in MiB (`# Memory`) and no local disk or
 * price: disk is set to the placeholder's figure and the price to 0, both reported for the user to set.
 */
function readVhost(table: Table, file: string): VhostHosts {
  const index = new Map<HostField, number>();
  const header: Partial<Record<HostField, string>> = {};
  table.headers.forEach((h, i) => {
    for (const f of HOST_FIELDS) {
      if (!index.has(f) && RVTOOLS_HOST_COLUMNS[f].some((n) => normalize(n) === normalize(h))) {
        index.set(f, i);
        header[f] = h;
      }
    }
  });
  const out: VhostHosts = { hosts: [], imported: [], skipped: [], adjusted: [], notes: [] };
  const needed: HostField[] = ['host', 'sockets', 'coresPerSocket', 'memory'];
  const missing = needed.filter((f) => !index.has(f));
  if (missing.length) {
    out.notes.push(`sheet ${table.sheet} lacks ${missing.map((f) => JSON.stringify(RVTOOLS_HOST_COLUMNS[f][0])).join(', ')}: hosts not read from it`);
    return out;
  }
  const issues = new IssueList();
  type Shape = { sockets: number; cores: number; threads: number; memoryMiB: number; model: string; rows: Array<{ row: number; name: string }> };
  const shapes = new Map<string, Shape>();
  for (const { row, cells } of table.rows) {
    const cell = (f: HostField): Cell => (index.has(f) ? (cells[index.get(f)!] ?? null) : null);
    const name = String(cell('host') ?? '').trim();
    const where = at(table, row);
    const num = (f: HostField, expected: string) => readNumber(cell(f), at(table, row, header[f]), issues, expected);
    const sockets = num('sockets', 'a whole number of CPU sockets');
    const cores = num('coresPerSocket', 'a whole number of cores per socket');
    const memory = num('memory', 'memory in MiB');
    const total = num('cores', 'a whole number of cores');
    const ht = index.has('htActive') ? readBoolean(cell('htActive'), at(table, row, header.htActive), issues) : null;
    if (sockets === undefined || cores === undefined || memory === undefined || total === undefined || ht === undefined) continue;
    const empty = (['host', 'sockets', 'coresPerSocket', 'memory'] as const).find((f) => (f === 'host' ? name === '' : { sockets, coresPerSocket: cores, memory }[f] === null));
    if (empty) {
      out.skipped.push({ where, row, column: header[empty], name: name || '(no name)', reason: 'missing-value', message: `no ${JSON.stringify(header[empty])}: the host is not a host type` });
      continue;
    }
    const bad = (v: number, min: number, integer: boolean) => !(v >= min) || (integer && !Number.isInteger(v));
    if (bad(sockets!.value, 1, true) || bad(cores!.value, 1, true) || bad(memory!.value, 1024, false)) {
      out.skipped.push({ where, row, column: header.sockets, name, reason: 'too-small', message: `${sockets!.value} sockets x ${cores!.value} cores, ${memory!.value} MiB is not a host (at least 1 socket, 1 core and 1024 MiB)` });
      continue;
    }
    const memoryMiB = Math.floor(memory!.value);
    if (total && total.value !== sockets!.value * cores!.value) {
      out.adjusted.push({ where, column: header.cores, name, message: `"# Cores" says ${total.value}, but ${sockets!.value} sockets x ${cores!.value} cores per CPU = ${sockets!.value * cores!.value}: the sockets and cores per CPU are used`, count: 1 });
    }
    const model = String(cell('cpuModel') ?? '').trim().replace(/\s+/g, ' ');
    const threads = ht === true ? 2 : 1;
    const key = [sockets!.value, cores!.value, threads, memoryMiB, model].join('|');
    const shape = shapes.get(key) ?? { sockets: sockets!.value, cores: cores!.value, threads, memoryMiB, model, rows: [] };
    shape.rows.push({ row, name });
    shapes.set(key, shape);
  }
  issues.throwIfAny();
  const sorted = [...shapes.values()].sort((a, b) => b.rows.length - a.rows.length || a.rows[0]!.row - b.rows[0]!.row);
  if (sorted.length > LIMITS.hosts) {
    throw new KernelcountError([{ code: 'too_large_input', path: `${file} sheet ${table.sheet}`, message: `${sorted.length} host shapes is more than a scenario holds (${LIMITS.hosts} host types)` }]);
  }
  const used = new Set<string>();
  for (const sh of sorted) {
    let name = `esxi-${sh.sockets}x${sh.cores}c-${sizeLabel(sh.memoryMiB)}`;
    for (let k = 2; used.has(name); k++) name = `esxi-${sh.sockets}x${sh.cores}c-${sizeLabel(sh.memoryMiB)}-${k}`;
    used.add(name);
    out.hosts.push({ name, sockets: sh.sockets, coresPerSocket: sh.cores, threadsPerCore: sh.threads, memoryMiB: sh.memoryMiB, diskGiB: PLACEHOLDER_HOST.diskGiB!, price: 0 });
    out.imported.push({ name, count: sh.rows.length, placeholder: false, from: sh.rows.map((r) => r.name) });
    const first = sh.rows[0]!;
    out.adjusted.push({
      where: at(table, first.row),
      name,
      message: `RVTools gives no local disk for a host: disk set to the placeholder's ${PLACEHOLDER_HOST.diskGiB} GiB (set what each host can hold)`,
      count: sh.rows.length,
    });
    out.notes.push(`${name}: ${sh.rows.length} host${sh.rows.length === 1 ? '' : 's'}${sh.model ? ` with ${sh.model}` : ''}, ${sh.threads === 2 ? 'hyper-threading on' : 'hyper-threading off or not reported'}`);
  }
  return out;
}

function importVinfo(table: Table, source: ImportSource, file: string, options: RvtoolsImportOptions, extraNotes: string[], vhost: VhostHosts | null = null): ImportResult {
  const storageBasis = options.storage ?? 'provisioned';
  const groupBy = options.group ?? 'shape';
  const guestOs = options.guestOs ?? 'subtract';
  checkOption(storageBasis, ['provisioned', 'in-use'], 'storage');
  checkOption(groupBy, ['shape', 'vm'], 'group');
  checkOption(guestOs, ['subtract', 'keep'], 'guestOs');

  const cols = findColumns(table.headers);
  const storageField: Field = storageBasis === 'provisioned' ? 'provisioned' : 'inUse';
  requireColumns(table.sheet, table.headers, storageBasis);

  const notes: string[] = [...extraNotes];
  const warnings: string[] = [];
  const skipped: SkippedItem[] = [];
  const adjusted: Adjustment[] = [];
  const issues = new IssueList();
  const h = cols.header;
  for (const f of ['provisioned', 'inUse'] as const) {
    const name = h[f];
    if (name && /\bMB$/i.test(name.trim())) {
      notes.push(`column ${JSON.stringify(name)} (older RVTools) holds the same binary figure newer versions label MiB: read as MiB`);
    }
  }
  if (h.template === undefined) warnings.push('no "Template" column: templates cannot be told from VMs, so every row was read as a VM');
  if (h.osTools === undefined && h.osConfig === undefined) warnings.push('no OS column: every VM is of unknown OS and counted as linux');

  const cell = (cells: Cell[], f: Field): Cell => (cols.index[f] === undefined ? null : (cells[cols.index[f]!] ?? null));
  const vms: VmRow[] = [];
  let inUseSum = 0;
  let provisionedSum = 0;
  let bothRead = 0;

  for (const { row, cells } of table.rows) {
    const nameCell = cell(cells, 'vm');
    const name = nameCell === null ? '' : String(nameCell).trim();
    const skip = (reason: SkippedItem['reason'], field: Field | undefined, message: string) =>
      skipped.push({ where: at(table, row), row, ...(field ? { column: h[field] } : {}), name, reason, message });
    if (name === '') {
      skip('missing-value', 'vm', `no VM name in column ${JSON.stringify(h.vm)}`);
      continue;
    }
    const template = h.template === undefined ? false : readBoolean(cell(cells, 'template'), at(table, row, h.template), issues);
    const srm = h.srmPlaceholder === undefined ? false : readBoolean(cell(cells, 'srmPlaceholder'), at(table, row, h.srmPlaceholder), issues);
    const power = readPower(cell(cells, 'powerstate'), at(table, row, h.powerstate), issues);
    const cpus = readNumber(cell(cells, 'cpus'), at(table, row, h.cpus), issues, 'a whole number of vCPUs');
    const memory = readNumber(cell(cells, 'memory'), at(table, row, h.memory), issues, 'memory in MiB');
    const storage = readNumber(cell(cells, storageField), at(table, row, h[storageField]), issues, 'a size in MiB');
    const otherField: Field = storageField === 'provisioned' ? 'inUse' : 'provisioned';
    const other = h[otherField] === undefined ? null : readNumber(cell(cells, otherField), at(table, row, h[otherField]), issues, 'a size in MiB');
    if (template === undefined || srm === undefined || power === undefined || cpus === undefined || memory === undefined || storage === undefined || other === undefined) {
      continue; // the issue is recorded; the whole file is refused below
    }
    if (cpus && (!Number.isInteger(cpus.value) || cpus.value < 0)) {
      issues.add({ code: 'not_integer', path: at(table, row, h.cpus), message: `must be a whole number of vCPUs, got ${describeValue(cell(cells, 'cpus'))}` });
      continue;
    }
    for (const [v, f] of [[memory, 'memory'], [storage, storageField], [other, otherField]] as const) {
      if (v && v.value < 0) issues.add({ code: 'too_small', path: at(table, row, h[f]), message: `must not be negative, got ${v.value}` });
    }
    if ((memory && memory.value < 0) || (storage && storage.value < 0) || (other && other.value < 0)) continue;

    if (template === true && !options.includeTemplates) {
      skip('template', 'template', `${h.template} = ${String(cell(cells, 'template'))}: a template, not a running VM (include with --include-templates)`);
      continue;
    }
    if (srm === true) {
      skip('srm-placeholder', 'srmPlaceholder', `${h.srmPlaceholder} = ${String(cell(cells, 'srmPlaceholder'))}: a Site Recovery Manager stand-in for a VM that runs at the other site`);
      continue;
    }
    if (power !== 'on' && !options.includePoweredOff) {
      skip(
        power === 'off' ? 'powered-off' : 'suspended',
        'powerstate',
        `${h.powerstate} = ${String(cell(cells, 'powerstate'))}: not running (include with --include-powered-off)`,
      );
      continue;
    }
    if (cpus === null || memory === null) {
      const f: Field = cpus === null ? 'cpus' : 'memory';
      skip('missing-value', f, `column ${JSON.stringify(h[f])} is empty (RVTools leaves it empty for a VM it could not read)`);
      continue;
    }
    if (cpus.value === 0 || memory.value === 0) {
      const f: Field = cpus.value === 0 ? 'cpus' : 'memory';
      skip('zero-size', f, `column ${JSON.stringify(h[f])} is 0 (an orphaned or inaccessible VM)`);
      continue;
    }
    for (const [v, f] of [[cpus, 'cpus'], [memory, 'memory'], [storage, storageField]] as const) {
      if (v?.grouped) adjusted.push({ where: at(table, row, h[f]), row, column: h[f], name, message: `read ${JSON.stringify(v.grouped)} as ${v.value} (thousands separators)`, count: 1 });
    }
    let memoryMiB = memory.value;
    if (!Number.isInteger(memoryMiB)) {
      memoryMiB = Math.ceil(memoryMiB);
      adjusted.push({ where: at(table, row, h.memory), row, column: h.memory, name, message: `${memory.value} MiB rounded up to ${memoryMiB} MiB`, count: 1 });
    }
    let storageMiB = 0;
    if (storage === null) {
      adjusted.push({ where: at(table, row, h[storageField]), row, column: h[storageField], name, message: 'empty: storage taken as 0', count: 1 });
    } else {
      storageMiB = Math.ceil(storage.value);
      if (storageMiB !== storage.value) {
        adjusted.push({ where: at(table, row, h[storageField]), row, column: h[storageField], name, message: `${storage.value} MiB rounded up to ${storageMiB} MiB`, count: 1 });
      }
    }
    if (storage !== null && other !== null) {
      bothRead++;
      provisionedSum += storageField === 'provisioned' ? storage.value : other.value;
      inUseSum += storageField === 'inUse' ? storage.value : other.value;
    }
    const toolsOs = cell(cells, 'osTools');
    const configOs = cell(cells, 'osConfig');
    const osText = toolsOs !== null ? String(toolsOs).trim() : configOs !== null ? String(configOs).trim() : '';
    const osColumn = toolsOs !== null ? h.osTools : h.osConfig;
    const family = osText ? osFamilyFromGuestOs(osText) : undefined;
    if (!family && (h.osTools !== undefined || h.osConfig !== undefined)) {
      adjusted.push({
        where: at(table, row, osColumn ?? h.osTools ?? h.osConfig),
        row,
        column: osColumn ?? h.osTools ?? h.osConfig,
        name,
        message: osText ? `OS ${JSON.stringify(osText)} is neither Windows nor Linux: counted as linux` : 'no OS given: counted as linux',
        count: 1,
      });
    }
    vms.push({ row, name, os: family ?? 'unknown', cpus: cpus.value, memoryMiB, storageMiB });
  }
  issues.throwIfAny();
  if (vms.length === 0) {
    throw nothingImported(file, 'VM', skipped, { template: '--include-templates', 'powered-off': '--include-powered-off', suspended: '--include-powered-off' });
  }

  const groups = groupVms(vms, groupBy);
  if (groups.length > LIMITS.workloads) {
    throw new KernelcountError([
      {
        code: 'too_large_input',
        path: groupBy === 'vm' ? 'group' : file,
        message: `${groups.length} workloads is more than a scenario holds (${LIMITS.workloads})${groupBy === 'vm' ? '; group identical VMs with --group shape' : ''}`,
      },
    ]);
  }

  const workloads: WorkloadInput[] = [];
  const imported: ImportedWorkload[] = [];
  for (const g of groups) {
    const os = g.os === 'unknown' ? 'linux' : g.os;
    const guest = guestOs === 'subtract' ? guestFigures(os) : { memoryMiB: 0, cpuMillicores: 0, diskMiB: 0 };
    let cpuMillicores = g.cpus * 1000 - guest.cpuMillicores;
    let memoryMiB = g.memoryMiB - guest.memoryMiB;
    const rows = g.members.map((m) => m.row);
    const where = rows.length === 1 ? at(table, rows[0]!) : `${table.sheet} rows ${rows.slice(0, 6).join(', ')}${rows.length > 6 ? ', ...' : ''}`;
    if (cpuMillicores < 1) {
      adjusted.push({ where, name: g.name, message: `${g.cpus} vCPU is no more than the guest OS's ${guest.cpuMillicores} m: app CPU set to 1 m`, count: g.members.length });
      cpuMillicores = 1;
    }
    if (memoryMiB < 1) {
      adjusted.push({
        where,
        name: g.name,
        message: `${g.memoryMiB} MiB of memory is no more than the ${os} guest OS's ${guest.memoryMiB} MiB: app memory set to 1 MiB (--guest-os keep uses the VM's figure)`,
        count: g.members.length,
      });
      memoryMiB = 1;
    }
    let storageSum = 0;
    let belowOsDisk = 0;
    for (const m of g.members) {
      const app = m.storageMiB - guest.diskMiB;
      if (app < 0) belowOsDisk++;
      storageSum += Math.max(0, app);
    }
    if (belowOsDisk > 0) {
      adjusted.push({
        where,
        name: g.name,
        message: `${belowOsDisk === 1 && g.members.length === 1 ? 'the VM has' : `${belowOsDisk} VMs have`} less ${storageBasis} disk than the ${os} guest OS's ${guest.diskMiB} MiB: app storage 0`,
        count: belowOsDisk,
      });
    }
    const storageMiB = Math.ceil(storageSum / g.members.length);
    if (storageMiB * g.members.length !== storageSum) {
      adjusted.push({
        where,
        name: g.name,
        message: `storage averaged over ${g.members.length} VMs: ${storageSum} MiB / ${g.members.length} rounded up to ${storageMiB} MiB each (+${storageMiB * g.members.length - storageSum} MiB in all)`,
        count: g.members.length,
      });
    }
    const w: WorkloadInput = { name: g.name, instances: g.members.length, os };
    if (cpuMillicores % 1000 === 0) w.vcpus = cpuMillicores / 1000;
    else w.cpuMillicores = cpuMillicores;
    w.memoryMiB = memoryMiB;
    // Whole MiB as GiB: an exact binary fraction, turned back into the same MiB by the validator.
    w.storageGiB = storageMiB / 1024;
    workloads.push(w);
    imported.push({ name: g.name, instances: g.members.length, cpuMillicores, memoryMiB, storageMiB, os, from: g.members.map((m) => m.name) });
  }

  const unknownOs = vms.filter((v) => v.os === 'unknown').length;
  if (unknownOs) notes.push(`${unknownOs} VM${unknownOs === 1 ? '' : 's'} of unknown OS counted as linux (set os: windows on a workload where that is wrong)`);
  if (guestOs === 'subtract' && vms.length) {
    const l = guestFigures('linux');
    const wdw = guestFigures('windows');
    notes.push(
      `guest OS taken off each VM to leave the app's share (the VM platforms add it back): linux ${l.memoryMiB} MiB memory, ${l.cpuMillicores} m CPU, ${l.diskMiB} MiB disk; ` +
        `windows ${wdw.memoryMiB} MiB, ${wdw.cpuMillicores} m, ${wdw.diskMiB} MiB (catalog guestOs.*; --guest-os keep uses the VM figures as they are)`,
    );
  }
  notes.push(`storage basis: ${storageBasis} (column ${JSON.stringify(h[storageField])}; --storage ${storageBasis === 'provisioned' ? 'in-use' : 'provisioned'} for the other)`);
  if (bothRead > 0 && provisionedSum > 0) {
    notes.push(
      `in use / provisioned over ${bothRead} VMs: ${inUseSum} / ${provisionedSum} MiB = ${(inUseSum / provisionedSum).toFixed(3)} ` +
        `(compare catalog vm.thinUsedFraction, used by platforms with disk: thin; the VM platforms here use disk: thick on the chosen basis)`,
    );
  }
  notes.push("each VM's vCPUs become its workload's CPU (containers then request all of it): lower vcpus for a right-sized estimate, and set cpuOvercommit to the ratio your hosts run at");
  const fromVhost = !options.hosts && vhost !== null && vhost.hosts.length > 0;
  if (vhost && !options.hosts) {
    skipped.push(...vhost.skipped);
    adjusted.push(...vhost.adjusted);
    notes.push(...vhost.notes);
  }
  if (fromVhost) warnings.push('hosts: the host types from the vHost sheet carry price 0 (RVTools does not know what a host costs): set each host price');
  else if (!options.hosts) warnings.push(`hosts: ${PLACEHOLDER_HOST.name} is a placeholder (price ${PLACEHOLDER_HOST.price}): replace it with your hardware and its price`);

  const sourceTotals = vms.reduce(
    (t, v) => ({ items: t.items + 1, cpuMillicores: t.cpuMillicores + v.cpus * 1000, memoryMiB: t.memoryMiB + v.memoryMiB, storageMiB: t.storageMiB + v.storageMiB }),
    { items: 0, cpuMillicores: 0, memoryMiB: 0, storageMiB: 0 },
  );
  const report: ImportReport = {
    source,
    file,
    read: vms.length + skipped.length,
    imported: vms.length,
    skipped,
    adjusted,
    workloads: imported,
    hosts: fromVhost ? vhost!.imported : (options.hosts ?? [PLACEHOLDER_HOST]).map((host) => ({ name: host.name, count: 0, placeholder: !options.hosts, from: [] })),
    totals: { source: sourceTotals, scenario: scenarioTotals(imported) },
    notes,
    warnings,
  };
  const hosts = options.hosts ?? (fromVhost ? vhost!.hosts : [{ ...PLACEHOLDER_HOST }]);
  const nodeVm = nodeVmFor(hosts[0]!, imported);
  if (nodeVm) notes.push(nodeVm.note);
  const platforms: PlatformInput[] = [
    { type: 'vm', name: 'vmware', hypervisor: 'esxi-6.7', hypervisorLicence: 'vvf', disk: 'thick' },
    { type: 'containers', name: 'k8s-bare-metal' },
    {
      type: 'containers-in-vms',
      name: 'k8s-on-vmware',
      hypervisor: 'esxi-6.7',
      hypervisorLicence: 'vvf',
      disk: 'thick',
      ...(nodeVm ? { nodeVm: nodeVm.size } : {}),
    },
    { type: 'microvm', name: 'kata', runtime: 'kata-clh' },
  ];
  return {
    scenario: {
      name: `RVTools import: ${file}`,
      description: `${vms.length} VMs from the RVTools vInfo of ${file} (${storageBasis} storage, grouped by ${groupBy})`,
      baseline: 'vmware',
      hosts,
      workloads,
      platforms,
    },
    report,
  };
}

/** Refuses a header without the columns a vInfo import needs, naming them and what the header has. */
function requireColumns(sheet: string, headers: readonly string[], storageBasis: 'provisioned' | 'in-use'): void {
  const cols = findColumns(headers);
  const storageField: Field = storageBasis === 'provisioned' ? 'provisioned' : 'inUse';
  const required: Field[] = ['vm', 'powerstate', 'cpus', 'memory', storageField];
  const missing = required.filter((f) => cols.index[f] === undefined);
  if (missing.length === 0) return;
  const found = headers.filter((h) => h !== '');
  const looksElsewhere = found.some((h) => /^(# cores|# cpu|capacity mib|capacity mb|vhost|vdisk|disk)$/i.test(h.trim()));
  throw new KernelcountError(
    missing.map((f) => ({
      code: 'required' as const,
      path: `${sheet} row 1`,
      message:
        `no column ${RVTOOLS_COLUMNS[f].map((n) => JSON.stringify(n)).join(' or ')}` +
        (f === storageField && cols.index[storageField === 'provisioned' ? 'inUse' : 'provisioned'] !== undefined
          ? ` (choose the other storage basis with --storage ${storageBasis === 'provisioned' ? 'in-use' : 'provisioned'})`
          : '') +
        `; the header has ${found.length ? found.slice(0, 12).map((h) => JSON.stringify(h)).join(', ') + (found.length > 12 ? ', ...' : '') : 'no names'}` +
        (looksElsewhere ? ' (this looks like another RVTools tab: export vInfo)' : ''),
    })),
  );
}

interface VmGroup {
  name: string;
  os: VmRow['os'];
  cpus: number;
  memoryMiB: number;
  members: VmRow[];
}

/** One group per shape (OS, vCPUs, memory) or per VM, largest groups first. */
function groupVms(vms: readonly VmRow[], by: 'shape' | 'vm'): VmGroup[] {
  if (by === 'vm') {
    const seen = new Map<string, number>();
    return vms.map((v) => {
      const n = (seen.get(v.name) ?? 0) + 1;
      seen.set(v.name, n);
      // The same VM name can appear twice (two vCenters in one export): keep both, told apart by row.
      return { name: n === 1 ? v.name : `${v.name} (row ${v.row})`, os: v.os, cpus: v.cpus, memoryMiB: v.memoryMiB, members: [v] };
    });
  }
  const map = new Map<string, VmGroup>();
  for (const v of vms) {
    const key = `${v.os}|${v.cpus}|${v.memoryMiB}`;
    let g = map.get(key);
    if (!g) {
      const prefix = v.os === 'unknown' ? 'unknown-os' : v.os;
      g = { name: `${prefix}-${v.cpus}vcpu-${sizeLabel(v.memoryMiB)}`, os: v.os, cpus: v.cpus, memoryMiB: v.memoryMiB, members: [] };
      map.set(key, g);
    }
    g.members.push(v);
  }
  return [...map.values()].sort((a, b) => b.members.length - a.members.length || a.name.localeCompare(b.name));
}

function checkOption(value: string, allowed: readonly string[], name: string): void {
  if (!allowed.includes(value)) {
    throw new KernelcountError([{ code: 'unknown_value', path: name, message: `must be one of ${allowed.join(', ')}, got ${describeValue(value)}` }]);
  }
}

/**
 * Imports the vInfo tab of RVTools saved as CSV (the GUI's export, the command-line `vInfo...`
 * headers, comma, semicolon or tab separated).
 *
 * @example
 * const { scenario, report } = importRvtoolsCsv(readFileSync('vInfo.csv', 'utf8'), { storage: 'in-use' });
 * scenario.workloads[0] //=> { name: 'linux-2vcpu-4gib', instances: 3, os: 'linux', vcpus: 2, memoryMiB: 3796, storageGiB: 30 }
 */
export function importRvtoolsCsv(text: string, options: RvtoolsImportOptions = {}): ImportResult {
  if (typeof text !== 'string') {
    throw new KernelcountError([{ code: 'invalid_type', path: options.file ?? 'vInfo.csv', message: 'must be CSV text' }]);
  }
  const file = options.file ?? 'vInfo.csv';
  const storage = options.storage ?? 'provisioned';
  checkOption(storage, ['provisioned', 'in-use'], 'storage');
  const table = readCsvTable(text, 'vInfo', file, (headers) => requireColumns('vInfo', headers, storage));
  return importVinfo(table, 'rvtools-csv', file, options, []);
}

/**
 * Imports the vInfo sheet of an RVTools .xlsx workbook (read with exceljs). The report notes the
 * RVTools version when the workbook's vMetaData sheet gives it.
 *
 * @example
 * const { scenario } = await importRvtoolsXlsx(readFileSync('RVTools_export_all.xlsx'));
 * scenario.workloads.length //=> 14
 */
export async function importRvtoolsXlsx(bytes: Uint8Array, options: RvtoolsImportOptions = {}): Promise<ImportResult> {
  const file = options.file ?? 'RVTools.xlsx';
  if (!(bytes instanceof Uint8Array)) throw new KernelcountError([{ code: 'invalid_type', path: file, message: 'must be the bytes of an .xlsx file' }]);
  const kind = sniffFile(bytes);
  if (kind !== 'xlsx') throw notXlsx(kind, file);
  const sheet = options.sheet ?? 'vInfo';
  const wanted = (header: string) => KNOWN_HEADERS.has(normalize(header));
  const hostSheet = options.hosts ? false : (options.hostSheet ?? 'vHost');
  if (hostSheet !== false && (typeof hostSheet !== 'string' || hostSheet.trim() === '')) {
    throw new KernelcountError([{ code: 'invalid_type', path: 'hostSheet', message: `must be a sheet name or false, got ${describeValue(hostSheet)}` }]);
  }
  const also = hostSheet === false ? {} : { [hostSheet]: (header: string) => KNOWN_HOST_HEADERS.has(normalize(header)) };
  const { table, meta, others } = await readXlsxTable(bytes, sheet, file, wanted, { also });
  const notes: string[] = [];
  const version = meta['RVTools version'] ?? meta['RVTools major version'];
  if (version) notes.push(`written by RVTools ${version}`);
  const hostTable = hostSheet === false ? null : (others[hostSheet] ?? null);
  if (hostSheet !== false && options.hostSheet !== undefined && hostTable === null) {
    throw new KernelcountError([{ code: 'required', path: file, message: `has no ${JSON.stringify(hostSheet)} sheet with hosts (hostSheet)` }]);
  }
  return importVinfo(table, 'rvtools-xlsx', file, options, notes, hostTable ? readVhost(hostTable, file) : null);
}

/**
 * Imports an RVTools export given as text (CSV) or bytes (an .xlsx workbook, or CSV bytes in UTF-8
 * or UTF-16), telling them apart by their first bytes.
 *
 * @example
 * const { scenario, report } = await importRvtools(readFileSync(path), { file: path });
 */
export async function importRvtools(input: string | Uint8Array, options: RvtoolsImportOptions = {}): Promise<ImportResult> {
  if (typeof input === 'string') return importRvtoolsCsv(input, options);
  if (!(input instanceof Uint8Array)) throw new KernelcountError([{ code: 'invalid_type', path: options.file ?? 'input', message: 'must be CSV text or the bytes of a file' }]);
  const kind = sniffFile(input);
  if (kind === 'xlsx') return importRvtoolsXlsx(input, options);
  if (kind === 'text') {
    const file = options.file ?? 'vInfo.csv';
    return importRvtoolsCsv(decodeText(input, file), { ...options, file });
  }
  throw notXlsx(kind, options.file ?? 'input');
}

function notXlsx(kind: 'xls' | 'binary' | 'text', file: string): KernelcountError {
  const issue: Issue =
    kind === 'xls'
      ? { code: 'unreadable', path: file, message: 'is an Excel 97-2003 .xls workbook: save it as .xlsx, or export the vInfo tab as CSV' }
      : kind === 'text'
        ? { code: 'unreadable', path: file, message: 'is text, not an .xlsx workbook: read it as CSV' }
        : { code: 'unreadable', path: file, message: 'is neither an .xlsx workbook nor CSV text' };
  return new KernelcountError([issue]);
}
