/**
 * Each platform's TCO for many values of a few inputs, without re-running the whole evaluation
 * each time. The result for given values is exactly `evaluate(scenarioWith(values))`'s TCOs (a
 * test checks this on random samples); what makes it fast:
 *
 * - The scenario is validated once. Only inputs that can change sizing (instances, memory,
 *   overcommit, ...) re-validate and re-size the scenario, and the sizing is kept by their values,
 *   so an input that takes few values (a whole number of instances) sizes each value once.
 * - Price inputs (host prices and power, `prices:`, licence and other price figures of the catalog,
 *   flat per-instance licences) go straight into the sized platforms' pricing.
 * - Licences are worked out again only when a figure they read changed, and without the break-even
 *   search, which feeds notes but never a cost.
 * - Only the platforms asked for are priced, and no report text, comparison or summary is built.
 *
 * The caches live in the sampler, so a sampler is not shared between threads; it has no other state.
 */
import { FIGURES, type CatalogId } from '../catalog/defaults.js';
import { entryVersion } from '../catalog/tracker.js';
import type { CatalogFigure } from '../catalog/types.js';
import { cheapestHostCount } from '../cost/hostCount.js';
import { licenceDrafts, type LicenceDrafts } from '../cost/licences.js';
import { quoteBuilt, type quoteLicences, type LicenceQuote, type PriceBook } from '../licensing/engine.js';
import { priceSizing, type CatalogReader } from '../cost/lineItems.js';
import { KernelcountError, type Issue } from '../errors.js';
import { sumLineItems, tooLargeIssue } from '../evaluate.js';
import { money, type Money } from '../money.js';
import { sizePlatform, TooLargeForHostError, type PlatformSizing } from '../platforms/size.js';
import type { Host, InstanceLicence, Scenario, Workload } from '../scenario/types.js';
import { parseScenarioWithCatalog } from '../scenario/validate.js';
import { setInput, type InputPath } from './uncertaintyPaths.js';

export interface TcoSamplerOptions {
  /** Date used to flag stale defaults (YYYY-MM-DD); it never changes a figure. Default today. */
  today?: string;
  /** Platforms to price, by name; default every platform of the scenario. */
  platforms?: readonly string[];
}

/** Prices a scenario again and again for new values of the same inputs. */
export interface TcoSampler {
  /** The platforms priced, in the scenario's order. */
  readonly platforms: readonly string[];
  /** The inputs, in the order `tcos` takes their values. */
  readonly inputs: readonly InputPath[];
  /**
   * The TCO of each platform (in `platforms` order) with input i set to `values[i]`. Throws a
   * KernelcountError when those values make the scenario invalid (a workload no longer fits a host,
   * power maximum below idle, ...), naming the values.
   */
  tcos(values: readonly number[]): Money[];
  /** The scenario as written with the values set: what `evaluate` would be given. */
  scenarioWith(values: readonly number[]): Record<string, unknown>;
}

/** One sizing of a platform: at the fewest hosts, or with hosts added to pools (cost/hostCount.ts). */
interface Variant {
  sizing: PlatformSizing;
  /** Licence drafts already worked out for it, with the price figures each one read. */
  licences: Array<Kept<LicenceDrafts>>;
}

/** What the sizing inputs' values decide: the validated scenario and each platform's sizings. */
interface Sized {
  scenario: Scenario;
  /** Sizes a platform again with hosts added (the catalog view the scenario was validated with). */
  resize: (k: number, added: Record<string, number>) => PlatformSizing;
  /** Per platform, its sizings by the hosts added (JSON of the pool keys and counts; `{}` as packed). */
  variants: Array<Map<string, Variant>>;
}

/** Quotes kept across samples and sizings: at most this many different ones (then all are dropped). */
const MAX_QUOTES_KEPT = 20_000;

const MAX_SIZINGS_KEPT = 2048;
/**
 * Results kept per key, each with the catalog figures it read; the oldest goes first. Few: a
 * result that read a sampled figure is rarely asked for again, one that read none always is.
 */
const MAX_KEPT_PER_KEY = 2;

/** A result worked out from catalog figures, kept with the figures it read and their values. */
interface Kept<T> {
  reads: Array<[string, unknown]>;
  value: T;
}

/**
 * The kept result whose figures all have the same values in `book` now, else a new one: `make`
 * gets a book that notes every figure read. Reads are checked through `book`, so a caller that
 * records reads itself sees them too; the sampled figures among them are checked first, as they
 * are the ones that change.
 */
function keptOrMake<T>(kept: Array<Kept<T>>, book: PriceBook, sampled: ReadonlySet<string>, make: (recording: PriceBook) => T): T {
  for (let k = kept.length - 1; k >= 0; k--) {
    const x = kept[k]!;
    let same = true;
    for (const [id, v] of x.reads) {
      if (book.get(id as CatalogId) !== v) {
        same = false;
        break;
      }
    }
    if (same) return x.value;
  }
  const reads = new Map<string, unknown>();
  const value = make({
    get: (id: CatalogId) => {
      const v = book.get(id);
      reads.set(id, v);
      return v;
    },
  });
  if (kept.length >= MAX_KEPT_PER_KEY) kept.shift();
  const all = [...reads];
  kept.push({ reads: [...all.filter(([id]) => sampled.has(id)), ...all.filter(([id]) => !sampled.has(id))], value });
  return value;
}

/** The catalog as pricing reads it: the scenario's overrides, this sample's figures, else the default (or chosen version). */
class SampleBook implements CatalogReader {
  constructor(
    private readonly overrides: Readonly<Record<string, unknown>>,
    private readonly versions: Readonly<Record<string, string>>,
    private readonly sample: ReadonlyMap<string, unknown>,
    /** Default values by id and version, shared by the samples of one sampler. */
    private readonly defaults: Map<string, unknown>,
  ) {}

  get<K extends CatalogId>(id: K, version?: string): (typeof FIGURES)[K]['value'] {
    type V = (typeof FIGURES)[K]['value'];
    // As in CatalogView: an override (here also a sampled figure) replaces every version.
    if (this.sample.has(id)) return this.sample.get(id) as V;
    if (Object.prototype.hasOwnProperty.call(this.overrides, id)) return this.overrides[id] as V;
    const wanted = version ?? (Object.prototype.hasOwnProperty.call(this.versions, id) ? this.versions[id] : undefined);
    const key = wanted === undefined ? id : `${id}@${wanted}`;
    if (this.defaults.has(key)) return this.defaults.get(key) as V;
    const chosen = entryVersion(FIGURES[id] as CatalogFigure, wanted);
    if (!chosen) throw new RangeError(`catalog ${id} has no version ${JSON.stringify(wanted)}`);
    this.defaults.set(key, chosen.value);
    return chosen.value as V;
  }
}

function describeValues(inputs: readonly InputPath[], values: readonly number[]): string {
  return inputs.map((p, i) => `${p.path} = ${values[i]}`).join(', ');
}

function sampleError(inputs: readonly InputPath[], values: readonly number[], issues: readonly Issue[]): KernelcountError {
  return new KernelcountError(
    issues.map((i) => ({
      code: i.code,
      path: 'uncertainty',
      message: `with ${describeValues(inputs, values)}: ${i.path ? i.path + ': ' : ''}${i.message}; narrow the ranges so every value in them is valid`,
    })),
  );
}

/**
 * Validates a scenario once and returns a sampler that prices it for new values of `inputs`
 * (resolved with `resolveInputPath`). Throws a KernelcountError when the scenario is invalid or a
 * platform named in `options.platforms` does not exist.
 *
 * @example
 * const scenario = {
 *   hosts: [{ name: 'r760', sockets: 2, coresPerSocket: 32, memoryGiB: 1024, diskGiB: 7680, price: 38000 }],
 *   workloads: [{ name: 'api', instances: 40, vcpus: 0.5, memoryGiB: 1 }],
 * };
 * const inputs = [resolveInputPath(scenario, 'prices.electricityPerKWh'), resolveInputPath(scenario, 'workloads[api].instances')];
 * const sampler = createTcoSampler(scenario, inputs, { platforms: ['vm', 'containers'] });
 * sampler.tcos([0.15, 30]).map(String) //=> ['385085.32', '357370.64'] (what evaluate gives at 0.15 a kWh and 30 instances)
 */
export function createTcoSampler(input: unknown, inputs: readonly InputPath[], options: TcoSamplerOptions = {}): TcoSampler {
  const parseOptions = options.today === undefined ? {} : { today: options.today };
  const { scenario } = parseScenarioWithCatalog(input, parseOptions);
  const all = scenario.platforms.map((p) => p.name);
  const wanted = options.platforms ?? all;
  const unknown = wanted.filter((n) => !all.includes(n));
  if (unknown.length > 0) {
    throw new KernelcountError(
      unknown.map((n) => ({ code: 'unknown_value', path: 'platforms', message: `no platform named ${JSON.stringify(n)}; platforms are ${all.map((x) => JSON.stringify(x)).join(', ')}` })),
    );
  }
  const names = all.filter((n) => wanted.includes(n));
  // The ranges were checked with the scenario; the sampler's own copy leaves them out, so each
  // re-validation does not check them again.
  const base: Record<string, unknown> = { ...(input as Record<string, unknown>) };
  delete base.uncertainty;
  const sizingInputs = inputs.map((p, i) => (p.affects === 'sizing' ? i : -1)).filter((i) => i >= 0);
  const priceInputs = inputs.map((p, i) => (p.affects === 'price' ? i : -1)).filter((i) => i >= 0);
  const sized = new Map<string, Sized>();
  const quotes = new Map<string, Array<Kept<LicenceQuote>>>();
  /** Catalog figures the samples set: kept results are checked against these first. */
  const sampledFigures = new Set(priceInputs.map((i) => inputs[i]!.target).flatMap((t) => (t?.kind === 'catalog' ? [t.id] : [])));
  const defaults = new Map<string, unknown>();
  /** Each sizing's variant, so that pricing a sizing finds the licences kept for it. */
  const variantOf = new WeakMap<PlatformSizing, Variant>();
  const variantFor = (sizing: PlatformSizing): Variant => {
    const v: Variant = { sizing, licences: [] };
    variantOf.set(sizing, v);
    return v;
  };

  function scenarioWith(values: readonly number[], only: readonly number[] | null = null): Record<string, unknown> {
    let raw = base;
    (only ?? inputs.map((_, i) => i)).forEach((i) => (raw = setInput(raw, inputs[i]!, values[i]!)));
    return raw;
  }

  function size(values: readonly number[]): Sized {
    const key = sizingInputs.map((i) => String(values[i])).join(',');
    const hit = sized.get(key);
    if (hit) return hit;
    let parsed: ReturnType<typeof parseScenarioWithCatalog>;
    try {
      parsed = parseScenarioWithCatalog(scenarioWith(values, sizingInputs), parseOptions);
    } catch (e) {
      if (e instanceof KernelcountError) throw sampleError(inputs, values, e.issues);
      throw e;
    }
    const platforms = names.map((name) => parsed.scenario.platforms.find((x) => x.name === name)!);
    const variants = platforms.map((p) => {
      try {
        return new Map([['{}', variantFor(sizePlatform(p, parsed.scenario, parsed.catalog))]]);
      } catch (e) {
        if (e instanceof TooLargeForHostError) throw sampleError(inputs, values, [tooLargeIssue(e, parsed.scenario)]);
        throw e;
      }
    });
    const resize = (k: number, added: Record<string, number>) => sizePlatform(platforms[k]!, parsed.scenario, parsed.catalog, added);
    const entry: Sized = { scenario: parsed.scenario, resize, variants };
    if (sized.size >= MAX_SIZINGS_KEPT) sized.clear();
    sized.set(key, entry);
    return entry;
  }

  function licences(entry: Sized, v: Variant, book: CatalogReader): LicenceDrafts {
    return keptOrMake(v.licences, book, sampledFigures, (recording) => {
      // A quote depends on its products, usage and options, and on the price figures it reads:
      // kept by the first three across samples and sizings (placing guests for a licence asks
      // for the same few one-host quotes again and again), re-made when a figure it read changed.
      const quote: typeof quoteLicences = (products, usage, opts = {}) => {
        const what = `${products.join(',')}|${opts.allow?.join(',') ?? ''}|${opts.assurance ?? ''}|${opts.amortizationYears ?? ''}|${opts.breakEvenSearchLimit ?? ''}|${JSON.stringify(usage)}`;
        let kept = quotes.get(what);
        if (!kept) {
          if (quotes.size >= MAX_QUOTES_KEPT) quotes.clear();
          quotes.set(what, (kept = []));
        }
        return keptOrMake(kept, opts.prices!, sampledFigures, (priced) => quoteBuilt(products, usage, { ...opts, prices: priced }));
      };
      return licenceDrafts(v.sizing, entry.scenario, recording, { breakEvenSearchLimit: 0, quote });
    });
  }

  function tcos(values: readonly number[]): Money[] {
    if (values.length !== inputs.length) throw new RangeError(`expected ${inputs.length} values, got ${values.length}`);
    const entry = size(values);
    let s = entry.scenario;
    const figures = new Map<string, unknown>();
    let hosts: Host[] | null = null;
    let workloads: Workload[] | null = null;
    for (const i of priceInputs) {
      const t = inputs[i]!.target!;
      const v = values[i]!;
      if (t.kind === 'catalog') {
        // As validated from a scenario: figures kept as decimal text stay text, numbers stay numbers.
        figures.set(t.id, typeof FIGURES[t.id].value === 'string' ? String(v) : v);
      } else if (t.kind === 'host') {
        hosts ??= [...s.hosts];
        const h = { ...hosts[t.host]! };
        if (t.field === 'price') h.price = money(String(v));
        else h[t.field] = v;
        hosts[t.host] = h;
      } else {
        workloads ??= [...s.workloads];
        const w = workloads[t.workload]!;
        const lic = [...w.licences];
        const l = lic[t.licence] as Extract<InstanceLicence, { kind: 'flat' }>;
        lic[t.licence] = { ...l, pricePerInstanceYear: money(String(v)) };
        workloads[t.workload] = { ...w, licences: lic };
      }
    }
    if (hosts) {
      hosts.forEach((h, i) => {
        if (h.powerMaxW < h.powerIdleW) {
          throw sampleError(inputs, values, [{ code: 'conflict', path: `hosts[${i}].powerMaxW`, message: `must be >= powerIdleW (${h.powerIdleW} W), got ${h.powerMaxW}` }]);
        }
      });
      s = { ...s, hosts };
    }
    if (workloads) s = { ...s, workloads };
    const book = new SampleBook(s.overrides, s.catalogVersions, figures, defaults);
    const price = (sizing: PlatformSizing) => {
      const hostIndex = hosts ? entry.scenario.hosts.indexOf(sizing.host) : -1;
      const priced = hosts && hostIndex >= 0 ? { ...sizing, host: hosts[hostIndex]! } : sizing;
      const lic = licences(entry, variantOf.get(sizing)!, book);
      return { items: priceSizing(priced, s, book, [], [], [], { licences: lic }), morePays: lic.morePays };
    };
    return entry.variants.map((variants, k) => {
      const variant = (added: Record<string, number>): PlatformSizing => {
        const key = JSON.stringify(added);
        let v = variants.get(key);
        if (!v) variants.set(key, (v = variantFor(entry.resize(k, added))));
        return v.sizing;
      };
      // At the host count evaluate chooses for these prices (cost/hostCount.ts).
      return sumLineItems(cheapestHostCount(variants.get('{}')!.sizing, variant, price).priced.items);
    });
  }

  return { platforms: names, inputs, tcos, scenarioWith: (values) => scenarioWith(values) };
}
