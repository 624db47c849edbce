/** How far to trust a default: vendor text or code; a reputable secondary or old vendor source; a weak estimate; or the user's own figure (an override). */
export type Trust = 'vendor' | 'secondary' | 'weak' | 'user';

export interface Source {
  title: string;
  url?: string;
}

/** A catalog figure without its words: what `evaluate` reads. `CatalogEntry` adds the words. */
export interface CatalogFigure<T = unknown> {
  /** Stable id, also the key for overrides in a scenario's `catalog:` section. */
  id: string;
  value: T;
  unit: string;
  /** ISO date (YYYY-MM-DD or YYYY-MM) of the source. */
  asOf: string;
  trust: Trust;
  /** Name of this value's version, where the vendor changed the figure over time or sources disagree. */
  version?: string;
  /**
   * Other named versions of the same figure, each with its own date. The entry's own value is the
   * default; a scenario selects another under `catalogVersions:`, and a rule may ask for one by name
   * (e.g. the ESXi table of the hypervisor version in use).
   */
  versions?: Readonly<Record<string, FigureVersion<T>>>;
}

/** One named version of a catalog figure, without its words. */
export interface FigureVersion<T = unknown> {
  value: T;
  asOf: string;
  trust: Trust;
}

/** One default of the catalog: a value with its unit, where it comes from and when that was true. */
export interface CatalogEntry<T = unknown> extends Omit<CatalogFigure<T>, 'versions'> {
  label: string;
  source: Source;
  note?: string;
  /** The named versions, each with its own source and date. */
  versions?: Readonly<Record<string, CatalogVersion<T>>>;
}

/** One named version of a catalog figure, with its source. */
export interface CatalogVersion<T = unknown> extends FigureVersion<T> {
  source: Source;
  note?: string;
}

/** The words of a catalog figure and of each of its named versions. */
export interface CatalogText {
  label: string;
  source: Source;
  note?: string;
  versions?: Readonly<Record<string, { source: Source; note?: string }>>;
}

/**
 * A catalog figure as used by one evaluation: the default, or the user's override of it. It carries
 * numbers, dates and flags; its words (label, source, note) are looked up by id with
 * `assumptionText` or `describeAssumption`, so that `evaluate` does not have to carry them.
 */
export interface Assumption {
  id: string;
  value: unknown;
  unit: string;
  /** The source's date; for an override, the evaluation's date. */
  asOf: string;
  /** `user` for an override. */
  trust: Trust;
  /** The version used, when the figure has named versions; `alternatives` names the others. */
  version?: string;
  alternatives?: string[];
  /** True when the scenario replaced the catalog's value. */
  overridden: boolean;
  /** Set when the default should be re-checked: older than 18 months, or weak trust. */
  flags: Array<'stale' | 'weak'>;
}

/** What an assumption is, where it comes from and any caveat, in words. */
export interface AssumptionText {
  label: string;
  /** For an override: `{ title: 'scenario override' }`. */
  source: Source;
  /** For an override: the catalog default it replaces, with that default's source. */
  note?: string;
}

/** An assumption with its words (`describeAssumption`), as reports print it. */
export interface DescribedAssumption extends Assumption, AssumptionText {}
