/**
 * Sensitivity (tornado data): move each numeric input down and up by a share of its value, one at a
 * time with the others held, and rank the inputs by how far that moves the difference between two
 * platforms' TCO (and each platform's own TCO).
 */
import { KernelcountError, isKernelcountError, type Issue } from '../errors.js';
import { evaluate, type EvaluateOptions, type Evaluation } from '../evaluate.js';
import { Money, money, ZERO, type MoneyInput } from '../money.js';
import { checkBetween } from './breakEven.js';
import { getInput, listInputs, setInput, type NumericInput } from './paths.js';

/** Costs with one input at one value. */
export interface SensitivityPoint {
  value: Money;
  /** TCO of `between[0]` and `between[1]` over the horizon. */
  costs: [Money, Money];
  /** costs[0] - costs[1]. */
  difference: Money;
}

/** One side of a row: the costs there, or why the value could not be evaluated. */
export type SensitivitySide = ({ ok: true } & SensitivityPoint) | { ok: false; value: Money; issues: Issue[] };

/** One input's bar of the tornado. */
export interface SensitivityRow {
  input: string;
  label: string;
  unit: string;
  source: NumericInput['source'];
  integer: boolean;
  /** The input's value in the scenario. */
  base: Money;
  low: SensitivitySide;
  high: SensitivitySide;
  /**
   * How far the difference moves: the spread of `difference` over low, base and high (the bar's
   * width). Rows are ranked by it, largest first.
   */
  swing: Money;
  /** The same spread for each platform's own TCO. */
  swingEach: [Money, Money];
  /** Things to know: a value rounded to a whole number or clamped to a bound, a value that did not move. */
  notes: string[];
}

export interface SensitivityResult {
  between: [string, string];
  currency: string;
  horizonYears: number;
  /** Shares the inputs were moved by, e.g. { down: 0.2, up: 0.2 }. */
  range: { down: Money; up: Money };
  /** Both platforms' TCO with every input as the scenario has it. */
  base: { costs: [Money, Money]; difference: Money };
  /** Ranked by `swing`, largest first; rows with no valid side last. */
  rows: SensitivityRow[];
  /** Inputs where at least one side was invalid (also present in `rows`). */
  failed: string[];
  /** Evaluations run. */
  evaluations: number;
}

export interface SensitivityOptions extends EvaluateOptions {
  /** Two platforms by name. */
  between: readonly [string, string] | readonly string[];
  /**
   * Share to move each input by: 0.2 is -20% and +20% (the default); `{ down, up }` for an
   * asymmetric range. Down must be below 1 (a value cannot go below zero by a share).
   */
  range?: MoneyInput | { down: MoneyInput; up: MoneyInput };
  /** Paths of the inputs to vary; default every numeric input the scenario has (see `listInputs`). */
  inputs?: readonly string[];
}

function readShare(v: unknown, path: string, issues: Issue[], below1: boolean): Money | undefined {
  let m: Money;
  try {
    m = money(v as MoneyInput);
  } catch {
    issues.push({ code: 'invalid_type', path, message: `must be a share such as 0.2, got ${JSON.stringify(v)}` });
    return undefined;
  }
  if (!m.isFinite()) issues.push({ code: 'not_finite', path, message: `must be a finite share, got ${m.toString()}` });
  else if (m.isNeg()) issues.push({ code: 'too_small', path, message: `must be >= 0, got ${m.toString()}` });
  else if (below1 && m.gte(1)) issues.push({ code: 'too_big', path, message: `must be below 1 (100%), got ${m.toString()}` });
  else if (m.gt(100)) issues.push({ code: 'too_big', path, message: `must be <= 100 (10,000%), got ${m.toString()}` });
  else return m;
  return undefined;
}

function checkRange(range: SensitivityOptions['range']): { down: Money; up: Money } {
  const issues: Issue[] = [];
  let down: Money | undefined;
  let up: Money | undefined;
  if (range === undefined) return { down: new Money('0.2'), up: new Money('0.2') };
  if (range !== null && typeof range === 'object' && !(range instanceof Money)) {
    down = readShare((range as { down: unknown }).down, 'range.down', issues, true);
    up = readShare((range as { up: unknown }).up, 'range.up', issues, false);
  } else {
    down = readShare(range, 'range', issues, true);
    up = down;
  }
  if (issues.length || !down || !up) throw new KernelcountError(issues);
  if (down.isZero() && up.isZero()) throw new KernelcountError([{ code: 'too_small', path: 'range', message: 'a range of 0% moves nothing' }]);
  return { down, up };
}

/**
 * The values an input takes: down and up by a share; whole-number inputs rounded away from the
 * base (so they move by at least one when the share is not zero); clamped to the input's bounds.
 * Sizes in GiB and vCPUs are not rounded: the model rounds them up to whole MiB and millicores.
 *
 * @example
 * variedValues(getInput(s, 'workloads[api].instances'), { down: money(0.2), up: money(0.2) }) //=> { low: 2, high: 4, notes: [...] } for 3 instances
 */
export function variedValues(input: NumericInput, range: { down: Money; up: Money }): { low: Money; high: Money; notes: string[] } {
  const notes: string[] = [];
  const v = input.value;
  let low = v.times(money(1).minus(range.down));
  let high = v.times(money(1).plus(range.up));
  if (input.integer) {
    const l = range.down.isZero() ? v : low.floor();
    const h = range.up.isZero() ? v : high.ceil();
    if (!l.eq(low) || !h.eq(high)) notes.push(`rounded to whole numbers away from ${v.toFixed()}`);
    low = l;
    high = h;
  }
  if (input.minExclusive ? !low.gt(input.min) : low.lt(input.min)) {
    const clamped = input.minExclusive ? v : input.min;
    notes.push(`low clamped to ${clamped.toFixed()} (${input.minExclusive ? 'must stay above' : 'the minimum is'} ${input.min.toFixed()})`);
    low = clamped;
  }
  if (high.gt(input.max)) {
    notes.push(`high clamped to the maximum ${input.max.toFixed()}`);
    high = input.max;
  }
  if (v.isZero()) notes.push('the value is 0, so a share of it does not move it');
  return { low, high, notes };
}

/**
 * Moves each input down and up by a share of its value (default 20%), evaluates, and ranks the
 * inputs by how far the TCO difference between two platforms moves. A value that makes the
 * scenario invalid (a workload that no longer fits a host, a power figure below the idle one) is
 * reported on its side of that row, not thrown; an unknown path or a bad range throws.
 *
 * @example
 * const t = sensitivity(scenario, { between: ['vm', 'containers'] });
 * t.rows[0].input //=> 'policy.ha.spareHosts' (0 or 2 spare hosts instead of 1 moves the difference most)
 * t.rows.find((r) => r.input === 'hosts[r760].price').low.value.toString() //=> '30400' (38000 - 20%)
 */
export function sensitivity(scenario: unknown, options: SensitivityOptions): SensitivityResult {
  const evalOptions: EvaluateOptions = options.today === undefined ? {} : { today: options.today };
  const base = evaluate(scenario, evalOptions);
  const between = checkBetween(options.between, base);
  const range = checkRange(options.range);
  let inputs: NumericInput[];
  if (options.inputs) {
    if (!Array.isArray(options.inputs)) throw new KernelcountError([{ code: 'invalid_type', path: 'inputs', message: 'must be a list of paths' }]);
    const issues: Issue[] = [];
    inputs = [];
    const seen = new Set<string>();
    options.inputs.forEach((path, i) => {
      try {
        const input = getInput(scenario, path, evalOptions);
        if (!seen.has(input.path)) inputs.push(input);
        seen.add(input.path);
      } catch (e) {
        if (!isKernelcountError(e)) throw e;
        // The path as typed, quoted when it holds spaces, control or other odd characters (found by fuzzing).
        const shown = (p: string) => (/^[\x21-\x7e]+$/.test(p) ? p : JSON.stringify(p));
        issues.push(...e.issues.map((x) => ({ ...x, path: `inputs[${i}]`, message: `${shown(x.path)}: ${x.message}` })));
      }
    });
    if (issues.length) throw new KernelcountError(issues);
  } else inputs = listInputs(scenario, evalOptions);

  const tco = (e: Evaluation): [Money, Money] => [e.platforms.find((p) => p.name === between[0])!.tco, e.platforms.find((p) => p.name === between[1])!.tco];
  const baseCosts = tco(base);
  const basePoint = { costs: baseCosts, difference: baseCosts[0].minus(baseCosts[1]) };
  let evaluations = 1;
  const side = (input: NumericInput, x: Money): SensitivitySide => {
    if (x.eq(input.value)) return { ok: true, value: x, costs: baseCosts, difference: basePoint.difference };
    try {
      evaluations++;
      const costs = tco(evaluate(setInput(scenario, input.path, x, evalOptions), evalOptions));
      return { ok: true, value: x, costs, difference: costs[0].minus(costs[1]) };
    } catch (e) {
      if (!isKernelcountError(e)) throw e;
      return { ok: false, value: x, issues: [...e.issues] };
    }
  };
  const spread = (xs: Money[]): Money => (xs.length ? Money.max(...xs).minus(Money.min(...xs)) : ZERO);

  const rows: SensitivityRow[] = inputs.map((input) => {
    const { low, high, notes } = variedValues(input, range);
    const lo = side(input, low);
    const hi = side(input, high);
    const ok = [lo, hi].filter((s): s is { ok: true } & SensitivityPoint => s.ok);
    for (const s of [lo, hi]) {
      if (!s.ok) notes.push(`at ${s.value.toFixed()} the scenario is invalid: ${s.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`);
    }
    return {
      input: input.path,
      label: input.label,
      unit: input.unit,
      source: input.source,
      integer: input.integer,
      base: input.value,
      low: lo,
      high: hi,
      swing: spread([basePoint.difference, ...ok.map((s) => s.difference)]),
      swingEach: [spread([baseCosts[0], ...ok.map((s) => s.costs[0])]), spread([baseCosts[1], ...ok.map((s) => s.costs[1])])],
      notes,
    };
  });
  const valid = (r: SensitivityRow) => (r.low.ok || r.high.ok ? 1 : 0);
  rows.sort(
    (a, b) =>
      valid(b) - valid(a) ||
      b.swing.comparedTo(a.swing) ||
      Money.max(...b.swingEach).comparedTo(Money.max(...a.swingEach)) ||
      (a.input < b.input ? -1 : a.input > b.input ? 1 : 0),
  );
  return {
    between,
    currency: base.scenario.currency,
    horizonYears: base.scenario.horizonYears,
    range,
    base: basePoint,
    rows,
    failed: rows.filter((r) => !r.low.ok || !r.high.ok).map((r) => r.input),
    evaluations,
  };
}
