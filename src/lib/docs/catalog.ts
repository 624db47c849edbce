/**
 * Build-time view of the package's catalog and rules for the assumptions page: defaults grouped by
 * the prefix of their id, rules grouped by kind, and the stale/weak flags as of a date. Every value
 * comes from the package (CATALOG, RULES); nothing here restates a figure.
 */
import { CATALOG, CatalogView, RULES, STALE_AFTER_MONTHS, entryVersion, versionNames } from 'kernelcount';
import type { CatalogEntry, CatalogId, CatalogVersion, RuleInfo, RuleKind } from 'kernelcount';

export type Flag = 'stale' | 'weak';

/** Groups of defaults, by the first segment of the id. Ids with an unknown prefix land in "Other". */
export const DEFAULT_GROUPS: ReadonlyArray<{ id: string; title: string; prefixes: readonly string[]; blurb: string }> = [
  { id: 'guest-os', title: 'Guest OS', prefixes: ['guestOs', 'vm'], blurb: 'What an operating system inside a VM adds to the app, and how much of a thin disk is written.' },
  { id: 'hypervisors', title: 'Hypervisors', prefixes: ['hypervisor'], blurb: 'Per-VM overhead tables and formulas, and what each hypervisor keeps for itself on a host.' },
  { id: 'kubernetes-nodes', title: 'Kubernetes nodes', prefixes: ['k8s', 'runtime', 'image'], blurb: 'Pods per node, reservations, eviction thresholds, the container runtime and image sizes.' },
  { id: 'sandboxes', title: 'Sandboxes', prefixes: ['sandbox'], blurb: 'The overhead a sandboxed runtime (Kata, gVisor, Firecracker, Hyper-V isolation) adds to each pod.' },
  { id: 'hosts-policy', title: 'Hosts and policy', prefixes: ['host', 'hostOs', 'policy'], blurb: 'Host facts the scenario may leave out, and how full hosts are planned.' },
  { id: 'power-facilities', title: 'Power and facilities', prefixes: ['power', 'facilities'], blurb: 'Electricity, PUE and colocation.' },
  { id: 'carbon', title: 'Carbon', prefixes: ['carbon'], blurb: 'Grid carbon intensity by region: what a kWh of the hosts’ electricity emits.' },
  { id: 'hardware-labour', title: 'Hardware and labour', prefixes: ['hardware', 'labour'], blurb: 'Amortization, hardware support and operations staff.' },
  { id: 'licences', title: 'Licences', prefixes: ['licence'], blurb: 'List prices and licensing figures; the rules that use them are under Rules, Licences.' },
  { id: 'control-planes', title: 'Control planes', prefixes: ['controlPlane'], blurb: 'Managed Kubernetes control-plane fees and credits.' },
];

export const RULE_GROUPS: ReadonlyArray<{ kind: RuleKind; id: string; title: string }> = [
  { kind: 'node-reservation', id: 'rules-node-reservation', title: 'Node reservations' },
  { kind: 'pod-overhead', id: 'rules-pod-overhead', title: 'Pod overhead' },
  { kind: 'vm-overhead', id: 'rules-vm-overhead', title: 'VM overhead' },
  { kind: 'host-reserve', id: 'rules-host-reserve', title: 'Host reserve' },
  { kind: 'scaling', id: 'rules-scaling', title: 'Scaling' },
  { kind: 'licence', id: 'rules-licence', title: 'Licences' },
];

/** Whole months from one ISO date (YYYY-MM or YYYY-MM-DD) to another, as the package counts them. */
export function monthsBetween(asOf: string, today: string): number {
  const [y1 = 0, m1 = 1] = asOf.split('-').map(Number);
  const [y2 = 0, m2 = 1] = today.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1);
}

/**
 * Flags of a rule (the package flags catalog figures itself, through CatalogView; rules are not in
 * the catalog, so they are flagged here with the same threshold, STALE_AFTER_MONTHS).
 */
export function ruleFlags(r: { asOf: string; trust: string }, today: string): Flag[] {
  const flags: Flag[] = [];
  if (monthsBetween(r.asOf, today) > STALE_AFTER_MONTHS) flags.push('stale');
  if (r.trust === 'weak') flags.push('weak');
  return flags;
}

export interface VersionView extends CatalogVersion {
  name: string;
  isDefault: boolean;
  anchor: string;
  flags: Flag[];
}

export interface DefaultView {
  entry: CatalogEntry;
  flags: Flag[];
  /** Named versions, the default first; empty when the figure has only one. */
  versions: VersionView[];
  /** Rules that read this figure. */
  usedBy: RuleInfo[];
}

/** Flags of one version of a catalog figure, computed by the package's own CatalogView. */
export function catalogFlags(id: string, today: string, version?: string): Flag[] {
  const view = new CatalogView({}, today);
  view.get(id as CatalogId, version);
  const a = view.assumptions()[0];
  return a ? [...a.flags] : [];
}

/** The anchor of a named version: the id and the version joined by `@`, as CatalogView keys them. */
export function versionAnchor(id: string, name: string): string {
  return `${id}@${name}`;
}

export function defaultView(entry: CatalogEntry, today: string): DefaultView {
  const names = versionNames(entry);
  const defaultName = names[0];
  const versions: VersionView[] = names.map((name) => {
    const v = entryVersion(entry, name);
    if (!v) throw new Error(`catalog ${entry.id}: version ${name} not found`);
    return { ...v, name, isDefault: name === defaultName, anchor: versionAnchor(entry.id, name), flags: catalogFlags(entry.id, today, name) };
  });
  return {
    entry,
    flags: catalogFlags(entry.id, today),
    versions,
    usedBy: RULES.filter((r) => r.catalogIds.includes(entry.id)),
  };
}

function prefixOf(id: string): string {
  return id.split('.')[0] ?? id;
}

/** Every default, grouped; a group with no entries is left out, and unknown prefixes form "Other". */
export function groupedDefaults(today: string): Array<{ id: string; title: string; blurb: string; entries: DefaultView[] }> {
  const entries = Object.values(CATALOG) as CatalogEntry[];
  const groups = DEFAULT_GROUPS.map((g) => ({
    id: `defaults-${g.id}`,
    title: g.title,
    blurb: g.blurb,
    entries: entries.filter((e) => g.prefixes.includes(prefixOf(e.id))).map((e) => defaultView(e, today)),
  }));
  const known = new Set(DEFAULT_GROUPS.flatMap((g) => g.prefixes));
  const other = entries.filter((e) => !known.has(prefixOf(e.id)));
  if (other.length) groups.push({ id: 'defaults-other', title: 'Other', blurb: '', entries: other.map((e) => defaultView(e, today)) });
  return groups.filter((g) => g.entries.length > 0);
}

/** Every rule, grouped by kind, in the order of RULES within a group. */
export function groupedRules(today: string): Array<{ id: string; title: string; rules: Array<{ rule: RuleInfo; flags: Flag[] }> }> {
  const groups = RULE_GROUPS.map((g) => ({
    id: g.id,
    title: g.title,
    rules: RULES.filter((r) => r.kind === g.kind).map((rule) => ({ rule, flags: ruleFlags(rule, today) })),
  }));
  const known = new Set(RULE_GROUPS.map((g) => g.kind));
  const other = RULES.filter((r) => !known.has(r.kind));
  if (other.length) groups.push({ id: 'rules-other', title: 'Other rules', rules: other.map((rule) => ({ rule, flags: ruleFlags(rule, today) })) });
  return groups.filter((g) => g.rules.length > 0);
}

/** A value's shape, for display: a number or string, a flat record, the ESXi overhead table, or anything else (JSON). */
export type ValueShape =
  | { kind: 'scalar'; text: string }
  | { kind: 'record'; items: Array<[string, string]> }
  | { kind: 'table'; columns: number[]; rows: Array<{ memoryMiB: number; cells: Array<number | null> }> }
  | { kind: 'json'; text: string };

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

export function valueShape(value: unknown): ValueShape {
  if (isScalar(value)) return { kind: 'scalar', text: String(value) };
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v['vcpus']) && Array.isArray(v['rows'])) {
      const rows = v['rows'] as Array<{ memoryMiB: number; overheadMiB: Array<number | null> }>;
      if (rows.every((r) => typeof r.memoryMiB === 'number' && Array.isArray(r.overheadMiB))) {
        return { kind: 'table', columns: v['vcpus'] as number[], rows: rows.map((r) => ({ memoryMiB: r.memoryMiB, cells: r.overheadMiB })) };
      }
    }
    const items = Object.entries(v);
    if (items.every(([, x]) => isScalar(x))) return { kind: 'record', items: items.map(([k, x]) => [k, String(x)]) };
  }
  return { kind: 'json', text: JSON.stringify(value, null, 2) };
}
