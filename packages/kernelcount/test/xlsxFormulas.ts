/**
 * A tiny spreadsheet evaluator for the formula subset kernelcount's workbook uses: numbers,
 * strings, cell references and ranges (optionally on another sheet, `$` anchors allowed), + - * /,
 * unary minus, brackets, SUM, SUMIFS (equality criteria) and MIN. It reads a workbook as exceljs
 * loads it from a file, ignores the cached results, and computes every formula again from the
 * plain cells, with exact decimals. Written independently of src/report/xlsx.ts so the tests check
 * the file, not the code that wrote it.
 */
import type ExcelJS from 'exceljs';
import { Money } from '../src/money.js';

type Value = Money | string;
interface Ref {
  sheet: string;
  col: number;
  row: number;
}
interface Range {
  kind: 'range';
  from: Ref;
  to: Ref;
}
type Node =
  | { kind: 'num'; value: Money }
  | { kind: 'str'; value: string }
  | { kind: 'ref'; ref: Ref }
  | Range
  | { kind: 'neg'; arg: Node }
  | { kind: 'bin'; op: string; left: Node; right: Node }
  | { kind: 'call'; name: string; args: Node[] };

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)|"((?:[^"]|"")*)"|((?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?|([A-Z]+)\(|([-+*/(),]))/y;

/** Parses one formula (without the leading `=`) written on `sheet`. */
export function parseFormula(formula: string, sheet: string): Node {
  const tokens: Array<{ t: string; v: string; v2?: string; sheet?: string }> = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < formula.length) {
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(formula);
    if (!m) throw new Error(`cannot read formula ${JSON.stringify(formula)} at ${pos}`);
    pos = TOKEN.lastIndex;
    if (m[1] !== undefined) tokens.push({ t: 'num', v: m[1] });
    else if (m[2] !== undefined) tokens.push({ t: 'str', v: m[2].replace(/""/g, '"') });
    else if (m[4] !== undefined) {
      const s = m[3] ? m[3].slice(0, -1).replace(/^'(.*)'$/, '$1').replace(/''/g, "'") : sheet;
      tokens.push(m[5] !== undefined ? { t: 'range', v: m[4], v2: m[5], sheet: s } : { t: 'ref', v: m[4], sheet: s });
    } else if (m[6] !== undefined) tokens.push({ t: 'fn', v: m[6] });
    else tokens.push({ t: 'op', v: m[7]! });
    if (/^\s*$/.test(formula.slice(pos))) break;
  }
  let i = 0;
  const peek = () => tokens[i];
  const ref = (a: string, s: string): Ref => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a)!;
    return { sheet: s, col: colNumber(m[1]!), row: Number(m[2]) };
  };
  const expect = (v: string) => {
    const t = tokens[i++];
    if (!t || t.t !== 'op' || t.v !== v) throw new Error(`expected ${v} in ${formula}`);
  };
  function primary(): Node {
    const t = tokens[i++];
    if (!t) throw new Error(`unexpected end of ${formula}`);
    if (t.t === 'num') return { kind: 'num', value: new Money(t.v) };
    if (t.t === 'str') return { kind: 'str', value: t.v };
    if (t.t === 'ref') return { kind: 'ref', ref: ref(t.v, t.sheet!) };
    if (t.t === 'range') return { kind: 'range', from: ref(t.v, t.sheet!), to: ref(t.v2!, t.sheet!) };
    if (t.t === 'fn') {
      const args: Node[] = [];
      if (!(peek()?.t === 'op' && peek()?.v === ')')) {
        args.push(expr());
        while (peek()?.t === 'op' && peek()?.v === ',') {
          i++;
          args.push(expr());
        }
      }
      expect(')');
      return { kind: 'call', name: t.v, args };
    }
    if (t.v === '(') {
      const e = expr();
      expect(')');
      return e;
    }
    if (t.v === '-') return { kind: 'neg', arg: unary() };
    throw new Error(`unexpected ${t.v} in ${formula}`);
  }
  function unary(): Node {
    if (peek()?.t === 'op' && peek()?.v === '-') {
      i++;
      return { kind: 'neg', arg: unary() };
    }
    return primary();
  }
  function term(): Node {
    let left = unary();
    while (peek()?.t === 'op' && (peek()!.v === '*' || peek()!.v === '/')) {
      const op = tokens[i++]!.v;
      left = { kind: 'bin', op, left, right: unary() };
    }
    return left;
  }
  function expr(): Node {
    let left = term();
    while (peek()?.t === 'op' && (peek()!.v === '+' || peek()!.v === '-')) {
      const op = tokens[i++]!.v;
      left = { kind: 'bin', op, left, right: term() };
    }
    return left;
  }
  const tree = expr();
  if (i !== tokens.length) throw new Error(`trailing input in ${formula}`);
  return tree;
}

function cellsOf(r: Range): Ref[] {
  const out: Ref[] = [];
  for (let row = r.from.row; row <= r.to.row; row++) for (let col = r.from.col; col <= r.to.col; col++) out.push({ sheet: r.from.sheet, row, col });
  return out;
}

/** Every cell a formula reads (ranges expanded). */
export function referencedCells(formula: string, sheet: string): Ref[] {
  const out: Ref[] = [];
  const walk = (n: Node): void => {
    if (n.kind === 'ref') out.push(n.ref);
    else if (n.kind === 'range') out.push(...cellsOf(n));
    else if (n.kind === 'neg') walk(n.arg);
    else if (n.kind === 'bin') {
      walk(n.left);
      walk(n.right);
    } else if (n.kind === 'call') n.args.forEach(walk);
  };
  walk(parseFormula(formula, sheet));
  return out;
}

/**
 * A calculator over a loaded workbook: `value(sheet, 'J5')` recomputes a cell from the plain
 * cells, with `set` replacing the value of an input cell first (as a person typing a new price).
 */
export class WorkbookCalculator {
  private readonly memo = new Map<string, Value>();
  private readonly overrides = new Map<string, Money>();
  constructor(private readonly wb: ExcelJS.Workbook) {}

  set(sheet: string, address: string, value: Money | number | string): void {
    this.overrides.set(`${sheet}!${address}`, new Money(value));
    this.memo.clear();
  }

  value(sheet: string, address: string): Value {
    const m = /^([A-Z]+)(\d+)$/.exec(address);
    if (!m) throw new Error(`bad address ${address}`);
    return this.cell({ sheet, col: colNumber(m[1]!), row: Number(m[2]) });
  }

  money(sheet: string, address: string): Money {
    const v = this.value(sheet, address);
    if (typeof v === 'string') throw new Error(`${sheet}!${address} holds text ${JSON.stringify(v)}`);
    return v;
  }

  private cell(r: Ref): Value {
    const ws = this.wb.getWorksheet(r.sheet);
    if (!ws) throw new Error(`no sheet ${r.sheet}`);
    const c = ws.getCell(r.row, r.col);
    const key = `${r.sheet}!${c.address}`;
    const o = this.overrides.get(key);
    if (o) return o;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    let v: Value;
    if (c.formula) v = this.eval(parseFormula(c.formula, r.sheet));
    else if (typeof c.value === 'number') v = new Money(c.value);
    else if (typeof c.value === 'string') v = c.value;
    else if (c.value === null || c.value === undefined) v = new Money(0);
    else if (typeof c.value === 'object' && 'text' in c.value) v = String(c.value.text);
    else throw new Error(`cannot read ${key}`);
    this.memo.set(key, v);
    return v;
  }

  private num(n: Node): Money {
    const v = this.eval(n);
    if (typeof v === 'string') throw new Error(`text ${JSON.stringify(v)} used as a number`);
    return v;
  }

  private eval(n: Node): Value {
    switch (n.kind) {
      case 'num':
      case 'str':
        return n.value;
      case 'ref':
        return this.cell(n.ref);
      case 'range':
        throw new Error('a range outside a function');
      case 'neg':
        return this.num(n.arg).negated();
      case 'bin': {
        const a = this.num(n.left);
        const b = this.num(n.right);
        if (n.op === '/' && b.isZero()) throw new Error('#DIV/0!');
        return n.op === '+' ? a.plus(b) : n.op === '-' ? a.minus(b) : n.op === '*' ? a.times(b) : a.div(b);
      }
      case 'call':
        return this.call(n.name, n.args);
    }
  }

  private numbers(n: Node): Money[] {
    if (n.kind !== 'range') return [this.num(n)];
    // Text and empty cells in a range do not count, as in a spreadsheet.
    return cellsOf(n)
      .map((r) => this.cell(r))
      .filter((v): v is Money => typeof v !== 'string');
  }

  private call(name: string, args: Node[]): Value {
    if (name === 'SUM') return args.flatMap((a) => this.numbers(a)).reduce((a, b) => a.plus(b), new Money(0));
    if (name === 'MIN') return args.flatMap((a) => this.numbers(a)).reduce((a, b) => (b.lt(a) ? b : a));
    if (name === 'SUMIFS') {
      const [sum, ...pairs] = args;
      if (!sum || sum.kind !== 'range' || pairs.length % 2 !== 0) throw new Error('SUMIFS(sum range, criteria range, criterion, ...)');
      const sumCells = cellsOf(sum);
      let total = new Money(0);
      sumCells.forEach((cellRef, k) => {
        for (let p = 0; p < pairs.length; p += 2) {
          const range = pairs[p]!;
          if (range.kind !== 'range') throw new Error('SUMIFS criteria must be a range');
          const crit = this.eval(pairs[p + 1]!);
          const v = this.cell(cellsOf(range)[k]!);
          if (typeof crit !== 'string' || /[*?~<>=]/.test(crit)) throw new Error(`criterion ${String(crit)} is not a plain word`);
          if (typeof v !== 'string' || v.toLowerCase() !== crit.toLowerCase()) return;
        }
        const x = this.cell(cellRef);
        if (typeof x !== 'string') total = total.plus(x);
      });
      return total;
    }
    throw new Error(`function ${name} is not in the subset`);
  }
}
