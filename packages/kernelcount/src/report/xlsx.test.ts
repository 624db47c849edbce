import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { TODAY, baseScenario, exampleFiles, loadExample } from '../../test/helpers.js';
import { WorkbookCalculator, parseFormula, referencedCells } from '../../test/xlsxFormulas.js';
import { type CatalogId } from '../catalog/defaults.js';
import { CATALOG } from '../catalog/catalog.js';
import { assumptionText } from '../catalog/describe.js';
import { isKernelcountError } from '../errors.js';
import { evaluate, type Evaluation } from '../evaluate.js';
import { Money } from '../money.js';
import { LICENCE_PRICE_IDS, PRICE_ALIASES } from '../scenario/validate.js';
import { XLSX_SHEETS, scenarioWorkbook, scenarioXlsx } from './xlsx.js';

type Scenario = Record<string, unknown>;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Every non-empty cell of a sheet as [address, cell]. */
function cells(ws: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const out: ExcelJS.Cell[] = [];
  ws.eachRow((row) => row.eachCell((c) => out.push(c)));
  return out;
}

/** Column number of a header cell in `row` whose text is `text`. */
function column(ws: ExcelJS.Worksheet, row: number, text: string): number {
  let found = 0;
  ws.getRow(row).eachCell((c, n) => {
    if (c.value === text) found = n;
  });
  if (!found) throw new Error(`no header ${JSON.stringify(text)} in ${ws.name} row ${row}`);
  return found;
}

/** Row number of the first row whose column A reads `text` (after row `from`). */
function rowOf(ws: ExcelJS.Worksheet, text: string, from = 0): number {
  for (let r = from + 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === text) return r;
  throw new Error(`no row ${JSON.stringify(text)} in ${ws.name}`);
}

const cents = (m: Money) => m.toDecimalPlaces(2, Money.ROUND_HALF_UP).toFixed(2);

/** The summary of a workbook, recomputed from its formulas: per platform TCO, yearly cost, delta and cost by category. */
function recomputedSummary(wb: ExcelJS.Workbook, calc: WorkbookCalculator, e: Evaluation) {
  const ws = sheet(wb, 'Summary');
  const head = rowOf(ws, 'platform');
  const tcoCol = column(ws, head, `TCO ${e.scenario.horizonYears} years`);
  const catHead = rowOf(ws, `Cost over ${e.scenario.horizonYears} years by category`);
  return e.platforms.map((p) => {
    const r = rowOf(ws, p.name, head);
    const c = rowOf(ws, p.name, catHead);
    return {
      name: p.name,
      tco: calc.money('Summary', ws.getCell(r, tcoCol).address),
      years: p.yearlyCost.map((_, y) => calc.money('Summary', ws.getCell(r, column(ws, head, `year ${y + 1}`)).address)),
      byCategory: Object.fromEntries(
        Object.keys(p.costByCategory).map((cat) => [cat, calc.money('Summary', ws.getCell(c, column(ws, catHead, cat)).address)]),
      ),
      categoryTotal: calc.money('Summary', ws.getCell(c, column(ws, catHead, 'total')).address),
    };
  });
}

function expectSummaryMatches(wb: ExcelJS.Workbook, calc: WorkbookCalculator, e: Evaluation): void {
  for (const s of recomputedSummary(wb, calc, e)) {
    const p = e.platforms.find((x) => x.name === s.name)!;
    expect(cents(s.tco), `${s.name} TCO`).toBe(cents(p.tco));
    expect(cents(s.categoryTotal), `${s.name} category total`).toBe(cents(p.tco));
    expect(s.years.map(cents), `${s.name} yearly`).toEqual(p.yearlyCost.map(cents));
    for (const [cat, v] of Object.entries(s.byCategory)) expect(cents(v), `${s.name} ${cat}`).toBe(cents(p.costByCategory[cat as keyof typeof p.costByCategory]));
  }
}

/** A scenario with one catalog figure replaced, whichever way the scenario set it before. */
function withCatalogValue(input: Scenario, id: string, value: string | number): Scenario {
  const prices = { ...((input.prices as Record<string, unknown> | undefined) ?? {}) };
  for (const [alias, target] of Object.entries(PRICE_ALIASES)) if (target === id) delete prices[alias];
  const licences = { ...((prices.licences as Record<string, unknown> | undefined) ?? {}) };
  for (const [product, target] of Object.entries(LICENCE_PRICE_IDS)) if (target === id) delete licences[product];
  prices.licences = licences;
  const versions = { ...((input.catalogVersions as Record<string, unknown> | undefined) ?? {}) };
  delete versions[id];
  return { ...input, prices, catalogVersions: versions, catalog: { ...((input.catalog as Record<string, unknown> | undefined) ?? {}), [id]: value } };
}

/** The Inputs cell holding a catalog figure (column "value" of "Prices and rates"). */
function inputCell(wb: ExcelJS.Workbook, id: string): string {
  const ws = sheet(wb, 'Inputs');
  const head = rowOf(ws, 'Prices and rates');
  return ws.getCell(rowOf(ws, id, head), column(ws, head, 'value')).address;
}

function hostPriceCell(wb: ExcelJS.Workbook, host: string): string {
  const ws = sheet(wb, 'Inputs');
  const head = rowOf(ws, 'Hosts');
  return ws.getCell(rowOf(ws, host, head), column(ws, head, 'price')).address;
}

const examples = exampleFiles().map((file) => ({ file, input: loadExample(file) as Scenario }));

describe('scenarioXlsx: the workbook as written and read back', () => {
  const books = new Map<string, { wb: ExcelJS.Workbook; e: Evaluation; bytes: Uint8Array }>();
  beforeAll(async () => {
    for (const { file, input } of examples) {
      const bytes = await scenarioXlsx(input, { today: TODAY });
      books.set(file, { wb: await load(bytes), e: evaluate(input, { today: TODAY }), bytes });
    }
  });

  it('is a zip (xlsx) with the sheets Inputs, Line items, Summary and Assumptions', () => {
    for (const { bytes, wb } of books.values()) {
      expect([...bytes.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['Inputs', 'Line items', 'Summary', 'Assumptions']);
      expect([...XLSX_SHEETS]).toEqual(['Inputs', 'Line items', 'Summary', 'Assumptions']);
    }
  });

  it('every formula reads cells that exist and hold something', () => {
    for (const [file, { wb }] of books) {
      let formulas = 0;
      for (const ws of wb.worksheets) {
        for (const c of cells(ws)) {
          if (!c.formula) continue;
          formulas++;
          const refs = referencedCells(c.formula, ws.name);
          expect(refs.length, `${file} ${ws.name}!${c.address} = ${c.formula}`).toBeGreaterThan(0);
          for (const r of refs) {
            const target = wb.getWorksheet(r.sheet);
            expect(target, `${file} ${ws.name}!${c.address} reads sheet ${r.sheet}`).toBeDefined();
            const v = target!.getCell(r.row, r.col);
            expect(v.value, `${file} ${ws.name}!${c.address} reads ${r.sheet}!${v.address}, which is empty`).not.toBeNull();
          }
        }
      }
      expect(formulas).toBeGreaterThan(50);
    }
  });

  it('Summary totals are formulas over the Line items, and recomputing them gives evaluate() to the cent', () => {
    for (const { wb, e } of books.values()) {
      const ws = sheet(wb, 'Summary');
      const head = rowOf(ws, 'platform');
      const tcoCol = column(ws, head, `TCO ${e.scenario.horizonYears} years`);
      for (const p of e.platforms) {
        const f = ws.getCell(rowOf(ws, p.name, head), tcoCol).formula;
        expect(f).toMatch(/^SUM\('Line items'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+\)$/);
      }
      expectSummaryMatches(wb, new WorkbookCalculator(wb), e);
    }
  });

  it('line items keep the package order, categories and totals exactly; cached results equal the recomputed ones', () => {
    for (const { wb, e } of books.values()) {
      const ws = sheet(wb, 'Line items');
      const calc = new WorkbookCalculator(wb);
      const totalCol = column(ws, 1, `total (${e.scenario.currency})`);
      const expected = e.platforms.flatMap((p) => p.lineItems.map((li) => ({ p: p.name, li })));
      expect(ws.rowCount).toBe(expected.length + 1);
      expected.forEach(({ p, li }, i) => {
        const r = i + 2;
        expect([ws.getCell(r, 1).value, ws.getCell(r, 2).value, ws.getCell(r, 3).value, ws.getCell(r, 4).value]).toEqual([p, li.category, li.component, li.name]);
        const total = calc.money('Line items', ws.getCell(r, totalCol).address);
        expect(total.eq(li.total), `${p} ${li.name}: ${total.toString()} vs ${li.total.toString()}`).toBe(true);
        expect(ws.getCell(r, totalCol).result).toBe(li.total.toNumber());
      });
      for (const sh of wb.worksheets) {
        for (const c of cells(sh)) {
          if (!c.formula) continue;
          const cached = c.result;
          expect(typeof cached, `${sh.name}!${c.address} has a cached result`).toBe('number');
          const fresh = calc.money(sh.name, c.address);
          expect(Math.abs(fresh.toNumber() - (cached as number)), `${sh.name}!${c.address}`).toBeLessThan(1e-6);
        }
      }
    }
  });

  it('every unit price and every non-count quantity reads the Inputs sheet', () => {
    for (const { wb } of books.values()) {
      const ws = sheet(wb, 'Line items');
      for (let r = 2; r <= ws.rowCount; r++) {
        const price = ws.getCell(r, column(ws, 1, 'unit price (USD)'));
        expect(price.formula, `${ws.getCell(r, 4).value} unit price`).toMatch(/Inputs!/);
        const q = ws.getCell(r, column(ws, 1, 'quantity'));
        if (!q.formula) expect(Number.isInteger(q.value), `${ws.getCell(r, 4).value} quantity ${String(q.value)}`).toBe(true);
      }
    }
  });

  it('money cells use the currency format, capacity counts whole numbers', () => {
    for (const { wb, e } of books.values()) {
      const ws = sheet(wb, 'Summary');
      const head = rowOf(ws, 'platform');
      const r = rowOf(ws, e.platforms[0]!.name, head);
      expect(ws.getCell(r, column(ws, head, `TCO ${e.scenario.horizonYears} years`)).numFmt).toBe('"$"#,##0.00;-"$"#,##0.00');
      for (const h of ['hosts', 'spare hosts', 'VMs', 'instances']) {
        const c = ws.getCell(r, column(ws, head, h));
        expect(c.numFmt).toBe('#,##0');
        expect(Number.isInteger(c.value)).toBe(true);
      }
    }
  });

  it('Assumptions lists every catalog figure used with its source, date and trust', () => {
    for (const { wb, e } of books.values()) {
      const ws = sheet(wb, 'Assumptions');
      expect(ws.rowCount).toBe(e.assumptions.length + 1);
      const [id, source, asOf, trust] = ['id', 'source', 'as of', 'trust'].map((h) => column(ws, 1, h));
      e.assumptions.forEach((a, i) => {
        expect([ws.getCell(i + 2, id!).value, ws.getCell(i + 2, source!).value, ws.getCell(i + 2, asOf!).value, ws.getCell(i + 2, trust!).value]).toEqual([
          a.id,
          assumptionText(a).source.title,
          a.asOf,
          a.overridden ? 'user' : a.trust,
        ]);
      });
    }
  });

  // Prices that change no sizing or licence choice: the workbook must follow them exactly.
  const linear: Array<{ id: string; arb: fc.Arbitrary<string> }> = [
    { id: 'power.pricePerKWh', arb: fc.integer({ min: 1, max: 9999 }).map((n) => (n / 10000).toString()) },
    { id: 'facilities.colocationPerKWMonth', arb: fc.integer({ min: 0, max: 100000 }).map((n) => (n / 100).toString()) },
    { id: 'labour.costPerAdminYear', arb: fc.integer({ min: 0, max: 500000 }).map(String) },
    { id: 'hardware.supportPercentPerYear', arb: fc.integer({ min: 1, max: 40 }).map(String) },
    { id: 'power.pue', arb: fc.integer({ min: 100, max: 300 }).map((n) => (n / 100).toString()) },
    { id: 'power.averageLoad', arb: fc.integer({ min: 0, max: 100 }).map((n) => (n / 100).toString()) },
    { id: 'labour.physicalServersPerAdmin', arb: fc.integer({ min: 1, max: 200 }).map(String) },
  ];
  for (const { id, arb } of linear) {
    it(`changing ${id} in Inputs moves the totals as evaluate() with that value does`, () => {
      for (const { file, input } of examples) {
        const { wb } = books.get(file)!;
        const calc = new WorkbookCalculator(wb);
        const address = inputCell(wb, id);
        fc.assert(
          fc.property(arb, (value) => {
            calc.set('Inputs', address, new Money(value).toNumber());
            const typed = withCatalogValue(input, id, typeof CATALOG[id as CatalogId].value === 'number' ? Number(value) : value);
            expectSummaryMatches(wb, calc, evaluate(typed, { today: TODAY }));
          }),
          { numRuns: 6, seed: 20261122 },
        );
      }
    });
  }

  it('Summary shows energy and carbon as formulas: kWh from the electricity lines, CO2e from the grid figure on Inputs', () => {
    for (const { file, input } of examples) {
      const { wb, e } = books.get(file)!;
      const calc = new WorkbookCalculator(wb);
      const ws = sheet(wb, 'Summary');
      const head = rowOf(ws, 'Energy and carbon');
      const read = (platform: string, header: string) => calc.money('Summary', ws.getCell(rowOf(ws, platform, head), column(ws, head, header)).address);
      const tonnes = (m: Money) => m.toDecimalPlaces(6).toString();
      for (const p of e.platforms) {
        expect(read(p.name, 'kWh a year').toDecimalPlaces(6).toString()).toBe(p.energy.kWhPerYear.toDecimalPlaces(6).toString());
        expect(tonnes(read(p.name, `t CO2e over ${e.scenario.horizonYears} years`))).toBe(tonnes(p.energy.co2eKgOverHorizon.div(1000)));
      }
      // A cleaner grid on Inputs: 56 g (France, 2023) instead of the world's 481.
      calc.set('Inputs', inputCell(wb, 'carbon.gridIntensity'), 56);
      const france = evaluate(withCatalogValue(input, 'carbon.gridIntensity', 56), { today: TODAY });
      for (const p of france.platforms) {
        expect(tonnes(read(p.name, `t CO2e over ${e.scenario.horizonYears} years`))).toBe(tonnes(p.energy.co2eKgOverHorizon.div(1000)));
        const cmp = france.comparisons.find((c) => c.platform === p.name);
        if (cmp) expect(tonnes(read(p.name, 't CO2e vs baseline'))).toBe(tonnes(cmp.co2eKgDelta.div(1000)));
      }
    }
  });

  it('changing a host price in Inputs moves hardware and support as evaluate() does', () => {
    for (const { file, input } of examples) {
      const { wb, e } = books.get(file)!;
      const host = e.platforms[0]!.host;
      const calc = new WorkbookCalculator(wb);
      const address = hostPriceCell(wb, host);
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 50_000_000 }), (cents100) => {
          const price = (cents100 / 100).toString();
          calc.set('Inputs', address, Number(price));
          const hosts = (input.hosts as Array<Record<string, unknown>>).map((h) => (h.name === host ? { ...h, price } : h));
          expectSummaryMatches(wb, calc, evaluate({ ...input, hosts }, { today: TODAY }));
        }),
        { numRuns: 6, seed: 7 },
      );
    }
  });

  it('licence prices and amortization years follow too, while the licence options chosen stay the same', () => {
    for (const { file, input } of examples) {
      const { wb, e } = books.get(file)!;
      const ids = e.assumptions.filter((a) => a.id.startsWith('licence.') && a.unit.startsWith('currency/')).map((a) => a.id);
      const chosen = (x: Evaluation) => JSON.stringify(x.platforms.map((p) => p.licensing.map((d) => d.hostGroups.map((g) => g.chosen.option + g.chosen.product))));
      let checked = 0;
      for (const id of [...ids, 'hardware.amortizationYears']) {
        const calc = new WorkbookCalculator(wb);
        const address = inputCell(wb, id);
        const base = Number(e.assumptions.find((a) => a.id === id)!.value);
        fc.assert(
          fc.property(fc.integer({ min: 50, max: 150 }), (percent) => {
            const value = id === 'hardware.amortizationYears' ? Math.max(1, Math.round((base * percent) / 100)) : new Money(base).times(percent).div(100).toNumber();
            const evaluated = evaluate(withCatalogValue(input, id, value), { today: TODAY });
            // The workbook keeps the options evaluate() chose; where a new price would flip one, only a new run can say.
            fc.pre(chosen(evaluated) === chosen(e));
            calc.set('Inputs', address, value);
            expectSummaryMatches(wb, calc, evaluated);
            checked++;
          }),
          { numRuns: 5, seed: 42 },
        );
      }
      expect(checked).toBeGreaterThan(0);
    }
  });
});

describe('scenarioWorkbook: other shapes of scenario', () => {
  it('prices a managed control plane with its monthly credit capped by the fee (MIN), and per-instance licences from Inputs', async () => {
    const input = {
      ...baseScenario(),
      workloads: [...(baseScenario().workloads as object[]), { name: 'crm', instances: 3, vcpus: 1, memoryGiB: 2, licences: [{ name: 'CRM seat', pricePerInstanceYear: '123.45' }] }],
      platforms: [{ type: 'containers', controlPlane: 'gke', reservation: 'gke' }],
    };
    const e = evaluate(input, { today: TODAY });
    const wb = await load(await scenarioXlsx(input, { today: TODAY }));
    const ws = sheet(wb, 'Line items');
    const names = e.platforms[0]!.lineItems.map((li) => li.name);
    const credit = names.findIndex((n) => /credit/.test(n));
    expect(credit).toBeGreaterThan(0);
    const priceCol = column(ws, 1, 'unit price (USD)');
    expect(ws.getCell(credit + 2, priceCol).formula).toMatch(/^-MIN\(Inputs!\$C\$\d+\*12,H\d+\)$/);
    const seat = names.findIndex((n) => n === 'Licence (CRM seat, per instance)');
    expect(ws.getCell(seat + 2, priceCol).formula).toMatch(/^Inputs!\$C\$\d+$/);
    const calc = new WorkbookCalculator(wb);
    expectSummaryMatches(wb, calc, e);
    // A dearer seat: the licence line and the totals follow.
    const inputs = sheet(wb, 'Inputs');
    const seatRow = rowOf(inputs, 'crm', rowOf(inputs, 'Per-instance licences'));
    calc.set('Inputs', inputs.getCell(seatRow, 3).address, 200);
    const dearer = { ...input, workloads: input.workloads.map((w) => ((w as { name: string }).name === 'crm' ? { ...w, licences: [{ name: 'CRM seat', pricePerInstanceYear: 200 }] } : w)) };
    expectSummaryMatches(wb, calc, evaluate(dearer, { today: TODAY }));
    // A pricier control plane hour: the fee grows and the credit, capped at 12 months, stays.
    const feeId = e.platforms[0]!.lineItems[credit - 1]!.sources[0]!;
    calc.set('Inputs', inputCell(wb, feeId), 0.25);
    expectSummaryMatches(wb, calc, evaluate(withCatalogValue(dearer, feeId, 0.25), { today: TODAY }));
  });

  it('formats money in the scenario currency with its usual decimals', async () => {
    for (const [currency, format] of [
      ['EUR', '"€"#,##0.00;-"€"#,##0.00'],
      ['JPY', '"¥"#,##0;-"¥"#,##0'],
      ['CHF', '"CHF "#,##0.00;-"CHF "#,##0.00'],
      ['XDR', '"XDR "#,##0.00;-"XDR "#,##0.00'], // a code Intl knows without a symbol
    ] as const) {
      const { workbook } = scenarioWorkbook({ ...baseScenario(), currency }, { today: TODAY });
      const ws = sheet(workbook, 'Line items');
      expect(ws.getCell(2, column(ws, 1, `total (${currency})`)).numFmt, currency).toBe(format);
    }
  });

  it('a horizon of one year and a zero-cost baseline still give formulas that check out', async () => {
    const input = {
      ...baseScenario(),
      horizonYears: 1,
      hosts: [{ ...(baseScenario().hosts as object[])[0], price: 0, powerIdleW: 0, powerMaxW: 0 }],
      platforms: [{ type: 'containers' }, { type: 'microvm' }],
      catalog: { 'labour.costPerAdminYear': 0 },
    };
    const e = evaluate(input, { today: TODAY });
    expect(e.platforms.map((p) => p.tco.toString())).toEqual(['0', '0']);
    const wb = await load(await scenarioXlsx(input, { today: TODAY }));
    expectSummaryMatches(wb, new WorkbookCalculator(wb), e);
    const ws = sheet(wb, 'Summary');
    const head = rowOf(ws, 'platform');
    expect(ws.getCell(rowOf(ws, 'microvm', head), column(ws, head, 'vs baseline %')).value).toBe('n/a');
    expect(ws.getCell(rowOf(ws, 'microvm', head), column(ws, head, 'vs baseline')).formula).toMatch(/^J\d+-\$J\$\d+$/);
  });

  it('host power left to catalog defaults is listed with the host, where the formulas read it', async () => {
    const input = { ...baseScenario(), hosts: [{ name: 'bare', sockets: 1, coresPerSocket: 16, memoryGiB: 128, diskGiB: 1000, price: 9000 }] };
    const { workbook } = scenarioWorkbook(input, { today: TODAY });
    const ws = sheet(workbook, 'Inputs');
    const head = rowOf(ws, 'Hosts');
    const row = rowOf(ws, 'bare', head);
    expect(ws.getCell(row, column(ws, head, 'catalog defaults used')).value).toMatch(/host\.powerIdleW/);
    expect(() => rowOf(ws, 'host.powerIdleW')).toThrow();
    const li = sheet(workbook, 'Line items');
    const power = rowOf(li, 'vm') + evaluate(input, { today: TODAY }).platforms[0]!.lineItems.findIndex((x) => x.component === 'power');
    expect(li.getCell(power, column(li, 1, 'quantity')).formula).toContain(`Inputs!$${ws.getCell(row, column(ws, head, 'power idle (W)')).address.replace(/(\d+)$/, '$$$1')}`);
  });

  it('throws the package error for a bad scenario, as evaluate does', () => {
    let caught: unknown;
    try {
      scenarioWorkbook({ hosts: [], workloads: [] });
    } catch (e) {
      caught = e;
    }
    expect(isKernelcountError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/hosts/);
  });
});

describe('the test evaluator itself', () => {
  it('computes the formula subset by hand-checked examples', () => {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('A');
    const b = wb.addWorksheet('Line items');
    a.getCell('A1').value = 2;
    a.getCell('A2').value = 3;
    a.getCell('A3').value = 'x';
    b.getCell('B1').value = 'hardware';
    b.getCell('B2').value = 'power';
    b.getCell('B3').value = 'HARDWARE';
    b.getCell('C1').value = 10;
    b.getCell('C2').value = 20;
    b.getCell('C3').value = 30;
    a.getCell('B1').value = { formula: "SUMIFS('Line items'!$C$1:$C$3,'Line items'!$B$1:$B$3,\"hardware\")" } as ExcelJS.CellFormulaValue;
    a.getCell('B2').value = { formula: 'A1-A2*(A1+1)/-A2' } as ExcelJS.CellFormulaValue; // 2 - 3 x 3 / -3 = 5
    a.getCell('B3').value = { formula: 'SUM(A1:A3)+MIN(A1,A2)' } as ExcelJS.CellFormulaValue; // 5 + 2 (text skipped)
    a.getCell('B4').value = { formula: '-MIN(A1*12,B3)' } as ExcelJS.CellFormulaValue; // -min(24, 7)
    const calc = new WorkbookCalculator(wb);
    expect(calc.money('A', 'B1').toString()).toBe('40');
    expect(calc.money('A', 'B2').toString()).toBe('5');
    expect(calc.money('A', 'B3').toString()).toBe('7');
    expect(calc.money('A', 'B4').toString()).toBe('-7');
    calc.set('A', 'A1', 10);
    expect(calc.money('A', 'B3').toString()).toBe('16'); // 10 + 3 + min(10, 3)
    expect(() => parseFormula('IF(A1>0,1,2)', 'A')).toThrow();
    expect(referencedCells("SUM('Line items'!$C$1:$C$3)", 'A').map((r) => `${r.sheet}!${r.col},${r.row}`)).toEqual(['Line items!3,1', 'Line items!3,2', 'Line items!3,3']);
  });
});
