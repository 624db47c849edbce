/**
 * The `uncertainty:` section resolved against its scenario. `parseScenario` (and so `evaluate`)
 * checks only the section's shape; this module checks what the ranges mean, and is loaded by
 * Monte Carlo, `validateScenario` and the CLI, never by `evaluate`, whose bundle it would grow by
 * the path resolver.
 */
import { resolveInputPath, setInput, type InputPath } from '../analysis/uncertaintyPaths.js';
import { KernelcountError, joinPath, type Issue } from '../errors.js';
import { own, Reader } from './reader.js';
import type { Scenario, UncertainRange } from './types.js';
import { parseScenarioWithCatalog, type ParseOptions } from './validate.js';

type Resolved = { range: UncertainRange; input: InputPath };

/**
 * The issues of the scenario with every range at its low, then at its high value: each one at the
 * field a range sets (`range` given), or elsewhere (a rule between fields, e.g. idle power above
 * the maximum).
 */
function rangeEndIssues(top: Record<string, unknown>, ranges: readonly Resolved[], options: ParseOptions): Array<{ end: 'low' | 'high'; issue: Issue; range: UncertainRange | null }> {
  const out: Array<{ end: 'low' | 'high'; issue: Issue; range: UncertainRange | null }> = [];
  if (ranges.length === 0) return out;
  const base: Record<string, unknown> = { ...top };
  delete base.uncertainty;
  for (const end of ['low', 'high'] as const) {
    let probe = base;
    for (const { range, input } of ranges) probe = setInput(probe, input, range[end]);
    try {
      parseScenarioWithCatalog(probe, options);
    } catch (e) {
      if (!(e instanceof KernelcountError)) throw e;
      for (const issue of e.issues) out.push({ end, issue, range: ranges.find(({ input }) => input.issuePath === issue.path)?.range ?? null });
    }
  }
  return out;
}

/** Resolves each range of a scenario that parsed; the reader collects what does not resolve. */
function resolveEach(r: Reader, top: Record<string, unknown>, scenario: Scenario): Resolved[] {
  const out: Resolved[] = [];
  const seen = new Map<string, string>();
  const u = own(top, 'uncertainty') as Record<string, unknown>;
  for (const range of scenario.uncertainty) {
    const path = joinPath('uncertainty', range.path);
    const input = resolveInputPath(top, range.path);
    if (!('canonical' in input)) {
      r.add(input.code, path, input.message);
      continue;
    }
    const where = input.location.join('\u0000');
    const first = seen.get(where);
    if (first !== undefined) {
      r.add('duplicate', path, `names the same input (${input.canonical}) as ${first}`);
      continue;
    }
    seen.set(where, path);
    if (input.integer) {
      // Whole-number inputs take whole-number ends, in the validator's words for such a field.
      const o = u[range.path] as Record<string, unknown>;
      const bad = (['low', 'likely', 'high'] as const).filter((k) => r.number(own(o, k), joinPath(path, k), { integer: true }) === undefined);
      if (bad.length) continue;
    }
    out.push({ range: { ...range, canonical: input.canonical, integer: input.integer, affects: input.affects }, input });
  }
  return out;
}

/**
 * @internal Parses the scenario once and checks its ranges once: the scenario, its ranges resolved,
 * and the problems the ranges' ends cause that no single range explains (a rule between fields,
 * e.g. idle power above the host's maximum), each as an issue at `uncertainty`. Throws the
 * scenario's issues, or the ranges' own (at `uncertainty.<path>`, its `low` or `high`).
 */
export function checkRanges(input: unknown, options: ParseOptions = {}): { scenario: Scenario; ranges: UncertainRange[]; endIssues: Issue[] } {
  const { scenario } = parseScenarioWithCatalog(input, options);
  if (scenario.uncertainty.length === 0) return { scenario, ranges: [], endIssues: [] };
  const top = input as Record<string, unknown>;
  const r = new Reader();
  const resolved = resolveEach(r, top, scenario);
  const endIssues: Issue[] = [];
  // The ends are checked by validating the scenario with them, in the field's own words.
  if (r.issues.length === 0) {
    for (const { end, issue, range } of rangeEndIssues(top, resolved, options)) {
      if (range) r.add(issue.code, joinPath(joinPath('uncertainty', range.path), end), issue.message);
      else endIssues.push({ code: issue.code, path: 'uncertainty', message: `with every range at its ${end} value: ${issue.path ? issue.path + ': ' : ''}${issue.message}` });
    }
  }
  if (r.issues.length) throw new KernelcountError(r.issues);
  return { scenario, ranges: resolved.map((x) => x.range), endIssues };
}

/**
 * The ranges of a scenario's `uncertainty:` section, each resolved: the input its path names
 * (canonical path), whether it is sampled in whole numbers, and whether it changes sizing or only
 * prices. Refused with a KernelcountError at `uncertainty.<path>` (or its `low`/`high`) when a path
 * names no input of this scenario, two paths name the same input, a whole-number input gets a
 * fraction, or an end breaks the field's own limits (e.g. a negative instance count). Also throws
 * the scenario's own issues, as `parseScenario` does. A rule between fields that the ends break
 * together is left to Monte Carlo, which refuses such ranges before it samples.
 *
 * @example
 * resolveRanges({ ...scenario, uncertainty: { 'workloads[api].instances': { low: 30, likely: 40, high: 60 } } })
 * //=> [{ path: 'workloads[api].instances', canonical: 'workloads[0].instances', low: 30, likely: 40, high: 60, integer: true, affects: 'sizing' }]
 */
export function resolveRanges(input: unknown, options: ParseOptions = {}): UncertainRange[] {
  return checkRanges(input, options).ranges;
}

/**
 * Validates a scenario completely: what `parseScenario` checks, and the `uncertainty:` ranges
 * resolved against it (`resolveRanges`), which `evaluate` leaves to Monte Carlo. The CLI's verbs
 * run this, so a mistyped range path is reported whatever the verb.
 *
 * @example
 * validateScenario(scenario).uncertainty.length // the ranges, each resolved
 */
export function validateScenario(input: unknown, options: ParseOptions = {}): Scenario & { uncertainty: UncertainRange[] } {
  const { scenario, ranges } = checkRanges(input, options);
  return { ...scenario, uncertainty: ranges };
}
