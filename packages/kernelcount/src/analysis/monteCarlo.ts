/**
 * Monte Carlo over a scenario's `uncertainty:` ranges: each sample draws every ranged input from
 * its PERT distribution (whole numbers for whole-number inputs), prices every platform, and the run
 * reports each platform's TCO at P10 / P50 / P90 with its mean, the same for the difference between
 * two platforms, and how often one costs less than the other.
 *
 * Why PERT rather than a triangle: both take the same three points, but PERT puts less weight on
 * the ends (a Beta distribution whose mean is (low + 4 likely + high) / 6), which matches how a
 * three-point estimate is meant ("most likely this, and it could plausibly reach these"); a
 * triangle makes the extremes as likely as their distance from the mode allows and fattens P10/P90.
 *
 * Reproducible: sample i's inputs depend only on the seed and i, so the same seed and sample count
 * give identical results however the run is split into chunks. Money stays exact: each sample's
 * TCO is an exact decimal (the same figure `evaluate` gives for that sample's inputs), percentiles
 * are sample values (nearest rank, no interpolation), and the mean is the exact sum divided by the
 * count.
 */
import { describeValue, KernelcountError, type Issue } from '../errors.js';
import { sumMoney, type Money } from '../money.js';
import type { UncertainRange } from '../scenario/types.js';
import type { ParseOptions } from '../scenario/validate.js';
import { checkRanges } from '../scenario/ranges.js';
import { MAX_SEED, pert, sampleStream, type Xoshiro128 } from './random.js';
import { createTcoSampler, type TcoSampler } from './tcoSampler.js';
import { resolveInputPath, type InputPath } from './uncertaintyPaths.js';

/** Samples when none are asked for. */
export const DEFAULT_SAMPLES = 10_000;
/** Most samples one run takes. */
export const MAX_SAMPLES = 1_000_000;
/** Seed when none is given: runs are reproducible by default. */
export const DEFAULT_SEED = 1;
/** Continuous inputs are drawn to this many significant digits, so each is a short exact decimal. */
export const SIGNIFICANT_DIGITS = 6;

export interface MonteCarloOptions extends ParseOptions {
  /** Number of samples, 1 to 1,000,000 (default 10,000). */
  samples?: number;
  /** Seed of the generator, a whole number from 0 to 4,294,967,295 (default 1). */
  seed?: number;
  /**
   * Two platforms [A, B] to compare: the difference is A - B and the probability is that A costs
   * less than B; only these two are priced. Default: every platform, each compared with the baseline.
   */
  between?: readonly [string, string] | readonly string[];
}

/** P10, P50 and P90 (nearest rank), mean, minimum and maximum of a set of amounts. */
export interface Spread {
  p10: Money;
  p50: Money;
  p90: Money;
  mean: Money;
  min: Money;
  max: Money;
}

export interface PlatformSpread {
  platform: string;
  /** TCO over the horizon. */
  tco: Spread;
}

export interface PairSpread {
  a: string;
  b: string;
  /** TCO of a minus TCO of b, per sample (negative when a costs less). */
  difference: Spread;
  /** Share of samples (0..1) in which a costs less than b. */
  probabilityACheaper: number;
  /** Samples in which a costs less, b costs less, and both cost the same. */
  aCheaper: number;
  bCheaper: number;
  equal: number;
}

export interface UncertaintyResult {
  scenario: { name: string; currency: string; horizonYears: number; baseline: string };
  distribution: 'pert';
  seed: number;
  /** Samples run, and samples asked for (fewer were run when the run was stopped early). */
  samples: number;
  requestedSamples: number;
  complete: boolean;
  /** The inputs that varied, as the scenario's `uncertainty:` gives them. */
  inputs: UncertainRange[];
  platforms: PlatformSpread[];
  comparisons: PairSpread[];
}

/** A run that can be done a chunk at a time (to report progress, or stop, between chunks). */
export interface MonteCarloRun {
  /** Samples asked for. */
  readonly total: number;
  /** Samples run so far. */
  readonly done: number;
  /** The platforms priced, in the scenario's order. */
  readonly platforms: readonly string[];
  /** Runs up to `count` more samples (default: all that remain) and returns how many are done. */
  step(count?: number): number;
  /** Statistics of the samples run so far (throws if none has run). */
  result(): UncertaintyResult;
  /** Sample i's input values by path, and the scenario with them set (what `evaluate` would be given). */
  sample(index: number): { index: number; values: Record<string, number>; scenario: Record<string, unknown> };
  /** The TCO of a platform in each sample run so far, in sample order. */
  tcos(platform: string): readonly Money[];
}

function optionIssue(path: string, message: string, code: Issue['code'] = 'invalid_type'): KernelcountError {
  return new KernelcountError([{ code, path, message }]);
}

function wholeIn(value: unknown, path: string, min: number, max: number, what = ''): number {
  const expected = `must be a whole number${what ? ` of ${what}` : ''}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw optionIssue(path, `${expected}, got ${describeValue(value)}`);
  if (!Number.isInteger(value)) throw optionIssue(path, `${expected}, got ${value}`, 'not_integer');
  if (value < min) throw optionIssue(path, `must be at least ${min.toLocaleString('en-US')}, got ${value}`, 'too_small');
  if (value > max) throw optionIssue(path, `must be at most ${max.toLocaleString('en-US')}, got ${value}`, 'too_big');
  return value;
}

/** One value of a range: PERT, whole numbers over [low - 0.5, high + 0.5] rounded, others to 6 significant digits. */
function draw(g: Xoshiro128, r: UncertainRange): number {
  if (r.integer) {
    const x = Math.round(pert(g, r.low - 0.5, r.likely, r.high + 0.5));
    return Math.min(r.high, Math.max(r.low, x));
  }
  const x = Number(pert(g, r.low, r.likely, r.high).toPrecision(SIGNIFICANT_DIGITS));
  return Math.min(r.high, Math.max(r.low, x));
}

/** Nearest-rank percentile of sorted values: the smallest value with at least p of them at or below it. */
function rank(sorted: readonly Money[], p: number): Money {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

/**
 * P10, P50, P90, mean, minimum and maximum of amounts.
 *
 * @example
 * spread([10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((x) => money(x))).p90.toString() //=> '90'
 */
export function spread(values: readonly Money[]): Spread {
  if (values.length === 0) throw new RangeError('no values');
  // Sort by the nearest float, exact comparison on ties: rounding to a float never reverses an order.
  const approx = values.map((v) => v.toNumber());
  const order = values.map((_, i) => i).sort((i, j) => approx[i]! - approx[j]! || values[i]!.comparedTo(values[j]!));
  const sorted = order.map((i) => values[i]!);
  return {
    p10: rank(sorted, 0.1),
    p50: rank(sorted, 0.5),
    p90: rank(sorted, 0.9),
    mean: sumMoney(values).div(values.length),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
  };
}

/**
 * Prepares a Monte Carlo run over the scenario's `uncertainty:` ranges without running a sample:
 * validates the scenario and the options (a KernelcountError names the field or option that is
 * wrong). Run it with `step`, a chunk at a time or all at once; `monteCarlo` does that for you.
 *
 * @example
 * const scenario = {
 *   hosts: [{ name: 'r760', sockets: 2, coresPerSocket: 32, memoryGiB: 1024, diskGiB: 7680, price: 38000 }],
 *   workloads: [{ name: 'api', instances: 40, vcpus: 0.5, memoryGiB: 1 }],
 *   uncertainty: { 'prices.electricityPerKWh': { low: 0.08, likely: 0.12, high: 0.2 }, 'workloads[api].instances': { low: 30, likely: 40, high: 60 } },
 * };
 * const run = startMonteCarlo(scenario, { samples: 10000, seed: 42 });
 * while (run.done < run.total) {
 *   run.step(1000);
 *   postMessage({ done: run.done, total: run.total }); // e.g. from a Web Worker
 * }
 * run.result().platforms[0].tco.p50.toFixed(2) //=> '428712.11'
 */
export function startMonteCarlo(input: unknown, options: MonteCarloOptions = {}): MonteCarloRun {
  const total = options.samples === undefined ? DEFAULT_SAMPLES : wholeIn(options.samples, 'samples', 1, MAX_SAMPLES, 'samples');
  const seed = options.seed === undefined ? DEFAULT_SEED : wholeIn(options.seed, 'seed', 0, MAX_SEED);
  const parseOptions: ParseOptions = options.today === undefined ? {} : { today: options.today };
  const { scenario, ranges, endIssues } = checkRanges(input, parseOptions);
  if (ranges.length === 0) {
    throw optionIssue('uncertainty', 'the scenario gives no ranges: add an uncertainty: section, e.g. uncertainty: { prices.electricityPerKWh: { low: 0.08, likely: 0.12, high: 0.2 } }', 'required');
  }
  // Ranges that break a rule between fields at their ends are refused before any sample runs.
  if (endIssues.length) throw new KernelcountError(endIssues);
  const names = scenario.platforms.map((p) => p.name);
  let pairs: Array<[string, string]>;
  let priced: string[];
  if (options.between !== undefined) {
    const b = options.between;
    if (!Array.isArray(b) || b.length !== 2 || b.some((x) => typeof x !== 'string')) throw optionIssue('between', 'must name two platforms, A and B');
    const [x, y] = b as [string, string];
    const unknown = [x, y].filter((n) => !names.includes(n));
    if (unknown.length) {
      throw optionIssue('between', `no platform named ${unknown.map((n) => JSON.stringify(n)).join(' or ')}; platforms are ${names.map((n) => JSON.stringify(n)).join(', ')}`, 'unknown_value');
    }
    if (x === y) throw optionIssue('between', `names ${JSON.stringify(x)} twice; name two different platforms`, 'conflict');
    pairs = [[x, y]];
    priced = names.filter((n) => n === x || n === y);
  } else {
    pairs = names.filter((n) => n !== scenario.baseline).map((n) => [n, scenario.baseline]);
    priced = names;
  }
  const inputs = ranges.map((r) => resolveInputPath(input, r.path) as InputPath);
  const sampler: TcoSampler = createTcoSampler(input, inputs, { ...parseOptions, platforms: priced });
  const tcos: Money[][] = sampler.platforms.map(() => []);
  const platformIndex = new Map(sampler.platforms.map((n, i) => [n, i]));

  const valuesOf = (index: number): number[] => {
    const g = sampleStream(seed, index);
    return ranges.map((r) => draw(g, r));
  };

  let done = 0;
  const run: MonteCarloRun = {
    total,
    get done() {
      return done;
    },
    platforms: sampler.platforms,
    step(count = total - done) {
      const end = Math.min(total, done + Math.max(0, Math.floor(count)));
      for (; done < end; done++) {
        let t: Money[];
        try {
          t = sampler.tcos(valuesOf(done));
        } catch (e) {
          if (e instanceof KernelcountError) throw new KernelcountError(e.issues.map((i) => ({ ...i, message: `sample ${done} of seed ${seed}, ${i.message}` })));
          throw e;
        }
        t.forEach((v, k) => tcos[k]!.push(v));
      }
      return done;
    },
    result() {
      if (done === 0) throw new RangeError('no sample has run yet: call step() first');
      const platforms = sampler.platforms.map((platform, k) => ({ platform, tco: spread(tcos[k]!) }));
      const comparisons = pairs.map(([a, b]): PairSpread => {
        const ta = tcos[platformIndex.get(a)!]!;
        const tb = tcos[platformIndex.get(b)!]!;
        const diff = ta.map((v, i) => v.minus(tb[i]!));
        let aCheaper = 0;
        let bCheaper = 0;
        for (const d of diff) {
          if (d.isNeg() && !d.isZero()) aCheaper++;
          else if (!d.isZero()) bCheaper++;
        }
        return { a, b, difference: spread(diff), probabilityACheaper: aCheaper / done, aCheaper, bCheaper, equal: done - aCheaper - bCheaper };
      });
      return {
        scenario: { name: scenario.name, currency: scenario.currency, horizonYears: scenario.horizonYears, baseline: scenario.baseline },
        distribution: 'pert',
        seed,
        samples: done,
        requestedSamples: total,
        complete: done === total,
        inputs: ranges.map((r) => ({ ...r })),
        platforms,
        comparisons,
      };
    },
    sample(index) {
      wholeIn(index, 'index', 0, MAX_SAMPLES - 1);
      const v = valuesOf(index);
      return { index, values: Object.fromEntries(ranges.map((r, i) => [r.path, v[i]!])), scenario: sampler.scenarioWith(v) };
    },
    tcos(platform) {
      const k = platformIndex.get(platform);
      if (k === undefined) throw optionIssue('platform', `no platform named ${JSON.stringify(platform)} in this run; it priced ${sampler.platforms.map((n) => JSON.stringify(n)).join(', ')}`, 'unknown_value');
      return tcos[k]!;
    },
  };
  return run;
}

export interface MonteCarloRunOptions extends MonteCarloOptions {
  /** Samples between progress reports (default 1,000). */
  chunkSize?: number;
  /** Called after each chunk; return false to stop (the result then covers the samples run). */
  onProgress?: (progress: { done: number; total: number }) => boolean | void;
}

/**
 * Runs a Monte Carlo over the scenario's `uncertainty:` ranges and returns each platform's TCO
 * spread, the spread of the difference between platforms, and the chance that one costs less.
 * Synchronous and pure: the same scenario, seed and sample count give the same result.
 *
 * @example
 * // the scenario of startMonteCarlo's example: electricity and the api's instances as ranges
 * const r = monteCarlo(scenario, { seed: 42 });
 * r.platforms.map((p) => [p.platform, p.tco.p10.toFixed(0), p.tco.p90.toFixed(0)]) //=> [['vm', '401433', '462498'], ['containers', '351050', '358252'], ...]
 * r.comparisons[0] //=> { a: 'containers', b: 'vm', probabilityACheaper: 1, ... } (cheaper in every sample)
 */
export function monteCarlo(input: unknown, options: MonteCarloRunOptions = {}): UncertaintyResult {
  const run = startMonteCarlo(input, options);
  const chunk = options.chunkSize === undefined ? 1000 : wholeIn(options.chunkSize, 'chunkSize', 1, MAX_SAMPLES, 'samples');
  while (run.done < run.total) {
    run.step(chunk);
    if (options.onProgress && options.onProgress({ done: run.done, total: run.total }) === false) break;
  }
  return run.result();
}

