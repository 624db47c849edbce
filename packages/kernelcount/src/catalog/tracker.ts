import { CATALOG, type CatalogId } from './defaults.js';
import type { Assumption, CatalogEntry } from './types.js';

/** Defaults older than this many months are flagged for re-checking. */
export const STALE_AFTER_MONTHS = 18;

/** The catalog as seen by one evaluation: defaults, the scenario's overrides, and a record of what was used. */
export class CatalogView {
  private readonly used = new Map<string, Assumption>();
  constructor(
    private readonly overrides: Readonly<Record<string, unknown>> = {},
    private readonly today: string = new Date().toISOString().slice(0, 10),
  ) {}

  /** Reads a default (or its override) and records that this evaluation used it. */
  get<K extends CatalogId>(id: K): (typeof CATALOG)[K]['value'] {
    const entry = CATALOG[id] as CatalogEntry;
    const overridden = Object.prototype.hasOwnProperty.call(this.overrides, id);
    const value = overridden ? this.overrides[id] : entry.value;
    if (!this.used.has(id)) {
      this.used.set(id, toAssumption(entry, value, overridden, this.today));
    }
    return value as (typeof CATALOG)[K]['value'];
  }

  /** Everything used so far, in catalog order. */
  assumptions(): Assumption[] {
    const order = Object.keys(CATALOG);
    return [...this.used.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  }
}

function monthsBetween(asOf: string, today: string): number {
  const [y1 = 0, m1 = 1] = asOf.split('-').map(Number);
  const [y2 = 0, m2 = 1] = today.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1);
}

function toAssumption(entry: CatalogEntry, value: unknown, overridden: boolean, today: string): Assumption {
  if (overridden) {
    return {
      id: entry.id,
      label: entry.label,
      value,
      unit: entry.unit,
      source: { title: 'scenario override' },
      asOf: today,
      trust: 'user',
      note: `replaces the catalog default ${JSON.stringify(entry.value)} (${entry.source.title})`,
      overridden: true,
      flags: [],
    };
  }
  const flags: Assumption['flags'] = [];
  if (monthsBetween(entry.asOf, today) > STALE_AFTER_MONTHS) flags.push('stale');
  if (entry.trust === 'weak') flags.push('weak');
  const a: Assumption = {
    id: entry.id,
    label: entry.label,
    value,
    unit: entry.unit,
    source: entry.source,
    asOf: entry.asOf,
    trust: entry.trust,
    overridden: false,
    flags,
  };
  if (entry.note !== undefined) a.note = entry.note;
  return a;
}
