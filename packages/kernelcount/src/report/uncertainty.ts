/**
 * A Monte Carlo result as a table, JSON, CSV or Markdown. Money is rounded only here, for display,
 * and shown in its currency (table and Markdown, through Intl); JSON and CSV keep every amount as
 * an exact decimal string with the currency in a column.
 */
import type { PairSpread, Spread, UncertaintyResult } from '../analysis/monteCarlo.js';
import type { UncertainRange } from '../scenario/types.js';
import { csvRows, mdCell, mdTable, pad as padCells } from './cells.js';
import { reportMoney, type ReportMoney, type ReportOptions } from './currency.js';

const pad = (rows: string[][]) => padCells(rows, { gap: '   ' });

export type UncertaintyFormat = 'table' | 'json' | 'csv' | 'md';
export const UNCERTAINTY_FORMATS: readonly UncertaintyFormat[] = ['table', 'json', 'csv', 'md'];

function percent(p: number): string {
  return `${(p * 100).toFixed(1)}%`;
}

function rangeNote(r: UncertainRange): string {
  return [r.integer ? 'whole numbers' : '', r.affects === 'sizing' ? 'changes sizing' : ''].filter(Boolean).join(', ');
}

function inputRows(r: UncertaintyResult): string[][] {
  return [['input', 'low', 'likely', 'high', ''], ...r.inputs.map((i) => [i.path, String(i.low), String(i.likely), String(i.high), rangeNote(i)])];
}

function spreadCells(s: Spread, format: (m: Spread['p10']) => string): string[] {
  return [s.p10, s.p50, s.p90, s.mean].map(format);
}

function tcoRows(r: UncertaintyResult, f: ReportMoney): string[][] {
  return [
    [`TCO ${r.scenario.horizonYears}y (${r.scenario.currency})`, 'P10', 'P50', 'P90', 'mean'],
    ...r.platforms.map((p) => [p.platform, ...spreadCells(p.tco, f.whole)]),
  ];
}

function pairRows(r: UncertaintyResult, f: ReportMoney): string[][] {
  return [
    ['difference A - B', 'P10', 'P50', 'P90', 'mean', 'A cheaper'],
    ...r.comparisons.map((c) => [`${c.a} - ${c.b}`, ...spreadCells(c.difference, f.whole), percent(c.probabilityACheaper)]),
  ];
}

function heading(r: UncertaintyResult): string {
  const n = r.samples.toLocaleString('en-US');
  const of = r.complete ? '' : ` of ${r.requestedSamples.toLocaleString('en-US')} asked for (stopped early)`;
  return `${n} samples${of}, seed ${r.seed}, PERT ranges`;
}

function sentence(c: PairSpread): string {
  return `${c.a} costs less than ${c.b} in ${percent(c.probabilityACheaper)} of samples${c.equal ? ` (the same in ${c.equal})` : ''}.`;
}

/** Plain-text report: the inputs that varied, each platform's TCO spread and the differences (money in its currency for `options.locale`, default en-US). */
export function formatUncertaintyTable(r: UncertaintyResult, options: ReportOptions = {}): string {
  const f = reportMoney(r.scenario.currency, options.locale);
  const out: string[] = [];
  out.push(`kernelcount uncertainty: ${r.scenario.name} (${r.scenario.currency}, ${r.scenario.horizonYears} years, baseline ${r.scenario.baseline})`);
  out.push(heading(r));
  out.push('');
  out.push(pad(inputRows(r)));
  out.push('');
  out.push(pad(tcoRows(r, f)));
  if (r.comparisons.length) {
    out.push('');
    out.push(pad(pairRows(r, f)));
    out.push('');
    for (const c of r.comparisons) out.push(sentence(c));
  }
  return out.join('\n') + '\n';
}

/** The result as JSON: money as exact decimal strings, probabilities as numbers. */
export function formatUncertaintyJson(r: UncertaintyResult): string {
  return JSON.stringify(r, null, 2) + '\n';
}

/** One row per platform (kind `tco`) and per pair (kind `difference`), exact decimals. */
export function formatUncertaintyCsv(r: UncertaintyResult): string {
  const header = ['kind', 'a', 'b', 'p10', 'p50', 'p90', 'mean', 'min', 'max', 'probabilityACheaper', 'samples', 'seed', 'currency'];
  const cells = (s: Spread) => [s.p10, s.p50, s.p90, s.mean, s.min, s.max].map((m) => m.toString());
  const common = [String(r.samples), String(r.seed), r.scenario.currency];
  const rows = [
    header,
    ...r.platforms.map((p) => ['tco', p.platform, '', ...cells(p.tco), '', ...common]),
    ...r.comparisons.map((c) => ['difference', c.a, c.b, ...cells(c.difference), String(c.probabilityACheaper), ...common]),
  ];
  return csvRows(rows);
}

/** A Markdown report with the same tables as the plain-text one. */
export function formatUncertaintyMarkdown(r: UncertaintyResult, options: ReportOptions = {}): string {
  const f = reportMoney(r.scenario.currency, options.locale);
  const out: string[] = [];
  out.push(`# Uncertainty: ${mdCell(r.scenario.name)}`);
  out.push('');
  out.push(`${heading(r)}; currency ${r.scenario.currency}, horizon ${r.scenario.horizonYears} years, baseline **${mdCell(r.scenario.baseline)}**.`);
  out.push('');
  out.push(mdTable(inputRows(r).map((row, i) => (i === 0 ? ['input', 'low', 'likely', 'high', 'note'] : row))));
  out.push('');
  out.push(mdTable(tcoRows(r, f)));
  if (r.comparisons.length) {
    out.push('');
    out.push(mdTable(pairRows(r, f)));
    out.push('');
    for (const c of r.comparisons) out.push(`- ${mdCell(sentence(c))}`);
  }
  return out.join('\n') + '\n';
}

/**
 * Renders a Monte Carlo result in one of the formats.
 *
 * @example
 * formatUncertainty(monteCarlo(scenario), 'csv').split('\n')[0] //=> 'kind,a,b,p10,p50,p90,mean,min,max,probabilityACheaper,samples,seed,currency'
 */
export function formatUncertainty(r: UncertaintyResult, format: UncertaintyFormat, options: ReportOptions = {}): string {
  switch (format) {
    case 'table':
      return formatUncertaintyTable(r, options);
    case 'json':
      return formatUncertaintyJson(r);
    case 'csv':
      return formatUncertaintyCsv(r);
    case 'md':
      return formatUncertaintyMarkdown(r, options);
  }
}
