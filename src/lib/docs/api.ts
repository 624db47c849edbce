/**
 * The package's API for the docs page: the main exports in groups, each with a line in our words
 * and its signature read from the built package's type declarations (dist/**\/*.d.ts), plus every
 * other export listed by name, so the page neither restates a signature nor misses an export.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as kernelcount from 'kernelcount';
import { PACKAGE_DIR } from './run.ts';

export interface ApiItem {
  name: string;
  what: string;
}

export interface ApiGroup {
  /** Section anchor on the docs page; each item's anchor is `api-<name>`. */
  id: string;
  title: string;
  intro: string;
  items: ApiItem[];
  /** Example file (src/lib/docs/examples) shown with this group. */
  example?: string;
}

export const API_GROUPS: readonly ApiGroup[] = [
  {
    id: 'evaluate',
    title: 'Evaluate a scenario',
    intro: 'Validate a scenario once, size every platform on it and price each one over the horizon.',
    items: [
      { name: 'evaluate', what: 'Validates the scenario and returns the evaluation: per platform the hosts, what bound them, the footprint by layer, line items, TCO, the assumptions used and notes. Throws a KernelcountError listing every problem.' },
      { name: 'safeEvaluate', what: 'The same, returning { ok: true, value } or { ok: false, error } instead of throwing.' },
      { name: 'parseScenario', what: 'Validates and normalizes a scenario object without evaluating it; throws a KernelcountError with every issue.' },
      { name: 'parseScenarioText', what: 'Reads JSON or YAML text (format "json", "yaml" or "auto") into a value for evaluate; syntax errors become issues with code parse_error and the line.' },
      { name: 'scenarioJsonSchema', what: 'The JSON Schema of a scenario (also shipped as kernelcount/schema.json), for editors and other validators.' },
      { name: 'KernelcountError', what: 'The one error type: issues lists every problem as { path, code, message }.' },
      { name: 'isKernelcountError', what: 'Type guard for KernelcountError.' },
      { name: 'LIMITS', what: 'The input bounds that keep every evaluation quick (hosts, workloads, instances, platforms).' },
    ],
    example: 'safe-evaluate.mjs',
  },
  {
    id: 'formats',
    title: 'Formats',
    intro: 'Turn an evaluation into text: a readable table, JSON with money as exact decimal strings, CSV with a column per year, or a Markdown report with the assumptions and their sources.',
    items: [
      { name: 'formatEvaluation', what: 'Formats an evaluation as one of REPORT_FORMATS.' },
      { name: 'REPORT_FORMATS', what: 'The format names: table, json, csv, md.' },
      { name: 'formatTable', what: 'The table format alone.' },
      { name: 'formatJson', what: 'The JSON format alone.' },
      { name: 'formatCsv', what: 'The CSV format alone.' },
      { name: 'formatMarkdown', what: 'The Markdown format alone.' },
    ],
    example: 'scenario-text.mjs',
  },
  {
    id: 'rules',
    title: 'Rules',
    intro: 'Each vendor rule is a small pure function you can call without a scenario; the assumptions page lists them all with their sources.',
    items: [
      { name: 'nodeReservation', what: 'A Kubernetes node’s reservation and allocatable capacity under a profile (eks, gke, aks, aks-pre-1.29, gdc, generic).' },
      { name: 'eksReservation', what: 'Amazon EKS: kube-reserved from max pods and CPU bands.' },
      { name: 'gkeReservation', what: 'GKE Standard: memory and CPU bands.' },
      { name: 'aksReservation', what: 'AKS 1.29 and later.' },
      { name: 'aksPre129Reservation', what: 'AKS before 1.29.' },
      { name: 'gdcReservation', what: 'Google Distributed Cloud (GKE on VMware).' },
      { name: 'genericReservation', what: 'Your own kube-reserved, system-reserved and eviction figures.' },
      { name: 'withWindowsExtras', what: 'Adds the Windows node extras to a reservation.' },
      { name: 'eniMaxPods', what: 'EKS max pods from ENIs and IPv4 addresses per ENI.' },
      { name: 'esxiOverheadMiB', what: 'ESXi per-VM overhead from VMware’s sample table, saying whether it was read, interpolated, extrapolated or estimated.' },
      { name: 'esxiHostReserve', what: 'What ESXi keeps on a host.' },
      { name: 'kubevirtOverheadMiB', what: 'KubeVirt’s per-VM overhead formula.' },
      { name: 'openshiftVirtOverheadMiB', what: 'OpenShift Virtualization’s per-VM overhead formula.' },
      { name: 'proxmoxHostReserveMiB', what: 'Proxmox VE host memory with the ZFS ARC.' },
      { name: 'kataPodOverhead', what: 'A Kata Containers RuntimeClass’s pod overhead.' },
      { name: 'gvisorOverhead', what: 'gVisor’s measured extra memory per sandbox.' },
      { name: 'firecrackerOverhead', what: 'A bare Firecracker microVM: the VMM plus guest kernel and init.' },
    ],
    example: 'rules.mjs',
  },
  {
    id: 'licensing',
    title: 'Licensing engine',
    intro: 'Every licensed product written in one vocabulary of licence metrics; quoteLicences prices every allowed option, picks the cheapest compliant one and finds where the runner-up would win.',
    items: [
      { name: 'quoteLicences', what: 'Quotes products for groups of identical hosts (or clusters, or users): chosen option with its lines and formulas, rejected options with their cost or reason, break-even guest counts.' },
      { name: 'LICENCE_PRODUCTS', what: 'Every product: its options, metrics, terms, source and date.' },
      { name: 'LICENCE_PRODUCT_IDS', what: 'The product ids.' },
      { name: 'productFamily', what: 'The products that compete with one (Standard and Datacenter, the VMware editions, ...).' },
    ],
    example: 'licences.mjs',
  },
  {
    id: 'catalog',
    title: 'Catalog and rules registry',
    intro: 'Every default with its value, unit, source, date and trust, and every rule as data. The assumptions page of this site is generated from them.',
    items: [
      { name: 'CATALOG', what: 'Every default by id, with its named versions where a vendor changed a figure or sources disagree.' },
      { name: 'CatalogView', what: 'The catalog as one evaluation sees it: overrides, version choices and the date flags are computed for; records what was used. It is the price book quoteLicences and the rules read.' },
      { name: 'versionNames', what: 'The names of an entry’s versions, the default first.' },
      { name: 'entryVersion', what: 'One version of an entry, with its own source and date.' },
      { name: 'STALE_AFTER_MONTHS', what: 'Defaults older than this are flagged stale.' },
      { name: 'RULES', what: 'Every vendor rule: kind, summary, functions, catalog ids read, source, date, trust, versions.' },
    ],
    example: 'catalog.mjs',
  },
];

/** Names of the package's runtime exports. */
export function runtimeExports(): string[] {
  return Object.keys(kernelcount).sort((a, b) => a.localeCompare(b));
}

/** Runtime exports no group above documents, listed by name so nothing is missed. */
export function otherExports(): string[] {
  const documented = new Set(API_GROUPS.flatMap((g) => g.items.map((i) => i.name)));
  return runtimeExports().filter((n) => !documented.has(n));
}

let declarationFiles: Map<string, string> | undefined;

/** index.d.ts re-exports: which declaration file each exported name comes from. */
function declarationFileOf(name: string): string | undefined {
  if (!declarationFiles) {
    declarationFiles = new Map();
    const dist = path.join(PACKAGE_DIR, 'dist');
    const index = readFileSync(path.join(dist, 'index.d.ts'), 'utf8');
    for (const m of index.matchAll(/export\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
      const file = path.join(dist, m[2]!.replace(/\.js$/, '.d.ts'));
      for (const n of m[1]!.split(',')) {
        const id = n.trim().split(/\s+as\s+/).pop()!;
        if (id) declarationFiles.set(id, file);
      }
    }
  }
  return declarationFiles.get(name);
}

/** From `start`, the text up to the first `;` outside brackets. */
function untilStatementEnd(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') depth--;
    else if (c === ';' && depth === 0) return text.slice(start, i);
  }
  return text.slice(start);
}

const oneLine = (s: string) =>
  s
    .replace(/\/\*\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\(\s/g, '(')
    .replace(/\s\)/g, ')')
    .replace(/\{\s/g, '{ ')
    .replace(/;\s*\}/g, ' }')
    .trim();

/**
 * The TypeScript signature of an export as the built package declares it: a function's first
 * overload, a class's constructor, a short constant type; undefined when there is nothing short
 * to show (large object constants).
 */
export function signatureOf(name: string): string | undefined {
  const file = declarationFileOf(name);
  if (!file) return undefined;
  const text = readFileSync(file, 'utf8');
  const fn = text.search(new RegExp(`export declare function ${name}\\b`));
  if (fn >= 0) return oneLine(untilStatementEnd(text, fn).replace(/^export declare function /, ''));
  const cls = text.search(new RegExp(`export declare class ${name}\\b`));
  if (cls >= 0) {
    const body = text.slice(cls);
    const ctor = body.search(/\n\s*constructor\(/);
    if (ctor < 0) return `class ${name}`;
    const start = body.indexOf('constructor(', ctor);
    return oneLine(`new ${name}${untilStatementEnd(body, start).slice('constructor'.length)}`);
  }
  const cst = text.search(new RegExp(`export declare const ${name}\\b`));
  if (cst >= 0) {
    const sig = oneLine(untilStatementEnd(text, cst).replace(/^export declare /, ''));
    return sig.length <= 120 ? sig : undefined;
  }
  return undefined;
}
