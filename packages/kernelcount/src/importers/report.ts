/**
 * What an import returns besides the scenario: every row or pod skipped and why, every value the
 * importer changed, the workloads it made and totals that add up exactly. Shared by the RVTools and
 * kubectl importers; `formatImportReport` renders it for the command line (standard error).
 */
import { KernelcountError, type Issue } from '../errors.js';
import { CATALOG } from '../catalog/catalog.js';
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
  | 'excluded-namespace'
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

/**
 * The error for an inventory of which nothing could be imported (a scenario needs a workload):
 * how many items were skipped for each reason, and the options that would include them.
 */
export function nothingImported(file: string, unit: string, skipped: readonly SkippedItem[], hints: Partial<Record<SkipReason, string>>): KernelcountError {
  const counts = new Map<SkipReason, number>();
  for (const s of skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  const reasons = [...counts.entries()].map(([r, n]) => `${n} ${r}${hints[r] ? ` (${hints[r]})` : ''}`).join(', ');
  return new KernelcountError([
    { code: 'required', path: file, message: skipped.length ? `no ${unit} to import: every one was skipped: ${reasons}` : `no ${unit} to import: the file lists none` },
  ]);
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

/** A node VM size for the containers-in-VMs platform, as the scenario writes it. */
export interface NodeVmSize {
  vcpus: number;
  memoryGiB: number;
  diskGiB: number;
}

/** Share of a host one node VM may take at most. */
const NODE_VM_HOST_SHARE = 0.5;

/**
 * Sizes the node VM of a containers-in-VMs platform for imported workloads: the catalog's default
 * node VM (k8s.nodeVm), doubled in each dimension until it holds two of the largest instance, then
 * held to at most half the host's threads, memory and disk. The largest instance includes a
 * stacked control-plane node (k8s.controlPlane.perNode), which the platform places on node VMs. Returns undefined when the default is right, with a note otherwise.
 *
 * @example
 * nodeVmFor(PLACEHOLDER_HOST, [{ cpuMillicores: 8000, memoryMiB: 30720, storageMiB: 512000 }]).size
 * //=> { vcpus: 16, memoryGiB: 64, diskGiB: 1600 }
 */
export function nodeVmFor(
  host: HostInput,
  workloads: ReadonlyArray<Pick<ImportedWorkload, 'cpuMillicores' | 'memoryMiB' | 'storageMiB'>>,
): { size: NodeVmSize; note: string } | undefined {
  const base = CATALOG['k8s.nodeVm'].value as NodeVmSize;
  const cp = CATALOG['k8s.controlPlane.perNode'].value as { cpuMillicores: number; memoryMiB: number };
  const maxCpu = Math.max(cp.cpuMillicores, ...workloads.map((w) => w.cpuMillicores));
  const maxMem = Math.max(cp.memoryMiB, ...workloads.map((w) => w.memoryMiB));
  const maxDisk = Math.max(0, ...workloads.map((w) => w.storageMiB));
  const grow = (start: number, need: number) => {
    let v = start;
    while (v < need) v *= 2;
    return v;
  };
  const threads = host.sockets * host.coresPerSocket * (host.threadsPerCore ?? (CATALOG['host.threadsPerCore'].value as number));
  const hostMemMiB = host.memoryMiB ?? (host.memoryGiB ?? 0) * 1024;
  const hostDiskMiB = (host.diskGiB ?? 0) * 1024;
  const cap = {
    vcpus: Math.max(1, Math.floor(threads * NODE_VM_HOST_SHARE)),
    memoryGiB: Math.max(1, Math.floor((hostMemMiB * NODE_VM_HOST_SHARE) / 1024)),
    diskGiB: Math.max(1, Math.floor((hostDiskMiB * NODE_VM_HOST_SHARE) / 1024)),
  };
  const size: NodeVmSize = {
    vcpus: Math.min(cap.vcpus, grow(base.vcpus, Math.ceil((2 * maxCpu) / 1000))),
    memoryGiB: Math.min(cap.memoryGiB, grow(base.memoryGiB, Math.ceil((2 * maxMem) / 1024))),
    diskGiB: Math.min(cap.diskGiB, grow(base.diskGiB, Math.ceil((2 * maxDisk) / 1024))),
  };
  if (size.vcpus === base.vcpus && size.memoryGiB === base.memoryGiB && size.diskGiB === base.diskGiB) return undefined;
  return {
    size,
    note:
      `containers-in-VMs node VM: ${size.vcpus} vCPU, ${size.memoryGiB} GiB, ${size.diskGiB} GiB disk ` +
      `(the default ${base.vcpus} vCPU, ${base.memoryGiB} GiB, ${base.diskGiB} GiB grown to hold two of the largest instance, and kept within ${NODE_VM_HOST_SHARE * 100}% of host ${JSON.stringify(host.name)})`,
  };
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
      ` (${plural(report.totals.scenario.instances, 'instance')}); skipped ${group(report.read - report.imported)}`,
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
