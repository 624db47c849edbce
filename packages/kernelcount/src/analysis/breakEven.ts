/**
 * Break-even: the value of one numeric input at which two platforms cost the same over the
 * horizon, or the first value at which the cheaper one changes when the costs jump past each other.
 *
 * TCO is piecewise in every input: linear in prices between steps (a price times a fixed quantity),
 * stepwise in capacity (hosts, VMs and licence packs are whole numbers). The search samples the
 * range, takes the first sampled interval over which the difference changes sign, and narrows it:
 * for whole-number inputs by bisection down to two neighbouring values; for continuous inputs by
 * alternating a secant step (the exact root of the straight line through the interval's ends,
 * which is the answer as soon as the interval lies on one linear piece) with a bisection step (which
 * isolates a kink or a jump). Every value reported was evaluated, and "the same" means the two
 * totals differ by less than half a cent.
 */
import type { CatalogView } from '../catalog/tracker.js';
import { KernelcountError, isKernelcountError, type Issue } from '../errors.js';
import { evaluate, type EvaluateOptions, type Evaluation } from '../evaluate.js';
import { quoteLicences } from '../licensing/engine.js';
import { Money, formatMoneyGrouped, money, type MoneyInput } from '../money.js';
import { parseScenarioWithCatalog } from '../scenario/validate.js';
import type { Platform } from '../scenario/types.js';
import { getInput, setInput, type NumericInput } from './paths.js';

/** Two totals closer than this are equal to the cent. */
export const HALF_CENT = new Money('0.005');

/** The two platforms' costs at one value of the input. */
export interface CostPoint {
  value: Money;
  /** Cost of `between[0]` and of `between[1]`. */
  costs: [Money, Money];
  /** costs[0] - costs[1]: negative when `between[0]` is cheaper. */
  difference: Money;
}

/**
 * `equal`: at `value` the two cost the same to the cent. `step`: the costs jump past each other,
 * so no value costs the same; `value` is the first at which the cheaper one changes and `before`
 * the last before it. `none`: the cheaper one does not change in the range.
 */
export type BreakEvenKind = 'equal' | 'step' | 'none';

/** One break-even, of a scenario input between two platforms or of guests per host between two licence options. */
export interface BreakEvenResult {
  /** `input`: a scenario input between two platforms' TCO; `licence`: guests per host between two licence options. */
  subject: 'input' | 'licence';
  /** The input's path, or for a licence what is counted (`guests per host`). */
  input: string;
  label: string;
  /** Unit of the input, with `currency` replaced by the scenario's currency code. */
  unit: string;
  integer: boolean;
  /** Platform names (inputs) or licence options as `product/option` (licences). */
  between: [string, string];
  /** What is compared, e.g. `TCO over 5 years`. */
  measure: string;
  currency: string;
  /** The platform a licence break-even belongs to. */
  platform?: string;
  range: { low: Money; high: Money };
  /** Costs at the input's current value. */
  current: CostPoint | null;
  kind: BreakEvenKind;
  /** `equal`: where the costs are equal; `step`: the first value at which the cheaper one changes; `none`: null. */
  value: Money | null;
  /** `equal` on a continuous amount: the root of the linear piece in full precision (costs equal to ~1e-20). */
  exact: Money | null;
  at: CostPoint | null;
  before: CostPoint | null;
  /** Cheaper below `value` (or throughout the range for `none`); null when the two cost the same throughout. */
  cheaperBelow: string | null;
  /** Cheaper from `value` on; null when the other is cheaper again after touching (or for `none`). */
  cheaperFrom: string | null;
  /** The sampled points, low to high, for a chart. */
  samples: CostPoint[];
  text: string;
  notes: string[];
}

export interface BreakEvenOptions extends EvaluateOptions {
  /** Path of the input to vary, e.g. `workloads[api].instances` (see `listInputs`). */
  input: string;
  /** Two platforms by name. */
  between: readonly [string, string] | readonly string[];
  /**
   * Values searched. Default: 0 (or the input's minimum) to 10 x the current value, within the
   * input's bounds; where part of that makes the scenario invalid (a workload no longer fits a
   * host), the range is narrowed to the valid part around the current value and a note says so.
   */
  range?: { low: MoneyInput; high: MoneyInput };
  /** Intervals sampled before narrowing (default 24; 2..1000). */
  samples?: number;
}

const DEFAULT_SAMPLES = 24;
const MAX_STEPS = 400;

function sign(d: Money): -1 | 0 | 1 {
  if (d.abs().lt(HALF_CENT)) return 0;
  return d.isNeg() ? -1 : 1;
}

/**
 * The decimal with the fewest digits in [lo, hi], the lowest of those when several tie: the value
 * the break-even search shows and probes, so that what it prints is short.
 *
 * @example
 * shortestIn(money('0.38051'), money('0.38059')).toString() //=> '0.38051'
 * shortestIn(money('1234'), money('1299')).toString() //=> '1240'
 */
export function shortestIn(lo: Money, hi: Money): Money {
  if (lo.gt(hi)) return shortestIn(hi, lo);
  if (lo.lte(0) && hi.gte(0)) return new Money(0);
  const top = Math.max(0, hi.abs().e, lo.abs().e);
  for (let d = -top; d <= 60; d++) {
    const unit = new Money(10).pow(-d);
    const c = lo.div(unit).ceil().times(unit);
    if (c.lte(hi)) return c;
  }
  return lo;
}

/** Significant digits a JavaScript number holds exactly when read back from text. */
const NUMBER_DIGITS = 15;

class ProbeError extends Error {
  constructor(
    readonly value: Money,
    readonly issues: readonly Issue[],
  ) {
    super(issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '));
  }
}

function platformTco(e: Evaluation, name: string): Money {
  const p = e.platforms.find((x) => x.name === name);
  if (!p) throw new KernelcountError([{ code: 'unknown_value', path: 'between', message: `no platform named ${JSON.stringify(name)}` }]);
  return p.tco;
}

/** Costs of the two platforms with the input set to a value, cached by value. */
function prober(scenario: unknown, path: string, between: [string, string], options: EvaluateOptions) {
  const cache = new Map<string, CostPoint | ProbeError>();
  let evaluations = 0;
  const probe = (x: Money): CostPoint => {
    const key = x.toFixed();
    let hit = cache.get(key);
    if (!hit) {
      try {
        evaluations++;
        const e = evaluate(setInput(scenario, path, x, options), options);
        const costs: [Money, Money] = [platformTco(e, between[0]), platformTco(e, between[1])];
        hit = { value: x, costs, difference: costs[0].minus(costs[1]) };
      } catch (err) {
        if (!isKernelcountError(err)) throw err;
        hit = new ProbeError(x, err.issues);
      }
      cache.set(key, hit);
    }
    if (hit instanceof ProbeError) throw hit;
    return hit;
  };
  return { probe, count: () => evaluations };
}

function unitText(unit: string, currency: string): string {
  return unit.replace(/\bcurrency\b/g, currency);
}

/** @internal Two distinct platform names of the evaluation, or a KernelcountError at `between`. */
export function checkBetween(between: unknown, e: Evaluation): [string, string] {
  const names = e.platforms.map((p) => JSON.stringify(p.name)).join(', ');
  if (!Array.isArray(between) || between.length !== 2 || !between.every((b) => typeof b === 'string')) {
    throw new KernelcountError([{ code: 'invalid_type', path: 'between', message: `give two platform names; platforms are ${names}` }]);
  }
  const [a, b] = between as [string, string];
  const issues: Issue[] = [];
  for (const [i, n] of [a, b].entries()) {
    if (!e.platforms.some((p) => p.name === n)) issues.push({ code: 'unknown_value', path: `between[${i}]`, message: `no platform named ${JSON.stringify(n)}; platforms are ${names}` });
  }
  if (a === b) issues.push({ code: 'conflict', path: 'between', message: `give two different platforms, got ${JSON.stringify(a)} twice` });
  if (issues.length) throw new KernelcountError(issues);
  return [a, b];
}

/** The caller's range, checked against the input's bounds. */
function checkRange(input: NumericInput, range: { low: MoneyInput; high: MoneyInput }): { low: Money; high: Money } {
  const issues: Issue[] = [];
  const read = (v: unknown, path: string): Money | undefined => {
    let m: Money;
    try {
      m = money(v as MoneyInput);
    } catch {
      issues.push({ code: 'invalid_type', path, message: `must be a number, got ${JSON.stringify(v)}` });
      return undefined;
    }
    if (!m.isFinite()) {
      issues.push({ code: 'not_finite', path, message: `must be a finite number, got ${m.toString()}` });
      return undefined;
    }
    if (input.minExclusive ? !m.gt(input.min) : m.lt(input.min)) {
      issues.push({ code: 'too_small', path, message: `${input.path} must be ${input.minExclusive ? '>' : '>='} ${input.min.toString()}, got ${m.toString()}` });
    } else if (m.gt(input.max)) {
      issues.push({ code: 'too_big', path, message: `${input.path} must be <= ${input.max.toString()}, got ${m.toString()}` });
    } else if (input.integer && !m.isInteger()) {
      issues.push({ code: 'not_integer', path, message: `${input.path} takes whole numbers, got ${m.toString()}` });
    }
    return m;
  };
  if (range === null || typeof range !== 'object') throw new KernelcountError([{ code: 'invalid_type', path: 'range', message: 'must be { low, high }' }]);
  const low = read(range.low, 'range.low');
  const high = read(range.high, 'range.high');
  if (low && high && !low.lt(high)) issues.push({ code: 'conflict', path: 'range', message: `low must be below high, got ${low.toString()}..${high.toString()}` });
  if (issues.length || !low || !high) throw new KernelcountError(issues);
  return { low, high };
}

/** 0 (or the minimum) to 10 x the current value, within bounds. */
function defaultRange(input: NumericInput): { low: Money; high: Money } {
  const v = input.value;
  if (v.isZero()) {
    throw new KernelcountError([{ code: 'required', path: 'range', message: `${input.path} is 0 now, so there is no default range to search; give one` }]);
  }
  const low = input.minExclusive ? v.div(10) : input.min;
  let high = Money.min(v.times(10), input.max);
  if (input.integer) high = high.floor();
  if (!high.gt(low)) high = Money.min(input.max, low.plus(input.integer ? 10 : v));
  return { low, high };
}

/** Sample values: every grid point when there are few, else evenly spread (on the grid, or short decimals). */
function sampleValues(low: Money, high: Money, step: Money | null, n: number): Money[] {
  if (step) {
    const k0 = low.div(step).ceil();
    const k1 = high.div(step).floor();
    const span = k1.minus(k0);
    const count = span.lte(n * 2) ? span.toNumber() : n;
    const ks = new Map<string, Money>();
    for (let i = 0; i <= count; i++) {
      const k = k0.plus(span.times(i).div(count).round());
      ks.set(k.toFixed(), k.times(step));
    }
    return [...ks.values()];
  }
  // Continuous: a round step (1, 2, 2.5 or 5 x 10^k) giving at most n intervals, so the sampled
  // values read well in a table or on a chart's axis.
  const w = high.minus(low);
  const raw = w.div(n);
  const scale = new Money(10).pow(raw.e);
  const nice = [1, 2, 2.5, 5, 10].map((f) => scale.times(f)).find((x) => x.gte(raw))!;
  const out: Money[] = [low];
  for (let x = low.div(nice).floor().plus(1).times(nice); x.lt(high); x = x.plus(nice)) out.push(x);
  out.push(high);
  return out;
}

/**
 * The valid value nearest to `invalid`, between a valid point and an invalid value: by bisection,
 * on the input's grid or to a millionth of the gap.
 */
function validEdge(valid: CostPoint, invalid: Money, step: Money | null, probe: (x: Money) => CostPoint): CostPoint {
  let good = valid;
  let bad = invalid;
  const eps = bad.minus(good.value).abs().times('1e-6');
  for (let i = 0; i < 64; i++) {
    let x: Money;
    if (step) {
      const [kg, kb] = [good.value.div(step).round(), bad.div(step).round()];
      if (kb.minus(kg).abs().lte(1)) break;
      x = kg.plus(kb).div(2).floor().times(step);
    } else {
      if (bad.minus(good.value).abs().lte(eps)) break;
      const [l, h] = good.value.lt(bad) ? [good.value, bad] : [bad, good.value];
      const w = h.minus(l);
      x = shortestIn(l.plus(w.div(4)), h.minus(w.div(4)));
    }
    try {
      good = probe(x);
    } catch (e) {
      if (!(e instanceof ProbeError)) throw e;
      bad = x;
    }
  }
  return good;
}

interface Found {
  kind: 'equal' | 'step';
  at: CostPoint;
  before: CostPoint;
  exact: Money | null;
}

/** Narrows [a, b] on a grid of `step` down to neighbours: the first grid value whose sign differs from a's. */
function refineGrid(a: CostPoint, b: CostPoint, step: Money, probe: (x: Money) => CostPoint): Found {
  const sa = sign(a.difference);
  let ka = a.value.div(step).round();
  let kb = b.value.div(step).round();
  let pa = a;
  let pb = b;
  while (kb.minus(ka).gt(1)) {
    const km = ka.plus(kb).div(2).floor();
    const pm = probe(km.times(step));
    if (sign(pm.difference) === sa) {
      ka = km;
      pa = pm;
    } else {
      kb = km;
      pb = pm;
    }
  }
  return { kind: sign(pb.difference) === 0 ? 'equal' : 'step', at: pb, before: pa, exact: null };
}

/** Rounds to `digits` significant digits (for values written as JavaScript numbers). */
function significant(x: Money, digits: number): Money {
  return x.toSignificantDigits(digits);
}

/**
 * Narrows [a, b] of a continuous input: secant steps land on the root as soon as the interval is on
 * one linear piece; bisection steps isolate a jump. Returns where the costs are equal to the cent,
 * or the two sides of a jump narrower than `eps`.
 */
function refineContinuous(a: CostPoint, b: CostPoint, kind: NumericInput['kind'], probe: (x: Money) => CostPoint): Found {
  const sa = sign(a.difference);
  const eps = b.value.minus(a.value).times('1e-10');
  let pa = a;
  let pb = b;
  for (let i = 0; i < MAX_STEPS && pb.value.minus(pa.value).gt(eps); i++) {
    const w = pb.value.minus(pa.value);
    let x: Money | null = null;
    let root: Money | null = null;
    if (i % 2 === 0) {
      const slope = pb.difference.minus(pa.difference).div(w);
      if (!slope.isZero()) {
        root = pa.value.minus(pa.difference.div(slope));
        // Anywhere within a tenth of a cent of the line's root will do: take the shortest such value.
        const slack = new Money('0.001').div(slope.abs());
        const lo = Money.max(root.minus(slack), pa.value);
        const hi = Money.min(root.plus(slack), pb.value);
        if (lo.lte(hi)) x = shortestIn(lo, hi);
        if (x && kind === 'number') x = significant(x, NUMBER_DIGITS);
        if (x && (!x.gt(pa.value) || !x.lt(pb.value))) x = null;
      }
    }
    if (!x) {
      x = shortestIn(pa.value.plus(w.div(4)), pb.value.minus(w.div(4)));
      if (kind === 'number') x = significant(x, NUMBER_DIGITS);
      if (!x.gt(pa.value) || !x.lt(pb.value)) break;
      root = null;
    }
    const px = probe(x);
    const sx = sign(px.difference);
    if (sx === 0) {
      let exact: Money | null = null;
      if (root && kind === 'amount' && !root.eq(x)) {
        try {
          const pr = probe(root);
          if (pr.difference.abs().lt('1e-20')) exact = root;
        } catch {
          exact = null;
        }
      } else if (root && root.eq(x)) exact = x;
      return { kind: 'equal', at: px, before: pa, exact };
    }
    if (sx === sa) pa = px;
    else pb = px;
  }
  return { kind: 'step', at: pb, before: pa, exact: null };
}

function fmt(m: Money): string {
  return formatMoneyGrouped(m);
}

function valueText(v: Money, unit: string): string {
  const u = unit === '' ? '' : unit.startsWith('/') || unit === '%' ? unit : ` ${unit}`;
  return `${v.toFixed()}${u}`;
}

/**
 * The value of one input at which two platforms cost the same over the horizon, or the first value
 * at which the cheaper one changes (capacity and licences move in whole steps, so the costs may
 * jump past each other), or that neither happens in the range. See `BreakEvenResult`.
 *
 * @example
 * const r = breakEven(scenario, { input: 'prices.electricityPerKWh', between: ['vm', 'containers'], range: { low: 0, high: 1 } });
 * r.kind //=> 'equal'
 * r.at.costs[0].minus(r.at.costs[1]).abs().lt('0.005') //=> true
 */
export function breakEven(scenario: unknown, options: BreakEvenOptions): BreakEvenResult {
  const evalOptions: EvaluateOptions = options.today === undefined ? {} : { today: options.today };
  const base = evaluate(scenario, evalOptions);
  const between = checkBetween(options.between, base);
  const input = getInput(scenario, options.input, evalOptions);
  const n = options.samples ?? DEFAULT_SAMPLES;
  if (!Number.isInteger(n) || n < 2 || n > 1000) {
    throw new KernelcountError([{ code: 'too_big', path: 'samples', message: `must be a whole number from 2 to 1000, got ${String(n)}` }]);
  }
  const currency = base.scenario.currency;
  const unit = unitText(input.unit, currency);
  const notes: string[] = [];
  const given = options.range !== undefined;
  let range = given ? checkRange(input, options.range!) : defaultRange(input);
  const { probe } = prober(scenario, input.path, between, evalOptions);

  const currentPoint: CostPoint = {
    value: input.value,
    costs: [platformTco(base, between[0]), platformTco(base, between[1])],
    difference: platformTco(base, between[0]).minus(platformTco(base, between[1])),
  };

  // Sample the range; an invalid value in a range the caller gave is an error, in a default range it narrows the range.
  const values = sampleValues(range.low, range.high, input.step, n);
  if (values.length < 2) {
    throw new KernelcountError([{ code: 'too_small', path: 'range', message: `${range.low.toFixed()}..${range.high.toFixed()} holds fewer than two valid values of ${input.path}` }]);
  }
  const points: Array<CostPoint | ProbeError> = values.map((x) => {
    try {
      return probe(x);
    } catch (e) {
      if (e instanceof ProbeError) return e;
      throw e;
    }
  });
  const failed = points.filter((p): p is ProbeError => p instanceof ProbeError);
  let samples: CostPoint[];
  if (failed.length === 0) samples = points as CostPoint[];
  else if (given) {
    throw new KernelcountError(
      failed.slice(0, 3).map((f) => ({ code: f.issues[0]?.code ?? 'conflict', path: 'range', message: `at ${input.path} = ${f.value.toFixed()} the scenario is invalid: ${f.message}` })),
    );
  } else {
    // Keep the run of valid samples around the current value, then find each end of the valid
    // part between the last valid sample and the first invalid one.
    let centre = -1;
    values.forEach((v, i) => {
      if (points[i] instanceof ProbeError) return;
      if (centre < 0 || v.minus(input.value).abs().lt(values[centre]!.minus(input.value).abs())) centre = i;
    });
    if (centre < 0) {
      throw new KernelcountError([{ code: 'conflict', path: 'range', message: `no valid default range around ${input.path} = ${input.value.toFixed()} (${failed[0]!.message}); give one` }]);
    }
    let lo = centre;
    let hi = centre;
    while (lo > 0 && !(points[lo - 1] instanceof ProbeError)) lo--;
    while (hi < points.length - 1 && !(points[hi + 1] instanceof ProbeError)) hi++;
    samples = points.slice(lo, hi + 1) as CostPoint[];
    const first = (lo > 0 ? points[lo - 1] : points[hi + 1]) as ProbeError;
    if (lo > 0) samples.unshift(validEdge(samples[0]!, values[lo - 1]!, input.step, probe));
    if (hi < points.length - 1) samples.push(validEdge(samples[samples.length - 1]!, values[hi + 1]!, input.step, probe));
    samples = samples.filter((p, i) => i === 0 || !p.value.eq(samples[i - 1]!.value));
    if (samples.length < 2) {
      throw new KernelcountError([{ code: 'conflict', path: 'range', message: `no valid default range around ${input.path} = ${input.value.toFixed()} (${first.message}); give one` }]);
    }
    range = { low: samples[0]!.value, high: samples[samples.length - 1]!.value };
    notes.push(`range narrowed to ${range.low.toFixed()}..${range.high.toFixed()}: at ${input.path} = ${first.value.toFixed()} the scenario is invalid (${first.message})`);
  }

  const result: BreakEvenResult = {
    subject: 'input',
    input: input.path,
    label: input.label,
    unit,
    integer: input.integer,
    between,
    measure: `TCO over ${base.scenario.horizonYears} years`,
    currency,
    range,
    current: currentPoint,
    kind: 'none',
    value: null,
    exact: null,
    at: null,
    before: null,
    cheaperBelow: null,
    cheaperFrom: null,
    samples,
    text: '',
    notes,
  };
  const name = (s: number): string | null => (s < 0 ? between[0] : s > 0 ? between[1] : null);

  // The first sample that is equal, or the first interval over which the sign changes.
  let found: Found | null = null;
  const s0 = sign(samples[0]!.difference);
  if (s0 === 0) {
    if (samples.every((p) => sign(p.difference) === 0)) {
      result.text = `${between[0]} and ${between[1]} cost the same (to the cent) at every value sampled from ${valueText(range.low, unit)} to ${valueText(range.high, unit)}.`;
      return result;
    }
    const next = samples.find((p) => sign(p.difference) !== 0)!;
    found = { kind: 'equal', at: samples[0]!, before: samples[0]!, exact: null };
    result.cheaperFrom = name(sign(next.difference));
  } else {
    for (let i = 1; i < samples.length && !found; i++) {
      const a = samples[i - 1]!;
      const b = samples[i]!;
      if (sign(b.difference) === s0) continue;
      try {
        found = input.step ? refineGrid(a, b, input.step, probe) : refineContinuous(a, b, input.kind, probe);
      } catch (e) {
        if (!(e instanceof ProbeError)) throw e;
        throw new KernelcountError([{ code: e.issues[0]?.code ?? 'conflict', path: 'range', message: `at ${input.path} = ${e.value.toFixed()} the scenario is invalid: ${e.message}` }]);
      }
      const after = found.kind === 'equal' ? samples.slice(i).find((p) => sign(p.difference) !== 0) : found.at;
      result.cheaperBelow = name(s0);
      result.cheaperFrom = after ? name(sign(after.difference)) : null;
      if (result.cheaperFrom === result.cheaperBelow) result.cheaperFrom = null;
    }
  }
  const low = valueText(range.low, unit);
  const high = valueText(range.high, unit);
  if (!found) {
    const cheaper = name(s0)!;
    const other = cheaper === between[0] ? between[1] : between[0];
    const d0 = samples[0]!.difference.abs();
    const d1 = samples[samples.length - 1]!.difference.abs();
    result.cheaperBelow = cheaper;
    result.text =
      `${cheaper} stays cheaper than ${other} from ${input.path} = ${low} to ${high} (by ${fmt(d0)} to ${fmt(d1)} ${currency} over ${base.scenario.horizonYears} years at the ends);` +
      ` no break-even in this range.`;
    const flips = samples.some((p) => sign(p.difference) !== s0);
    if (flips) notes.push('some sampled values tie; none reverses the order');
    return result;
  }
  const later = samples.filter((p) => p.value.gt(found.at.value) && sign(p.difference) !== 0);
  const changes = later.filter((p, i) => i > 0 && sign(p.difference) !== sign(later[i - 1]!.difference)).length;
  if (changes > 0) {
    notes.push(`the cheaper platform changes ${changes} more time${changes === 1 ? '' : 's'} at the values sampled above ${found.at.value.toFixed()}; search a narrower range to find ${changes === 1 ? 'it' : 'them'}`);
  }
  result.kind = found.kind;
  result.value = found.at.value;
  result.exact = found.exact;
  result.at = found.at;
  if (found.kind === 'step' || found.before !== found.at) result.before = found.before;
  const at = found.at;
  const v = valueText(at.value, unit);
  if (found.kind === 'equal') {
    result.cheaperBelow ??= null;
    const below = result.cheaperBelow ? `; below it ${result.cheaperBelow} is cheaper` : '';
    const above = result.cheaperFrom ? `, above it ${result.cheaperFrom}` : result.cheaperBelow ? ', and above it too (the costs touch)' : '';
    result.text = `${between[0]} and ${between[1]} cost the same, ${fmt(at.costs[0])} ${currency} over ${base.scenario.horizonYears} years, at ${input.path} = ${v}${below}${above}.`;
  } else {
    const before = found.before;
    const cheaperFrom = result.cheaperFrom ?? name(sign(at.difference))!;
    const cheaperBelow = result.cheaperBelow!;
    const cost = (p: CostPoint, who: string) => fmt(who === between[0] ? p.costs[0] : p.costs[1]);
    result.text =
      `${cheaperFrom} becomes cheaper than ${cheaperBelow} at ${input.path} = ${v} (${cost(at, cheaperFrom)} vs ${cost(at, cheaperBelow)} ${currency});` +
      ` at ${valueText(before.value, unit)} ${cheaperBelow} is cheaper (${cost(before, cheaperBelow)} vs ${cost(before, cheaperFrom)}).` +
      (input.integer || input.step
        ? ` No ${input.integer ? 'whole number' : 'valid value'} in between makes them cost the same: the totals move in steps (hosts, VMs, licence packs).`
        : ' The totals jump there (a whole host, VM or licence pack), so no value makes them cost the same.');
  }
  return result;
}

/* ------------------------------------------------------------------------------------------
 * Licence break-evens, in the same vocabulary
 * ---------------------------------------------------------------------------------------- */

export interface LicenceBreakEvenOptions extends EvaluateOptions {
  /** Only these platforms (by name); default all. */
  platforms?: readonly string[];
}

/** One option's yearly cost for one host of the platform's shape with `guests` guests. */
function optionCost(key: string, platform: Platform, guests: number, book: CatalogView, assurance: boolean): Money | null {
  const [product] = key.split('/');
  const bareMetal = platform.type === 'containers' || platform.type === 'microvm';
  try {
    const q = quoteLicences([product!], { hosts: [{ count: 1, sockets: platform.host.sockets, coresPerSocket: platform.host.coresPerSocket, oses: guests, bareMetal }] }, { allow: [key], prices: book, assurance });
    const g = q.hostGroups[0];
    return g && g.chosen.compliant ? g.chosen.annualCost : null;
  } catch {
    return null;
  }
}

/**
 * The licence break-evens the evaluation found, as `BreakEvenResult`s: for each platform's
 * licensing decision where a second option could license the same hosts, the number of guests per
 * host from which that option costs less (Windows Server Datacenter over stacked Standard, for
 * instance), with each option's yearly cost per host on both sides. `kind` is `step` (whole guests;
 * the engine reports the first count at which the other option is strictly cheaper) or `none` when
 * the chosen option stays cheaper up to the engine's search limit of 1,000 guests.
 *
 * @example
 * licenceBreakEvens(windowsScenario)[0].text
 * //=> 'windows-server-datacenter/per-core becomes cheaper than windows-server-standard/per-core at 11 guests per host ...'
 */
export function licenceBreakEvens(scenario: unknown, options: LicenceBreakEvenOptions = {}): BreakEvenResult[] {
  const evalOptions: EvaluateOptions = options.today === undefined ? {} : { today: options.today };
  const e = evaluate(scenario, evalOptions);
  if (options.platforms) checkPlatformNames(options.platforms, e);
  const { scenario: parsed, catalog } = parseScenarioWithCatalog(scenario, evalOptions);
  const currency = e.scenario.currency;
  const out: BreakEvenResult[] = [];
  for (const p of e.platforms) {
    if (options.platforms && !options.platforms.includes(p.name)) continue;
    const platform = parsed.platforms.find((x) => x.name === p.name)!;
    for (const d of p.licensing) {
      const seen = new Set<string>();
      for (const g of d.hostGroups) {
        const be = g.breakEven;
        if (!be) continue;
        const key = `${be.cheaperBelow}|${be.cheaperFrom}|${be.guests}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const between: [string, string] = [be.cheaperBelow, be.cheaperFrom];
        const point = (n: number): CostPoint | null => {
          const a = optionCost(between[0], platform, n, catalog, parsed.licensing.softwareAssurance);
          const b = optionCost(between[1], platform, n, catalog, parsed.licensing.softwareAssurance);
          return a && b ? { value: money(n), costs: [a, b], difference: a.minus(b) } : null;
        };
        const notes: string[] = [];
        let at: CostPoint | null = null;
        let before: CostPoint | null = null;
        if (be.guests !== null) {
          at = point(be.guests);
          before = be.guests > 0 ? point(be.guests - 1) : null;
          // The per-host costs are recomputed here; keep them only if they agree with the engine.
          if (!at || !at.difference.isPos() || (before && before.difference.isPos())) {
            at = null;
            before = null;
            notes.push('the per-host costs on either side could not be recomputed for this host shape');
          }
        }
        const label = `${d.subject}: guests per host (platform ${p.name})`;
        const hostsText = `${platform.host.sockets} x ${platform.host.coresPerSocket} cores`;
        const text =
          be.guests === null
            ? `${between[0]} stays cheaper than ${between[1]} up to 1,000 guests per host (${p.name}, ${d.subject}, hosts of ${hostsText}).`
            : `${between[1]} becomes cheaper than ${between[0]} at ${be.guests} guests per host (${p.name}, ${d.subject}, hosts of ${hostsText})` +
              (at && before ? `: ${fmt(at.costs[1])} vs ${fmt(at.costs[0])} ${currency} a year per host; at ${be.guests - 1}, ${fmt(before.costs[0])} vs ${fmt(before.costs[1])}.` : '.');
        out.push({
          subject: 'licence',
          input: 'guests per host',
          label,
          unit: 'guests',
          integer: true,
          between,
          measure: 'licence cost per host per year',
          currency,
          platform: p.name,
          range: { low: money(0), high: money(1000) },
          current: point(g.guests),
          kind: be.guests === null ? 'none' : 'step',
          value: be.guests === null ? null : money(be.guests),
          exact: null,
          at,
          before,
          cheaperBelow: between[0],
          cheaperFrom: be.guests === null ? null : between[1],
          samples: [],
          text,
          notes,
        });
      }
    }
  }
  return out;
}

function checkPlatformNames(names: readonly string[], e: Evaluation): void {
  const known = e.platforms.map((p) => JSON.stringify(p.name)).join(', ');
  const issues: Issue[] = names
    .map((n, i) => ({ n, i }))
    .filter(({ n }) => !e.platforms.some((p) => p.name === n))
    .map(({ n, i }) => ({ code: 'unknown_value' as const, path: `platforms[${i}]`, message: `no platform named ${JSON.stringify(n)}; platforms are ${known}` }));
  if (issues.length) throw new KernelcountError(issues);
}
