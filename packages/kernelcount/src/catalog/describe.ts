/**
 * The words of the figures an evaluation used, looked up by id: `evaluate` returns assumptions
 * with numbers, dates and flags only. Reads `FIGURES` and `CATALOG_TEXT` directly rather than the
 * joined `CATALOG`, so a bundle that shows assumptions does not also build the joined catalog.
 */
import { FIGURES, type CatalogId } from './defaults.js';
import { CATALOG_TEXT } from './text.js';
import type { Assumption, AssumptionText, CatalogFigure, DescribedAssumption } from './types.js';

/**
 * The words of an assumption: its label, its source and any caveat, for the version it used. An
 * override's source is the scenario, and its note names the catalog default it replaces.
 *
 * @example
 * const e = evaluate(scenario);
 * const { label, source } = assumptionText(e.assumptions[0]!);
 */
export function assumptionText(a: Pick<Assumption, 'id' | 'version' | 'overridden'>): AssumptionText {
  if (!Object.prototype.hasOwnProperty.call(FIGURES, a.id)) throw new RangeError(`no catalog entry ${JSON.stringify(a.id)}`);
  const figure = FIGURES[a.id as CatalogId] as CatalogFigure;
  const words = CATALOG_TEXT[a.id as CatalogId];
  const named = a.version !== undefined && a.version !== (figure.version ?? 'default') ? a.version : undefined;
  const v = named !== undefined ? figure.versions?.[named] : figure;
  const w = named !== undefined ? words.versions?.[named] : words;
  if (!v || !w) throw new RangeError(`catalog ${a.id} has no version ${JSON.stringify(a.version)}`);
  if (a.overridden) {
    return { label: words.label, source: { title: 'scenario override' }, note: `replaces the catalog default ${JSON.stringify(v.value)} (${w.source.title})` };
  }
  return w.note !== undefined ? { label: words.label, source: w.source, note: w.note } : { label: words.label, source: w.source };
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
