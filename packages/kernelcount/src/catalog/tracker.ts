import { FIGURES, type CatalogId, type CatalogValue } from './defaults.js';
import type { Assumption, CatalogEntry, CatalogFigure, CatalogVersion, FigureVersion } from './types.js';

/** Defaults older than this many months are flagged for re-checking. */
export const STALE_AFTER_MONTHS = 18;

/** The names of an entry's versions, the default first; empty when it has only one. */
export function versionNames(entry: Pick<CatalogFigure, 'version' | 'versions'>): string[] {
  if (!entry.versions) return [];
  return [entry.version ?? 'default', ...Object.keys(entry.versions)];
}

/**
 * One version of an entry (the default when `name` is undefined or the default's name), or
 * undefined if unknown. Given a `CatalogEntry` the version has its source and note; given a bare
 * figure, only its value, date and trust.
 */
export function entryVersion(entry: CatalogEntry, name?: string): (CatalogVersion & { name?: string }) | undefined;
export function entryVersion(entry: CatalogFigure, name?: string): (FigureVersion & { name?: string }) | undefined;
export function entryVersion(entry: CatalogFigure | CatalogEntry, name?: string): (FigureVersion & { name?: string }) | undefined {
  if (name === undefined || name === (entry.version ?? 'default')) {
    const v: FigureVersion & Partial<CatalogVersion> & { name?: string } = { value: entry.value, asOf: entry.asOf, trust: entry.trust };
    if ('source' in entry) {
      v.source = entry.source;
      if (entry.note !== undefined) v.note = entry.note;
    }
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
  get<K extends CatalogId>(id: K, version?: string): CatalogValue<K> {
    const entry = FIGURES[id] as CatalogFigure;
    const overridden = Object.prototype.hasOwnProperty.call(this.overrides, id);
    const wanted = version ?? (Object.prototype.hasOwnProperty.call(this.versions, id) ? this.versions[id] : undefined);
    const chosen = entryVersion(entry, wanted);
    if (!chosen) throw new RangeError(`catalog ${id} has no version ${JSON.stringify(wanted)}`);
    const value = overridden ? this.overrides[id] : chosen.value;
    const key = chosen.name ? `${id}@${chosen.name}` : id;
    if (!this.used.has(key)) this.used.set(key, toAssumption(entry, chosen, value, overridden, this.today));
    return value as CatalogValue<K>;
  }

  /** Everything used so far, in catalog order. */
  assumptions(): Assumption[] {
    const order = Object.keys(FIGURES);
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

function toAssumption(entry: CatalogFigure, v: FigureVersion & { name?: string }, value: unknown, overridden: boolean, today: string): Assumption {
  const names = versionNames(entry);
  const a: Assumption = overridden
    ? { id: entry.id, value, unit: entry.unit, asOf: today, trust: 'user', overridden: true, flags: [] }
    : { id: entry.id, value, unit: entry.unit, asOf: v.asOf, trust: v.trust, overridden: false, flags: flagsFor(v, today) };
  if (v.name !== undefined && names.length > 0) {
    a.version = v.name;
    a.alternatives = names.filter((n) => n !== v.name);
  }
  return a;
}
