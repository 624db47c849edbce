/**
 * Text, JSON, CSV and Markdown renderings of the decision tools: break-even, sensitivity (tornado)
 * and scenario diff. Money is rounded only here, for display, and shown in its currency (text and
 * Markdown, through Intl); JSON and CSV keep exact decimals with the currency in a column.
 */
import type { BreakEvenResult, CostPoint } from '../analysis/breakEven.js';
import type { ScenarioDiff } from '../analysis/diff.js';
import type { SensitivityResult, SensitivityRow } from '../analysis/sensitivity.js';
import type { Money } from '../money.js';
import { csvRows as csv, mdCell, mdTable, pad as padCells } from './cells.js';
import { reportMoney, type ReportMoney, type ReportOptions } from './currency.js';
import type { ReportFormat } from './format.js';

const pad = (rows: string[][], indent = '', left: readonly number[] = [0]) => padCells(rows, { indent, left });

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/* ------------------------------------------------------------------------------------------
 * Break-even
 * ---------------------------------------------------------------------------------------- */

/** What `kernelcount breakeven` prints: the break-even of one input (if asked for) and the licence break-evens. */
export interface BreakEvenReport {
  breakEven: BreakEvenResult | null;
  licences: BreakEvenResult[];
}

function pointRows(r: BreakEvenResult, f: ReportMoney): string[][] {
  const rows: string[][] = [['', r.input, r.between[0], r.between[1], 'difference']];
  const add = (label: string, p: CostPoint | null) => {
    if (p) rows.push([label, p.value.toFixed(), f.amount(p.costs[0]), f.amount(p.costs[1]), f.signed(p.difference)]);
  };
  add('now', r.current);
  add('before', r.before);
  add(r.kind === 'equal' ? 'equal at' : 'flips at', r.at);
  return rows;
}

function sampleRows(r: BreakEvenResult, f: ReportMoney): string[][] {
  return [[r.input, r.between[0], r.between[1], 'difference'], ...r.samples.map((p) => [p.value.toFixed(), f.amount(p.costs[0]), f.amount(p.costs[1]), f.signed(p.difference)])];
}

function breakEvenTable(rep: BreakEvenReport, locale: string | undefined): string {
  const out: string[] = [];
  const r = rep.breakEven;
  if (r) {
    const f = reportMoney(r.currency, locale);
    out.push(`Break-even of ${r.input} between ${r.between[0]} and ${r.between[1]} (${r.measure}, ${r.currency})`);
    out.push(`range ${r.range.low.toFixed()}..${r.range.high.toFixed()} ${r.unit}${r.integer ? ', whole numbers' : ''}`);
    out.push('');
    out.push(r.text);
    if (r.exact && !r.exact.eq(r.value!)) out.push(`exact root of the linear piece: ${r.exact.toFixed()}`);
    out.push('');
    out.push(pad(pointRows(r, f), '  '));
    if (r.samples.length) {
      out.push('');
      out.push('Sampled across the range:');
      out.push(pad(sampleRows(r, f), '  '));
    }
    if (r.notes.length) {
      out.push('');
      out.push('Notes:');
      for (const n of r.notes) out.push(`  - ${n}`);
    }
  }
  if (rep.licences.length || !r) {
    if (r) out.push('');
    out.push(`Licence break-evens (guests per host)${rep.licences.length ? ':' : ': none; no licensing decision had a second option for the same hosts.'}`);
    for (const l of rep.licences) {
      out.push(`  - ${l.text}`);
      for (const n of l.notes) out.push(`      note: ${n}`);
    }
  }
  return out.join('\n') + '\n';
}

const BREAK_EVEN_CSV_HEADER = [
  'subject',
  'platform',
  'input',
  'unit',
  'a',
  'b',
  'measure',
  'currency',
  'kind',
  'value',
  'exact',
  'costA',
  'costB',
  'beforeValue',
  'beforeCostA',
  'beforeCostB',
  'cheaperBelow',
  'cheaperFrom',
  'rangeLow',
  'rangeHigh',
  'text',
];

function breakEvenCsvRow(r: BreakEvenResult): string[] {
  const s = (x: Money | null | undefined) => (x ? x.toString() : '');
  return [
    r.subject,
    r.platform ?? '',
    r.input,
    r.unit,
    r.between[0],
    r.between[1],
    r.measure,
    r.currency,
    r.kind,
    s(r.value),
    s(r.exact),
    s(r.at?.costs[0]),
    s(r.at?.costs[1]),
    s(r.before?.value),
    s(r.before?.costs[0]),
    s(r.before?.costs[1]),
    r.cheaperBelow ?? '',
    r.cheaperFrom ?? '',
    r.range.low.toString(),
    r.range.high.toString(),
    r.text,
  ];
}

function breakEvenMarkdown(rep: BreakEvenReport, locale: string | undefined): string {
  const out: string[] = [];
  const r = rep.breakEven;
  if (r) {
    const f = reportMoney(r.currency, locale);
    out.push(`## Break-even of \`${r.input}\`: ${mdCell(r.between[0])} vs ${mdCell(r.between[1])}`);
    out.push('');
    out.push(`${r.measure} (${r.currency}), range ${r.range.low.toFixed()}..${r.range.high.toFixed()} ${r.unit}.`);
    out.push('');
    out.push(mdCell(r.text));
    out.push('');
    out.push(mdTable(pointRows(r, f)));
    if (r.samples.length) {
      out.push('');
      out.push(mdTable(sampleRows(r, f)));
    }
    for (const n of r.notes) out.push('', `- ${mdCell(n)}`);
  }
  if (rep.licences.length) {
    out.push('');
    out.push('## Licence break-evens (guests per host)');
    out.push('');
    for (const l of rep.licences) out.push(`- ${mdCell(l.text)}`);
  }
  return out.join('\n').replace(/^\n+/, '') + '\n';
}

/**
 * Renders a break-even report in one of the report formats (`csv`: one row per break-even, exact
 * decimals; `table` and `md`: money in its currency for `options.locale`, default en-US).
 *
 * @example
 * formatBreakEven({ breakEven: breakEven(s, { input: 'hosts[0].price', between: ['vm', 'containers'] }), licences: [] }, 'table')
 */
export function formatBreakEven(rep: BreakEvenReport, format: ReportFormat, options: ReportOptions = {}): string {
  switch (format) {
    case 'json':
      return json(rep);
    case 'csv':
      return csv([BREAK_EVEN_CSV_HEADER, ...[...(rep.breakEven ? [rep.breakEven] : []), ...rep.licences].map(breakEvenCsvRow)]);
    case 'md':
      return breakEvenMarkdown(rep, options.locale);
    case 'table':
      return breakEvenTable(rep, options.locale);
  }
}

/* ------------------------------------------------------------------------------------------
 * Sensitivity
 * ---------------------------------------------------------------------------------------- */

function sideDiff(s: SensitivityRow['low'], f: ReportMoney): string {
  return s.ok ? f.signed(s.difference) : 'invalid';
}

function pctText(x: Money): string {
  return `${x.times(100).toDecimalPlaces(2).toString()}%`;
}

function rangeText(t: SensitivityResult): string {
  return t.range.down.eq(t.range.up) ? `+/-${pctText(t.range.down)}` : `-${pctText(t.range.down)}/+${pctText(t.range.up)}`;
}

function bar(x: Money, max: Money, width = 16): string {
  if (max.isZero() || x.isZero()) return '';
  return '#'.repeat(Math.max(1, x.div(max).times(width).round().toNumber()));
}

function sensitivityRows(t: SensitivityResult, rows: SensitivityRow[], withBar: boolean, f: ReportMoney): string[][] {
  const [a, b] = t.between;
  const head = ['#', 'input', 'base', 'low', 'high', `diff at low`, `diff at high`, 'swing', `swing ${a}`, `swing ${b}`];
  const max = rows.reduce((acc, r) => (r.swing.gt(acc) ? r.swing : acc), rows[0]?.swing ?? t.base.difference.times(0));
  return [
    withBar ? [...head, ''] : head,
    ...rows.map((r, i) => {
      const cells = [
        String(i + 1),
        r.input,
        r.base.toFixed(),
        r.low.value.toFixed(),
        r.high.value.toFixed(),
        sideDiff(r.low, f),
        sideDiff(r.high, f),
        f.amount(r.swing),
        f.amount(r.swingEach[0]),
        f.amount(r.swingEach[1]),
      ];
      return withBar ? [...cells, bar(r.swing, max)] : cells;
    }),
  ];
}

export interface SensitivityFormatOptions extends ReportOptions {
  /** Show only the first N rows in table and Markdown output (JSON and CSV keep all). */
  top?: number;
}

function sensitivityHeader(t: SensitivityResult, f: ReportMoney): string[] {
  const [a, b] = t.between;
  return [
    `Sensitivity of ${a} - ${b} (TCO over ${t.horizonYears} years, ${t.currency}), each input ${rangeText(t)} with the others held`,
    `base: ${a} ${f.amount(t.base.costs[0])}, ${b} ${f.amount(t.base.costs[1])}, difference ${f.signed(t.base.difference)} (negative: ${a} cheaper)`,
  ];
}

function sensitivityTable(t: SensitivityResult, o: SensitivityFormatOptions): string {
  const f = reportMoney(t.currency, o.locale);
  const rows = o.top === undefined ? t.rows : t.rows.slice(0, o.top);
  const out = [...sensitivityHeader(t, f), ''];
  out.push(pad(sensitivityRows(t, rows, true, f), '  ', [1, 10]));
  if (rows.length < t.rows.length) out.push(`  ... ${t.rows.length - rows.length} more inputs (--top to show more)`);
  const noted = rows.filter((r) => r.notes.some((n) => !n.startsWith('rounded')));
  if (noted.length) {
    out.push('');
    out.push('Notes:');
    for (const r of noted) for (const n of r.notes.filter((x) => !x.startsWith('rounded'))) out.push(`  - ${r.input}: ${n}`);
  }
  out.push('');
  out.push(`${t.evaluations} evaluations${t.failed.length ? `; ${t.failed.length} input${t.failed.length === 1 ? '' : 's'} with an invalid side` : ''}.`);
  return out.join('\n') + '\n';
}

const SENSITIVITY_CSV_HEADER = [
  'rank',
  'input',
  'label',
  'unit',
  'source',
  'base',
  'low',
  'high',
  'lowCostA',
  'lowCostB',
  'lowDifference',
  'highCostA',
  'highCostB',
  'highDifference',
  'swing',
  'swingA',
  'swingB',
  'notes',
];

function sensitivityCsv(t: SensitivityResult): string {
  const side = (s: SensitivityRow['low']) => (s.ok ? [s.costs[0].toString(), s.costs[1].toString(), s.difference.toString()] : ['', '', '']);
  return csv([
    SENSITIVITY_CSV_HEADER,
    ...t.rows.map((r, i) => [
      String(i + 1),
      r.input,
      r.label,
      r.unit,
      r.source,
      r.base.toString(),
      r.low.value.toString(),
      r.high.value.toString(),
      ...side(r.low),
      ...side(r.high),
      r.swing.toString(),
      r.swingEach[0].toString(),
      r.swingEach[1].toString(),
      r.notes.join('; '),
    ]),
  ]);
}

/**
 * Renders sensitivity (tornado) data: `table` and `md` rank the inputs with a bar for the swing
 * (money in its currency for `options.locale`, default en-US), `csv` has one exact row per input,
 * `json` the whole result.
 *
 * @example
 * formatSensitivity(sensitivity(s, { between: ['vm', 'containers'] }), 'table', { top: 10 })
 */
export function formatSensitivity(t: SensitivityResult, format: ReportFormat, options: SensitivityFormatOptions = {}): string {
  switch (format) {
    case 'json':
      return json(t);
    case 'csv':
      return sensitivityCsv(t);
    case 'md': {
      const f = reportMoney(t.currency, options.locale);
      const rows = options.top === undefined ? t.rows : t.rows.slice(0, options.top);
      const [title, base] = sensitivityHeader(t, f);
      return `## ${mdCell(title!)}\n\n${mdCell(base!)}\n\n${mdTable(sensitivityRows(t, rows, false, f))}\n`;
    }
    case 'table':
      return sensitivityTable(t, options);
  }
}

/* ------------------------------------------------------------------------------------------
 * Diff
 * ---------------------------------------------------------------------------------------- */

function shown(v: unknown): string {
  if (v === undefined) return '(none)';
  const s = typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v);
  return s.length > 80 ? s.slice(0, 77) + '...' : s;
}

function inputLine(c: ScenarioDiff['inputs'][number]): string {
  if (c.change === 'added') return `+ ${c.path}: ${shown(c.after)}`;
  if (c.change === 'removed') return `- ${c.path}: ${shown(c.before)}`;
  return `~ ${c.path}: ${shown(c.before)} -> ${shown(c.after)}`;
}

/** Money of the scenario before and after (their currencies may differ: nothing is converted). */
interface DiffMoney {
  before: ReportMoney;
  after: ReportMoney;
}

function diffMoney(d: ScenarioDiff, locale: string | undefined): DiffMoney {
  const after = reportMoney(d.currency[1], locale);
  return { before: d.currency[0] === d.currency[1] ? after : reportMoney(d.currency[0], locale), after };
}

function platformLine(d: ScenarioDiff, p: ScenarioDiff['platforms'][number], f: DiffMoney): string {
  if (p.change === 'added') return `${p.name} (added): ${p.after!.hosts} hosts, TCO ${f.after.amount(p.after!.tco)}`;
  if (p.change === 'removed') return `${p.name} (removed): was ${p.before!.hosts} hosts, TCO ${f.before.amount(p.before!.tco)}`;
  return `${p.name}: ${p.before!.hosts} -> ${p.after!.hosts} hosts, TCO ${f.before.amount(p.before!.tco)} -> ${f.after.amount(p.after!.tco)} (${f.after.signed(p.tcoDelta)})`;
}

function itemRows(p: ScenarioDiff['platforms'][number], f: DiffMoney): string[][] {
  const q = (s: { quantity: Money; unit: string; unitPrice: Money } | null) =>
    s ? `${s.quantity.toDecimalPlaces(2).toString()} ${s.unit} x ${s.unitPrice.toDecimalPlaces(4).toString()}` : '';
  return [
    ['line item', 'change', 'before', 'after', 'total before', 'total after', 'delta'],
    ...p.lineItems.map((li) => [
      li.name,
      li.change,
      q(li.before),
      q(li.after),
      li.before ? f.before.amount(li.before.total) : '',
      li.after ? f.after.amount(li.after.total) : '',
      f.after.signed(li.delta),
    ]),
    ['total', '', '', '', p.before ? f.before.amount(p.before.tco) : '', p.after ? f.after.amount(p.after.tco) : '', f.after.signed(p.tcoDelta)],
  ];
}

function diffTable(d: ScenarioDiff, locale: string | undefined): string {
  const f = diffMoney(d, locale);
  const out: string[] = [`Diff: ${d.labels[0]} -> ${d.labels[1]}`, ''];
  out.push(d.inputs.length ? `Inputs changed (${d.inputs.length}):` : 'Inputs: no change.');
  for (const c of d.inputs) out.push(`  ${inputLine(c)}`);
  for (const p of d.platforms) {
    out.push('');
    out.push(platformLine(d, p, f));
    if (p.lineItems.length) out.push(pad(itemRows(p, f), '  '));
    if (p.unchangedLineItems) out.push(`  (${p.unchangedLineItems} line item${p.unchangedLineItems === 1 ? '' : 's'} unchanged)`);
  }
  if (d.notes.length) {
    out.push('');
    out.push('Notes:');
    for (const n of d.notes) out.push(`  - ${n}`);
  }
  return out.join('\n') + '\n';
}

function diffCsv(d: ScenarioDiff): string {
  const rows: string[][] = [['platform', 'lineItem', 'category', 'change', 'beforeQuantity', 'afterQuantity', 'unit', 'beforeUnitPrice', 'afterUnitPrice', 'beforeTotal', 'afterTotal', 'delta', 'currency']];
  for (const p of d.platforms) {
    for (const li of p.lineItems) {
      rows.push([
        p.name,
        li.name,
        li.category,
        li.change,
        li.before?.quantity.toString() ?? '',
        li.after?.quantity.toString() ?? '',
        (li.after ?? li.before)!.unit,
        li.before?.unitPrice.toString() ?? '',
        li.after?.unitPrice.toString() ?? '',
        li.before?.total.toString() ?? '',
        li.after?.total.toString() ?? '',
        li.delta.toString(),
        d.currency[1],
      ]);
    }
    rows.push([p.name, 'TCO', '', p.change, '', '', '', '', '', p.before?.tco.toString() ?? '', p.after?.tco.toString() ?? '', p.tcoDelta.toString(), d.currency[1]]);
  }
  return csv(rows);
}

function diffMarkdown(d: ScenarioDiff, locale: string | undefined): string {
  const f = diffMoney(d, locale);
  const out: string[] = [`## ${mdCell(d.labels[0])} -> ${mdCell(d.labels[1])}`, ''];
  if (d.inputs.length) {
    out.push(mdTable([['input', 'change', 'before', 'after'], ...d.inputs.map((c) => [`\`${c.path}\``, c.change, c.before === undefined ? '' : shown(c.before), c.after === undefined ? '' : shown(c.after)])]));
  } else out.push('No input changed.');
  for (const p of d.platforms) {
    out.push('', `### ${mdCell(platformLine(d, p, f))}`);
    if (p.lineItems.length) out.push('', mdTable(itemRows(p, f)));
  }
  for (const n of d.notes) out.push('', `- ${mdCell(n)}`);
  return out.join('\n') + '\n';
}

/**
 * Renders a scenario diff: `table` and `md` list the changed inputs and each platform's changed
 * line items with totals (money in its currency for `options.locale`, default en-US); `csv` has one
 * exact row per changed line item plus a TCO row per platform.
 *
 * @example
 * formatDiff(diffScenarios(before, after), 'csv').split('\n')[0] //=> 'platform,lineItem,category,change,...'
 */
export function formatDiff(d: ScenarioDiff, format: ReportFormat, options: ReportOptions = {}): string {
  switch (format) {
    case 'json':
      return json(d);
    case 'csv':
      return diffCsv(d);
    case 'md':
      return diffMarkdown(d, options.locale);
    case 'table':
      return diffTable(d, options.locale);
  }
}
