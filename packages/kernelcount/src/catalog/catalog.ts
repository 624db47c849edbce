import { FIGURES, type CatalogId, type CatalogValue } from './defaults.js';
import { CATALOG_TEXT } from './text.js';
import type { CatalogEntry, CatalogFigure, CatalogText, CatalogVersion } from './types.js';

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
