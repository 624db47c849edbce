/**
 * `kernelcount reserve <profile>`: what a Kubernetes node keeps back from its capacity under one
 * provider's rule (src/rules/reservations.ts), with the formula filled in. Its flags and JSON keys
 * are a public contract: add, never rename.
 */
import { CATALOG } from '../catalog/catalog.js';
import { entryVersion } from '../catalog/tracker.js';
import type { Issue } from '../errors.js';
import { describeValue } from '../errors.js';
import { eniMaxPods } from '../rules/maxPods.js';
import {
  gdcReservation,
  genericReservation,
  nodeReservation,
  RESERVATION_PROFILES,
  type NodeReservation,
  type NodeSize,
  type ReservationProfile,
} from '../rules/reservations.js';
import { fail, isIssue, parseArgs, readFormat, ruleIssuesAtFlags, type CliResult } from './args.js';
import { NODE_LIMITS, parseCpuMillicores, parseInteger, parseSizeMiB, strayWordIssue, type Quantity } from './units.js';
// The rules refuse larger nodes and VMs (4,096 CPUs); a bigger --vcpus is refused here, naming the flag.
import { RULE_LIMITS } from '../rules/inputs.js';

const GENERIC_FLAGS = ['kube-reserved-cpu', 'kube-reserved-memory', 'system-reserved-cpu', 'system-reserved-memory', 'eviction-memory'] as const;
const EKS_FLAGS = ['enis', 'ips-per-eni'] as const;
const VALUED = ['vcpus', 'memory', 'max-pods', 'version', 'format', ...EKS_FLAGS, ...GENERIC_FLAGS] as const;

export const RESERVE_HELP = `Usage: kernelcount reserve <profile> --vcpus N --memory SIZE [options]

What a Kubernetes node keeps back under a provider's rule: kube-reserved, system-reserved and the
eviction threshold, and what is left allocatable to pods, with the formula filled in.

Profiles: ${RESERVATION_PROFILES.join(', ')}

Options:
  --vcpus N                      logical CPUs of the node; fractions allowed (0.5 = 500 m) or
                                 millicores (500m); fractions of a millicore are rounded up
  --memory SIZE                  node memory: 512MiB, 8GiB, 1.5GiB, 1TiB, 8Gi; a bare number is MiB.
                                 KB, MB, GB, TB are decimal (8GB = 8 x 10^9 bytes = 7630 MiB,
                                 rounded up); units in any case, a space before them allowed
  --max-pods N                   pods the kubelet admits (default 110, the Kubernetes default)
  --enis N --ips-per-eni N       eks only, instead of --max-pods: the instance's ENIs and IPv4
                                 addresses per ENI; max pods = ENIs x (IPv4 per ENI - 1) + 2
  --version V                    cluster version: 1.29, 1.30.4, v1.31. aks before 1.29 uses the
                                 aks-pre-1.29 rule; gdc 1.3-1.5 a 280 MiB base, 1.6 and later 330 MiB;
                                 other profiles echo it (their rule does not change with it)
  --kube-reserved-cpu CPU        generic only, all five required: cores (0.5) or millicores (100m)
  --kube-reserved-memory SIZE
  --system-reserved-cpu CPU
  --system-reserved-memory SIZE
  --eviction-memory SIZE         hard eviction threshold memory.available
  --format table|json            output format (default table); JSON keys name their units
  -h, --help                     this help

Examples:
  kernelcount reserve eks --vcpus 8 --memory 32GiB --max-pods 58
  kernelcount reserve eks --vcpus 2 --memory 8GiB --enis 3 --ips-per-eni 10
  kernelcount reserve aks --vcpus 4 --memory 16GiB --max-pods 30 --version 1.28 --format json
`;

const HINT = 'Run  kernelcount reserve --help  for the options.\n';

/** A Kubernetes version as given on the command line, and its numeric parts. */
export interface KubeVersion {
  text: string;
  major: number;
  minor: number;
  patch: number | null;
}

/**
 * Reads `1.29`, `1.30.4` or `v1.31` (major.minor[.patch], an optional leading v).
 *
 * @example
 * parseKubeVersion('--version', 'v1.30.4') //=> { text: 'v1.30.4', major: 1, minor: 30, patch: 4 }
 */
export function parseKubeVersion(flag: string, raw: string | true): KubeVersion | Issue {
  const text = raw === true ? '' : raw.trim();
  const m = /^[vV]?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,6}))?$/.exec(text);
  if (!m) {
    return { code: 'invalid_type', path: flag, message: `must be a Kubernetes version such as 1.29, 1.30.4 or v1.31, got ${describeValue(text)}` };
  }
  return { text, major: Number(m[1]), minor: Number(m[2]), patch: m[3] === undefined ? null : Number(m[3]) };
}

function before(v: KubeVersion, major: number, minor: number): boolean {
  return v.major < major || (v.major === major && v.minor < minor);
}

/** The rule a profile and version select, and what the notes should say about the choice. */
interface RuleChoice {
  rule: ReservationProfile;
  gdcBaseMemoryMiB?: number;
  note: string;
}

function chooseRule(profile: ReservationProfile, version: KubeVersion | undefined): RuleChoice | Issue {
  switch (profile) {
    case 'aks':
      if (!version) return { rule: 'aks', note: 'no --version: the current AKS rule (1.29 and later) applies; give --version for older clusters' };
      return before(version, 1, 29)
        ? { rule: 'aks-pre-1.29', note: `--version ${version.text} is before 1.29: the aks-pre-1.29 rule applies (GKE-style memory bands, eviction 750 MiB)` }
        : { rule: 'aks', note: `--version ${version.text} is 1.29 or later: the current AKS rule applies` };
    case 'aks-pre-1.29':
      if (version && !before(version, 1, 29)) {
        return { code: 'conflict', path: '--version', message: `aks-pre-1.29 is for clusters before 1.29, got ${version.text}; use: reserve aks --version ${version.text}` };
      }
      return { rule: 'aks-pre-1.29', note: version ? `--version ${version.text}: the aks-pre-1.29 rule applies` : 'the AKS rule of clusters before 1.29 applies' };
    case 'gdc': {
      // The base is a named version of the catalog figure: 280 MiB in the 1.3-1.5 docs, 330 MiB from 1.6.
      const base = (name: '1.3-1.5' | '1.6+') => entryVersion(CATALOG['k8s.gdc.baseMemoryMiB'], name)!.value as number;
      if (!version) return { rule: 'gdc', gdcBaseMemoryMiB: base('1.6+'), note: `no --version: the Google Distributed Cloud 1.6+ rule (${base('1.6+')} MiB base) applies; give --version for 1.3-1.5` };
      if (before(version, 1, 3)) {
        return { code: 'too_small', path: '--version', message: `Google Distributed Cloud reservations are known from 1.3 on, got ${version.text}` };
      }
      return before(version, 1, 6)
        ? { rule: 'gdc', gdcBaseMemoryMiB: base('1.3-1.5'), note: `--version ${version.text} is 1.3-1.5: the older ${base('1.3-1.5')} MiB memory base applies` }
        : { rule: 'gdc', gdcBaseMemoryMiB: base('1.6+'), note: `--version ${version.text} is 1.6 or later: the ${base('1.6+')} MiB memory base applies` };
    }
    default:
      return {
        rule: profile,
        note: version ? `--version ${version.text} is echoed only: the ${profile} rule does not change with the version` : '',
      };
  }
}

/** The reservation as `reserve --format json` prints it; every quantity a JSON number, keys name units. */
export interface ReserveReport {
  profile: ReservationProfile;
  /** The rule applied: differs from `profile` for `aks` before 1.29. */
  rule: ReservationProfile;
  version: string | null;
  capacity: { cpuMillicores: number; memoryMiB: number; pods: number };
  kubeReserved: { cpuMillicores: number; memoryMiB: number };
  systemReserved: { cpuMillicores: number; memoryMiB: number };
  evictionMemoryMiB: number;
  allocatable: { cpuMillicores: number; memoryMiB: number; pods: number };
  /** Where max pods came from: `--max-pods`, `--enis` with `--ips-per-eni`, or the Kubernetes default. */
  maxPodsFrom: 'max-pods' | 'enis' | 'default';
  formula: string[];
  notes: string[];
}

function collect(issues: Issue[], notes: string[], q: Quantity | Issue): number | undefined {
  if (isIssue(q)) {
    issues.push(q);
    return undefined;
  }
  if (q.note) notes.push(q.note);
  return q.value;
}

/** Runs `kernelcount reserve`. */
export function cmdReserve(args: string[]): CliResult {
  const p = parseArgs(args, VALUED, ['help']);
  if (isIssue(p)) return fail([p], HINT);
  if (p.flags.has('help')) return { code: 0, stdout: RESERVE_HELP, stderr: '' };
  const format = readFormat(p.flags, ['table', 'json'] as const, 'table');
  if (isIssue(format)) return fail([format], HINT);

  const issues: Issue[] = [];
  const notes: string[] = [];
  const [name, ...extra] = p.positional;
  let profile: ReservationProfile | undefined;
  if (name === undefined) issues.push({ code: 'required', path: 'profile', message: `give a profile: ${RESERVATION_PROFILES.join(', ')}` });
  else if (!(RESERVATION_PROFILES as readonly string[]).includes(name)) {
    issues.push({ code: 'unknown_value', path: 'profile', message: `unknown profile ${describeValue(name)}; profiles: ${RESERVATION_PROFILES.join(', ')}` });
  } else profile = name as ReservationProfile;
  if (extra.length) issues.push(strayWordIssue('profile', extra, 'profile'));

  const cpuMillicores = collect(issues, notes, parseCpuMillicores('--vcpus', p.flags.get('vcpus'), { maxMillicores: RULE_LIMITS.cpuMillicores }));
  const memoryMiB = collect(issues, notes, parseSizeMiB('--memory', p.flags.get('memory'), { maxMiB: NODE_LIMITS.memoryMiB }));

  // Flags that belong to one profile only.
  if (profile && profile !== 'eks') {
    for (const f of EKS_FLAGS) if (p.flags.has(f)) issues.push({ code: 'conflict', path: `--${f}`, message: `applies to the eks profile only; give --max-pods for ${profile}` });
  }
  if (profile && profile !== 'generic') {
    for (const f of GENERIC_FLAGS) if (p.flags.has(f)) issues.push({ code: 'conflict', path: `--${f}`, message: `applies to the generic profile only; ${profile} sets its own reservation` });
  }

  // Max pods: --max-pods, or --enis with --ips-per-eni (eks), or the Kubernetes default.
  const formula: string[] = [];
  let maxPods: number | undefined;
  let maxPodsFrom: ReserveReport['maxPodsFrom'] = 'default';
  const hasEni = p.flags.has('enis') || p.flags.has('ips-per-eni');
  if (p.flags.has('max-pods') && hasEni) {
    issues.push({ code: 'conflict', path: p.flags.has('enis') ? '--enis' : '--ips-per-eni', message: 'give either --max-pods or --enis with --ips-per-eni, not both' });
  } else if (p.flags.has('max-pods')) {
    maxPods = collect(issues, notes, parseInteger('--max-pods', p.flags.get('max-pods'), { min: 1, max: NODE_LIMITS.maxPods, what: 'pods' }));
    maxPodsFrom = 'max-pods';
  } else if (hasEni && profile === 'eks') {
    const enisQ = parseInteger('--enis', p.flags.get('enis'), { min: 1, max: NODE_LIMITS.enis, what: 'ENIs' });
    if (isIssue(enisQ) && enisQ.code === 'required') enisQ.message = 'is required with --ips-per-eni (ENIs of the instance type)';
    const enis = collect(issues, notes, enisQ);
    const ipsQ = parseInteger('--ips-per-eni', p.flags.get('ips-per-eni'), { min: 1, max: NODE_LIMITS.ipv4PerEni, what: 'IPv4 addresses per ENI' });
    if (isIssue(ipsQ) && ipsQ.code === 'required') ipsQ.message = 'is required with --enis (IPv4 addresses per ENI of the instance type)';
    const ips = collect(issues, notes, ipsQ);
    if (enis !== undefined && ips !== undefined) {
      maxPods = eniMaxPods(enis, ips);
      if (maxPods > NODE_LIMITS.maxPods) {
        issues.push({ code: 'too_big', path: '--enis', message: `${enis} ENIs x (${ips} - 1) + 2 = ${maxPods} pods; at most ${NODE_LIMITS.maxPods}` });
      }
      formula.push(`max pods = ${enis} ENIs x (${ips} IPv4 per ENI - 1) + 2 = ${maxPods} (amazon-eks-ami eni-max-pods formula; prefix delegation not modelled)`);
      maxPodsFrom = 'enis';
    }
  } else if (!hasEni) {
    const d = CATALOG['k8s.maxPodsPerNode'];
    maxPods = d.value;
    notes.push(`max pods not given: ${d.value}, the Kubernetes default (catalog ${d.id}); give --max-pods${profile === 'eks' ? ' or --enis with --ips-per-eni' : ''}`);
  }

  // Version: selects the aks and gdc rule; echoed for the others.
  let version: KubeVersion | undefined;
  const vRaw = p.flags.get('version');
  if (vRaw !== undefined) {
    const v = parseKubeVersion('--version', vRaw);
    if (isIssue(v)) issues.push(v);
    else version = v;
  }
  const choice = profile ? chooseRule(profile, version) : undefined;
  if (choice && isIssue(choice)) issues.push(choice);

  // Generic: every figure is an input.
  const generic: Partial<Record<(typeof GENERIC_FLAGS)[number], number>> = {};
  if (profile === 'generic') {
    for (const f of GENERIC_FLAGS) {
      const raw = p.flags.get(f);
      const q = f.endsWith('-cpu')
        ? parseCpuMillicores(`--${f}`, raw, { allowZero: true, maxMillicores: NODE_LIMITS.cpuMillicores })
        : parseSizeMiB(`--${f}`, raw, { allowZero: true, maxMiB: NODE_LIMITS.memoryMiB });
      if (isIssue(q) && q.code === 'required') q.message = `is required for the generic profile (${f.endsWith('-cpu') ? 'cores or millicores, e.g. 100m' : 'a size, e.g. 1GiB; 0 for none'})`;
      generic[f] = collect(issues, notes, q);
    }
  }

  if (issues.length || !profile || !choice || isIssue(choice) || cpuMillicores === undefined || memoryMiB === undefined || maxPods === undefined) {
    return fail(issues, HINT);
  }

  const node: NodeSize = { cpuMillicores, memoryMiB, maxPods };
  let r: NodeReservation;
  try {
    if (choice.rule === 'gdc') r = gdcReservation(node, choice.gdcBaseMemoryMiB);
    else if (choice.rule === 'generic') {
      r = genericReservation(node, {
        kubeReservedCpuMillicores: generic['kube-reserved-cpu']!,
        kubeReservedMemoryMiB: generic['kube-reserved-memory']!,
        systemReservedCpuMillicores: generic['system-reserved-cpu']!,
        systemReservedMemoryMiB: generic['system-reserved-memory']!,
        evictionMemoryMiB: generic['eviction-memory']!,
      });
    } else r = nodeReservation(choice.rule, node);
  } catch (e) {
    // The rule's own limits, e.g. --max-pods above what the provider admits.
    const ruleIssues = ruleIssuesAtFlags(e);
    if (ruleIssues) return fail(ruleIssues, HINT);
    throw e;
  }

  if (choice.note) notes.unshift(choice.note);
  const heldCpu = r.kubeReserved.cpuMillicores + r.systemReserved.cpuMillicores;
  const heldMem = r.kubeReserved.memoryMiB + r.systemReserved.memoryMiB + r.evictionMemoryMiB;
  if (heldCpu > cpuMillicores) notes.push(`reserved CPU (${heldCpu} m) exceeds capacity (${cpuMillicores} m): allocatable CPU shown as 0`);
  if (heldMem > memoryMiB) notes.push(`reserved memory and eviction threshold (${heldMem} MiB) exceed capacity (${memoryMiB} MiB): allocatable memory shown as 0`);

  const report: ReserveReport = {
    profile,
    rule: r.profile,
    version: version?.text ?? null,
    capacity: r.capacity,
    kubeReserved: r.kubeReserved,
    systemReserved: r.systemReserved,
    evictionMemoryMiB: r.evictionMemoryMiB,
    allocatable: r.allocatable,
    maxPodsFrom,
    formula: [...formula, ...r.formula, `allocatable CPU = ${cpuMillicores} - ${r.kubeReserved.cpuMillicores} - ${r.systemReserved.cpuMillicores} = ${r.allocatable.cpuMillicores} m`, `allocatable memory = ${memoryMiB} - ${r.kubeReserved.memoryMiB} - ${r.systemReserved.memoryMiB} - ${r.evictionMemoryMiB} = ${r.allocatable.memoryMiB} MiB`],
    notes,
  };
  if (format === 'json') return { code: 0, stdout: JSON.stringify(report, null, 2) + '\n', stderr: '' };
  return { code: 0, stdout: formatReserveTable(report), stderr: '' };
}

function row(label: string, cpu: number | string, mem: number | string, pods: number | string): string {
  return `  ${label.padEnd(20)}${String(cpu).padStart(9)}${String(mem).padStart(15)}${String(pods).padStart(8)}`;
}

/** The readable form of a reservation report. */
export function formatReserveTable(r: ReserveReport): string {
  const rule = r.rule === r.profile ? r.profile : `${r.profile}, rule ${r.rule}`;
  const lines = [
    `Node reservation (${rule}${r.version ? `, version ${r.version}` : ''})`,
    '',
    row('', 'CPU (m)', 'memory (MiB)', 'pods').replace(/\s+$/, ''),
    row('capacity', r.capacity.cpuMillicores, r.capacity.memoryMiB, r.capacity.pods),
    row('kube-reserved', r.kubeReserved.cpuMillicores, r.kubeReserved.memoryMiB, ''),
    row('system-reserved', r.systemReserved.cpuMillicores, r.systemReserved.memoryMiB, ''),
    row('eviction threshold', '', r.evictionMemoryMiB, ''),
    row('allocatable', r.allocatable.cpuMillicores, r.allocatable.memoryMiB, r.allocatable.pods),
    '',
    'Formula:',
    ...r.formula.map((f) => `  ${f}`),
  ];
  if (r.notes.length) lines.push('', 'Notes:', ...r.notes.map((n) => `  - ${n}`));
  return lines.map((l) => l.replace(/\s+$/, '')).join('\n') + '\n';
}
