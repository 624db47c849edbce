import { CATALOG, type CatalogId } from './defaults.js';
import type { Assumption, CatalogEntry, CatalogVersion } from './types.js';

/** Defaults older than this many months are flagged for re-checking. */
export const STALE_AFTER_MONTHS = 18;

/** The names of an entry's versions, the default first; empty when it has only one. */
export function versionNames(entry: CatalogEntry): string[] {
  if (!entry.versions) return [];
  return [entry.version ?? 'default', ...Object.keys(entry.versions)];
}

/** One version of an entry (the default when `name` is undefined or the default's name), or undefined if unknown. */
export function entryVersion(entry: CatalogEntry, name?: string): (CatalogVersion & { name?: string }) | undefined {
  if (name === undefined || name === (entry.version ?? 'default')) {
    const v: CatalogVersion & { name?: string } = { value: entry.value, source: entry.source, asOf: entry.asOf, trust: entry.trust };
    if (entry.note !== undefined) v.note = entry.note;
    if (entry.version !== undefined) v.name = entry.version;
    return v;
  }
  const v = entry.versions?.[name];
  return v ? { ...v, name } : undefined;
}

/**
 * The catalog as seen by one evaluation: defaults, the scenario's overrides and version choices,
 * and a record of what was used.
 */
export class CatalogView {
  private readonly used = new Map<string, Assumption>();
  constructor(
    private readonly overrides: Readonly<Record<string, unknown>> = {},
    private readonly today: string = new Date().toISOString().slice(0, 10),
    private readonly versions: Readonly<Record<string, string>> = {},
  ) {}

  /**
   * Reads a default (or its override) and records that this evaluation used it. `version` asks for
   * a named version (a rule that depends on the product version in use); otherwise the scenario's
   * choice under `catalogVersions`, else the default. An override replaces every version.
   */
  get<K extends CatalogId>(id: K, version?: string): (typeof CATALOG)[K]['value'] {
    const entry = CATALOG[id] as CatalogEntry;
    const overridden = Object.prototype.hasOwnProperty.call(this.overrides, id);
    const wanted = version ?? (Object.prototype.hasOwnProperty.call(this.versions, id) ? this.versions[id] : undefined);
    const chosen = entryVersion(entry, wanted);
    if (!chosen) throw new RangeError(`catalog ${id} has no version ${JSON.stringify(wanted)}`);
    const value = overridden ? this.overrides[id] : chosen.value;
    const key = chosen.name ? `${id}@${chosen.name}` : id;
    if (!this.used.has(key)) this.used.set(key, toAssumption(entry, chosen, value, overridden, this.today));
    return value as (typeof CATALOG)[K]['value'];
  }

  /** Everything used so far, in catalog order. */
  assumptions(): Assumption[] {
    const order = Object.keys(CATALOG);
    return [...this.used.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id) || (a.version ?? '').localeCompare(b.version ?? ''));
  }
}

function monthsBetween(asOf: string, today: string): number {
  const [y1 = 0, m1 = 1] = asOf.split('-').map(Number);
  const [y2 = 0, m2 = 1] = today.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1);
}

/** Flags for a dated, trusted figure: older than 18 months, or weak. */
export function flagsFor(v: { asOf: string; trust: string }, today: string): Assumption['flags'] {
  const flags: Assumption['flags'] = [];
  if (monthsBetween(v.asOf, today) > STALE_AFTER_MONTHS) flags.push('stale');
  if (v.trust === 'weak') flags.push('weak');
  return flags;
}

function toAssumption(entry: CatalogEntry, v: CatalogVersion & { name?: string }, value: unknown, overridden: boolean, today: string): Assumption {
  const names = versionNames(entry);
  const versionInfo: Pick<Assumption, 'version' | 'alternatives'> = {};
  if (v.name !== undefined && names.length > 0) {
    versionInfo.version = v.name;
    versionInfo.alternatives = names.filter((n) => n !== v.name);
  }
  if (overridden) {
    return {
      id: entry.id,
      label: entry.label,
      value,
      unit: entry.unit,
      source: { title: 'scenario override' },
      asOf: today,
      trust: 'user',
      note: `replaces the catalog default ${JSON.stringify(v.value)} (${v.source.title})`,
      ...versionInfo,
      overridden: true,
      flags: [],
    };
  }
  const a: Assumption = {
    id: entry.id,
    label: entry.label,
    value,
    unit: entry.unit,
    source: v.source,
    asOf: v.asOf,
    trust: v.trust,
    ...versionInfo,
    overridden: false,
    flags: flagsFor(v, today),
  };
  if (v.note !== undefined) a.note = v.note;
  return a;
}
