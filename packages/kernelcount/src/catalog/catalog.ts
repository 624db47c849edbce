import { FIGURES, type CatalogId, type CatalogValue } from './defaults.js';
import { CATALOG_TEXT } from './text.js';
import { entryVersion } from './tracker.js';
import type { Assumption, AssumptionText, CatalogEntry, CatalogFigure, CatalogText, CatalogVersion, DescribedAssumption } from './types.js';

function joinEntry(f: CatalogFigure, t: CatalogText): CatalogEntry {
  const e: CatalogEntry = { id: f.id, label: t.label, value: f.value, unit: f.unit, source: t.source, asOf: f.asOf, trust: f.trust };
  if (t.note !== undefined) e.note = t.note;
  if (f.version !== undefined) e.version = f.version;
  if (f.versions) {
    const versions: Record<string, CatalogVersion> = {};
    for (const [name, v] of Object.entries(f.versions)) {
      const words = t.versions?.[name];
      if (!words) throw new Error(`catalog ${f.id}: version ${name} has no source in text.ts`);
      versions[name] = { value: v.value, source: words.source, asOf: v.asOf, trust: v.trust, ...(words.note !== undefined ? { note: words.note } : {}) };
    }
    e.versions = versions;
  }
  return e;
}

function joinCatalog(): { readonly [K in CatalogId]: CatalogEntry<CatalogValue<K>> } {
  const out: Record<string, CatalogEntry> = {};
  for (const id of Object.keys(FIGURES) as CatalogId[]) out[id] = joinEntry(FIGURES[id] as CatalogFigure, CATALOG_TEXT[id]);
  return out as { readonly [K in CatalogId]: CatalogEntry<CatalogValue<K>> };
}

/**
 * Every default the model uses, with its words: the figures of `defaults.ts` joined with the label,
 * source and note of `text.ts`. Each carries its source, as-of date and trust; a scenario may
 * override any of them by id in its `catalog:` section.
 *
 * @example
 * CATALOG['guestOs.windows.memoryMiB'].value //=> 2048
 * CATALOG['guestOs.windows.memoryMiB'].source.title // the Windows Server hardware requirements page
 */
export const CATALOG = /* @__PURE__ */ joinCatalog();

/** Every catalog entry as a list, in a stable order. */
export function catalogEntries(): CatalogEntry[] {
  return Object.values(CATALOG) as CatalogEntry[];
}

function entryOf(id: string): CatalogEntry {
  if (!Object.prototype.hasOwnProperty.call(CATALOG, id)) throw new RangeError(`no catalog entry ${JSON.stringify(id)}`);
  return CATALOG[id as CatalogId] as CatalogEntry;
}

/**
 * The words of an assumption: its label, its source and any caveat, for the version it used. An
 * override's source is the scenario, and its note names the catalog default it replaces.
 *
 * @example
 * const e = evaluate(scenario);
 * const { label, source } = assumptionText(e.assumptions[0]!);
 */
export function assumptionText(a: Pick<Assumption, 'id' | 'version' | 'overridden'>): AssumptionText {
  const entry = entryOf(a.id);
  const v = (entryVersion(entry, a.version) ?? entryVersion(entry))!;
  if (a.overridden) {
    return { label: entry.label, source: { title: 'scenario override' }, note: `replaces the catalog default ${JSON.stringify(v.value)} (${v.source.title})` };
  }
  return v.note !== undefined ? { label: entry.label, source: v.source, note: v.note } : { label: entry.label, source: v.source };
}

/**
 * An assumption with its words, as the reports print it (and as `evaluate` returned it before the
 * words moved out of the evaluation).
 *
 * @example
 * evaluate(scenario).assumptions.map(describeAssumption).map((a) => `${a.label}: ${a.source.title}`)
 */
export function describeAssumption(a: Assumption): DescribedAssumption {
  const t = assumptionText(a);
  const versionInfo: Pick<DescribedAssumption, 'version' | 'alternatives'> = {};
  if (a.version !== undefined) versionInfo.version = a.version;
  if (a.alternatives !== undefined) versionInfo.alternatives = a.alternatives;
  const head = { id: a.id, label: t.label, value: a.value, unit: a.unit, source: t.source, asOf: a.asOf, trust: a.trust };
  if (a.overridden) return { ...head, note: t.note!, ...versionInfo, overridden: true, flags: a.flags };
  const d: DescribedAssumption = { ...head, ...versionInfo, overridden: false, flags: a.flags };
  if (t.note !== undefined) d.note = t.note;
  return d;
}
