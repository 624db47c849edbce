/**
 * An evaluation as an Excel workbook whose totals are live formulas: the Summary sums the Line
 * items, and each line item multiplies a quantity by a unit price that reads the Inputs sheet, so
 * changing a price in Inputs moves every total that depends on it. Every formula cell also carries
 * the value kernelcount computed (exact decimals, written as numbers), so viewers that do not
 * recalculate still show the right figures.
 *
 * This module is its own entry point (`kernelcount/xlsx`) so that code importing only `evaluate`
 * never loads exceljs.
 */
import ExcelJS from 'exceljs';
import { assumptionText, describeAssumption } from '../catalog/describe.js';
import { CATEGORIES } from '../cost/lineItems.js';
import { evaluate, type EvaluateOptions, type Evaluation, type LineItem, type PlatformResult } from '../evaluate.js';
import { HOURS_PER_YEAR } from '../licensing/metrics.js';
import { money, type Money } from '../money.js';
import type { Scenario } from '../scenario/types.js';
import { parseScenarioWithCatalog } from '../scenario/validate.js';
import { version } from '../version.js';

/** The workbook's sheets, in tab order. */
export const XLSX_SHEETS = ['Inputs', 'Line items', 'Summary', 'Assumptions'] as const;
export type XlsxSheetName = (typeof XLSX_SHEETS)[number];

export interface XlsxOptions extends EvaluateOptions {}

/** The workbook (an exceljs Workbook, to change or write yourself) and the evaluation it shows. */
export interface ScenarioWorkbook {
  workbook: ExcelJS.Workbook;
  evaluation: Evaluation;
}

/* ------------------------------------------------------------------------------------------
 * Formulas as small expression trees: rendered to Excel text and evaluated with the package's
 * decimals. A line item gets a formula only when the tree gives exactly the figure evaluate()
 * computed; otherwise the cell holds that figure as a plain number.
 * ---------------------------------------------------------------------------------------- */

type Expr =
  | { kind: 'num'; value: Money }
  | { kind: 'ref'; address: string; value: Money }
  | { kind: 'neg'; arg: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr }
  | { kind: 'min'; args: Expr[] };

const lit = (v: Money | number): Expr => ({ kind: 'num', value: money(v) });
const bin = (op: '+' | '-' | '*' | '/', left: Expr, right: Expr): Expr => ({ kind: 'bin', op, left, right });

function valueOf(e: Expr): Money {
  switch (e.kind) {
    case 'num':
    case 'ref':
      return e.value;
    case 'neg':
      return valueOf(e.arg).negated();
    case 'min':
      return e.args.map(valueOf).reduce((a, b) => (b.lt(a) ? b : a));
    case 'bin': {
      const a = valueOf(e.left);
      const b = valueOf(e.right);
      return e.op === '+' ? a.plus(b) : e.op === '-' ? a.minus(b) : e.op === '*' ? a.times(b) : a.div(b);
    }
  }
}

const PRECEDENCE = { '+': 1, '-': 1, '*': 2, '/': 2 } as const;

/** Excel text of an expression; a right operand of equal precedence keeps its brackets so Excel computes in the same order. */
function render(e: Expr, context = 0): string {
  switch (e.kind) {
    case 'num':
      return e.value.isNeg() ? `(${e.value.toString()})` : e.value.toString();
    case 'ref':
      return e.address;
    case 'neg':
      return `-${render(e.arg, 3)}`;
    case 'min':
      return `MIN(${e.args.map((a) => render(a)).join(',')})`;
    case 'bin': {
      const p = PRECEDENCE[e.op];
      const text = `${render(e.left, p)}${e.op}${render(e.right, p + 1)}`;
      return p < context ? `(${text})` : text;
    }
  }
}

/** Cells of the Inputs sheet that formulas may read, by key; records which line items read each. */
class InputCells {
  private readonly cells = new Map<string, { address: string; value: Money; users: Set<string> }>();
  add(key: string, address: string, value: Money): void {
    this.cells.set(key, { address, value, users: new Set() });
  }
  has(key: string): boolean {
    return this.cells.has(key);
  }
  /** A reference to the cell, or null when the Inputs sheet has no such cell. */
  ref(key: string): Expr | null {
    const c = this.cells.get(key);
    return c ? { kind: 'ref', address: c.address, value: c.value } : null;
  }
  use(e: Expr, user: string): void {
    if (e.kind === 'ref') for (const c of this.cells.values()) if (c.address === e.address) c.users.add(user);
    if (e.kind === 'neg') this.use(e.arg, user);
    if (e.kind === 'min') for (const a of e.args) this.use(a, user);
    if (e.kind === 'bin') {
      this.use(e.left, user);
      this.use(e.right, user);
    }
  }
  users(key: string): string[] {
    return [...(this.cells.get(key)?.users ?? [])];
  }
}

/** Each candidate is built lazily (it may need cells that do not exist); the first that reproduces `target` exactly wins. */
function firstExact(target: Money, candidates: Array<() => Expr | null>): Expr | null {
  for (const make of candidates) {
    const e = make();
    if (e && valueOf(e).eq(target)) return e;
  }
  return null;
}

/** A positive whole number n with price / n = per (the "units per price" of a licence), or null. */
function unitsPerPrice(price: Money, per: Money): number | null {
  if (price.isZero() || per.isZero()) return null;
  const n = price.div(per);
  return n.isInteger() && n.gt(0) && n.lte(1e6) ? n.toNumber() : null;
}

const hostKey = (host: string, field: string) => `host\u0000${host}\u0000${field}`;
const catKey = (id: string) => `catalog\u0000${id}`;
const flatKey = (workload: string, index: number) => `licence\u0000${workload}\u0000${index}`;

interface LineContext {
  platform: PlatformResult;
  inputs: InputCells;
  scenario: Scenario;
  /** Address of the previous line item's yearly cost cell (a vendor credit is capped by the line it credits). */
  previousAnnual: { address: string; value: Money } | null;
}

/** Candidate formulas for a line item's quantity and unit price, mirroring how the cost components compute them. */
function lineFormulas(li: LineItem, ctx: LineContext): { quantity: Expr | null; unitPrice: Expr | null } {
  const { platform: p, inputs } = ctx;
  const h = p.host;
  const r = (key: string) => inputs.ref(key);
  const hosts = lit(p.hosts);
  switch (li.component) {
    case 'hardware':
    case 'hardware-support': {
      const price = r(hostKey(h, 'price'));
      const years = r(catKey('hardware.amortizationYears'));
      const pct = r(catKey('hardware.supportPercentPerYear'));
      return {
        quantity: firstExact(li.quantity, [() => hosts]),
        unitPrice: firstExact(li.unitPrice, [
          () => (li.component === 'hardware' && price && years ? bin('/', price, years) : null),
          () => (li.component === 'hardware-support' && price && pct ? bin('/', bin('*', price, pct), lit(100)) : null),
        ]),
      };
    }
    case 'power': {
      const [idle, max, load, pue, kwh] = [r(hostKey(h, 'powerIdleW')), r(hostKey(h, 'powerMaxW')), r(catKey('power.averageLoad')), r(catKey('power.pue')), r(catKey('power.pricePerKWh'))];
      return {
        // hosts x (idle + (max - idle) x load) W x 8760 h x PUE / 1000, in the order the power component multiplies.
        quantity: firstExact(li.quantity, [
          () => (idle && max && load && pue ? bin('*', bin('/', bin('*', bin('*', bin('+', idle, bin('*', bin('-', max, idle), load)), lit(HOURS_PER_YEAR)), pue), lit(1000)), hosts) : null),
        ]),
        unitPrice: firstExact(li.unitPrice, [() => kwh]),
      };
    }
    case 'colocation': {
      const max = r(hostKey(h, 'powerMaxW'));
      return {
        quantity: firstExact(li.quantity, [() => (max ? bin('*', bin('*', bin('/', max, lit(1000)), hosts), lit(12)) : null)]),
        unitPrice: firstExact(li.unitPrice, [() => r(catKey('facilities.colocationPerKWMonth'))]),
      };
    }
    case 'labour-hosts':
    case 'labour-os': {
      const per = r(catKey(li.component === 'labour-hosts' ? 'labour.physicalServersPerAdmin' : 'labour.osInstancesPerAdmin'));
      const count = li.component === 'labour-hosts' ? hosts : lit(p.vms);
      return {
        quantity: firstExact(li.quantity, [() => (per ? bin('/', count, per) : null)]),
        unitPrice: firstExact(li.unitPrice, [() => r(catKey('labour.costPerAdminYear'))]),
      };
    }
    case 'instance-licence': {
      const candidates: Array<() => Expr | null> = [];
      for (const w of ctx.scenario.workloads) {
        w.licences.forEach((l, i) => {
          if (l.kind === 'flat' && li.name === `Licence (${l.name}, per instance)`) candidates.push(() => r(flatKey(w.name, i)));
        });
      }
      return { quantity: null, unitPrice: firstExact(li.unitPrice, candidates) };
    }
    default:
      return { quantity: null, unitPrice: licencePrice(li, ctx) };
  }
}

/**
 * Licence and subscription unit prices from the catalog price they cite (`sources[0]`): a perpetual
 * licence spread over the amortization years, its yearly assurance fee, a subscription per unit
 * (or per month x 12), or a monthly credit capped by the line it credits.
 */
function licencePrice(li: LineItem, ctx: LineContext): Expr | null {
  const [first, second] = li.sources;
  if (!first) return null;
  const price = ctx.inputs.ref(catKey(first));
  if (!price) return null;
  const other = second ? ctx.inputs.ref(catKey(second)) : null;
  const P = price.kind === 'ref' ? price.value : money(0);
  const candidates: Array<() => Expr | null> = [
    () => {
      // perpetual: price / units per price / years
      if (second !== 'hardware.amortizationYears' || !other) return null;
      const n = unitsPerPrice(P, li.unitPrice.times(valueOf(other)));
      return n === null ? null : bin('/', bin('/', price, lit(n)), other);
    },
    () => {
      // assurance: price / units per price x percent / 100
      if (!other || second === 'hardware.amortizationYears') return null;
      const pct = valueOf(other);
      if (pct.isZero()) return null;
      const n = unitsPerPrice(P.times(pct).div(100), li.unitPrice);
      return n === null ? null : bin('/', bin('*', bin('/', price, lit(n)), other), lit(100));
    },
    () => {
      const n = second ? null : unitsPerPrice(P, li.unitPrice);
      return n === null ? null : bin('/', price, lit(n));
    },
    () => {
      const n = second ? null : unitsPerPrice(P.times(12), li.unitPrice);
      return n === null ? null : bin('*', bin('/', price, lit(n)), lit(12));
    },
    () => {
      // credit: -min(12 x monthly credit, the credited line's yearly cost)
      const prev = ctx.previousAnnual;
      if (second || !li.unitPrice.isNeg() || !prev) return null;
      return { kind: 'neg', arg: { kind: 'min', args: [bin('*', price, lit(12)), { kind: 'ref', address: prev.address, value: prev.value }] } };
    },
  ];
  return firstExact(li.unitPrice, candidates);
}

/* ------------------------------------------------------------------------------------------
 * Cell helpers
 * ---------------------------------------------------------------------------------------- */

/** Column letters of a 1-based column number. */
function col(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** A sheet-qualified absolute address: `'Line items'!$H$5`. */
function abs(sheet: XlsxSheetName, column: number, row: number): string {
  const name = /^[A-Za-z]+$/.test(sheet) ? sheet : `'${sheet}'`;
  return `${name}!$${col(column)}$${row}`;
}

function num(m: Money): number {
  return m.toNumber();
}

/** Number formats of money in the scenario's currency: its symbol and its usual number of decimals. */
function currencyFormats(code: string): { money: string; price: string; whole: string } {
  let symbol = code;
  let decimals = 2;
  try {
    const f = new Intl.NumberFormat('en', { style: 'currency', currency: code });
    symbol = f.formatToParts(0).find((x) => x.type === 'currency')?.value ?? code;
    decimals = f.resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // An unknown but well-formed code: show the code itself with 2 decimals.
  }
  const q = `"${symbol.replace(/"/g, '')}${/^[A-Z]{2,}$/.test(symbol) ? ' ' : ''}"`;
  const fmt = (n: string) => `${q}${n};-${q}${n}`;
  return {
    money: fmt(`#,##0${decimals > 0 ? '.' + '0'.repeat(decimals) : ''}`),
    price: fmt(`#,##0.${'0'.repeat(Math.max(decimals, 2))}##`),
    whole: fmt('#,##0'),
  };
}

const INTEGER = '#,##0';
const QUANTITY = '#,##0.00##';
const PERCENT = '0.0%';
const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const INPUT_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0000FF' } };

function formulaCell(cell: ExcelJS.Cell, formula: string, result: Money | number): void {
  cell.value = { formula, result: typeof result === 'number' ? result : num(result) };
}

function header(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'bottom', wrapText: true };
}

function isNumeric(v: unknown): v is number | string {
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v);
}

const ROUNDING_NOTE = 'Figures are exact decimals written as spreadsheet numbers; formulas recompute them in floating point, equal to the cent.';

/* ------------------------------------------------------------------------------------------
 * Sheets
 * ---------------------------------------------------------------------------------------- */

/** Inputs: scenario settings, the prices and rates line items read (live), hosts, workloads, per-instance licence prices. */
function inputsSheet(ws: ExcelJS.Worksheet, e: Evaluation, scenario: Scenario, inputs: InputCells, fmt: ReturnType<typeof currencyFormats>): { usedBy: Array<{ cell: ExcelJS.Cell; key: string }> } {
  const usedBy: Array<{ cell: ExcelJS.Cell; key: string }> = [];
  const live = (cell: ExcelJS.Cell) => {
    cell.fill = INPUT_FILL;
    cell.font = INPUT_FONT;
  };
  ws.columns = [{ width: 34 }, { width: 44 }, { width: 14 }, { width: 16 }, { width: 14 }, { width: 12 }, { width: 14 }, { width: 14 }, { width: 14 }, { width: 40 }];
  ws.addRow([`Inputs: ${e.scenario.name}`]).font = { bold: true, size: 14 };
  const legend = ws.addRow(['Cells like this one feed the Line items and Summary formulas: change them and the totals follow.']);
  live(legend.getCell(1));
  ws.addRow([
    'Other inputs decided the sizing (hosts, VMs, licence options chosen); change those in the scenario and run kernelcount again.',
  ]);
  ws.addRow([]);

  header(ws.addRow(['Scenario']));
  ws.addRow(['name', e.scenario.name]);
  if (e.scenario.description) ws.addRow(['description', e.scenario.description]);
  ws.addRow(['currency', e.scenario.currency]);
  ws.addRow(['horizon (years)', e.scenario.horizonYears]);
  ws.addRow(['baseline', e.scenario.baseline]);
  ws.addRow(['evaluated by', `kernelcount ${version}`]);
  ws.addRow([]);

  // Prices and rates: every numeric catalog figure a line item cites, plus the ones the cost components always read.
  const cited = new Set<string>(['hardware.amortizationYears', 'hardware.supportPercentPerYear', 'power.pricePerKWh', 'power.pue', 'power.averageLoad', 'facilities.colocationPerKWMonth', 'labour.costPerAdminYear', 'labour.physicalServersPerAdmin', 'labour.osInstancesPerAdmin', 'carbon.gridIntensity']);
  for (const p of e.platforms) for (const li of p.lineItems) for (const id of li.sources) cited.add(id);
  // Host defaults (power) show in the Hosts table, where the formulas read them.
  const rates = e.assumptions.filter((a) => cited.has(a.id) && !a.id.startsWith('host.') && isNumeric(a.value));
  header(ws.addRow(['Prices and rates', 'what', 'value', 'unit', 'trust', '', '', '', '', 'read by']));
  for (const a of rates) {
    const unit = a.unit.replace(/^currency/, e.scenario.currency);
    const row = ws.addRow([a.id, assumptionText(a).label, num(money(a.value as string | number)), unit, a.overridden ? 'user' : a.trust]);
    const cell = row.getCell(3);
    live(cell);
    if (a.unit.startsWith('currency')) cell.numFmt = fmt.price;
    inputs.add(catKey(a.id), abs('Inputs', 3, row.number), money(a.value as string | number));
    usedBy.push({ cell: row.getCell(10), key: catKey(a.id) });
  }
  ws.addRow([]);

  header(ws.addRow(['Hosts', 'sockets x cores per socket', 'threads per core', 'memory (GiB)', 'disk (GiB)', 'price', 'power idle (W)', 'power max (W)', 'catalog defaults used', 'read by']));
  for (const h of scenario.hosts) {
    const row = ws.addRow([h.name, `${h.sockets} x ${h.coresPerSocket}`, h.threadsPerCore, h.memoryMiB / 1024, h.diskMiB / 1024, num(h.price), h.powerIdleW, h.powerMaxW, h.defaults.join(', ')]);
    row.getCell(4).numFmt = QUANTITY;
    row.getCell(5).numFmt = QUANTITY;
    row.getCell(6).numFmt = fmt.money;
    for (const [c, field, value] of [
      [6, 'price', h.price],
      [7, 'powerIdleW', money(h.powerIdleW)],
      [8, 'powerMaxW', money(h.powerMaxW)],
    ] as const) {
      live(row.getCell(c));
      inputs.add(hostKey(h.name, field), abs('Inputs', c, row.number), value);
    }
    usedBy.push({ cell: row.getCell(10), key: hostKey(h.name, 'price') }, { cell: row.getCell(10), key: hostKey(h.name, 'powerIdleW') }, { cell: row.getCell(10), key: hostKey(h.name, 'powerMaxW') });
  }
  ws.addRow([]);

  header(ws.addRow(['Workloads', 'instances', 'OS', 'vCPUs', 'memory (GiB)', 'storage (GiB)', 'image (MiB)', 'own kernel']));
  for (const w of scenario.workloads) {
    const row = ws.addRow([w.name, w.instances, w.os, w.cpuMillicores / 1000, w.memoryMiB / 1024, w.storageMiB / 1024, w.imageMiB, w.needsOwnKernel ? 'yes' : 'no']);
    row.getCell(2).numFmt = INTEGER;
    for (const c of [4, 5, 6]) row.getCell(c).numFmt = QUANTITY;
  }
  const flat = scenario.workloads.flatMap((w) => w.licences.map((l, i) => ({ w, l, i })).filter((x) => x.l.kind === 'flat'));
  if (flat.length) {
    ws.addRow([]);
    header(ws.addRow(['Per-instance licences', 'licence', 'price per instance-year', '', '', '', '', '', '', 'read by']));
    for (const { w, l, i } of flat) {
      if (l.kind !== 'flat') continue;
      const row = ws.addRow([w.name, l.name, num(l.pricePerInstanceYear)]);
      live(row.getCell(3));
      row.getCell(3).numFmt = fmt.price;
      inputs.add(flatKey(w.name, i), abs('Inputs', 3, row.number), l.pricePerInstanceYear);
      usedBy.push({ cell: row.getCell(10), key: flatKey(w.name, i) });
    }
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return { usedBy };
}

interface PlatformRows {
  platform: PlatformResult;
  first: number;
  last: number;
}

const LI = { platform: 1, category: 2, component: 3, name: 4, quantity: 5, unit: 6, unitPrice: 7, annual: 8, firstYear: 9 } as const;

/** Line items: one row per line item, grouped by platform; per year = quantity x unit price, total = sum of the years. */
function lineItemsSheet(ws: ExcelJS.Worksheet, e: Evaluation, scenario: Scenario, inputs: InputCells, fmt: ReturnType<typeof currencyFormats>): { rows: PlatformRows[]; totalCol: number; yearCol: (y: number) => number } {
  const years = e.scenario.horizonYears;
  const yearCol = (y: number) => LI.firstYear + y;
  const totalCol = LI.firstYear + years;
  header(
    ws.addRow([
      'platform',
      'category',
      'component',
      'line item',
      'quantity',
      'unit',
      `unit price (${e.scenario.currency})`,
      `per year (${e.scenario.currency})`,
      ...Array.from({ length: years }, (_, y) => `year ${y + 1}`),
      `total (${e.scenario.currency})`,
      'how the quantity was counted',
      'catalog figures used',
    ]),
  );
  ws.columns = [
    { width: 18 },
    { width: 13 },
    { width: 16 },
    { width: 60 },
    { width: 12 },
    { width: 16 },
    { width: 14 },
    { width: 14 },
    ...Array.from({ length: years }, () => ({ width: 13 })),
    { width: 15 },
    { width: 70 },
    { width: 50 },
  ];
  const rows: PlatformRows[] = [];
  for (const p of e.platforms) {
    const first = ws.rowCount + 1;
    let previousAnnual: LineContext['previousAnnual'] = null;
    for (const li of p.lineItems) {
      const row = ws.addRow([p.name, li.category, li.component, li.name, null, li.unit, null, null, ...li.yearly.map(() => null), null, li.formula, li.sources.join(', ')]);
      const r = row.number;
      const f = lineFormulas(li, { platform: p, inputs, scenario, previousAnnual });
      const user = li.component;
      const qCell = row.getCell(LI.quantity);
      if (f.quantity && f.quantity.kind !== 'num') {
        inputs.use(f.quantity, user);
        formulaCell(qCell, render(f.quantity), li.quantity);
      } else qCell.value = num(li.quantity);
      qCell.numFmt = li.quantity.isInteger() ? INTEGER : QUANTITY;
      const pCell = row.getCell(LI.unitPrice);
      if (f.unitPrice) {
        inputs.use(f.unitPrice, user);
        formulaCell(pCell, render(f.unitPrice), li.unitPrice);
      } else pCell.value = num(li.unitPrice);
      pCell.numFmt = fmt.price;
      const annual = row.getCell(LI.annual);
      formulaCell(annual, `${col(LI.quantity)}${r}*${col(LI.unitPrice)}${r}`, li.annualCost);
      annual.numFmt = fmt.money;
      li.yearly.forEach((y, i) => {
        const c = row.getCell(yearCol(i));
        // Each year repeats the yearly cost unless the model priced that year differently.
        if (y.eq(li.annualCost)) formulaCell(c, `$${col(LI.annual)}${r}`, y);
        else c.value = num(y);
        c.numFmt = fmt.money;
      });
      const total = row.getCell(totalCol);
      formulaCell(total, `SUM(${col(yearCol(0))}${r}:${col(yearCol(years - 1))}${r})`, li.total);
      total.numFmt = fmt.money;
      previousAnnual = { address: `${col(LI.annual)}${r}`, value: li.annualCost };
    }
    rows.push({ platform: p, first, last: ws.rowCount });
  }
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: totalCol + 2 } };
  return { rows, totalCol, yearCol };
}

/** Summary: per platform the hosts, TCO and yearly cost as sums of its line items, the difference from the baseline, and cost by category. */
function summarySheet(ws: ExcelJS.Worksheet, e: Evaluation, li: ReturnType<typeof lineItemsSheet>, fmt: ReturnType<typeof currencyFormats>, inputs: InputCells): void {
  const years = e.scenario.horizonYears;
  const range = (column: number, r: PlatformRows) => `${abs('Line items', column, r.first)}:$${col(column)}$${r.last}`;
  ws.addRow([`Summary: ${e.scenario.name}`]).font = { bold: true, size: 14 };
  ws.addRow([`${e.scenario.currency}, ${years} years, baseline ${e.scenario.baseline}. Totals are formulas over the Line items sheet, which reads its prices from Inputs.`]);
  ws.addRow([]);
  const C = { hosts: 4, load: 5, spare: 6, vms: 7, instances: 8, binding: 9, tco: 10, firstYear: 11 } as const;
  const perMonthCol = C.firstYear + years;
  const deltaCol = perMonthCol + 1;
  const pctCol = perMonthCol + 2;
  header(
    ws.addRow([
      'platform',
      'type',
      'host',
      'hosts',
      'load hosts',
      'spare hosts',
      'VMs',
      'instances',
      'binds on',
      `TCO ${years} years`,
      ...Array.from({ length: years }, (_, y) => `year ${y + 1}`),
      'per instance-month',
      'vs baseline',
      'vs baseline %',
    ]),
  );
  const firstRow = ws.rowCount + 1;
  const baseIndex = Math.max(0, e.platforms.findIndex((p) => p.name === e.scenario.baseline));
  const baseRow = firstRow + baseIndex;
  const base = e.platforms[baseIndex]!;
  li.rows.forEach((r) => {
    const p = r.platform;
    const row = ws.addRow([p.name, p.type, p.host, p.hosts, p.loadHosts, p.spareHosts, p.vms, p.instances, p.binding]);
    const n = row.number;
    for (const c of [C.hosts, C.load, C.spare, C.vms, C.instances]) row.getCell(c).numFmt = INTEGER;
    const tco = row.getCell(C.tco);
    formulaCell(tco, `SUM(${range(li.totalCol, r)})`, p.tco);
    tco.numFmt = fmt.money;
    tco.font = { bold: true };
    p.yearlyCost.forEach((y, i) => {
      const c = row.getCell(C.firstYear + i);
      formulaCell(c, `SUM(${range(li.yearCol(i), r)})`, y);
      c.numFmt = fmt.money;
    });
    const perMonth = row.getCell(perMonthCol);
    if (p.instances > 0) formulaCell(perMonth, `${col(C.tco)}${n}/(${col(C.instances)}${n}*${years}*12)`, p.costPerInstanceMonth);
    else perMonth.value = 0;
    perMonth.numFmt = fmt.price;
    const cmp = e.comparisons.find((c) => c.platform === p.name);
    if (!cmp) {
      row.getCell(deltaCol).value = 'baseline';
      row.getCell(pctCol).value = 'baseline';
      return;
    }
    const delta = row.getCell(deltaCol);
    formulaCell(delta, `${col(C.tco)}${n}-$${col(C.tco)}$${baseRow}`, cmp.tcoDelta);
    delta.numFmt = fmt.money;
    const pct = row.getCell(pctCol);
    if (base.tco.isZero()) pct.value = 'n/a';
    else {
      formulaCell(pct, `(${col(C.tco)}${n}-$${col(C.tco)}$${baseRow})/$${col(C.tco)}$${baseRow}`, cmp.tcoDelta.div(base.tco));
      pct.numFmt = PERCENT;
    }
  });
  ws.addRow([]);

  header(ws.addRow([`Cost over ${years} years by category`, ...CATEGORIES, 'total']));
  li.rows.forEach((r) => {
    const p = r.platform;
    const row = ws.addRow([p.name]);
    CATEGORIES.forEach((c, i) => {
      const cell = row.getCell(2 + i);
      formulaCell(cell, `SUMIFS(${range(li.totalCol, r)},${range(LI.category, r)},"${c}")`, p.costByCategory[c]);
      cell.numFmt = fmt.money;
    });
    const total = row.getCell(2 + CATEGORIES.length);
    formulaCell(total, `SUM(B${row.number}:${col(1 + CATEGORIES.length)}${row.number})`, p.tco);
    total.numFmt = fmt.money;
    total.font = { bold: true };
  });
  ws.addRow([]);

  // Energy and carbon: kWh from the electricity lines (live), times the grid figure on Inputs.
  const grid = inputs.ref(catKey('carbon.gridIntensity'));
  header(ws.addRow(['Energy and carbon', 'kWh a year', 'grid gCO2e/kWh', 'kg CO2e a year', `t CO2e over ${years} years`, 't CO2e vs baseline']));
  const energyFirst = ws.rowCount + 1;
  li.rows.forEach((r) => {
    const p = r.platform;
    const row = ws.addRow([p.name]);
    const n = row.number;
    const kWh = row.getCell(2);
    formulaCell(kWh, `SUMIFS(${range(LI.quantity, r)},${range(LI.category, r)},"power")`, p.energy.kWhPerYear);
    kWh.numFmt = INTEGER;
    const g = row.getCell(3);
    if (grid) {
      inputs.use(grid, 'energy and carbon (Summary)');
      formulaCell(g, render(grid), p.energy.grid.gCO2ePerKWh);
    } else g.value = num(p.energy.grid.gCO2ePerKWh);
    const kg = row.getCell(4);
    formulaCell(kg, `B${n}*C${n}/1000`, p.energy.co2eKgPerYear);
    kg.numFmt = INTEGER;
    const t = row.getCell(5);
    formulaCell(t, `D${n}*${years}/1000`, p.energy.co2eKgOverHorizon.div(1000));
    t.numFmt = QUANTITY;
    const cmp = e.comparisons.find((c) => c.platform === p.name);
    const d = row.getCell(6);
    if (cmp) {
      formulaCell(d, `E${n}-$E$${energyFirst + baseIndex}`, cmp.co2eKgDelta.div(1000));
      d.numFmt = QUANTITY;
    } else d.value = 'baseline';
  });
  ws.addRow(['Only the electricity the hosts draw (PUE included) is counted, not the carbon embodied in making the hardware.']);
  ws.addRow([]);

  header(ws.addRow(['As evaluated by kernelcount (text; it does not follow changes to Inputs)']));
  ws.addRow([e.summary]);
  if (e.warnings.length) {
    header(ws.addRow(['Warnings']));
    for (const w of e.warnings) ws.addRow([w]);
  }
  if (e.notes.length) {
    header(ws.addRow(['Notes']));
    for (const n of e.notes) ws.addRow([n]);
  }
  ws.addRow([ROUNDING_NOTE]);
  ws.columns = [{ width: 24 }, { width: 18 }, { width: 20 }, ...Array.from({ length: pctCol - 3 }, () => ({ width: 13 }))];
  ws.views = [{ state: 'frozen', ySplit: 4, xSplit: 1 }];
}

/** Assumptions: every catalog default (or override) the evaluation used, with its source, date and trust. */
function assumptionsSheet(ws: ExcelJS.Worksheet, e: Evaluation): void {
  header(ws.addRow(['id', 'what', 'value', 'unit', 'version', 'source', 'link', 'as of', 'trust', 'overridden', 'flags', 'note']));
  ws.columns = [{ width: 36 }, { width: 44 }, { width: 14 }, { width: 18 }, { width: 10 }, { width: 60 }, { width: 40 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 12 }, { width: 50 }];
  for (const a of e.assumptions.map(describeAssumption)) {
    // Tables and objects go in as JSON text, cut to the 32,767 characters a cell holds.
    const value = isNumeric(a.value) ? num(money(a.value)) : typeof a.value === 'string' || typeof a.value === 'boolean' ? String(a.value) : JSON.stringify(a.value).slice(0, 32000);
    const row = ws.addRow([
      a.id,
      a.label,
      value,
      a.unit.replace(/^currency/, e.scenario.currency),
      a.version ?? '',
      a.source.title,
      a.source.url ? { text: a.source.url, hyperlink: a.source.url } : '',
      a.asOf,
      a.overridden ? 'user' : a.trust,
      a.overridden ? 'yes' : 'no',
      a.flags.join(', '),
      [a.note ?? '', a.alternatives?.length ? `other versions: ${a.alternatives.join(', ')}` : ''].filter(Boolean).join('; '),
    ]);
    if (a.source.url) row.getCell(7).font = { color: { argb: 'FF0563C1' }, underline: true };
  }
  ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 12 } };
}

/**
 * Evaluates a scenario and lays it out as a workbook with the sheets Inputs, Line items, Summary
 * and Assumptions. Summary totals are `SUM`/`SUMIFS` formulas over the Line items; each line
 * item's yearly cost is quantity x unit price, and unit prices (and the quantities that are a
 * plain function of a price book figure, such as kWh from PUE) read the Inputs sheet. Formulas
 * carry evaluate()'s figures as cached results. Throws KernelcountError for bad input, like
 * `evaluate`.
 *
 * @example
 * const { workbook, evaluation } = scenarioWorkbook({
 *   hosts: [{ name: 'r760', sockets: 2, coresPerSocket: 32, memoryGiB: 1024, diskGiB: 7680, price: 38000 }],
 *   workloads: [{ name: 'api', instances: 40, vcpus: 0.5, memoryGiB: 1 }],
 * });
 * workbook.worksheets.map((w) => w.name) //=> ['Inputs', 'Line items', 'Summary', 'Assumptions']
 * workbook.getWorksheet('Summary').getCell('J5').formula //=> "SUM('Line items'!$N$2:$N$8)" (the vm platform's TCO)
 */
export function scenarioWorkbook(input: unknown, options: XlsxOptions = {}): ScenarioWorkbook {
  const evaluation = evaluate(input, options);
  const { scenario } = parseScenarioWithCatalog(input, options);
  const fmt = currencyFormats(evaluation.scenario.currency);
  const wb = new ExcelJS.Workbook();
  wb.creator = `kernelcount ${version}`;
  wb.title = evaluation.scenario.name;
  wb.subject = 'kernelcount evaluation';
  // Ask Excel to recalculate on open, so a file edited by another tool still shows fresh totals.
  wb.calcProperties.fullCalcOnLoad = true;
  // Printed, each sheet fits the width of a landscape page.
  const pageSetup: Partial<ExcelJS.PageSetup> = { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const sheets = Object.fromEntries(XLSX_SHEETS.map((name) => [name, wb.addWorksheet(name, { pageSetup })])) as Record<XlsxSheetName, ExcelJS.Worksheet>;
  const inputs = new InputCells();
  const { usedBy } = inputsSheet(sheets.Inputs, evaluation, scenario, inputs, fmt);
  const li = lineItemsSheet(sheets['Line items'], evaluation, scenario, inputs, fmt);
  summarySheet(sheets.Summary, evaluation, li, fmt, inputs);
  assumptionsSheet(sheets.Assumptions, evaluation);
  // Which line items read each input, now that the formulas are written.
  const byCell = new Map<ExcelJS.Cell, Set<string>>();
  for (const { cell, key } of usedBy) {
    const set = byCell.get(cell) ?? new Set<string>();
    for (const u of inputs.users(key)) set.add(u);
    byCell.set(cell, set);
  }
  for (const [cell, users] of byCell) {
    cell.value = users.size ? [...users].join('; ') : 'no formula reads it (it decided the sizing or the option chosen)';
  }
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: XLSX_SHEETS.indexOf('Summary'), visibility: 'visible' }];
  return { workbook: wb, evaluation };
}

/**
 * The workbook of `scenarioWorkbook` as the bytes of an .xlsx file.
 *
 * @example
 * import { writeFile } from 'node:fs/promises';
 * await writeFile('scenario.xlsx', await scenarioXlsx(scenario));
 */
export async function scenarioXlsx(input: unknown, options: XlsxOptions = {}): Promise<Uint8Array> {
  const { workbook } = scenarioWorkbook(input, options);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
