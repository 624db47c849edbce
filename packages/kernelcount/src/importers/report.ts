/**
 * What an import returns besides the scenario: every row or pod skipped and why, every value the
 * importer changed, the workloads it made and totals that add up exactly. Shared by the RVTools and
 * kubectl importers; `formatImportReport` renders it for the command line (standard error).
 */
import { KernelcountError, type Issue } from '../errors.js';
import type { HostInput, ScenarioInput } from '../scenario/types.js';

/** Where the inventory came from. */
export type ImportSource = 'rvtools-csv' | 'rvtools-xlsx' | 'kubectl';

/** Stable reasons a row (a VM) or a pod was left out of the scenario. */
export type SkipReason =
  | 'template'
  | 'powered-off'
  | 'suspended'
  | 'srm-placeholder'
  | 'missing-value'
  | 'zero-size'
  | 'completed'
  | 'failed'
  | 'phase-unknown'
  | 'control-plane'
  | 'too-small';

/** One row, pod or node left out, with where it is and why. */
export interface SkippedItem {
  /** Readable place: `vInfo row 7`, `items[3]`. */
  where: string;
  /** Spreadsheet row number (the header is row 1), for RVTools. */
  row?: number;
  /** The column or field that decided (`Template`, `status.phase`). */
  column?: string;
  /** VM name, `namespace/pod` or node name. */
  name: string;
  reason: SkipReason;
  message: string;
}

/** A value the importer changed, filled in or read in a particular way. */
export interface Adjustment {
  where: string;
  row?: number;
  column?: string;
  /** VM, workload or pod the change applies to. */
  name: string;
  message: string;
  /** How many rows or pods the same change applies to (1 unless grouped). */
  count: number;
}

/** One workload of the scenario and what it was made from. */
export interface ImportedWorkload {
  name: string;
  instances: number;
  /** Per instance, as written into the scenario. */
  cpuMillicores: number;
  memoryMiB: number;
  storageMiB: number;
  os: 'linux' | 'windows';
  /** The VMs (by name) or pods (`namespace/name`) it stands for. */
  from: string[];
}

/** One host type of the scenario and what it was made from. */
export interface ImportedHost {
  name: string;
  /** Nodes of this shape in the inventory (0 for a placeholder). */
  count: number;
  placeholder: boolean;
  from: string[];
}

/** Sums over what was imported: as read from the file, and as written into the scenario. */
export interface ImportTotals {
  /** The imported VMs or pods as read: VM vCPUs x 1000 or pod requests; storage on the chosen basis. */
  source: { items: number; cpuMillicores: number; memoryMiB: number; storageMiB: number };
  /** The scenario's workloads: the sum over workloads of instances x per-instance figures. */
  scenario: { instances: number; cpuMillicores: number; memoryMiB: number; storageMiB: number };
}

export interface ImportReport {
  source: ImportSource;
  /** File name as given, for messages. */
  file: string;
  /** Rows (VMs) or pods read, and how many of them went into the scenario. */
  read: number;
  imported: number;
  skipped: SkippedItem[];
  adjusted: Adjustment[];
  workloads: ImportedWorkload[];
  hosts: ImportedHost[];
  totals: ImportTotals;
  /** Things to know that change no value (basis chosen, columns found, version of the tool). */
  notes: string[];
  /** Things that can make the scenario wrong by a lot until you edit it (placeholder prices). */
  warnings: string[];
}

/** What every importer returns. */
export interface ImportResult {
  scenario: ScenarioInput;
  report: ImportReport;
}

/** Largest file an importer reads (64 MiB): an RVTools workbook of a large estate is well below. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** Issues listed in one error before the rest are counted: enough to fix a file, never a flood. */
export const MAX_LISTED_ISSUES = 50;

/**
 * The host written when the inventory says nothing about hardware: the example host of
 * `kernelcount init`. The report says it is a placeholder.
 */
export const PLACEHOLDER_HOST: HostInput = {
  name: 'example 2x32-core 1 TiB (replace with your hosts)',
  sockets: 2,
  coresPerSocket: 32,
  threadsPerCore: 2,
  memoryGiB: 1024,
  diskGiB: 7680,
  price: 38000,
  powerIdleW: 250,
  powerMaxW: 900,
  rackUnits: 2,
};

/** Collects issues while a file is read and throws them together, capped at MAX_LISTED_ISSUES. */
export class IssueList {
  readonly issues: Issue[] = [];
  private extra = 0;
  add(issue: Issue): void {
    if (this.issues.length < MAX_LISTED_ISSUES) this.issues.push(issue);
    else this.extra++;
  }
  throwIfAny(): void {
    if (this.issues.length === 0) return;
    const all = [...this.issues];
    if (this.extra > 0) all.push({ code: 'invalid_type', path: '', message: `... and ${this.extra} more problems of the same kinds` });
    throw new KernelcountError(all);
  }
}

/** Sums the scenario side of the totals from the workloads, so the two always agree. */
export function scenarioTotals(workloads: readonly ImportedWorkload[]): ImportTotals['scenario'] {
  let instances = 0;
  let cpuMillicores = 0;
  let memoryMiB = 0;
  let storageMiB = 0;
  for (const w of workloads) {
    instances += w.instances;
    cpuMillicores += w.instances * w.cpuMillicores;
    memoryMiB += w.instances * w.memoryMiB;
    storageMiB += w.instances * w.storageMiB;
  }
  return { instances, cpuMillicores, memoryMiB, storageMiB };
}

/** Memory as it appears in generated names: 4096 -> `4gib`, 3000 -> `3000mib`. */
export function sizeLabel(memoryMiB: number): string {
  return memoryMiB % 1024 === 0 ? `${memoryMiB / 1024}gib` : `${memoryMiB}mib`;
}

/** `2 vCPU`, `0.5 vCPU`: millicores as CPUs for people. */
export function cpuLabel(cpuMillicores: number): string {
  return `${cpuMillicores / 1000} vCPU`;
}

const SOURCE_LABEL: Record<ImportSource, string> = {
  'rvtools-csv': 'RVTools vInfo (CSV)',
  'rvtools-xlsx': 'RVTools workbook (xlsx)',
  kubectl: 'kubectl get pods -o json',
};

function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

function group(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Lists at most `max` names, then how many more. */
function names(list: readonly string[], max = 4): string {
  const shown = list.slice(0, max).join(', ');
  return list.length > max ? `${shown} and ${list.length - max} more` : shown;
}

/**
 * Renders an import report as plain text for a terminal: what was read, every skip and adjustment
 * with its row or field, the workloads and hosts made, totals, notes and warnings.
 *
 * @example
 * formatImportReport(importRvtoolsCsv(text).report).split('\n')[0]
 * //=> 'kernelcount import: vInfo.csv, RVTools vInfo (CSV)'
 */
export function formatImportReport(report: ImportReport): string {
  const unit = report.source === 'kubectl' ? 'pod' : 'VM';
  const out: string[] = [];
  out.push(`kernelcount import: ${report.file}, ${SOURCE_LABEL[report.source]}`);
  out.push(
    `  read ${plural(report.read, unit)}; imported ${group(report.imported)} into ${plural(report.workloads.length, 'workload')}` +
      ` (${plural(report.totals.scenario.instances, 'instance')}); skipped ${group(report.skipped.length)}`,
  );
  if (report.skipped.length) {
    out.push('', 'Skipped:');
    for (const s of report.skipped) out.push(`  ${s.where}  ${JSON.stringify(s.name)}: ${s.message} [${s.reason}]`);
  }
  if (report.adjusted.length) {
    out.push('', 'Adjusted:');
    for (const a of report.adjusted) out.push(`  ${a.where}  ${JSON.stringify(a.name)}: ${a.message}${a.count > 1 ? ` (x${a.count})` : ''}`);
  }
  if (report.workloads.length) {
    out.push('', 'Workloads (per instance):');
    const rows = report.workloads.map((w) => [
      w.name,
      String(w.instances),
      w.os,
      String(w.cpuMillicores),
      String(w.memoryMiB),
      String(w.storageMiB),
      names(w.from, 3),
    ]);
    out.push(...table(['name', 'instances', 'os', 'CPU (m)', 'memory (MiB)', 'storage (MiB)', 'from'], rows, [1, 3, 4, 5]));
  }
  if (report.hosts.length) {
    out.push('', 'Hosts:');
    for (const h of report.hosts) {
      out.push(`  ${h.name}${h.placeholder ? ' (placeholder)' : `: ${plural(h.count, 'node')} (${names(h.from)})`}`);
    }
  }
  const s = report.totals.source;
  const t = report.totals.scenario;
  out.push(
    '',
    'Totals:',
    `  read      ${plural(s.items, unit)}: CPU ${group(s.cpuMillicores)} m, memory ${group(s.memoryMiB)} MiB, storage ${group(s.storageMiB)} MiB`,
    `  scenario  ${plural(t.instances, 'instance')}: CPU ${group(t.cpuMillicores)} m, memory ${group(t.memoryMiB)} MiB, storage ${group(t.storageMiB)} MiB`,
  );
  if (report.notes.length) {
    out.push('', 'Notes:');
    for (const n of report.notes) out.push(`  - ${n}`);
  }
  if (report.warnings.length) {
    out.push('', 'Warnings:');
    for (const w of report.warnings) out.push(`  - ${w}`);
  }
  return out.join('\n') + '\n';
}

/** A left-aligned text table; columns listed in `right` are right-aligned. */
function table(head: string[], rows: string[][], right: number[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    '  ' +
    cells
      .map((c, i) => (right.includes(i) ? c.padStart(widths[i]!) : i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ');
  return [line(head), ...rows.map(line)];
}
