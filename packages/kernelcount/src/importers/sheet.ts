/**
 * Reads a table (a header row and data rows) from CSV text with papaparse, or from one sheet of an
 * .xlsx workbook with exceljs, into plain cells. Row numbers are the ones a spreadsheet shows: the
 * header is row 1, so the first data row is row 2 (in CSV, a record with a line break inside quotes
 * is still one row).
 *
 * exceljs is loaded only when a workbook is read (a dynamic import), so reading CSV never pulls it in.
 */
import Papa from 'papaparse';
import { KernelcountError, describeValue } from '../errors.js';
import { MAX_IMPORT_BYTES } from './report.js';

/** One cell as read: text, a number, a boolean, or null when empty. */
export type Cell = string | number | boolean | null;

export interface Table {
  /** Sheet name (`vInfo`), for messages. */
  sheet: string;
  /** Header cells as written (trimmed). */
  headers: string[];
  /** Data rows, each with its spreadsheet row number. */
  rows: Array<{ row: number; cells: Cell[] }>;
}

/** What a file is, judged by its first bytes. */
export type FileKind = 'xlsx' | 'xls' | 'text' | 'binary';

/**
 * Tells an .xlsx workbook (a zip: `PK\x03\x04`), an old Excel 97-2003 .xls (an OLE2 compound file:
 * `D0 CF 11 E0`), text and other binary data apart by their first bytes.
 *
 * @example
 * sniffFile(new TextEncoder().encode('VM,CPUs\n')) //=> 'text'
 */
export function sniffFile(bytes: Uint8Array): FileKind {
  const b = bytes;
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'xls';
  // UTF-16 text starts with a byte-order mark; anything else with a NUL byte early on is binary.
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) return 'text';
  const head = b.subarray(0, 4096);
  return head.includes(0) ? 'binary' : 'text';
}

/**
 * Decodes text bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark,
 * as Excel's "Unicode Text" export writes. Throws when the bytes are not valid UTF-8.
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x56, 0x4d])) //=> 'VM'
 */
export function decodeText(bytes: Uint8Array, file = 'file'): string {
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  try {
    // TextDecoder drops the byte-order mark of its own encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new KernelcountError([{ code: 'unreadable', path: file, message: `is not text in UTF-8 or UTF-16 (save the sheet as CSV UTF-8)` }]);
  }
}

/**
 * Parses CSV text into a table with papaparse; the delimiter (comma, semicolon, tab or pipe) is the
 * one the header line uses.
 * Empty records are left out; a record with more or fewer cells than the header, or an open quote,
 * is an error naming its row. `checkHeader` may refuse the header first (throwing).
 *
 * @example
 * readCsvTable('VM,CPUs\nweb-01,2\n').rows //=> [{ row: 2, cells: ['web-01', '2'] }]
 */
export function readCsvTable(text: string, sheet: string, file = sheet, checkHeader?: (headers: string[]) => void): Table {
  if (text.length > MAX_IMPORT_BYTES) {
    throw new KernelcountError([{ code: 'too_large_input', path: file, message: `is ${text.length} characters; the limit is ${MAX_IMPORT_BYTES}` }]);
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new KernelcountError([{ code: 'required', path: file, message: 'is empty: expected a header row and one row per VM' }]);
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimiter: guessDelimiter(body) });
  const quoteErrors = parsed.errors.filter((e) => e.type === 'Quotes');
  if (quoteErrors.length) {
    throw new KernelcountError(
      quoteErrors.slice(0, 10).map((e) => ({
        code: 'parse_error' as const,
        path: `${sheet} row ${(e.row ?? 0) + 1}`,
        message: `not valid CSV: ${e.message.toLowerCase()} (a quote opened in this row is never closed)`,
      })),
    );
  }
  const records = parsed.data;
  const headerIndex = records.findIndex((r) => !isBlankRecord(r));
  const header = records[headerIndex]!.map((h) => h.trim());
  // A file that is not the table at all is told by its header, before its rows are blamed.
  checkHeader?.(header);
  const rows: Table['rows'] = [];
  const issues: Array<{ code: 'parse_error'; path: string; message: string }> = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const r = records[i]!;
    if (isBlankRecord(r)) continue;
    const rowNumber = i + 1;
    if (r.length !== header.length) {
      if (issues.length < 20) {
        issues.push({
          code: 'parse_error',
          path: `${sheet} row ${rowNumber}`,
          message: `has ${r.length} cells but the header has ${header.length} columns (a delimiter inside an unquoted cell, or a cut line?)`,
        });
      }
      continue;
    }
    rows.push({ row: rowNumber, cells: r.map((c) => (c.trim() === '' ? null : c)) });
  }
  if (issues.length) throw new KernelcountError(issues);
  return { sheet, headers: header, rows };
}

/**
 * The delimiter of the header line: whichever of comma, semicolon, tab and pipe it holds most of
 * outside quotes (RVTools writes the list separator of the Windows locale, often a semicolon in
 * Europe). Judging the header alone keeps a short file from being misread.
 */
function guessDelimiter(text: string): string {
  const header = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const [d, n] of counts) if (n > counts.get(best)!) best = d;
  return best;
}

function isBlankRecord(r: readonly string[]): boolean {
  return r.every((c) => c.trim() === '');
}

/** What reading a workbook found besides the sheet asked for. */
export interface WorkbookTable {
  table: Table;
  /** Every sheet name in the workbook. */
  sheets: string[];
  /** Key/value pairs of RVTools' `vMetaData` sheet when present (`RVTools version`, ...). */
  meta: Record<string, string>;
  /** The other sheets asked for in `options.also`, by the name asked; null when missing or empty. */
  others: Record<string, Table | null>;
}

/**
 * Reads one sheet of an .xlsx workbook with exceljs. The sheet is found by name, ignoring case;
 * only the columns in `wanted` are read from the data rows. `options.also` names other sheets to
 * read the same way in the same pass (the workbook is parsed once). Formula cells give
 * their cached result; rich text is joined; errors such as `#N/A` are kept as their text.
 *
 * @example
 * (await readXlsxTable(bytes, 'vInfo', 'inventory.xlsx', () => true)).table.headers[0] //=> 'VM'
 */
export async function readXlsxTable(
  bytes: Uint8Array,
  sheet: string,
  file: string,
  wanted: (header: string) => boolean,
  options: { also?: Record<string, (header: string) => boolean> } = {},
): Promise<WorkbookTable> {
  if (bytes.length > MAX_IMPORT_BYTES) {
    throw new KernelcountError([{ code: 'too_large_input', path: file, message: `is ${bytes.length} bytes; the limit is ${MAX_IMPORT_BYTES}` }]);
  }
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    throw new KernelcountError([
      { code: 'unreadable', path: file, message: `is not a readable .xlsx workbook: ${String((e as Error)?.message ?? e).split('\n')[0]}` },
    ]);
  }
  const sheets = workbook.worksheets.map((w) => w.name);
  const ws = workbook.worksheets.find((w) => w.name === sheet) ?? workbook.worksheets.find((w) => w.name.toLowerCase() === sheet.toLowerCase());
  if (!ws) {
    throw new KernelcountError([
      { code: 'required', path: file, message: `has no ${JSON.stringify(sheet)} sheet; its sheets are ${sheets.map((s) => JSON.stringify(s)).join(', ') || 'none'}` },
    ]);
  }
  const meta: Record<string, string> = {};
  const metaSheet = workbook.worksheets.find((w) => w.name.toLowerCase() === 'vmetadata');
  if (metaSheet) {
    // RVTools 4.x writes one header row (`RVTools major version`, `RVTools version`, `xlsx creation
    // datetime`, `Server`) and one row of values; older versions write Property / Value pairs.
    const first = metaSheet.getRow(1);
    const second = metaSheet.getRow(2);
    for (let c = 1; c <= metaSheet.columnCount; c++) {
      const k = cellText(first.getCell(c).value);
      const v = cellText(second.getCell(c).value);
      if (k && v) meta[k] = v;
    }
  }
  const table = sheetTable(ws, file, wanted);
  const others: Record<string, Table | null> = {};
  for (const [name, want] of Object.entries(options.also ?? {})) {
    const other = workbook.worksheets.find((w) => w.name.toLowerCase() === name.toLowerCase());
    others[name] = other && other.actualRowCount > 0 ? sheetTable(other, file, want) : null;
  }
  return { table, sheets, meta, others };
}

type Worksheet = import('exceljs').Worksheet;

/** One sheet as a table: the first non-empty row is the header; only `wanted` columns are read. */
function sheetTable(ws: Worksheet, file: string, wanted: (header: string) => boolean): Table {
  const lastRow = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  let headerRow = 0;
  for (let r = 1; r <= lastRow && headerRow === 0; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= ws.columnCount; c++) {
      if (cellText(row.getCell(c).value)) {
        headerRow = r;
        break;
      }
    }
  }
  if (headerRow === 0) {
    throw new KernelcountError([{ code: 'required', path: `${file} sheet ${ws.name}`, message: 'is empty: expected a header row and one row per VM' }]);
  }
  const headRow = ws.getRow(headerRow);
  const headers: string[] = [];
  for (let c = 1; c <= ws.columnCount; c++) headers.push(cellText(headRow.getCell(c).value).trim());
  while (headers.length && headers[headers.length - 1] === '') headers.pop();
  const columns = headers.map((h, i) => (wanted(h) ? i : -1)).filter((i) => i >= 0);
  const rows: Table['rows'] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) {
    const row = ws.getRow(r);
    const cells: Cell[] = headers.map(() => null);
    let blank = true;
    for (const i of columns) {
      const v = cellValue(row.getCell(i + 1).value);
      cells[i] = v;
      if (v !== null) blank = false;
    }
    if (!blank) rows.push({ row: r, cells });
  }
  return { sheet: ws.name, headers, rows };
}

/** exceljs cell values as plain cells. */
function cellValue(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return cellValue((o.richText as Array<{ text?: unknown }>).map((p) => String(p.text ?? '')).join(''));
    if ('result' in o) return cellValue(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if ('text' in o) return cellValue(o.text);
    if ('error' in o) return String(o.error);
  }
  return describeValue(v);
}

function cellText(v: unknown): string {
  const c = cellValue(v);
  return c === null ? '' : String(c);
}
