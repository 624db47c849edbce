/**
 * Catalog figures as the articles quote them: `<Cat id="guestOs.linux.memoryMiB" />` reads the
 * value from the package's catalog and words it with its unit, so an article never retypes a figure
 * that the model uses. Unknown ids and fields throw, which fails the site build.
 */
import { catalogEntries, entryVersion } from 'kernelcount';
import type { CatalogEntry } from 'kernelcount';

const BY_ID = new Map<string, CatalogEntry>(catalogEntries().map((e) => [e.id, e]));

export function catalogEntry(id: string): CatalogEntry {
  const e = BY_ID.get(id);
  if (!e) throw new Error(`Unknown catalog id "${id}" (see kernelcount's catalog for the list)`);
  return e;
}

export function hasCatalogEntry(id: string): boolean {
  return BY_ID.has(id);
}

const grouped = (n: number, digits = 2) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

/** Words a number in a unit the catalog uses: `300 MiB`, `8%`, `$1,069 per 16 cores`. */
export function formatWithUnit(value: number | string, unit: string): string {
  const n = typeof value === 'string' ? Number(value) : value;
  if (!Number.isFinite(n)) throw new Error(`Not a finite number: ${String(value)}`);
  if (unit.startsWith('currency/')) {
    const per = unit.slice('currency/'.length).replace(/-/g, ' ');
    // Cents always show (`$0.10`, not `$0.1`); sub-dollar rates keep up to four decimals (`$0.0806`).
    const text = n.toLocaleString('en-US', { minimumFractionDigits: Number.isInteger(n) ? 0 : 2, maximumFractionDigits: n < 1 ? 4 : 2 });
    return `$${text} per ${per}`;
  }
  switch (unit) {
    case '%':
      return `${grouped(n)}%`;
    case 'fraction':
      return `${grouped(n * 100)}%`;
    case 'ratio':
    case 'processors/core':
      return grouped(n);
    case 'servers/FTE':
      return `${grouped(n)} servers per administrator`;
    case 'instances/FTE':
      return `${grouped(n)} OS instances per administrator`;
    case 'millicores':
      return `${grouped(n)} millicores`;
    case '% of licence price/year':
      return `${grouped(n)}% of the licence price per year`;
    default:
      return `${grouped(n)} ${unit}`;
  }
}

/** The unit of one field of a structured value, read from its name (`memoryMiB`, `cpuMillicores`). */
function fieldUnit(field: string, entryUnit: string): string {
  if (/MiB$/.test(field)) return 'MiB';
  if (/GiB$/.test(field)) return 'GiB';
  if (/Millicores$/.test(field)) return 'millicores';
  if (/percent$/i.test(field)) return '%';
  if (field === 'vcpus') return 'vCPUs';
  if (field === 'cpu' || field === 'memory' || field === 'disk') return entryUnit;
  if (field === 'spareHosts') return 'hosts';
  return entryUnit;
}

export interface CatalogFigure {
  text: string;
  entry: CatalogEntry;
  /** `Source title, as of 2025-06` for a tooltip. */
  citation: string;
}

/**
 * One catalog figure in words. `field` picks a member of a structured value (`memoryMiB` of a
 * sandbox runtime); `version` picks a named version of the figure.
 */
export function catalogFigure(id: string, opts: { field?: string; version?: string } = {}, lenient = false): CatalogFigure {
  const entry = catalogEntry(id);
  const v = opts.version === undefined ? { value: entry.value, source: entry.source, asOf: entry.asOf } : entryVersion(entry, opts.version);
  if (!v) throw new Error(`Catalog id "${id}" has no version "${opts.version}"`);
  let value: unknown = v.value;
  let unit = entry.unit;
  if (opts.field !== undefined) {
    if (typeof value !== 'object' || value === null || !(opts.field in value)) throw new Error(`Catalog id "${id}" has no field "${opts.field}"`);
    value = (value as Record<string, unknown>)[opts.field];
    unit = fieldUnit(opts.field, entry.unit);
  }
  if (typeof value !== 'number' && typeof value !== 'string') {
    // A sources list may cite a structured entry (a table, a formula) without wording its value.
    if (lenient) return { text: '', entry, citation: `${v.source.title}, as of ${v.asOf}` };
    throw new Error(`Catalog id "${id}" holds a structured value: name a field`);
  }
  return { text: formatWithUnit(value, unit), entry, citation: `${v.source.title}, as of ${v.asOf}` };
}
