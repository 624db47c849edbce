/**
 * `kernelcount overhead <model>`: the memory (and CPU, where the model defines it) a hypervisor or
 * sandbox adds to one VM or pod, with the formula filled in and the catalog defaults it used.
 * Every model is one entry of `OVERHEAD_MODELS`, built by a small factory per kind of rule, so a
 * new model (say an `esxi-4.0` sample table) is one line there plus its catalog entry. Flags and
 * JSON keys are a public contract: add, never rename.
 */
import { type CatalogId, type CatalogValue, type EsxiOverheadTable } from '../catalog/defaults.js';
import { CATALOG } from '../catalog/catalog.js';
import type { CatalogEntry } from '../catalog/types.js';
import type { Issue } from '../errors.js';
import { describeValue } from '../errors.js';
import { esxiOverheadMiB, type EsxiOverheadResult } from '../rules/esxi.js';
import { kubevirtOverheadMiB, openshiftVirtOverheadMiB, type KubevirtFormula, type OpenshiftVirtFormula } from '../rules/kvm.js';
import { firecrackerOverhead, gvisorOverhead, kataPodOverhead, type KataRuntime, type SandboxOverhead } from '../rules/sandbox.js';
import { fail, isIssue, parseArgs, readFormat, ruleIssuesAtFlags, type CliResult } from './args.js';
import { NODE_LIMITS, parseCpuMillicores, parseInteger, parseSizeMiB, strayWordIssue } from './units.js';
// The rules refuse larger nodes and VMs (4,096 CPUs); a bigger --vcpus is refused here, naming the flag.
import { RULE_LIMITS } from '../rules/inputs.js';

/** What the overhead is charged to: each VM, each pod (RuntimeClass overhead), or each micro-VM. */
export type OverheadKind = 'vm' | 'pod' | 'microvm';

/** How the figure was obtained: as the ESXi rule says for a table, or by formula, catalog value or your value. */
export type OverheadMethod = EsxiOverheadResult['method'] | 'formula' | 'catalog' | 'user';

/** A flag only some models take. */
export interface OverheadOption {
  /** Flag name without the dashes. */
  name: string;
  /** Placeholder of its value (`N`, `SIZE`); absent for a boolean flag. */
  value?: string;
  help: string;
}

export interface OverheadInput {
  /** CPUs of the VM or pod as given, in whole millicores. */
  cpuMillicores: number;
  memoryMiB: number;
  /** The command's flags; a model reads only its own options. */
  flags: ReadonlyMap<string, string | true>;
}

export interface OverheadComputation {
  /** vCPUs the rule used: whole for a VM (rounded up), as given for a pod. */
  vcpus: number;
  hypervisorMemoryMiB: number;
  guestOsMemoryMiB: number;
  /** CPU overhead in millicores, or null where the model defines none. */
  cpuMillicores: number | null;
  method: OverheadMethod;
  formula: string[];
  catalogIds: CatalogId[];
  notes: string[];
}

export interface OverheadModel {
  kind: OverheadKind;
  /** One line for `--help`. */
  summary: string;
  options: readonly OverheadOption[];
  compute(input: OverheadInput): OverheadComputation | Issue[];
}

/** Catalog ids whose value has type T. */
type IdWithValue<T> = { [K in CatalogId]: CatalogValue<K> extends T ? K : never }[CatalogId];

function catalogValue<T>(id: IdWithValue<T>): T {
  return (CATALOG[id] as unknown as CatalogEntry<T>).value;
}

/** A VM has whole vCPUs: fractions are rounded up, at least 1. */
function vmVcpus(cpuMillicores: number, notes: string[]): number {
  const vcpus = Math.max(1, Math.ceil(cpuMillicores / 1000));
  if (vcpus * 1000 !== cpuMillicores) notes.push(`a VM has whole vCPUs: ${cpuMillicores / 1000} rounded up to ${vcpus}`);
  return vcpus;
}

function podNote(kind: string): string {
  return `the ${kind} overhead is fixed per ${kind === 'pod' ? 'pod' : 'micro-VM'}: --vcpus and --memory do not change it`;
}

// ---- factories: one per kind of rule ----

/** A VMware sample table: exact at its cells, interpolated between them, extrapolated beyond. */
export function esxiTableModel(id: IdWithValue<EsxiOverheadTable>, label: string): OverheadModel {
  return {
    kind: 'vm',
    summary: `VMware's ${label} sample overhead table, interpolated between cells`,
    options: [],
    compute({ cpuMillicores, memoryMiB }) {
      const notes: string[] = [];
      const vcpus = vmVcpus(cpuMillicores, notes);
      const table = catalogValue<EsxiOverheadTable>(id);
      const r = esxiOverheadMiB(table, memoryMiB, vcpus);
      const span = `${table.vcpus.join(', ')} vCPU x ${table.rows.map((row) => row.memoryMiB).join(', ')} MiB`;
      if (r.method === 'interpolated') notes.push(`interpolated: ${memoryMiB} MiB, ${vcpus} vCPU lies between the cells of VMware's sample table (${span}); the value is read on a straight line between them`);
      else if (r.method === 'extrapolated') notes.push(`extrapolated: ${memoryMiB} MiB, ${vcpus} vCPU lies outside VMware's sample table (${span}); a straight-line guess beyond the published cells, less reliable than a table value`);
      else if (r.method !== 'table') notes.push(`${String(r.method)}: not a published cell of VMware's sample table (${span}); the formula says how it was obtained, less reliable than a table value`);
      return { vcpus, hypervisorMemoryMiB: r.overheadMiB, guestOsMemoryMiB: 0, cpuMillicores: null, method: r.method, formula: [r.formula], catalogIds: [id], notes };
    },
  };
}

/** KubeVirt's GetMemoryOverhead estimate, with its options. */
export function kubevirtModel(id: IdWithValue<KubevirtFormula>): OverheadModel {
  return {
    kind: 'vm',
    summary: 'KubeVirt\'s memory overhead estimate (virt-launcher, QEMU, page tables)',
    options: [
      { name: 'vfio', help: 'PCI passthrough (VFIO): +1024 MiB' },
      { name: 'sev', help: 'AMD SEV: +256 MiB' },
      { name: 'dedicated-cpus', help: 'dedicated CPUs: +100 MiB' },
      { name: 'no-video', help: 'no video device (on by default, as in KubeVirt): -32 MiB' },
    ],
    compute({ cpuMillicores, memoryMiB, flags }) {
      const notes: string[] = [];
      const vcpus = vmVcpus(cpuMillicores, notes);
      const r = kubevirtOverheadMiB(catalogValue<KubevirtFormula>(id), memoryMiB, vcpus, {
        vfio: flags.has('vfio'),
        sev: flags.has('sev'),
        dedicatedCpus: flags.has('dedicated-cpus'),
        video: !flags.has('no-video'),
      });
      const on = ['vfio', 'sev', 'dedicated-cpus', 'no-video'].filter((f) => flags.has(f));
      if (on.length) notes.push(`options: ${on.map((f) => '--' + f).join(', ')}`);
      return { vcpus, hypervisorMemoryMiB: r.overheadMiB, guestOsMemoryMiB: 0, cpuMillicores: null, method: 'formula', formula: [r.formula], catalogIds: [id], notes };
    },
  };
}

/** OpenShift Virtualization's documented per-VM formula. */
export function openshiftVirtModel(id: IdWithValue<OpenshiftVirtFormula>): OverheadModel {
  return {
    kind: 'vm',
    summary: 'OpenShift Virtualization\'s documented per-VM formula',
    options: [{ name: 'graphics-devices', value: 'N', help: 'graphics devices of the VM (default 1)' }],
    compute({ cpuMillicores, memoryMiB, flags }) {
      const notes: string[] = [];
      const vcpus = vmVcpus(cpuMillicores, notes);
      let graphics = 1;
      if (flags.has('graphics-devices')) {
        const g = parseInteger('--graphics-devices', flags.get('graphics-devices'), { min: 0, max: 64, what: 'graphics devices' });
        if (isIssue(g)) return [g];
        graphics = g.value;
      } else notes.push('--graphics-devices not given: 1, as a default VM has');
      const r = openshiftVirtOverheadMiB(catalogValue<OpenshiftVirtFormula>(id), memoryMiB, vcpus, graphics);
      return { vcpus, hypervisorMemoryMiB: r.overheadMiB, guestOsMemoryMiB: 0, cpuMillicores: null, method: 'formula', formula: [r.formula], catalogIds: [id], notes };
    },
  };
}

function sandbox(o: SandboxOverhead, cpuMillicores: number, catalogIds: CatalogId[], notes: string[]): OverheadComputation {
  return {
    vcpus: cpuMillicores / 1000,
    hypervisorMemoryMiB: o.hypervisorMemoryMiB,
    guestOsMemoryMiB: o.guestOsMemoryMiB,
    cpuMillicores: o.cpuMillicores,
    method: 'catalog',
    formula: [o.formula],
    catalogIds,
    notes,
  };
}

/** A bare Firecracker microVM: the VMM plus the guest's own kernel and init. */
export function firecrackerModel(vmmId: IdWithValue<number>, guestKernelId: IdWithValue<number>): OverheadModel {
  return {
    kind: 'microvm',
    summary: 'Firecracker VMM plus the guest kernel and init of a bare micro-VM',
    options: [],
    compute({ cpuMillicores }) {
      const o = firecrackerOverhead(catalogValue<number>(vmmId), catalogValue<number>(guestKernelId));
      return sandbox(o, cpuMillicores, [vmmId, guestKernelId], [podNote('micro-VM')]);
    },
  };
}

/** A Kata Containers RuntimeClass's `overhead.podFixed`. */
export function kataModel(runtime: KataRuntime, id: IdWithValue<{ memoryMiB: number; cpuMillicores: number }>): OverheadModel {
  return {
    kind: 'pod',
    summary: `the ${runtime} RuntimeClass overhead.podFixed`,
    options: [],
    compute({ cpuMillicores }) {
      const o = kataPodOverhead(runtime, catalogValue<{ memoryMiB: number; cpuMillicores: number }>(id));
      return sandbox(o, cpuMillicores, [id], [podNote('pod')]);
    },
  };
}

/** gVisor's measured extra memory per sandbox. */
export function gvisorModel(id: IdWithValue<{ memoryMiB: number; cpuMillicores: number }>): OverheadModel {
  return {
    kind: 'pod',
    summary: 'gVisor (runsc) extra memory per sandbox, measured against runc',
    options: [],
    compute({ cpuMillicores }) {
      const o = gvisorOverhead(catalogValue<{ memoryMiB: number; cpuMillicores: number }>(id));
      return sandbox(o, cpuMillicores, [id], [podNote('pod')]);
    },
  };
}

/** A hypervisor with no published figure: your measured value, or the catalog's weak default. */
export function perVmFigureModel(id: IdWithValue<number>, label: string): OverheadModel {
  return {
    kind: 'vm',
    summary: `no published figure: --per-vm-overhead SIZE, or a weak default`,
    options: [{ name: 'per-vm-overhead', value: 'SIZE', help: `your measured per-VM overhead (${label} has no published figure)` }],
    compute({ cpuMillicores, flags }) {
      const notes: string[] = [];
      const vcpus = vmVcpus(cpuMillicores, notes);
      if (flags.has('per-vm-overhead')) {
        const q = parseSizeMiB('--per-vm-overhead', flags.get('per-vm-overhead'), { allowZero: true, maxMiB: NODE_LIMITS.memoryMiB });
        if (isIssue(q)) return [q];
        if (q.note) notes.push(q.note);
        return { vcpus, hypervisorMemoryMiB: q.value, guestOsMemoryMiB: 0, cpuMillicores: null, method: 'user', formula: [`${label} per-VM overhead = ${q.value} MiB (your value, --per-vm-overhead)`], catalogIds: [], notes };
      }
      const v = catalogValue<number>(id);
      notes.push(`${label} publishes no per-VM overhead: ${v} MiB is a WEAK default (catalog ${id}); give --per-vm-overhead SIZE with a figure measured on your hosts`);
      return { vcpus, hypervisorMemoryMiB: v, guestOsMemoryMiB: 0, cpuMillicores: null, method: 'catalog', formula: [`${label} per-VM overhead = ${v} MiB (weak default, catalog ${id})`], catalogIds: [id], notes };
    },
  };
}

/**
 * Every model `kernelcount overhead` knows, in the order help lists them. Adding one is one line,
 * e.g. `'esxi-4.0': esxiTableModel('hypervisor.esxi-4.0.overheadTable', 'ESXi 4.0'),`.
 */
export const OVERHEAD_MODELS = {
  'esxi-6.7': esxiTableModel('hypervisor.esxi-6.7.overheadTable', 'ESXi 6.7'),
  'esxi-6.5': esxiTableModel('hypervisor.esxi-6.5.overheadTable', 'ESXi 6.5'),
  'esxi-4.0': esxiTableModel('hypervisor.esxi-4.0.overheadTable', 'ESXi 4.0'),
  kubevirt: kubevirtModel('hypervisor.kubevirt.formula'),
  'openshift-virt': openshiftVirtModel('hypervisor.openshift-virt.formula'),
  firecracker: firecrackerModel('hypervisor.firecracker.vmmMiB', 'sandbox.firecracker.guestKernelMiB'),
  'kata-qemu': kataModel('kata-qemu', 'sandbox.kata-qemu'),
  'kata-clh': kataModel('kata-clh', 'sandbox.kata-clh'),
  'kata-fc': kataModel('kata-fc', 'sandbox.kata-fc'),
  'kata-dragonball': kataModel('kata-dragonball', 'sandbox.kata-dragonball'),
  'kata-qemu-tdx': kataModel('kata-qemu-tdx', 'sandbox.kata-qemu-tdx'),
  'kata-qemu-snp': kataModel('kata-qemu-snp', 'sandbox.kata-qemu-snp'),
  gvisor: gvisorModel('sandbox.gvisor'),
  hyperv: perVmFigureModel('hypervisor.hyperv.perVmMiB', 'Hyper-V'),
} as const satisfies Record<string, OverheadModel>;

export type OverheadModelName = keyof typeof OVERHEAD_MODELS;
export const OVERHEAD_MODEL_NAMES = Object.keys(OVERHEAD_MODELS) as OverheadModelName[];

const MODELS: Readonly<Record<string, OverheadModel>> = OVERHEAD_MODELS;

/** Every model option, with the models that take it. */
function modelOptions(): Array<{ option: OverheadOption; models: string[] }> {
  const out: Array<{ option: OverheadOption; models: string[] }> = [];
  for (const [name, model] of Object.entries(MODELS)) {
    for (const option of model.options) {
      const seen = out.find((o) => o.option.name === option.name);
      if (seen) seen.models.push(name);
      else out.push({ option, models: [name] });
    }
  }
  return out;
}

function helpText(): string {
  const models = Object.entries(MODELS).map(([name, m]) => `  ${name.padEnd(16)}${m.kind.padEnd(9)}${m.summary}`);
  const options = modelOptions().map(({ option, models }) => {
    const flag = `--${option.name}${option.value ? ' ' + option.value : ''}`;
    return `  ${flag.padEnd(24)}${models.join(', ')}: ${option.help}`;
  });
  return `Usage: kernelcount overhead <model> --vcpus N --memory SIZE [options]

The memory (and CPU, where the model defines it) that a hypervisor or sandbox adds on top of one
VM or pod of this size, with the formula filled in and the catalog defaults it used (source,
as-of date and trust).

Models (name, charged per, rule):
${models.join('\n')}

Options:
  --vcpus N               CPUs of the VM or pod; fractions allowed (0.5) or millicores (500m);
                          a VM gets whole vCPUs (rounded up)
  --memory SIZE           memory of the VM or pod: 512MiB, 8GiB, 1.5GiB, 8Gi; a bare number is MiB.
                          KB, MB, GB, TB are decimal (8GB = 8 x 10^9 bytes = 7630 MiB, rounded up)
  --format table|json     output format (default table); JSON keys name their units
  -h, --help              this help

Model options:
${options.join('\n')}

Examples:
  kernelcount overhead esxi-6.7 --vcpus 2 --memory 4GiB
  kernelcount overhead kubevirt --vcpus 4 --memory 16GiB --dedicated-cpus --format json
  kernelcount overhead hyperv --vcpus 2 --memory 8GiB --per-vm-overhead 300MiB
`;
}

export const OVERHEAD_HELP = helpText();
const HINT = 'Run  kernelcount overhead --help  for the models and options.\n';

/** The overhead as `overhead --format json` prints it; every quantity a JSON number, keys name units. */
export interface OverheadReport {
  model: string;
  kind: OverheadKind;
  input: { vcpus: number; cpuMillicores: number; memoryMiB: number };
  overheadMemoryMiB: number;
  breakdown: { hypervisorMemoryMiB: number; guestOsMemoryMiB: number };
  /** CPU overhead in millicores, null where the model defines none. */
  cpuMillicores: number | null;
  method: OverheadMethod;
  formula: string[];
  catalog: Array<Pick<CatalogEntry, 'id' | 'label' | 'value' | 'unit' | 'source' | 'asOf' | 'trust' | 'note'>>;
  notes: string[];
}

/** Runs `kernelcount overhead`. */
export function cmdOverhead(args: string[]): CliResult {
  const extra = modelOptions();
  const valued = ['vcpus', 'memory', 'format', ...extra.filter((o) => o.option.value).map((o) => o.option.name)];
  const boolean = ['help', ...extra.filter((o) => !o.option.value).map((o) => o.option.name)];
  const p = parseArgs(args, valued, boolean);
  if (isIssue(p)) return fail([p], HINT);
  if (p.flags.has('help')) return { code: 0, stdout: OVERHEAD_HELP, stderr: '' };
  const format = readFormat(p.flags, ['table', 'json'] as const, 'table');
  if (isIssue(format)) return fail([format], HINT);

  const issues: Issue[] = [];
  const notes: string[] = [];
  const [name, ...rest] = p.positional;
  let model: OverheadModel | undefined;
  if (name === undefined) issues.push({ code: 'required', path: 'model', message: `give a model: ${OVERHEAD_MODEL_NAMES.join(', ')}` });
  else if (!Object.hasOwn(MODELS, name)) {
    issues.push({ code: 'unknown_value', path: 'model', message: `unknown model ${describeValue(name)}; models: ${OVERHEAD_MODEL_NAMES.join(', ')}` });
  } else model = MODELS[name];
  if (rest.length) issues.push(strayWordIssue('model', rest, 'model'));

  const cpu = parseCpuMillicores('--vcpus', p.flags.get('vcpus'), { maxMillicores: RULE_LIMITS.cpuMillicores });
  const mem = parseSizeMiB('--memory', p.flags.get('memory'), { maxMiB: NODE_LIMITS.memoryMiB });
  for (const q of [cpu, mem]) {
    if (isIssue(q)) issues.push(q);
    else if (q.note) notes.push(q.note);
  }
  if (model) {
    for (const { option, models } of extra) {
      if (p.flags.has(option.name) && !model.options.some((o) => o.name === option.name)) {
        issues.push({ code: 'conflict', path: `--${option.name}`, message: `applies to ${models.join(', ')} only, not ${name}` });
      }
    }
  }
  if (issues.length || !model || !name || isIssue(cpu) || isIssue(mem)) return fail(issues, HINT);

  let c: ReturnType<OverheadModel['compute']>;
  try {
    c = model.compute({ cpuMillicores: cpu.value, memoryMiB: mem.value, flags: p.flags });
  } catch (e) {
    // The rule's own limits, e.g. --graphics-devices above 16.
    const ruleIssues = ruleIssuesAtFlags(e);
    if (ruleIssues) return fail(ruleIssues, HINT);
    throw e;
  }
  if (Array.isArray(c)) return fail(c, HINT);
  const catalog = c.catalogIds.map((id) => {
    const e = CATALOG[id] as CatalogEntry;
    return { id: e.id, label: e.label, value: e.value, unit: e.unit, source: e.source, asOf: e.asOf, trust: e.trust, ...(e.note ? { note: e.note } : {}) };
  });
  const weak = catalog.filter((e) => e.trust === 'weak');
  for (const e of weak) {
    if (!c.notes.some((n) => n.includes(e.id))) c.notes.push(`WEAK default ${e.id} = ${JSON.stringify(e.value)} ${e.unit}${e.note ? ` (${e.note})` : ''}; no reliable published figure`);
  }
  const report: OverheadReport = {
    model: name,
    kind: model.kind,
    input: { vcpus: c.vcpus, cpuMillicores: cpu.value, memoryMiB: mem.value },
    overheadMemoryMiB: c.hypervisorMemoryMiB + c.guestOsMemoryMiB,
    breakdown: { hypervisorMemoryMiB: c.hypervisorMemoryMiB, guestOsMemoryMiB: c.guestOsMemoryMiB },
    cpuMillicores: c.cpuMillicores,
    method: c.method,
    formula: c.formula,
    catalog,
    notes: [...c.notes, ...notes],
  };
  const stderr = weak.length ? `kernelcount: warning: weak default${weak.length > 1 ? 's' : ''} used: ${weak.map((e) => e.id).join(', ')} (see notes)\n` : '';
  if (format === 'json') return { code: 0, stdout: JSON.stringify(report, null, 2) + '\n', stderr };
  return { code: 0, stdout: formatOverheadTable(report), stderr };
}

const KIND_TITLE: Record<OverheadKind, string> = { vm: 'Per-VM overhead', pod: 'Pod overhead', microvm: 'Micro-VM overhead' };

/** The readable form of an overhead report. */
export function formatOverheadTable(r: OverheadReport): string {
  const size = `${r.kind === 'vm' ? 'VM' : r.kind === 'pod' ? 'pod' : 'micro-VM'} of ${r.input.vcpus} vCPU, ${r.input.memoryMiB} MiB`;
  const lines = [
    `${KIND_TITLE[r.kind]} (${r.model}): ${size}`,
    '',
    `  overhead memory   ${r.overheadMemoryMiB} MiB${r.breakdown.guestOsMemoryMiB ? ` (${r.breakdown.hypervisorMemoryMiB} hypervisor + ${r.breakdown.guestOsMemoryMiB} guest OS)` : ''}`,
    `  overhead CPU      ${r.cpuMillicores === null ? 'not defined by this model' : `${r.cpuMillicores} m`}`,
    `  method            ${r.method}`,
    '',
    'Formula:',
    ...r.formula.map((f) => `  ${f}`),
  ];
  if (r.catalog.length) {
    lines.push('', 'Catalog defaults used:');
    for (const e of r.catalog) lines.push(`  ${e.id}${e.trust === 'weak' ? '  [WEAK]' : ''}`, `    ${e.source.title}, ${e.asOf} (${e.trust})`);
  }
  if (r.notes.length) lines.push('', 'Notes:', ...r.notes.map((n) => `  - ${n}`));
  return lines.join('\n') + '\n';
}
