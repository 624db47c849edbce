/**
 * The calculator's uncertainty results, the pure part: the package's Monte Carlo result made
 * plain (exact decimal strings, so it crosses from the worker to the page), the sentence with the
 * probability that each platform costs less than the baseline, and the TCO chart with its P10-P90
 * band and its table. Every figure comes from `kernelcount` (`startMonteCarlo`); this module only
 * picks, words and rounds for display. Used by the uncertainty worker, its panel, and the tests.
 */
import type { Money, Spread, UncertaintyResult } from 'kernelcount';
import type { TableData } from './calculatorModel';
import { formatCurrency, formatInt } from './format';

/** The seed of every run on the site: the package's default, so a link always gives the same band. */
export const SEED = 1;
/** Sample counts offered; the first run uses the larger. */
export const SAMPLE_CHOICES = [1_000, 10_000] as const;
export const DEFAULT_SAMPLES = 10_000;

export type UncertaintyRequest = { type: 'run'; id: number; scenario: unknown; today: string; samples: number; seed: number } | { type: 'cancel'; id: number };

export type UncertaintyResponse =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'result'; id: number; summary: UncertaintySummary; ms: number }
  /** `inputs`: the paths the package's issues name (the range or field that made sampling fail). */
  | { type: 'error'; id: number; message: string; inputs: string[] };

/** A spread with every amount as an exact decimal string. */
export type SpreadText = Record<keyof Spread, string>;

export interface UncertaintySummary {
  currency: string;
  horizonYears: number;
  baseline: string;
  seed: number;
  samples: number;
  requestedSamples: number;
  complete: boolean;
  inputs: Array<{ path: string; low: number; likely: number; high: number; integer: boolean; affects: 'price' | 'sizing' }>;
  platforms: Array<{ platform: string; tco: SpreadText }>;
  comparisons: Array<{ a: string; b: string; difference: SpreadText; probabilityACheaper: number; aCheaper: number; bCheaper: number; equal: number }>;
}

const text = (m: Money) => m.toFixed();
const spreadText = (s: Spread): SpreadText => ({ p10: text(s.p10), p50: text(s.p50), p90: text(s.p90), mean: text(s.mean), min: text(s.min), max: text(s.max) });

/** The package's result as plain data (decimal strings), to post from the worker. */
export function summarize(r: UncertaintyResult): UncertaintySummary {
  return {
    currency: r.scenario.currency,
    horizonYears: r.scenario.horizonYears,
    baseline: r.scenario.baseline,
    seed: r.seed,
    samples: r.samples,
    requestedSamples: r.requestedSamples,
    complete: r.complete,
    inputs: r.inputs.map((i) => ({ path: i.path, low: i.low, likely: i.likely, high: i.high, integer: i.integer, affects: i.affects })),
    platforms: r.platforms.map((p) => ({ platform: p.platform, tco: spreadText(p.tco) })),
    comparisons: r.comparisons.map((c) => ({ a: c.a, b: c.b, difference: spreadText(c.difference), probabilityACheaper: c.probabilityACheaper, aCheaper: c.aCheaper, bCheaper: c.bCheaper, equal: c.equal })),
  };
}

/**
 * A share of samples as a percentage with one decimal; never rounded to 0% or 100% when some
 * samples fall the other way.
 */
export function probabilityText(p: number): string {
  if (p <= 0) return '0%';
  if (p >= 1) return '100%';
  if (p < 0.001) return 'under 0.1%';
  if (p > 0.999) return 'over 99.9%';
  return `${(Math.round(p * 1000) / 10).toFixed(1)}%`;
}

/** "In 10,000 samples (seed 1), containers costs less than vm (the baseline) in 12.5% of them, and microvm in 0%." */
export function probabilitySentence(s: UncertaintySummary): string {
  const n = `In ${formatInt(s.samples)} sample${s.samples === 1 ? '' : 's'} (seed ${s.seed})`;
  const cs = s.comparisons;
  if (cs.length === 0) return `${n}, there is one platform, so nothing to compare; the spread of its total is below.`;
  const [first, ...rest] = cs;
  const head = `${n}, ${first!.a} costs less than ${first!.b} (the baseline) in ${probabilityText(first!.probabilityACheaper)} of them`;
  if (rest.length === 0) return `${head}.`;
  const tail = rest.map((c) => `${c.a} in ${probabilityText(c.probabilityACheaper)}`);
  return `${head}, ${tail.length > 1 ? `${tail.slice(0, -1).join(', ')} and ${tail.at(-1)}` : `and ${tail[0]}`}.`;
}

export interface BandChartData {
  id: string;
  title: string;
  /** One sentence with the numbers. */
  summary: string;
  labels: string[];
  /** Platform types, for the bar colours. */
  types: string[];
  /** Each platform's total as entered (the evaluation). */
  asEntered: number[];
  /** P10 to P90 of the samples, and P50. */
  band: Array<[number, number]>;
  p50: number[];
  y: string;
  /** The currency of the value axis and tooltips. */
  currency: string;
  table: TableData;
}

const whole = (s: string) => Math.round(Number(s));

/**
 * The TCO chart with its band: a bar per platform for the total as entered, a box from P10 to P90
 * of the samples over it and a mark at P50; the table has the same figures with the mean and the
 * probability of costing less than the baseline.
 */
export function bandChart(s: UncertaintySummary, asEntered: ReadonlyArray<{ name: string; type: string; tco: string }>): BandChartData {
  const cur = s.currency;
  const money = (x: string) => formatCurrency(x, cur);
  const entered = new Map(asEntered.map((p) => [p.name, p]));
  const ps = s.platforms;
  const width = (p: (typeof ps)[number]) => Number(p.tco.p90) - Number(p.tco.p10);
  const byWidth = [...ps].sort((a, b) => width(b) - width(a));
  const range = (p: (typeof ps)[number]) => (p.tco.p10 === p.tco.p90 ? `P10 and P90 both ${money(p.tco.p10)}` : `${money(p.tco.p10)} to ${money(p.tco.p90)}`);
  const widest = byWidth[0];
  const narrowest = byWidth.at(-1);
  const summary =
    ps.length > 1 && widest && narrowest && widest !== narrowest
      ? `Bars are each total as entered; the boxes hold 80% of the ${formatInt(s.samples)} samples (P10 to P90): widest for ${widest.platform} (${range(widest)}), narrowest for ${narrowest.platform} (${range(narrowest)}).`
      : widest
        ? `Bars are each total as entered; 80% of the ${formatInt(s.samples)} samples lie between P10 and P90 (${range(widest)}${ps.length > 1 ? ' for each platform' : ''}), median ${money(widest.tco.p50)}.`
        : '';
  const probability = new Map(s.comparisons.filter((c) => c.b === s.baseline).map((c) => [c.a, c.probabilityACheaper]));
  return {
    id: 'tco-band',
    title: `Total cost over ${s.horizonYears} years, with the P10–P90 range (${cur})`,
    summary,
    labels: ps.map((p) => p.platform),
    types: ps.map((p) => entered.get(p.platform)?.type ?? ''),
    asEntered: ps.map((p) => whole(entered.get(p.platform)?.tco ?? p.tco.p50)),
    band: ps.map((p) => [whole(p.tco.p10), whole(p.tco.p90)]),
    p50: ps.map((p) => whole(p.tco.p50)),
    y: `${cur} over ${s.horizonYears} years`,
    currency: cur,
    table: {
      caption: `Total cost over ${s.horizonYears} years (${cur}): as entered, and P10, P50 (median), P90 and mean of ${formatInt(s.samples)} samples (seed ${s.seed}); chance of costing less than ${s.baseline}`,
      columns: ['platform', 'as entered', 'P10', 'P50', 'P90', 'mean', `cheaper than ${s.baseline}`],
      numeric: [false, true, true, true, true, true, true],
      rows: ps.map((p) => {
        const e = entered.get(p.platform);
        const pr = probability.get(p.platform);
        return [
          p.platform,
          e ? money(e.tco) : '',
          money(p.tco.p10),
          money(p.tco.p50),
          money(p.tco.p90),
          money(p.tco.mean),
          p.platform === s.baseline ? 'baseline' : pr === undefined ? '' : `${probabilityText(pr)} of samples`,
        ];
      }),
    },
  };
}

/** The ranges sampled, as a table. */
export function rangesTable(s: UncertaintySummary): TableData {
  return {
    caption: `Ranges sampled (${s.inputs.length}), each from a PERT distribution between low and high, most often near likely`,
    columns: ['input', 'low', 'likely', 'high', 'drawn as', 'changes'],
    numeric: [false, true, true, true, false, false],
    rows: s.inputs.map((i) => [i.path, String(i.low), String(i.likely), String(i.high), i.integer ? 'whole numbers' : 'decimals', i.affects === 'sizing' ? 'sizing and cost' : 'cost only']),
  };
}

/**
 * The package's problems as one message, and the inputs they name: the issue's path, or for a rule
 * broken with every range at one end (reported at `uncertainty`), the field the message names.
 */
export function errorMessage(issues: ReadonlyArray<{ path: string; message: string }>): { message: string; inputs: string[] } {
  const named = (i: { path: string; message: string }) => (i.path && i.path !== 'uncertainty' ? i.path : /^with every range at its \w+ value: ([^:\s]+):/.exec(i.message)?.[1]);
  return {
    message: issues.map((i) => (i.path && i.path !== 'uncertainty' ? `${i.path}: ${i.message}` : i.message)).join('; '),
    inputs: [...new Set(issues.map(named).filter((x): x is string => Boolean(x)))],
  };
}
